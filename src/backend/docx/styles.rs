//! `word/styles.xml`: document defaults and the paragraph/character styles of the handout
//! (T17 indent, T18 pitch, T19 quotes, T23 faces and sizes, T24 bold, T25 language).
//! Children follow CT_Style / CT_PPrBase / CT_RPr order of ECMA-376.

use super::fonts::rfonts;
use super::xml::{char_hundredths, eighth_points, half_points, twips, Xml, MC_NS, W_NS};
use crate::ast::HeadingScale;
use crate::style::{Alignment, BlockStyle, FontRole, Style};
use std::collections::BTreeSet;

/// Paragraph properties of one style, in schema order.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// `w:keepNext` + `w:keepLines` (T20 headings).
    pub keep: bool,
    /// Space before and after, twips.
    pub before: i64,
    /// Space after, twips.
    pub after: i64,
    /// Exact line pitch in twips (T18); 0 = leave the inherited value.
    pub line: i64,
    /// Left indent in characters (hundredths) and twips.
    pub left: Option<(i64, i64)>,
    /// First-line indent in hundredths of a character and twips (T17).
    pub first: Option<(i64, i64)>,
    /// `w:jc`.
    pub jc: Option<&'static str>,
    /// `w:outlineLvl` (0-based).
    pub outline: Option<u8>,
}

/// Run properties of one style, in schema order.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// Font role.
    pub font: Option<FontRole>,
    /// Bold (T24: the real bold face).
    pub bold: bool,
    /// Size in points.
    pub size: Option<f32>,
    /// `w:b w:val="0"`: not bold, though the style it is based on is.
    pub unbold: bool,
}

/// `w:jc` value of an alignment (T16: body text is justified).
pub fn jc(a: Alignment) -> &'static str {
    match a {
        Alignment::Left => "left",
        Alignment::Center => "center",
        Alignment::Justify => "both",
    }
}

/// Writes a `w:pPr` body (without the wrapper) for `p`.
pub fn write_ppr(x: &mut Xml, p: &Para) {
    if p.keep {
        x.empty("w:keepNext", &[]).empty("w:keepLines", &[]);
    }
    if p.before != 0 || p.after != 0 || p.line != 0 {
        let (b, a, l) = (
            p.before.to_string(),
            p.after.to_string(),
            p.line.to_string(),
        );
        let mut attrs = vec![("w:before", b.as_str()), ("w:after", a.as_str())];
        if p.line != 0 {
            attrs.push(("w:line", l.as_str()));
            attrs.push(("w:lineRule", "exact"));
        }
        x.empty("w:spacing", &attrs);
    }
    if p.left.is_some() || p.first.is_some() {
        let (lc, l) = p.left.unwrap_or((0, 0));
        let (fc, f) = p.first.unwrap_or((0, 0));
        x.ind([lc, l, fc, f]);
    }
    if let Some(j) = p.jc {
        x.val("w:jc", j);
    }
    if let Some(o) = p.outline {
        x.val("w:outlineLvl", &o.to_string());
    }
}

/// Writes a `w:rPr` body (without the wrapper) for `r`.
pub fn write_rpr(x: &mut Xml, r: &Run) {
    if let Some(f) = r.font {
        rfonts(x, f);
    }
    if r.bold {
        x.empty("w:b", &[]).empty("w:bCs", &[]);
    } else if r.unbold {
        x.val("w:b", "0").val("w:bCs", "0");
    }
    if let Some(s) = r.size {
        let hp = half_points(s).to_string();
        x.val("w:sz", &hp).val("w:szCs", &hp);
    }
}

