//! Markdown reader: AST snapshot of a feature fixture, T6 CJK emphasis, code byte-identity.

use crate::support::in_snapshot_folder;
use paiban::ast::{visit_blocks, Block, Document, Inline};
use paiban::read::{read_bytes, read_file, InputFormat, ReadOptions};
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    crate::support::fixture("read/features.md")
}

fn md(src: &str) -> Document {
    read_bytes(
        src.as_bytes(),
        Path::new("t.md"),
        InputFormat::Markdown,
        None,
    )
    .unwrap()
}

fn para(doc: &Document) -> Vec<Inline> {
    match &doc.blocks[0] {
        Block::Para(p) => p.content.clone(),
        other => panic!("not a paragraph: {other:?}"),
    }
}

fn t(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn strong(s: &str) -> Inline {
    Inline::Strong(vec![t(s)])
}

#[test]
fn features_snapshot() {
    let path = fixture();
    let mut doc = read_file(&path, &ReadOptions::default()).unwrap();
    assert_eq!(doc.meta.source.as_deref(), Some(path.as_path()));
    // The absolute path differs between machines; the snapshot shows the file name only.
    doc.meta.source = Some(PathBuf::from("features.md"));
    in_snapshot_folder(|| insta::assert_json_snapshot!("features_md_ast", doc));
}

#[test]
fn t6_cjk_emphasis_cases_give_strong() {
    assert_eq!(
        para(&md("这是**“重点”**内容\n")),
        vec![t("这是"), strong("“重点”"), t("内容")]
    );
    assert_eq!(
        para(&md("不如人意的**《李茶的姑妈》**已经\n")),
        vec![t("不如人意的"), strong("《李茶的姑妈》"), t("已经")]
    );
    assert_eq!(para(&md("**真。**她\n")), vec![strong("真。"), t("她")]);
    assert_eq!(
        para(&md("**〔註釈〕**です\n")),
        vec![strong("〔註釈〕"), t("です")]
    );
    assert_eq!(
        para(&md("a**「b」**c\n")),
        vec![t("a"), strong("「b」"), t("c")]
    );
    assert_eq!(para(&md("**。**\n")), vec![strong("。")]);
}

#[test]
fn t6_several_spans_in_one_paragraph() {
    // pulldown-cmark alone pairs the middle runs here (`<strong>内容，…的</strong>`).
    assert_eq!(
        para(&md(
            "这是**“重点”**内容，不如人意的**《李茶的姑妈》**已经\n"
        )),
        vec![
            t("这是"),
            strong("“重点”"),
            t("内容，不如人意的"),
            strong("《李茶的姑妈》"),
            t("已经")
        ]
    );
}

#[test]
fn t6_never_touches_code_or_escapes() {
    assert_eq!(
        para(&md("甲`**“乙”**`丙\\*\\*“丁”\\*\\*戊\n")),
        vec![t("甲"), Inline::Code("**“乙”**".into()), t("丙**“丁”**戊")]
    );
    // Unmatched runs stay literal for the stray-markup pass.
    assert_eq!(para(&md("跃升**\n")), vec![t("跃升**")]);
}

#[test]
fn latin_emphasis_is_plain_commonmark() {
    let doc = md("*a* **b** ***c*** *d **e** f* _g_ __h__ a*b*c 2*3*4\n");
    assert_eq!(
        para(&doc),
        vec![
            Inline::Emph(vec![t("a")]),
            t(" "),
            strong("b"),
            t(" "),
            Inline::Emph(vec![strong("c")]),
            t(" "),
            Inline::Emph(vec![t("d "), strong("e"), t(" f")]),
            t(" "),
            Inline::Emph(vec![t("g")]),
            t(" "),
            strong("h"),
            t(" a"),
            Inline::Emph(vec![t("b")]),
            t("c 2"),
            Inline::Emph(vec![t("3")]),
            t("4"),
        ]
    );
}

#[test]
fn code_blocks_are_byte_identical() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let doc = md(&src);
    let mut codes = Vec::new();
    visit_blocks(&doc, &mut |b| {
        if let Block::Code(c) = b {
            codes.push(c.clone());
        }
    });
    assert_eq!(codes.len(), 2);
    let fenced = "fn main() {\n\tprintln!(\"{}\", \"a,b:c\");   // tab and spaces kept\n\n}";
    assert!(src.contains(fenced));
    assert_eq!(codes[0].text, fenced);
    assert_eq!(codes[0].lang.as_deref(), Some("rust"));
    assert_eq!(codes[1].text, "indented code\nsecond line");
    assert_eq!(codes[1].lang, None);
}

