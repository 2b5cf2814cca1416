//! The stylesheet: TYPOGRAPHY §10 core (T9, T13, T14, T16–T20), T23 title/heading styles,
//! T24 emphasis dots, T10 nowrap units, plus `@font-face` rules for embedded subsets.

use super::fonts::{is_bold, Embedded};
use crate::ast::HeadingScale;
use crate::backend::xhtml::{heading_class, strong_class};
use crate::style::{Alignment, BlockStyle, FontRole, Style};
use std::collections::BTreeSet;
use std::fmt::Write;

/// CSS's initial font size, `medium` (16 px), in points: the reader's own body size.
const CSS_MEDIUM_PT: f32 = 12.0;

/// Installed-font names and the generic family tried after the embedded faces of a role.
fn system_families(role: FontRole) -> &'static str {
    match role {
        FontRole::Song | FontRole::SongBold => {
            "\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"Songti SC\",serif"
        }
        // After the embedded Zhuque Fangsong subset (when fonts are embedded): 仿宋 where the
        // reader has it (Windows, macOS names), an installed Zhuque Fangsong, else Song.
        FontRole::Fang => {
            "\"FangSong\",\"STFangsong\",\"FangSong_GB2312\",\"Zhuque Fangsong\",\"Noto Serif CJK SC\",\"Songti SC\",serif"
        }
        FontRole::Hei => "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",sans-serif",
        FontRole::Kai => {
            "\"LXGW WenKai\",\"Kaiti SC\",\"STKaiti\",\"KaiTi\",\"Noto Serif CJK SC\",serif"
        }
        FontRole::Mono => "\"DejaVu Sans Mono\",\"Noto Sans Mono CJK SC\",monospace",
    }
}

/// `font-family` (and weight) declarations for a role.
fn font(role: FontRole, fonts: &Embedded) -> String {
    let mut fams: Vec<String> = fonts
        .families
        .get(&role)
        .map(|v| v.iter().map(|f| format!("\"{f}\"")).collect())
        .unwrap_or_default();
    fams.push(system_families(role).to_string());
    let weight = if is_bold(role) { "bold" } else { "normal" };
    format!("font-family:{};font-weight:{weight}", fams.join(","))
}

fn num(x: f32) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Caption rules (issue 10), added only to books that have figures so that other books keep
/// their stylesheet: `figcaption` and `p.caption` (a remote image's line) centred, at the
/// note size, as in the PDF.
pub fn captions(style: &Style) -> String {
    format!(
        "figcaption,p.caption{{text-align:center;text-indent:0;font-size:{}em}}\n",
        num(style.note_size / style.body_size)
    )
}

/// A title/heading rule from a T23 block style; sizes relative to the body size so
/// readers' font-size settings still work.
fn block_rule(sel: &str, b: &BlockStyle, style: &Style, fonts: &Embedded) -> String {
    let role = b.role();
    let em = b.size / style.body_size;
    // Space in body lines → em of this element (a body line is `epub.line_height_em`).
    let line = |lines: f32| num(lines * style.epub.line_height_em / em);
    let align = match b.align {
        Alignment::Left => "left",
        Alignment::Center => "center",
        Alignment::Justify => "justify",
    };
    format!(
        "{sel}{{{};font-size:{}em;text-align:{align};text-indent:{}em;margin:{}em 0 {}em 0;line-height:{}}}\n",
        font(role, fonts),
        num(em),
        num(b.indent_em),
        line(b.space_before),
        line(b.space_after),
        num(style.epub.heading_line_height_em),
    )
}

/// What the book's Latin text needs from the stylesheet.
#[derive(Debug, Clone, Default)]
pub struct LatinUse {
    /// Roles with Latin-context quotes: a `lq-ROLE` rule each (T25).
    pub quote_roles: BTreeSet<FontRole>,
    /// Some English word is marked `lang="en"`: the `hyphens: auto` rule (T8).
    pub english: bool,
}

/// Installed Latin families (and the generic one) for a role's Latin quotes (T25): the
/// span says `lang="en"`, so the generic family resolves to a Latin font.
fn latin_families(role: FontRole) -> &'static str {
    match role {
        FontRole::Hei => "\"Noto Sans\",\"DejaVu Sans\",Arial,sans-serif",
        FontRole::Mono => "\"DejaVu Sans Mono\",monospace",
        _ => "\"Noto Serif\",\"DejaVu Serif\",\"Times New Roman\",serif",
    }
}

/// `unicode-range` value of `chars` (ascending).
fn unicode_range(chars: &[char]) -> String {
    let range: Vec<String> = chars
        .iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    range.join(",")
}

