//! Heading and article ids: unique, stable, ASCII-safe (valid XML ids): articles `art-1`,
//! headings `h-1-2-3` (article 1, then the counters of levels 1..=level). Ids given by the
//! Markdown reader are kept; a clash gets a `-2`, `-3`… suffix.

use crate::ast::{Block, Document};
use crate::log::Log;
use std::collections::HashSet;

/// Pass name used in the log.
pub const NAME: &str = "ids";

/// Assigns missing ids.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    let mut used: HashSet<String> = HashSet::new();
    collect(&doc.blocks, &mut used);
    let mut assigned = 0;
    let mut article = 0;
    let mut counters = [0usize; 6];
    for b in &mut doc.blocks {
        match b {
            Block::Article(a) => {
                article += 1;
                if a.id.is_empty() {
                    a.id = unique(format!("art-{article}"), &mut used);
                    assigned += 1;
                }
                let mut c = [0usize; 6];
                let prefix = format!("h-{article}");
                assign(&mut a.body, &prefix, &mut c, &mut used, &mut assigned);
            }
            other => assign(
                std::slice::from_mut(other),
                "h",
                &mut counters,
                &mut used,
                &mut assigned,
            ),
        }
    }
    if assigned > 0 {
        log.change(NAME, 0, format!("{assigned} id(s) assigned"));
    }
    doc
}

fn collect(blocks: &[Block], used: &mut HashSet<String>) {
    for b in blocks {
        match b {
            Block::Article(a) => {
                if !a.id.is_empty() {
                    used.insert(a.id.clone());
                }
                collect(&a.body, used);
            }
            Block::Heading(h) if !h.id.is_empty() => {
                used.insert(h.id.clone());
            }
            Block::Quote(q) => collect(&q.blocks, used),
            Block::List(l) => l.items.iter().for_each(|i| collect(&i.blocks, used)),
            _ => {}
        }
    }
}

fn unique(base: String, used: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut k = 2;
    while used.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    used.insert(id.clone());
    id
}

fn assign(
    blocks: &mut [Block],
    prefix: &str,
    counters: &mut [usize; 6],
    used: &mut HashSet<String>,
    assigned: &mut usize,
) {
    for b in blocks {
        match b {
            Block::Heading(h) => {
                let l = usize::from(h.level.clamp(1, 6));
                counters[l - 1] += 1;
                counters[l..].iter_mut().for_each(|c| *c = 0);
                if h.id.is_empty() {
                    let path: Vec<String> = counters[..l].iter().map(|c| c.to_string()).collect();
                    h.id = unique(format!("{prefix}-{}", path.join("-")), used);
                    *assigned += 1;
                }
            }
            Block::Quote(q) => assign(&mut q.blocks, prefix, counters, used, assigned),
            Block::List(l) => l
                .items
                .iter_mut()
                .for_each(|i| assign(&mut i.blocks, prefix, counters, used, assigned)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Article, Heading, HeadingScale, Inline};

    fn h(level: u8, id: &str) -> Block {
        Block::Heading(Heading {
            level,
            scale: HeadingScale::Numbered(level),
            content: vec![Inline::Text("标题".into())],
            run_in: vec![],
            id: id.into(),
            line: 1,
        })
    }

    fn ids(doc: &Document) -> Vec<String> {
        let mut out = vec![];
        fn go(blocks: &[Block], out: &mut Vec<String>) {
            for b in blocks {
                match b {
                    Block::Article(a) => {
                        out.push(a.id.clone());
                        go(&a.body, out);
                    }
                    Block::Heading(h) => out.push(h.id.clone()),
                    _ => {}
                }
            }
        }
        go(&doc.blocks, &mut out);
        out
    }

    #[test]
    fn hierarchical_ids_per_article() {
        let art = |body| {
            Block::Article(Article {
                title: vec![],
                subtitle: None,
                body,
                bylines: vec![],
                id: String::new(),
                line: 1,
            })
        };
        let doc = Document {
            blocks: vec![
                art(vec![h(1, ""), h(2, ""), h(2, ""), h(1, "")]),
                art(vec![h(1, ""), h(3, "")]),
            ],
            ..Default::default()
        };
        let doc = run(doc, &mut Log::default());
        assert_eq!(
            ids(&doc),
            [
                "art-1",
                "h-1-1",
                "h-1-1-1",
                "h-1-1-2",
                "h-1-2",
                "art-2",
                "h-2-1",
                "h-2-1-0-1"
            ]
        );
    }

    #[test]
    fn given_ids_kept_and_clashes_suffixed() {
        let doc = Document {
            blocks: vec![h(1, "h-2"), h(1, ""), h(1, "")],
            ..Default::default()
        };
        let doc = run(doc, &mut Log::default());
        assert_eq!(ids(&doc), ["h-2", "h-2-2", "h-3"]);
        assert_eq!(run(doc.clone(), &mut Log::default()), doc);
    }
}
