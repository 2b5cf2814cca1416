//! Reading image files, for the layout (PDF) and every backend: where a source points,
//! whether it may be read at all, what format the bytes are and how many pixels they hold.
//! The rules (which folders, how big) live here so that every output makes the same
//! decision about the same image; which formats an output accepts stays with that output.

mod convert;
mod svg;

pub use convert::{to_png, Converted};
pub use svg::{self_contained as self_contained_svg, svg_tree};

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Points per CSS pixel: 96 pixels to the inch, as browsers and Word assume.
pub const PT_PER_PX: f32 = 0.75;

/// Largest image file read, in bytes (50 MB): a print image at 300 dpi is a few MB; anything
/// bigger is refused before it is read, so `/dev/zero`-like sources cannot exhaust memory.
pub const MAX_IMAGE_BYTES: u64 = 50 * 1024 * 1024;

/// Most pixels an image may have (100 megapixels, e.g. 10,000 × 10,000): checked from the
/// header before any decoding, since decoders allocate width × height × 4 bytes and more.
pub const MAX_IMAGE_PIXELS: u64 = 100_000_000;

/// Where images may be read from and how big they may be (issue 9): one set of rules for
/// every output, so the PDF, EPUB and DOCX of a document embed the same images.
#[derive(Debug, Clone)]
pub struct ImageRules {
    /// Folders (`--resource-path`) whose trees images may come from besides the input
    /// file's own folder tree; relative sources are also looked up in them, in order.
    pub resource_paths: Vec<PathBuf>,
    /// Largest image file, in bytes.
    pub max_bytes: u64,
    /// Most pixels (width × height) an image may have.
    pub max_pixels: u64,
}

/// The default rules: the input's folder tree only, the default limits.
static DEFAULT_RULES: ImageRules = ImageRules {
    resource_paths: Vec::new(),
    max_bytes: MAX_IMAGE_BYTES,
    max_pixels: MAX_IMAGE_PIXELS,
};

impl Default for ImageRules {
    fn default() -> Self {
        DEFAULT_RULES.clone()
    }
}

/// The images one input may use: its folder and the rules.
#[derive(Debug, Clone, Copy)]
pub struct ImageSource<'a> {
    /// Folder of the input file: relative sources resolve against it first, and its tree
    /// is where images may come from.
    pub base_dir: &'a Path,
    /// Extra folders and size limits.
    pub rules: &'a ImageRules,
}

/// Image formats recognised from a file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF (animated ones show their first frame).
    Gif,
    /// WebP (lossy or lossless; animated ones show their first frame).
    Webp,
    /// Windows bitmap.
    Bmp,
    /// TIFF.
    Tiff,
    /// SVG (an XML document whose root element is `<svg>`).
    Svg,
}

impl ImageKind {
    /// The format's usual name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Png => "PNG",
            ImageKind::Jpeg => "JPEG",
            ImageKind::Gif => "GIF",
            ImageKind::Webp => "WebP",
            ImageKind::Bmp => "BMP",
            ImageKind::Tiff => "TIFF",
            ImageKind::Svg => "SVG",
        }
    }
}

/// An image file read from disk and checked.
#[derive(Clone)]
pub struct ImageFile {
    /// The path that was read (the source resolved against the input folder or a
    /// `--resource-path`).
    pub path: PathBuf,
    /// The file's bytes (shared: the PDF writer embeds them without a copy).
    pub bytes: Arc<Vec<u8>>,
    /// The format (always recognised after [`ImageSource::load`], which refuses unknown
    /// bytes); it has passed its decoder's check.
    pub kind: Option<ImageKind>,
    /// Width and height in pixels, when the header gives them (non-zero); for an SVG, its
    /// size in CSS pixels.
    pub size_px: Option<(usize, usize)>,
    /// An SVG's parsed tree (see [`svg_tree`]), shared by the outputs that draw it.
    pub svg: Option<Arc<resvg::usvg::Tree>>,
}

