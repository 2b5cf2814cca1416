//! Block HTML (an HTML block of the Markdown source, which comes whole) → AST blocks:
//! `p`, `div` and the sectioning elements keep their children, `details`/`summary` become
//! a bold summary paragraph and the blocks under it, `h1`–`h6` headings, `ul`/`ol` lists,
//! `blockquote`, `pre`, `hr`, and `table` into the table AST where it is simple (no
//! spanning cells). Inline elements go through [`super::html::element`].

use super::html::{element, stray_readings, tokens, Attrs, Tok, Unknown, DROPPED};
use crate::ast::{
    Align, Block, CodeBlock, Heading, Inline, List, ListItem, Para, Quote, Rule, Table,
};

/// A node of the small tree built from the tokens of one HTML block.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    El {
        name: String,
        attrs: Attrs,
        children: Vec<Node>,
    },
    Text(String),
}

/// Elements that make blocks of their own.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "details",
    "summary",
    "table",
    "caption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "center",
    "figure",
    "figcaption",
    "html",
    "body",
    "dl",
    "dt",
    "dd",
];

/// Blocks of one raw HTML block starting on `line`. Elements nested deeper than `room`
/// levels are flattened into their parent (false is returned then).
pub(super) fn blocks(
    html: &str,
    line: usize,
    unknown: &mut Unknown,
    room: usize,
) -> (Vec<Block>, bool) {
    let (nodes, fits) = tree(tokens(html), line, unknown, room);
    let mut out = Vec::new();
    convert(&nodes, line, &mut out);
    (out, fits)
}

