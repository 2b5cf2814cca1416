//! Public types of the paragraph engine: styled runs in, positioned lines out.
//!
//! Coordinates: x grows to the right from the line start (pt); y is relative to the
//! baseline and grows *upwards* (font convention), so a superscript has y > 0 and an
//! emphasis dot y < 0.

use crate::style::{Alignment, EmphasisStyle, FontRole, ParagraphStyle, Style};
use std::sync::Arc;

pub use crate::fonts::{Face, FontSet};

/// The style a run of inlines starts from (block font, size, weight).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunStyle {
    /// Font role of the block.
    pub font: FontRole,
    /// Size in points.
    pub size: f32,
    /// Bold (headings with `bold: true`).
    pub bold: bool,
}

/// One run of text with uniform style, the output of [`super::collect()`].
#[derive(Debug, Clone, PartialEq)]
pub struct StyledRun {
    /// Source text. `'\n'` is a forced line break (hard break).
    pub text: String,
    /// Font role; the face is chosen per character through the role's fallback chain (T27).
    pub font: FontRole,
    /// Size in points.
    pub size: f32,
    /// Bold: a real bold face where the role has one, else synthetic bold (T24).
    pub bold: bool,
    /// Emphasis dots under each HAN of the run (T24); WEST letters in it get a synthetic oblique.
    pub emph_dots: bool,
    /// Strikethrough (`~~del~~`): a rule through the run's glyphs.
    pub strike: bool,
    /// Inline code (T26): no HAN–WEST gap inside, breaks only at spaces (T8).
    pub code: bool,
    /// Link target, if the run is link text.
    pub link: Option<String>,
    /// Footnote marker: set as a superscript, never gets a T15 gap.
    pub note_ref: bool,
    /// Superscript or subscript (`<sup>`, `<sub>`): smaller glyphs, shifted baseline.
    pub script: Script,
    /// Underlined (`<u>`): a rule under the run.
    pub underline: bool,
    /// Highlighted (`<mark>`): a light band behind the run.
    pub mark: bool,
    /// `<small>`: set at `emphasis.small_size_em` of the run's size.
    pub small: bool,
    /// An explicit [`crate::ast::Inline::AutoSpace`] precedes this run (T15 gap).
    pub autospace_before: bool,
}

impl StyledRun {
    /// A plain run of `text` in `style`.
    pub fn plain(text: impl Into<String>, style: &RunStyle) -> StyledRun {
        StyledRun {
            text: text.into(),
            font: style.font,
            size: style.size,
            bold: style.bold,
            emph_dots: false,
            strike: false,
            code: false,
            link: None,
            note_ref: false,
            script: Script::Baseline,
            underline: false,
            mark: false,
            small: false,
            autospace_before: false,
        }
    }
}

/// Vertical position of a run's glyphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Script {
    /// On the baseline.
    #[default]
    Baseline,
    /// Raised and smaller (`<sup>`).
    Super,
    /// Lowered and smaller (`<sub>`).
    Sub,
    /// Smaller, on the baseline: a ruby reading set after its base.
    Reading,
}

/// Kinsoku (line-breaking prohibition) level, T9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kinsoku {
    /// UAX #14 only.
    None,
    /// STOP ∪ CLOSE ∪ CONN ∪ MID never start a line; OPEN never ends one.
    Basic,
    /// Basic plus SOL and U+2026/U+22EF at line start, SOL at line end (default).
    #[default]
    Gb,
    /// GB plus DASH2 at line start.
    Strict,
}

/// Everything needed to set one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct ParaSpec {
    /// The paragraph's runs, in order.
    pub runs: Vec<StyledRun>,
    /// Measure (line width) in points.
    pub width: f32,
    /// First-line indent in points (T17); 0 for headings, centred lines, cells.
    pub first_indent: f32,
    /// Justify (T16), flush left, or centred.
    pub align: Alignment,
    /// Kinsoku level (T9).
    pub kinsoku: Kinsoku,
    /// Baseline-to-baseline distance in points (T18); copied to no line, for the page setter.
    pub line_pitch: f32,
    /// The style numbers the engine sets the runs with (gaps, breaking, marks).
    pub look: TextLook,
}

/// The [`Style`] numbers the paragraph engine reads, copied out of the style so a
/// [`ParaSpec`] is complete on its own.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLook {
    /// Line breaking and justification (T11, T15, T16).
    pub paragraph: ParagraphStyle,
    /// Emphasis dots and strikethrough (T24).
    pub emphasis: EmphasisStyle,
    /// Size of footnote reference marks in em of their run's size.
    pub note_marker_size_em: f32,
    /// Baseline shift of footnote reference marks in em of their run's size.
    pub note_marker_rise_em: f32,
    /// Width of a character-grid cell in points ([`Style::grid_cell`]): every 1-em box
    /// of a Han character or full-width mark is set one cell wide, T13 is off.
    pub grid_cell: Option<f32>,
    /// Body size in points: the em a grid cell stands for.
    pub grid_em: f32,
}

impl TextLook {
    /// The engine's numbers of `style`.
    pub fn of(style: &Style) -> TextLook {
        TextLook {
            paragraph: style.paragraph.clone(),
            emphasis: style.emphasis.clone(),
            note_marker_size_em: style.notes.marker_size_em,
            note_marker_rise_em: style.notes.marker_rise_em,
            grid_cell: style.grid_cell(),
            grid_em: style.body_size,
        }
    }
}

impl Default for TextLook {
    /// The numbers of the default style ([`Style::handout`]).
    fn default() -> Self {
        TextLook::of(&Style::default())
    }
}

