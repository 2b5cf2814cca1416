//! Figure captions (issue 10): a figure's caption is its image title (`![alt](x.png "图 1
//! 流程")`) or, when it has none, the paragraph right after it when that paragraph is a
//! caption line (`图 2 …`, `图2-1：…`, `Figure 3. …`). An image followed by a caption line
//! in one paragraph (the usual `![](x.png)⏎图 1 …` of Chinese Markdown) becomes a figure
//! with that caption. Decided once here; the backends print `Figure::title` as the caption.
//!
//! [`caption_label`] recognises caption lines for figures and tables alike, so table
//! captions (`表 3-1 …`) are found by the same rule.

use crate::ast::{map_blocks, plain_text, Block, Document, Figure, Inline};
use crate::log::Log;
use regex::Regex;
use std::sync::OnceLock;

/// Pass name used in the log.
pub const NAME: &str = "captions";

/// Longest caption line, in characters: a longer paragraph that starts with `图 2` is prose
/// about the figure, not its caption.
const MAX_CAPTION_CHARS: usize = 80;

/// What a caption line labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionKind {
    /// `图 2`, `Figure 3`, `Fig. 4`.
    Figure,
    /// `表 3-1`, `Table 2`.
    Table,
}

/// A caption's label and number, built once.
fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?:(?P<zh>[图圖表])\s*|(?P<en>Figure|Fig\.|Table)\s+)(?:\d+(?:[-.－–]\d+)*|[一二三四五六七八九十〇零]+)(?:$|[\s：:．.、])",
        )
        .expect("caption regex")
    })
}

/// Builds the caption pattern now ([`crate::passes::warm_patterns`]).
pub(crate) fn warm() {
    pattern();
}

/// The kind of caption `text` is, if it is one: a label (`图`/`表` with or without a
/// space, `Figure`/`Fig.`/`Table` with one), a number (`2`, `2-1`, `3.2`, `二`), then the
/// end, a space or a separator (`：`, `:`, `.`, `、`); at most 80 characters and not ending
/// like a sentence (`。`, `！`, `？`), so `图 2 说明了……。` stays a paragraph.
pub fn caption_label(text: &str) -> Option<CaptionKind> {
    let re = pattern();
    let text = text.trim();
    if text.chars().count() > MAX_CAPTION_CHARS || text.ends_with(['。', '！', '？']) {
        return None;
    }
    let caps = re.captures(text)?;
    let label = caps.name("zh").or(caps.name("en"))?.as_str();
    Some(match label {
        "表" | "Table" => CaptionKind::Table,
        _ => CaptionKind::Figure,
    })
}

/// True when `blocks[i]` is a paragraph that is a figure caption line.
fn figure_caption(block: Option<&Block>) -> Option<String> {
    let Some(Block::Para(p)) = block else {
        return None;
    };
    let text = plain_text(&p.content);
    (caption_label(&text) == Some(CaptionKind::Figure)).then(|| text.trim().to_string())
}

/// A paragraph of one image followed by a figure caption line, as a captioned figure.
fn image_with_caption(content: &[Inline], line: usize) -> Option<Figure> {
    let Some((Inline::Image(img), rest)) = content.split_first() else {
        return None;
    };
    let text = plain_text(rest);
    (caption_label(&text) == Some(CaptionKind::Figure)).then(|| Figure {
        src: img.src.clone(),
        alt: img.alt.clone(),
        title: Some(text.trim().to_string()),
        line,
    })
}

/// Gives figures their captions (see the module documentation).
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    map_blocks(&mut doc, &mut |blocks| {
        let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
        let mut iter = blocks.into_iter().peekable();
        while let Some(block) = iter.next() {
            match block {
                Block::Figure(mut f) if f.title.as_deref().is_none_or(|t| t.trim().is_empty()) => {
                    if let Some(caption) = figure_caption(iter.peek()) {
                        log.change(
                            NAME,
                            f.line,
                            format!("caption from the next line: {caption}"),
                        );
                        f.title = Some(caption);
                        iter.next();
                    }
                    out.push(Block::Figure(f));
                }
                Block::Para(p) => match image_with_caption(&p.content, p.line) {
                    Some(f) => {
                        log.change(NAME, p.line, "image and caption line made one figure");
                        out.push(Block::Figure(f));
                    }
                    None => out.push(Block::Para(p)),
                },
                other => out.push(other),
            }
        }
        out
    });
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_lines() {
        for (text, kind) in [
            ("图 2 系统架构", Some(CaptionKind::Figure)),
            ("图2-1：数据流", Some(CaptionKind::Figure)),
            ("图3.2 流程", Some(CaptionKind::Figure)),
            ("图一　总体框架", Some(CaptionKind::Figure)),
            ("Figure 3. Overview", Some(CaptionKind::Figure)),
            ("Fig. 4: detail", Some(CaptionKind::Figure)),
            ("表 3-1 参数", Some(CaptionKind::Table)),
            ("Table 2 Results", Some(CaptionKind::Table)),
            ("图 5", Some(CaptionKind::Figure)),
            ("图1所示的结构", None),
            ("图 2 说明了系统的组成。", None),
            ("Figures 3 and 4", None),
            ("图表很多", None),
            ("表示方法", None),
        ] {
            assert_eq!(caption_label(text), kind, "{text}");
        }
    }
}
