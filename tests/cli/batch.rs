//! Batch conversion through the CLI: parallel, keeps going past a bad file, atomic outputs,
//! clashes refused before anything is written (assert_cmd).

use crate::support::sample_path;
use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn paiban() -> Command {
    Command::cargo_bin("paiban").expect("binary built")
}

/// Converts the sample to one output file, the format taken from its extension.
fn convert_sample_to(target: &Path) -> assert_cmd::assert::Assert {
    paiban()
        .arg("convert")
        .arg(sample_path())
        .arg("-o")
        .arg(target)
        .assert()
}

/// Every file below `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    fn go(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                go(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    if dir.exists() {
        go(dir, dir, &mut out);
    }
    out.sort();
    out
}

#[test]
fn a_bad_file_fails_alone_and_the_others_convert() {
    let work = tempfile::tempdir().unwrap();
    let src = work.path().join("in");
    fs::create_dir_all(src.join("sub")).unwrap();
    fs::copy(sample_path(), src.join("yiwu.txt")).unwrap();
    fs::write(src.join("sub/note.md"), "# 标题\n\n正文,一段。\n").unwrap();
    fs::write(src.join("broken.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let before: Vec<Vec<u8>> = ["yiwu.txt", "sub/note.md", "broken.txt"]
        .iter()
        .map(|f| fs::read(src.join(f)).unwrap())
        .collect();
    let out = work.path().join("out");

    paiban()
        .arg("convert")
        .arg(&src)
        .arg("-o")
        .arg(&out)
        .args(["--to", "docx"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("converted 2 of 3"))
        .stderr(predicate::str::contains("broken.txt"))
        .stderr(predicate::str::contains("binary"));

    // Sub-folders kept, the bad file produced nothing, no temporary file left behind.
    assert_eq!(tree(&out), ["sub/note.docx", "yiwu.docx"]);
    // Inputs untouched.
    let after: Vec<Vec<u8>> = ["yiwu.txt", "sub/note.md", "broken.txt"]
        .iter()
        .map(|f| fs::read(src.join(f)).unwrap())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn two_inputs_writing_one_output_is_a_usage_error_before_any_write() {
    let work = tempfile::tempdir().unwrap();
    for d in ["a", "b"] {
        fs::create_dir_all(work.path().join(d)).unwrap();
        fs::copy(sample_path(), work.path().join(d).join("same.txt")).unwrap();
    }
    let out = work.path().join("out");
    paiban()
        .arg("convert")
        .arg(work.path().join("a/same.txt"))
        .arg(work.path().join("b/same.txt"))
        .arg("-o")
        .arg(&out)
        .args(["--to", "docx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would both write"));
    assert!(tree(&out).is_empty());
}

#[test]
fn output_file_takes_its_format_from_the_extension() {
    let work = tempfile::tempdir().unwrap();
    let target = work.path().join("report.docx");
    convert_sample_to(&target).success();
    let bytes = fs::read(&target).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a DOCX is a zip package");
    assert_eq!(tree(work.path()), ["report.docx"]);

    paiban()
        .arg("convert")
        .arg(sample_path())
        .arg("-o")
        .arg(work.path().join("x.docx"))
        .args(["--to", "epub"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--to asks for epub"));
}

#[test]
fn converting_twice_gives_identical_bytes() {
    let work = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for run in ["one", "two"] {
        let out = work.path().join(run);
        paiban()
            .arg("convert")
            .arg(sample_path())
            .arg("-o")
            .arg(&out)
            .args(["--to", "docx"])
            .env_remove("SOURCE_DATE_EPOCH")
            .assert()
            .success();
        outputs.push(fs::read(out.join("yiwu.docx")).unwrap());
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn a_missing_input_fails_with_its_name() {
    let work = tempfile::tempdir().unwrap();
    paiban()
        .arg("convert")
        .arg(work.path().join("nowhere.txt"))
        .arg("-o")
        .arg(work.path().join("out"))
        .args(["--to", "docx"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nowhere.txt: error: no such file"));
}

#[cfg(unix)]
#[test]
fn outputs_are_readable_documents_not_private_temp_files() {
    use std::os::unix::fs::PermissionsExt;
    let work = tempfile::tempdir().unwrap();
    let target = work.path().join("r.docx");
    convert_sample_to(&target).success();
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}
