//! SVG images parsed by usvg (the parser krilla-svg draws from and resvg rasterises), with
//! the same limits as every other image: no file an SVG names is read and no URL fetched
//! (only `data:` images inside it, and those under the pixel limit), and its text is set
//! in the bundled faces so the result is the same on every machine.

use std::sync::Arc;

use resvg::usvg;

/// Parses `bytes` as an SVG document. Images embedded as `data:` URLs are kept when their
/// header claims at most `max_pixels` pixels; images referenced by file name or URL are
/// left out (usvg would otherwise read any path, inside the input tree or not).
pub fn svg_tree(bytes: &[u8], max_pixels: u64) -> Result<usvg::Tree, String> {
    let default_data = usvg::ImageHrefResolver::default_data_resolver();
    let options = usvg::Options {
        resources_dir: None,
        font_family: "Noto Serif CJK SC".into(),
        fontdb: crate::fonts::svg_database(),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(move |mime, data: Arc<Vec<u8>>, opts| {
                let small = imagesize::blob_size(&data)
                    .map(|s| (s.width as u64).saturating_mul(s.height as u64) <= max_pixels)
                    // Not a raster header: a nested SVG, parsed under these same rules.
                    .unwrap_or(true);
                small.then(|| default_data(mime, data, opts)).flatten()
            }),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    usvg::Tree::from_data(bytes, &options).map_err(|e| e.to_string())
}

/// The size of a parsed SVG in whole CSS pixels (rounded up, at least 1 × 1).
pub(super) fn size_px(tree: &usvg::Tree) -> (usize, usize) {
    let s = tree.size();
    let px = |v: f32| (v.ceil() as usize).max(1);
    (px(s.width()), px(s.height()))
}

/// The SVG to put into a book: its own bytes when it is self-contained and script-free, else
/// the parsed tree written out again by usvg (text kept as text). Scripts, event handlers,
/// `foreignObject` and references to other files are what EPUB checkers reject (a
/// `scripted` property, missing resources); the parsed tree has none of them, since usvg
/// drops scripts and the files an SVG names were never loaded (see [`svg_tree`]).
pub fn self_contained(bytes: &[u8], tree: &usvg::Tree) -> Vec<u8> {
    if is_self_contained(bytes) {
        return bytes.to_vec();
    }
    let options = usvg::WriteOptions {
        preserve_text: true,
        ..usvg::WriteOptions::default()
    };
    tree.to_string(&options).into_bytes()
}

/// True when no element is a script or `foreignObject`, no attribute is an `on…` event
/// handler, and every `href` points inside the file (`#id`) or is a `data:` URL.
fn is_self_contained(bytes: &[u8]) -> bool {
    use quick_xml::events::Event;
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.local_name();
                if matches!(name.as_ref(), b"script" | b"foreignObject") {
                    return false;
                }
                for attr in e.attributes().flatten() {
                    let key = attr.key.local_name();
                    let value = attr.value.trim_ascii_start();
                    if key.as_ref().starts_with(b"on")
                        || (key.as_ref() == b"href"
                            && !value.starts_with(b"#")
                            && !value.starts_with(b"data:"))
                    {
                        return false;
                    }
                }
            }
            Ok(Event::Eof) => return true,
            Err(_) => return false,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_or_a_file_reference_makes_the_book_copy_a_rewritten_tree() {
        let clean = br##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><defs><rect id="r" width="5" height="5"/></defs><use href="#r"/></svg>"##;
        let tree = svg_tree(clean, 1_000_000).unwrap();
        assert_eq!(self_contained(clean, &tree), clean.to_vec());
        for dirty in [
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><script>alert(1)</script><rect width="5" height="5"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="10"><image xlink:href="other.png" width="5" height="5"/><rect width="5" height="5"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" onload="x()"><rect width="5" height="5"/></svg>"#,
        ] {
            let tree = svg_tree(dirty.as_bytes(), 1_000_000).unwrap();
            let out = String::from_utf8(self_contained(dirty.as_bytes(), &tree)).unwrap();
            assert!(is_self_contained(out.as_bytes()), "{out}");
            assert!(out.contains("<path") || out.contains("<rect"), "{out}");
        }
    }
}
