//! Issue 9, reliability, cases 1–3: deep nesting and unbreakable text (one test per case,
//! named after it). Inputs are generated in temporary folders at test time.

use assert_cmd::Command;
use std::path::Path;

use crate::support::pdf::run;

fn paiban() -> Command {
    Command::cargo_bin("paiban").expect("binary built")
}

/// The text of a PDF page by page (`pdftotext`), whitespace removed: lines broken anywhere
/// still compare equal.
fn pdf_text(pdf: &Path) -> String {
    run("pdftotext", &[pdf.to_str().unwrap(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// `paiban convert DIR -o OUT --to pdf`: (exit code, stderr).
fn convert(dir: &Path, out: &Path) -> (i32, String) {
    let output = paiban()
        .arg("convert")
        .arg(dir)
        .arg("-o")
        .arg(out)
        .args(["--to", "pdf"])
        .output()
        .expect("paiban runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let code = output.status.code().unwrap_or_else(|| {
        panic!("paiban was killed by a signal (stack overflow?): {stderr}");
    });
    (code, stderr)
}

#[test]
fn case01_deep_nesting_never_aborts_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for i in 0..20 {
        std::fs::write(
            input.join(format!("good{i:02}.md")),
            format!("# 标题{i}\n\n正文{i}。\n"),
        )
        .unwrap();
    }
    // Each of these overflowed the stack (exit 134) and took the whole batch down.
    let lists = format!("开头。\n\n{}深列表\n", "- ".repeat(5000));
    let quotes = format!("开头。\n\n{}深引文\n", ">".repeat(5000));
    let stars = format!(
        "开头。\n\n{}深强调{}\n",
        "*".repeat(15000),
        "*".repeat(15000)
    );
    std::fs::write(input.join("deep_lists.md"), lists).unwrap();
    std::fs::write(input.join("deep_quotes.md"), quotes).unwrap();
    std::fs::write(input.join("deep_stars.md"), stars).unwrap();
    // A file that fails for an ordinary reason: reported, the batch goes on, exit 1.
    std::fs::write(input.join("binary.md"), [0u8, 1, 2, 0, 0, 0, 0xff, 0xfe, 0]).unwrap();
    let out = dir.path().join("out");
    let (code, stderr) = convert(&input, &out);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("binary.md"),
        "bad file not reported: {stderr}"
    );
    for i in 0..20 {
        assert!(out.join(format!("good{i:02}.pdf")).is_file(), "{stderr}");
    }
    for (name, word, line) in [
        ("deep_lists", "深列表", 3),
        ("deep_quotes", "深引文", 3),
        ("deep_stars", "深强调", 3),
    ] {
        let pdf = out.join(format!("{name}.pdf"));
        assert!(pdf.is_file(), "{name}.pdf not written: {stderr}");
        assert!(pdf_text(&pdf).contains(word), "{name}: text lost");
        let depth: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(&format!("{name}.md")) && l.contains("W-DEPTH"))
            .collect();
        assert_eq!(depth.len(), 1, "one W-DEPTH warning per document: {stderr}");
        assert!(
            depth[0].contains(&format!("{name}.md:{line}:")),
            "warning names file and line: {stderr}"
        );
    }
}

#[test]
fn case02_unbreakable_text_is_broken_never_lost() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("long.md");
    let letters = "x".repeat(3000);
    let base64 =
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk"
            .repeat(3);
    let brackets = "[".repeat(2000);
    let title = "Z".repeat(150);
    let url = format!("https://example.com/{}", "q".repeat(400));
    let text = format!(
        "---\ntitle: {title}\n---\n\n正文开头。\n\n{letters}\n\n编码 {base64} 结束。\n\n\
         {brackets}\n\n网址 <{url}> 结束。\n"
    );
    std::fs::write(&input, &text).unwrap();
    let out = dir.path().join("out");
    let output = paiban()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--to", "pdf"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let got = pdf_text(&out.join("long.pdf"));
    for (c, what) in [('x', "letters"), ('[', "brackets"), ('Z', "title letters")] {
        assert_eq!(
            got.matches(c).count(),
            text.matches(c).count(),
            "{what} lost"
        );
    }
    assert!(got.contains(&base64), "base64 string lost or reordered");
    assert!(got.contains(&url), "URL lost or reordered");
    // One warning per broken paragraph, with its source line.
    assert!(stderr.contains("long.md:7: warning: [W-BREAK]"), "{stderr}");
    assert!(
        stderr.contains("long.md:11: warning: [W-BREAK]"),
        "{stderr}"
    );
}

#[test]
fn case03_deep_quotes_and_lists_keep_a_usable_measure() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nested.md");
    let sentence = "这是一段嵌套很深的文字，每一个字都必须出现在页面上。";
    let quotes = format!("{} {sentence}", ">".repeat(30));
    let lists: String = (0..30)
        .map(|i| format!("{}- 第{i}层\n", "  ".repeat(i)))
        .collect();
    let text = format!("开头。\n\n{quotes}\n\n{lists}\n");
    std::fs::write(&input, text).unwrap();
    let out = dir.path().join("out");
    let output = paiban()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--to", "pdf"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let got = pdf_text(&out.join("nested.pdf"));
    assert!(got.contains(sentence), "quote text lost: {got}");
    for i in 0..30 {
        assert!(
            got.contains(&format!("第{i}层")),
            "list item {i} lost: {got}"
        );
    }
    let capped: Vec<&str> = stderr.lines().filter(|l| l.contains("W-INDENT")).collect();
    assert_eq!(capped.len(), 1, "one warning per document: {stderr}");
    assert!(capped[0].contains("nested.md:3:"), "{stderr}");
}
