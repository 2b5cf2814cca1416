//! The layout driver: runs the block builder over a document, then pagination, and
//! hands the pages out one at a time ([`PageStream`]) or all at once ([`Layout`]).

use super::blocks::Builder;
use super::contents;
use super::notes::{NoteBody, Notes};
use super::page::{ItemKind, Layout, LinkTarget, Page, StructChild};
use super::paginate::{make_page, page_boxes, paginate, PagePlan};
use super::para_cache::ParaCache;
use super::types::{Face, FontSet};
use super::vlist::VBox;
use crate::ast::{Article, Byline, Document, Inline};
use crate::image::ImageSource;
use crate::log::Log;
use crate::style::Style;
use std::sync::Arc;

/// Lays out a whole document into pages (T17–T24 block and page rules), all held at once
/// (for tests and `inspect`; the PDF writer takes them one by one from [`pages`]).
/// `images` resolves image paths and says which may be used; missing or refused images
/// and missing fonts log warnings.
pub fn layout(
    doc: &Document,
    style: &Style,
    fonts: &FontSet,
    images: ImageSource<'_>,
    log: &mut Log,
) -> Layout {
    let mut stream = pages(doc, style, fonts, images, log);
    let pages = stream.by_ref().collect();
    Layout {
        pages,
        ..stream.info
    }
}

/// The pages of a laid-out document, made one at a time: a page's glyphs exist only from
/// when it is made until the caller drops it, so a long document never holds two copies
/// of its text's glyphs, and the writer frees each page once written.
pub struct PageStream<'a> {
    /// Outline, anchors and structure of the whole document; `pages` stays empty.
    pub info: Layout,
    boxes: Vec<VBox>,
    heads: Vec<Vec<VBox>>,
    notes: Vec<NoteBody>,
    plans: std::vec::IntoIter<PagePlan>,
    made: usize,
    style: &'a Style,
    fonts: &'a FontSet,
}

impl Iterator for PageStream<'_> {
    type Item = Page;

    fn next(&mut self) -> Option<Page> {
        let plan = self.plans.next()?;
        let page = make_page(
            &plan,
            self.made,
            &mut self.boxes,
            &self.heads,
            &self.notes,
            self.style,
            self.fonts,
        );
        self.made += 1;
        Some(page)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.plans.size_hint()
    }
}

impl PageStream<'_> {
    /// The glyph ids each face draws in the boxes of the pages still to be made, faces in
    /// order of first use, ids ascending: nearly every glyph of the document (running
    /// heads, page numbers, contents numbers and footnotes aside), known before any page
    /// is made. A writer can prepare its fonts from this while it draws (issue 12).
    pub fn glyphs_by_face(&self) -> Vec<(Arc<Face>, Vec<u16>)> {
        let mut faces: Vec<(Arc<Face>, Vec<bool>)> = Vec::new();
        for item in self.boxes.iter().flat_map(|b| &b.items) {
            let ItemKind::Glyphs(run) = &item.kind else {
                continue;
            };
            // One face is one file's bytes and an index in it (as the PDF writer keys them).
            let same = |f: &Arc<Face>| {
                f.data().as_ptr() == run.face.data().as_ptr() && f.index == run.face.index
            };
            let at = match faces.iter().position(|(f, _)| same(f)) {
                Some(at) => at,
                None => {
                    faces.push((run.face.clone(), Vec::new()));
                    faces.len() - 1
                }
            };
            let used = &mut faces[at].1;
            for g in &run.glyphs {
                let i = usize::from(g.id);
                if used.len() <= i {
                    used.resize(i + 1, false);
                }
                used[i] = true;
            }
        }
        faces
            .into_iter()
            .map(|(face, used)| {
                let ids = (0..used.len()).filter(|&i| used[i]).map(|i| i as u16);
                (face, ids.collect())
            })
            .collect()
    }
}

