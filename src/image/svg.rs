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