/// T14: no hanging punctuation, in a form both Word and LibreOffice read that way.
///
/// ECMA-376 §17.3.1.21 says `w:overflowPunct w:val="0"` keeps punctuation inside the line,
/// and Word reads it so; LibreOffice's writerfilter maps the element the other way round
/// (`PROP_PARA_IS_HANGING_PUNCTUATION = (nIntValue == 0)`, 7.4 and newer), so `val="0"`
/// hangs sentence-final marks past the margin there. The Markup Compatibility wrapper gives
/// each its reading: a `Choice` that `Requires="w"` (the WordprocessingML namespace, which
/// every consumer of this part understands) holds the standard `val="0"` for Word; the
/// `Fallback` holds `<w:overflowPunct/>` for LibreOffice, whose `Choice` handling accepts
/// only the `wps`/`wpg`/`w14`/`wpc` namespaces and so takes the fallback and reads "on" as
/// "do not hang". Either way one `w:overflowPunct` stays in `w:pPr` after MCE processing.
fn no_overflow_punct(x: &mut Xml) {
    x.open("mc:AlternateContent", &[])
        .open("mc:Choice", &[("Requires", "w")])
        .val("w:overflowPunct", "0")
        .close("mc:Choice")
        .open("mc:Fallback", &[])
        .empty("w:overflowPunct", &[])
        .close("mc:Fallback")
        .close("mc:AlternateContent");
}

/// Paragraph and run properties of a T23 block style.
pub fn block(style: &Style, b: &BlockStyle) -> (Para, Run) {
    let pitch = twips(style.line_pitch());
    let p = Para {
        keep: true,
        before: (b.space_before * pitch as f32).round() as i64,
        after: (b.space_after * pitch as f32).round() as i64,
        line: twips(b.size * style.line_pitch_em),
        left: None,
        first: Some((char_hundredths(b.indent_em), twips(b.indent_em * b.size))),
        jc: Some(jc(b.align)),
        outline: None,
    };
    let r = Run {
        font: Some(b.font),
        bold: b.bold,
        size: Some(b.size),
        unbold: false,
    };
    (p, r)
}

struct Def<'a> {
    kind: &'a str,
    id: &'a str,
    name: &'a str,
    based_on: Option<&'a str>,
    link: Option<&'a str>,
    p: Option<Para>,
    r: Run,
    extra_rpr: &'a str,
}

fn def<'a>(kind: &'a str, id: &'a str, name: &'a str, p: Option<Para>, r: Run) -> Def<'a> {
    Def {
        kind,
        id,
        name,
        based_on: if kind == "paragraph" {
            Some("Normal")
        } else {
            None
        },
        link: None,
        p,
        r,
        extra_rpr: "",
    }
}

fn write_def(x: &mut Xml, d: &Def<'_>) {
    let mut attrs = vec![("w:type", d.kind), ("w:styleId", d.id)];
    if d.id == "Normal" || d.id == "DefaultParagraphFont" {
        attrs.push(("w:default", "1"));
    }
    x.open("w:style", &attrs);
    x.val("w:name", d.name);
    if let Some(b) = d.based_on {
        x.val("w:basedOn", b);
    }
    if d.kind == "paragraph" && d.id != "Normal" {
        x.val("w:next", "Normal");
    }
    if let Some(l) = d.link {
        x.val("w:link", l);
    }
    if d.id != "DefaultParagraphFont" {
        x.empty("w:qFormat", &[]);
    }
    if let Some(p) = &d.p {
        let mut f = Xml::fragment();
        write_ppr(&mut f, p);
        if !f.as_str().is_empty() {
            x.open("w:pPr", &[]).append(&f).close("w:pPr");
        }
    }
    let mut r = Xml::fragment();
    write_rpr(&mut r, &d.r);
    r.append(&raw(d.extra_rpr));
    if !r.as_str().is_empty() {
        x.open("w:rPr", &[]).append(&r).close("w:rPr");
    }
    x.close("w:style");
}

fn raw(s: &str) -> Xml {
    let mut x = Xml::fragment();
    if !s.is_empty() {
        // Only fixed, well-formed snippets from this file are passed here.
        x.append_raw(s);
    }
    x
}

/// Style id of heading `level` (1-based).
pub fn heading_id(level: u8) -> String {
    format!("Heading{}", level.clamp(1, 6))
}

