//! Golden files (insta, pretty-printed) of document.xml, styles.xml and settings.xml for the
//! hand-built fixtures and for the sample. Review every change of these snapshots.

use crate::support::docx::{build, harness};
use crate::support::{in_snapshot_folder, load, sample_path};
use harness::{part, pretty, render};

/// One golden file, pretty-printed.
fn snap(name: &str, xml: &str) {
    in_snapshot_folder(|| insta::assert_snapshot!(name.to_string(), pretty(xml)));
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
    let doc = load(&sample_path());
    let bytes = render(&doc);
    for p in ["document", "styles", "settings", "fontTable"] {
        let xml = part(&bytes, &format!("word/{p}.xml"));
        snap(&format!("sample_{p}"), &xml);
    }
}
