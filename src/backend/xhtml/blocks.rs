//! Blocks to XHTML: title blocks, headings with ids, run-in headings, lists with text
//! markers, tables, code, quotes and figures.

use super::{esc, heading_class, strong_class, Writer, XhtmlHost};
use crate::ast::{Article, Block, Byline, Heading, List, Meta, Table};
use crate::backend::titles::balanced;
use crate::style::FontRole;

impl<H: XhtmlHost> Writer<'_, H> {
    fn id_attr(id: Option<&str>) -> String {
        match id {
            Some(id) => format!(" id=\"{}\"", esc(id)),
            None => String::new(),
        }
    }

    /// An article's title block: title and subtitle (T23).
    pub fn article_head(&mut self, a: &Article) {
        self.line = a.line;
        let id = Self::id_attr(self.host.article_id(a));
        let title_role = self.style.title.role();
        self.out.push_str(&format!("<h1 class=\"title\"{id}>"));
        let title = balanced(&a.title, 1.0, self.style.epub.title_measure_em);
        self.with_role(title_role, |w| w.inlines(&title));
        self.out.push_str("</h1>\n");
        if let Some(sub) = &a.subtitle {
            self.out.push_str("<p class=\"subtitle\">");
            let role = self.style.subtitle.role();
            self.with_role(role, |w| {
                // T23: the subtitle is printed with a leading 破折号.
                let text = crate::ast::plain_text(sub);
                if !text.starts_with("——") {
                    w.text("——");
                }
                w.inlines(&balanced(sub, 1.0, w.style.epub.title_measure_em));
            });
            self.out.push_str("</p>\n");
        }
    }

    /// Front-matter title, subtitle and authors of a document without articles (T23).
    pub fn doc_head(&mut self, meta: &Meta) {
        let style = self.style;
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

    /// Bylines: name, a U+3000 gap, affiliation (T23).
    pub fn bylines(&mut self, bylines: &[Byline]) {
        let role = self.style.byline.role();
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

    /// Writes a sequence of blocks.
    pub fn blocks(&mut self, blocks: &[Block]) {
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
                let role = self.style.quote_font;
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
                let spans =
                    crate::highlight::highlight(c.lang.as_deref(), &c.text, &self.style.code.theme);
                let hang = self.style.code.continuation;
                self.with_role(FontRole::Mono, |w| {
                    let mut at = 0;
                    for (n, line) in c.text.split('\n').enumerate() {
                        let range = at..at + line.len();
                        at = range.end + 1;
                        if n > 0 {
                            w.out.push('\n');
                        }
                        if line.trim().is_empty() {
                            w.raw_text(line);
                            continue;
                        }
                        // A wrapped line hangs past its own indent (`pre .cl` in the CSS;
                        // the PDF's continuation indent, without the drawn hook).
                        if hang {
                            w.out.push_str(&code_line_open(line));
                        }
                        match &spans {
                            // Coloured spans around the code's own bytes (T26: the text is
                            // unchanged), cut at line ends.
                            Some(spans) => {
                                for s in spans {
                                    let (a, b) = (
                                        s.range.start.max(range.start),
                                        s.range.end.min(range.end),
                                    );
                                    if a >= b {
                                        continue;
                                    }
                                    let color = crate::highlight::hex(s.colour);
                                    w.out.push_str(&format!("<span style=\"color:#{color}\">"));
                                    w.raw_text(&c.text[a..b]);
                                    w.out.push_str("</span>");
                                }
                            }
                            None => w.raw_text(line),
                        }
                        if hang {
                            w.out.push_str("</span>");
                        }
                    }
                });
                self.out.push_str("</code></pre>\n");
            }
            Block::Table(t) => self.table(t),
            Block::Figure(f) if crate::image::is_remote(&f.src) => {
                // Issue 10: never fetched; a caption-like line with the alt text and link.
                self.log.warn(
                    H::LOG_TAG,
                    f.line,
                    format!(
                        "remote image {} ({}) is not fetched; its alt text and link are printed",
                        f.src, f.alt
                    ),
                );
                self.caption_p(&crate::image::remote_line(&f.alt, &f.src));
                if let Some(t) = f.title.as_deref().filter(|t| !t.trim().is_empty()) {
                    self.caption_p(&[crate::ast::Inline::Text(t.to_string())]);
                }
            }
            Block::Figure(f) => match self.host.image_src(&f.src, self.log, f.line) {
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
            },
            Block::Rule(_) => self.out.push_str("<hr/>\n"),
            Block::PageBreak(_) => self.out.push_str("<div class=\"pagebreak\"></div>\n"),
        }
    }

    /// A caption-styled paragraph (`p.caption`: centred, at the note size).
    fn caption_p(&mut self, inlines: &[crate::ast::Inline]) {
        self.last = None;
        self.out.push_str("<p class=\"caption\">");
        self.inlines(inlines);
        self.out.push_str("</p>\n");
    }

    fn heading(&mut self, h: &Heading) {
        let id = Self::id_attr(self.host.heading_id(h));
        let level = h.level.clamp(1, 6);
        // The heading's style (T23): the role of its scale, bold Song in the real bold face.
        let role = self.style.heading_of(h).role();
        let class = heading_class(h.style_key());
        if !h.run_in.is_empty() {
            // T22: heading span and body text share one paragraph.
            self.out
                .push_str(&format!("<p class=\"runin\"{id}><span class=\"{class}\">"));
            self.with_role(role, |w| w.inlines(&h.content));
            self.out.push_str("</span>");
            self.inlines(&h.run_in);
            self.out.push_str("</p>\n");
            return;
        }
        let in_article = self.host.headings_below_title();
        let tag = (level + u8::from(in_article)).min(6);
        self.out
            .push_str(&format!("<h{tag} class=\"{class}\"{id}>"));
        self.with_role(role, |w| w.inlines(&h.content));
        self.out.push_str(&format!("</h{tag}>\n"));
    }

    /// T19, hanging form: the marker is text in a box of `lists.marker_width_em` before
    /// the item text (`span.mk`, numbers `span.mk.num`), as in the PDF and DOCX.
    fn list(&mut self, l: &List) {
        let tag = if l.start.is_some() { "ol" } else { "ul" };
        match l.start.filter(|&s| s != 1) {
            Some(start) => self.out.push_str(&format!("<{tag} start=\"{start}\">\n")),
            None => self.out.push_str(&format!("<{tag}>\n")),
        }
        let ls = &self.style.lists;
        let bullet = ls.bullet(self.list_depth).to_string();
        let (open, done) = (ls.task_open.clone(), ls.task_done.clone());
        self.list_depth += 1;
        for (i, item) in l.items.iter().enumerate() {
            let (marker, class) = match (item.checked, l.start) {
                (Some(true), _) => (done.clone(), "mk"),
                (Some(false), _) => (open.clone(), "mk"),
                (None, Some(start)) => (format!("{}.", start.saturating_add(i as u64)), "mk num"),
                (None, None) => (bullet.clone(), "mk"),
            };
            self.out.push_str("<li>");
            let rest = match item.blocks.first() {
                Some(Block::Para(p)) => {
                    self.line = p.line;
                    self.last = None;
                    self.out.push_str(&format!("<p><span class=\"{class}\">"));
                    self.text(&marker);
                    self.out.push_str("</span>");
                    self.inlines(&p.content);
                    self.out.push_str("</p>\n");
                    &item.blocks[1..]
                }
                _ => {
                    self.out.push_str(&format!("<p><span class=\"{class}\">"));
                    self.text(&marker);
                    self.out.push_str("</span></p>\n");
                    &item.blocks[..]
                }
            };
            self.blocks(rest);
            self.out.push_str("</li>\n");
        }
        self.list_depth -= 1;
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
        if let Some(c) = t.caption.as_ref().filter(|c| !c.is_empty()) {
            self.out.push_str("<caption>");
            self.last = None;
            let role = self.style.table.caption_font;
            self.with_role(role, |w| w.inlines(c));
            self.out.push_str("</caption>\n");
        }
        if !t.header.is_empty() {
            self.out.push_str("<thead>\n<tr>");
            // T24: header cells are set like strong text (`th` is bold), as in the PDF.
            let from = self.role();
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
}

/// The opening tag of one code line with a hanging indent (`pre .cl`): continuations of a
/// wrapped line start `HOOK_CELLS` cells (`ch`) past the line's own indent, as in the PDF.
/// A tab counts as the browser's 8 cells.
fn code_line_open(line: &str) -> String {
    let indent: usize = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { 8 } else { 1 })
        .sum();
    if indent == 0 {
        return "<span class=\"cl\">".to_string();
    }
    let h = indent as f32 + crate::layout::HOOK_CELLS;
    format!("<span class=\"cl\" style=\"padding-left:{h}ch;text-indent:-{h}ch\">")
}
