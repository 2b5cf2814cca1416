//! Helpers of the layout tests: small AST builders, the sample through the real reader and
//! passes, and views of a `Layout` by structure kind.

use paiban::ast::*;
use paiban::image::ImageSource;
use paiban::layout::dump::{text_lines, TextLine};
use paiban::layout::page::{Layout, StructChild, StructKind, StructNode, TagId};
use paiban::layout::{layout, FontSet};
use paiban::log::Log;
use paiban::passes::{self, PassOptions};
use paiban::read::{read_file, ReadOptions};
use paiban::style::Style;
use std::collections::BTreeMap;
use std::path::Path;

pub fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

pub fn para(s: &str) -> Block {
    Block::Para(Para {
        content: text(s),
        line: 0,
    })
}

pub fn heading(level: u8, s: &str, id: &str) -> Block {
    Block::Heading(Heading {
        level,
        scale: HeadingScale::Numbered(level),
        content: text(s),
        run_in: Vec::new(),
        id: id.to_string(),
        line: 0,
    })
}

/// The sample through the real text reader and every pass (structure inference on).
pub fn sample() -> Document {
    let doc = read_file(&super::sample_path(), &ReadOptions::default()).expect("yiwu.txt reads");
    passes::run(doc, &PassOptions::default(), &mut Log::default())
}

pub fn run(doc: &Document) -> (Layout, Log) {
    let mut log = Log::default();
    let l = layout(
        doc,
        &Style::handout(),
        &FontSet::bundled(),
        ImageSource::new(Path::new(".")),
        &mut log,
    );
    (l, log)
}

/// Tag → structure kind, for every content leaf.
pub fn kinds(layout: &Layout) -> BTreeMap<TagId, StructKind> {
    fn go(n: &StructNode, out: &mut BTreeMap<TagId, StructKind>) {
        for c in &n.children {
            match c {
                StructChild::Content(t) => {
                    out.insert(*t, n.kind.clone());
                }
                StructChild::Node(k) => go(k, out),
            }
        }
    }
    let mut out = BTreeMap::new();
    layout.structure.iter().for_each(|n| go(n, &mut out));
    out
}

/// Text lines of a page that are content (not page numbers or headers).
pub fn content_lines(layout: &Layout, page: usize) -> Vec<TextLine> {
    let items = &layout.pages[page].items;
    text_lines(items)
        .into_iter()
        .filter(|l| items[l.items[0]].tag.is_some())
        .collect()
}

pub fn tag_of(layout: &Layout, page: usize, line: &TextLine) -> TagId {
    layout.pages[page].items[line.items[0]].tag.unwrap()
}

/// Per body paragraph tag (P set at the body size, so not bylines): (page, baseline) of
/// every line, in order.
pub fn para_lines(layout: &Layout) -> BTreeMap<TagId, Vec<(usize, f32)>> {
    let k = kinds(layout);
    let body = Style::handout().body_size;
    let mut out: BTreeMap<TagId, Vec<(usize, f32)>> = BTreeMap::new();
    for p in 0..layout.pages.len() {
        for l in content_lines(layout, p) {
            let t = tag_of(layout, p, &l);
            if k.get(&t) == Some(&StructKind::P) && l.size == body {
                out.entry(t).or_default().push((p, l.baseline));
            }
        }
    }
    out
}
