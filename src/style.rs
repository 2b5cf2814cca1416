//! The `Style` every backend receives: page, fonts, sizes and heading styles.
//!
//! Defaults are the `handout` preset of TYPOGRAPHY.md T23 (A4, 小四 Song body, 1.6 em pitch).
//! Presets are TOML files embedded in the binary (`src/style/presets/`); style files are
//! merged over them (`load`). Keys are the field names in kebab-case; sizes and lengths
//! may carry units (`units`), but in memory everything is plain points or em.

use crate::ast::{Heading, HeadingScale};
use serde::{Deserialize, Serialize};

mod load;
mod units;

pub use load::{StyleError, PRESETS};
pub use units::SIZE_NAMES;

/// Millimetres to PostScript points.
pub const MM: f32 = 72.0 / 25.4;

/// A font role (T27). Each role resolves to a concrete face through a fallback chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FontRole {
    /// 宋体: body text (Noto Serif CJK SC Regular).
    Song,
    /// 宋体加粗: titles (Noto Serif CJK SC Bold, 小标宋 substitute).
    SongBold,
    /// 黑体: headings and strong (Noto Sans CJK SC Bold).
    Hei,
    /// 楷体: subtitle, byline, level-2 headings, quotes (LXGW WenKai).
    Kai,
    /// 仿宋: gongwen body (Zhuque Fangsong).
    Fang,
    /// Monospace for code.
    Mono,
}

impl FontRole {
    /// Every role, in display order.
    pub const ALL: [FontRole; 6] = [
        FontRole::Song,
        FontRole::SongBold,
        FontRole::Hei,
        FontRole::Kai,
        FontRole::Fang,
        FontRole::Mono,
    ];

    /// Lower-case name used in the CLI and style files.
    pub fn name(self) -> &'static str {
        match self {
            FontRole::Song => "song",
            FontRole::SongBold => "song-bold",
            FontRole::Hei => "hei",
            FontRole::Kai => "kai",
            FontRole::Fang => "fang",
            FontRole::Mono => "mono",
        }
    }

    /// The Windows face name Word users know (T27), for DOCX.
    pub fn windows_name(self) -> &'static str {
        match self {
            FontRole::Song | FontRole::SongBold => "宋体",
            FontRole::Hei => "黑体",
            FontRole::Kai => "楷体",
            FontRole::Fang => "仿宋",
            FontRole::Mono => "Consolas",
        }
    }

    /// The role of `**strong**` text inside text of this role (T24): the real bold face of
    /// the same family where there is one (Song → SongBold), Hei for Kai and Fang, which
    /// have no bold; Hei and Mono keep their face, drawn bold. PDF, EPUB and DOCX all use it.
    pub fn strong(self) -> FontRole {
        match self {
            FontRole::Song | FontRole::SongBold => FontRole::SongBold,
            FontRole::Hei | FontRole::Kai | FontRole::Fang => FontRole::Hei,
            FontRole::Mono => FontRole::Mono,
        }
    }

    /// The role of `*emphasis*` text inside text of this role (T24): the same face, since
    /// emphasis is marked with dots under HAN and oblique WEST, never with another face.
    pub fn emphasis(self) -> FontRole {
        self
    }

    /// The role of text of this role set bold, as a bold title or heading style is
    /// (T23/T24): bold Song is the real bold face; other roles keep their face, drawn bold.
    pub fn with_bold(self, bold: bool) -> FontRole {
        match (self, bold) {
            (FontRole::Song, true) => FontRole::SongBold,
            (role, _) => role,
        }
    }
}

/// Horizontal alignment of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Alignment {
    /// Flush left (with the block's indent).
    Left,
    /// Centred.
    Center,
    /// Justified (T16).
    Justify,
}

/// Where the page number sits on the page (PDF).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageNumberPosition {
    /// Centred under the text block on every page.
    Centre,
    /// On the outside edge (GB/T 9704 7.5): odd pages flush right one cell in from the
    /// right text edge, even pages flush left one cell in from the left text edge.
    Outside,
}

/// How one kind of heading or title line is set (T23).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BlockStyle {
    /// Font role.
    pub font: FontRole,
    /// Size in points.
    #[serde(deserialize_with = "units::size")]
    pub size: f32,
    /// Bold (real bold face, or synthetic where the face has none, T24).
    pub bold: bool,
    /// Alignment.
    pub align: Alignment,
    /// First-line indent in em of `size`.
    #[serde(deserialize_with = "units::em")]
    pub indent_em: f32,
    /// Space before, in body lines.
    pub space_before: f32,
    /// Space after, in body lines.
    pub space_after: f32,
}

impl BlockStyle {
    /// The role the block's text is set in: its font, made bold per [`FontRole::with_bold`].
    pub fn role(&self) -> FontRole {
        self.font.with_bold(self.bold)
    }
}

