//! Issue 10 gap e: Markdown statutes pasted without blank lines between provisions. Each
//! line opening `第X条` (with its gap, or the marker in bold) starts its own paragraph and
//! is run in as an article (T22); `第三条的规定` at a line start stays text.

use crate::support::load_markdown;
use paiban::ast::{plain_text, visit_blocks, Block, Document, Heading, HeadingScale};
use std::path::Path;

/// A Markdown text through the real pipeline (structure inference off, the default).
fn md(text: &str) -> Document {
    load_markdown(text, Path::new("t.md"))
}

/// Article headings (run-in text) and paragraphs, in order.
fn outline(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    visit_blocks(doc, &mut |b| match b {
        Block::Heading(Heading {
            scale: HeadingScale::Article,
            content,
            run_in,
            ..
        }) => out.push(format!("条 {}|{}", plain_text(content), plain_text(run_in))),
        Block::Para(p) => out.push(format!("段 {}", plain_text(&p.content))),
        _ => {}
    });
    out
}

#[test]
fn consecutive_article_lines_are_separate_provisions() {
    let doc = md("# 某某法\n\n## 第一章 总则\n\n\
         第一条 为了规范数据处理活动，制定本法。\n\
         第二条 在境内开展数据处理活动，适用本法。\n\
         **第三条** 本法所称数据，是指对信息的记录。\n");
    let got = outline(&doc);
    let articles: Vec<&String> = got.iter().filter(|s| s.starts_with('条')).collect();
    assert_eq!(articles.len(), 3, "{got:#?}");
    assert!(articles[0].contains("第一条") && articles[0].contains("制定本法。"));
    assert!(articles[1].contains("第二条") && articles[1].contains("适用本法。"));
    assert!(articles[2].contains("第三条") && articles[2].contains("记录。"));
    // No provision swallowed the next one.
    assert!(!articles[0].contains("第二条"), "{got:#?}");
    assert!(!articles[1].contains("第三条"), "{got:#?}");
}

#[test]
fn a_line_starting_with_an_article_reference_is_not_split() {
    let doc = md("有关事项依照本法\n第三条的规定办理，不再另行规定。\n");
    let got = outline(&doc);
    assert_eq!(
        got,
        vec!["段 有关事项依照本法第三条的规定办理，不再另行规定。".to_string()]
    );
}

#[test]
fn a_hard_break_in_a_paragraph_without_provisions_stays_hard() {
    let doc = md("第一行<br>第二行\n");
    let Some(Block::Para(p)) = doc.blocks.first() else {
        panic!("{:?}", doc.blocks)
    };
    assert!(
        p.content.contains(&paiban::ast::Inline::LineBreak),
        "{:?}",
        p.content
    );
}
