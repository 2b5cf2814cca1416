//! How the document is cut into XHTML files, the final anchor ids, and the table of contents.

use crate::ast::{plain_text, Article, Block, Byline, Document, Heading, Meta};
use crate::backend::xhtml::is_ncname;
use crate::outline::{nest, Nested};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A piece of one chapter file.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    /// The document's own title block (front matter), for documents without articles.
    Title(&'a Meta),
    /// An article's title block (title and subtitle).
    Head(&'a Article),
    /// Body blocks.
    Blocks(&'a [Block]),
    /// An article's bylines (end of the article).
    Bylines(&'a [Byline]),
}

/// One XHTML file of the book.
#[derive(Debug, Clone)]
pub struct Chapter<'a> {
    /// File name inside the `EPUB/` folder, e.g. `c001.xhtml`.
    pub file: String,
    /// Plain-text title (`<title>`, NCX).
    pub title: String,
    /// The content, in order.
    pub parts: Vec<Part<'a>>,
    /// True when the chapter holds (part of) an article: headings are shifted one level down.
    pub in_article: bool,
}

/// One entry of the nested table of contents.
#[derive(Debug, Clone, PartialEq)]
pub struct NavEntry {
    /// Link text.
    pub title: String,
    /// Link target relative to the `EPUB/` folder.
    pub href: String,
    /// Nested entries.
    pub children: Vec<NavEntry>,
}

/// The cut document: chapter files, final ids and the table of contents.
#[derive(Debug)]
pub struct Book<'a> {
    /// Chapter files in reading order.
    pub chapters: Vec<Chapter<'a>>,
    /// Final anchor id of each article and heading, keyed by node address.
    pub ids: HashMap<usize, String>,
    /// Source id (as links use it) → (chapter index, final id).
    pub targets: BTreeMap<String, (usize, String)>,
    /// Nested table of contents.
    pub nav: Vec<NavEntry>,
}

/// Address of an AST node, used only as a lookup key (never for output order).
pub fn addr<T>(node: &T) -> usize {
    node as *const T as usize
}

/// Cuts `doc` into chapters: one per article; a lone article (or a document without
/// articles) is cut before every heading of level ≤ `split_level` (0 = never).
pub fn split(doc: &Document, split_level: u8) -> Vec<Chapter<'_>> {
    let articles = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Article(_)))
        .count();
    let cut = if articles <= 1 { split_level } else { 0 };
    let mut chapters: Vec<Chapter<'_>> = Vec::new();
    let mut loose_start = None;
    fn flush_loose<'a>(chapters: &mut Vec<Chapter<'a>>, blocks: &'a [Block], cut: u8) {
        for chunk in cut_at_headings(blocks, cut) {
            chapters.push(Chapter {
                file: String::new(),
                title: first_heading(chunk).unwrap_or_default(),
                parts: vec![Part::Blocks(chunk)],
                in_article: false,
            });
        }
    }
    for (i, b) in doc.blocks.iter().enumerate() {
        if let Block::Article(a) = b {
            if let Some(s) = loose_start.take() {
                flush_loose(&mut chapters, &doc.blocks[s..i], cut);
            }
            let title = plain_text(&a.title);
            let chunks = cut_at_headings(&a.body, cut);
            let n = chunks.len().max(1);
            for k in 0..n {
                let mut parts = Vec::new();
                if k == 0 {
                    parts.push(Part::Head(a));
                }
                if let Some(chunk) = chunks.get(k) {
                    parts.push(Part::Blocks(chunk));
                }
                if k + 1 == n && !a.bylines.is_empty() {
                    parts.push(Part::Bylines(&a.bylines));
                }
                let t = match k {
                    0 => title.clone(),
                    _ => first_heading(chunks[k]).unwrap_or_else(|| title.clone()),
                };
                chapters.push(Chapter {
                    file: String::new(),
                    title: t,
                    parts,
                    in_article: true,
                });
            }
        } else if loose_start.is_none() {
            loose_start = Some(i);
        }
    }
    if let Some(s) = loose_start {
        flush_loose(&mut chapters, &doc.blocks[s..], cut);
    }
    if chapters.is_empty() {
        chapters.push(Chapter {
            file: String::new(),
            title: String::new(),
            parts: vec![],
            in_article: false,
        });
    }
    for (i, c) in chapters.iter_mut().enumerate() {
        c.file = format!("c{:03}.xhtml", i + 1);
    }
    if let Some(meta) = doc.title_block() {
        chapters[0].parts.insert(0, Part::Title(meta));
    }
    chapters
}

/// Splits before each top-level heading of level ≤ `level`; never returns empty chunks.
fn cut_at_headings(blocks: &[Block], level: u8) -> Vec<&[Block]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in blocks.iter().enumerate() {
        if let Block::Heading(h) = b {
            if level > 0 && h.level <= level && i > start {
                out.push(&blocks[start..i]);
                start = i;
            }
        }
    }
    if start < blocks.len() {
        out.push(&blocks[start..]);
    }
    out
}