/// Lays out a whole document like [`layout`], but returns its pages as a stream: the
/// outline, anchors and structure are known at once, each page is made when asked for.
pub fn pages<'a>(
    doc: &Document,
    style: &'a Style,
    fonts: &'a FontSet,
    images: ImageSource<'_>,
    log: &mut Log,
) -> PageStream<'a> {
    // The body paragraphs are set on the other cores while the builder walks the document
    // and takes their lines (the cache is keyed by paragraph address: it and the builder
    // walk the same blocks).
    let cache = ParaCache::new(&doc.blocks);
    let mut b = Builder::new(style, fonts, images, log, Notes::default());
    b.chapter_level = doc.chapter_level();
    b.para_cache = Some(&cache);
    let mut top = Vec::new();
    let full = b.full_frame();
    rayon::in_place_scope(|scope| {
        // One filler per other thread of the pool (at least one: with a single thread it
        // runs after the builder and finds every paragraph set).
        for _ in 0..rayon::current_num_threads().saturating_sub(1).max(1) {
            scope.spawn(|_| cache.fill(style, fonts));
        }
        // T30: the official document's 版头 and 主送 go around the first title, or open
        // the document when it has none.
        let official = &doc.meta.official;
        if !official.is_empty() {
            if doc.title_block().is_some() || doc.articles().next().is_some() {
                b.official = Some(official.clone());
            } else {
                b.official_header(official, &mut top);
                b.official_addressee(official, &mut top);
            }
        }
        match doc.title_block() {
            // A document title from metadata (front matter) without articles: one article.
            Some(meta) => {
                let title = meta.title.clone().unwrap_or_default();
                let article = Article {
                    title: vec![Inline::Text(title)],
                    subtitle: meta.subtitle.clone().map(|s| vec![Inline::Text(s)]),
                    // The body is walked in place (`article_with_body`), never copied.
                    body: Vec::new(),
                    // Front-matter authors print as bylines at the end, like inferred ones
                    // (T23).
                    bylines: meta.authors.iter().map(|a| Byline::of_author(a)).collect(),
                    id: String::new(),
                    line: 0,
                };
                b.article_with_body(&article, &doc.blocks, &mut top);
            }
            None => b.blocks(&doc.blocks, full, style.body_font, &mut top),
        }
    });
    let official = &doc.meta.official;
    // T30: 附件说明, 署名 and 成文日期 after the text, the 版记 at the foot of the last page.
    b.official_closing(official, &mut top);
    b.official_record(official, &mut top);
    b.note_bodies(&doc.notes);
    let toc = match style.toc.enabled {
        // The contents page goes before the text: set it, then put the text after it.
        true => {
            let entries = contents::entries(&b.boxes, style.toc.depth);
            let text = std::mem::take(&mut b.boxes);
            let mut kids = Vec::new();
            let set = b.contents(&entries, text.len(), &mut kids);
            b.boxes.extend(text);
            top.splice(0..0, kids);
            set
        }
        false => Vec::new(),
    };
    b.flush_warnings();
    let mut boxes = std::mem::take(&mut b.boxes);
    let heads = std::mem::take(&mut b.table_heads);
    let notes = std::mem::take(&mut b.notes.bodies);
    let p = paginate(&boxes, &heads, &notes, style, &doc.resolved_meta().title);
    contents::fill_numbers(&mut boxes, &toc, &p.anchors, style, fonts);
    top.append(&mut b.notes.structure);
    let structure = top
        .into_iter()
        .filter_map(|c| match c {
            StructChild::Node(n) => Some(n),
            StructChild::Content(_) => None,
        })
        .collect();
    // Links to a missing heading, warned in the order their pages draw them.
    for plan in &p.plans {
        for it in page_boxes(plan, &boxes, &heads, &notes).flat_map(|b| &b.items) {
            if let ItemKind::Link {
                target: LinkTarget::Dest(id),
                ..
            } = &it.kind
            {
                if !p.anchors.contains_key(id) {
                    let message = crate::log::missing_anchor(id);
                    b.log.warn(crate::log::MISSING_ANCHOR, it.line, message);
                }
            }
        }
    }
    PageStream {
        info: Layout {
            pages: Vec::new(),
            outline: p.outline,
            anchors: p.anchors,
            structure,
        },
        boxes,
        heads,
        notes,
        plans: p.plans.into_iter(),
        made: 0,
        style,
        fonts,
    }
}
