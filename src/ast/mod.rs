//! The document AST: the contract between readers, passes and backends.
//!
//! Every enum is exhaustive on purpose: adding a variant fails to compile
//! until every pass and backend handles it (as in pandoc-types).

mod meta;
mod official;
mod walk;

pub use meta::{ArticleFacts, ResolvedMeta, UNTITLED};
pub use official::{Field, Official};
pub use walk::{inline_seqs_mut, map_blocks, map_inlines, plain_text, visit_blocks, visit_inlines};

use serde::Serialize;
use std::path::PathBuf;

/// A whole document: metadata plus block content.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Document {
    /// Title, authors, language and where the document came from.
    pub meta: Meta,
    /// Top-level blocks. Inferred articles appear as [`Block::Article`].
    pub blocks: Vec<Block>,
    /// Footnote definitions, referenced by [`Inline::NoteRef`] labels.
    pub notes: Vec<Footnote>,
}

/// Document metadata as the source gives it (front matter, or inferred by the structure
/// pass). Backends print [`Document::resolved_meta`] instead, which fills the gaps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    /// Document title (plain text).
    pub title: Option<String>,
    /// Subtitle (plain text).
    pub subtitle: Option<String>,
    /// Authors, in order of appearance.
    pub authors: Vec<String>,
    /// Date as written in the source.
    pub date: Option<String>,
    /// BCP 47 language tag; `zh-CN` unless the source says otherwise.
    pub language: String,
    /// Path of the source file, when read from a file.
    pub source: Option<PathBuf>,
    /// Style name requested by front matter (`style:`), if any.
    pub style: Option<String>,
    /// The Markdown heading depth printed as level 1 (`--top-level-heading`); `None`: the
    /// shallowest depth the headings use after the title (pandoc's heading-level shift).
    pub top_level_heading: Option<u8>,
    /// The official-document fields of GB/T 9704 (T30): 发文机关, 发文字号, 主送, 附件,
    /// 成文日期, 版记 … (empty for most documents, and then not in the JSON dump).
    #[serde(skip_serializing_if = "Official::is_empty")]
    pub official: Official,
}

impl Default for Meta {
    fn default() -> Self {
        Meta {
            title: None,
            subtitle: None,
            authors: Vec::new(),
            date: None,
            language: "zh-CN".to_string(),
            source: None,
            style: None,
            top_level_heading: None,
            official: Official::default(),
        }
    }
}

/// A block-level element. `line` fields are 1-based source lines (0 = unknown).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// One article of a multi-article document: title block, body, bylines.
    Article(Article),
    /// A heading; `level` 1 is the highest level inside an article.
    Heading(Heading),
    /// A body paragraph.
    Para(Para),
    /// Bullet or ordered list.
    List(List),
    /// Block quote.
    Quote(Quote),
    /// Fenced or indented code block; text is kept byte-identical.
    Code(CodeBlock),
    /// GFM table.
    Table(Table),
    /// An image standing alone as a block.
    Figure(Figure),
    /// Thematic break (`---`).
    Rule(Rule),
    /// Explicit page break.
    PageBreak(PageBreak),
}

/// An article: title block, body blocks and author bylines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// Title inlines (may contain U+3000 deliberate gaps).
    pub title: Vec<Inline>,
    /// Optional subtitle inlines (printed with a leading `——` per T23).
    pub subtitle: Option<Vec<Inline>>,
    /// Body blocks.
    pub body: Vec<Block>,
    /// Author bylines, usually at the end of the article.
    pub bylines: Vec<Byline>,
    /// Anchor id of the article title.
    pub id: String,
    /// Source line of the title.
    pub line: usize,
}

/// An author byline: `name affiliation`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Byline {
    /// Author name, e.g. `吴伟华`.
    pub name: String,
    /// Affiliation and position, e.g. `中共义乌市委党校副校长`; may be empty.
    pub affiliation: String,
    /// Source line.
    pub line: usize,
}

impl Byline {
    /// The byline of a front-matter author: the name alone, no affiliation, no source line.
    pub fn of_author(name: &str) -> Byline {
        Byline {
            name: name.to_string(),
            affiliation: String::new(),
            line: 0,
        }
    }
}

/// A heading, standalone or run-in (T22).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// Level 1..=6 in the outline: after structure inference (T21 patterns mapped to 1..n),
    /// or a Markdown depth renumbered so that the shallowest depth used is 1.
    pub level: u8,
    /// Which heading scale of the style sets it (T23), decided by the passes.
    pub scale: HeadingScale,
    /// Heading text, including its number (`一、`, `（一）`, `1.`).
    pub content: Vec<Inline>,
    /// Body text that follows a run-in heading in the same paragraph (T22); empty if standalone.
    pub run_in: Vec<Inline>,
    /// Anchor id for links, bookmarks and outlines (set by the ids pass).
    pub id: String,
    /// Source line.
    pub line: usize,
}

