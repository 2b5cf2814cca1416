//! Images copied into the book (with sniffed media types) and the characters each font
//! role has to cover.

use crate::image::{ImageKind, ImageSource};
use crate::log::Log;
use crate::style::FontRole;
use std::collections::{BTreeMap, BTreeSet};

/// Characters used per font role, for font subsetting.
pub type Chars = BTreeMap<FontRole, BTreeSet<char>>;

/// An image file inside the book.
#[derive(Debug, Clone)]
pub struct BookImage {
    /// Path relative to the `EPUB/` folder, e.g. `images/img001.png`.
    pub href: String,
    /// Core media type (`image/png`, `image/jpeg`, `image/gif`, `image/svg+xml`).
    pub media_type: &'static str,
    /// The file's bytes.
    pub data: Vec<u8>,
}

/// Images referenced by the document, each copied once.
#[derive(Debug, Default)]
pub struct Images {
    by_src: BTreeMap<String, Option<usize>>,
    /// The images, in order of first use.
    pub items: Vec<BookImage>,
}

/// Media type and file extension of the core EPUB image types.
fn media_type(kind: Option<ImageKind>) -> Option<(&'static str, &'static str)> {
    match kind? {
        ImageKind::Png => Some(("image/png", "png")),
        ImageKind::Jpeg => Some(("image/jpeg", "jpg")),
        ImageKind::Gif => Some(("image/gif", "gif")),
        ImageKind::Svg => Some(("image/svg+xml", "svg")),
        // WebP became a core media type only in EPUB 3.3; EPUB 3.2 readers and epubcheck 4
        // reject it, so it is converted to PNG (see `Images::load`).
        ImageKind::Webp | ImageKind::Bmp | ImageKind::Tiff => None,
    }
}

impl Images {
    /// The book path of image `src`, copying it in on first use. Remote, missing or
    /// unsupported images give `None` and a warning (the caller prints the alt text).
    pub fn resolve(
        &mut self,
        src: &str,
        images: ImageSource<'_>,
        log: &mut Log,
        line: usize,
    ) -> Option<String> {
        if let Some(known) = self.by_src.get(src) {
            return known.map(|i| self.items[i].href.clone());
        }
        let found = self.load(src, images, log, line);
        self.by_src.insert(src.to_string(), found);
        found.map(|i| self.items[i].href.clone())
    }

    fn load(
        &mut self,
        src: &str,
        images: ImageSource<'_>,
        log: &mut Log,
        line: usize,
    ) -> Option<usize> {
        let img = match images.load(src) {
            Ok(img) => img,
            Err(e) => {
                log.warn(crate::image::WARNING, line, e.warning(src));
                return None;
            }
        };
        let (media_type, ext, data) = match media_type(img.kind) {
            // A book may hold no scripts nor point at files it lacks (epubcheck).
            Some((media_type, ext)) if img.svg.is_some() => {
                let tree = img.svg.as_deref().expect("checked");
                let data = crate::image::self_contained_svg(&img.bytes, tree);
                (media_type, ext, data)
            }
            Some((media_type, ext)) => {
                (media_type, ext, std::sync::Arc::unwrap_or_clone(img.bytes))
            }
            None if img.kind == Some(ImageKind::Webp) => {
                match crate::image::to_png(&img, images.rules.max_pixels) {
                    Ok(c) => ("image/png", "png", c.png),
                    Err(e) => {
                        log.warn("epub", line, format!("image {src}: {e}; alt text kept"));
                        return None;
                    }
                }
            }
            None => {
                log.warn(
                    "epub",
                    line,
                    format!(
                        "image {src}: not PNG, JPEG, GIF, WebP or SVG; alt text kept: convert \
                         it to PNG or JPEG for the EPUB"
                    ),
                );
                return None;
            }
        };
        let href = format!("images/img{:03}.{ext}", self.items.len() + 1);
        self.items.push(BookImage {
            href,
            media_type,
            data,
        });
        Some(self.items.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_and_missing_images_warn() {
        let mut imgs = Images::default();
        let mut log = Log::default();
        let here = ImageSource::new(std::path::Path::new("."));
        assert_eq!(imgs.resolve("https://a.cn/x.png", here, &mut log, 3), None);
        assert_eq!(imgs.resolve("no/such.png", here, &mut log, 4), None);
        assert_eq!(log.warnings().count(), 2);
        assert!(imgs.items.is_empty());
    }
}
