//! The `Style` every backend receives: page, fonts, sizes and heading styles.
//!
//! Defaults are the `handout` preset of TYPOGRAPHY.md T23 (A4, 小四 Song body, 1.6 em pitch).
//! Presets and TOML style files come later; until then this stays one plain struct.

use serde::Serialize;

/// Millimetres to PostScript points.
pub const MM: f32 = 72.0 / 25.4;

/// A font role (T27). Each role resolves to a concrete face through a fallback chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FontRole {
    /// 宋体: body text (Noto Serif CJK SC Regular).
    Song,
    /// 宋体加粗: titles (Noto Serif CJK SC Bold, 小标宋 substitute).
    SongBold,
    /// 黑体: headings and strong (Noto Sans CJK SC Bold).
    Hei,
    /// 楷体: subtitle, byline, level-2 headings, quotes (LXGW WenKai).
    Kai,
    /// 仿宋: gongwen body (falls back to Song until a FangSong face is bundled).
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alignment {
    /// Flush left (with the block's indent).
    Left,
    /// Centred.
    Center,
    /// Justified (T16).
    Justify,
}

/// How one kind of heading or title line is set (T23).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockStyle {
    /// Font role.
    pub font: FontRole,
    /// Size in points.
    pub size: f32,
    /// Bold (real bold face, or synthetic where the face has none, T24).
    pub bold: bool,
    /// Alignment.
    pub align: Alignment,
    /// First-line indent in em of `size`.
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Style {
    /// Preset name (`handout`).
    pub name: String,
    /// Page width in points.
    pub page_width: f32,
    /// Page height in points.
    pub page_height: f32,
    /// Top margin in points.
    pub margin_top: f32,
    /// Bottom margin in points.
    pub margin_bottom: f32,
    /// Left (binding) margin in points.
    pub margin_left: f32,
    /// Right margin in points.
    pub margin_right: f32,
    /// Body text size in points (小四 = 12).
    pub body_size: f32,
    /// Body font role.
    pub body_font: FontRole,
    /// Baseline-to-baseline distance in em of the body size (T18).
    pub line_pitch_em: f32,
    /// First-line indent of body paragraphs in em (T17).
    pub indent_em: f32,
    /// Title (T23: 二号 22 pt, Song bold, centred, 1 line after).
    pub title: BlockStyle,
    /// Subtitle (Kai 三号, centred, prefixed `——`).
    pub subtitle: BlockStyle,
    /// Byline (Kai 三号, centred).
    pub byline: BlockStyle,
    /// Heading levels 1..=6 (index 0 = level 1).
    pub headings: Vec<BlockStyle>,
    /// Block quote font role (T19: Kai).
    pub quote_font: FontRole,
    /// Code font size in points.
    pub code_size: f32,
    /// Footnote text size in points (五号 10.5).
    pub note_size: f32,
    /// Page-number format; `{n}` is replaced by the page number (`— {n} —`).
    pub page_number: String,
    /// Page-number size in points.
    pub page_number_size: f32,
    /// Running header text; `None` for no header.
    pub header: Option<String>,
    /// Start each article on a new page.
    pub article_page_break: bool,
}

impl Style {
    /// The `handout` preset (T23).
    pub fn handout() -> Style {
        let h = |font, size, bold, space_before| BlockStyle {
            font,
            size,
            bold,
            align: Alignment::Left,
            indent_em: 2.0,
            space_before,
            space_after: 0.0,
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
            quote_font: FontRole::Kai,
            code_size: 10.5,
            note_size: 10.5,
            page_number: "— {n} —".into(),
            page_number_size: 10.5,
            header: None,
            article_page_break: true,
        }
    }

    /// Style of heading `level` (1-based; levels past the table use the last entry).
    pub fn heading(&self, level: u8) -> &BlockStyle {
        let i = (level.max(1) as usize - 1).min(self.headings.len() - 1);
        &self.headings[i]
    }

    /// Width of the text area in points.
    pub fn text_width(&self) -> f32 {
        self.page_width - self.margin_left - self.margin_right
    }

    /// Height of the text area in points.
    pub fn text_height(&self) -> f32 {
        self.page_height - self.margin_top - self.margin_bottom
    }

    /// Body line pitch in points.
    pub fn line_pitch(&self) -> f32 {
        self.body_size * self.line_pitch_em
    }
}

impl Default for Style {
    fn default() -> Self {
        Style::handout()
    }
}