#[test]
fn line_numbers_count_front_matter() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    let doc = md(&src);
    let line_of = |needle: &str| src.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let mut seen = Vec::new();
    visit_blocks(&doc, &mut |b| seen.push((b.line(), b.clone())));
    let heading = seen
        .iter()
        .find(|(_, b)| matches!(b, Block::Heading(h) if h.id == "top"))
        .unwrap();
    assert_eq!(heading.0, line_of("# 一级标题"));
    let table = seen
        .iter()
        .find(|(_, b)| matches!(b, Block::Table(_)))
        .unwrap();
    assert_eq!(table.0, line_of("| 名称 |"));
    let rule = seen
        .iter()
        .find(|(_, b)| matches!(b, Block::Rule(_)))
        .unwrap();
    assert_eq!(
        rule.0,
        src.lines()
            .collect::<Vec<_>>()
            .iter()
            .rposition(|l| *l == "---")
            .unwrap()
            + 1
    );
    assert_eq!(doc.notes[0].line, line_of("[^n1]:"));
}

#[test]
fn crlf_markdown_equals_lf() {
    let src = std::fs::read_to_string(fixture()).unwrap();
    assert_eq!(md(&src.replace('\n', "\r\n")), md(&src));
}

/// Every Han character of paragraphs, headings, table cells and code blocks, in order.
fn han_of(doc: &Document) -> String {
    let mut all = String::new();
    visit_blocks(doc, &mut |b| match b {
        Block::Para(p) => all.push_str(&paiban::ast::plain_text(&p.content)),
        Block::Heading(h) => all.push_str(&paiban::ast::plain_text(&h.content)),
        Block::Code(c) => all.push_str(&c.text),
        Block::Table(t) => {
            for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                all.push_str(&paiban::ast::plain_text(cell));
            }
        }
        _ => {}
    });
    all.chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect()
}

proptest::proptest! {
    /// T6 pairing never panics and never loses or reorders text, whatever the `*` layout.
    #[test]
    fn emphasis_pass_keeps_all_han(s in "([甲乙丙]|[“”《》。，*_` \\\\\na]){0,120}") {
        // A fence's info string is a language name, not text.
        proptest::prop_assume!(!s.contains("```"));
        let doc = md(&s);
        let expected: String = s.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect();
        proptest::prop_assert_eq!(han_of(&doc), expected);
    }
}

/// pulldown-cmark's own emphasis, as `<em>`/`<strong>` markup (None if not one paragraph).
fn pulldown_markup(src: &str) -> Option<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    for event in Parser::new(src) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Emphasis) => out.push_str("<em>"),
            Event::End(TagEnd::Emphasis) => out.push_str("</em>"),
            Event::Start(Tag::Strong) => out.push_str("<strong>"),
            Event::End(TagEnd::Strong) => out.push_str("</strong>"),
            Event::Text(t) => out.push_str(&t),
            Event::SoftBreak => out.push('\n'),
            _ => return None,
        }
    }
    Some(out)
}

fn our_markup(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::SoftBreak => out.push('\n'),
            Inline::Emph(c) => {
                out.push_str("<em>");
                our_markup(c, out);
                out.push_str("</em>");
            }
            Inline::Strong(c) => {
                out.push_str("<strong>");
                our_markup(c, out);
                out.push_str("</strong>");
            }
            other => panic!("unexpected inline {other:?}"),
        }
    }
}

