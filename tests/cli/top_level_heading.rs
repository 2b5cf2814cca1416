//! `--top-level-heading N` and the title lines of `paiban inspect` (issue 10 item 1).

use crate::support::fixture;
use assert_cmd::Command;

fn paiban() -> Command {
    Command::cargo_bin("paiban").expect("binary built")
}

fn inspect(args: &[&str]) -> String {
    let out = paiban().arg("inspect").args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

fn book() -> String {
    fixture("headings/book.md").to_str().unwrap().to_string()
}

#[test]
fn inspect_shows_title_and_subtitle_of_leading_headings() {
    let text = inspect(&[&book()]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "title Rust 程序设计入门");
    assert_eq!(lines[1], "subtitle 写给初学者的十二讲");
    assert_eq!(lines[2], "heading 1 安装工具链", "### is level 1: {text}");
    assert!(text.contains("heading 2 选择版本"), "{text}");
}

#[test]
fn inspect_shows_a_front_matter_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fm.md");
    std::fs::write(
        &path,
        "---\ntitle: 书名\nsubtitle: 副题\n---\n\n## 一节\n\n正文。\n",
    )
    .unwrap();
    let text = inspect(&[path.to_str().unwrap()]);
    assert!(
        text.starts_with("title 书名\nsubtitle 副题\nheading 1 一节\n"),
        "{text}"
    );
}

#[test]
fn top_level_heading_forces_the_level_of_a_depth() {
    let text = inspect(&[&book(), "--top-level-heading", "2"]);
    assert!(text.contains("heading 2 安装工具链"), "{text}");
    assert!(text.contains("heading 3 选择版本"), "{text}");
    let text = inspect(&[&book(), "--top-level-heading=3"]);
    assert!(text.contains("heading 1 安装工具链"), "{text}");
}

#[test]
fn top_level_heading_also_applies_to_convert() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("book.epub");
    paiban()
        .args(["convert", &book(), "-o", out.to_str().unwrap()])
        .args(["--top-level-heading", "2"])
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    let c001 = crate::support::zip_part(&bytes, "EPUB/c001.xhtml");
    // Level 2 under the title's h1: h3.
    assert!(c001.contains("<h3 class=\"u2\""), "{c001}");
}

#[test]
fn bad_top_level_heading_is_a_usage_error() {
    for bad in ["0", "7", "x", "-1", ""] {
        paiban()
            .args(["inspect", &book(), "--top-level-heading", bad])
            .assert()
            .code(2);
    }
    paiban()
        .args([
            "convert",
            &book(),
            "--top-level-heading",
            "9",
            "-o",
            "/tmp/never.pdf",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--top-level-heading"));
}
