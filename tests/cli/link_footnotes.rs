//! `--link-footnotes`: external URLs become footnotes in the PDF and DOCX; the EPUB keeps
//! live links and gets no such notes.

use crate::support::pdf::run;
use crate::support::{fixture, zip_part};
use assert_cmd::Command;

#[test]
fn link_footnotes_in_pdf_and_docx_only() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("paiban")
        .unwrap()
        .args(["convert", "--link-footnotes", "--to", "pdf,epub,docx", "-o"])
        .arg(dir.path())
        .arg(fixture("blocks/blocks.md"))
        .assert()
        .success();
    let pdf = dir.path().join("blocks.pdf");
    let text = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let body = text.find("参见").expect("link paragraph");
    let note = text
        .rfind("https://www.rust-lang.org/")
        .expect("URL in a note");
    assert!(note > body, "the URL is a footnote below the text");
    assert!(text.contains("https://doc.rust-lang.org/"));
    assert!(text.contains("①"), "note mark");
    let docx = std::fs::read(dir.path().join("blocks.docx")).unwrap();
    let notes = zip_part(&docx, "word/footnotes.xml");
    assert!(notes.contains("https://www.rust-lang.org/"));
    assert!(zip_part(&docx, "word/document.xml").contains("w:footnoteReference"));
    let epub = std::fs::read(dir.path().join("blocks.epub")).unwrap();
    let page = zip_part(&epub, "EPUB/c001.xhtml");
    assert!(page.contains("href=\"https://www.rust-lang.org/\""));
    assert!(!page.contains("noteref"), "no notes in the EPUB");
}

#[test]
fn without_the_option_no_link_notes() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("paiban")
        .unwrap()
        .args(["convert", "--to", "pdf", "-o"])
        .arg(dir.path())
        .arg(fixture("blocks/blocks.md"))
        .assert()
        .success();
    let pdf = dir.path().join("blocks.pdf");
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(!text.contains("https://www.rust-lang.org/"));
}