/// Everything a backend needs to know about the look of the output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Style {
    /// Preset name (`handout`).
    pub name: String,
    /// Page width in points.
    #[serde(deserialize_with = "units::length")]
    pub page_width: f32,
    /// Page height in points.
    #[serde(deserialize_with = "units::length")]
    pub page_height: f32,
    /// Top margin in points.
    #[serde(deserialize_with = "units::length")]
    pub margin_top: f32,
    /// Bottom margin in points.
    #[serde(deserialize_with = "units::length")]
    pub margin_bottom: f32,
    /// Left (binding) margin in points.
    #[serde(deserialize_with = "units::length")]
    pub margin_left: f32,
    /// Right margin in points.
    #[serde(deserialize_with = "units::length")]
    pub margin_right: f32,
    /// Body text size in points (小四 = 12).
    #[serde(deserialize_with = "units::size")]
    pub body_size: f32,
    /// Body font role.
    pub body_font: FontRole,
    /// Baseline-to-baseline distance in em of the body size (T18; PDF and DOCX: EPUB
    /// reflows at `epub.line_height_em`).
    pub line_pitch_em: f32,
    /// First-line indent of body paragraphs in em (T17); quotes and nested lists move in
    /// by the same amount (T19).
    #[serde(deserialize_with = "units::em")]
    pub indent_em: f32,
    /// Narrowest text measure in em of the body size: deeply nested quotes and lists stop
    /// moving in (T19) once their text would get narrower than this (PDF).
    #[serde(deserialize_with = "units::em")]
    pub min_measure_em: f32,
    /// Title (T23: 二号 22 pt, Song bold, centred, 1 line after).
    pub title: BlockStyle,
    /// Subtitle (Kai 三号, centred, prefixed `——`).
    pub subtitle: BlockStyle,
    /// Byline (Kai 三号, centred).
    pub byline: BlockStyle,
    /// Heading levels 1..=6 (index 0 = level 1): headings numbered `一、` `（一）` `1.` …
    /// (T21/T23), by the rank of their pattern among the patterns the document uses.
    pub headings: Vec<BlockStyle>,
    /// Markdown headings without Chinese numbering, levels 1..=6 (index 0 = level 1, the
    /// shallowest depth used): a depth-based scale, never larger with depth and each level
    /// set apart from body text by size, face or weight.
    pub unnumbered_headings: Vec<BlockStyle>,
    /// Statute divisions `第X编/篇/部分/章/节` (T21), by the rank of their pattern among the
    /// divisions the document uses (index 0 = the outermost): centred and bold.
    pub statute_divisions: Vec<BlockStyle>,
    /// Statute articles `第X条`, run in at the start of their provision (T22): the marker's
    /// face, size and weight (the paragraph itself is body text).
    pub statute_article: BlockStyle,
    /// Block quote font role (T19: Kai).
    pub quote_font: FontRole,
    /// Code font size in points.
    #[serde(deserialize_with = "units::size")]
    pub code_size: f32,
    /// Footnote text size in points (五号 10.5).
    #[serde(deserialize_with = "units::size")]
    pub note_size: f32,
    /// Page-number format; `{n}` is replaced by the page number (`— {n} —`).
    pub page_number: String,
    /// Page-number size in points.
    #[serde(deserialize_with = "units::size")]
    pub page_number_size: f32,
    /// Where the page number sits across the page (PDF; DOCX: odd and even footers).
    pub page_number_position: PageNumberPosition,
    /// Distance from the bottom of the text block to the top of the page number's em box,
    /// in points ("7mm" also accepted); left out, the number is centred in the bottom
    /// margin (PDF; DOCX: it sets the footer distance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "units::optional_length")]
    pub page_number_gap: Option<f32>,
    /// Running header text; `None` for no header.
    pub header: Option<String>,
    /// Mirrored margins for printing on both sides: `margin-left` is the inner (binding)
    /// margin and `margin-right` the outer one of odd (recto) pages; even (verso) pages
    /// swap them (PDF).
    #[serde(default)]
    pub mirror_margins: bool,
    /// Running heads (书眉) in the top margin at `page-number-size`: the document title on
    /// even pages, the current chapter's title on odd pages, none on chapter-opening and
    /// blank pages; they replace `header` (PDF).
    #[serde(default)]
    pub running_heads: bool,
    /// Chapters (articles; level-1 headings when the document has fewer than two
    /// articles) and the document's title start on a new odd (recto) page, after a blank
    /// even page when needed (PDF).
    #[serde(default)]
    pub recto_chapters: bool,
    /// Start each article on a new page.
    pub article_page_break: bool,
    /// Keep rules of page breaking (T20: two paragraph lines at page bottom and top, a
    /// heading with its text); false lets any line end a page, so every full page holds
    /// exactly `grid.lines-per-page` lines as GB/T 9704 wants (PDF).
    pub page_keeps: bool,
    /// The most a page cut short by a keep rule (T20) is filled (撑版) at one gap, in body
    /// lines: T17 wants no space between paragraphs, so a page with too few gaps is left
    /// short rather than opened up by blank-line-sized holes (PDF).
    pub fill_max_lines: f32,
    /// Line breaking and justification of the paragraph engine (T11, T15, T16).
    pub paragraph: ParagraphStyle,
    /// The character and line grid of GB/T 9704 (版心 of 22 lines × 28 characters).
    pub grid: GridStyle,
    /// Emphasis dots, strikethrough and synthetic bold (T24).
    pub emphasis: EmphasisStyle,
    /// Footnotes at the foot of the page.
    pub notes: NoteStyle,
    /// List markers and indents (T19).
    pub lists: ListStyle,
    /// Block quotes (T19).
    pub quote: QuoteStyle,
    /// Code blocks.
    pub code: CodeStyle,
    /// Tables (三线表).
    pub table: TableStyle,
    /// Stand-alone images.
    pub figure: FigureStyle,
    /// Thematic breaks (`---`).
    pub rules: RuleStyle,
    /// The table of contents, shared by the three formats.
    #[serde(default)]
    pub toc: TocStyle,
    /// The official-document header block, closing and 版记 of GB/T 9704 §7 (T30), set
    /// when the front matter has those fields.
    pub official: OfficialStyle,
    /// Numbers only the DOCX backend uses.
    pub docx: DocxStyle,
    /// Numbers only the EPUB backend uses.
    pub epub: EpubStyle,
}

