//! Issue 9, reliability: hostile input and file systems (one test per case, named after it).
//! Inputs are generated in temporary folders at test time.

use assert_cmd::Command;
use predicates::prelude::*;

fn paiban() -> Command {
    Command::cargo_bin("paiban").expect("binary built")
}

/// UTF-16LE code units of `text`, without a BOM.
fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

#[test]
fn case08_bomless_utf16_with_xx00_chars() {
    // 一 is U+4E00 and 最 U+6700: their low byte is NUL, on the other side of the code unit
    // from the NUL of every ASCII character.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("utf16.txt");
    let text = "第一章 最初\n\n一个人最先到了 2024 年。\n";
    std::fs::write(&file, utf16le(text)).unwrap();
    paiban()
        .args(["inspect"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("一个人最先到了"));
    // Big-endian too.
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    std::fs::write(&file, be).unwrap();
    paiban()
        .args(["inspect"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("一个人最先到了"));
}

#[test]
fn case15_repeated_w_ord_is_one_warning_with_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("newsletter.md");
    let text = "# 通讯\n\n1、加强学习。\n\n2、深入调研。\n\n3、狠抓落实。\n\n4、总结经验。\n";
    std::fs::write(&file, text).unwrap();
    let out = paiban().arg("inspect").arg(&file).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    let ord: Vec<&str> = stderr.lines().filter(|l| l.contains("W-ORD")).collect();
    assert_eq!(ord.len(), 1, "{stderr}");
    assert!(ord[0].contains("newsletter.md:3:"), "first line: {stderr}");
    assert!(
        ord[0].contains("`1、`") && ord[0].contains('4'),
        "count: {stderr}"
    );
}

#[test]
fn case11_usage_errors_exit_2_before_any_file_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.md");
    std::fs::write(&input, "# 标题\n\n正文。\n").unwrap();
    let out = dir.path().join("out");
    let missing = dir.path().join("no-such-fonts");
    let bad: [(&[&str], &str); 4] = [
        (&["--encoding", "klingon"], "--encoding klingon"),
        (&["--font-dir", missing.to_str().unwrap()], "--font-dir"),
        (&["-j", "0"], "-j 0"),
        (&["-j", "1000000"], "-j 1000000"),
    ];
    for (args, named) in bad {
        paiban()
            .arg("convert")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(named));
        assert!(!out.exists(), "{args:?} created the output folder");
    }
    paiban()
        .args(["inspect", "--encoding", "klingon"])
        .arg(&input)
        .assert()
        .code(2);
    paiban()
        .args(["fonts", "--font-dir"])
        .arg(&missing)
        .assert()
        .code(2);
}
