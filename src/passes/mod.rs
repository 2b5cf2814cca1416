//! Passes: AST → AST, pure functions run in a fixed order (as pandoc's Transforms).
//!
//! Each pass has the signature `fn(Document, &mut Log) -> Document` and records every
//! change it makes as a note with the source line.

pub mod autospace;
pub mod captions;
pub mod each_seq;
pub mod flat;
pub mod ids;
pub mod link_notes;
pub mod markup;
pub mod official;
pub mod punct;
pub mod repair;
pub mod softbreak;
pub mod structure;
pub mod table_captions;

pub use structure::numbering::chinese_numeral;

use crate::ast::Document;
use crate::log::Log;

/// Which passes run.
#[derive(Debug, Clone, Copy)]
pub struct PassOptions {
    /// Clean-up passes (T2–T5 punctuation, paragraph repair, stray markup); `--no-cleanup`
    /// turns them off. T1 soft breaks, T15 autospace and ids always run.
    pub cleanup: bool,
    /// Structure inference (T21/T22 headings, title, bylines, articles).
    pub infer_structure: bool,
}

impl Default for PassOptions {
    fn default() -> Self {
        PassOptions {
            cleanup: true,
            infer_structure: true,
        }
    }
}

/// A pass: a pure document transformation that logs its changes.
pub type Pass = fn(Document, &mut Log) -> Document;

/// The passes to run for these options, in their fixed order:
/// `markup` → `lines` → `article-lines` → `softbreak` → `captions` → `repair` → `outline` →
/// `structure` → `table-captions` → `punct` → `autospace` → `ids` → `official`.
///
/// Why this order: stray `**` and bullets go first so that nothing else mistakes them for
/// text; `lines` splits paragraphs at numbered lines while line breaks still exist, and
/// `article-lines` (every input, Markdown too) at lines opening a `第X条` provision; T1
/// makes each paragraph one line; captions take `图 2` lines before repair could join them
/// to other text and before structure could read them as headings (they run without
/// clean-up: a caption is a document fact); repair needs whole paragraphs; structure runs
/// before punct because T5 would delete the deliberate gap in `“…” 加快` (kept as U+3000);
/// table-captions need one-line paragraphs and leave the caption text to punct and autospace;
/// autospace marks HAN–WEST gaps on the final text; ids come last, when levels are known;
/// `official` (the front matter's GB/T 9704 fields, T30) reads only the metadata.
/// `outline` (Markdown titles and heading levels, statute provisions) always runs, on whole
/// paragraphs, before `structure` so that structure inference sees its articles.
/// `cleanup = false` drops markup, repair and punct; `infer_structure` gates lines and
/// structure.
pub fn pipeline(opts: &PassOptions) -> Vec<(&'static str, Pass)> {
    let mut passes: Vec<(&'static str, Pass)> = Vec::new();
    if opts.cleanup {
        passes.push((markup::NAME, markup::run));
    }
    if opts.infer_structure {
        passes.push((structure::lines::NAME, structure::lines::run));
    }
    passes.push((
        structure::lines::ARTICLES_NAME,
        structure::lines::run_articles,
    ));
    passes.push((softbreak::NAME, softbreak::run));
    passes.push((captions::NAME, captions::run));
    if opts.cleanup {
        passes.push((repair::NAME, repair::run));
    }
    passes.push((structure::outline::NAME, structure::outline::run));
    if opts.infer_structure {
        passes.push((structure::NAME, structure::run));
    }
    passes.push((table_captions::NAME, table_captions::run));
    if opts.cleanup {
        passes.push((punct::NAME, punct::run));
    }
    passes.push((autospace::NAME, autospace::run));
    passes.push((ids::NAME, ids::run));
    passes.push((official::NAME, official::run));
    passes
}

/// Builds every pass's regular expressions now. They are otherwise built on first use, in
/// the middle of a pass, on the conversion's critical path (~3 ms for all of them, issue
/// 12); the CLI calls this on a spare thread while the first input is read. In the order
/// the passes first use them: captions, then repair (numbering, bylines), then punct.
pub fn warm_patterns() {
    captions::warm();
    structure::numbering::warm();
    structure::bylines::warm();
    punct::warm();
}

/// Runs every selected pass in order.
pub fn run(mut doc: Document, opts: &PassOptions, log: &mut Log) -> Document {
    for (_, pass) in pipeline(opts) {
        doc = pass(doc, log);
    }
    doc
}

/// Test helper: runs `pass` on one paragraph and returns its content.
#[cfg(test)]
pub(crate) fn run_on_para(pass: Pass, content: Vec<crate::ast::Inline>) -> Vec<crate::ast::Inline> {
    use crate::ast::{Block, Para};
    let doc = Document {
        blocks: vec![Block::Para(Para { content, line: 1 })],
        ..Default::default()
    };
    match pass(doc, &mut Log::default()).blocks.remove(0) {
        Block::Para(p) => p.content,
        other => panic!("expected a paragraph, got {other:?}"),
    }
}