/// How the paragraph engine breaks and justifies lines (PDF only: EPUB reading systems
/// and Word break and justify lines themselves).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ParagraphStyle {
    /// Width of the HAN–WEST gap in em (T15; PDF only: EPUB writes a space, DOCX turns on
    /// Word's `w:autoSpaceDE`).
    pub autospace_em: f32,
    /// Narrowest a HAN–WEST gap may shrink to in justified lines, in em (T15, T16 shrink
    /// level 4; PDF only).
    pub autospace_min_em: f32,
    /// Widest a HAN–WEST gap may stretch to before inter-character spacing starts, in em
    /// (T15, T16 stretch level 2; PDF only).
    pub autospace_max_em: f32,
    /// Narrowest a Latin word space may shrink to, in em (T16 shrink level 1; PDF only).
    pub space_min_em: f32,
    /// Widest a Latin word space may stretch to before the next level starts, in em (T16
    /// stretch level 1; PDF only).
    pub space_max_em: f32,
    /// Inter-character stretch per gap, in em, that counts as stretch ratio 1 when lines
    /// are chosen (T16 stretch level 3; PDF only): smaller makes letter-spaced Han lines
    /// costlier than squeezed punctuation, as GB practice prefers (T9).
    pub interchar_stretch_em: f64,
    /// Largest stretch ratio a non-last line may have in the first line-breaking pass
    /// (T16; PDF only): 2.5 is about 0.5 em per Han gap. Only if no layout fits within it
    /// is a second pass run without a limit.
    pub tolerance: f64,
    /// Demerits added to a paragraph whose last line holds fewer than two characters
    /// besides trailing STOP/CLOSE (T11 孤字; PDF only).
    pub runt_penalty: f64,
    /// Demerits of breaking inside inline code away from its spaces, allowed only to avoid
    /// an overfull line (T8, T26; PDF only).
    pub code_break_penalty: f64,
    /// Demerits of breaking a URL after one of its separators (T8; PDF only).
    pub url_break_penalty: f64,
    /// English hyphenation (T8, T16): Latin words (no capital after the first letter, no
    /// digits; never code, URLs or Chinese) may break at en-US Knuth–Liang points with a
    /// hyphen at the line end in the PDF, and are marked `lang="en"` for the EPUB reader's
    /// `hyphens: auto`.
    pub hyphenate: bool,
    /// Shortest word that is hyphenated, in letters (T8; PDF and EPUB).
    pub hyphen_min_word: u32,
    /// Fewest letters before a hyphen (T8; PDF and EPUB).
    pub hyphen_min_left: u32,
    /// Fewest letters after a hyphen (T8; PDF and EPUB).
    pub hyphen_min_right: u32,
    /// Demerits of a line ending in a hyphen (T8; PDF only): 2500 is TeX's
    /// `\hyphenpenalty` 50 squared, as TeX counts it.
    pub hyphen_penalty: f64,
}

impl ParagraphStyle {
    /// The hyphenation limits, for [`crate::text::hyphenate`].
    pub fn hyphen_limits(&self) -> crate::text::hyphenate::Limits {
        crate::text::hyphenate::Limits {
            min_word: self.hyphen_min_word as usize,
            min_left: self.hyphen_min_left as usize,
            min_right: self.hyphen_min_right as usize,
        }
    }
}

/// The character and line grid (文档网格) of official documents, GB/T 9704-2012 5.2.1
/// (PDF; 0 turns each grid off).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GridStyle {
    /// Characters per line: every Han character and full-width mark takes one cell of
    /// text width / `chars_per_line`, whatever its size (16 pt glyphs sit in 15.79 pt cells
    /// for 28 in 156 mm, the standard's slight squeeze, as Word's `w:charSpace` does); T13
    /// compression is off and Han lines get no inter-character stretch. 0: no grid.
    pub chars_per_line: u32,
    /// Lines per page: the line pitch becomes text height / `lines_per_page` and every
    /// line, title and heading lines too, takes one grid line. 0: no grid.
    pub lines_per_page: u32,
}

