//! EPUB backend on a hand-built document: epubcheck-clean, deterministic, links, notes.

#[path = "epub_util.rs"]
mod util;

use paiban::backend::RenderOptions;
use util::*;

#[test]
fn epubcheck_reports_no_errors_and_no_warnings() {
    let (bytes, _) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    let (errors, warnings, out) = epubcheck(&bytes, "hand.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
#[ignore = "writes /tmp/hand.epub for manual inspection"]
fn write_sample_for_inspection() {
    let (bytes, log) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    std::fs::write("/tmp/hand.epub", bytes).unwrap();
    for e in &log.entries {
        eprintln!("{e:?}");
    }
}
