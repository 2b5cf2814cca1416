//! Timestamps only from SOURCE_DATE_EPOCH; W-GLYPH for characters no font has (T27).

use crate::support::pdf::*;
use crate::support::root;
use paiban::ast::*;
use paiban::backend::RenderOptions;

fn small_doc(text: &str) -> Document {
    Document {
        blocks: vec![Block::Para(Para {
            content: vec![Inline::Text(text.into())],
            line: 3,
        })],
        ..Default::default()
    }
}

fn pdfinfo(bytes: &[u8]) -> String {
    let (_dir, path) = temp_pdf(bytes, "meta.pdf");
    run("pdfinfo", &[path.to_str().unwrap()])
}

#[test]
fn no_date_without_source_date_epoch() {
    let (bytes, _) = render(&small_doc("自强不息"), &root());
    let info = pdfinfo(&bytes);
    assert!(!info.contains("CreationDate"), "{info}");
    assert!(!info.contains("ModDate"), "{info}");
}

#[test]
fn source_date_epoch_sets_the_dates() {
    let options = RenderOptions {
        source_date_epoch: Some(1_700_000_000),
        ..RenderOptions::default()
    };
    let (bytes, _) = render_with(&small_doc("自强不息"), &root(), &options);
    let info = pdfinfo(&bytes);
    let created = info
        .lines()
        .find(|l| l.starts_with("CreationDate:"))
        .unwrap_or_else(|| panic!("no CreationDate:\n{info}"));
    // 1700000000 = 2023-11-14 22:13:20 UTC
    assert!(created.contains("Nov 14 22:13:20 2023"), "{created}");
    let (again, _) = render_with(&small_doc("自强不息"), &root(), &options);
    assert!(again == bytes, "not deterministic with SOURCE_DATE_EPOCH");
}

#[test]
fn t27_missing_glyph_is_logged_as_w_glyph() {
    // A plane-16 private-use character: no bundled or system font has it.
    let (_, log) = render(&small_doc("测试\u{10FFFD}字"), &root());
    let w: Vec<_> = log.warnings().filter(|e| e.source == "W-GLYPH").collect();
    assert_eq!(w.len(), 1, "{:?}", log.entries);
    assert_eq!(w[0].line, 3);
    assert!(w[0].message.contains("U+10FFFD"), "{}", w[0].message);
}
