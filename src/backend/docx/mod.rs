//! DOCX backend (issue 5): an OOXML package written with `zip` + `quick-xml` escaping,
//! with the East-Asian settings of TYPOGRAPHY.md §10 (kinsoku lists, punctuation
//! compression, autospace, `w:lang w:eastAsia`, first-line indent in characters).

mod document;
mod embed;
mod fonts;
mod footnotes;
mod media;
mod numbering;
mod official;
mod package;
mod pages;
mod runs;
mod settings;
mod styles;
mod table;
mod toc;
mod xml;

pub use embed::{key_bytes, obfuscate};
pub use fonts::{face, Face};
pub use settings::{NO_BREAK_AFTER, NO_BREAK_BEFORE};

use crate::ast::{Document, ResolvedMeta};
use crate::backend::zip::{self, Entry};
use crate::backend::{Backend, Context};
use crate::error::Result;
use crate::log::Log;
use document::Writer;
use package::{wml, Core, Rels};

/// The DOCX backend.
#[derive(Debug, Clone, Copy, Default)]
pub struct Docx;

/// East-Asian language for `w:lang w:eastAsia`: the document's when it is CJK, else zh-CN.
fn east_asian_lang(lang: &str) -> String {
    let l = lang.to_ascii_lowercase();
    if l.starts_with("zh") || l.starts_with("ja") || l.starts_with("ko") {
        lang.to_string()
    } else {
        "zh-CN".to_string()
    }
}

/// Core properties of the resolved document facts; the subtitle is the subject.
fn core(meta: ResolvedMeta, epoch: Option<i64>) -> Core {
    Core {
        title: Some(meta.title),
        subject: meta.subtitle,
        creators: meta.authors,
        language: meta.language,
        epoch,
    }
}