/// Emphasis marks and synthetic styles of inline text (T24), as drawn in the PDF: EPUB
/// uses CSS `text-emphasis` and `line-through`, DOCX `w:em` and `w:strike`, each drawn
/// by the reader with its own geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EmphasisStyle {
    /// Diameter of the emphasis dot (着重号) under each HAN, in em (PDF only).
    pub dot_diameter_em: f32,
    /// Gap between the bottom of the em box and the top of the dot, in em (PDF only).
    pub dot_gap_em: f32,
    /// Height of the strikethrough rule's centre above the baseline, in em (PDF only).
    pub strike_height_em: f32,
    /// Thickness of the strikethrough rule, in em (PDF only).
    pub strike_thickness_em: f32,
    /// Width of the outline stroke that makes synthetic bold for faces without a bold, in
    /// em (PDF only; EPUB and DOCX leave synthetic bold to the reader).
    pub bold_stroke_em: f32,
    /// Slant of the synthetic oblique of WEST text in emphasis, as the tangent of its
    /// angle (tan 12°; PDF only: EPUB and DOCX use the reader's italic).
    pub oblique_slant: f32,
    /// Size of superscript and subscript text (`<sup>`, `<sub>`) and of ruby readings, in
    /// em of the surrounding text (PDF; EPUB and DOCX use the reader's own).
    pub script_size_em: f32,
    /// Baseline shift of superscript text, in em of the surrounding text (PDF).
    pub superscript_rise_em: f32,
    /// Baseline drop of subscript text, in em of the surrounding text (PDF).
    pub subscript_drop_em: f32,
    /// Depth of the underline's centre (`<u>`) below the baseline, in em: under the CJK
    /// em box, clear of Han ink (PDF; the thickness is `strike-thickness-em`).
    pub underline_drop_em: f32,
    /// Size of `<small>` text, in em of the surrounding text (PDF; EPUB uses `smaller`,
    /// DOCX the same ratio).
    pub small_size_em: f32,
    /// Grey level (0 black … 1 white) of the band behind `<mark>` text, which covers the
    /// CJK em box (PDF; EPUB and DOCX use the reader's highlight).
    pub mark_grey: f32,
}

/// Footnotes (页下注) at the foot of the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NoteStyle {
    /// Size of the footnote reference mark in the text, in em of the surrounding text
    /// (PDF; EPUB uses `epub.note_ref_size_em`, DOCX Word's superscript).
    pub marker_size_em: f32,
    /// Baseline shift of the footnote reference mark, in em of the surrounding text (PDF).
    pub marker_rise_em: f32,
    /// Line pitch of note text in em of `note_size` (PDF; DOCX uses `docx.note_pitch_em`,
    /// EPUB notes inherit `epub.line_height_em`).
    pub pitch_em: f32,
    /// Gap in points between the text and the separator rule and between the rule and the
    /// notes (PDF); EPUB puts `gap / body_size` em under its separator.
    #[serde(deserialize_with = "units::length")]
    pub gap: f32,
    /// Separator rule length as a fraction of the text width (PDF).
    pub separator_width_frac: f32,
    /// Separator rule thickness in points (PDF).
    #[serde(deserialize_with = "units::length")]
    pub separator_thickness: f32,
}

/// Code blocks (T26).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CodeStyle {
    /// Line pitch in em of `code_size` (PDF; DOCX uses `docx.code_pitch_em`, EPUB
    /// `epub.code_line_height_em`).
    pub pitch_em: f32,
    /// Space above and below a code block, in code lines (PDF and DOCX).
    pub space_lines: f32,
    /// Syntax-highlighting theme, one of syntect's default themes; `""` turns highlighting
    /// off (all backends). A light theme prints well (`InspiredGitHub`).
    pub theme: String,
    /// Background of code blocks as six hex digits; `""` for none (all backends).
    pub background: String,
    /// Padding between the background's edge and the code text, in em of `code_size`
    /// (PDF and EPUB; DOCX shading has no padding of its own).
    pub pad_em: f32,
    /// Draw a hook (↳) before each line that continues a wrapped code line, which moves
    /// in by two cells to hold it (PDF). The EPUB and DOCX, which the reader's software
    /// wraps, hang each source line instead: a continuation starts two cells past the
    /// line's own indent, without a hook. The hook is drawn, not text, so copied code
    /// keeps its bytes (T26).
    pub continuation: bool,
}

/// Gap between a list number and its item text, in em of the body size: numbers are set
/// flush right that far before the text (T19; PDF, EPUB and DOCX alike).
pub const LIST_NUMBER_GAP_EM: f32 = 0.25;

/// List markers and indents (T19, hanging form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ListStyle {
    /// Width of the marker box in em of the body size: item text and its run-over lines
    /// hang at this indent, and each nested level moves in by it (all backends).
    #[serde(deserialize_with = "units::em")]
    pub marker_width_em: f32,
    /// Bullet characters by nesting level, repeating (all backends).
    pub bullets: Vec<String>,
    /// Task-list box of an unchecked item (all backends).
    pub task_open: String,
    /// Task-list box of a checked item (all backends).
    pub task_done: String,
}

impl ListStyle {
    /// The bullet of nesting level `depth` (0 = outermost): `bullets` repeating, `•` when
    /// the style lists none.
    pub fn bullet(&self, depth: usize) -> &str {
        self.bullets
            .get(depth % self.bullets.len().max(1))
            .map_or("•", String::as_str)
    }
}

/// Block quotes (T19): set in `quote_font`, indented on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuoteStyle {
    /// Indent on the left and on the right, in em of the body size (all backends).
    #[serde(deserialize_with = "units::em")]
    pub indent_em: f32,
    /// Space above and below a quote, in body lines (PDF and DOCX: before its first
    /// paragraph, after its last; EPUB the same in em of its line height).
    pub space_lines: f32,
}