impl fmt::Debug for ImageFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The bytes are left out: a debug print of a layout must not dump megabytes.
        f.debug_struct("ImageFile")
            .field("path", &self.path)
            .field("bytes", &self.bytes.len())
            .field("kind", &self.kind)
            .field("size_px", &self.size_px)
            .field("svg", &self.svg.is_some())
            .finish()
    }
}

impl ImageFile {
    /// Width and height in points at 96 dpi.
    pub fn size_pt(&self) -> Option<(f32, f32)> {
        self.size_px
            .map(|(w, h)| (w as f32 * PT_PER_PX, h as f32 * PT_PER_PX))
    }
}

/// Why an image cannot be used.
#[derive(Debug)]
pub enum ImageError {
    /// The source is a URL (`https:`, `data:`, `//host/…`); paiban never fetches.
    Remote,
    /// The file could not be read: missing, unreadable, not a regular file, too big.
    Read {
        /// The path tried.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
    /// The file's real path (links followed) is outside the input's folder tree and every
    /// `--resource-path`.
    Outside {
        /// The path as resolved from the source.
        path: PathBuf,
        /// Where it really is.
        real: PathBuf,
    },
    /// The header claims more pixels than [`ImageRules::max_pixels`]; nothing was decoded.
    TooManyPixels {
        /// The path read.
        path: PathBuf,
        /// Width and height from the header.
        size: (usize, usize),
        /// The limit.
        max: u64,
    },
    /// The bytes are no image format paiban knows (PNG, JPEG, GIF, BMP, TIFF, SVG).
    Unknown {
        /// The path read.
        path: PathBuf,
    },
    /// The bytes start like an image of `kind` but its decoder rejects them.
    Invalid {
        /// The path read.
        path: PathBuf,
        /// The format the bytes claim.
        kind: ImageKind,
        /// The decoder's reason.
        reason: String,
    },
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageError::Remote => write!(f, "remote image, not fetched"),
            ImageError::Read { path, error } => write!(f, "image {}: {error}", path.display()),
            ImageError::Outside { path, real } => write!(
                f,
                "image {} is outside the input's folder ({}); move it there or allow its folder with --resource-path DIR",
                path.display(),
                real.display()
            ),
            ImageError::TooManyPixels { path, size, max } => write!(
                f,
                "image {} has {} × {} pixels, more than the limit of {} megapixels; scale it down",
                path.display(),
                size.0,
                size.1,
                max / 1_000_000
            ),
            ImageError::Unknown { path } => write!(
                f,
                "image {} is not a PNG, JPEG, GIF, BMP, TIFF or SVG image; convert it to PNG or JPEG",
                path.display()
            ),
            ImageError::Invalid { path, kind, reason } => write!(
                f,
                "image {} is not a valid {} ({reason}); repair or replace it",
                path.display(),
                kind.name()
            ),
        }
    }
}

impl std::error::Error for ImageError {}

/// Source of the warnings about images that cannot be used, in every output.
pub const WARNING: &str = "W-IMAGE";

impl ImageError {
    /// The warning for image `src` refused with this error, with what to do. Every output
    /// words it alike (and logs it as [`WARNING`]), so that converting one input to several
    /// formats reports each bad image once ([`crate::log::Log::dedupe_warnings`]).
    pub fn warning(&self, src: &str) -> String {
        match self {
            ImageError::Remote => format!(
                "remote image {src} is not fetched; alt text used: save it beside the document \
                 and link the file"
            ),
            ImageError::Read { path, error } => {
                let hint = match error.kind() {
                    std::io::ErrorKind::NotFound => "check the path",
                    std::io::ErrorKind::PermissionDenied => "make it readable (chmod +r)",
                    _ => "give a regular image file",
                };
                format!("image {}: {error}; alt text used: {hint}", path.display())
            }
            e => format!("{e}; alt text used"),
        }
    }
}

/// True when `url` starts with a URI scheme (`https:`, `mailto:`, `data:`…).
pub fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    // One letter before a colon is a Windows drive (`C:\x`), not a scheme.
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// True when image source `src` is not a local file: it has a scheme or is
/// scheme-relative (`//host/x.png`).
pub fn is_remote(src: &str) -> bool {
    has_scheme(src) || src.starts_with("//")
}