impl Backend for Docx {
    fn name(&self) -> &'static str {
        "docx"
    }

    fn extension(&self) -> &'static str {
        "docx"
    }

    fn render(&self, doc: &Document, ctx: &Context<'_>, log: &mut Log) -> Result<Vec<u8>> {
        let doc = &*crate::passes::link_notes::for_print(doc, ctx.options.link_footnotes);
        let style = ctx.style;
        let facts = doc.resolved_meta();
        let lang = east_asian_lang(&facts.language);
        let mut w = Writer::new(doc, ctx, log, lang.clone());

        // Document relationships: fixed parts first so their ids do not depend on content.
        let mut parts: Vec<(String, String, Vec<u8>)> = Vec::new();
        w.rels.add_office("styles", "styles.xml");
        w.rels.add_office("settings", "settings.xml");
        w.rels.add_office("fontTable", "fontTable.xml");
        let footers = pages::footers(style, &lang);
        let mut refs: Vec<(&str, &str, String)> = footers
            .iter()
            .map(|f| {
                (
                    "w:footerReference",
                    f.kind,
                    w.rels.add_office("footer", f.part),
                )
            })
            .collect();
        if style.header.is_some() {
            let id = w.rels.add_office("header", "header1.xml");
            // With odd/even footers on, even pages need their own header reference too.
            if pages::odd_even(style) {
                refs.insert(0, ("w:headerReference", "even", id.clone()));
            }
            refs.insert(0, ("w:headerReference", "default", id));
        }
        let has_notes = !doc.notes.is_empty();
        if has_notes {
            w.rels.add_office("footnotes", "footnotes.xml");
        }
        // The body first: it decides which notes are referenced, and in which order.
        let body = w.document(doc, &refs);
        if has_notes {
            let saved = std::mem::take(&mut w.rels);
            let notes = w.footnotes(doc);
            let note_rels = std::mem::replace(&mut w.rels, saved);
            let notes = notes.into_bytes();
            parts.push(("word/footnotes.xml".into(), wml("footnotes"), notes));
            if !note_rels.list.is_empty() {
                let rels = note_rels.xml().into_bytes();
                parts.push(("word/_rels/footnotes.xml.rels".into(), String::new(), rels));
            }
        }
        if !w.numbering.is_empty() {
            w.rels.add_office("numbering", "numbering.xml");
            let n = w.numbering.xml(style).into_bytes();
            parts.push(("word/numbering.xml".into(), wml("numbering"), n));
        }
        parts.push(("word/document.xml".into(), wml("main"), body.into_bytes()));
        let styles = styles::styles(style, &lang, &doc.heading_style_keys()).into_bytes();
        parts.push(("word/styles.xml".into(), wml("styles"), styles));
        // Fonts last among the body's consumers: the runs have collected their characters.
        let embedded = if ctx.options.docx_embed_fonts || style.docx.embed_fonts {
            embed::embed(&w.used, &ctx.options.font_dirs, w.log)?
        } else {
            Vec::new()
        };
        let odd_even = pages::odd_even(style);
        let settings = settings::settings(&lang, has_notes, !embedded.is_empty(), odd_even);
        let settings = settings.into_bytes();
        parts.push(("word/settings.xml".into(), wml("settings"), settings));
        let mut font_rels = Rels::default();
        let ids: Vec<String> = embedded
            .iter()
            .map(|f| font_rels.add(embed::REL_FONT, &f.target, false))
            .collect();
        let fonts = fonts::font_table(&embedded, &ids).into_bytes();
        parts.push(("word/fontTable.xml".into(), wml("fontTable"), fonts));
        if !embedded.is_empty() {
            let rels = font_rels.xml().into_bytes();
            parts.push(("word/_rels/fontTable.xml.rels".into(), String::new(), rels));
        }
        for f in embedded {
            let ct = embed::OBFUSCATED_FONT.to_string();
            parts.push((format!("word/{}", f.target), ct, f.data));
        }
        for f in footers {
            parts.push((
                format!("word/{}", f.part),
                wml("footer"),
                f.xml.into_bytes(),
            ));
        }
        if let Some(h) = &style.header {
            let header = pages::header(h, &lang).into_bytes();
            parts.push(("word/header1.xml".into(), wml("header"), header));
        }
        parts.push((
            "word/_rels/document.xml.rels".into(),
            String::new(),
            w.rels.xml().into_bytes(),
        ));
        for item in &w.media.items {
            parts.push((
                format!("word/media/{}", item.name),
                String::new(),
                item.bytes.clone(),
            ));
            if let Some(svg) = &item.svg {
                // An override, not a `Default`: documents without SVG keep their bytes.
                parts.push((
                    format!("word/media/{}", media::svg_name(&item.name)),
                    "image/svg+xml".into(),
                    svg.clone(),
                ));
            }
        }
        let core = core(facts, ctx.options.source_date_epoch)
            .xml()
            .into_bytes();
        let core_ct = "application/vnd.openxmlformats-package.core-properties+xml".to_string();
        parts.push(("docProps/core.xml".into(), core_ct, core));
        let app_ct = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
        parts.push((
            "docProps/app.xml".into(),
            app_ct.into(),
            package::app().into_bytes(),
        ));

        let mut root = Rels::default();
        root.add_office("officeDocument", "word/document.xml");
        root.add(
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
            false,
        );
        root.add_office("extended-properties", "docProps/app.xml");

        let overrides: Vec<(String, String)> = parts
            .iter()
            .filter(|(_, ct, _)| !ct.is_empty())
            .map(|(name, ct, _)| (format!("/{name}"), ct.clone()))
            .collect();
        let mut files: Vec<Entry> = vec![
            Entry {
                path: "[Content_Types].xml".into(),
                data: package::content_types(&overrides).into_bytes(),
            },
            Entry {
                path: "_rels/.rels".into(),
                data: root.xml().into_bytes(),
            },
        ];
        files.extend(
            parts
                .into_iter()
                .map(|(path, _, data)| Entry { path, data }),
        );
        zip::write("docx", &[], &files, ctx.options.source_date_epoch)
    }
}
