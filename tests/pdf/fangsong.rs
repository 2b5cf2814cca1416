//! T27 for the bundled FangSong face (Zhuque Fangsong): gongwen text it covers is set in it,
//! a character it lacks falls back to Song one character at a time with one W-FONT warning
//! naming it, and the handout style, which has no Fang text, gets no such warning.

use super::support::pdf::stext_lines;
use std::process::Command;

/// Converts `markdown` to PDF with the CLI; returns the glyphs (char, font) and stderr.
fn convert(markdown: &str) -> (Vec<(char, String)>, String) {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("fang.md");
    std::fs::write(&src, markdown).unwrap();
    let pdf = dir.path().join("fang.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .arg("convert")
        .arg(&src)
        .arg("-o")
        .arg(&pdf)
        .output()
        .expect("paiban runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "paiban convert failed: {stderr}");
    let glyphs = stext_lines(&pdf)
        .into_iter()
        .flatten()
        .flat_map(|l| l.glyphs)
        .map(|g| (g.c, g.font))
        .collect();
    (glyphs, stderr)
}

fn font_of(glyphs: &[(char, String)], c: char) -> &str {
    &glyphs
        .iter()
        .find(|(g, _)| *g == c)
        .unwrap_or_else(|| panic!("no '{c}' in the PDF"))
        .1
}

/// 丂 (U+4E02) is in Noto Serif CJK SC but not in Zhuque Fangsong (outside GB 2312).
#[test]
fn t27_fang_fallback_to_song_is_one_w_font_warning() {
    let (glyphs, stderr) =
        convert("---\nstyle: gongwen\n---\n\n正文里有丂字，其余仿宋。\n\n再来一个丂。\n");
    assert!(
        font_of(&glyphs, '正').contains("ZhuqueFangsong"),
        "{glyphs:?}"
    );
    assert!(font_of(&glyphs, '宋').contains("ZhuqueFangsong"));
    assert!(
        font_of(&glyphs, '丂').contains("NotoSerifCJK"),
        "{glyphs:?}"
    );
    assert_eq!(stderr.matches("[W-FONT]").count(), 1, "{stderr}");
    assert!(
        stderr.contains("Zhuque Fangsong lacks 1 character(s) of the fang role (丂)"),
        "{stderr}"
    );
    assert!(!stderr.contains("[W-GLYPH]"), "{stderr}");
}

#[test]
fn t27_handout_text_without_fang_gets_no_fang_warning() {
    let (glyphs, stderr) = convert("正文里有丂字。\n");
    assert!(
        font_of(&glyphs, '正').contains("NotoSerifCJK"),
        "{glyphs:?}"
    );
    assert!(!stderr.contains("[W-FONT]"), "{stderr}");
}