/// The caption-like line printed for a remote image, which is never fetched (issue 10):
/// `［图：alt］` (`［图］` without alt text), a space and the address as a link, e.g.
/// `［图：架构］ https://example.com/a.png`. Every output prints these inlines, so the
/// reader sees what the picture was and where to find it, never an empty box.
pub fn remote_line(alt: &str, src: &str) -> Vec<crate::ast::Inline> {
    use crate::ast::{Inline, Link};
    let alt = alt.trim();
    let label = if alt.is_empty() {
        "［图］".to_string()
    } else {
        format!("［图：{alt}］")
    };
    vec![
        Inline::Text(label),
        Inline::Text(" ".into()),
        Inline::Link(Link {
            url: src.to_string(),
            title: None,
            content: vec![Inline::Text(src.to_string())],
        }),
    ]
}

/// The format of `bytes`: raster formats by their signature, SVG by parsing the text as
/// XML (a text file that merely mentions `<svg` is not an image).
pub fn kind(bytes: &[u8]) -> Option<ImageKind> {
    use imagesize::ImageType as T;
    match imagesize::image_type(bytes) {
        Ok(T::Png) => Some(ImageKind::Png),
        Ok(T::Jpeg) => Some(ImageKind::Jpeg),
        Ok(T::Gif) => Some(ImageKind::Gif),
        Ok(T::Webp) => Some(ImageKind::Webp),
        Ok(T::Bmp) => Some(ImageKind::Bmp),
        Ok(T::Tiff) => Some(ImageKind::Tiff),
        _ => is_svg(bytes).then_some(ImageKind::Svg),
    }
}

/// True when `bytes` are a well-formed XML document (UTF-8) with one root element named
/// `svg` (any prefix).
fn is_svg(bytes: &[u8]) -> bool {
    use quick_xml::events::Event;
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut reader = quick_xml::Reader::from_str(text.trim_start_matches('\u{feff}'));
    let mut depth = 0usize;
    let mut root = None;
    loop {
        let Ok(event) = reader.read_event() else {
            return false;
        };
        if depth == 0 {
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    if root.is_some() {
                        return false; // a second root element
                    }
                    root = Some(e.local_name().as_ref() == b"svg");
                }
                Event::Text(t) if !t.iter().all(u8::is_ascii_whitespace) => return false,
                Event::CData(_) | Event::GeneralRef(_) => return false,
                Event::Eof => return root == Some(true),
                _ => {}
            }
        }
        // The reader checks that each end tag matches its start tag.
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::Eof => return false, // elements left open
            _ => {}
        }
    }
}

impl<'a> ImageSource<'a> {
    /// The images of an input in `base_dir` under the default rules.
    pub fn new(base_dir: &'a Path) -> Self {
        ImageSource {
            base_dir,
            rules: &DEFAULT_RULES,
        }
    }

