//! The vertical list between the block builder and the page breaker: boxes with heights,
//! keep flags (T20) and what they carry (footnotes, bookmarks), plus the conversion of a
//! set [`Line`] into page items.

use super::page::{Item, ItemKind, LinkTarget, TagId};
use super::types::Line;

/// Share of the em box above the baseline for CJK faces (ideographic em box 0.88 / 0.12).
pub(crate) const ASCENT_EM: f32 = 0.88;

/// Share of the em box below the baseline for CJK faces (0.12): where emphasis dots hang
/// from (T24). A fact of the fonts' ideographic em box, not style.
pub(crate) const DESCENT_EM: f32 = 0.12;

/// One unbreakable piece of the vertical list.
#[derive(Debug, Clone)]
pub(crate) struct VBox {
    /// Vertical space the box takes, in points.
    pub height: f32,
    /// Items with `x` on the page and `y` measured from the box top.
    pub items: Vec<Item>,
    /// What the box is, for the page breaker.
    pub kind: BoxKind,
    /// No page break directly after this box.
    pub keep_with_next: bool,
    /// No page break directly before this box.
    pub keep_with_prev: bool,
    /// Footnotes (indices into the note list) referenced in this box.
    pub notes: Vec<usize>,
    /// Bookmarks and anchors that point at the top of this box.
    pub marks: Vec<Mark>,
    /// Part of the same drawn block as the box before it (a code panel's padding and
    /// its blank lines, which carry no text to tell): the page filler (撑版) never
    /// opens a gap before it.
    pub continues: bool,
    /// Set at the foot of its page: the page breaker adds the page's free space above it,
    /// so its bottom is the text block's bottom (the 版记 of GB/T 9704 7.4, T30).
    pub foot: bool,
}

/// Kinds of boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BoxKind {
    /// A line of text; `heading` for standalone headings and title-block lines (T20).
    Line {
        /// Heading or title line.
        heading: bool,
    },
    /// Vertical glue: dropped at the top of a page.
    Space,
    /// An image, a rule or anything else drawn as one piece.
    Solid,
    /// One table row; header rows are repeated after a page break.
    Row {
        /// Index of the table (into the header list).
        table: usize,
        /// Part of the header.
        header: bool,
    },
    /// A forced page break.
    PageBreak,
}

/// A position the outline or a link can point at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// A named destination.
    Anchor(String),
    /// A bookmark: level 0 for article titles, else the heading level.
    Outline {
        /// Plain-text title.
        title: String,
        /// Nesting level.
        level: u8,
    },
    /// A chapter starts here (its title, for running heads and recto starts).
    Chapter(String),
}

impl VBox {
    /// An empty box of `kind` and `height`.
    pub fn new(kind: BoxKind, height: f32) -> VBox {
        VBox {
            height,
            items: Vec::new(),
            kind,
            keep_with_next: false,
            keep_with_prev: false,
            notes: Vec::new(),
            marks: Vec::new(),
            continues: false,
            foot: false,
        }
    }

    /// Vertical glue of `height` points.
    pub fn space(height: f32) -> VBox {
        VBox::new(BoxKind::Space, height)
    }
}

/// Page items of one set line whose start is at page x `x0` and baseline `baseline`
/// (relative to whatever the caller measures from). Links get `link_tag` (each link area
/// one fresh id from the closure, so the tag tree can hold a `Link` element per area).
/// Every item carries `source_line`, the line of the block the text comes from.
pub(crate) fn line_items(
    line: Line,
    x0: f32,
    baseline: f32,
    tag: Option<TagId>,
    source_line: usize,
    link_tag: &mut dyn FnMut() -> Option<TagId>,
) -> Vec<Item> {
    let start = x0 + line.x;
    let mut items = Vec::with_capacity(line.glyph_runs.len() + line.dots.len());
    let (ascent, descent) = (line.ascent, line.descent);
    // `<mark>` bands go first, so the glyphs are drawn over them.
    for d in line.decorations.iter().filter(|d| d.grey.is_some()) {
        items.push(Item {
            x: start + d.x0,
            y: baseline - d.y - d.thickness / 2.0,
            kind: ItemKind::Shade {
                width: d.x1 - d.x0,
                height: d.thickness,
                rgb: [(d.grey.unwrap_or(1.0).clamp(0.0, 1.0) * 255.0).round() as u8; 3],
            },
            tag,
            line: source_line,
        });
    }
    for mut run in line.glyph_runs {
        let origin = run.x;
        for g in &mut run.glyphs {
            g.x -= origin;
        }
        run.x = 0.0;
        items.push(Item {
            x: start + origin,
            y: baseline,
            kind: ItemKind::Glyphs(run),
            tag,
            line: source_line,
        });
    }
    for d in &line.dots {
        items.push(Item {
            x: start + d.x,
            y: baseline - d.y,
            kind: ItemKind::Dot { r: d.r },
            tag,
            line: source_line,
        });
    }
    for d in line.decorations.iter().filter(|d| d.grey.is_none()) {
        items.push(Item {
            x: start + d.x0,
            y: baseline - d.y - d.thickness / 2.0,
            kind: ItemKind::Rule {
                width: d.x1 - d.x0,
                height: d.thickness,
            },
            tag,
            line: source_line,
        });
    }
    for l in line.links {
        let target = match l.url.strip_prefix('#') {
            Some(id) => LinkTarget::Dest(id.to_string()),
            None => LinkTarget::Url(l.url),
        };
        items.push(Item {
            x: start + l.x0,
            y: baseline - ascent,
            kind: ItemKind::Link {
                width: l.x1 - l.x0,
                height: ascent + descent,
                target,
            },
            tag: link_tag(),
            line: source_line,
        });
    }
    items
}