proptest::proptest! {
    /// Without CJK, the T6 re-pairing of `*` runs gives exactly CommonMark's emphasis.
    #[test]
    fn emphasis_without_cjk_matches_commonmark(s in "[ab*_. ,\n]{1,40}") {
        let Some(expected) = pulldown_markup(&s) else {
            return Ok(());
        };
        let doc = md(&s);
        if doc.blocks.len() != 1 {
            return Ok(()); // blank input
        }
        let mut ours = String::new();
        our_markup(&para(&doc), &mut ours);
        proptest::prop_assert_eq!(ours, expected);
    }
}

/// Deepest block nesting (quotes, list items) and inline nesting (emphasis, links) of a
/// document, counted without recursion.
fn depths(doc: &Document) -> (usize, usize) {
    let (mut blocks, mut inlines) = (0, 0);
    let mut stack: Vec<(&Block, usize)> = doc.blocks.iter().map(|b| (b, 1)).collect();
    let mut inline_stack: Vec<(&Inline, usize)> = Vec::new();
    while let Some((b, d)) = stack.pop() {
        blocks = blocks.max(d);
        match b {
            Block::Quote(q) => stack.extend(q.blocks.iter().map(|c| (c, d + 1))),
            Block::List(l) => {
                for item in &l.items {
                    stack.extend(item.blocks.iter().map(|c| (c, d + 1)));
                }
            }
            Block::Para(p) => inline_stack.extend(p.content.iter().map(|i| (i, 1))),
            _ => {}
        }
    }
    while let Some((i, d)) = inline_stack.pop() {
        inlines = inlines.max(d);
        match i {
            Inline::Strong(c) | Inline::Emph(c) | Inline::Strike(c) => {
                inline_stack.extend(c.iter().map(|x| (x, d + 1)))
            }
            Inline::Link(l) => inline_stack.extend(l.content.iter().map(|x| (x, d + 1))),
            _ => {}
        }
    }
    (blocks, inlines)
}

/// Issue 9 case 1: pulldown-cmark itself reads these iteratively; the AST builder keeps
/// at most `MAX_NESTING` levels (this runs on a test thread's 2 MB stack), keeps the text,
/// and says so once, at the first too-deep line.
#[test]
fn deep_nesting_is_flattened_at_max_nesting_and_keeps_the_text() {
    use paiban::log::Log;
    use paiban::read::{read_bytes_logged, MAX_NESTING};
    let cases = [
        format!("开头。\n\n{}深\n", "- ".repeat(5000)),
        format!("开头。\n\n{}深\n", "> ".repeat(5000)),
        format!("开头。\n\n{}深{}\n", "*".repeat(30000), "*".repeat(30000)),
        format!("开头。\n\n{}深{}\n", "_".repeat(3000), "_".repeat(3000)),
    ];
    for src in &cases {
        let mut log = Log::default();
        let doc = read_bytes_logged(
            src.as_bytes(),
            Path::new("t.md"),
            InputFormat::Markdown,
            None,
            &mut log,
        )
        .unwrap();
        let (blocks, inlines) = depths(&doc);
        assert!(blocks <= MAX_NESTING + 2, "{blocks} block levels");
        assert!(inlines <= 2 * MAX_NESTING + 1, "{inlines} inline levels");
        let mut text = String::new();
        visit_blocks(&doc, &mut |b| {
            if let Block::Para(p) = b {
                text.push_str(&paiban::ast::plain_text(&p.content));
            }
        });
        assert!(text.contains('深'), "text lost: {src:.40}");
        let warnings: Vec<_> = log.warnings().collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].source, "W-DEPTH");
        assert_eq!(warnings[0].line, 3, "{warnings:?}");
    }
}