/// Tables: three-line style (三线表).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TableStyle {
    /// Cell and caption text size in points (PDF; the EPUB sizes captions by it; DOCX and
    /// EPUB set cells at `body_size`).
    #[serde(deserialize_with = "units::size")]
    pub text_size: f32,
    /// Line pitch of cell text in em of `text_size` (PDF).
    pub pitch_em: f32,
    /// Padding left and right of cell text, in em of `text_size` (PDF).
    pub pad_x_em: f32,
    /// Padding above and below cell text, in em of `text_size` (PDF).
    pub pad_y_em: f32,
    /// Narrowest a column may get, in em of `text_size` (PDF; DOCX in em of the body size).
    pub min_column_em: f32,
    /// Thickness of the top and bottom rules in points (PDF).
    #[serde(deserialize_with = "units::length")]
    pub thick_rule: f32,
    /// Thickness of the rule under the header, and of the rule closing a table cut by a
    /// page break, in points (PDF).
    #[serde(deserialize_with = "units::length")]
    pub thin_rule: f32,
    /// Space above and below a table, in body lines (PDF).
    pub space_lines: f32,
    /// Face of the table caption (`表 3-1 …`), set centred above the table at `text_size`
    /// (all backends).
    pub caption_font: FontRole,
}

/// Stand-alone images.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FigureStyle {
    /// Tallest an image may be, as a fraction of the text height (PDF; DOCX uses
    /// `docx.figure_max_height_frac`).
    pub max_height_frac: f32,
    /// Space above and below the image, in body lines (PDF).
    pub pad_lines: f32,
}

/// Thematic breaks: a centred horizontal rule one body line high.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleStyle {
    /// Rule length as a fraction of the measure (PDF, EPUB).
    pub width_frac: f32,
    /// Rule thickness in points (PDF; DOCX uses `docx.rule_thickness`, EPUB
    /// `epub.border_px`).
    #[serde(deserialize_with = "units::length")]
    pub thickness: f32,
}

/// The table of contents: which headings it lists, for all three formats, and how the PDF
/// contents page sets them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
// A preset without a [toc] table still lets a style file set one key of it.
#[serde(default)]
pub struct TocStyle {
    /// Make a table of contents: a contents page before the text (PDF) and a TOC field
    /// (DOCX); `--toc` turns it on. The EPUB always has its navigation document.
    pub enabled: bool,
    /// Deepest heading level listed, 1 to 6: the PDF contents page, the EPUB navigation
    /// and the DOCX field `\o "1-N"` all follow it (the PDF and EPUB list article titles
    /// above the headings).
    pub depth: u8,
    /// Title of the contents page (PDF, DOCX) and of the EPUB navigation.
    pub title: String,
    /// Indent of each heading level under the one above, in em of the body size (PDF).
    #[serde(deserialize_with = "units::em")]
    pub indent_em: f32,
    /// Character repeated as the leader between an entry and its page number (PDF).
    pub leader: String,
    /// Least space between an entry's text, its leader and its page number, in em of the
    /// body size (PDF).
    pub gap_em: f32,
}

impl Default for TocStyle {
    fn default() -> Self {
        TocStyle {
            enabled: false,
            depth: 3,
            title: "目录".into(),
            indent_em: 1.0,
            leader: ".".into(),
            gap_em: 0.5,
        }
    }
}

/// The official-document fields of GB/T 9704-2012 §7 (T30): the 版头 (发文机关标志,
/// 发文字号, 签发人, red separator), 主送, 附件说明, 署名 and 成文日期, and the 版记 at the
/// foot of the last page. Used only when the front matter has those fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OfficialStyle {
    /// Face of the 发文机关标志 (GB/T 9704 7.2.3: 小标宋; all backends).
    pub issuer_font: FontRole,
    /// Size of the 发文机关标志 in points: 小初 36 pt is 12.7 mm, well inside the largest
    /// character GB/T 9704 7.2.3 allows (22 mm × 15 mm; all backends).
    #[serde(deserialize_with = "units::size")]
    pub issuer_size: f32,
    /// Distance from the top of the text block to the top of the 标志's em box (GB/T 9704
    /// 7.2.3: 35 mm; PDF and DOCX).
    #[serde(deserialize_with = "units::length")]
    pub issuer_top: f32,
    /// Colour of the 标志 and the separator rule, as six hex digits (GB/T 9704 names only
    /// 红色; FF0000 is Word's standard red, what Word templates of 红头文件 use; all backends).
    pub colour: String,
    /// Blank body lines between the 标志 and the 发文字号 (7.2.4: 下空二行; PDF and DOCX).
    pub number_gap_lines: f32,
    /// Face of the 发文字号 and of the `签发人：` label (7.2.4: 3号仿宋; all backends).
    pub number_font: FontRole,
    /// Face of the 签发人 names (7.2.5: 3号楷体; all backends).
    pub signer_font: FontRole,
    /// Distance from the bottom of the 发文字号's em box to the top of the red separator
    /// (7.2.6: 4 mm; PDF and DOCX).
    #[serde(deserialize_with = "units::length")]
    pub separator_gap: f32,
    /// Thickness of the red separator, as wide as the text block (GB/T 9704 gives none;
    /// PDF and DOCX, Word rounds to 1/8 pt).
    #[serde(deserialize_with = "units::length")]
    pub separator_thickness: f32,
    /// Blank body lines between the separator and the title (7.3.1: 下空二行; PDF and DOCX).
    pub title_gap_lines: f32,
    /// Blank body lines between the body and the 附件说明 (7.3.4: 下空一行; PDF and DOCX).
    pub attachment_gap_lines: f32,
    /// Blank body lines between the body (or 附件说明) and the 发文机关署名, room for the seal
    /// (7.3.5.1; PDF and DOCX).
    pub signature_gap_lines: f32,
    /// Right indent of the 成文日期 line, in em of the body size (7.3.5.1: 右空四字; the
    /// 署名 is centred on the date; all backends).
    #[serde(deserialize_with = "units::em")]
    pub date_indent_em: f32,
    /// Face of the 版记 lines (7.4: 4号仿宋; all backends).
    pub record_font: FontRole,
    /// Size of the 版记 lines in points (7.4: 四号 14 pt; all backends).
    #[serde(deserialize_with = "units::size")]
    pub record_size: f32,
    /// Left and right indent of the 版记 lines, in em of the body size (7.4: 左右各空一字;
    /// all backends).
    #[serde(deserialize_with = "units::em")]
    pub record_indent_em: f32,
    /// Thickness of the first and last 版记 rules (7.4.1: 0.35 mm; PDF and DOCX).
    #[serde(deserialize_with = "units::length")]
    pub record_thick_rule: f32,
    /// Thickness of the rules between 版记 items (7.4.1: 0.25 mm; PDF and DOCX).
    #[serde(deserialize_with = "units::length")]
    pub record_thin_rule: f32,
}

