//! Reading image files, for the layout (PDF) and every backend: where a source points,
//! whether it is remote, what format the bytes are and how many pixels they hold. Which
//! formats an output accepts stays with that output.

use std::path::{Path, PathBuf};

/// Points per CSS pixel: 96 pixels to the inch, as browsers and Word assume.
pub const PT_PER_PX: f32 = 0.75;

/// Image formats recognised from a file's first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF.
    Gif,
    /// Windows bitmap.
    Bmp,
    /// TIFF.
    Tiff,
    /// SVG (recognised by an `<svg` tag near the start of the text).
    Svg,
}

/// An image file read from disk.
#[derive(Debug, Clone)]
pub struct ImageFile {
    /// The path that was read (the source resolved against the input folder).
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The format, if recognised.
    pub kind: Option<ImageKind>,
    /// Width and height in pixels, when the header gives them (non-zero).
    pub size_px: Option<(usize, usize)>,
}

impl ImageFile {
    /// Width and height in points at 96 dpi.
    pub fn size_pt(&self) -> Option<(f32, f32)> {
        self.size_px
            .map(|(w, h)| (w as f32 * PT_PER_PX, h as f32 * PT_PER_PX))
    }
}

/// Why an image cannot be read.
#[derive(Debug)]
pub enum ImageError {
    /// The source is a URL (`https:`, `data:`, `//host/…`); paiban never fetches.
    Remote,
    /// The file could not be read.
    Read {
        /// The path tried.
        path: PathBuf,
        /// The I/O error.
        error: std::io::Error,
    },
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

/// The format of `bytes`, from their first bytes (SVG by its text).
pub fn kind(bytes: &[u8]) -> Option<ImageKind> {
    use imagesize::ImageType as T;
    match imagesize::image_type(bytes) {
        Ok(T::Png) => Some(ImageKind::Png),
        Ok(T::Jpeg) => Some(ImageKind::Jpeg),
        Ok(T::Gif) => Some(ImageKind::Gif),
        Ok(T::Bmp) => Some(ImageKind::Bmp),
        Ok(T::Tiff) => Some(ImageKind::Tiff),
        _ => {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
            head.contains("<svg").then_some(ImageKind::Svg)
        }
    }
}

/// Reads image `src` (relative to `base_dir`; a `#fragment` or `?query` is not part of the
/// file name) and works out its format and pixel size.
pub fn load(src: &str, base_dir: &Path) -> Result<ImageFile, ImageError> {
    if is_remote(src) {
        return Err(ImageError::Remote);
    }
    let path = base_dir.join(src.split(['#', '?']).next().unwrap_or(src));
    let bytes = std::fs::read(&path).map_err(|error| ImageError::Read {
        path: path.clone(),
        error,
    })?;
    let size_px = imagesize::blob_size(&bytes)
        .ok()
        .map(|s| (s.width, s.height))
        .filter(|&(w, h)| w > 0 && h > 0);
    Ok(ImageFile {
        path,
        kind: kind(&bytes),
        size_px,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_png_gives_kind_and_size() {
        // The PNG signature and an IHDR header of a 4 × 8 image are all the prober reads.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 0, 4, 0, 0, 0, 8, 8, 6, 0, 0, 0]);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tiny.png"), &png).unwrap();
        let img = load("tiny.png#frag", dir.path()).unwrap();
        assert_eq!(img.kind, Some(ImageKind::Png));
        assert_eq!(img.size_px, Some((4, 8)));
        assert_eq!(img.size_pt(), Some((3.0, 6.0)));
        assert_eq!(kind(b"<?xml version=\"1.0\"?><svg/>"), Some(ImageKind::Svg));
        assert_eq!(kind(b"plain text"), None);
    }
}