/// Builds the tree; an open `p`, `li`, `td`… is closed by the next sibling of its kind, as
/// HTML does, and every element still open at the end is closed there.
fn tree(toks: Vec<Tok>, line: usize, unknown: &mut Unknown, room: usize) -> (Vec<Node>, bool) {
    // (name, attrs, children); the bottom entry is the root.
    let mut stack: Vec<(String, Attrs, Vec<Node>)> = vec![(String::new(), Attrs::new(), vec![])];
    let mut fits = true;
    let close_top = |stack: &mut Vec<(String, Attrs, Vec<Node>)>| {
        let (name, attrs, children) = stack.pop().expect("above the root");
        let parent = &mut stack.last_mut().expect("root stays").2;
        parent.push(Node::El {
            name,
            attrs,
            children,
        });
    };
    for tok in toks {
        match tok {
            Tok::Open { name, attrs, void } => {
                unknown.note(&name, line);
                let closes: &[&str] = match name.as_str() {
                    "p" => &["p"],
                    "li" => &["li", "p"],
                    "dt" | "dd" => &["dt", "dd", "p"],
                    "tr" => &["td", "th", "tr", "p"],
                    "td" | "th" => &["td", "th", "p"],
                    "tbody" | "tfoot" | "thead" => &["td", "th", "tr", "thead", "tbody", "p"],
                    _ => &[],
                };
                while stack.len() > 1 && closes.contains(&stack.last().expect("len").0.as_str()) {
                    close_top(&mut stack);
                }
                if void {
                    let parent = &mut stack.last_mut().expect("root stays").2;
                    parent.push(Node::El {
                        name,
                        attrs,
                        children: Vec::new(),
                    });
                } else if stack.len() > room {
                    fits = false;
                } else {
                    stack.push((name, attrs, Vec::new()));
                }
            }
            Tok::Close(name) => {
                if let Some(k) = stack.iter().skip(1).rposition(|f| f.0 == name) {
                    while stack.len() > k + 1 {
                        close_top(&mut stack);
                    }
                }
            }
            Tok::Text(t) => {
                if stack.iter().any(|f| DROPPED.contains(&f.0.as_str())) {
                    continue;
                }
                stack.last_mut().expect("root stays").2.push(Node::Text(t));
            }
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    (stack.pop().expect("root").2, fits)
}

/// True for a block element or an element with one inside.
fn is_block(node: &Node) -> bool {
    match node {
        Node::Text(_) => false,
        Node::El { name, children, .. } => {
            BLOCK.contains(&name.as_str()) || children.iter().any(is_block)
        }
    }
}

/// Appends the blocks of `nodes`; runs of inline nodes become paragraphs.
fn convert(nodes: &[Node], line: usize, out: &mut Vec<Block>) {
    let mut run: Vec<Inline> = Vec::new();
    for node in nodes {
        if !is_block(node) {
            run.extend(inlines(node));
            continue;
        }
        flush(&mut run, line, out);
        let Node::El {
            name,
            attrs,
            children,
        } = node
        else {
            unreachable!("text is never a block")
        };
        match name.as_str() {
            "p" | "figcaption" | "dt" | "caption" if !children.iter().any(is_block) => {
                let content = children.iter().flat_map(inlines).collect();
                flush_into(content, line, out);
            }
            "summary" => {
                let content = content(children);
                if !content.is_empty() {
                    out.push(Block::Para(Para {
                        content: vec![Inline::Strong(content)],
                        line,
                    }));
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let content = content(children);
                out.push(Block::Heading(Heading {
                    level: name.as_bytes()[1] - b'0',
                    content,
                    run_in: Vec::new(),
                    id: attrs.get("id").cloned().unwrap_or_default(),
                    line,
                    // As a Markdown heading: the outline pass renumbers it and sets the scale.
                    scale: crate::ast::HeadingScale::Unnumbered,
                }));
            }
            "hr" => out.push(Block::Rule(Rule { line })),
            "pre" => {
                let mut text = String::new();
                raw_text(children, &mut text);
                let text = text.strip_prefix('\n').unwrap_or(&text);
                let lang = children.iter().find_map(|c| match c {
                    Node::El { name, attrs, .. } if name == "code" => attrs
                        .get("class")
                        .and_then(|c| {
                            c.split_whitespace()
                                .find_map(|w| w.strip_prefix("language-"))
                        })
                        .map(str::to_string),
                    _ => None,
                });
                out.push(Block::Code(CodeBlock {
                    lang,
                    text: text.trim_end_matches('\n').to_string(),
                    line,
                }));
            }
            "blockquote" => {
                let mut blocks = Vec::new();
                convert(children, line, &mut blocks);
                out.push(Block::Quote(Quote { blocks, line }));
            }
            "ul" | "ol" => {
                let start = (name == "ol").then(|| {
                    attrs
                        .get("start")
                        .and_then(|s| s.trim().parse().ok())
                        .unwrap_or(1)
                });
                // Content between the items (not allowed, but written) is an item of its own.
                let mut items = Vec::new();
                let mut loose: Vec<Node> = Vec::new();
                let item = |nodes: &[Node], items: &mut Vec<ListItem>| {
                    let mut blocks = Vec::new();
                    convert(nodes, line, &mut blocks);
                    if !blocks.is_empty() {
                        items.push(ListItem {
                            checked: None,
                            blocks,
                        });
                    }
                };
                for c in children {
                    match c {
                        Node::El { name, children, .. } if name == "li" => {
                            item(&std::mem::take(&mut loose), &mut items);
                            item(children, &mut items);
                        }
                        other => loose.push(other.clone()),
                    }
                }
                item(&loose, &mut items);
                out.push(Block::List(List {
                    start,
                    tight: true,
                    items,
                    line,
                }));
            }
            "table" => table(children, line, out),
            // `div`, `details`, sectioning elements, unknown wrappers: children kept.
            _ => convert(children, line, out),
        }
    }
    flush(&mut run, line, out);
}

/// Ends a run of inline content as a paragraph (or a figure for a lone image).
fn flush(run: &mut Vec<Inline>, line: usize, out: &mut Vec<Block>) {
    flush_into(std::mem::take(run), line, out);
}

fn flush_into(mut content: Vec<Inline>, line: usize, out: &mut Vec<Block>) {
    stray_readings(&mut content);
    let content = trim(content);
    if !content.is_empty() {
        super::markdown::push_para(out, content, line);
    }
}

/// The inline content of `children`, trimmed, with stray readings settled.
fn content(children: &[Node]) -> Vec<Inline> {
    let mut v: Vec<Inline> = children.iter().flat_map(inlines).collect();
    stray_readings(&mut v);
    trim(v)
}

/// Drops white space and breaks at both ends of a paragraph.
fn trim(mut content: Vec<Inline>) -> Vec<Inline> {
    let blank = |i: &Inline| match i {
        Inline::Text(t) => t.trim().is_empty(),
        Inline::SoftBreak | Inline::LineBreak => true,
        _ => false,
    };
    while content.first().is_some_and(blank) {
        content.remove(0);
    }
    while content.last().is_some_and(blank) {
        content.pop();
    }
    if let Some(Inline::Text(t)) = content.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = content.last_mut() {
        *t = t.trim_end().to_string();
    }
    content
}

/// The inlines of a node in inline context: white space collapses as in HTML, a line end
/// becomes a soft break (which the T1 pass removes between Chinese characters).
fn inlines(node: &Node) -> Vec<Inline> {
    match node {
        Node::Text(t) => collapse(t),
        Node::El {
            name,
            attrs,
            children,
        } => {
            let mut inner: Vec<Inline> = children.iter().flat_map(inlines).collect();
            if name != "ruby" {
                stray_readings(&mut inner);
            }
            element(name, attrs, inner)
        }
    }
}

fn collapse(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii_whitespace() {
            cur.push(c);
            continue;
        }
        let mut newline = c == '\n';
        while let Some(&n) = chars.peek().filter(|n| n.is_ascii_whitespace()) {
            newline |= n == '\n';
            chars.next();
        }
        if newline {
            if !cur.is_empty() {
                out.push(Inline::Text(std::mem::take(&mut cur)));
            }
            out.push(Inline::SoftBreak);
        } else {
            cur.push(' ');
        }
    }
    if !cur.is_empty() {
        out.push(Inline::Text(cur));
    }
    out
}

/// Text of `pre` content, white space kept.
fn raw_text(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::El { name, .. } if name == "br" => out.push('\n'),
            Node::El { children, .. } => raw_text(children, out),
        }
    }
}