/// Paragraph style id of a heading [`crate::ast::Heading::style_key`] (T23): `Heading1`…
/// for the numbered styles, `Heading1Unnumbered`… for the depth-based scale (based on
/// `Heading1`…, so tools reading style names still see a heading of that level),
/// `StatuteDivision1`… and `StatuteArticle` for statutes. Its character style (run-in
/// headings, T22) is the id with `Char` appended.
pub fn heading_key_id((scale, level): (HeadingScale, u8)) -> String {
    match scale {
        HeadingScale::Numbered(rank) => heading_id(rank),
        HeadingScale::Unnumbered => format!("Heading{}Unnumbered", level.clamp(1, 6)),
        HeadingScale::Division(rank) => format!("StatuteDivision{}", rank.clamp(1, 6)),
        HeadingScale::Article => "StatuteArticle".to_string(),
    }
}

/// The key whose [`heading_key_id`] is `id`, for the styles added on demand.
fn key_of_id(id: &str) -> Option<(HeadingScale, u8)> {
    let number = |s: &str| s.parse::<u8>().ok().filter(|n| (1..=6).contains(n));
    if let Some(level) = id
        .strip_prefix("Heading")
        .and_then(|r| r.strip_suffix("Unnumbered"))
        .and_then(number)
    {
        return Some((HeadingScale::Unnumbered, level));
    }
    if let Some(rank) = id.strip_prefix("StatuteDivision").and_then(number) {
        return Some((HeadingScale::Division(rank), 0));
    }
    (id == "StatuteArticle").then_some((HeadingScale::Article, 0))
}

/// Character style id of heading `level`, used for run-in headings (T22).
pub fn heading_char_id(level: u8) -> String {
    format!("Heading{}Char", level.clamp(1, 6))
}

/// The role of the text of paragraph style `id` as [`styles`] defines it: what `**strong**`
/// inside such a paragraph starts from (T24). Styles without a face of their own use the
/// body font.
pub fn paragraph_role(style: &Style, id: &str) -> FontRole {
    match id {
        "Title" => style.title.role(),
        "Subtitle" => style.subtitle.role(),
        "Byline" => style.byline.role(),
        "Quote" => style.quote_font,
        "Code" => FontRole::Mono,
        // T31: page numbers are Song.
        "Footer" => FontRole::Song,
        "TOCHeading" => style.heading(1).role(),
        _ if key_of_id(id).is_some() => style.heading_keyed(key_of_id(id).expect("some")).role(),
        _ => match id
            .strip_prefix("Heading")
            .and_then(|l| l.parse::<u8>().ok())
        {
            Some(level) => style.heading(level).role(),
            None => style.body_font,
        },
    }
}

/// Ids and names of a heading style written on demand (see [`heading_key_id`]).
struct ExtraHeading {
    key: (HeadingScale, u8),
    id: String,
    name: String,
    char_id: String,
    char_name: String,
    /// `Heading N` for the depth-based scale (its outline level), else `Normal`.
    based_on: String,
}

impl ExtraHeading {
    fn new(key: (HeadingScale, u8)) -> ExtraHeading {
        let id = heading_key_id(key);
        let name = match key {
            (HeadingScale::Unnumbered, level) => format!("heading {level} unnumbered"),
            (HeadingScale::Division(rank), _) => format!("statute division {rank}"),
            _ => "statute article".to_string(),
        };
        let based_on = match key {
            (HeadingScale::Unnumbered, level) => heading_id(level),
            _ => "Normal".to_string(),
        };
        ExtraHeading {
            key,
            char_id: format!("{id}Char"),
            char_name: format!("{name} char"),
            id,
            name,
            based_on,
        }
    }
}

