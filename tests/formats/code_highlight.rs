//! Highlighted code in all three backends (syntect, the style's light theme), its
//! background, the continuation mark of a wrapped line (PDF), and T26: the code's bytes
//! survive highlighting and wrapping; a block without a language is plain.

use super::blocks_common::{coloured_glyphs, convert};
use crate::support::pdf::{stext_lines, temp_pdf};
use crate::support::{unzip_text, zip_part};
use paiban::ast::{Block, CodeBlock, Document};
use paiban::layout::page::ItemKind;

#[test]
fn code_pdf_glyphs_have_several_colours() {
    let (_dir, path) = temp_pdf(&convert("pdf"), "blocks.pdf");
    let glyphs = coloured_glyphs(&path);
    let mut colours: Vec<&str> = glyphs
        .iter()
        .filter(|g| g.font.contains("Mono") && !g.c.is_whitespace())
        .map(|g| g.colour.as_str())
        .collect();
    colours.sort();
    colours.dedup();
    assert!(colours.len() >= 3, "highlighted code: {colours:?}");
}

#[test]
fn code_plain_block_is_black_and_body_text_stays_black() {
    let (_dir, path) = temp_pdf(&convert("pdf"), "blocks.pdf");
    let glyphs = coloured_glyphs(&path);
    let text: String = glyphs.iter().map(|g| g.c).collect();
    let at = text.find("plain text block").expect("plain code block");
    let n = "plain text block".chars().count();
    let start = text[..at].chars().count();
    assert!(
        glyphs[start..start + n]
            .iter()
            .all(|g| g.colour == "#000000"),
        "no language, no highlighting"
    );
    // Text outside code is black (the Han of the code comment 注释 is code, set in the
    // fallback face, and keeps the comment's colour).
    assert!(glyphs
        .iter()
        .filter(|g| !g.font.contains("Mono") && !"注释".contains(g.c))
        .all(|g| g.colour == "#000000"));
}

#[test]
fn code_t26_wrapped_line_keeps_its_bytes_and_hangs_after_the_mark() {
    let (_dir, path) = temp_pdf(&convert("pdf"), "blocks.pdf");
    let lines: Vec<_> = stext_lines(&path).into_iter().flatten().collect();
    let i = lines
        .iter()
        .position(|l| l.text().contains("println!"))
        .unwrap();
    let (first, cont) = (&lines[i], &lines[i + 1]);
    let joined = format!("{}{}", first.text().trim(), cont.text().trim());
    assert!(
        joined.contains("let very_long_variable_name_to_force_wrap")
            && joined.contains("some_function_call(argument_one"),
        "{joined}"
    );
    // No mark in the text: the hook is drawn, not set.
    assert!(!joined.contains('↪') && !joined.contains('↳'));
    // The continuation hangs two cells further in than the line's own indent.
    let cell = first.ink()[1].x - first.ink()[0].x;
    let dx = cont.ink()[0].x - first.ink()[0].x;
    assert!((dx - 2.0 * cell).abs() < 0.5, "{dx} vs {cell}");
}

#[test]
fn code_continuation_mark_and_background_are_drawn() {
    let line = format!("let x = {};", "value_plus_more + ".repeat(12));
    let doc = Document {
        blocks: vec![Block::Code(CodeBlock {
            lang: Some("rust".into()),
            text: format!("{line}\nlet y = 1;"),
            line: 1,
        })],
        ..Default::default()
    };
    let (layout, _) = crate::support::layout::run(&doc);
    let shades: Vec<[u8; 3]> = layout.pages[0]
        .items
        .iter()
        .filter_map(|it| match it.kind {
            ItemKind::Shade { rgb, .. } => Some(rgb),
            _ => None,
        })
        .collect();
    assert!(
        shades.contains(&[0xF6, 0xF8, 0xFA]),
        "background: {shades:?}"
    );
    let marks = shades.iter().filter(|c| **c == [0x88, 0x88, 0x88]).count();
    assert!(marks >= 3, "one hook per continuation line: {marks}");
}

#[test]
fn code_epub_spans_and_docx_runs_have_colours() {
    let files = unzip_text(&convert("epub"));
    let page = files
        .iter()
        .find(|(k, _)| k.ends_with("c001.xhtml"))
        .map(|(_, v)| v.clone())
        .unwrap();
    let spans = page.matches("<span style=\"color:#").count();
    assert!(spans >= 5, "{spans} coloured spans");
    assert!(
        page.contains("<code><span class=\"cl\">plain text block without a language</span></code>")
    );
    let css = files
        .iter()
        .find(|(k, _)| k.ends_with(".css"))
        .map(|(_, v)| v.clone())
        .unwrap();
    assert!(css.contains("pre{background:#F6F8FA;padding:0.5em}"));
    let doc = zip_part(&convert("docx"), "word/document.xml");
    let mut colours: Vec<&str> = doc
        .match_indices("<w:color w:val=\"")
        .map(|(i, _)| &doc[i + 16..i + 22])
        .collect();
    colours.sort();
    colours.dedup();
    assert!(colours.len() >= 3, "{colours:?}");
    assert!(doc.contains("w:fill=\"F6F8FA\""), "code background");
}
