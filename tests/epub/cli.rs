//! `paiban convert --to epub` from the command line: reproducible with SOURCE_DATE_EPOCH,
//! `--no-embed-fonts`, warnings for links and images left out.

use crate::support::epub::*;
use crate::support::unzip;
use assert_cmd::Command;
use std::path::Path;

fn convert(input: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("paiban")
        .unwrap()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .arg("convert")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(["--to", "epub"])
        .args(extra)
        .assert()
        .success()
}

#[test]
fn cli_epub_is_reproducible_and_fonts_can_be_left_out() {
    let input = crate::support::sample_path();
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.epub");
    let b = dir.path().join("b.epub");
    let c = dir.path().join("c.epub");
    convert(&input, &a, &[]);
    convert(&input, &b, &[]);
    convert(&input, &c, &["--no-embed-fonts"]);
    let (a, b, c) = (
        std::fs::read(a).unwrap(),
        std::fs::read(b).unwrap(),
        std::fs::read(c).unwrap(),
    );
    assert!(a == b, "same input, same bytes");
    let with = unzip(&a);
    let without = unzip(&c);
    assert!(with.keys().any(|k| k.starts_with("EPUB/fonts/")));
    assert!(!without.keys().any(|k| k.starts_with("EPUB/fonts/")));
    assert!(text(&with, "EPUB/content.opf").contains("2023-11-14T22:13:20Z"));
    assert!(c.len() < a.len());
}

#[test]
fn cli_warns_about_content_left_out_of_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("book.epub");
    let assert = convert(&fixtures().join("book.md"), &out, &[]);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("other.md"), "{stderr}");
    assert!(stderr.contains("remote.png"), "{stderr}");
    assert!(out.exists());
}
