//! T19 lists (hanging form) and block quotes, the same in PDF, EPUB and DOCX: bullets at
//! body size centred in a 2 em box, the text and its run-over lines 2 em in, nested levels
//! one box further, ordered lists from their start value, task boxes; quotes in Kai,
//! indented 2 em on both sides.

use super::blocks_common::convert;
use crate::support::pdf::{stext_lines, temp_pdf, VLine};
use crate::support::{unzip_text, zip_part};
use paiban::style::Style;

fn pdf_lines() -> Vec<VLine> {
    let (_dir, path) = temp_pdf(&convert("pdf"), "blocks.pdf");
    stext_lines(&path).into_iter().flatten().collect()
}

fn line_with<'a>(lines: &'a [VLine], text: &str) -> &'a VLine {
    lines
        .iter()
        .find(|l| l.text().contains(text))
        .unwrap_or_else(|| panic!("no line with {text}"))
}

/// x of the first glyph of `c` in the line.
fn x_of(l: &VLine, c: char) -> f32 {
    l.glyphs.iter().find(|g| g.c == c).unwrap().x
}

#[test]
fn t19_pdf_bullets_hang_at_body_size() {
    let lines = pdf_lines();
    let st = Style::handout();
    let (m, em) = (st.margin_left, st.body_size);
    let first = line_with(&lines, "第一项无序列表");
    let bullet = first.glyphs.iter().find(|g| g.c == '●').expect("bullet ●");
    assert!(
        (bullet.size - em).abs() < 0.01,
        "bullet at body size: {bullet:?}"
    );
    let centre = (bullet.x + bullet.x1) / 2.0;
    assert!(
        (centre - (m + em)).abs() < 1.0,
        "bullet centred in the 2 em box: {centre}"
    );
    assert!(
        (x_of(first, '第') - (m + 2.0 * em)).abs() < 0.5,
        "text 2 em in"
    );
    // The run-over line hangs at the text, not at the margin.
    let i = lines
        .iter()
        .position(|l| l.text().contains("第一项"))
        .unwrap();
    let runover = &lines[i + 1];
    assert!(
        (runover.ink()[0].x - (m + 2.0 * em)).abs() < 0.5,
        "run-over line hangs 2 em in: {}",
        runover.text()
    );
    // A nested level moves in by one box, with the level's bullet.
    let nested = line_with(&lines, "嵌套第一项");
    assert!(nested.text().contains('○'), "{}", nested.text());
    assert!((x_of(nested, '嵌') - (m + 4.0 * em)).abs() < 0.5);
}

#[test]
fn t19_pdf_ordered_start_and_task_boxes() {
    let lines = pdf_lines();
    let st = Style::handout();
    let (m, em) = (st.margin_left, st.body_size);
    let third = line_with(&lines, "第三项有序列表");
    assert!(third.text().starts_with("3."), "{}", third.text());
    let dot = third.glyphs.iter().find(|g| g.c == '.').unwrap();
    assert!(dot.x1 <= m + 2.0 * em, "number inside its box");
    assert!(line_with(&lines, "第四项").text().starts_with("4."));
    assert!(line_with(&lines, "未完成的任务").text().starts_with('□'));
    assert!(line_with(&lines, "已完成的任务").text().starts_with('■'));
}

#[test]
fn t19_pdf_quote_is_kai_indented_both_sides() {
    let lines = pdf_lines();
    let st = Style::handout();
    let (m, em) = (st.margin_left, st.body_size);
    let right = st.page_width - st.margin_right;
    let i = lines
        .iter()
        .position(|l| l.text().contains("这是一段引文"))
        .unwrap();
    let (first, second) = (&lines[i], &lines[i + 1]);
    assert!(
        first.ink().iter().all(|g| g.font.contains("WenKai")),
        "quote in Kai: {:?}",
        first.ink()[0].font
    );
    assert!(
        (first.ink()[0].x - (m + 4.0 * em)).abs() < 0.5,
        "2 em + T17 indent"
    );
    assert!(
        (second.ink()[0].x - (m + 2.0 * em)).abs() < 0.5,
        "2 em on the left"
    );
    // The line ends in a full-width comma set half an em wide (T13): its pen x + ½ em.
    let end = first.ink().last().unwrap().x + em / 2.0;
    assert!(
        end <= right - 2.0 * em + 0.5,
        "2 em on the right: {end} vs {right}"
    );
    assert!(
        end >= right - 3.0 * em,
        "justified to the quote's measure: {end}"
    );
}

#[test]
fn t19_epub_lists_and_quote() {
    let files = unzip_text(&convert("epub"));
    let page = files
        .iter()
        .find(|(k, _)| k.ends_with("c001.xhtml"))
        .map(|(_, v)| v.clone())
        .expect("chapter");
    assert!(page.contains("<ol start=\"3\">"), "ordered start value");
    assert!(page.contains("<span class=\"mk num\">3.</span>"));
    assert!(page.contains("<span class=\"mk\">●</span>"));
    assert!(
        page.contains("<span class=\"mk\">○</span>"),
        "nested bullet"
    );
    assert!(page.contains("<span class=\"mk\">□</span>"));
    assert!(page.contains("<span class=\"mk\">■</span>"));
    let css = files
        .iter()
        .find(|(k, _)| k.ends_with(".css"))
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(css.contains("span.mk{display:inline-block;width:2em;margin-left:-2em"));
    assert!(css.contains("li>p{text-indent:0}"));
    assert!(css.contains("blockquote{margin:0.438em 2em}"), "{css}");
}

#[test]
fn t19_docx_lists_hang_and_quote_indents_both_sides() {
    let bytes = convert("docx");
    let numbering = zip_part(&bytes, "word/numbering.xml");
    assert!(numbering.contains("<w:startOverride w:val=\"3\"/>"));
    // The 2 em box at 12 pt: a bullet centred in it (hanging half of it, `center`), a
    // number flush right a quarter em (3 pt) before the text (`right`), as in the PDF.
    assert!(
        numbering.contains("w:left=\"480\" w:rightChars=\"0\" w:right=\"0\" w:hangingChars=\"100\" w:hanging=\"240\""),
        "2 em box at 12 pt, bullet centred"
    );
    assert!(
        numbering.contains("w:left=\"480\" w:rightChars=\"0\" w:right=\"0\" w:hangingChars=\"25\" w:hanging=\"60\""),
        "2 em box at 12 pt, number flush right"
    );
    assert!(numbering.contains("<w:lvlText w:val=\"●\"/>"));
    assert!(numbering.contains("<w:lvlText w:val=\"○\"/>"));
    let doc = zip_part(&bytes, "word/document.xml");
    assert!(
        doc.contains("□</w:t></w:r><w:r><w:tab/></w:r>"),
        "task box, tab"
    );
    assert!(doc.contains("■</w:t></w:r><w:r><w:tab/></w:r>"));
    assert!(
        doc.contains("w:left=\"480\" w:rightChars=\"200\" w:right=\"480\""),
        "quote indented on both sides"
    );
}

#[test]
fn blocks_epub_passes_epubcheck() {
    let (errors, warnings, out) = crate::support::epub::epubcheck(&convert("epub"), "blocks.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}
