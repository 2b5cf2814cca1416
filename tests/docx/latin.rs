//! Latin inside Chinese in the DOCX (T25): the run of a Latin-context quote leaves the face
//! to `w:ascii`/`w:hAnsi` (no hint); a CJK-context quote's run says `w:hint="eastAsia"`, so
//! Word takes it from the `w:eastAsia` face. The decision is the one the PDF makes, on the
//! paragraph's whole text (across `**strong**`).

use crate::support::docx::harness::{part, render};
use crate::support::load;
use std::path::PathBuf;

fn document_xml(name: &str, md: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("docx_latin");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join(format!("{name}.md"));
    std::fs::write(&src, md).unwrap();
    part(&render(&load(&src)), "word/document.xml")
}

/// The `<w:r>…</w:r>` whose text contains `needle`.
fn run_with<'a>(d: &'a str, needle: &str) -> &'a str {
    let at = d.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let start = d[..at].rfind("<w:r>").unwrap();
    let end = d[at..].find("</w:r>").unwrap() + at;
    &d[start..end]
}

/// The runs of the paragraph holding `needle`, as (text, hinted) pairs.
fn runs_of(d: &str, needle: &str) -> Vec<(String, bool)> {
    let at = d.find(needle).unwrap();
    let start = d[..at].rfind("<w:p>").unwrap();
    let end = d[at..].find("</w:p>").unwrap() + at;
    d[start..end]
        .split("<w:r>")
        .skip(1)
        .map(|r| {
            let text: String = r
                .split("<w:t")
                .skip(1)
                .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
                .filter_map(|t| t.split_once("</w:t>").map(|(t, _)| t))
                .collect();
            (text, r.contains("w:hint=\"eastAsia\""))
        })
        .collect()
}

#[test]
fn t25_apostrophe_runs_are_latin_and_chinese_quote_runs_hinted() {
    let d = document_xml(
        "t25",
        "他说“好的”，然后说 it’s fine and don’t worry 就走了。\n",
    );
    let its = run_with(&d, "it’s");
    assert!(!its.contains("w:hint"), "{its}");
    let dont = run_with(&d, "don’t");
    assert!(!dont.contains("w:hint"), "{dont}");
    let runs = runs_of(&d, "it’s");
    let hinted: String = runs.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect();
    assert!(hinted.contains('“') && hinted.contains('”'), "{runs:?}");
    assert!(!hinted.contains('’'), "{runs:?}");
}

#[test]
fn t25_context_crosses_strong_as_in_the_pdf() {
    // The quotes are text nodes of their own beside `**你好**`: alone, "He said “" would
    // look Latin; on the paragraph's text the pair encloses Chinese and is CJK.
    let d = document_xml("t25_strong", "He said “**你好**” to me, it’s fine.\n");
    let runs = runs_of(&d, "He said");
    let quote = |q: char| runs.iter().find(|r| r.0.contains(q)).expect("quote run");
    assert!(quote('“').1 && quote('”').1, "{runs:?}");
    assert!(!quote('’').1, "{runs:?}");
}
