//! EPUB 3 backend: one XHTML file per article (or per chapter of a lone article), nested
//! navigation, TYPOGRAPHY §10 CSS, embedded font subsets, and a reproducible zip.

mod book;
mod chapter;
mod css;
mod fonts;
mod footnotes;
mod nav;
mod package;
mod resources;

use crate::ast::{Block, Document};
use crate::backend::zip::{self, Entry};
use crate::backend::{Backend, Context};
use crate::error::Result;
use crate::log::Log;
/// A UUID-shaped identifier that depends only on its data (also the DOCX font keys).
pub(crate) use package::uuid_from;
use package::{Item, PackageMeta};

/// The EPUB 3 backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Epub;

impl Backend for Epub {
    fn name(&self) -> &'static str {
        "epub"
    }

    fn extension(&self) -> &'static str {
        "epub"
    }

    fn render(&self, doc: &Document, ctx: &Context<'_>, log: &mut Log) -> Result<Vec<u8>> {
        render(doc, ctx, log)
    }
}

fn render(doc: &Document, ctx: &Context<'_>, log: &mut Log) -> Result<Vec<u8>> {
    let facts = doc.resolved_meta();
    let (title, lang) = (facts.title, facts.language);
    let chapters = book::split(doc, ctx.options.split_level);
    let book = book::build(chapters, &title, ctx.style.toc.depth);
    let mut sh = chapter::Shared::new(doc, ctx.style, ctx.images());
    let pages: Vec<String> = (0..book.chapters.len())
        .map(|ci| chapter::chapter(&book, ci, &mut sh, log))
        .collect();
    for n in &doc.notes {
        if !sh.notes.contains_key(&n.label) {
            log.warn(
                "epub",
                n.line,
                format!("footnote [^{}] is never referenced; left out", n.label),
            );
        }
    }
    let fonts = if ctx.options.embed_fonts {
        fonts::embed(&sh.chars, &sh.latin_quotes, &ctx.options.font_dirs, log)?
    } else {
        fonts::Embedded::default()
    };
    let latin = css::LatinUse {
        quote_roles: sh.latin_quotes.keys().copied().collect(),
        english: sh.english,
    };
    let mut css = css::stylesheet(
        ctx.style,
        &fonts,
        &latin,
        css::Used::of(doc),
        &doc.heading_style_keys(),
    );
    let mut figures = false;
    crate::ast::visit_blocks(doc, &mut |b| figures |= matches!(b, Block::Figure(_)));
    if figures {
        css.push_str(&css::captions(ctx.style));
    }
    if !doc.meta.official.is_empty() {
        css.push_str(&css::official(ctx.style, &fonts));
    }
    let creators = facts.authors;

    // The identifier depends on what the reader sees, so the same input gives the same id.
    let mut seed = format!("{title}\n{}\n", creators.join("\n")).into_bytes();
    pages
        .iter()
        .for_each(|p| seed.extend_from_slice(p.as_bytes()));
    let uid = package::uuid_from(&seed);

    let mut items = vec![
        item(
            "nav",
            "nav.xhtml",
            "application/xhtml+xml",
            Some("nav"),
            false,
        ),
        item("ncx", "toc.ncx", "application/x-dtbncx+xml", None, false),
        item("css", "css/style.css", "text/css", None, false),
    ];
    let mut entries = vec![Entry {
        path: "META-INF/container.xml".into(),
        data: package::CONTAINER.as_bytes().to_vec(),
    }];
    let mut add = |path: &str, data: Vec<u8>| {
        entries.push(Entry {
            path: format!("EPUB/{path}"),
            data,
        })
    };
    let nav = nav::nav_xhtml(
        &lang,
        &title,
        &ctx.style.toc.title,
        &book.nav,
        &book.chapters[0].file,
    );
    add("nav.xhtml", nav.into_bytes());
    add(
        "toc.ncx",
        nav::toc_ncx(&lang, &uid, &title, &book.nav).into_bytes(),
    );
    add("css/style.css", css.into_bytes());
    for (ch, page) in book.chapters.iter().zip(pages) {
        let id = ch.file.trim_end_matches(".xhtml").to_string();
        items.push(item(&id, &ch.file, "application/xhtml+xml", None, true));
        add(&ch.file, page.into_bytes());
    }
    // Images and font subsets: plain manifest items, numbered per kind.
    let images = (sh.images.items.iter().enumerate()).map(|(i, img)| {
        (
            format!("img{:03}", i + 1),
            &img.href,
            img.media_type,
            &img.data,
        )
    });
    let faces = (fonts.faces.iter().enumerate())
        .map(|(i, f)| (format!("font{:02}", i + 1), &f.href, f.media_type, &f.data));
    for (id, href, media_type, data) in images.chain(faces) {
        items.push(item(&id, href, media_type, None, false));
        add(href, data.clone());
    }
    let meta = PackageMeta {
        identifier: &uid,
        title: &title,
        creators: &creators,
        language: &lang,
        modified: &package::modified(ctx.options.source_date_epoch),
    };
    entries.insert(
        1,
        Entry {
            path: "EPUB/content.opf".into(),
            data: package::opf(&meta, &items).into_bytes(),
        },
    );
    // The OCF container wants `mimetype` first and uncompressed.
    let mimetype = [Entry {
        path: "mimetype".into(),
        data: b"application/epub+zip".to_vec(),
    }];
    zip::write("epub", &mimetype, &entries, ctx.options.source_date_epoch)
}

fn item(
    id: &str,
    href: &str,
    media_type: &str,
    properties: Option<&'static str>,
    spine: bool,
) -> Item {
    Item {
        id: id.to_string(),
        href: href.to_string(),
        media_type: media_type.to_string(),
        properties,
        spine,
    }
}