/// Numbers only the DOCX backend uses (where Word's model differs, or where the DOCX
/// output has so far used its own value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DocxStyle {
    /// Distance from the page top to the running header, in points (DOCX only).
    #[serde(deserialize_with = "units::length")]
    pub header_distance: f32,
    /// Distance from the page bottom to the footer (page number), in points (DOCX only).
    #[serde(deserialize_with = "units::length")]
    pub footer_distance: f32,
    /// Exact line pitch of footnote text in em of `note_size` (DOCX only).
    pub note_pitch_em: f32,
    /// Exact line pitch of code in em of `code_size` (DOCX only).
    pub code_pitch_em: f32,
    /// Tallest an image may be, as a fraction of the text height (DOCX only).
    pub figure_max_height_frac: f32,
    /// Thickness of the thematic-break border in points (DOCX only; Word rounds to 1/8 pt).
    #[serde(deserialize_with = "units::length")]
    pub rule_thickness: f32,
    /// Space between the thematic-break border and its paragraph, in points (DOCX only;
    /// Word takes whole points).
    #[serde(deserialize_with = "units::length")]
    pub rule_space: f32,
    /// Thickness of table cell borders in points (DOCX only; Word rounds to 1/8 pt).
    #[serde(deserialize_with = "units::length")]
    pub table_border: f32,
    /// Padding left and right of table cell text in points (DOCX only).
    #[serde(deserialize_with = "units::length")]
    pub table_cell_pad: f32,
    /// Space after a figure caption, in body lines (DOCX only; the PDF sets the caption
    /// inside the figure's `figure.pad_lines`, EPUB in its `block_margin_em`).
    pub caption_space_after_lines: f32,
    /// Colour of link text, as six hex digits (DOCX only: the `Hyperlink` character
    /// style; Word's own default blue).
    pub link_colour: String,
    /// Embed subsets of the fonts used, obfuscated per ECMA-376 §17.8.1, so the document
    /// looks the same without the fonts installed (DOCX only; `--embed-fonts` turns it on).
    #[serde(default)]
    pub embed_fonts: bool,
}

/// Numbers only the EPUB backend uses (reading systems reflow, so these are CSS values).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EpubStyle {
    /// Body `line-height` in em (EPUB only; footnotes inherit it and heading spaces are
    /// counted in it).
    pub line_height_em: f32,
    /// Title and heading `line-height` in em of their own size (EPUB only).
    pub heading_line_height_em: f32,
    /// Code block `line-height` in em of the code size (EPUB only).
    pub code_line_height_em: f32,
    /// Vertical margin around code blocks, tables and figures, in em (EPUB only).
    pub block_margin_em: f32,
    /// Table cell padding above and below, in em (EPUB only).
    pub table_pad_y_em: f32,
    /// Table cell padding left and right, in em (EPUB only).
    pub table_pad_x_em: f32,
    /// Width of table borders and of the thematic-break rule, in CSS px (EPUB only).
    pub border_px: f32,
    /// Colour of table borders and of the thematic-break rule, as a CSS colour (EPUB only).
    pub border_colour: String,
    /// Footnote separator length as a fraction of the measure (EPUB only).
    pub note_separator_width_frac: f32,
    /// Size of footnote reference marks in em of the surrounding text (EPUB only).
    pub note_ref_size_em: f32,
    /// A title or subtitle longer than this many em of its own size is broken at its middle
    /// U+3000 gap (T23): about what a phone shows on one line at title size (EPUB only; the
    /// PDF and DOCX balance for the real measure).
    pub title_measure_em: f32,
}

impl Style {
    /// The `handout` preset (T23), parsed from `src/style/presets/handout.toml`.
    pub fn handout() -> Style {
        Style::preset("handout").expect("the handout preset is built in")
    }

    /// Style of heading `level` (1-based; levels past the table use the last entry).
    pub fn heading(&self, level: u8) -> &BlockStyle {
        nth(&self.headings, level)
    }

