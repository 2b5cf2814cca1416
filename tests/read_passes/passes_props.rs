//! Property tests: every pass is idempotent and never drops or reorders Han characters, on
//! random paragraphs mixing Han, Latin, digits, ASCII/CJK punctuation, spaces and `**`.

use paiban::ast::{visit_inlines, Block, Document, Inline, Para};
use paiban::log::Log;
use paiban::passes::{self, Pass, PassOptions};
use paiban::text::chars::is_han;
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "中",
    "国",
    "义",
    "乌",
    "经",
    "验",
    "发",
    "展",
    "〇",
    "一",
    "二",
    "十",
    "Rust",
    "AI",
    "e",
    "g",
    "Stay",
    "hungry",
    "2693",
    "3",
    "10",
    "2025",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "(",
    ")",
    "\"",
    "'",
    "-",
    "--",
    "...",
    "~",
    "，",
    "。",
    "、",
    "：",
    "“",
    "”",
    "‘",
    "’",
    "（",
    "）",
    "……",
    "——",
    "…",
    "—",
    "·",
    "•",
    " ",
    "  ",
    "\u{3000}",
    "**",
    "**",
    "一、",
    "(一)",
    "1.",
    "1．",
    "（1）",
    "①",
    "第一章",
    "第二条",
    "- ",
    "https://a.cn/x?a=1,b:2",
    "a@b.cn",
    "吴伟华 ",
    "中共义乌市委党校",
    "ＡＢ１",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..24).prop_map(|v| v.concat())
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    let piece = prop_oneof![
        6 => text().prop_map(Inline::Text),
        1 => text().prop_map(|t| Inline::Strong(vec![Inline::Text(t)])),
        1 => Just(Inline::Code("a,b:c".into())),
        1 => Just(Inline::SoftBreak),
    ];
    prop::collection::vec(piece, 1..5)
}

fn document() -> impl Strategy<Value = Document> {
    prop::collection::vec(inlines(), 1..7).prop_map(|paras| Document {
        blocks: paras
            .into_iter()
            .enumerate()
            .map(|(i, content)| {
                Block::Para(Para {
                    content,
                    line: i * 10 + 1,
                })
            })
            .collect(),
        ..Default::default()
    })
}

fn han_of_inlines(seq: &[Inline], out: &mut String) {
    visit_inlines(seq, &mut |i| {
        if let Inline::Text(t) | Inline::Code(t) = i {
            out.extend(t.chars().filter(|&c| is_han(c)));
        }
    });
}

/// Han characters in reading order (bylines placed by their source line).
fn han(blocks: &[Block], out: &mut String) {
    for b in blocks {
        match b {
            Block::Article(a) => {
                han_of_inlines(&a.title, out);
                if let Some(s) = &a.subtitle {
                    han_of_inlines(s, out);
                }
                let first_body = a.body.first().map(Block::line).unwrap_or(usize::MAX);
                let byline = |out: &mut String, by: &paiban::ast::Byline| {
                    out.extend(
                        by.name
                            .chars()
                            .chain(by.affiliation.chars())
                            .filter(|&c| is_han(c)),
                    )
                };
                for by in a.bylines.iter().filter(|b| b.line < first_body) {
                    byline(out, by);
                }
                han(&a.body, out);
                for by in a.bylines.iter().filter(|b| b.line >= first_body) {
                    byline(out, by);
                }
            }
            Block::Heading(h) => {
                han_of_inlines(&h.content, out);
                han_of_inlines(&h.run_in, out);
            }
            Block::Para(p) => han_of_inlines(&p.content, out),
            _ => {}
        }
    }
}

fn han_string(doc: &Document) -> String {
    let mut s = String::new();
    han(&doc.blocks, &mut s);
    s
}

fn all_passes() -> Vec<(&'static str, Pass)> {
    passes::pipeline(&PassOptions::default())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_pass_is_idempotent(doc in document()) {
        for (name, pass) in all_passes() {
            let once = pass(doc.clone(), &mut Log::default());
            let twice = pass(once.clone(), &mut Log::default());
            prop_assert_eq!(&once, &twice, "pass {} is not idempotent", name);
        }
    }

    #[test]
    fn every_pass_keeps_han_in_order(doc in document()) {
        let before = han_string(&doc);
        for (name, pass) in all_passes() {
            let after = han_string(&pass(doc.clone(), &mut Log::default()));
            prop_assert_eq!(&before, &after, "pass {} changed the Han text", name);
        }
    }

    #[test]
    fn pipeline_keeps_han_in_order(doc in document()) {
        let before = han_string(&doc);
        let after = passes::run(doc, &PassOptions::default(), &mut Log::default());
        prop_assert_eq!(before, han_string(&after));
    }
}
