//! T24: strong text takes the same face in PDF, EPUB and DOCX, the one
//! `FontRole::strong` picks — in a Kai block quote that is Hei, in Song body text the
//! bold Song. Each backend is read with its own harness (H-PDF, H-EPUB, H-DOCX).

use crate::support::unzip_text;
use paiban::backend::docx::Docx;
use paiban::backend::epub::Epub;
use paiban::backend::pdf::Pdf;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::log::Log;
use paiban::pipeline;
use paiban::read::ReadOptions;
use paiban::style::{FontRole, Style};
use std::path::Path;
use std::process::Command;

const INPUT: &str = "正文里有**要点**文字。\n\n> 引文里有**重点**文字。\n";

/// The input rendered by `backend` with the handout style.
fn render(backend: &dyn Backend, dir: &Path) -> Vec<u8> {
    let path = dir.join("in.md");
    std::fs::write(&path, INPUT).unwrap();
    let mut log = Log::default();
    let doc = pipeline::load(&path, &ReadOptions::default(), true, None, &mut log).unwrap();
    let style = Style::handout();
    let options = RenderOptions::default();
    let ctx = Context {
        style: &style,
        options: &options,
        base_dir: dir,
    };
    pipeline::render(&doc, backend, &ctx, &mut log).unwrap()
}

/// The text between `start` (exclusive) and the next `end` after it.
fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in {s}"))
        + start.len();
    let to = s[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end:?} after {start:?}"));
    &s[from..from + to]
}

/// H-PDF: the font mutool reports for each character, in content order.
fn pdf_fonts(pdf: &[u8], dir: &Path) -> Vec<(char, String)> {
    let path = dir.join("out.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("mutool")
        .args(["draw", "-q", "-F", "stext", "-o", "-"])
        .arg(&path)
        .output()
        .expect("mutool (mupdf-tools) must be installed; this test does not skip");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = String::from_utf8(out.stdout).unwrap();
    let mut font = String::new();
    let mut chars = Vec::new();
    for tag in xml.split('<').skip(1) {
        if let Some(rest) = tag.strip_prefix("font ") {
            font = between(rest, "name=\"", "\"").to_string();
        } else if let Some(rest) = tag.strip_prefix("char ") {
            let c = quick_xml::escape::unescape(between(rest, " c=\"", "\"")).unwrap();
            chars.push((c.chars().next().unwrap_or(' '), font.clone()));
        }
    }
    chars
}

/// The PDF font of the first glyph of `word`.
fn pdf_font_of(chars: &[(char, String)], word: &str) -> String {
    let w: Vec<char> = word.chars().collect();
    let i = chars
        .windows(w.len())
        .position(|win| win.iter().map(|(c, _)| *c).eq(w.iter().copied()))
        .unwrap_or_else(|| panic!("{word} not in the PDF text"));
    chars[i].1.clone()
}

/// The PostScript-style name of a font role's bundled face, as it appears (after the subset
/// tag) in PDF font names.
fn pdf_face(role: FontRole) -> &'static str {
    match role {
        FontRole::Song => "NotoSerifCJKsc-Regular",
        FontRole::SongBold => "NotoSerifCJKsc-Bold",
        FontRole::Hei => "NotoSansCJKsc-Bold",
        FontRole::Kai => "LXGWWenKai-Regular",
        FontRole::Fang | FontRole::Mono => unreachable!("not in this input"),
    }
}

/// H-EPUB: the `font-family` list a CSS rule with selector `sel` declares.
fn css_family(css: &str, sel: &str) -> String {
    let rule = between(css, &format!("\n{sel}{{"), "}");
    between(&format!("{rule};"), "font-family:", ";").to_string()
}

/// H-DOCX: the `w:eastAsia` face of the run holding `word`, or the paragraph style's when
/// the run names none.
fn docx_face_of(document: &str, styles: &str, word: &str) -> String {
    let at = document.find(&format!(">{word}</w:t>")).expect(word);
    let run = &document[document[..at].rfind("<w:r>").unwrap()..at];
    if run.contains("w:eastAsia=\"") && run.contains("<w:rFonts") {
        let rfonts = between(run, "<w:rFonts", "/>");
        return between(rfonts, "w:eastAsia=\"", "\"").to_string();
    }
    let para = &document[..at];
    let style = between(
        &para[para.rfind("<w:p>").unwrap()..],
        "<w:pStyle w:val=\"",
        "\"",
    );
    let def = between(styles, &format!("w:styleId=\"{style}\""), "</w:style>");
    between(between(def, "<w:rFonts", "/>"), "w:eastAsia=\"", "\"").to_string()
}

#[test]
fn t24_strong_faces_agree_in_pdf_epub_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    let style = Style::handout();
    let quote = style.quote_font;
    let body = style.body_font;
    assert_eq!((quote, quote.strong()), (FontRole::Kai, FontRole::Hei));
    assert_eq!((body, body.strong()), (FontRole::Song, FontRole::SongBold));

    // PDF: the glyphs of 重点 come from the Hei face, the quote around them from Kai.
    let pdf = pdf_fonts(&render(&Pdf, dir.path()), dir.path());
    assert!(
        pdf_font_of(&pdf, "重点").ends_with(pdf_face(FontRole::Hei)),
        "{pdf:?}"
    );
    assert!(pdf_font_of(&pdf, "引文").ends_with(pdf_face(FontRole::Kai)));
    assert!(pdf_font_of(&pdf, "要点").ends_with(pdf_face(FontRole::SongBold)));
    assert!(pdf_font_of(&pdf, "正文").ends_with(pdf_face(FontRole::Song)));

    // EPUB: the strong span in the quote resolves to the family Hei headings use; the
    // one in the body keeps the body family (bold picks the bold Song subset).
    let epub = unzip_text(&render(&Epub, dir.path()));
    let css = &epub["EPUB/css/style.css"];
    let chapter = epub
        .iter()
        .find(|(name, text)| name.ends_with(".xhtml") && text.contains("重点"))
        .map(|(_, text)| text)
        .expect("chapter with the quote");
    let class = between(chapter, "<strong class=\"", "\">重点");
    assert_eq!(class, FontRole::Hei.name());
    assert_eq!(style.heading(1).font, FontRole::Hei);
    assert_eq!(
        css_family(css, &format!(".{class}")),
        css_family(css, ".h1")
    );
    assert_ne!(css_family(css, ".h1"), css_family(css, "blockquote"));
    assert!(chapter.contains("<strong>要点</strong>"), "{chapter}");
    assert!(css.contains("strong,b{font-weight:bold}"));

    // DOCX: the strong run in the Quote paragraph names SimHei; the one in Normal keeps
    // the style's SimSun (Word's bold SimSun).
    let docx = unzip_text(&render(&Docx, dir.path()));
    let (document, styles) = (&docx["word/document.xml"], &docx["word/styles.xml"]);
    assert_eq!(docx_face_of(document, styles, "重点"), "SimHei");
    assert_eq!(docx_face_of(document, styles, "要点"), "SimSun");
    assert_eq!(docx_face_of(document, styles, "引文里有"), "KaiTi");
}
