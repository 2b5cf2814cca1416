//! The PDF outline (bookmarks) from the layout's nested outline: article titles at the
//! top level, headings below them.

use crate::layout::page::OutlineEntry;
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};

/// The outline; entries pointing past the last page are dropped.
pub(crate) fn outline(entries: &[OutlineEntry], pages: usize) -> Outline {
    let mut out = Outline::new();
    for e in entries.iter().filter(|e| e.page < pages) {
        out.push_child(node(e, pages));
    }
    out
}

fn node(e: &OutlineEntry, pages: usize) -> OutlineNode {
    let dest = XyzDestination::new(e.page, Point::from_xy(0.0, e.y.max(0.0)));
    // Article titles open, so their headings show; deeper levels start collapsed.
    let mut n = OutlineNode::new(e.title.clone(), dest).with_open(e.level == 0);
    for c in e.children.iter().filter(|c| c.page < pages) {
        n.push_child(node(c, pages));
    }
    n
}