    /// Style of a heading of `level` on `scale` (T23): the one place that maps the scale
    /// the passes decided to a block style, for every backend.
    pub fn heading_on(&self, scale: HeadingScale, level: u8) -> &BlockStyle {
        match scale {
            HeadingScale::Numbered(rank) => nth(&self.headings, rank),
            HeadingScale::Division(rank) => nth(&self.statute_divisions, rank),
            HeadingScale::Article => &self.statute_article,
            HeadingScale::Unnumbered => nth(&self.unnumbered_headings, level),
        }
    }

    /// Style of heading `h` ([`Style::heading_on`] its scale and level).
    pub fn heading_of(&self, h: &Heading) -> &BlockStyle {
        self.heading_on(h.scale, h.level)
    }

    /// Style of a [`Heading::style_key`].
    pub fn heading_keyed(&self, (scale, level): (HeadingScale, u8)) -> &BlockStyle {
        self.heading_on(scale, level)
    }

    /// Width of the text area in points.
    pub fn text_width(&self) -> f32 {
        self.page_width - self.margin_left - self.margin_right
    }

    /// Height of the text area in points.
    pub fn text_height(&self) -> f32 {
        self.page_height - self.margin_top - self.margin_bottom
    }

    /// Body line pitch in points: the line grid's pitch when there is one.
    pub fn line_pitch(&self) -> f32 {
        match self.grid.lines_per_page {
            0 => self.body_size * self.line_pitch_em,
            lines => self.text_height() / lines as f32,
        }
    }

    /// Line pitch of a line of text of `size` points (titles, headings): on the line grid
    /// every line takes one grid line, else the pitch is in proportion to the size.
    pub fn pitch_of(&self, size: f32) -> f32 {
        match self.grid.lines_per_page {
            0 => size * self.line_pitch_em,
            _ => self.line_pitch(),
        }
    }

    /// A first-line indent of `em` em for text of `size` points: whole grid cells for
    /// body-size text on the character grid (`2字` is two cells), else `em` × `size`.
    pub fn indent_of(&self, em: f32, size: f32) -> f32 {
        match self.grid_cell() {
            Some(cell) if size == self.body_size => em * cell,
            _ => em * size,
        }
    }

    /// Width of one character-grid cell in points, if there is a character grid.
    pub fn grid_cell(&self) -> Option<f32> {
        match self.grid.chars_per_line {
            0 => None,
            chars => Some(self.text_width() / chars as f32),
        }
    }
}

/// Entry `n` (1-based) of a list of block styles; past the end, the last entry.
fn nth(list: &[BlockStyle], n: u8) -> &BlockStyle {
    let i = (n.max(1) as usize - 1).min(list.len() - 1);
    &list[i]
}

