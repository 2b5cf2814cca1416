//! Chapter files: blocks to XHTML (headings with ids, run-in headings, lists with text
//! markers, tables, code, quotes, figures) and EPUB 3 footnotes at the end of each file.

use super::book::{addr, Book, Part};
use super::css::strong_class;
use super::resources::{Chars, Images};
use super::xml::esc;
use crate::ast::{Article, Block, Byline, Document, Heading, List, Meta, Table};
use crate::backend::titles::balanced;
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

/// Writes one chapter file's `<body>` content.
pub(super) struct W<'x, 'd, 'a> {
    pub book: &'x Book<'a>,
    pub sh: &'x mut Shared<'d>,
    pub log: &'x mut Log,
    pub ci: usize,
    pub out: String,
    pub roles: Vec<FontRole>,
    pub emph: usize,
    pub line: usize,
    pub last: Option<char>,
    /// Footnotes first referenced in this file: (label, number).
    pub pending: Vec<(String, usize)>,
}

/// Renders chapter `ci` of `book` as a complete XHTML file.
pub fn chapter(book: &Book<'_>, ci: usize, sh: &mut Shared<'_>, log: &mut Log) -> String {
    let ch = &book.chapters[ci];
    let body_role = sh.style.body_font;
    let mut w = W {
        book,
        sh,
        log,
        ci,
        out: String::new(),
        roles: vec![body_role],
        emph: 0,
        line: 0,
        last: None,
        pending: Vec::new(),
    };
    for part in &ch.parts {
        match part {
            Part::Title(m) => w.doc_head(m),
            Part::Head(a) => w.article_head(a),
            Part::Blocks(blocks) => w.blocks(blocks),
            Part::Bylines(b) => w.bylines(b),
        }
    }
    w.footnotes();
    let lang = w.sh.doc.resolved_meta().language;
    page(&lang, &ch.title, Some("css/style.css"), &w.out)
}