/// A table cell: tag name (`td`/`th`), attributes, content.
type Cell<'n> = (&'n str, &'n Attrs, &'n [Node]);

/// A `<table>`: rows from `thead`/`tbody`/`tfoot` or directly; the first row is the header
/// when it is in `thead` or made of `th` cells. A caption becomes the table's caption.
/// Tables with spanning cells or blocks in cells keep their content as paragraphs, the
/// caption first.
fn table<'n>(children: &'n [Node], line: usize, out: &mut Vec<Block>) {
    let mut rows: Vec<(&[Node], bool)> = Vec::new();
    let mut caption: Option<&[Node]> = None;
    fn gather<'n>(
        nodes: &'n [Node],
        in_head: bool,
        rows: &mut Vec<(&'n [Node], bool)>,
        caption: &mut Option<&'n [Node]>,
    ) {
        for n in nodes {
            if let Node::El { name, children, .. } = n {
                match name.as_str() {
                    "tr" => rows.push((children, in_head)),
                    "thead" => gather(children, true, rows, caption),
                    "tbody" | "tfoot" => gather(children, false, rows, caption),
                    "caption" => *caption = Some(children),
                    _ => {}
                }
            }
        }
    }
    gather(children, false, &mut rows, &mut caption);
    let cells = |row: &'n [Node]| -> Vec<Cell<'n>> {
        row.iter()
            .filter_map(|c| match c {
                Node::El {
                    name,
                    attrs,
                    children,
                } if name == "td" || name == "th" => Some((name.as_str(), attrs, &children[..])),
                _ => None,
            })
            .collect()
    };
    let grid: Vec<(Vec<Cell>, bool)> = rows.iter().map(|(r, h)| (cells(r), *h)).collect();
    let spans = |a: &Attrs| {
        ["colspan", "rowspan"]
            .iter()
            .any(|k| a.get(*k).is_some_and(|v| v.trim() != "1"))
    };
    // Text or elements between the rows and cells (browsers move it before the table).
    fn rows_only(nodes: &[Node], allowed: &[&str]) -> bool {
        nodes.iter().all(|n| match n {
            Node::Text(t) => t.trim().is_empty(),
            Node::El { name, children, .. } => match name.as_str() {
                "thead" | "tbody" | "tfoot" => rows_only(children, &["tr"]),
                "tr" => rows_only(children, &["td", "th"]),
                n => allowed.contains(&n),
            },
        })
    }
    let table_parts = [
        "tr", "thead", "tbody", "tfoot", "caption", "colgroup", "col",
    ];
    let simple = !grid.is_empty()
        && rows_only(children, &table_parts)
        && grid.iter().flat_map(|(r, _)| r).all(|(_, a, ch)| {
            !spans(a)
                && !ch
                    .iter()
                    .any(|c| is_block(c) && !matches!(c, Node::El { name, .. } if name == "p"))
        });
    let caption: Option<Vec<Inline>> = caption.map(|c| c.iter().flat_map(inlines).collect());
    if !simple {
        // No table AST: the caption stays a paragraph before the table's content.
        if let Some(c) = caption {
            flush_into(c, line, out);
        }
        let rest: Vec<Node> = children
            .iter()
            .filter(|n| !matches!(n, Node::El { name, .. } if name == "caption"))
            .cloned()
            .collect();
        convert(&rest, line, out);
        return;
    }
    let cols = grid.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
    let to_inlines = |row: &[Cell]| -> Vec<Vec<Inline>> {
        let mut v: Vec<Vec<Inline>> = row.iter().map(|(_, _, ch)| content(ch)).collect();
        v.resize(cols, Vec::new());
        v
    };
    let first = &grid[0];
    let head = first.1 || first.0.iter().all(|(n, _, _)| *n == "th");
    let aligns = (0..cols)
        .map(|k| {
            let a = first.0.get(k).map(|c| &c.1);
            let v = a
                .and_then(|a| a.get("align").cloned().or_else(|| a.get("style").cloned()))
                .unwrap_or_default()
                .to_ascii_lowercase();
            if v.contains("center") {
                Align::Center
            } else if v.contains("right") {
                Align::Right
            } else if v.contains("left") {
                Align::Left
            } else {
                Align::None
            }
        })
        .collect();
    let (header, body) = if head {
        (to_inlines(&first.0), &grid[1..])
    } else {
        (Vec::new(), &grid[..])
    };
    out.push(Block::Table(Table {
        aligns,
        header,
        rows: body.iter().map(|(r, _)| to_inlines(r)).collect(),
        caption: caption.filter(|c| !c.is_empty()),
        line,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(html: &str) -> Vec<Block> {
        blocks(html, 1, &mut Unknown::default(), 64).0
    }

    #[test]
    fn implicit_closes_and_tables() {
        let b = read("<table><tr><th>甲<th>乙<tr><td>1<td>2</table>");
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.header.len(), 2);
        assert_eq!(
            t.rows,
            vec![vec![
                vec![Inline::Text("1".into())],
                vec![Inline::Text("2".into())]
            ]]
        );
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let html = "<div>".repeat(500) + "字";
        let (b, fits) = blocks(&html, 1, &mut Unknown::default(), 64);
        assert!(!fits);
        assert!(matches!(&b[0], Block::Para(_)));
    }
}
