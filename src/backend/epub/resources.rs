//! Images copied into the book (with sniffed media types) and the characters each font
//! role has to cover.

use crate::log::Log;
use crate::style::FontRole;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

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

/// Media type from the file's first bytes (SVG by its text), if it is a core EPUB image type.
fn media_type(data: &[u8]) -> Option<(&'static str, &'static str)> {
    use imagesize::ImageType;
    match imagesize::image_type(data) {
        Ok(ImageType::Png) => Some(("image/png", "png")),
        Ok(ImageType::Jpeg) => Some(("image/jpeg", "jpg")),
        Ok(ImageType::Gif) => Some(("image/gif", "gif")),
        _ => {
            let head = String::from_utf8_lossy(&data[..data.len().min(1024)]);
            (head.contains("<svg")).then_some(("image/svg+xml", "svg"))
        }
    }
}

impl Images {
    /// The book path of image `src`, copying it in on first use. Remote, missing or
    /// unsupported images give `None` and a warning (the caller prints the alt text).
    pub fn resolve(
        &mut self,
        src: &str,
        base_dir: &Path,
        log: &mut Log,
        line: usize,
    ) -> Option<String> {
        if let Some(known) = self.by_src.get(src) {
            return known.map(|i| self.items[i].href.clone());
        }
        let found = self.load(src, base_dir, log, line);
        self.by_src.insert(src.to_string(), found);
        found.map(|i| self.items[i].href.clone())
    }

    fn load(&mut self, src: &str, base_dir: &Path, log: &mut Log, line: usize) -> Option<usize> {
        if has_scheme(src) || src.starts_with("//") {
            log.warn(
                "epub",
                line,
                format!("remote image {src} not embedded; alt text kept"),
            );
            return None;
        }
        let path = base_dir.join(src.split(['#', '?']).next().unwrap_or(src));
        let data = match std::fs::read(&path) {
            Ok(d) => d,
            Err(e) => {
                log.warn("epub", line, format!("image {src}: {e}; alt text kept"));
                return None;
            }
        };
        let Some((media_type, ext)) = media_type(&data) else {
            log.warn(
                "epub",
                line,
                format!("image {src}: not PNG, JPEG, GIF or SVG; alt text kept"),
            );
            return None;
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
    fn schemes() {
        assert!(has_scheme("https://a.cn/x.png"));
        assert!(has_scheme("mailto:a@b.cn"));
        assert!(!has_scheme("C:\\x.png"));
        assert!(!has_scheme("img/a.png"));
        assert!(!has_scheme("other.md#x"));
    }

    #[test]
    fn remote_and_missing_images_warn() {
        let mut imgs = Images::default();
        let mut log = Log::default();
        assert_eq!(
            imgs.resolve("https://a.cn/x.png", Path::new("."), &mut log, 3),
            None
        );
        assert_eq!(
            imgs.resolve("no/such.png", Path::new("."), &mut log, 4),
            None
        );
        assert_eq!(log.warnings().count(), 2);
        assert!(imgs.items.is_empty());
    }
}
