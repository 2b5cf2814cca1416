//! Conversions to PNG for outputs that cannot take a format as it is: SVG rasterised (the
//! DOCX fallback picture beside the SVG itself), WebP decoded (EPUB 3.2 readers and
//! epubcheck 4 do not know it, nor does Word 2016).

use super::{svg, ImageFile, ImageKind};
use resvg::tiny_skia;

/// Device pixels per CSS pixel when an SVG is rasterised: 192 dpi, sharp in print at the
/// size the SVG asks for.
const SVG_RASTER_SCALE: f32 = 2.0;

/// Most pixels of a rasterised SVG (16 megapixels, 64 MB while drawing): a fallback
/// picture, not a poster; a bigger SVG is drawn at a lower resolution.
const SVG_RASTER_MAX_PIXELS: f32 = 16_000_000.0;

/// A PNG made from an image, with its pixel size.
#[derive(Debug, Clone)]
pub struct Converted {
    /// The PNG file.
    pub png: Vec<u8>,
    /// Width and height of the PNG in pixels.
    pub size_px: (u32, u32),
}

/// A PNG of `file`: an SVG rasterised at 192 dpi (capped at 16 megapixels and at
/// `max_pixels`), the first frame of a WebP decoded. Other kinds are not converted (`Err`).
pub fn to_png(file: &ImageFile, max_pixels: u64) -> Result<Converted, String> {
    match file.kind {
        Some(ImageKind::Svg) => match &file.svg {
            Some(tree) => svg_to_png(tree, max_pixels),
            None => svg_to_png(&svg::svg_tree(&file.bytes, max_pixels)?, max_pixels),
        },
        Some(ImageKind::Webp) => webp_to_png(&file.bytes, max_pixels),
        other => Err(format!(
            "{} is not converted to PNG",
            other.map_or("unknown format", ImageKind::name)
        )),
    }
}

fn svg_to_png(tree: &resvg::usvg::Tree, max_pixels: u64) -> Result<Converted, String> {
    let size = tree.size();
    let (w, h) = (size.width(), size.height());
    let cap = SVG_RASTER_MAX_PIXELS.min(max_pixels as f32);
    let scale = SVG_RASTER_SCALE.min((cap / (w * h)).sqrt());
    let (pw, ph) = (
        ((w * scale).floor() as u32).max(1),
        ((h * scale).floor() as u32).max(1),
    );
    let mut pixmap =
        tiny_skia::Pixmap::new(pw, ph).ok_or_else(|| format!("cannot draw {pw} × {ph} pixels"))?;
    let transform = tiny_skia::Transform::from_scale(pw as f32 / w, ph as f32 / h);
    resvg::render(tree, transform, &mut pixmap.as_mut());
    let png = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok(Converted {
        png,
        size_px: (pw, ph),
    })
}

fn webp_to_png(bytes: &[u8], max_pixels: u64) -> Result<Converted, String> {
    let mut decoder =
        image_webp::WebPDecoder::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > max_pixels {
        return Err(format!("{w} × {h} pixels, more than the limit"));
    }
    let len = decoder
        .output_buffer_size()
        .ok_or("image too large to decode")?;
    let mut pixels = vec![0; len];
    // The first frame of an animation, as every output shows.
    decoder.read_image(&mut pixels).map_err(|e| e.to_string())?;
    let color = if decoder.has_alpha() {
        png::ColorType::Rgba
    } else {
        png::ColorType::Rgb
    };
    let mut png_bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut png_bytes, w, h);
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(&pixels)
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(Converted {
        png: png_bytes,
        size_px: (w, h),
    })
}