impl Default for Style {
    fn default() -> Self {
        Style::handout()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numbers of the `handout` constructor before presets became TOML files.
    fn handout_before_toml() -> Style {
        let h = |font, size, bold, space_before| BlockStyle {
            font,
            size,
            bold,
            align: Alignment::Left,
            indent_em: 2.0,
            space_before,
            space_after: 0.0,
        };
        // The keys added for Markdown headings and statutes (issue 10).
        let u = |font, size, bold, space_before, space_after| BlockStyle {
            font,
            size,
            bold,
            align: Alignment::Left,
            indent_em: 0.0,
            space_before,
            space_after,
        };
        let d = |size, space_before, space_after| BlockStyle {
            font: FontRole::Hei,
            size,
            bold: true,
            align: Alignment::Center,
            indent_em: 0.0,
            space_before,
            space_after,
        };
        Style {
            name: "handout".into(),
            page_width: 210.0 * MM,
            page_height: 297.0 * MM,
            margin_top: 25.0 * MM,
            margin_bottom: 25.0 * MM,
            margin_left: 25.0 * MM,
            margin_right: 25.0 * MM,
            body_size: 12.0,
            body_font: FontRole::Song,
            line_pitch_em: 1.6,
            indent_em: 2.0,
            min_measure_em: 8.0,
            title: BlockStyle {
                font: FontRole::SongBold,
                size: 22.0,
                bold: true,
                align: Alignment::Center,
                indent_em: 0.0,
                space_before: 0.0,
                space_after: 1.0,
            },
            subtitle: BlockStyle {
                font: FontRole::Kai,
                size: 16.0,
                bold: false,
                align: Alignment::Center,
                indent_em: 0.0,
                space_before: 0.0,
                space_after: 0.0,
            },
            byline: BlockStyle {
                font: FontRole::Kai,
                size: 16.0,
                bold: false,
                align: Alignment::Center,
                indent_em: 0.0,
                space_before: 1.0,
                space_after: 1.0,
            },
            headings: vec![
                h(FontRole::Hei, 16.0, true, 0.5),
                h(FontRole::Kai, 13.0, false, 0.0),
                h(FontRole::Song, 12.0, true, 0.0),
                h(FontRole::Song, 12.0, false, 0.0),
                h(FontRole::Song, 12.0, false, 0.0),
                h(FontRole::Song, 12.0, false, 0.0),
            ],
            unnumbered_headings: vec![
                u(FontRole::Hei, 16.0, true, 1.0, 0.5),
                u(FontRole::Hei, 14.0, true, 0.5, 0.25),
                u(FontRole::Hei, 13.0, true, 0.5, 0.0),
                u(FontRole::Hei, 12.0, true, 0.25, 0.0),
                u(FontRole::Kai, 12.0, false, 0.25, 0.0),
                u(FontRole::Kai, 12.0, false, 0.0, 0.0),
            ],
            statute_divisions: vec![d(16.0, 0.5, 0.5), d(14.0, 0.5, 0.25), d(13.0, 0.25, 0.0)],
            statute_article: BlockStyle {
                font: FontRole::Hei,
                size: 12.0,
                bold: true,
                align: Alignment::Left,
                indent_em: 2.0,
                space_before: 0.0,
                space_after: 0.0,
            },
            quote_font: FontRole::Kai,
            code_size: 10.5,
            note_size: 10.5,
            page_number: "— {n} —".into(),
            page_number_size: 10.5,
            page_number_position: PageNumberPosition::Centre,
            page_number_gap: None,
            header: None,
            mirror_margins: false,
            running_heads: false,
            recto_chapters: false,
            article_page_break: true,
            page_keeps: true,
            fill_max_lines: 0.5,
            paragraph: ParagraphStyle {
                autospace_em: 0.25,
                autospace_min_em: 0.125,
                autospace_max_em: 0.5,
                space_min_em: 0.25,
                space_max_em: 0.5,
                interchar_stretch_em: 0.2,
                tolerance: 2.5,
                runt_penalty: 1.0e6,
                code_break_penalty: 5000.0,
                url_break_penalty: 50.0,
                hyphenate: true,
                hyphen_min_word: 6,
                hyphen_min_left: 2,
                hyphen_min_right: 3,
                hyphen_penalty: 2500.0,
            },
            grid: GridStyle {
                chars_per_line: 0,
                lines_per_page: 0,
            },
            emphasis: EmphasisStyle {
                dot_diameter_em: 0.15,
                dot_gap_em: 0.1,
                strike_height_em: 0.35,
                strike_thickness_em: 0.06,
                bold_stroke_em: 0.03,
                oblique_slant: 0.212_556_56,
                script_size_em: 0.7,
                superscript_rise_em: 0.35,
                subscript_drop_em: 0.15,
                underline_drop_em: 0.2,
                small_size_em: 0.85,
                mark_grey: 0.85,
            },
            notes: NoteStyle {
                marker_size_em: 0.6,
                marker_rise_em: 0.4,
                pitch_em: 1.4,
                gap: 6.0,
                separator_width_frac: 0.25,
                separator_thickness: 0.5,
            },
            lists: ListStyle {
                marker_width_em: 2.0,
                bullets: vec!["●".into(), "○".into(), "■".into()],
                task_open: "□".into(),
                task_done: "■".into(),
            },
            quote: QuoteStyle {
                indent_em: 2.0,
                space_lines: 0.25,
            },
            code: CodeStyle {
                pitch_em: 1.6,
                space_lines: 0.25,
                theme: "InspiredGitHub".into(),
                background: "F6F8FA".into(),
                pad_em: 0.5,
                continuation: true,
            },
            table: TableStyle {
                text_size: 10.5,
                pitch_em: 1.5,
                pad_x_em: 0.4,
                pad_y_em: 0.3,
                min_column_em: 2.0,
                thick_rule: 1.0,
                thin_rule: 0.5,
                space_lines: 0.5,
                caption_font: FontRole::Hei,
            },
            figure: FigureStyle {
                max_height_frac: 0.8,
                pad_lines: 0.25,
            },
            rules: RuleStyle {
                width_frac: 0.5,
                thickness: 0.5,
            },
            toc: TocStyle::default(),
            official: OfficialStyle {
                issuer_font: FontRole::SongBold,
                issuer_size: 36.0,
                issuer_top: 35.0 * MM,
                colour: "FF0000".into(),
                number_gap_lines: 2.0,
                number_font: FontRole::Fang,
                signer_font: FontRole::Kai,
                separator_gap: 4.0 * MM,
                separator_thickness: 1.0,
                title_gap_lines: 2.0,
                attachment_gap_lines: 1.0,
                signature_gap_lines: 2.0,
                date_indent_em: 4.0,
                record_font: FontRole::Fang,
                record_size: 14.0,
                record_indent_em: 1.0,
                record_thick_rule: 0.35 * MM,
                record_thin_rule: 0.25 * MM,
            },
            docx: DocxStyle {
                // 851 and 992 twips: Word's own defaults (1.5 cm and 1.75 cm).
                header_distance: 42.55,
                footer_distance: 49.6,
                note_pitch_em: 1.5,
                code_pitch_em: 1.5,
                figure_max_height_frac: 0.9,
                rule_thickness: 0.75,
                rule_space: 1.0,
                table_border: 0.5,
                table_cell_pad: 5.4,
                caption_space_after_lines: 0.5,
                link_colour: "0563C1".into(),
                embed_fonts: false,
            },
            epub: EpubStyle {
                line_height_em: 1.75,
                heading_line_height_em: 1.5,
                code_line_height_em: 1.5,
                block_margin_em: 0.5,
                table_pad_y_em: 0.2,
                table_pad_x_em: 0.5,
                border_px: 1.0,
                border_colour: "#888".into(),
                note_separator_width_frac: 0.3,
                note_ref_size_em: 0.75,
                title_measure_em: 16.0,
            },
        }
    }

    /// The embedded handout preset gives exactly the numbers the Rust constructor gave,
    /// so every handout output stays byte-identical.
    #[test]
    fn handout_preset_equals_the_old_constructor() {
        assert_eq!(Style::handout(), handout_before_toml());
    }
}
