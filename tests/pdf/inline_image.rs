//! Issue 10 gap a: a local picture inside a paragraph's text (`文字![图](a.png)文字`) is
//! drawn in the PDF — after its paragraph, centred, as a stand-alone image is (why not in
//! the line: `Builder::lift_inline_images`) — and its alt text no longer stands in the
//! sentence. A missing one still reads as its alt text.

use crate::support::images;
use crate::support::load_markdown;
use crate::support::pdf::*;
use std::path::Path;

fn pdf_of(dir: &Path, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let doc = load_markdown(text, &dir.join("t.md"));
    let (bytes, _) = render(&doc, dir);
    temp_pdf(&bytes, "inline-image.pdf")
}

#[test]
fn an_inline_picture_is_drawn_after_its_paragraph() {
    require("pdfimages");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.png"), images::png([0x20, 0x80, 0x20])).unwrap();
    let (_t, path) = pdf_of(
        dir.path(),
        "# 题\n\n前面的文字![示意图](a.png)后面的文字。\n\n下一段。\n",
    );
    let list = run("pdfimages", &["-list", path.to_str().unwrap()]);
    // Header (two lines), then one line per image drawn.
    assert_eq!(list.lines().count(), 3, "one picture drawn:\n{list}");
    let lines: Vec<VLine> = stext_lines(&path).into_iter().flatten().collect();
    let text: Vec<String> = lines.iter().map(|l| l.text()).collect();
    let para = text
        .iter()
        .position(|t| t.contains("前面的文字"))
        .expect("the paragraph");
    assert!(
        text[para].contains("前面的文字后面的文字。"),
        "the sentence reads on, without the alt text: {text:?}"
    );
    assert!(!text.iter().any(|t| t.contains("示意图")), "{text:?}");
    // The picture sits between its paragraph and the next one.
    let next = text.iter().position(|t| t.contains("下一段")).unwrap();
    let gap = lines[next].y - lines[para].y;
    let pitch = paiban::style::Style::handout().line_pitch();
    assert!(
        gap > pitch + images::H as f32 * 0.75 - 1.0,
        "room for the picture: {gap}"
    );
}

#[test]
fn a_missing_inline_picture_reads_as_its_alt_text() {
    let dir = tempfile::tempdir().unwrap();
    let (_t, path) = pdf_of(
        dir.path(),
        "# 题\n\n前面的文字![示意图](none.png)后面的文字。\n",
    );
    let text: String = stext_lines(&path)
        .into_iter()
        .flatten()
        .map(|l| l.text())
        .collect();
    assert!(text.contains("前面的文字示意图后面的文字。"), "{text}");
}
