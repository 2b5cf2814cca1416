//! `paiban inspect`: the structured document as one line per block.
//!
//! Each line is `KIND[ LEVEL] TEXT`, indented two spaces per nesting level, with KIND one of
//! title, subtitle, heading, para, byline, list, item, quote, code, table, figure, note, rule,
//! pagebreak and TEXT the first characters of the block's text.

use crate::ast::{plain_text, Block, Document};

/// How many characters of a block's text the outline shows.
pub const PREVIEW_CHARS: usize = 40;

/// The document outline, one line per block (see the module docs).
pub fn outline(doc: &Document) -> String {
    let mut out = String::new();
    // A front-matter title stands alone as the title block (T23): shown as an article's is.
    if let Some(meta) = doc.title_block() {
        line(&mut out, 0, "title", meta.title.as_deref().unwrap_or(""));
        if let Some(s) = meta.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
            line(&mut out, 0, "subtitle", s);
        }
    }
    blocks(&doc.blocks, 0, &mut out);
    for note in &doc.notes {
        let text: Vec<String> = note.blocks.iter().map(block_text).collect();
        line(
            &mut out,
            0,
            "note",
            &format!("[{}] {}", note.label, text.join(" ")),
        );
    }
    out
}

fn blocks(list: &[Block], depth: usize, out: &mut String) {
    for b in list {
        block(b, depth, out);
    }
}

fn block(b: &Block, depth: usize, out: &mut String) {
    match b {
        Block::Article(a) => {
            line(out, depth, "title", &plain_text(&a.title));
            if let Some(s) = &a.subtitle {
                line(out, depth, "subtitle", &plain_text(s));
            }
            blocks(&a.body, depth, out);
            for by in &a.bylines {
                let text = if by.affiliation.is_empty() {
                    by.name.clone()
                } else {
                    format!("{} {}", by.name, by.affiliation)
                };
                line(out, depth, "byline", &text);
            }
        }
        Block::Heading(h) => {
            let mut text = plain_text(&h.content);
            text.push_str(&plain_text(&h.run_in));
            line(out, depth, &format!("heading {}", h.level), &text);
        }
        Block::Para(p) => line(out, depth, "para", &plain_text(&p.content)),
        Block::List(l) => {
            line(out, depth, "list", "");
            for item in &l.items {
                let mark = match item.checked {
                    Some(true) => "[x]",
                    Some(false) => "[ ]",
                    None => "",
                };
                line(out, depth + 1, "item", mark);
                blocks(&item.blocks, depth + 2, out);
            }
        }
        Block::Quote(q) => {
            line(out, depth, "quote", "");
            blocks(&q.blocks, depth + 1, out);
        }
        Block::Code(c) => line(out, depth, "code", &c.text),
        Block::Table(t) => {
            let head: Vec<String> = t.header.iter().map(|c| plain_text(c)).collect();
            line(out, depth, "table", &head.join(" | "));
        }
        Block::Figure(f) => line(out, depth, "figure", &f.alt),
        Block::Rule(_) => line(out, depth, "rule", ""),
        Block::PageBreak(_) => line(out, depth, "pagebreak", ""),
    }
}

/// Plain text of any block (for notes).
fn block_text(b: &Block) -> String {
    match b {
        Block::Para(p) => plain_text(&p.content),
        Block::Heading(h) => plain_text(&h.content),
        Block::Code(c) => c.text.clone(),
        other => {
            let mut s = String::new();
            let doc = Document {
                blocks: vec![other.clone()],
                ..Default::default()
            };
            crate::ast::visit_blocks(&doc, &mut |b| {
                if let Block::Para(p) = b {
                    s.push_str(&plain_text(&p.content));
                }
            });
            s
        }
    }
}

fn line(out: &mut String, depth: usize, kind: &str, text: &str) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push_str(kind);
    let preview = preview(text);
    if !preview.is_empty() {
        out.push(' ');
        out.push_str(&preview);
    }
    out.push('\n');
}

/// The first [`PREVIEW_CHARS`] characters of `text` on one line, `…` when cut.
fn preview(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let flat = flat.trim();
    let mut chars = flat.chars();
    let head: String = chars.by_ref().take(PREVIEW_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::*;

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    #[test]
    fn article_outline_lists_title_heading_para_byline() {
        let doc = Document {
            blocks: vec![Block::Article(Article {
                title: text("标题"),
                subtitle: Some(text("副题")),
                body: vec![
                    Block::Heading(Heading {
                        level: 1,
                        scale: HeadingScale::Numbered(1),
                        content: text("一、总体要求"),
                        run_in: vec![],
                        id: "h-1".into(),
                        line: 3,
                    }),
                    Block::Para(Para {
                        content: text(&"字".repeat(50)),
                        line: 4,
                    }),
                ],
                bylines: vec![Byline {
                    name: "吴伟华".into(),
                    affiliation: "党校".into(),
                    line: 9,
                }],
                id: "a-1".into(),
                line: 1,
            })],
            ..Default::default()
        };
        let out = outline(&doc);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "title 标题");
        assert_eq!(lines[1], "subtitle 副题");
        assert_eq!(lines[2], "heading 1 一、总体要求");
        assert_eq!(lines[3], format!("para {}…", "字".repeat(40)));
        assert_eq!(lines[4], "byline 吴伟华 党校");
    }

    #[test]
    fn lists_nest_items_and_their_blocks() {
        let doc = Document {
            blocks: vec![Block::List(List {
                start: None,
                tight: true,
                items: vec![ListItem {
                    checked: Some(true),
                    blocks: vec![Block::Para(Para {
                        content: text("完成"),
                        line: 1,
                    })],
                }],
                line: 1,
            })],
            ..Default::default()
        };
        assert_eq!(outline(&doc), "list\n  item [x]\n    para 完成\n");
    }
}