/// The styles part; `headings` are the [`crate::ast::Heading::style_key`]s the document
/// uses: `Heading1`…`Heading6` are always written, the other heading styles when used.
pub fn styles(style: &Style, lang: &str, headings: &BTreeSet<(HeadingScale, u8)>) -> String {
    let body_pitch = twips(style.line_pitch());
    // T17: the indent in characters as well as twips, so Word keeps it at `indent_em`
    // when the font size changes.
    let indent_chars = char_hundredths(style.indent_em);
    let indent = |size: f32| Some((indent_chars, twips(style.indent_em * size)));
    let no_indent = Some((0, 0));
    let body_run = Run {
        font: Some(style.body_font),
        bold: false,
        size: Some(style.body_size),
        unbold: false,
    };
    let mut x = Xml::part();
    x.open_ns("w:styles", &[W_NS, MC_NS]);

    // docDefaults (§10): fonts, language, kinsoku and autospace switches.
    x.open("w:docDefaults", &[]).open("w:rPrDefault", &[]);
    x.open("w:rPr", &[]);
    write_rpr(&mut x, &body_run);
    x.empty("w:lang", &[("w:val", "en-US"), ("w:eastAsia", lang)]);
    x.close("w:rPr").close("w:rPrDefault");
    x.open("w:pPrDefault", &[]).open("w:pPr", &[]);
    x.empty("w:widowControl", &[]) // T20
        .empty("w:kinsoku", &[]) // T9
        .empty("w:wordWrap", &[]);
    no_overflow_punct(&mut x);
    x.val("w:topLinePunct", "0")
        .empty("w:autoSpaceDE", &[]) // T15
        .empty("w:autoSpaceDN", &[])
        .val("w:snapToGrid", "0");
    let pitch = body_pitch.to_string();
    x.empty(
        "w:spacing",
        &[("w:line", pitch.as_str()), ("w:lineRule", "exact")],
    );
    let first = twips(style.indent_em * style.body_size).to_string();
    let first_chars = indent_chars.to_string();
    x.empty(
        "w:ind",
        &[
            ("w:firstLineChars", first_chars.as_str()),
            ("w:firstLine", first.as_str()),
        ],
    );
    x.val("w:jc", "both");
    x.close("w:pPr")
        .close("w:pPrDefault")
        .close("w:docDefaults");

    let mut defs: Vec<Def<'_>> = Vec::new();
    let normal = Para {
        line: body_pitch,
        first: indent(style.body_size),
        jc: Some("both"),
        ..Para::default()
    };
    let mut n = def(
        "paragraph",
        "Normal",
        "Normal",
        Some(normal),
        body_run.clone(),
    );
    n.based_on = None;
    defs.push(n);
    let mut dpf = def(
        "character",
        "DefaultParagraphFont",
        "Default Paragraph Font",
        None,
        Run::default(),
    );
    dpf.based_on = None;
    defs.push(dpf);

    let (tp, tr) = block(style, &style.title);
    defs.push(def("paragraph", "Title", "Title", Some(tp), tr));
    let (sp, sr) = block(style, &style.subtitle);
    defs.push(def("paragraph", "Subtitle", "Subtitle", Some(sp), sr));
    let (mut bp, br) = block(style, &style.byline);
    // Bylines end an article: keepNext would drag them to the next article's page.
    bp.keep = false;
    defs.push(def("paragraph", "Byline", "Byline", Some(bp), br));

    let ids: Vec<(String, String, String)> = (1..=6u8)
        .map(|l| (heading_id(l), heading_char_id(l), format!("heading {l}")))
        .collect();
    let char_names: Vec<String> = (1..=6).map(|l| format!("Heading {l} Char")).collect();
    for (i, (id, cid, name)) in ids.iter().enumerate() {
        let (mut hp, hr) = block(style, style.heading(i as u8 + 1));
        hp.outline = Some(i as u8);
        let mut d = def("paragraph", id, name, Some(hp), hr.clone());
        d.link = Some(cid);
        defs.push(d);
        let mut c = def("character", cid, &char_names[i], None, hr);
        c.link = Some(id);
        defs.push(c);
    }

    // Heading styles of the other scales, on demand; their names live here so the
    // definitions can borrow them.
    let extra: Vec<ExtraHeading> = headings
        .iter()
        .filter(|(scale, _)| !matches!(scale, HeadingScale::Numbered(_)))
        .map(|&key| ExtraHeading::new(key))
        .collect();
    for e in &extra {
        let (hp, mut hr) = block(style, style.heading_keyed(e.key));
        // Based on a bold heading style: say "not bold" rather than inherit it.
        hr.unbold = !hr.bold;
        let mut d = def("paragraph", &e.id, &e.name, Some(hp), hr.clone());
        d.based_on = Some(&e.based_on);
        d.link = Some(&e.char_id);
        defs.push(d);
        let mut c = def("character", &e.char_id, &e.char_name, None, hr);
        c.link = Some(&e.id);
        defs.push(c);
    }

    let quote = Para {
        // T19: quotes are indented by the body paragraph indent.
        left: Some((indent_chars, twips(style.indent_em * style.body_size))),
        first: indent(style.body_size),
        ..Para::default()
    };
    let kai = |size: f32| Run {
        font: Some(style.quote_font),
        bold: false,
        size: Some(size),
        unbold: false,
    };
    defs.push(def(
        "paragraph",
        "Quote",
        "Quote",
        Some(quote),
        kai(style.body_size),
    ));

    let mono = Run {
        font: Some(FontRole::Mono),
        bold: false,
        size: Some(style.code_size),
        unbold: false,
    };
    let code = Para {
        line: twips(style.code_size * style.docx.code_pitch_em),
        first: no_indent,
        jc: Some("left"),
        ..Para::default()
    };
    defs.push(def("paragraph", "Code", "Code", Some(code), mono.clone()));
    let mut vc = def("character", "VerbatimChar", "Verbatim Char", None, mono);
    vc.r.size = None;
    defs.push(vc);

    // T19: list items are body paragraphs; numbering.xml supplies the indents.
    defs.push(def(
        "paragraph",
        "ListParagraph",
        "List Paragraph",
        Some(Para::default()),
        Run::default(),
    ));
    let cell = Para {
        first: no_indent,
        jc: Some("left"),
        ..Para::default()
    };
    defs.push(def(
        "paragraph",
        "TableText",
        "Table Text",
        Some(cell),
        Run::default(),
    ));
    let small = Run {
        font: None,
        bold: false,
        size: Some(style.note_size),
        unbold: false,
    };
    let caption = Para {
        after: twips(style.line_pitch() * style.docx.caption_space_after_lines),
        line: twips(style.note_size * style.line_pitch_em),
        first: no_indent,
        jc: Some("center"),
        ..Para::default()
    };
    defs.push(def(
        "paragraph",
        "Caption",
        "caption",
        Some(caption),
        small.clone(),
    ));
    let figure = Para {
        first: no_indent,
        jc: Some("center"),
        ..Para::default()
    };
    defs.push(def(
        "paragraph",
        "Figure",
        "Figure",
        Some(figure),
        Run::default(),
    ));
    let note = Para {
        line: twips(style.note_size * style.docx.note_pitch_em),
        first: no_indent,
        ..Para::default()
    };
    defs.push(def(
        "paragraph",
        "FootnoteText",
        "footnote text",
        Some(note),
        small.clone(),
    ));
    let mut fr = def(
        "character",
        "FootnoteReference",
        "footnote reference",
        None,
        Run::default(),
    );
    fr.extra_rpr = "<w:vertAlign w:val=\"superscript\"/>";
    defs.push(fr);
    let mut hl = def("character", "Hyperlink", "Hyperlink", None, Run::default());
    let mut link_rpr = Xml::fragment();
    link_rpr
        .val("w:color", &style.docx.link_colour)
        .val("w:u", "single");
    let link_rpr = link_rpr.finish();
    hl.extra_rpr = &link_rpr;
    defs.push(hl);

    let (mut th, tr) = block(style, style.heading(1));
    th.first = no_indent;
    th.jc = Some("center");
    defs.push(def("paragraph", "TOCHeading", "TOC Heading", Some(th), tr));
    // Word's own TOC 1–3, and more when `toc.depth` lists deeper headings.
    let toc_names: Vec<(String, String)> = (1..=style.toc.depth.max(3))
        .map(|l| (format!("TOC{l}"), format!("toc {l}")))
        .collect();
    for (i, (id, name)) in toc_names.iter().enumerate() {
        let p = Para {
            left: Some((
                indent_chars * i as i64,
                twips(style.indent_em * i as f32 * style.body_size),
            )),
            first: no_indent,
            jc: Some("left"),
            ..Para::default()
        };
        defs.push(def("paragraph", id, name, Some(p), Run::default()));
    }
    let footer = Para {
        line: 0,
        first: no_indent,
        jc: Some("center"),
        ..Para::default()
    };
    defs.push(def(
        "paragraph",
        "Header",
        "header",
        Some(footer.clone()),
        small.clone(),
    ));
    defs.push(def(
        "paragraph",
        "Footer",
        "footer",
        Some(footer),
        Run {
            // T31: page numbers are Song (GB/T 9704 7.5), also when the body is FangSong.
            font: Some(FontRole::Song),
            size: Some(style.page_number_size),
            ..small
        },
    ));

    for d in &defs {
        write_def(&mut x, d);
    }
    table_style(&mut x, style);
    x.close("w:styles");
    x.finish()
}

