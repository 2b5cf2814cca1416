//! The page model: what the layout engine hands to the PDF writer.
//!
//! Units are PostScript points. Coordinates are page coordinates with the origin at the
//! **top-left** corner of the page and `y` growing **downwards** (the writer flips them for
//! PDF). No PDF types live here, so the model can be dumped and tested without a PDF.

use super::types::GlyphRun;
use std::collections::BTreeMap;

/// A whole laid-out document: pages plus the navigation and accessibility data.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The pages, in order.
    pub pages: Vec<Page>,
    /// Bookmarks: article titles at the top level, headings nested by level below them.
    pub outline: Vec<OutlineEntry>,
    /// Named destinations: anchor id (article or heading id) → position.
    pub anchors: BTreeMap<String, Anchor>,
    /// The logical structure (tag tree) for a tagged PDF, in reading order.
    pub structure: Vec<StructNode>,
}

/// One page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Page label as printed (`"1"`), for the PDF page-label tree.
    pub label: String,
    /// Everything drawn on the page, in reading (content-stream) order.
    pub items: Vec<Item>,
}

/// One positioned thing on a page.
#[derive(Debug, Clone)]
pub struct Item {
    /// Points from the page's left edge: the left edge of the box, or for
    /// [`ItemKind::Glyphs`] the pen position of the run's origin (each glyph's `x` is relative
    /// to it and the run's own `x` field is 0); for [`ItemKind::Dot`] the dot's centre.
    pub x: f32,
    /// Vertical position in points from the page's **top** edge. For [`ItemKind::Glyphs`]
    /// it is the **baseline**; for [`ItemKind::Dot`] the dot's centre; for every other kind
    /// the **top** edge of the box.
    pub y: f32,
    /// What is drawn.
    pub kind: ItemKind,
    /// Marked-content id linking the item into [`Layout::structure`]; `None` = artifact
    /// (page numbers, running headers, repeated table headers, decorative rules).
    pub tag: Option<TagId>,
}

/// The kinds of drawable items.
#[derive(Debug, Clone)]
pub enum ItemKind {
    /// Shaped glyphs of one face and size, drawn from `(x, baseline y)`.
    Glyphs(GlyphRun),
    /// A filled black rectangle (table rules, thematic breaks, drawn dashes); `(x, y)` = top-left.
    Rule {
        /// Width in points.
        width: f32,
        /// Height (thickness) in points.
        height: f32,
    },
    /// A filled grey rectangle behind text (`<mark>`); `(x, y)` = top-left.
    Shade {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
        /// Grey level, 0 black … 1 white.
        grey: f32,
    },
    /// A filled black circle (T24 emphasis dot); `(x, y)` = centre.
    Dot {
        /// Radius in points.
        r: f32,
    },
    /// A raster image (PNG or JPEG) scaled into the box; `(x, y)` = top-left.
    Image {
        /// The image file, read and checked (format, pixel count, decoder) by the layout.
        file: crate::image::ImageFile,
        /// Drawn width in points.
        width: f32,
        /// Drawn height in points.
        height: f32,
        /// Alternative text (also on the enclosing `Figure` node).
        alt: String,
    },
    /// A clickable area (link annotation), invisible; `(x, y)` = top-left.
    Link {
        /// Width in points.
        width: f32,
        /// Height in points.
        height: f32,
        /// Where the link goes.
        target: LinkTarget,
    },
}

/// A link target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// An external URL (`https://…`, `mailto:…`, or a relative file path).
    Url(String),
    /// An internal destination: a key of [`Layout::anchors`] (from a `#id` link).
    Dest(String),
}

/// A named position in the document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    /// 0-based page index.
    pub page: usize,
    /// Points from the page top (top of the heading's first line).
    pub y: f32,
}

/// One bookmark.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Plain-text title.
    pub title: String,
    /// 0 = article title (or a top-level heading when there is no article), then heading levels.
    pub level: u8,
    /// 0-based page index.
    pub page: usize,
    /// Points from the page top (top of the entry's first line).
    pub y: f32,
    /// Nested entries (headings of a deeper level).
    pub children: Vec<OutlineEntry>,
}

/// Identifies one piece of marked content. All items carrying the same `TagId` belong to
/// the same structure leaf; they may lie on several pages (a paragraph crossing a page), in
/// which case the writer opens one marked-content sequence per page and attaches all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TagId(pub u32);

/// A node of the tag tree (PDF structure element).
#[derive(Debug, Clone, PartialEq)]
pub struct StructNode {
    /// The structure type.
    pub kind: StructKind,
    /// Children in reading order.
    pub children: Vec<StructChild>,
}

/// A child of a structure node.
#[derive(Debug, Clone, PartialEq)]
pub enum StructChild {
    /// A nested structure element.
    Node(StructNode),
    /// Marked content: every item tagged with this id (see [`Layout::items_of`]).
    Content(TagId),
}

/// Structure types, a subset of the PDF 1.7 standard structure types.
#[derive(Debug, Clone, PartialEq)]
pub enum StructKind {
    /// An article (`Art`): title block, body and bylines.
    Article,
    /// The article title (`Title` in PDF 2.0, mapped to `H1`/`P` where unsupported).
    Title,
    /// A heading of level 1..=6 (`H1`…`H6`); the article title is not counted.
    Heading(u8),
    /// A paragraph (`P`); also subtitles and bylines.
    P,
    /// A list (`L`).
    L,
    /// A list item (`LI`).
    LI,
    /// A list-item label (`Lbl`): the marker.
    Lbl,
    /// A list-item body (`LBody`).
    LBody,
    /// A table (`Table`).
    Table,
    /// A table row (`TR`).
    TR,
    /// A header cell (`TH`).
    TH,
    /// A data cell (`TD`).
    TD,
    /// A figure with its alternative text (`Figure`).
    Figure {
        /// Alternative text.
        alt: String,
    },
    /// A footnote (`Note`).
    Note,
    /// A code block (`Code`).
    Code,
    /// A block quote (`BlockQuote`).
    Quote,
    /// A link (`Link`); its content includes the [`ItemKind::Link`] items.
    Link,
}

impl Layout {
    /// Every `(page index, item index)` tagged with `tag`, in page order.
    pub fn items_of(&self, tag: TagId) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (p, page) in self.pages.iter().enumerate() {
            for (i, item) in page.items.iter().enumerate() {
                if item.tag == Some(tag) {
                    out.push((p, i));
                }
            }
        }
        out
    }
}