/// Which heading scale of the style sets a heading (T21/T23): decided once by the passes,
/// so the three backends never look at a heading's text to choose its face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingScale {
    /// Chinese numbering `一、` `（一）` `1.` … (T21), or a plain-text subheading among
    /// numbered siblings: the T23 style of this rank (`Style::headings`), the rank being the
    /// T21 level of its pattern among the patterns the document uses.
    Numbered(u8),
    /// A statute division `第X编/篇/部分/章/节`: centred and bold, the style of this rank
    /// among the division patterns the document uses (`Style::statute_divisions`).
    Division(u8),
    /// A statute article `第X条`, run in at the start of its provision (`Style::statute_article`).
    Article,
    /// A Markdown heading without Chinese numbering: the depth-based scale, by level
    /// (`Style::unnumbered_headings`).
    Unnumbered,
}

/// A paragraph of inline content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Para {
    /// Inline content.
    pub content: Vec<Inline>,
    /// Source line of the first line.
    pub line: usize,
}

/// A bullet or ordered list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct List {
    /// `Some(start)` for an ordered list, `None` for bullets.
    pub start: Option<u64>,
    /// Tight list (no blank lines between items).
    pub tight: bool,
    /// The items.
    pub items: Vec<ListItem>,
    /// Source line.
    pub line: usize,
}

/// One list item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListItem {
    /// Task-list state: `Some(true)` checked, `Some(false)` unchecked, `None` plain item.
    pub checked: Option<bool>,
    /// Item content.
    pub blocks: Vec<Block>,
}

/// A block quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Quoted blocks.
    pub blocks: Vec<Block>,
    /// Source line.
    pub line: usize,
}

/// A code block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodeBlock {
    /// Info-string language, if any.
    pub lang: Option<String>,
    /// Code text, byte-identical to the source (trailing newline removed).
    pub text: String,
    /// Source line.
    pub line: usize,
}

/// Column alignment of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// No alignment given.
    None,
    /// Left aligned.
    Left,
    /// Centred.
    Center,
    /// Right aligned.
    Right,
}

/// A table: header row plus body rows of inline cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// One alignment per column.
    pub aligns: Vec<Align>,
    /// Header cells.
    pub header: Vec<Vec<Inline>>,
    /// Body rows.
    pub rows: Vec<Vec<Vec<Inline>>>,
    /// Caption: a `表 3-1 …` paragraph next to the table (taken in by the captions pass)
    /// or an HTML `<caption>`; `None` when the table has none.
    pub caption: Option<Vec<Inline>>,
    /// Source line.
    pub line: usize,
}

/// A stand-alone image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Image source as written (relative to the input file, or a URL).
    pub src: String,
    /// Alternative text (plain).
    pub alt: String,
    /// The caption: the image title, or after the captions pass a following `图 2 …` line
    /// (see `passes::captions`); backends print it below the image, centred.
    pub title: Option<String>,
    /// Source line.
    pub line: usize,
}

/// A thematic break.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    /// Source line.
    pub line: usize,
}

/// An explicit page break.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageBreak {
    /// Source line.
    pub line: usize,
}

/// A footnote definition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footnote {
    /// Label as used by [`Inline::NoteRef`].
    pub label: String,
    /// Footnote content.
    pub blocks: Vec<Block>,
    /// Source line.
    pub line: usize,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// A HAN–WEST gap (T5/T15): 0.25 em in PDF, a space in EPUB, nothing in DOCX.
    AutoSpace,
    /// Soft line break inside a paragraph (removed or turned into a space by T1).
    SoftBreak,
    /// Hard line break.
    LineBreak,
    /// `**strong**`: bold / Hei (T24).
    Strong(Vec<Inline>),
    /// `*emphasis*`: emphasis dots under Han (T24).
    Emph(Vec<Inline>),
    /// `~~strikethrough~~`.
    Strike(Vec<Inline>),
    /// Inline code, byte-identical (T26).
    Code(String),
    /// A hyperlink.
    Link(Link),
    /// An inline image.
    Image(Image),
    /// Reference to a footnote by label.
    NoteRef(String),
    /// `<sup>`: smaller glyphs on a raised baseline.
    Superscript(Vec<Inline>),
    /// `<sub>`: smaller glyphs on a lowered baseline.
    Subscript(Vec<Inline>),
    /// `<u>` / `<ins>`: underlined.
    Underline(Vec<Inline>),
    /// `<mark>`: highlighted.
    Mark(Vec<Inline>),
    /// `<small>`: a smaller size.
    Small(Vec<Inline>),
    /// `<kbd>`: a key or typed input, set like inline code.
    Kbd(String),
    /// `<ruby>`: a base with its reading (pinyin, zhuyin) above.
    Ruby(Ruby),
}