/// One glyph placed in a line.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// Glyph id in the run's face.
    pub id: u16,
    /// Pen x of the glyph origin from the *line* start, in pt (offsets already applied).
    pub x: f32,
    /// Vertical offset from the baseline, in pt (up is positive).
    pub y_offset: f32,
    /// Advance the glyph occupies in the line, in pt (after T12–T16).
    pub advance: f32,
    /// Source text of the glyph's cluster (for ToUnicode / ActualText); empty for
    /// further glyphs of a multi-glyph cluster.
    pub text: ClusterText,
}

/// Bytes of cluster text stored in place (one to four characters cover nearly every
/// cluster); longer text goes to the heap.
const CLUSTER_INLINE: usize = 14;

/// The source text of one glyph cluster. A long document holds millions of glyphs until
/// their page is written; a heap string each would take more memory than the glyphs
/// themselves (issue 9 case 13), so short text is stored in place.
#[derive(Clone, PartialEq, Eq)]
pub struct ClusterText(ClusterRepr);

#[derive(Clone, PartialEq, Eq)]
enum ClusterRepr {
    Inline {
        len: u8,
        bytes: [u8; CLUSTER_INLINE],
    },
    Heap(Box<str>),
}

impl ClusterText {
    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            ClusterRepr::Inline { len, bytes } => {
                let bytes = &bytes[..usize::from(*len)];
                // SAFETY: `From<&str>` is the only maker of `Inline` and copies a whole `&str`
                // into it, which nothing changes later: the bytes are UTF-8. Not validated
                // again because the PDF writer asks for every glyph's text (issue 12).
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            ClusterRepr::Heap(s) => s,
        }
    }
}

impl Default for ClusterText {
    fn default() -> Self {
        ClusterText::from("")
    }
}

impl From<&str> for ClusterText {
    fn from(s: &str) -> Self {
        match u8::try_from(s.len()) {
            Ok(len) if s.len() <= CLUSTER_INLINE => {
                let mut bytes = [0; CLUSTER_INLINE];
                bytes[..s.len()].copy_from_slice(s.as_bytes());
                ClusterText(ClusterRepr::Inline { len, bytes })
            }
            _ => ClusterText(ClusterRepr::Heap(s.into())),
        }
    }
}

impl From<String> for ClusterText {
    fn from(s: String) -> Self {
        ClusterText::from(s.as_str())
    }
}

impl std::ops::Deref for ClusterText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for ClusterText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for ClusterText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for ClusterText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ClusterText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Consecutive glyphs in one face and size.
#[derive(Debug, Clone)]
pub struct GlyphRun {
    /// The face the glyph ids belong to.
    pub face: Arc<Face>,
    /// Size in points.
    pub size: f32,
    /// Synthetic bold (T24), because the face has no bold: the width in points of the
    /// outline stroke drawn with the fill (`Style::emphasis.bold_stroke_em` of the size);
    /// 0 for none.
    pub bold_stroke: f32,
    /// Synthetic oblique for WEST text inside emphasis (T24): the tangent of the slant
    /// about the baseline (`Style::emphasis.oblique_slant`), 0 for upright; never set on
    /// HAN or full-width punctuation.
    pub slant: f32,
    /// Horizontal scale of the glyph outlines about the run origin (1 = none). Glyph `x`
    /// and `advance` are already in line space; a writer draws with `x / x_scale`, etc. in
    /// a scaled frame. Used to stretch the ⸺ glyph over its full 2-em DASH2 box (T12).
    pub x_scale: f32,
    /// x of the first glyph from the line start, in pt.
    pub x: f32,
    /// Fill colour of the glyphs (highlighted code); `None` draws in the default black.
    pub colour: Option<[u8; 3]>,
    /// The glyphs, in visual order.
    pub glyphs: Vec<PlacedGlyph>,
}

/// An emphasis dot (T24), a filled circle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dot {
    /// Centre x from the line start, in pt.
    pub x: f32,
    /// Centre y relative to the baseline, in pt (negative: below the baseline).
    pub y: f32,
    /// Radius in pt.
    pub r: f32,
}

/// A horizontal rule drawn through or under text (strikethrough, underline), or a grey
/// band behind it (`<mark>`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decoration {
    /// Left end from the line start, in pt.
    pub x0: f32,
    /// Right end from the line start, in pt.
    pub x1: f32,
    /// Centre of the rule relative to the baseline, in pt (up is positive).
    pub y: f32,
    /// Thickness in pt.
    pub thickness: f32,
    /// `Some(grey level)` for a band drawn behind the glyphs; `None` for a black rule.
    pub grey: Option<f32>,
}

/// A clickable area of link text inside one line.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkArea {
    /// Left edge from the line start, in pt.
    pub x0: f32,
    /// Right edge from the line start, in pt.
    pub x1: f32,
    /// Target URL (`#id` for internal links).
    pub url: String,
}

/// One set line of a paragraph.
#[derive(Debug, Clone)]
pub struct Line {
    /// Offset of the line start from the paragraph's left edge (first-line indent, centring).
    pub x: f32,
    /// Glyph runs, left to right.
    pub glyph_runs: Vec<GlyphRun>,
    /// Emphasis dots.
    pub dots: Vec<Dot>,
    /// Strikethrough rules.
    pub decorations: Vec<Decoration>,
    /// Link areas.
    pub links: Vec<LinkArea>,
    /// Width actually used by the line's content, in pt (after justification).
    pub width: f32,
    /// Largest ascent above the baseline, in pt.
    pub ascent: f32,
    /// Largest descent below the baseline, in pt (positive number).
    pub descent: f32,
    /// The line's source text (breaking spaces at the line edges removed).
    pub text: String,
    /// The line was stretched or shrunk to the full measure (T16).
    pub justified: bool,
}

/// Horizontal frame of a block: left offset from the text area's left edge, and width.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// Points from the text area's left edge.
    pub left: f32,
    /// Measure in points.
    pub width: f32,
}
