//! Small test images made at test time, one per format (issue 10), each filled with its own
//! colour so a rendered page shows which ones were drawn: PNG grey, JPEG grey (made by hand:
//! a baseline greyscale JPEG whose blocks are all DC 0), GIF red then blue (two frames: only
//! the red first frame may show), WebP green (lossless), SVG yellow with Chinese text.

use std::path::Path;

/// Width and height of every raster test image, in pixels.
pub const W: u32 = 64;
/// Height of the raster test images.
pub const H: u32 = 32;

/// Text inside the test SVG (drawn as text in the PDF).
pub const SVG_TEXT: &str = "矢量图形";

/// An RGB PNG of one colour.
pub fn png(rgb: [u8; 3]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, W, H);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().unwrap();
    w.write_image_data(&rgb.repeat((W * H) as usize)).unwrap();
    w.finish().unwrap();
    out
}

/// A 16 × 8 baseline greyscale JPEG, mid grey: two 8 × 8 blocks with DC difference 0 and
/// no AC coefficients, coded with one-symbol Huffman tables (code `0` for both).
pub fn jpeg() -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8];
    // DQT: table 0, all ones.
    j.extend([0xFF, 0xDB, 0, 67, 0]);
    j.extend([1u8; 64]);
    // SOF0: 8 bits, height 8, width 16, one component (id 1, 1×1, table 0).
    j.extend([0xFF, 0xC0, 0, 11, 8, 0, 8, 0, 16, 1, 1, 0x11, 0]);
    // DHT: DC table 0 and AC table 0, each one code of length 1 (symbol 0 = EOB for AC).
    for class in [0x00, 0x10] {
        j.extend([0xFF, 0xC4, 0, 20, class, 1]);
        j.extend([0u8; 15]);
        j.push(0);
    }
    // SOS: one component, tables 0/0, spectral 0..63.
    j.extend([0xFF, 0xDA, 0, 8, 1, 1, 0x00, 0, 63, 0]);
    // Two blocks of "0" (DC category 0) + "0" (EOB), padded with ones.
    j.push(0x0F);
    j.extend([0xFF, 0xD9]);
    j
}

/// A two-frame GIF: red, then blue.
pub fn gif() -> Vec<u8> {
    let palette = [255, 0, 0, 0, 0, 255];
    let mut out = Vec::new();
    {
        let mut enc = gif::Encoder::new(&mut out, W as u16, H as u16, &palette).unwrap();
        enc.set_repeat(gif::Repeat::Infinite).unwrap();
        for index in [0u8, 1] {
            let mut frame = gif::Frame::from_palette_pixels(
                W as u16,
                H as u16,
                vec![index; (W * H) as usize],
                palette.to_vec(),
                None,
            );
            frame.delay = 50;
            enc.write_frame(&frame).unwrap();
        }
    }
    out
}

/// A lossless green WebP.
pub fn webp() -> Vec<u8> {
    let mut out = Vec::new();
    image_webp::WebPEncoder::new(&mut out)
        .encode(
            &[0, 200, 0].repeat((W * H) as usize),
            W,
            H,
            image_webp::ColorType::Rgb8,
        )
        .unwrap();
    out
}

/// A yellow 120 × 60 SVG with [`SVG_TEXT`] on it.
pub fn svg() -> Vec<u8> {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60"><rect width="120" height="60" fill="#ffcc00"/><text x="10" y="38" font-size="20">{SVG_TEXT}</text></svg>"##
    )
    .into_bytes()
}

/// Writes `img.png`, `img.jpg`, `img.gif`, `img.webp` and `img.svg` into `dir`.
pub fn write_all(dir: &Path) {
    std::fs::write(dir.join("img.png"), png([128, 128, 128])).unwrap();
    std::fs::write(dir.join("img.jpg"), jpeg()).unwrap();
    std::fs::write(dir.join("img.gif"), gif()).unwrap();
    std::fs::write(dir.join("img.webp"), webp()).unwrap();
    std::fs::write(dir.join("img.svg"), svg()).unwrap();
}

/// Markdown with one figure per format, in the order of [`write_all`].
pub const FIGURES_MD: &str = "# 图片格式\n\n![PNG 图](img.png)\n\n![JPEG 图](img.jpg)\n\n\
![GIF 图](img.gif)\n\n![WebP 图](img.webp)\n\n![SVG 图](img.svg)\n";

/// Pixels (RGB) of a PNG file, 8-bit RGB or RGBA.
pub fn rgb_pixels(png_bytes: &[u8]) -> Vec<[u8; 3]> {
    rgb_image(png_bytes).1
}

/// Width in pixels and pixels (RGB, row by row) of a PNG file, 8-bit RGB or RGBA.
pub fn rgb_image(png_bytes: &[u8]) -> (usize, Vec<[u8; 3]>) {
    let mut dec = png::Decoder::new(std::io::Cursor::new(png_bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(step)
        .map(|p| match step {
            1 | 2 => [p[0]; 3],
            _ => [p[0], p[1], p[2]],
        })
        .collect();
    (info.width as usize, pixels)
}

/// True when some pixel is close to `rgb` (each channel within 40).
pub fn has_colour(pixels: &[[u8; 3]], rgb: [u8; 3]) -> bool {
    pixels
        .iter()
        .any(|p| (0..3).all(|i| p[i].abs_diff(rgb[i]) <= 40))
}
