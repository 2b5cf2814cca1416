//! Table captions: a short `表 3-1 …` paragraph directly before a table (or, when none is
//! before, directly after it) becomes the table's caption, so every backend sets it as
//! one, centred over the table, instead of as a body paragraph.
//!
//! [`caption_kind`] is the one recogniser of caption lines (`表 3-1 …`, `图 2 …`), for
//! tables here and for figures elsewhere.

use crate::ast::{map_blocks, plain_text, Block, Document, Para};
use crate::log::Log;
use regex::Regex;
use std::sync::LazyLock;

/// Pass name used in notes.
pub const NAME: &str = "captions";

/// What a caption line labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionKind {
    /// `表 3-1 …`, `Table 2 …`.
    Table,
    /// `图 2 …`, `Figure 2 …`.
    Figure,
}

/// Longest text, in characters, that still reads as a caption rather than as a sentence
/// that mentions a table.
const MAX_CAPTION_CHARS: usize = 60;

/// `表`/`图` (or Table/Figure), a number such as `3`, `3-1`, `3.1`, `三`, then a gap, a
/// colon or the end.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(表|图|圖|Table|Figure|Fig\.)\s*[0-9０-９一二三四五六七八九十]+(?:[-.．－–—][0-9０-９]+)*(?:[\s：:　、.．]|$)",
    )
    .expect("caption pattern compiles")
});

/// The kind of caption `text` is, if it is a caption line: a label and number at the
/// start, short, not a sentence ending in `。`.
pub fn caption_kind(text: &str) -> Option<CaptionKind> {
    let text = text.trim();
    if text.chars().count() > MAX_CAPTION_CHARS || text.ends_with('。') {
        return None;
    }
    let label = CAPTION.captures(text)?.get(1)?.as_str();
    Some(match label {
        "表" | "Table" => CaptionKind::Table,
        _ => CaptionKind::Figure,
    })
}

/// A paragraph that is a table caption line.
fn table_caption(b: &Block) -> Option<&Para> {
    match b {
        Block::Para(p) if caption_kind(&plain_text(&p.content)) == Some(CaptionKind::Table) => {
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
        assert_eq!(caption_kind("表 3-1 城市人口"), Some(CaptionKind::Table));
        assert_eq!(caption_kind("表1：样本"), Some(CaptionKind::Table));
        assert_eq!(caption_kind("图 2 流程"), Some(CaptionKind::Figure));
        assert_eq!(caption_kind("Table 2. Results"), Some(CaptionKind::Table));
        assert_eq!(caption_kind("表 3-1 列出了各城市的人口。"), None);
        assert_eq!(caption_kind("表格很好"), None);
        assert_eq!(caption_kind("图书馆"), None);
    }
}
