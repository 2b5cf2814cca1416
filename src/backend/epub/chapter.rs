//! Chapter files: each chapter's parts through the shared XHTML writer, answering its
//! questions from the cut book (ids, files), the copied images and the footnote numbers,
//! then EPUB 3 footnotes at the end of the file.

use super::book::{addr, Book, Part};
use super::footnotes::footnotes;
use super::resources::{Chars, Images};
use crate::ast::{Article, Document, Heading};
use crate::backend::xhtml::{esc, Writer, XhtmlHost};
use crate::image::ImageSource;
use crate::log::Log;
use crate::style::{FontRole, Style};
use std::collections::BTreeMap;

/// State shared by all chapter files of one book.
pub struct Shared<'d> {
    /// The document.
    pub doc: &'d Document,
    /// The style (heading fonts).
    pub style: &'d Style,
    /// Where images come from (the input folder and the image rules).
    pub image_source: ImageSource<'d>,
    /// Footnote label → (number, chapter index) once referenced.
    pub notes: BTreeMap<String, (usize, usize)>,
    /// Images copied into the book.
    pub images: Images,
    /// Characters per font role.
    pub chars: Chars,
    /// Latin-context quotes per font role (T25: the role's Latin quote face).
    pub latin_quotes: Chars,
    /// Some English word is marked for hyphenation (T8: the stylesheet's rule).
    pub english: bool,
}

impl<'d> Shared<'d> {
    /// Fresh state for `doc`.
    pub fn new(doc: &'d Document, style: &'d Style, image_source: ImageSource<'d>) -> Self {
        Shared {
            doc,
            style,
            image_source,
            notes: BTreeMap::new(),
            images: Images::default(),
            chars: Chars::new(),
            latin_quotes: Chars::new(),
            english: false,
        }
    }
}

/// Wraps a body in an XHTML 5 document with `lang` and `xml:lang` (TYPOGRAPHY §10).
pub fn page(lang: &str, title: &str, css: Option<&str>, body: &str) -> String {
    let lang = esc(lang);
    let link = css
        .map(|h| {
            format!(
                "\n<link rel=\"stylesheet\" type=\"text/css\" href=\"{}\"/>",
                esc(h)
            )
        })
        .unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n\
<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"{lang}\" xml:lang=\"{lang}\">\n\
<head>\n<meta charset=\"UTF-8\"/>\n<title>{}</title>{link}\n</head>\n<body>\n{body}</body>\n</html>\n",
        esc(title)
    )
}

/// The XHTML writer's host while one chapter file is written.
pub(super) struct ChapterHost<'x, 'd, 'a> {
    /// The cut book: files, ids, link targets.
    pub book: &'x Book<'a>,
    /// Images, footnote numbers and characters of the whole book.
    pub sh: &'x mut Shared<'d>,
    /// Index of the chapter being written.
    pub ci: usize,
    /// Footnotes first referenced in this file: (label, number).
    pub pending: Vec<(String, usize)>,
}

/// Renders chapter `ci` of `book` as a complete XHTML file.
pub fn chapter(book: &Book<'_>, ci: usize, sh: &mut Shared<'_>, log: &mut Log) -> String {
    let ch = &book.chapters[ci];
    let (doc, style) = (sh.doc, sh.style);
    let host = ChapterHost {
        book,
        sh,
        ci,
        pending: Vec::new(),
    };
    let mut w = Writer::new(host, doc, style, log);
    // T30: the official document's 版头 opens the first chapter, its 主送 follows the first
    // title, its closing and 版记 end the last chapter.
    let official = &doc.meta.official;
    let mut addressee = ci == 0;
    if ci == 0 {
        w.official_header(official);
    }
    for part in &ch.parts {
        match part {
            Part::Title(m) => w.doc_head(m),
            Part::Head(a) => w.article_head(a),
            Part::Blocks(blocks) => {
                if std::mem::take(&mut addressee) {
                    w.official_addressee(official);
                }
                w.blocks(blocks)
            }
            Part::Bylines(b) => w.bylines(b),
        }
    }
    if std::mem::take(&mut addressee) {
        w.official_addressee(official);
    }
    if ci + 1 == book.chapters.len() {
        w.official_closing(official);
        w.official_record(official);
    }
    footnotes(&mut w);
    let lang = doc.resolved_meta().language;
    page(&lang, &ch.title, Some("css/style.css"), &w.out)
}

impl XhtmlHost for ChapterHost<'_, '_, '_> {
    const LOG_TAG: &'static str = "epub";
    const FORMAT_NAME: &'static str = "EPUB";
    const CONTAINER: &'static str = "book";

    fn article_id<'a>(&'a self, a: &'a Article) -> Option<&'a str> {
        self.book.ids.get(&addr(a)).map(String::as_str)
    }

    fn heading_id<'a>(&'a self, h: &'a Heading) -> Option<&'a str> {
        self.book.ids.get(&addr(h)).map(String::as_str)
    }

    fn headings_below_title(&self) -> bool {
        self.book.chapters[self.ci].in_article
    }

    /// The document start is the first chapter file; an id links within this file or to
    /// the chapter file holding it.
    fn fragment_href(&self, fragment: &str) -> Option<String> {
        if fragment.is_empty() {
            return Some(esc(&self.book.chapters[0].file));
        }
        self.book.targets.get(fragment).map(|(ci, id)| {
            let file = &self.book.chapters[*ci].file;
            if *ci == self.ci {
                format!("#{}", esc(id))
            } else {
                format!("{}#{}", esc(file), esc(id))
            }
        })
    }

    fn image_src(&mut self, src: &str, log: &mut Log, line: usize) -> Option<String> {
        let from = self.sh.image_source;
        self.sh.images.resolve(src, from, log, line)
    }

    fn record_chars(&mut self, role: FontRole, text: &str) {
        self.sh.chars.entry(role).or_default().extend(text.chars());
    }

    fn note_ref(&mut self, label: &str, role: FontRole) -> String {
        self.noteref_markup(label, role)
    }

    fn record_latin_quote(&mut self, role: FontRole, c: char) {
        self.sh.latin_quotes.entry(role).or_default().insert(c);
    }

    fn record_english_word(&mut self) {
        self.sh.english = true;
    }
}
