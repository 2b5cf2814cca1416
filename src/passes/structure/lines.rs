//! Splits paragraphs at lines that start structure, before T1 joins the lines: a line
//! starting with a T21 number (`（一）示例…` inside `第二条 …：`), a byline, and the line
//! after a short numbered heading (`1. 标题⏎正文`). Unnumbered short lines are not split
//! off: in hard-wrapped text every line is short and unpunctuated.
//!
//! [`run_articles`] is the part every input gets, Markdown included: a line that opens a
//! statute provision (`第二条　…`, `**第二条** …`; T22) starts its own paragraph, so
//! provisions pasted without blank lines between them are not joined into one.

use super::gaps::heading_like;
use super::{bylines, numbering, outline};
use crate::ast::{map_blocks, Block, Document, Inline, Para};
use crate::log::Log;
use crate::passes::flat;

/// Pass name used in the log.
pub const NAME: &str = "lines";

/// Pass name of [`run_articles`] in the log.
pub const ARTICLES_NAME: &str = "article-lines";

/// A rule saying whether to split before a line: the previous line's text, this line's
/// text and inlines.
type SplitRule = fn(&str, &str, &[Inline]) -> bool;

/// Splits paragraphs at structural lines.
pub fn run(doc: Document, log: &mut Log) -> Document {
    split_all(doc, split_before, NAME, log)
}

/// Splits paragraphs before each line that opens a statute provision (T22), for every
/// input: the same test `outline` uses to run the article number in (`第X条` and a gap, or
/// the marker in bold), so `第三条的规定` at a line start stays text.
pub fn run_articles(doc: Document, log: &mut Log) -> Document {
    split_all(
        doc,
        |_, _, line| outline::provision(line).is_some(),
        ARTICLES_NAME,
        log,
    )
}

fn split_all(mut doc: Document, rule: SplitRule, name: &'static str, log: &mut Log) -> Document {
    map_blocks(&mut doc, &mut |blocks| {
        let mut out = Vec::with_capacity(blocks.len());
        for b in blocks {
            match b {
                Block::Para(p) => split(p, rule, name, &mut out, log),
                other => out.push(other),
            }
        }
        out
    });
    doc
}

fn split_before(prev: &str, this: &str, _: &[Inline]) -> bool {
    numbering::parse(this).is_some()
        || bylines::parse(this).is_some()
        || bylines::parse(prev).is_some()
        || (numbering::parse(prev).is_some() && heading_like(prev))
}

fn split(p: Para, rule: SplitRule, name: &'static str, out: &mut Vec<Block>, log: &mut Log) {
    let lines = flat::lines(&p.content);
    if lines.len() < 2 {
        out.push(Block::Para(p));
        return;
    }
    let texts: Vec<String> = lines.iter().map(|l| flat::plain(l)).collect();
    // The break that ended each line, kept where no split is made (a hard break stays
    // hard: `第一行<br>第二行`).
    let breaks: Vec<Inline> = p
        .content
        .iter()
        .filter(|i| matches!(i, Inline::SoftBreak | Inline::LineBreak))
        .cloned()
        .collect();
    let mut groups: Vec<(usize, Vec<Inline>)> = vec![(0, Vec::new())];
    for (j, line) in lines.into_iter().enumerate() {
        if j > 0 && rule(&texts[j - 1], &texts[j], &line) {
            groups.push((j, Vec::new()));
        } else if j > 0 {
            groups
                .last_mut()
                .expect("never empty")
                .1
                .push(breaks[j - 1].clone());
        }
        groups.last_mut().expect("never empty").1.extend(line);
    }
    if groups.len() > 1 {
        log.change(
            name,
            p.line,
            format!("paragraph split into {} at structural lines", groups.len()),
        );
    }
    out.extend(groups.into_iter().map(|(j, content)| {
        Block::Para(Para {
            content,
            line: p.line + j,
        })
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn go(content: Vec<Inline>) -> Vec<Vec<Inline>> {
        let doc = Document {
            blocks: vec![Block::Para(Para { content, line: 5 })],
            ..Default::default()
        };
        run(doc, &mut Log::default())
            .blocks
            .into_iter()
            .map(|b| match b {
                Block::Para(p) => p.content,
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn numbered_items_split() {
        let got = go(vec![
            t("第二条 本条例适用于下列活动:"),
            Inline::SoftBreak,
            t("(一)示例的编写;"),
            Inline::SoftBreak,
            t("(二)示例的审查。"),
        ]);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], vec![t("(一)示例的编写;")]);
    }

    #[test]
    fn numbered_heading_then_body_split() {
        let got = go(vec![t("1. 标题"), Inline::SoftBreak, t("正文很长。")]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn wrapped_text_kept() {
        let seq = vec![
            t("这是一段被硬换行的文字"),
            Inline::SoftBreak,
            t("继续写下去"),
        ];
        assert_eq!(go(seq.clone()), vec![seq]);
    }
}
