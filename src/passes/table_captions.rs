//! Table captions: a short `表 3-1 …` paragraph directly before a table (or, when none is
//! before, directly after it) becomes the table's caption, so every backend sets it as
//! one, centred over the table, instead of as a body paragraph.
//!
//! Caption lines are recognised by [`caption_label`], the one recogniser figures use too.

use super::captions::{caption_label, CaptionKind};
use crate::ast::{map_blocks, plain_text, Block, Document, Para};
use crate::log::Log;

/// Pass name used in notes.
pub const NAME: &str = "table-captions";

/// A paragraph that is a table caption line.
fn table_caption(b: &Block) -> Option<&Para> {
    match b {
        Block::Para(p) if caption_label(&plain_text(&p.content)) == Some(CaptionKind::Table) => {
            Some(p)
        }
        _ => None,
    }
}

/// Moves table caption paragraphs into the tables they label.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    map_blocks(&mut doc, &mut |blocks| take_captions(blocks, log));
    doc
}

fn take_captions(blocks: Vec<Block>, log: &mut Log) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut it = blocks.into_iter().peekable();
    while let Some(b) = it.next() {
        let Block::Table(mut t) = b else {
            out.push(b);
            continue;
        };
        if t.caption.is_none() {
            if let Some(Block::Para(p)) = out.last().filter(|b| table_caption(b).is_some()) {
                let (content, line) = (p.content.clone(), p.line);
                out.pop();
                log.change(
                    NAME,
                    line,
                    "paragraph before the table taken as its caption",
                );
                t.caption = Some(content);
            } else if let Some(p) = it.peek().and_then(table_caption) {
                let (content, line) = (p.content.clone(), p.line);
                it.next();
                log.change(NAME, line, "paragraph after the table taken as its caption");
                t.caption = Some(content);
            }
        }
        out.push(Block::Table(t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_lines_are_recognised() {
        assert_eq!(caption_label("表 3-1 城市人口"), Some(CaptionKind::Table));
        assert_eq!(caption_label("表1：样本"), Some(CaptionKind::Table));
        assert_eq!(caption_label("图 2 流程"), Some(CaptionKind::Figure));
        assert_eq!(caption_label("Table 2. Results"), Some(CaptionKind::Table));
        assert_eq!(caption_label("表 3-1 列出了各城市的人口。"), None);
        assert_eq!(caption_label("表格很好"), None);
        assert_eq!(caption_label("图书馆"), None);
    }
}
