//! The PDF backend: fonts → layout (src/layout) → pages written with krilla 0.8.
//!
//! This module only writes what the layout placed: no line or page breaking happens here.
//! Output is a tagged PDF (structure tree, /Lang), with subset CID fonts and ToUnicode
//! (T27), page labels, an outline, link annotations and named destinations. It is
//! deterministic: no timestamp unless `SOURCE_DATE_EPOCH` is set, and krilla derives the
//! file id from the content.

mod draw;
mod fonts;
mod glyphs;
mod meta;
mod outline;
mod tags;
mod text;

use crate::ast::Document;
use crate::backend::{Backend, Context, RenderOptions, Rendered};
use crate::error::{Error, Result};
use crate::layout::page::{Layout, Page};
use crate::layout::Face;
use crate::log::Log;
use krilla::page::{NumberingStyle, PageLabel, PageSettings};
use krilla::{Document as KrillaDocument, SerializeSettings};
use std::borrow::Borrow;
use std::num::NonZeroU32;
use std::sync::Arc;

/// PDF output (`--to pdf`).
pub struct Pdf;

impl Backend for Pdf {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn extension(&self) -> &'static str {
        "pdf"
    }

    fn render(&self, doc: &Document, ctx: &Context<'_>, log: &mut Log) -> Result<Vec<u8>> {
        self.render_counted(doc, ctx, log).map(|r| r.bytes)
    }

    fn render_counted(&self, doc: &Document, ctx: &Context<'_>, log: &mut Log) -> Result<Rendered> {
        let doc = &*crate::passes::link_notes::for_print(doc, ctx.options.link_footnotes);
        let fonts = crate::fonts::FontSet::load(&ctx.options.font_dirs)?;
        glyphs::check(doc, ctx.style, &fonts, log);
        let style = ctx.style_with_options();
        let mut pages = crate::layout::pages(doc, &style, &fonts, ctx.images(), log);
        let info = std::mem::take(&mut pages.info);
        let known = pages.glyphs_by_face();
        // Each page is written as soon as it is made, then freed (memory, issue 9 case 13).
        write_pages(&info, pages, &known, doc, ctx.options, log)
    }
}

/// Writes a finished layout as PDF bytes. `doc` supplies the metadata (title, authors,
/// subject, language).
pub fn write(
    layout: &Layout,
    doc: &Document,
    options: &RenderOptions,
    log: &mut Log,
) -> Result<Vec<u8>> {
    write_pages(layout, &layout.pages, &[], doc, options, log).map(|r| r.bytes)
}

/// Writes `pages` (in order) with the outline, anchors and structure of `layout`, whose
/// own `pages` are not read: the pages may be made while they are written. The fonts of
/// `known` glyphs (most of the text's) are prepared on other threads while the pages are
/// drawn ([`fonts::FontCache::warm`]).
fn write_pages(
    layout: &Layout,
    pages: impl IntoIterator<Item = impl Borrow<Page>>,
    known: &[(Arc<Face>, Vec<u16>)],
    doc: &Document,
    options: &RenderOptions,
    log: &mut Log,
) -> Result<Rendered> {
    let settings = SerializeSettings {
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut pdf = KrillaDocument::new_with(settings);
    let tagged = tags::tags_in(&layout.structure);
    let titled = tags::title_tags(&layout.structure);
    let mut drawer = draw::Drawer {
        fonts: Default::default(),
        images: Default::default(),
        tagged: &tagged,
        titled: &titled,
        ids: Default::default(),
        texts: Default::default(),
        anchors: &layout.anchors,
        log,
    };
    drawer.fonts.warm(known);
    let mut count = 0;
    for page in pages {
        let page = page.borrow();
        count += 1;
        let size = PageSettings::from_wh(page.width, page.height).ok_or_else(|| Error::Render {
            format: "pdf",
            message: format!("invalid page size {}×{}", page.width, page.height),
        })?;
        let mut kpage = pdf.start_page_with(size.with_page_label(page_label(&page.label)));
        let annots = {
            let mut surface = kpage.surface();
            let annots = drawer.draw_page(page, &mut surface);
            surface.finish();
            annots
        };
        for (annot, tag) in annots {
            match tag {
                Some(t) => {
                    let id = kpage.add_tagged_annotation(annot);
                    drawer.ids.entry(t).or_default().push(id);
                }
                None => kpage.add_annotation(annot),
            }
        }
        kpage.finish();
    }
    let facts = doc.resolved_meta();
    let tree = tags::tag_tree(
        &layout.structure,
        &mut drawer.ids,
        &drawer.texts,
        &facts.language,
    );
    pdf.set_tag_tree(tree);
    pdf.set_outline(outline::outline(&layout.outline, count));
    pdf.set_metadata(meta::metadata(&facts, options.source_date_epoch));
    let bytes = pdf.finish().map_err(|e| Error::Render {
        format: "pdf",
        message: format!("krilla: {e}"),
    })?;
    Ok(Rendered {
        bytes,
        pages: Some(count),
    })
}

/// A numeric label (`"3"`) becomes an Arabic range entry; anything else a literal prefix.
fn page_label(label: &str) -> PageLabel {
    match label.parse::<u32>().ok().and_then(NonZeroU32::new) {
        Some(n) => PageLabel::new(Some(NumberingStyle::Arabic), None, Some(n)),
        None => PageLabel::new(None, Some(label.to_string()), None),
    }
}