impl W<'_, '_, '_> {
    fn with_role(&mut self, role: FontRole, f: impl FnOnce(&mut Self)) {
        self.roles.push(role);
        f(self);
        self.roles.pop();
    }

    fn id_attr<T>(&self, node: &T) -> String {
        match self.book.ids.get(&addr(node)) {
            Some(id) => format!(" id=\"{}\"", esc(id)),
            None => String::new(),
        }
    }

    fn article_head(&mut self, a: &Article) {
        self.line = a.line;
        let id = self.id_attr(a);
        let title_role = self.sh.style.title.role();
        self.out.push_str(&format!("<h1 class=\"title\"{id}>"));
        let title = balanced(&a.title, 1.0, self.sh.style.epub.title_measure_em);
        self.with_role(title_role, |w| w.inlines(&title));
        self.out.push_str("</h1>\n");
        if let Some(sub) = &a.subtitle {
            self.out.push_str("<p class=\"subtitle\">");
            let role = self.sh.style.subtitle.role();
            self.with_role(role, |w| {
                // T23: the subtitle is printed with a leading 破折号.
                let text = crate::ast::plain_text(sub);
                if !text.starts_with("——") {
                    w.text("——");
                }
                w.inlines(&balanced(sub, 1.0, w.sh.style.epub.title_measure_em));
            });
            self.out.push_str("</p>\n");
        }
    }

    /// Front-matter title, subtitle and authors of a document without articles (T23).
    fn doc_head(&mut self, meta: &Meta) {
        let style = self.sh.style;
        self.out.push_str("<h1 class=\"title\">");
        self.with_role(style.title.role(), |w| {
            w.text(meta.title.as_deref().unwrap_or(""))
        });
        self.out.push_str("</h1>\n");
        if let Some(sub) = meta.subtitle.as_deref().filter(|s| !s.is_empty()) {
            self.out.push_str("<p class=\"subtitle\">");
            self.with_role(style.subtitle.role(), |w| {
                if !sub.starts_with("——") {
                    w.text("——");
                }
                w.text(sub);
            });
            self.out.push_str("</p>\n");
        }
        if !meta.authors.is_empty() {
            self.out.push_str("<p class=\"byline\">");
            let names = meta.authors.join("\u{3000}");
            self.with_role(style.byline.role(), |w| w.text(&names));
            self.out.push_str("</p>\n");
        }
    }

    fn bylines(&mut self, bylines: &[Byline]) {
        let role = self.sh.style.byline.role();
        for b in bylines {
            self.line = b.line;
            self.out.push_str("<p class=\"byline\">");
            self.with_role(role, |w| {
                w.text(&b.name);
                if !b.affiliation.is_empty() {
                    w.text("\u{3000}");
                    w.text(&b.affiliation);
                }
            });
            self.out.push_str("</p>\n");
        }
    }

    pub(super) fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    fn block(&mut self, b: &Block) {
        self.line = b.line();
        self.last = None;
        match b {
            Block::Article(a) => {
                self.article_head(a);
                self.blocks(&a.body);
                self.bylines(&a.bylines);
            }
            Block::Heading(h) => self.heading(h),
            Block::Para(p) => {
                self.out.push_str("<p>");
                self.inlines(&p.content);
                self.out.push_str("</p>\n");
            }
            Block::List(l) => self.list(l),
            Block::Quote(q) => {
                self.out.push_str("<blockquote>\n");
                let role = self.sh.style.quote_font;
                self.with_role(role, |w| w.blocks(&q.blocks));
                self.out.push_str("</blockquote>\n");
            }
            Block::Code(c) => {
                let class = c
                    .lang
                    .as_deref()
                    .map(|l| {
                        l.chars()
                            .filter(|c| c.is_ascii_alphanumeric() || "+-_".contains(*c))
                    })
                    .map(|l| l.collect::<String>())
                    .filter(|l| !l.is_empty())
                    .map(|l| format!(" class=\"language-{l}\""))
                    .unwrap_or_default();
                self.out.push_str(&format!("<pre><code{class}>"));
                self.with_role(FontRole::Mono, |w| w.raw_text(&c.text));
                self.out.push_str("</code></pre>\n");
            }
            Block::Table(t) => self.table(t),
            Block::Figure(f) => {
                let from = self.sh.image_source;
                match self.sh.images.resolve(&f.src, from, self.log, f.line) {
                    Some(href) => {
                        self.out.push_str(&format!(
                            "<figure>\n<img src=\"{}\" alt=\"{}\"/>\n",
                            esc(&href),
                            esc(&f.alt)
                        ));
                        if let Some(t) = f.title.as_deref().filter(|t| !t.is_empty()) {
                            self.out.push_str("<figcaption>");
                            self.text(t);
                            self.out.push_str("</figcaption>\n");
                        }
                        self.out.push_str("</figure>\n");
                    }
                    None if !f.alt.is_empty() => {
                        self.out.push_str("<p class=\"alt\">");
                        self.text(&f.alt);
                        self.out.push_str("</p>\n");
                    }
                    None => {}
                }
            }
            Block::Html(r) => {
                // Raw HTML need not be well-formed XML; copying it could break the book.
                if !r.text.trim_start().starts_with("<!--") {
                    self.log
                        .warn("epub", r.line, "raw HTML block left out of the EPUB");
                }
            }
            Block::Rule(_) => self.out.push_str("<hr/>\n"),
            Block::PageBreak(_) => self.out.push_str("<div class=\"pagebreak\"></div>\n"),
        }
    }

    /// Heading role: the level's face; a bold Song level uses the real bold face (T23/T24).
    fn heading_role(&self, level: u8) -> FontRole {
        self.sh.style.heading(level).role()
    }

    fn heading(&mut self, h: &Heading) {
        let id = self.id_attr(h);
        let level = h.level.clamp(1, 6);
        let role = self.heading_role(level);
        if !h.run_in.is_empty() {
            // T22: heading span and body text share one paragraph.
            self.out
                .push_str(&format!("<p class=\"runin\"{id}><span class=\"h{level}\">"));
            self.with_role(role, |w| w.inlines(&h.content));
            self.out.push_str("</span>");
            self.inlines(&h.run_in);
            self.out.push_str("</p>\n");
            return;
        }
        let in_article = self.book.chapters[self.ci].in_article;
        let tag = (level + u8::from(in_article)).min(6);
        self.out
            .push_str(&format!("<h{tag} class=\"h{level}\"{id}>"));
        self.with_role(role, |w| w.inlines(&h.content));
        self.out.push_str(&format!("</h{tag}>\n"));
    }

    /// T19: markers are text after the 2 em indent; run-over lines flush left.
    fn list(&mut self, l: &List) {
        let tag = if l.start.is_some() { "ol" } else { "ul" };
        self.out.push_str(&format!("<{tag}>\n"));
        for (i, item) in l.items.iter().enumerate() {
            let marker = match (item.checked, l.start) {
                (Some(true), _) => "■ ".to_string(),
                (Some(false), _) => "□ ".to_string(),
                (None, Some(start)) => format!("{}.", start + i as u64),
                (None, None) => "• ".to_string(),
            };
            self.out.push_str("<li>");
            let rest = match item.blocks.first() {
                Some(Block::Para(p)) => {
                    self.line = p.line;
                    self.last = None;
                    self.out.push_str("<p><span class=\"mk\">");
                    self.text(&marker);
                    self.out.push_str("</span>");
                    self.inlines(&p.content);
                    self.out.push_str("</p>\n");
                    &item.blocks[1..]
                }
                _ => {
                    self.out.push_str("<p><span class=\"mk\">");
                    self.text(marker.trim_end());
                    self.out.push_str("</span></p>\n");
                    &item.blocks[..]
                }
            };
            self.blocks(rest);
            self.out.push_str("</li>\n");
        }
        self.out.push_str(&format!("</{tag}>\n"));
    }

    fn table(&mut self, t: &Table) {
        use crate::ast::Align;
        let align = |i: usize| match t.aligns.get(i) {
            Some(Align::Center) => Some("ac"),
            Some(Align::Right) => Some("ar"),
            Some(Align::Left) => Some("al"),
            _ => None,
        };
        let class = |names: &[Option<&str>]| {
            let names: Vec<&str> = names.iter().flatten().copied().collect();
            match names.is_empty() {
                true => String::new(),
                false => format!(" class=\"{}\"", names.join(" ")),
            }
        };
        self.out.push_str("<table>\n");
        if !t.header.is_empty() {
            self.out.push_str("<thead>\n<tr>");
            // T24: header cells are set like strong text (`th` is bold), as in the PDF.
            let from = *self.roles.last().unwrap_or(&FontRole::Song);
            for (i, cell) in t.header.iter().enumerate() {
                self.out
                    .push_str(&format!("<th{}>", class(&[align(i), strong_class(from)])));
                self.last = None;
                self.with_role(from.strong(), |w| w.inlines(cell));
                self.out.push_str("</th>");
            }
            self.out.push_str("</tr>\n</thead>\n");
        }
        if !t.rows.is_empty() {
            self.out.push_str("<tbody>\n");
            for row in &t.rows {
                self.out.push_str("<tr>");
                for (i, cell) in row.iter().enumerate() {
                    self.out.push_str(&format!("<td{}>", class(&[align(i)])));
                    self.last = None;
                    self.inlines(cell);
                    self.out.push_str("</td>");
                }
                self.out.push_str("</tr>\n");
            }
            self.out.push_str("</tbody>\n");
        }
        self.out.push_str("</table>\n");
    }

    /// EPUB 3 footnotes (`aside epub:type="footnote"`), each linking back to its first
    /// reference. Notes referenced inside notes are appended as they are met.
    fn footnotes(&mut self) {
        let mut k = 0;
        if !self.pending.is_empty() {
            self.out.push_str("<hr class=\"fnsep\"/>\n");
        }
        while k < self.pending.len() {
            let (label, n) = self.pending[k].clone();
            k += 1;
            let doc = self.sh.doc;
            let Some(note) = doc.notes.iter().find(|f| f.label == label) else {
                continue;
            };
            self.line = note.line;
            self.out.push_str(&format!(
                "<aside epub:type=\"footnote\" class=\"fn\" id=\"fn-{n}\">\n"
            ));
            let back = format!("<a class=\"fnback\" href=\"#fnref-{n}\">{n}</a>\u{3000}");
            self.record(&format!("{n}\u{3000}"));
            let rest = match note.blocks.first() {
                Some(Block::Para(p)) => {
                    self.out.push_str("<p>");
                    self.out.push_str(&back);
                    self.last = None;
                    self.inlines(&p.content);
                    self.out.push_str("</p>\n");
                    &note.blocks[1..]
                }
                _ => {
                    self.out.push_str(&format!("<p>{back}</p>\n"));
                    &note.blocks[..]
                }
            };
            self.blocks(rest);
            self.out.push_str("</aside>\n");
        }
    }
}
