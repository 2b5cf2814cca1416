//! Issue 10 items 1 and 2 on the AST: the title and subtitle of a Markdown document come
//! from its leading headings, levels are renumbered from the shallowest depth used (or
//! forced), numbered headings keep their T21 scale, statutes are recognised (T21/T22).

use crate::support::fixture;
use paiban::ast::{plain_text, Block, Document, Heading, HeadingScale};
use paiban::log::Log;
use paiban::passes::{self, structure::outline, PassOptions};
use paiban::pipeline;
use paiban::read::{read_bytes, InputFormat, ReadOptions};
use std::path::Path;

/// A Markdown text through the real pipeline (structure inference off, the default).
fn md(text: &str, top: Option<u8>) -> Document {
    let read = ReadOptions {
        top_level_heading: top,
        ..ReadOptions::default()
    };
    let mut log = Log::default();
    pipeline::load_bytes(
        text.as_bytes(),
        Path::new("t.md"),
        InputFormat::Markdown,
        &read,
        true,
        None,
        &mut log,
    )
    .expect("reads")
}

fn file(name: &str) -> Document {
    crate::support::load(&fixture(&format!("headings/{name}")))
}

/// Every heading: (level, scale, text, run-in text).
fn headings(doc: &Document) -> Vec<(u8, HeadingScale, String, String)> {
    let mut out = Vec::new();
    paiban::ast::visit_blocks(doc, &mut |b| {
        if let Block::Heading(Heading {
            level,
            scale,
            content,
            run_in,
            ..
        }) = b
        {
            out.push((*level, *scale, plain_text(content), plain_text(run_in)));
        }
    });
    out
}

fn levels(doc: &Document) -> Vec<(u8, String)> {
    headings(doc)
        .into_iter()
        .map(|(l, _, t, _)| (l, t))
        .collect()
}

#[test]
fn leading_heading_is_the_title_and_the_next_the_subtitle() {
    let doc = file("book.md");
    let facts = doc.resolved_meta();
    assert_eq!(facts.title, "Rust 程序设计入门");
    assert_eq!(facts.subtitle.as_deref(), Some("写给初学者的十二讲"));
    let a = doc.articles().next().expect("the title makes an article");
    assert_eq!(plain_text(&a.title), "Rust 程序设计入门");
    // `###` is the shallowest depth after the title: it is level 1.
    let l = levels(&doc);
    assert_eq!(l[0], (1, "安装工具链".to_string()));
    assert_eq!(l[1], (2, "选择版本".to_string()));
    assert_eq!(l[2], (3, "夜间版".to_string()));
    assert_eq!(l[3], (4, "更深一层".to_string()));
    assert_eq!(l[4], (1, "编写第一个程序".to_string()));
    assert!(headings(&doc)
        .iter()
        .all(|(_, s, _, _)| *s == HeadingScale::Unnumbered));
}

#[test]
fn a_heading_with_siblings_is_no_title() {
    let doc = file("sections.md");
    assert!(doc.articles().next().is_none());
    assert_eq!(
        doc.resolved_meta().title,
        "安装",
        "the first heading, as before"
    );
    assert_eq!(
        levels(&doc),
        [
            (1, "安装".to_string()),
            (1, "使用".to_string()),
            (3, "细节".to_string())
        ],
        "## is level 1; the skipped ### stays skipped"
    );
}

#[test]
fn chapter_file_with_one_level_two_heading() {
    let doc = file("chapter.md");
    let facts = doc.resolved_meta();
    assert_eq!(facts.title, "第三章　变量与可变性");
    assert_eq!(facts.subtitle, None, "text follows the title: no subtitle");
    assert_eq!(
        levels(&doc),
        [
            (1, "常量".to_string()),
            (2, "遮蔽".to_string()),
            (1, "数据类型".to_string())
        ]
    );
}

#[test]
fn subtitle_only_when_it_stands_alone_at_its_level() {
    let doc = md(
        "# 书名\n\n## 第一部分\n\n正文。\n\n## 第二部分\n\n正文。\n",
        None,
    );
    assert_eq!(doc.resolved_meta().title, "书名");
    assert_eq!(doc.resolved_meta().subtitle, None);
    assert_eq!(levels(&doc).len(), 2);
}

#[test]
fn front_matter_title_wins_and_a_repeating_heading_goes() {
    let doc = md(
        "---\ntitle: 书名\n---\n\n# 书名\n\n## 一节\n\n正文。\n",
        None,
    );
    assert!(doc.articles().next().is_none());
    assert_eq!(doc.resolved_meta().title, "书名");
    assert_eq!(levels(&doc), [(1, "一节".to_string())]);
    let doc = md(
        "---\ntitle: 书名\n---\n\n# 别的标题\n\n## 一节\n\n正文。\n",
        None,
    );
    assert_eq!(doc.resolved_meta().title, "书名");
    assert_eq!(
        levels(&doc),
        [(1, "别的标题".to_string()), (2, "一节".to_string())]
    );
}

