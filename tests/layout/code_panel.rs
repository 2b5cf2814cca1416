//! Issue 10 visual review: a code block's pale panel is one piece. The page filler (撑版,
//! `fill_bottom`) spreads a short page's free space over block boundaries; it took the
//! panel's padding boxes and the blank lines inside code (which carry no text) for
//! boundaries and opened white stripes across the panel (page 3 of
//! tests/corpus/vue-template-syntax.md).

use crate::support::{load, root};
use paiban::layout::page::ItemKind;

/// Background of code blocks in the handout style.
const CODE_BG: [u8; 3] = [0xF6, 0xF8, 0xFA];

#[test]
fn code_panels_have_no_white_stripes_on_filled_pages() {
    let doc = load(&root().join("tests/corpus/vue-template-syntax.md"));
    let (layout, _) = crate::support::layout::run(&doc);
    let mut checked = 0;
    for (n, page) in layout.pages.iter().enumerate() {
        // Panel pieces (y top, height) in page order, and the baselines of text.
        let mut shades: Vec<(f32, f32)> = page
            .items
            .iter()
            .filter_map(|it| match it.kind {
                ItemKind::Shade { rgb, height, .. } if rgb == CODE_BG => Some((it.y, height)),
                _ => None,
            })
            .collect();
        shades.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Every piece (padding, a line, a blank line) touches another piece of its panel:
        // a piece with white above and below is a stripe cut loose by the filler.
        let touches = |a: (f32, f32), b: (f32, f32)| (a.0 + a.1 - b.0).abs() < 0.01;
        for (i, &s) in shades.iter().enumerate() {
            let above = i > 0 && touches(shades[i - 1], s);
            let below = i + 1 < shades.len() && touches(s, shades[i + 1]);
            checked += 1;
            assert!(
                above || below,
                "page {}: a loose stripe of code panel at {:.2}–{:.2}",
                n + 1,
                s.0,
                s.0 + s.1
            );
        }
    }
    assert!(checked > 0, "the document has code blocks");
}