/// `Table Grid`: single borders around every cell (CT_TblPr order: tblBorders, tblCellMar).
fn table_style(x: &mut Xml, style: &Style) {
    let border = eighth_points(style.docx.table_border).to_string();
    let pad = twips(style.docx.table_cell_pad).to_string();
    x.open(
        "w:style",
        &[("w:type", "table"), ("w:styleId", "TableGrid")],
    );
    x.val("w:name", "Table Grid");
    x.empty("w:qFormat", &[]);
    x.open("w:tblPr", &[]).open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", border.as_str()),
                ("w:space", "0"),
                ("w:color", "auto"),
            ],
        );
    }
    x.close("w:tblBorders");
    x.open("w:tblCellMar", &[]);
    x.empty("w:left", &[("w:w", pad.as_str()), ("w:type", "dxa")]);
    x.empty("w:right", &[("w:w", pad.as_str()), ("w:type", "dxa")]);
    x.close("w:tblCellMar").close("w:tblPr").close("w:style");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::docx::fonts::face;

    /// The East-Asian face styles.xml gives paragraph style `id`: its own `w:rFonts`, else Normal's.
    fn east_asia_face(xml: &str, id: &str) -> String {
        let def = xml
            .split(&format!("w:styleId=\"{id}\""))
            .nth(1)
            .unwrap_or_else(|| panic!("no style {id}"));
        let def = &def[..def.find("</w:style>").unwrap()];
        match def.split("<w:rFonts").nth(1) {
            Some(rfonts) => {
                let v = rfonts.split("w:eastAsia=\"").nth(1).unwrap();
                v[..v.find('"').unwrap()].to_string()
            }
            None => east_asia_face(xml, "Normal"),
        }
    }

    #[test]
    fn t24_paragraph_role_matches_the_style_definitions() {
        let mut kai_body = Style::handout();
        kai_body.body_font = FontRole::Kai;
        kai_body.quote_font = FontRole::Fang;
        let mut ids: Vec<String> = [
            "Normal",
            "Title",
            "Subtitle",
            "Byline",
            "Quote",
            "Code",
            "ListParagraph",
            "TableText",
            "Caption",
            "Figure",
            "FootnoteText",
            "TOCHeading",
            "TOC1",
            "Header",
            "Footer",
        ]
        .map(String::from)
        .to_vec();
        ids.extend((1..=6).map(heading_id));
        for style in [Style::handout(), kai_body] {
            let xml = styles(&style, "zh-CN", &BTreeSet::new());
            for id in &ids {
                assert_eq!(
                    east_asia_face(&xml, id),
                    face(paragraph_role(&style, id)).east_asia,
                    "{id}"
                );
            }
        }
    }
}