/// A ruby annotation: base text and its reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ruby {
    /// The annotated text, e.g. `汉`.
    pub base: String,
    /// The reading, e.g. `hàn`.
    pub text: String,
}

/// A hyperlink.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Target URL or path (`#id` for internal links).
    pub url: String,
    /// Optional title.
    pub title: Option<String>,
    /// Link text.
    pub content: Vec<Inline>,
}

/// An inline image.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// Source path or URL.
    pub src: String,
    /// Alternative text.
    pub alt: String,
    /// Optional title.
    pub title: Option<String>,
}

impl Document {
    /// The document's top-level articles, in order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Article(a) => Some(a),
            _ => None,
        })
    }
}

impl Heading {
    /// What chooses the heading's style: its scale, with the level for the depth-based
    /// [`HeadingScale::Unnumbered`] scale (0 for the others, whose rank is in the scale).
    pub fn style_key(&self) -> (HeadingScale, u8) {
        match self.scale {
            HeadingScale::Unnumbered => (self.scale, self.level.clamp(1, 6)),
            scale => (scale, 0),
        }
    }
}

impl Document {
    /// The [`Heading::style_key`]s of every heading, each once, in order: backends that
    /// write one style per key (EPUB classes, DOCX styles) write only these.
    pub fn heading_style_keys(&self) -> std::collections::BTreeSet<(HeadingScale, u8)> {
        let mut keys = std::collections::BTreeSet::new();
        visit_blocks(self, &mut |b| {
            if let Block::Heading(h) = b {
                keys.insert(h.style_key());
            }
        });
        keys
    }
}

impl Inline {
    /// The inlines nested in a container inline (emphasis, strikethrough, the HTML
    /// containers, a link's text); `None` for a leaf. One list of containers for every walk.
    pub fn children(&self) -> Option<&[Inline]> {
        match self {
            Inline::Strong(c)
            | Inline::Emph(c)
            | Inline::Strike(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c)
            | Inline::Underline(c)
            | Inline::Mark(c)
            | Inline::Small(c) => Some(c),
            Inline::Link(l) => Some(&l.content),
            Inline::Text(_)
            | Inline::AutoSpace
            | Inline::SoftBreak
            | Inline::LineBreak
            | Inline::Code(_)
            | Inline::Image(_)
            | Inline::NoteRef(_)
            | Inline::Kbd(_)
            | Inline::Ruby(_) => None,
        }
    }

    /// [`Inline::children`], for editing in place: the same containers (a new container
    /// must be added to both, which the exhaustive matches enforce).
    pub fn children_mut(&mut self) -> Option<&mut Vec<Inline>> {
        match self {
            Inline::Strong(c)
            | Inline::Emph(c)
            | Inline::Strike(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c)
            | Inline::Underline(c)
            | Inline::Mark(c)
            | Inline::Small(c) => Some(c),
            Inline::Link(l) => Some(&mut l.content),
            Inline::Text(_)
            | Inline::AutoSpace
            | Inline::SoftBreak
            | Inline::LineBreak
            | Inline::Code(_)
            | Inline::Image(_)
            | Inline::NoteRef(_)
            | Inline::Kbd(_)
            | Inline::Ruby(_) => None,
        }
    }

    /// The same container holding `children` instead of its own (a link keeps its URL and
    /// title); `None` for a leaf. For walks that rebuild the tree from a borrowed one.
    pub fn with_children(&self, children: Vec<Inline>) -> Option<Inline> {
        Some(match self {
            Inline::Strong(_) => Inline::Strong(children),
            Inline::Emph(_) => Inline::Emph(children),
            Inline::Strike(_) => Inline::Strike(children),
            Inline::Superscript(_) => Inline::Superscript(children),
            Inline::Subscript(_) => Inline::Subscript(children),
            Inline::Underline(_) => Inline::Underline(children),
            Inline::Mark(_) => Inline::Mark(children),
            Inline::Small(_) => Inline::Small(children),
            Inline::Link(l) => Inline::Link(Link {
                url: l.url.clone(),
                title: l.title.clone(),
                content: children,
            }),
            Inline::Text(_)
            | Inline::AutoSpace
            | Inline::SoftBreak
            | Inline::LineBreak
            | Inline::Code(_)
            | Inline::Image(_)
            | Inline::NoteRef(_)
            | Inline::Kbd(_)
            | Inline::Ruby(_) => return None,
        })
    }
}

impl Block {
    /// The block's source line (0 when unknown).
    pub fn line(&self) -> usize {
        match self {
            Block::Article(a) => a.line,
            Block::Heading(h) => h.line,
            Block::Para(p) => p.line,
            Block::List(l) => l.line,
            Block::Quote(q) => q.line,
            Block::Code(c) => c.line,
            Block::Table(t) => t.line,
            Block::Figure(f) => f.line,
            Block::Rule(r) => r.line,
            Block::PageBreak(p) => p.line,
        }
    }
}