#[test]
fn top_level_heading_forces_the_shift() {
    let text = "# 书名\n\n### 甲\n\n正文。\n\n#### 乙\n\n正文。\n\n### 丙\n";
    assert_eq!(levels(&md(text, None))[0], (1, "甲".to_string()));
    let forced = md(text, Some(2));
    assert_eq!(
        levels(&forced),
        [
            (2, "甲".to_string()),
            (3, "乙".to_string()),
            (2, "丙".to_string())
        ]
    );
    assert_eq!(
        forced.resolved_meta().title,
        "书名",
        "the title is still found"
    );
    // Depths above the forced top are kept at level 1.
    assert_eq!(levels(&md(text, Some(4)))[0], (1, "甲".to_string()));
}

#[test]
fn numbered_markdown_headings_keep_their_t21_scale() {
    let doc = file("numbered.md");
    assert_eq!(doc.resolved_meta().title, "关于加强学习的通知");
    let h = headings(&doc);
    assert_eq!(
        h[0].1,
        HeadingScale::Numbered(1),
        "一、 is the T23 L1 style"
    );
    assert_eq!(h[1].1, HeadingScale::Numbered(2), "（一） the L2 style");
    assert_eq!(h[1].2, "（一）主要目标", "T21: the marker normalised");
    assert_eq!(h[2].1, HeadingScale::Numbered(2));
    assert_eq!((h[3].0, h[3].1), (1, HeadingScale::Numbered(1)));
}

#[test]
fn statute_markdown_divisions_and_articles() {
    let doc = file("statute.md");
    assert_eq!(doc.resolved_meta().title, "中华人民共和国示例管理条例");
    let h = headings(&doc);
    let row = |i: usize| (h[i].0, h[i].1, h[i].2.as_str(), h[i].3.as_str());
    assert_eq!(
        row(0),
        (1, HeadingScale::Division(1), "第一章\u{3000}总则", ""),
        "the repeated title heading went; chapters rank first among divisions"
    );
    assert_eq!(
        row(1),
        (
            2,
            HeadingScale::Article,
            "第一条\u{3000}",
            "为了规范示例管理活动，保障各方合法权益，根据有关法律，制定本条例。"
        ),
        "T21/T22: the article number run in, with its 1 em gap"
    );
    assert_eq!(
        (row(2).1, row(2).2),
        (HeadingScale::Article, "第二条\u{3000}"),
        "a bold marker counts too; the bold goes (the scale sets the face)"
    );
    assert_eq!(
        row(4),
        (2, HeadingScale::Division(2), "第一节\u{3000}一般规定", "")
    );
    assert_eq!((row(5).0, row(5).1), (3, HeadingScale::Article));
    let paras: Vec<String> = {
        let mut v = Vec::new();
        paiban::ast::visit_blocks(&doc, &mut |b| {
            if let Block::Para(p) = b {
                v.push(plain_text(&p.content));
            }
        });
        v
    };
    assert!(
        paras.iter().any(|p| p.starts_with("第一条路")),
        "`第一条路` without a gap is text: {paras:?}"
    );
}

#[test]
fn markdown_heading_gaps_between_han_are_deliberate() {
    // As in plain text (T21/T23): `总 则` is one word spaced out, printed with a U+3000 gap.
    let doc = md(
        "# 某某法\n\n## 第一章 总 则\n\n第一条　正文。\n\n## 第二章 附 则\n",
        None,
    );
    assert_eq!(levels(&doc)[0].1, "第一章\u{3000}总\u{3000}则");
}

#[test]
fn plain_text_statutes_get_the_same_scales() {
    let doc = crate::support::load(&fixture("passes/law.txt"));
    let h = headings(&doc);
    assert_eq!(h[0].1, HeadingScale::Division(1), "第一章");
    assert_eq!(
        (h[1].1, h[1].2.as_str()),
        (HeadingScale::Article, "第一条\u{3000}")
    );
    let jie = h
        .iter()
        .find(|x| x.2.starts_with("第一节"))
        .expect("第一节");
    assert_eq!(jie.1, HeadingScale::Division(2));
}

#[test]
fn outline_pass_is_idempotent_and_keeps_plain_text_alone() {
    let doc = read_bytes(
        include_bytes!("../fixtures/headings/statute.md"),
        Path::new("statute.md"),
        InputFormat::Markdown,
        None,
    )
    .expect("reads");
    let once = outline::run(doc, &mut Log::default());
    let twice = outline::run(once.clone(), &mut Log::default());
    assert_eq!(once, twice);
    // Plain text has no headings before `structure`: the sample is untouched by it.
    let sample = read_bytes(
        &std::fs::read(crate::support::sample_path()).unwrap(),
        &crate::support::sample_path(),
        InputFormat::Text,
        None,
    )
    .unwrap();
    assert_eq!(outline::run(sample.clone(), &mut Log::default()), sample);
    let names: Vec<&str> = passes::pipeline(&PassOptions::default())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert!(at("repair") < at("outline") && at("outline") < at("structure"));
}