/// The official-document fields (T30): red centred 标志 and a red rule under the 发文字号,
/// the 主送 flush left, the 附件 two em in (further names under the first), 署名 and date
/// towards the right, the 版记 between rules (thick outside, thin inside), one em in.
/// Sizes and colour are the style's; the grid and the page positions are left out.
pub fn official(style: &Style, fonts: &Embedded) -> String {
    let os = &style.official;
    let red = crate::highlight::parse_rgb(&os.colour)
        .map(crate::highlight::hex)
        .unwrap_or_else(|| "FF0000".into());
    let px = |pt: f32| num((pt * 96.0 / 72.0).max(1.0));
    let em = |pt: f32| num(pt / style.body_size);
    let label = 3.0;
    let mut css = String::new();
    let _ = writeln!(
        css,
        "header.official{{border-bottom:{}px solid #{red};margin-bottom:2em;padding-bottom:0.25em}}",
        px(os.separator_thickness)
    );
    let _ = writeln!(
        css,
        "p.issuer{{{};color:#{red};font-size:{}em;font-weight:bold;text-align:center;text-indent:0;margin:1em 0;line-height:1.2}}",
        font(os.issuer_font, fonts),
        em(os.issuer_size)
    );
    let _ = writeln!(
        css,
        "p.doc-number{{{};text-align:center;text-indent:0;margin:1em 0 0 0}}",
        font(os.number_font, fonts)
    );
    css.push_str(
        "p.signed{display:flex;justify-content:space-between;padding:0 1em}
",
    );
    let _ = writeln!(
        css,
        "span.signer span,span.signer{{}}
p.addressee{{text-indent:0;margin-top:1em}}
p.attachment{{text-indent:-{label}em;padding-left:{}em;margin-top:1em}}
p.attachment.more{{margin-top:0;text-indent:0}}",
        num(style.indent_em + label)
    );
    let _ = writeln!(
        css,
        "p.signature,p.doc-date{{text-indent:0;text-align:right;padding-right:{}em}}
p.signature{{margin-top:2em}}",
        num(os.date_indent_em)
    );
    let _ = writeln!(
        css,
        "footer.record{{margin-top:3em;border-top:{thick}px solid #000;border-bottom:{thick}px solid #000;{};font-size:{}em}}",
        font(os.record_font, fonts),
        em(os.record_size),
        thick = px(os.record_thick_rule)
    );
    let _ = writeln!(
        css,
        "footer.record p{{text-indent:0;margin:0;padding:0.25em {}em}}
footer.record p+p{{border-top:{}px solid #000}}
p.printed{{display:flex;justify-content:space-between}}",
        num(os.record_indent_em),
        px(os.record_thin_rule)
    );
    css
}

/// Which block kinds a book holds: their rules are written only when used, so a book
/// without them keeps its stylesheet as it was.
#[derive(Debug, Clone, Copy, Default)]
pub struct Used {
    /// Any list.
    pub lists: bool,
    /// Any block quote.
    pub quotes: bool,
    /// Any code block.
    pub code: bool,
    /// Any table caption.
    pub captions: bool,
}

impl Used {
    /// The block kinds of `doc`.
    pub fn of(doc: &crate::ast::Document) -> Used {
        use crate::ast::Block;
        let mut u = Used::default();
        crate::ast::visit_blocks(doc, &mut |b| match b {
            Block::List(_) => u.lists = true,
            Block::Quote(_) => u.quotes = true,
            Block::Code(_) => u.code = true,
            Block::Table(t) => u.captions |= t.caption.is_some(),
            _ => {}
        });
        u
    }
}

/// T19 hanging lists and quotes on both sides, code backgrounds and table captions: the
/// same treatment as the PDF and DOCX, numbers from the style.
fn block_rules(css: &mut String, style: &Style, fonts: &Embedded, used: Used) {
    if used.lists {
        let w = num(style.lists.marker_width_em);
        let _ = writeln!(
            css,
            "ul,ol{{padding-left:{w}em}}\nli>p{{text-indent:0}}\nli ul,li ol{{padding-left:{w}em}}\n\
span.mk{{display:inline-block;width:{w}em;margin-left:-{w}em;text-align:center;text-indent:0}}\n\
span.mk.num{{text-align:right;padding-right:{g}em;box-sizing:border-box}}",
            g = num(crate::style::LIST_NUMBER_GAP_EM)
        );
    }
    if used.quotes {
        let q = num(style.quote.indent_em);
        let v = num(style.quote.space_lines * style.epub.line_height_em);
        let _ = writeln!(css, "blockquote{{margin:{v}em {q}em}}");
    }
    if used.code {
        if style.code.continuation {
            // One inline block per source line: a wrapped line hangs `HOOK_CELLS` cells in
            // (the PDF's continuation indent; see `xhtml::blocks::code_line_open`).
            let h = crate::layout::HOOK_CELLS;
            let _ = writeln!(
                css,
                "pre .cl{{display:inline-block;width:100%;box-sizing:border-box;\
padding-left:{h}ch;text-indent:-{h}ch}}"
            );
        }
        if let Some(bg) = crate::highlight::parse_rgb(&style.code.background) {
            let _ = writeln!(
                css,
                "pre{{background:#{};padding:{}em}}",
                crate::highlight::hex(bg),
                num(style.code.pad_em)
            );
        }
    }
    if used.captions {
        let _ = writeln!(
            css,
            "caption{{{};font-size:{}em;text-align:center;text-indent:0;margin-bottom:0.25em}}",
            font(style.table.caption_font, fonts),
            num(style.table.text_size / style.body_size)
        );
    }
}

/// The whole stylesheet; `headings` are the [`crate::ast::Heading::style_key`]s the book
/// uses: the numbered T23 classes `h1`…`h6` are always written, the others only when used.
pub fn stylesheet(
    style: &Style,
    fonts: &Embedded,
    latin: &LatinUse,
    used: Used,
    headings: &BTreeSet<(HeadingScale, u8)>,
) -> String {
    let mut css = String::new();
    for f in &fonts.faces {
        let format = if f.href.ends_with(".otf") {
            "opentype"
        } else {
            "truetype"
        };
        let range = if f.unicode_range.is_empty() {
            String::new()
        } else {
            format!(";unicode-range:{}", unicode_range(&f.unicode_range))
        };
        let _ = writeln!(
            css,
            "@font-face{{font-family:\"{}\";font-style:normal;font-weight:{};src:url(\"../{}\") format(\"{format}\"){range}}}",
            f.css_family, f.weight, f.href
        );
    }
    // T25: declared after the family's main face, so it wins for the quotes it covers.
    for q in &fonts.quote_faces {
        let format = if q.href.ends_with(".otf") {
            "opentype"
        } else {
            "truetype"
        };
        let _ = writeln!(
            css,
            "@font-face{{font-family:\"{}\";font-style:normal;font-weight:{};src:url(\"../{}\") format(\"{format}\");unicode-range:{}}}",
            q.css_family,
            q.weight,
            q.href,
            unicode_range(&q.chars)
        );
    }
    // T9/T13/T14: strict kinsoku, trimmed adjacent punctuation, no hanging punctuation.
    css.push_str(
        "html{line-break:strict;-epub-line-break:strict;-webkit-line-break:strict;word-break:normal;\
overflow-wrap:break-word;hanging-punctuation:none;text-spacing-trim:normal}\n",
    );
    // T16/T18/T20. The body size scales the reader's own size: CSS's initial `medium`
    // (16 px = 12 pt, 小四) is the body size of the handout, which so writes none.
    let size = match style.body_size / CSS_MEDIUM_PT {
        1.0 => String::new(),
        em => format!(";font-size:{}em", num(em)),
    };
    let _ = writeln!(
        css,
        "body{{{}{size};text-align:justify;line-height:{};orphans:2;widows:2}}",
        font(style.body_font, fonts),
        num(style.epub.line_height_em)
    );
    // T17: 2 em on every body paragraph, no space between paragraphs.
    let _ = writeln!(css, "p{{text-indent:{}em;margin:0}}", num(style.indent_em));
    css.push_str(
        "h1,h2,h3,h4,h5,h6{text-indent:0;break-after:avoid;page-break-after:avoid;\
-webkit-column-break-after:avoid}\n",
    );
    css.push_str(&block_rule("h1.title", &style.title, style, fonts));
    css.push_str(&block_rule("p.subtitle", &style.subtitle, style, fonts));
    css.push_str(&block_rule("p.byline", &style.byline, style, fonts));
    css.push_str("p.subtitle+p.byline{margin-top:0}\np.byline+p.byline{margin-top:0}\n");
    for level in 1..=6u8 {
        let b = style.heading(level);
        css.push_str(&block_rule(&format!(".h{level}"), b, style, fonts));
    }
    for &key in headings {
        if !matches!(key.0, HeadingScale::Numbered(_)) {
            let sel = format!(".{}", heading_class(key));
            css.push_str(&block_rule(&sel, style.heading_keyed(key), style, fonts));
        }
    }
    // T22: a run-in heading keeps the body paragraph's indent; only its span is styled.
    css.push_str("p.runin{margin:0}\np.runin>span{font-size:1em;margin:0;line-height:inherit}\n");
    // T24: emphasis dots under Han, never italic Han; WEST inside stays italic, undotted.
    css.push_str(
        "em{font-style:normal;text-emphasis:filled dot;-webkit-text-emphasis:filled dot;\
-epub-text-emphasis-style:filled dot;text-emphasis-position:under right;\
-webkit-text-emphasis-position:under right;-epub-text-emphasis-position:under}\n\
em .w{font-style:italic;text-emphasis:none;-webkit-text-emphasis:none;-epub-text-emphasis-style:none}\n\
em code{text-emphasis:none;-webkit-text-emphasis:none;-epub-text-emphasis-style:none}\n\
i,cite,var,dfn,address{font-style:normal}\n",
    );
    // T24: the bold Song subset shares the regular one's family name, so bold picks it.
    css.push_str("strong,b{font-weight:bold}\n");
    // T24: strong inside a face without a bold (Kai, Fang) switches family; one rule per
    // family it switches to.
    let mut strong_roles: Vec<FontRole> = FontRole::ALL
        .into_iter()
        .filter(|&from| strong_class(from).is_some())
        .map(FontRole::strong)
        .collect();
    strong_roles.dedup();
    for role in strong_roles {
        let _ = writeln!(css, ".{}{{{}}}", role.name(), font(role, fonts));
    }
    // T25: Latin-context quotes from the role's Latin quote face (CJK faces come first in
    // every stack, and their quotes are full-width).
    for role in &latin.quote_roles {
        let first = fonts
            .latin_quote_families
            .get(role)
            .map(|f| format!("\"{f}\","))
            .unwrap_or_default();
        let _ = writeln!(
            css,
            ".lq-{}{{font-family:{first}{}}}",
            role.name(),
            latin_families(*role)
        );
    }
    // T8: English words (marked `lang="en"`) may be hyphenated; Chinese keeps the default
    // `hyphens: manual`, so it never gets a hyphen.
    if latin.english {
        let p = &style.paragraph;
        let _ = writeln!(
            css,
            "span[lang=\"en\"]{{hyphens:auto;-webkit-hyphens:auto;-epub-hyphens:auto;\
hyphenate-limit-chars:{} {} {}}}",
            p.hyphen_min_word, p.hyphen_min_left, p.hyphen_min_right
        );
    }
    // T10: DASH2 and ELL2 never break inside.
    css.push_str(".nw{white-space:nowrap;font-feature-settings:\"fwid\"}\n");
    // T19: list markers are text after the paragraph indent; run-over lines flush left;
    // nested lists and quotes move in by the paragraph indent.
    let indent = num(style.indent_em);
    let _ = writeln!(
        css,
        "ul,ol{{margin:0;padding:0;list-style:none}}\nli{{list-style:none;margin:0}}\n\
li ul,li ol{{padding-left:{indent}em}}",
    );
    let _ = writeln!(
        css,
        "blockquote{{{};font-style:normal;margin:0 0 0 {indent}em}}",
        font(style.quote_font, fonts)
    );
    let e = &style.epub;
    let margin = num(e.block_margin_em);
    let border = format!("{}px solid {}", num(e.border_px), e.border_colour);
    let _ = writeln!(
        css,
        "code,pre{{{};font-size:{}em}}\npre{{white-space:pre-wrap;text-align:left;line-height:{};margin:{margin}em 0}}\npre code{{font-size:1em}}",
        font(FontRole::Mono, fonts),
        num(style.code_size / style.body_size),
        num(e.code_line_height_em),
    );
    let _ = writeln!(
        css,
        "table{{border-collapse:collapse;margin:{margin}em auto;text-indent:0}}\n\
th,td{{border:{border};padding:{}em {}em;text-align:left;vertical-align:top}}\n\
.ac{{text-align:center}}\n.ar{{text-align:right}}\n.al{{text-align:left}}",
        num(e.table_pad_y_em),
        num(e.table_pad_x_em),
    );
    // A thematic break: half a line above and below, centred at `rules.width_frac`.
    let _ = writeln!(
        css,
        "figure{{margin:{margin}em 0;text-align:center;text-indent:0}}\nimg{{max-width:100%}}\n\
figcaption{{text-align:center;text-indent:0}}\np.alt{{text-indent:0;text-align:center}}\n\
hr{{border:none;border-top:{border};margin:{}em {}%}}\n\
div.pagebreak{{break-before:page;page-break-before:always}}",
        num(e.line_height_em / 2.0),
        num((1.0 - style.rules.width_frac) / 2.0 * 100.0),
    );
    // The footnote separator: a line above, `notes.gap` below.
    let _ = writeln!(
        css,
        "sup{{line-height:0}}\na.noteref{{text-decoration:none;font-size:{}em}}\n\
hr.fnsep{{margin:{}em {}% {}em 0}}\naside.fn{{font-size:{}em}}\naside.fn p{{text-indent:0}}",
        num(e.note_ref_size_em),
        num(e.line_height_em),
        num((1.0 - e.note_separator_width_frac) * 100.0),
        num(style.notes.gap / style.body_size),
        num(style.note_size / style.body_size)
    );
    block_rules(&mut css, style, fonts, used);
    css
}
