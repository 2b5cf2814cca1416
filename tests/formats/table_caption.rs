//! Tables: a `表 3-1 …` paragraph next to a table becomes its caption (captions pass),
//! set centred above it in every backend; the header row is bold; column widths come
//! from content in the PDF and DOCX.

use super::blocks_common::{convert, fixture};
use crate::support::pdf::{stext_lines, temp_pdf};
use crate::support::{unzip_text, zip_part};
use paiban::ast::{plain_text, Block};

#[test]
fn table_caption_paragraph_is_taken_into_the_table() {
    let doc = crate::support::load(&fixture());
    // The fixture's leading `#` is its title: the body sits inside the article.
    let mut tables = Vec::new();
    paiban::ast::visit_blocks(&doc, &mut |b| {
        if let Block::Table(t) = b {
            tables.push(t.clone());
        }
    });
    let table = tables.first().expect("the fixture has a table");
    assert_eq!(
        plain_text(table.caption.as_ref().unwrap()),
        "表 3-1 城市人口"
    );
    let mut caption_para = false;
    paiban::ast::visit_blocks(&doc, &mut |b| {
        caption_para |= matches!(b, Block::Para(p) if plain_text(&p.content).contains("城市人口"));
    });
    assert!(!caption_para, "the paragraph is gone");
}

#[test]
fn table_pdf_caption_centred_header_bold_widths_from_content() {
    let (_dir, path) = temp_pdf(&convert("pdf"), "blocks.pdf");
    let lines: Vec<_> = stext_lines(&path).into_iter().flatten().collect();
    let i = lines
        .iter()
        .position(|l| l.text().contains("城市人口"))
        .unwrap();
    let (caption, head, row) = (&lines[i], &lines[i + 1], &lines[i + 2]);
    assert!(caption.ink().iter().all(|g| g.font.contains("Sans")), "Hei");
    let st = paiban::style::Style::handout();
    let mid = st.margin_left + st.text_width() / 2.0;
    let (l, r) = (caption.ink()[0].x, caption.ink().last().unwrap().x1);
    assert!(((l + r) / 2.0 - mid).abs() < 1.0, "centred");
    assert!(head.text().contains("城市") && head.text().contains("说明"));
    assert!(
        head.ink().iter().all(|g| g.font.contains("Bold")),
        "bold header"
    );
    assert!(row.ink().iter().all(|g| !g.font.contains("Bold")));
    // Widths from content: the long 说明 column is wider than the short 城市 one.
    let x = |line: &crate::support::pdf::VLine, c: char| {
        line.glyphs.iter().find(|g| g.c == c).unwrap().x
    };
    let row_text = &lines[i + 2];
    let w_city = x(row_text, '2') - x(row_text, '北');
    let w_note = st.margin_left + st.text_width() - x(row_text, '首');
    assert!(w_note > 1.5 * w_city, "{w_note} vs {w_city}");
}

#[test]
fn table_epub_and_docx_captions() {
    let files = unzip_text(&convert("epub"));
    let page = files
        .iter()
        .find(|(k, _)| k.ends_with("c001.xhtml"))
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(
        page.contains("<table>\n<caption>表 3-1 城市人口</caption>"),
        "{page}"
    );
    let doc = zip_part(&convert("docx"), "word/document.xml");
    let cap = doc.find("城市人口").unwrap();
    let table = doc.find("<w:tbl>").unwrap();
    assert!(cap < table, "caption before the table");
    let p = doc[..cap].rfind("<w:p>").unwrap();
    assert!(doc[p..cap].contains("<w:pStyle w:val=\"Caption\"/><w:keepNext/>"));
    let cols: Vec<i64> = doc
        .match_indices("<w:gridCol w:w=\"")
        .map(|(i, _)| {
            let rest = &doc[i + 16..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    assert_eq!(cols.len(), 3);
    assert!(cols[2] > cols[0], "widths from content: {cols:?}");
}
