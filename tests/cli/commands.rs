//! CLI behaviour: exit codes, usage errors, inspect output (assert_cmd).

use crate::support::sample_path;
use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn paiban() -> Command {
    Command::cargo_bin("paiban").expect("binary built")
}

/// The sample's path as a command-line argument.
fn sample() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| sample_path().to_str().expect("UTF-8 path").to_string())
}

#[test]
fn inspect_prints_one_line_per_block_with_kinds() {
    let out = paiban().args(["inspect", sample()]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let kinds: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "title").count(), 2);
    assert_eq!(kinds.iter().filter(|k| **k == "subtitle").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "byline").count(), 3);
    assert!(text.contains("heading 1 一、心怀“国之大者”"));
    assert!(text.lines().all(|l| {
        let k = l.trim_start().split(' ').next().unwrap();
        [
            "title",
            "subtitle",
            "heading",
            "para",
            "byline",
            "list",
            "item",
            "quote",
            "code",
            "table",
            "figure",
            "note",
            "rule",
            "pagebreak",
        ]
        .contains(&k)
    }));
}

#[test]
fn inspect_json_has_metadata_and_authors() {
    let out = paiban()
        .args(["inspect", "--json", sample()])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["meta"]["language"], "zh-CN");
    let authors: Vec<&str> = v["meta"]["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(authors, ["吴伟华", "徐应红", "汪旺旺"]);
}

#[test]
fn inspect_of_a_binary_file_names_the_file_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    paiban()
        .args(["inspect", bad.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.txt"));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    paiban()
        .args(["convert", sample(), "--to", "rtf", "-o"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown format 'rtf'"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn unknown_style_is_a_usage_error() {
    paiban()
        .args(["convert", sample(), "--style", "nonesuch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown style 'nonesuch'"));
}

#[test]
fn missing_arguments_are_usage_errors() {
    paiban().arg("convert").assert().code(2);
    paiban().arg("frobnicate").assert().code(2);
}

#[test]
fn empty_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    paiban()
        .arg("convert")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input files"));
    assert!(!Path::new(&dir.path().join("output")).exists());
}

#[test]
fn fonts_lists_every_role_with_its_origin() {
    let out = paiban().arg("fonts").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for (role, family) in [
        ("song ", "Noto Serif CJK SC"),
        ("hei ", "Noto Sans CJK SC"),
        ("kai ", "LXGW WenKai"),
        ("mono ", "DejaVu Sans Mono"),
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(role))
            .unwrap_or_else(|| panic!("no line for role {role:?} in:\n{text}"));
        assert!(line.contains(family), "{line}");
        assert!(line.contains("bundled"), "{line}");
    }
}

#[test]
fn inspect_layout_prints_pages_lines_and_x_ranges() {
    let out = paiban()
        .args(["inspect", "--layout", sample()])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let first = text.lines().next().expect("at least one line");
    assert!(first.starts_with("page 1 line 1 "), "{first}");
    assert!(first.contains("坚持和深化"), "{first}");
    // Every line is `page N line M X0..X1 TEXT` with X0 < X1.
    for l in text.lines() {
        let f: Vec<&str> = l.splitn(6, ' ').collect();
        assert_eq!((f[0], f[2]), ("page", "line"), "{l}");
        let (x0, x1) = f[4].split_once("..").expect("x-range");
        assert!(
            x0.parse::<f32>().unwrap() < x1.parse::<f32>().unwrap(),
            "{l}"
        );
    }
    assert!(text.lines().any(|l| l.starts_with("page 6 ")));
}
