//! Style files and presets (issue 11 items 1–2): `paiban style --list/--print`, `--style
//! FILE` for `convert` and `inspect --layout`, front-matter `style:`, and their errors.

use crate::support::pdf::stext_lines;
use crate::support::sample_path;
use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::Path;

fn paiban() -> Command {
    Command::cargo_bin("paiban").expect("binary built")
}

/// `paiban style --print NAME`.
fn printed(name: &str) -> String {
    let out = paiban().args(["style", "--print", name]).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The size most of the PDF's Han glyphs are set in: the body size.
fn body_glyph_size(pdf: &Path) -> f32 {
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for line in stext_lines(pdf).iter().flatten() {
        for g in line.ink() {
            if crate::support::pdf::is_han(g.c) {
                *counts.entry((g.size * 100.0).round() as u32).or_default() += 1;
            }
        }
    }
    let (size, _) = counts.iter().max_by_key(|(_, n)| **n).expect("Han glyphs");
    *size as f32 / 100.0
}

/// The acceptance test of issue 11: print the handout preset, change `body-size` to
/// 10.5, convert with it, and the body glyphs are 10.5 pt (12 pt without the file).
#[test]
fn printed_preset_with_a_new_body_size_sets_the_body_at_that_size() {
    let dir = tempfile::tempdir().unwrap();
    let text = printed("handout");
    assert!(text.contains("\nbody-size = 12\n"), "{text}");
    let style = dir.path().join("s.toml");
    std::fs::write(
        &style,
        text.replace("\nbody-size = 12\n", "\nbody-size = 10.5\n"),
    )
    .unwrap();
    let sample = sample_path();
    for (args, want) in [
        (vec![], 12.0),
        (vec!["--style", style.to_str().unwrap()], 10.5),
    ] {
        let pdf = dir.path().join(format!("out-{want}.pdf"));
        paiban()
            .args([
                "convert",
                sample.to_str().unwrap(),
                "-o",
                pdf.to_str().unwrap(),
            ])
            .args(&args)
            .assert()
            .success();
        assert_eq!(body_glyph_size(&pdf), want, "{args:?}");
    }
}

#[test]
fn an_unknown_key_exits_2_naming_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let style = dir.path().join("typo.toml");
    std::fs::write(
        &style,
        "# my style\nextends = \"handout\"\nbody-sise = 10.5\n",
    )
    .unwrap();
    let out = paiban()
        .args(["convert", sample_path().to_str().unwrap(), "--style"])
        .arg(&style)
        .arg("-o")
        .arg(dir.path().join("out.pdf"))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let want = format!(
        "{}:3: unknown key 'body-sise' (did you mean 'body-size'?)",
        style.display()
    );
    assert!(stderr.contains(&want), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!dir.path().join("out.pdf").exists());
}

#[test]
fn a_bad_value_exits_2_naming_the_key_and_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let style = dir.path().join("bad.toml");
    std::fs::write(&style, "body-size = \"大四\"\n").unwrap();
    let out = paiban()
        .args([
            "inspect",
            sample_path().to_str().unwrap(),
            "--layout",
            "--style",
        ])
        .arg(&style)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains(
            ":1: body-size: '大四' is not a size: points (12, \"12pt\") or a Chinese size name"
        ),
        "{stderr}"
    );
    std::fs::write(&style, "[[headings]]\n").unwrap();
    let out = paiban()
        .args([
            "inspect",
            sample_path().to_str().unwrap(),
            "--layout",
            "--style",
        ])
        .arg(&style)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains(":1: missing field `font`"), "{stderr}");
}

#[test]
fn style_list_names_every_preset_with_a_description() {
    let out = paiban().args(["style", "--list"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(names, ["handout", "gongwen", "book", "ebook"]);
    assert!(
        text.lines().all(|l| l.split_whitespace().count() > 3),
        "{text}"
    );
    paiban()
        .args(["style", "--print", "nonesuch"])
        .assert()
        .code(2);
    paiban().args(["style"]).assert().code(2);
}

/// The printed preset, used as a style file, lays the sample out exactly as the preset
/// does; `inspect --layout` follows `--style` (it ignored it before).
#[test]
fn inspect_layout_follows_style_and_the_printed_preset_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let style = dir.path().join("h.toml");
    std::fs::write(&style, printed("handout")).unwrap();
    let layout = |args: &[&str]| {
        let out = paiban()
            .args(["inspect", sample_path().to_str().unwrap(), "--layout"])
            .args(args)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let default = layout(&[]);
    assert_eq!(layout(&["--style", style.to_str().unwrap()]), default);
    assert_eq!(layout(&["--style", "handout"]), default);
    std::fs::write(&style, "margin-left = \"40mm\"\n").unwrap();
    assert_ne!(layout(&["--style", style.to_str().unwrap()]), default);
}

/// Front-matter `style:` names a file beside the document; a bad one fails that document
/// only (exit 1, one line naming it) and the rest of the batch converts.
#[test]
fn front_matter_style_is_read_beside_the_document_and_fails_only_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("small.toml"), "body-size = \"五号\"\n").unwrap();
    let body = "正文第一段，用来检查字号是否随样式文件改变。".repeat(8);
    std::fs::write(
        docs.join("good.md"),
        format!("---\ntitle: 好\nstyle: small.toml\n---\n\n{body}\n"),
    )
    .unwrap();
    std::fs::write(
        docs.join("bad.md"),
        format!("---\ntitle: 坏\nstyle: missing.toml\n---\n\n{body}\n"),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = paiban()
        .arg("convert")
        .arg(&docs)
        .arg("-o")
        .arg(&out_dir)
        .args(["--to", "pdf"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let bad: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("missing.toml"))
        .collect();
    assert_eq!(bad.len(), 1, "{stderr}");
    assert!(
        bad[0].contains("bad.md") && bad[0].contains("front-matter style"),
        "{stderr}"
    );
    assert_eq!(body_glyph_size(&out_dir.join("good.pdf")), 10.5);
    assert!(!out_dir.join("bad.pdf").exists());
}
