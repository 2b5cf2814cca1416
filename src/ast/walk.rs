//! Small traversal helpers so that each pass stays short.

use super::{Block, Document, Inline};

/// Calls `f` on every block, depth first, parents before children (notes included).
pub fn visit_blocks(doc: &Document, f: &mut dyn FnMut(&Block)) {
    fn go(blocks: &[Block], f: &mut dyn FnMut(&Block)) {
        for b in blocks {
            f(b);
            match b {
                Block::Article(a) => go(&a.body, f),
                Block::List(l) => l.items.iter().for_each(|i| go(&i.blocks, f)),
                Block::Quote(q) => go(&q.blocks, f),
                _ => {}
            }
        }
    }
    go(&doc.blocks, f);
    for n in &doc.notes {
        go(&n.blocks, f);
    }
}

/// Calls `f` on every inline sequence of the document with the source line of its block:
/// paragraphs, headings (content and run-in text), article titles and subtitles, table cells,
/// list items, quotes and footnotes. Nested inlines (strong, links…) are reached by `f` itself
/// or through [`visit_inlines`].
pub fn map_inlines(doc: &mut Document, f: &mut dyn FnMut(&mut Vec<Inline>, usize)) {
    for (seq, line) in inline_seqs_mut(doc) {
        f(seq, line);
    }
}

/// Every inline sequence of the document with the source line of its block, in the order
/// [`map_inlines`] visits them (document order, footnotes last): the sequences are
/// disjoint, so they can be rewritten in parallel.
pub fn inline_seqs_mut(doc: &mut Document) -> Vec<(&mut Vec<Inline>, usize)> {
    fn go<'a>(blocks: &'a mut [Block], out: &mut Vec<(&'a mut Vec<Inline>, usize)>) {
        for b in blocks {
            match b {
                Block::Article(a) => {
                    out.push((&mut a.title, a.line));
                    if let Some(s) = &mut a.subtitle {
                        out.push((s, a.line));
                    }
                    go(&mut a.body, out);
                }
                Block::Heading(h) => {
                    out.push((&mut h.content, h.line));
                    if !h.run_in.is_empty() {
                        out.push((&mut h.run_in, h.line));
                    }
                }
                Block::Para(p) => out.push((&mut p.content, p.line)),
                Block::List(l) => l.items.iter_mut().for_each(|i| go(&mut i.blocks, out)),
                Block::Quote(q) => go(&mut q.blocks, out),
                Block::Table(t) => {
                    let line = t.line;
                    out.extend(t.header.iter_mut().map(|c| (c, line)));
                    out.extend(t.rows.iter_mut().flatten().map(|c| (c, line)));
                    if let Some(c) = &mut t.caption {
                        out.push((c, line));
                    }
                }
                Block::Code(_) | Block::Figure(_) | Block::Rule(_) | Block::PageBreak(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    go(&mut doc.blocks, &mut out);
    for n in &mut doc.notes {
        go(&mut n.blocks, &mut out);
    }
    out
}

/// Rewrites every block list (document, article bodies, list items, quotes, footnotes),
/// children first, by passing it through `f`.
pub fn map_blocks(doc: &mut Document, f: &mut dyn FnMut(Vec<Block>) -> Vec<Block>) {
    fn go(blocks: Vec<Block>, f: &mut dyn FnMut(Vec<Block>) -> Vec<Block>) -> Vec<Block> {
        let inner: Vec<Block> = blocks
            .into_iter()
            .map(|b| match b {
                Block::Article(mut a) => {
                    a.body = go(std::mem::take(&mut a.body), f);
                    Block::Article(a)
                }
                Block::List(mut l) => {
                    for i in &mut l.items {
                        i.blocks = go(std::mem::take(&mut i.blocks), f);
                    }
                    Block::List(l)
                }
                Block::Quote(mut q) => {
                    q.blocks = go(std::mem::take(&mut q.blocks), f);
                    Block::Quote(q)
                }
                other => other,
            })
            .collect();
        f(inner)
    }
    doc.blocks = go(std::mem::take(&mut doc.blocks), f);
    for n in &mut doc.notes {
        n.blocks = go(std::mem::take(&mut n.blocks), f);
    }
}

/// Calls `f` on every inline of a sequence, depth first, parents before children.
pub fn visit_inlines(inlines: &[Inline], f: &mut dyn FnMut(&Inline)) {
    for i in inlines {
        f(i);
        if let Some(c) = i.children() {
            visit_inlines(c, f);
        }
    }
}

/// The plain text of an inline sequence: text and code verbatim, breaks and autospace as
/// one space, image alt text, the base of ruby, no markup.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    visit_inlines(inlines, &mut |i| match i {
        Inline::Text(t) | Inline::Code(t) | Inline::Kbd(t) => out.push_str(t),
        Inline::Ruby(r) => out.push_str(&r.base),
        Inline::AutoSpace | Inline::SoftBreak | Inline::LineBreak => out.push(' '),
        Inline::Image(img) => out.push_str(&img.alt),
        _ => {}
    });
    out
}
