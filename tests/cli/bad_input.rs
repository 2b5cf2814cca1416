//! Issue 9, reliability: hostile input and file systems (one test per case, named after it).
//! Inputs are generated in temporary folders at test time.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

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

#[test]
fn case10_inspect_into_a_closed_pipe_ends_quietly() {
    // `paiban inspect FILE | head -1`: the output (about 1 MB) is far larger than a pipe
    // buffer, so paiban is still writing when the reader closes its end.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.md");
    let para = "这是一段足够长的正文，用来让检查输出超过管道缓冲区。\n\n";
    std::fs::write(&file, para.repeat(10_000)).unwrap();
    for extra in [&[][..], &["--json"][..]] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("paiban"))
            .arg("inspect")
            .args(extra)
            .arg(&file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(status.success(), "{extra:?}: {status:?}, stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// Relative paths of the files under `dir`, sorted.
fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut out: Vec<String> = walk_files(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect();
    out.sort();
    out
}

fn walk_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let t = e.file_type().unwrap();
        if t.is_dir() {
            out.extend(walk_files(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn case06_symlink_loops_in_folders() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("a.md"), "# 甲\n\n正文。\n").unwrap();
    std::fs::write(input.join("sub/b.md"), "# 乙\n\n正文。\n").unwrap();
    symlink(".", input.join("l1")).unwrap();
    symlink(".", input.join("l2")).unwrap();
    symlink("..", input.join("sub/up")).unwrap();
    // A second path to a real folder and to a real file: still one conversion each.
    symlink("sub", input.join("also-sub")).unwrap();
    symlink("a.md", input.join("a-link.md")).unwrap();
    let out = dir.path().join("out");
    paiban()
        .args(["convert", "--to", "docx", "-j", "1"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .success();
    // Each real file once, under its path without links.
    assert_eq!(files_under(&out), ["a.docx", "sub/b.docx"]);
}

#[cfg(unix)]
#[test]
fn case09_output_folder_linked_to_the_input_folder() {
    // `--from markdown r.pdf -o same` where `same -> .`: same/r.pdf is r.pdf itself.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.pdf");
    let text = "# 报告\n\n正文。\n";
    std::fs::write(&input, text).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("same")).unwrap();
    paiban()
        .current_dir(dir.path())
        .args(["convert", "--from", "markdown", "r.pdf", "-o", "same"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would overwrite an input"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), text);
}

/// Starts converting a generated 3.6 MB Markdown file (several seconds of work) into
/// `out`, sends `signal` after a second, and returns the exit code and what is left in `out`.
#[cfg(unix)]
fn interrupted_conversion(signal: &str) -> (Option<i32>, Vec<String>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.md");
    let para = "这是一段足够长的正文，用来生成一个很大的输入文件，以便在转换过程中发送信号。";
    std::fs::write(
        &input,
        format!("# 大文件\n\n{}", (para.repeat(4) + "\n\n").repeat(8000)),
    )
    .unwrap();
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("paiban"))
        .args(["convert", "-j", "1"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1000));
    let killed = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    let left = if out.exists() {
        files_under(&out)
    } else {
        vec![]
    };
    (status.code(), left, dir)
}

#[cfg(unix)]
#[test]
fn case12_sigterm_and_sigint_leave_no_temporary_or_partial_files() {
    for (signal, code) in [("-TERM", 143), ("-INT", 130)] {
        let (status, left, dir) = interrupted_conversion(signal);
        assert!(
            left.iter().all(|f| !f.starts_with(".paiban-")),
            "{signal}: temporary files left: {left:?}"
        );
        // Whatever output exists was renamed into place complete.
        for f in &left {
            let bytes = std::fs::read(dir.path().join("out").join(f)).unwrap();
            let complete = if f.ends_with(".pdf") {
                bytes.trim_ascii_end().ends_with(b"%%EOF")
            } else {
                // A zip (EPUB, DOCX) ends with its end-of-central-directory record.
                bytes.windows(4).rev().take(64).any(|w| w == b"PK\x05\x06")
            };
            assert!(complete, "{signal}: partial output {f}");
        }
        assert_eq!(
            status,
            Some(code),
            "{signal}: still running after a second? {left:?}"
        );
    }
}

#[test]
fn case14_one_line_per_problem_naming_file_line_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.md");
    let folder = dir.path().join("folder.md");
    std::fs::create_dir(&folder).unwrap();
    let broken = dir.path().join("broken.md");
    std::fs::write(
        &broken,
        b"# \xe6\xa0\x87\xe9\xa2\x98\n\n\xe4\xb8\xad\xe6\x96\x87\xff\n",
    )
    .unwrap();
    let out = paiban()
        .arg("convert")
        .args([&missing, &broken])
        .arg("-o")
        .arg(dir.path().join("out"))
        .args(["--to", "docx"])
        .assert()
        .code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    // One line per problem: the reason is not repeated, nor is the file name within it.
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    let missing_line = format!("{}: error: no such file; check the path", missing.display());
    assert!(lines.contains(&missing_line.as_str()), "{stderr}");
    let broken_line = format!("{}:3: error: not valid ", broken.display());
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&broken_line) && l.contains("--encoding")),
        "{stderr}"
    );
    assert_eq!(stderr.matches("no such file").count(), 1, "{stderr}");

    let out = paiban().arg("inspect").arg(&folder).assert().code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("{}: error: ", folder.display())),
        "{stderr}"
    );
    assert!(stderr.contains("give a file"), "{stderr}");
}