fn first_heading(blocks: &[Block]) -> Option<String> {
    blocks.iter().find_map(|b| match b {
        Block::Heading(h) => Some(plain_text(&h.content)),
        _ => None,
    })
}

/// Assigns final ids (valid, unique NCNames) and builds the table of contents.
/// The navigation lists article titles and headings down to level `depth` (`toc.depth`).
pub fn build<'a>(mut chapters: Vec<Chapter<'a>>, fallback_title: &str, depth: u8) -> Book<'a> {
    // `<title>` must not be empty (epubcheck RSC-005).
    for ch in chapters.iter_mut().filter(|c| c.title.trim().is_empty()) {
        ch.title = fallback_title.to_string();
    }
    let mut st = IdState {
        depth,
        ..IdState::default()
    };
    // Nav entries with their depth: article titles 0, headings their level.
    let mut flat: Vec<(u8, NavEntry)> = Vec::new();
    for (ci, ch) in chapters.iter().enumerate() {
        let before = flat.len();
        for part in &ch.parts {
            match part {
                Part::Head(a) => {
                    let id = st.claim(addr(*a), &a.id, "a", ci);
                    let title = plain_text(&a.title);
                    flat.push((0, entry(title, &ch.file, &id)));
                }
                Part::Blocks(blocks) => st.walk(blocks, ci, &ch.file, &mut flat, true),
                Part::Bylines(_) | Part::Title(_) => {}
            }
        }
        if flat.len() == before {
            // A chapter without any heading still needs a way in from the TOC.
            let title = if ch.title.is_empty() {
                fallback_title
            } else {
                &ch.title
            };
            flat.push((1, entry(title.to_string(), &ch.file, "")));
        }
    }
    Book {
        chapters,
        ids: st.ids,
        targets: st.targets,
        nav: nest(flat),
    }
}

fn entry(title: String, file: &str, id: &str) -> NavEntry {
    let href = if id.is_empty() {
        file.to_string()
    } else {
        format!("{file}#{id}")
    };
    let title = if title.trim().is_empty() {
        "—".to_string()
    } else {
        title
    };
    NavEntry {
        title,
        href,
        children: Vec::new(),
    }
}

impl Nested for NavEntry {
    fn children_mut(&mut self) -> &mut Vec<NavEntry> {
        &mut self.children
    }
}

#[derive(Default)]
struct IdState {
    used: BTreeSet<String>,
    ids: HashMap<usize, String>,
    targets: BTreeMap<String, (usize, String)>,
    counter: usize,
    /// Deepest heading level listed in the navigation.
    depth: u8,
}

impl IdState {
    /// Gives node `key` a unique valid id, preferring `wanted`.
    fn claim(&mut self, key: usize, wanted: &str, prefix: &str, chapter: usize) -> String {
        self.counter += 1;
        // `fn-`/`fnref-` are reserved for footnotes (see footnotes.rs).
        let ok = is_ncname(wanted) && !wanted.starts_with("fn-") && !wanted.starts_with("fnref-");
        let base = if ok {
            wanted.to_string()
        } else {
            format!("{prefix}{}", self.counter)
        };
        let mut id = base.clone();
        let mut n = 1;
        while self.used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.used.insert(id.clone());
        self.ids.insert(key, id.clone());
        if !wanted.is_empty() {
            self.targets
                .entry(wanted.to_string())
                .or_insert((chapter, id.clone()));
        }
        id
    }

    fn walk(
        &mut self,
        blocks: &[Block],
        ci: usize,
        file: &str,
        flat: &mut Vec<(u8, NavEntry)>,
        top: bool,
    ) {
        for b in blocks {
            match b {
                Block::Heading(h) => {
                    let id = self.heading(h, ci);
                    if top && h.level <= self.depth {
                        flat.push((h.level.max(1), entry(plain_text(&h.content), file, &id)));
                    }
                }
                Block::List(l) => {
                    for item in &l.items {
                        self.walk(&item.blocks, ci, file, flat, false);
                    }
                }
                Block::Quote(q) => self.walk(&q.blocks, ci, file, flat, false),
                Block::Article(a) => {
                    self.claim(addr(a), &a.id, "a", ci);
                    self.walk(&a.body, ci, file, flat, false);
                }
                _ => {}
            }
        }
    }

    fn heading(&mut self, h: &Heading, ci: usize) -> String {
        self.claim(addr(h), &h.id, "h", ci)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_valid_and_unique() {
        let mut st = IdState::default();
        assert_eq!(st.claim(1, "sec", "h", 0), "sec");
        assert_eq!(st.claim(2, "sec", "h", 0), "sec-2");
        assert_eq!(st.claim(3, "1 bad id", "h", 0), "h3");
        assert_eq!(
            st.claim(4, "fn-1", "h", 0),
            "h4",
            "footnote ids are reserved"
        );
        assert_eq!(
            st.targets["sec"],
            (0, "sec".to_string()),
            "first target wins"
        );
    }
}
