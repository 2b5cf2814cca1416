//! Issue 9 case 14, the rest: warnings from the PDF name their source line and what to do,
//! and a problem shared by every output format (a bad image, a link to no heading) is one
//! line per input, not one per format.

use assert_cmd::Command;
use std::path::Path;
use std::time::Duration;

fn paiban() -> Command {
    let mut cmd = Command::cargo_bin("paiban").expect("binary built");
    cmd.timeout(Duration::from_secs(60));
    cmd
}

/// Runs `paiban convert doc -o out --to to`; returns (exit code, stderr).
fn convert(doc: &Path, out: &Path, to: &str) -> (i32, String) {
    let output = paiban()
        .arg("convert")
        .arg(doc)
        .arg("-o")
        .arg(out)
        .args(["--to", to])
        .output()
        .expect("paiban runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The warning lines of `stderr` that mention `what`.
fn warnings_about<'a>(stderr: &'a str, what: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.contains(": warning:") && l.contains(what))
        .collect()
}

/// A PNG with the signature and an IHDR chunk whose CRC is wrong: its decoder refuses it.
const BAD_PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0garbagegarbage";

/// A document with each problem on a line of its own: a link to no heading (line 3), a
/// bad image (line 5).
const DOC: &str = "# 标题\n\n见[别处](#nowhere)。\n\n![坏图](bad.png)\n\n正文。\n";

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let doc = tmp.path().join("doc.md");
    std::fs::write(&doc, DOC).unwrap();
    std::fs::write(tmp.path().join("bad.png"), BAD_PNG).unwrap();
    (tmp, doc)
}

#[test]
fn case14_pdf_warnings_name_their_source_line_and_what_to_do() {
    let (tmp, doc) = setup();
    let (code, stderr) = convert(&doc, &tmp.path().join("out"), "pdf");
    assert_eq!(code, 0, "{stderr}");
    let link = warnings_about(&stderr, "#nowhere");
    assert_eq!(link.len(), 1, "{stderr}");
    assert!(link[0].contains("doc.md:3: warning:"), "{stderr}");
    assert!(link[0].contains("fix the link"), "{stderr}");
    let image = warnings_about(&stderr, "bad.png");
    assert_eq!(image.len(), 1, "{stderr}");
    assert!(image[0].contains("doc.md:5: warning:"), "{stderr}");
    assert!(image[0].contains("repair or replace it"), "{stderr}");
}

#[test]
fn case14_a_problem_every_format_meets_is_one_line() {
    let (tmp, doc) = setup();
    let out = tmp.path().join("out");
    let (code, stderr) = convert(&doc, &out, "pdf,epub,docx");
    assert_eq!(code, 0, "{stderr}");
    for f in ["doc.pdf", "doc.epub", "doc.docx"] {
        assert!(out.join(f).is_file(), "{f} not written: {stderr}");
    }
    for (what, line) in [("#nowhere", 3), ("bad.png", 5)] {
        let lines = warnings_about(&stderr, what);
        assert_eq!(
            lines.len(),
            1,
            "{what}: one line for three formats\n{stderr}"
        );
        assert!(
            lines[0].contains(&format!("doc.md:{line}: warning:")),
            "{what}: {stderr}"
        );
    }
}

#[test]
fn case14_the_json_report_counts_each_problem_once() {
    let (tmp, doc) = setup();
    let report = tmp.path().join("report.json");
    let output = paiban()
        .arg("convert")
        .arg(&doc)
        .arg("-o")
        .arg(tmp.path().join("out"))
        .args(["--to", "pdf,epub,docx", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let warnings = json["inputs"][0]["warnings"].as_u64().unwrap();
    let printed = stderr.lines().filter(|l| l.contains(": warning:")).count();
    assert_eq!(warnings as usize, printed, "{json}\n{stderr}");
    assert_eq!(printed, 2, "{stderr}");
}
