//! The layout driver: runs the block builder over a document, then pagination, and
//! assembles the [`Layout`] the PDF writer receives.

use super::blocks::Builder;
use super::notes::Notes;
use super::page::{ItemKind, Layout, LinkTarget, StructChild};
use super::paginate::paginate;
use super::para_cache::ParaCache;
use super::types::FontSet;
use crate::ast::{Article, Byline, Document, Inline};
use crate::image::ImageSource;
use crate::log::Log;
use crate::style::Style;

/// Lays out a whole document into pages (T17–T24 block and page rules) for the PDF writer.
/// `images` resolves image paths and says which may be used; missing or refused images
/// and missing fonts log warnings.
pub fn layout(
    doc: &Document,
    style: &Style,
    fonts: &FontSet,
    images: ImageSource<'_>,
    log: &mut Log,
) -> Layout {
    let mut b = Builder::new(style, fonts, images, log, Notes::default());
    let mut top = Vec::new();
    let full = b.full_frame();
    match doc.title_block() {
        // A document title from metadata (front matter) without articles: one article.
        Some(meta) => {
            let title = meta.title.clone().unwrap_or_default();
            let article = Article {
                title: vec![Inline::Text(title)],
                subtitle: meta.subtitle.clone().map(|s| vec![Inline::Text(s)]),
                body: doc.blocks.clone(),
                // Front-matter authors print as bylines at the end, like inferred ones (T23).
                bylines: meta
                    .authors
                    .iter()
                    .map(|a| Byline {
                        name: a.clone(),
                        affiliation: String::new(),
                        line: 0,
                    })
                    .collect(),
                id: String::new(),
                line: 0,
            };
            // Cache the copy the builder walks: the cache is keyed by paragraph address.
            b.para_cache = ParaCache::new(&article.body, style, fonts);
            b.article(&article, &mut top);
        }
        None => {
            b.para_cache = ParaCache::new(&doc.blocks, style, fonts);
            b.blocks(&doc.blocks, full, style.body_font, &mut top)
        }
    }
    b.note_bodies(&doc.notes);
    b.flush_warnings();
    let p = paginate(&b.boxes, &b.table_heads, &b.notes.bodies, style, fonts);
    top.append(&mut b.notes.structure);
    let structure = top
        .into_iter()
        .filter_map(|c| match c {
            StructChild::Node(n) => Some(n),
            StructChild::Content(_) => None,
        })
        .collect();
    let layout = Layout {
        pages: p.pages,
        outline: p.outline,
        anchors: p.anchors,
        structure,
    };
    for page in &layout.pages {
        for it in &page.items {
            if let ItemKind::Link {
                target: LinkTarget::Dest(id),
                ..
            } = &it.kind
            {
                if !layout.anchors.contains_key(id) {
                    b.log
                        .warn("pdf", 0, format!("link to #{id}: no heading has this id"));
                }
            }
        }
    }
    layout
}
