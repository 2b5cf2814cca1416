//! Structure inference for plain text (T21–T23): articles with title, subtitle and
//! bylines; numbered and unnumbered headings with levels; document metadata. `outline`
//! gives Markdown headings the same facts (title, levels, T21 scales, statutes).
//!
//! Runs before the punctuation pass so that the deliberate gap in `“义乌发展经验” 加快`
//! is still there to be kept as U+3000 (T5 would delete a space touching `”`).

mod articles;
pub mod bylines;
pub mod gaps;
mod headings;
pub mod lines;
pub mod numbering;
pub mod outline;

use crate::ast::{Block, Document};
use crate::log::Log;

/// Pass name used in the log.
pub const NAME: &str = "structure";

/// Infers articles, headings and metadata.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    if !doc.blocks.iter().any(|b| matches!(b, Block::Article(_))) {
        doc.blocks = articles::segment(std::mem::take(&mut doc.blocks), log);
    }
    let top = std::mem::take(&mut doc.blocks);
    let mut loose: Vec<Block> = Vec::new();
    for b in top {
        match b {
            Block::Article(mut a) => {
                if !loose.is_empty() {
                    doc.blocks
                        .extend(headings::infer(std::mem::take(&mut loose), log));
                }
                a.body = headings::infer(std::mem::take(&mut a.body), log);
                doc.blocks.push(Block::Article(a));
            }
            other => loose.push(other),
        }
    }
    if !loose.is_empty() {
        doc.blocks.extend(headings::infer(loose, log));
    }
    fill_meta(&mut doc);
    doc
}

/// Copies what the articles say (first title and subtitle, every byline name once; see
/// [`crate::ast::ArticleFacts`]) into the metadata the source left empty.
pub(super) fn fill_meta(doc: &mut Document) {
    if doc.articles().next().is_none() {
        return;
    }
    let facts = doc.article_facts();
    if doc.meta.title.is_none() {
        doc.meta.title = facts.title;
    }
    if doc.meta.subtitle.is_none() {
        doc.meta.subtitle = facts.subtitle;
    }
    if doc.meta.authors.is_empty() {
        doc.meta.authors = facts.authors;
    }
}

#[cfg(test)]
mod tests;