    /// Reads image `src` (a `#fragment` or `?query` is not part of the file name): found
    /// relative to the input folder, then to each `--resource-path`; refused when its real
    /// path (links followed) lies outside all of them, when it is not a regular file or too
    /// big, when its header claims too many pixels, when its bytes are no image format
    /// paiban knows, or when its decoder rejects it. The pixel count is read from the
    /// header before anything is decoded.
    pub fn load(&self, src: &str) -> Result<ImageFile, ImageError> {
        if is_remote(src) {
            return Err(ImageError::Remote);
        }
        let path = self.find(src.split(['#', '?']).next().unwrap_or(src));
        let read_error = |error| ImageError::Read {
            path: path.clone(),
            error,
        };
        let real = std::fs::canonicalize(&path).map_err(read_error)?;
        if !self.roots().any(|root| real.starts_with(root)) {
            return Err(ImageError::Outside { path, real });
        }
        // The real path is read, so a link cannot be swapped between the check and the read.
        let bytes =
            crate::read::read_regular_file(&real, self.rules.max_bytes).map_err(read_error)?;
        let kind = kind(&bytes);
        // An SVG is parsed once, here, and its tree used by every output; its size is its
        // own `width`/`height` (or `viewBox`) in CSS pixels.
        let svg = match kind {
            Some(ImageKind::Svg) => match svg_tree(&bytes, self.rules.max_pixels) {
                Ok(tree) => Some(Arc::new(tree)),
                Err(reason) => {
                    return Err(ImageError::Invalid {
                        path,
                        kind: ImageKind::Svg,
                        reason,
                    })
                }
            },
            _ => None,
        };
        let size_px = match &svg {
            Some(tree) => Some(svg::size_px(tree)),
            None => imagesize::blob_size(&bytes)
                .ok()
                .map(|s| (s.width, s.height)),
        }
        .filter(|&(w, h)| w > 0 && h > 0);
        // An SVG is drawn as vectors (or rasterised at a capped size, see [`to_png`]), so its
        // declared size allocates nothing.
        if let Some((w, h)) = size_px.filter(|_| kind != Some(ImageKind::Svg)) {
            if (w as u64).saturating_mul(h as u64) > self.rules.max_pixels {
                return Err(ImageError::TooManyPixels {
                    path,
                    size: (w, h),
                    max: self.rules.max_pixels,
                });
            }
        }
        // Unknown bytes are refused here, alike for every output (none can use them).
        let Some(kind) = kind else {
            return Err(ImageError::Unknown { path });
        };
        if let Err(reason) = validate(kind, &bytes) {
            return Err(ImageError::Invalid { path, kind, reason });
        }
        Ok(ImageFile {
            path,
            kind: Some(kind),
            size_px,
            svg,
            bytes: Arc::new(bytes),
        })
    }

    /// The input folder (`.` when the input has no folder part).
    fn base(&self) -> &Path {
        if self.base_dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            self.base_dir
        }
    }

    /// The file `name` means: itself when absolute, else the first existing candidate
    /// among the input folder and the resource paths (the input folder when none exists).
    fn find(&self, name: &str) -> PathBuf {
        let name = Path::new(name);
        if name.is_absolute() {
            return name.to_path_buf();
        }
        std::iter::once(self.base())
            .chain(self.rules.resource_paths.iter().map(PathBuf::as_path))
            .map(|dir| dir.join(name))
            .find(|p| p.exists())
            .unwrap_or_else(|| self.base().join(name))
    }

    /// The real folders whose trees images may come from.
    fn roots(&self) -> impl Iterator<Item = PathBuf> + '_ {
        std::iter::once(self.base())
            .chain(self.rules.resource_paths.iter().map(PathBuf::as_path))
            .filter_map(|dir| std::fs::canonicalize(dir).ok())
    }
}

/// Checks `bytes` with the decoder of `kind`, as far as the outputs rely on it: PNG is
/// decoded completely, row by row (one row in memory), with the transformations krilla
/// applies, so a bad deflate stream or CRC is caught here and not when the PDF is written;
/// JPEG headers and colour space are parsed as krilla parses them (the PDF embeds the
/// compressed data as it is); the first GIF frame (the one every output shows) is decoded
/// in slices; WebP headers are parsed by the decoder krilla uses; SVG was parsed by
/// usvg in [`ImageSource::load`]; BMP and TIFF, embedded by DOCX only, have no decoder here
/// beyond the header.
fn validate(kind: ImageKind, bytes: &[u8]) -> Result<(), String> {
    match kind {
        ImageKind::Png => validate_png(bytes),
        ImageKind::Jpeg => validate_jpeg(bytes),
        ImageKind::Gif => validate_gif(bytes),
        ImageKind::Webp => validate_webp(bytes),
        ImageKind::Svg | ImageKind::Bmp | ImageKind::Tiff => Ok(()),
    }
}

fn validate_webp(bytes: &[u8]) -> Result<(), String> {
    let decoder =
        image_webp::WebPDecoder::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    match decoder.dimensions() {
        (0, _) | (_, 0) => Err("no image in the file".into()),
        _ => Ok(()),
    }
}

