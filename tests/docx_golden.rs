//! Golden files (insta, pretty-printed) of document.xml, styles.xml and settings.xml for the
//! hand-built fixtures and for the sample. Review every change of these snapshots.

#[path = "fixtures/docx/build.rs"]
mod build;
#[path = "fixtures/docx/harness.rs"]
mod harness;

use harness::{part, pretty, render};
use paiban::log::Log;
use paiban::read::ReadOptions;
use std::path::Path;

/// Snapshots live with the other DOCX fixtures.
fn snap(name: &str, xml: &str) {
    insta::with_settings!({snapshot_path => "fixtures/docx/snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(name.to_string(), pretty(xml));
    });
}

#[test]
fn fixture_documents() {
    for (name, doc) in build::all() {
        let bytes = render(&doc);
        snap(
            &format!("{name}_document"),
            &part(&bytes, "word/document.xml"),
        );
    }
}

#[test]
fn fixture_side_parts() {
    let bytes = render(&build::footnotes());
    snap("footnotes_footnotes", &part(&bytes, "word/footnotes.xml"));
    let bytes = render(&build::lists());
    snap("lists_numbering", &part(&bytes, "word/numbering.xml"));
}

#[test]
fn sample_parts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/yiwu.txt");
    let mut log = Log::default();
    let doc = paiban::pipeline::load(&path, &ReadOptions::default(), true, None, &mut log).unwrap();
    let bytes = render(&doc);
    for p in ["document", "styles", "settings", "fontTable"] {
        let xml = part(&bytes, &format!("word/{p}.xml"));
        snap(&format!("sample_{p}"), &xml);
    }
}