fn validate_png(bytes: &[u8]) -> Result<(), String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    if !matches!(
        reader.output_color_type().1,
        png::BitDepth::Eight | png::BitDepth::Sixteen
    ) {
        return Err("unsupported bit depth".into());
    }
    while reader.next_row().map_err(|e| e.to_string())?.is_some() {}
    Ok(())
}

fn validate_jpeg(bytes: &[u8]) -> Result<(), String> {
    use zune_core::colorspace::ColorSpace as C;
    let mut decoder = zune_jpeg::JpegDecoder::new(std::io::Cursor::new(bytes));
    decoder.decode_headers().map_err(|e| e.to_string())?;
    match decoder.input_colorspace() {
        Some(C::Luma | C::YCbCr | C::RGB | C::CMYK | C::YCCK) => Ok(()),
        _ => Err("unknown colour space".into()),
    }
}

fn validate_gif(bytes: &[u8]) -> Result<(), String> {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options.read_info(bytes).map_err(|e| e.to_string())?;
    if decoder
        .next_frame_info()
        .map_err(|e| e.to_string())?
        .is_none()
    {
        return Err("no image in the file".into());
    }
    // An even number of pixels per slice, as `fill_buffer` asks.
    let mut slice = vec![0; decoder.line_length().max(1).next_multiple_of(2)];
    while decoder.fill_buffer(&mut slice).map_err(|e| e.to_string())? {}
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads `src` relative to `dir` under the default rules.
    fn load(src: &str, dir: &Path) -> Result<ImageFile, ImageError> {
        ImageSource::new(dir).load(src)
    }

    #[test]
    fn schemes() {
        assert!(has_scheme("https://a.cn/x.png"));
        assert!(has_scheme("mailto:a@b.cn"));
        assert!(!has_scheme("C:\\x.png"));
        assert!(!has_scheme("img/a.png"));
        assert!(!has_scheme("other.md#x"));
    }

    #[test]
    fn remote_sources_are_not_read() {
        for src in [
            "https://a.cn/x.png",
            "//a.cn/x.png",
            "data:image/png;base64,AA",
        ] {
            assert!(matches!(load(src, Path::new(".")), Err(ImageError::Remote)));
        }
        assert!(matches!(
            load("no/such.png", Path::new(".")),
            Err(ImageError::Read { .. })
        ));
    }

    #[test]
    fn a_png_header_gives_kind_and_size_but_fails_the_decoder_check() {
        // The PNG signature and an IHDR header of a 4 × 8 image are all the prober reads.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 0, 4, 0, 0, 0, 8, 8, 6, 0, 0, 0]);
        assert_eq!(kind(&png), Some(ImageKind::Png));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tiny.png"), &png).unwrap();
        // No CRC, no image data: the decoder check refuses it.
        assert!(matches!(
            load("tiny.png#frag", dir.path()),
            Err(ImageError::Invalid {
                kind: ImageKind::Png,
                ..
            })
        ));
    }

    #[test]
    fn unknown_bytes_are_refused_for_every_output_alike() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("notes.svg"),
            "draw it with an <svg> element\n",
        )
        .unwrap();
        let e = load("notes.svg", dir.path()).unwrap_err();
        assert!(matches!(e, ImageError::Unknown { .. }), "{e}");
        // One wording with what to do, whichever output meets it.
        let w = e.warning("notes.svg");
        assert!(
            w.contains("notes.svg") && w.contains("convert it to PNG or JPEG"),
            "{w}"
        );
    }

    #[test]
    fn a_real_png_gives_kind_and_size() {
        let png = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/read/tiny.png"
        ))
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tiny.png"), &png).unwrap();
        let img = load("tiny.png#frag", dir.path()).unwrap();
        assert_eq!(img.kind, Some(ImageKind::Png));
        let (w, h) = img.size_px.unwrap();
        assert_eq!(img.size_pt(), Some((w as f32 * 0.75, h as f32 * 0.75)));
    }

    #[test]
    fn svg_is_recognised_by_parsing_not_by_substring() {
        assert_eq!(kind(b"<?xml version=\"1.0\"?><svg/>"), Some(ImageKind::Svg));
        assert_eq!(
            kind(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><g></g></svg>\n"),
            Some(ImageKind::Svg)
        );
        assert_eq!(kind(b"plain text"), None);
        assert_eq!(kind(b"notes: an <svg> tag draws vectors"), None);
        assert_eq!(kind(b"<svg><g></svg>"), None);
        assert_eq!(kind(b"<html><svg/></html>"), None);
        assert_eq!(kind(b"<svg/><svg/>"), None);
    }

    /// A lossless WebP header (VP8L) claiming `w` × `h` pixels and holding no image data.
    fn webp_header(w: u32, h: u32) -> Vec<u8> {
        let bits = (w - 1) | ((h - 1) << 14);
        let mut chunk = vec![0x2f];
        chunk.extend_from_slice(&bits.to_le_bytes());
        let mut out = b"RIFF".to_vec();
        out.extend_from_slice(&(4 + 8 + chunk.len() as u32).to_le_bytes());
        out.extend_from_slice(b"WEBPVP8L");
        out.extend_from_slice(&(chunk.len() as u32).to_le_bytes());
        out.extend_from_slice(&chunk);
        out
    }

    #[test]
    fn a_huge_webp_is_refused_from_its_header() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("big.webp"), webp_header(16384, 16384)).unwrap();
        assert_eq!(kind(&webp_header(16384, 16384)), Some(ImageKind::Webp));
        assert!(matches!(
            load("big.webp", dir.path()),
            Err(ImageError::TooManyPixels {
                size: (16384, 16384),
                ..
            })
        ));
    }

    #[test]
    fn a_webp_becomes_a_png_of_its_pixels() {
        let mut webp = Vec::new();
        image_webp::WebPEncoder::new(&mut webp)
            .encode(&[10, 200, 30].repeat(6), 3, 2, image_webp::ColorType::Rgb8)
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.webp"), &webp).unwrap();
        let img = load("a.webp", dir.path()).unwrap();
        assert_eq!(
            (img.kind, img.size_px),
            (Some(ImageKind::Webp), Some((3, 2)))
        );
        let png = to_png(&img, MAX_IMAGE_PIXELS).unwrap();
        assert_eq!(png.size_px, (3, 2));
        let mut reader = png::Decoder::new(std::io::Cursor::new(png.png))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut buf).unwrap();
        assert_eq!(&buf[..3], &[10, 200, 30]);
    }

    #[test]
    fn an_svg_reads_no_file_it_names_and_is_rasterised_at_a_capped_size() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret.png");
        std::fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/read/tiny.png"),
            &secret,
        )
        .unwrap();
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"><image href="{}" width="10" height="10"/><image href="secret.png" width="10" height="10"/></svg>"#,
            secret.display()
        );
        std::fs::write(dir.path().join("a.svg"), svg).unwrap();
        let img = load("a.svg", dir.path()).unwrap();
        assert_eq!(
            (img.kind, img.size_px),
            (Some(ImageKind::Svg), Some((4000, 3000)))
        );
        // Neither image element was loaded: the tree is empty.
        assert!(!img.svg.as_ref().unwrap().root().has_children());
        // 4000 × 3000 CSS pixels would be 48 MP at 192 dpi: drawn at 16 MP at most.
        let png = to_png(&img, MAX_IMAGE_PIXELS).unwrap();
        let (w, h) = png.size_px;
        assert!(
            u64::from(w) * u64::from(h) <= 16_000_000 && w > 4000,
            "{w} × {h}"
        );
    }

    #[test]
    fn a_broken_svg_is_invalid() {
        let dir = tempfile::tempdir().unwrap();
        // Well-formed XML with an `svg` root, but no size usvg can draw at.
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>"#;
        std::fs::write(dir.path().join("a.svg"), svg).unwrap();
        let got = load("a.svg", dir.path());
        assert!(
            matches!(
                got,
                Err(ImageError::Invalid {
                    kind: ImageKind::Svg,
                    ..
                })
            ),
            "{got:?}"
        );
    }
}
