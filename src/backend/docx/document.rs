//! `word/document.xml`: the body blocks, TOC field and section properties.

use super::media::Media;
use super::numbering::Numbering;
use super::package::Rels;
use super::styles::{heading_key_id, paragraph_role};
use super::xml::{char_hundredths, eighth_points, twips, Ind, Xml, DRAWING_NS, SINGLE_LINE, W_NS};
use crate::ast::{
    plain_text, visit_blocks, visit_inlines, Article, Block, CodeBlock, Document, Heading,
    HeadingScale, Inline, List,
};
use crate::backend::titles::balanced;
use crate::backend::Context;
use crate::log::Log;
use crate::style::FontRole;
use std::collections::HashMap;

/// Gap between text columns in twips: Word's default, written for completeness (the
/// section has one column, so it never shows).
const COLUMN_GAP: &str = "425";

/// Where a paragraph sits, which decides its style.
#[derive(Debug, Clone, Copy, Default)]
pub struct Where {
    /// Inside a block quote (T19: Kai, indented on both sides).
    pub quote: bool,
    /// Inside a footnote.
    pub note: bool,
    /// Inside a list item: (numId, level), and whether the item's marker was written.
    pub list: Option<(u32, u8, bool)>,
}

/// Paragraph properties written by the body writer (CT_PPrBase order).
#[derive(Debug, Clone, Default)]
pub struct PPr<'s> {
    /// `w:pStyle`.
    pub style: &'s str,
    /// `w:keepNext` (T20: the end of an article stays with its bylines).
    pub keep_next: bool,
    /// `w:pageBreakBefore` (articles after the first).
    pub page_break: bool,
    /// `w:numPr` (numId, ilvl).
    pub num: Option<(u32, u8)>,
    /// `w:pBdr` bottom rule (thematic break).
    pub rule: bool,
    /// `w:shd` fill, six hex digits (code background).
    pub shade: Option<String>,
    /// Single line spacing instead of the exact pitch (paragraphs holding drawings).
    pub auto_line: bool,
    /// Direct indent (leftChars, left, firstLineChars, firstLine).
    pub ind: Option<[i64; 4]>,
    /// Direct indent of another shape (both sides, hanging), written when `ind` is not.
    pub ind_attrs: Option<Ind>,
    /// Space before and after in twips (`w:spacing`; the first and last lines of a code
    /// block). A pending [`Writer::space_before`] counts too: the larger one is written.
    pub space_before: Option<i64>,
    /// See `space_before`.
    pub space_after: Option<i64>,
    /// A centred tab stop at this many twips from the text's left edge (`w:tabs`; the
    /// task box of a list item).
    pub centre_tab: Option<i64>,
    /// A hanging indent in twips only (`w:left` = `w:hanging`; code lines), written when
    /// neither `ind` nor `ind_attrs` is.
    pub hang: Option<i64>,
    /// `w:jc`.
    pub jc: Option<&'static str>,
    /// `w:outlineLvl` (run-in headings, T22).
    pub outline: Option<u8>,
}

/// State shared by the body, footnotes and the run writer.
pub struct Writer<'a> {
    /// Style, options and base directory.
    pub ctx: &'a Context<'a>,
    /// Warnings.
    pub log: &'a mut Log,
    /// Lists written so far.
    pub numbering: Numbering,
    /// Embedded images.
    pub media: Media,
    /// Relationships of the part being written.
    pub rels: Rels,
    /// Footnote label → `w:id`.
    pub notes: HashMap<String, usize>,
    /// Note index (into `Document::notes`) of each `w:footnoteReference`, by id − 1: a note
    /// referenced twice is written twice, since Word allows one reference per footnote.
    pub refs: Vec<usize>,
    /// Writing footnotes.xml: references there cannot open new notes.
    pub in_notes: bool,
    /// Anchor id → bookmark name.
    pub bookmarks: HashMap<String, String>,
    /// Next `w:bookmarkStart` id.
    pub next_bookmark: u32,
    /// Next drawing `wp:docPr` id.
    pub next_drawing: u32,
    /// East-Asian language tag for `w:lang`.
    pub lang: String,
    /// Emit the `w:footnoteRef` mark at the start of the next paragraph.
    pub pending_note_ref: bool,
    /// Space before the next paragraph in twips (the first one of a block quote, T19).
    pub space_before: Option<i64>,
    /// Where the last paragraph's `w:spacing` goes in its part, and whether one was
    /// written there: a block quote adds its space after to its last paragraph (T19).
    pub last_spacing: Option<(usize, bool)>,
    /// Source line of the block being written (for warnings).
    pub line: usize,
    /// Articles written so far (each after the first starts a new page).
    pub articles: u32,
    /// Font role of the paragraph being written (its style's), which `**strong**` inside
    /// it starts from (T24).
    pub para_role: FontRole,
    /// Characters the runs of each role use (the subsets `--embed-fonts` embeds).
    pub used: super::embed::UsedChars,
    /// The official-document fields (T30) whose 版头 and 主送 the first article still has
    /// to write around its title.
    pub official: Option<crate::ast::Official>,
    /// T25 faces of the marks of the paragraph being written.
    pub marks: crate::backend::marks::MarkFaces,
    /// Nesting of inline writing: 0 outside a paragraph's inlines.
    pub inline_depth: usize,
}

/// Word bookmark names: letters, digits and `_`, starting with a letter, ≤ 40 characters.
fn bookmark_name(id: &str, taken: &HashMap<String, String>) -> String {
    let mut s: String = id
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    if !s.chars().next().is_some_and(char::is_alphabetic) {
        s.insert_str(0, "h_");
    }
    let base: String = s.chars().take(36).collect();
    let mut name = base.clone();
    let mut n = 1;
    while taken.values().any(|v| *v == name) {
        n += 1;
        name = format!("{base}_{n}");
    }
    name
}

impl<'a> Writer<'a> {
    /// A writer for one document.
    pub fn new(doc: &Document, ctx: &'a Context<'a>, log: &'a mut Log, lang: String) -> Self {
        let mut bookmarks = HashMap::new();
        let mut ids = Vec::new();
        visit_blocks(doc, &mut |b| match b {
            Block::Article(a) if !a.id.is_empty() => ids.push(a.id.clone()),
            Block::Heading(h) if !h.id.is_empty() => ids.push(h.id.clone()),
            _ => {}
        });
        for id in ids {
            if !bookmarks.contains_key(&id) {
                let name = bookmark_name(&id, &bookmarks);
                bookmarks.insert(id, name);
            }
        }
        let notes = doc
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.label.clone(), i))
            .collect();
        Writer {
            ctx,
            log,
            numbering: Numbering::default(),
            media: Media::default(),
            rels: Rels::default(),
            notes,
            refs: Vec::new(),
            in_notes: false,
            bookmarks,
            next_bookmark: 0,
            next_drawing: 1,
            lang,
            pending_note_ref: false,
            space_before: None,
            last_spacing: None,
            line: 0,
            articles: 0,
            para_role: ctx.style.body_font,
            used: super::embed::UsedChars::new(),
            official: None,
            marks: Default::default(),
            inline_depth: 0,
        }
    }

    /// Opens `<w:p>` with its properties.
    pub fn p_open(&mut self, x: &mut Xml, p: &PPr<'_>) {
        self.para_role = paragraph_role(self.ctx.style, p.style);
        x.open("w:p", &[]).open("w:pPr", &[]);
        x.val("w:pStyle", p.style);
        if p.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if p.page_break {
            x.empty("w:pageBreakBefore", &[]);
        }
        if let Some((id, lvl)) = p.num {
            x.open("w:numPr", &[]);
            x.val("w:ilvl", &lvl.to_string())
                .val("w:numId", &id.to_string());
            x.close("w:numPr");
        }
        if p.rule {
            let docx = &self.ctx.style.docx;
            let size = eighth_points(docx.rule_thickness).to_string();
            let space = (docx.rule_space.round() as i64).to_string();
            x.open("w:pBdr", &[]);
            x.empty(
                "w:bottom",
                &[
                    ("w:val", "single"),
                    ("w:sz", size.as_str()),
                    ("w:space", space.as_str()),
                    ("w:color", "auto"),
                ],
            );
            x.close("w:pBdr");
        }
        if let Some(fill) = &p.shade {
            x.empty(
                "w:shd",
                &[("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)],
            );
        }
        if let Some(pos) = p.centre_tab {
            let pos = pos.to_string();
            x.open("w:tabs", &[]);
            x.empty("w:tab", &[("w:val", "center"), ("w:pos", &pos)]);
            x.close("w:tabs");
        }
        let before = self
            .space_before
            .take()
            .into_iter()
            .chain(p.space_before)
            .max()
            .map(|t| t.to_string());
        let after = p.space_after.map(|t| t.to_string());
        let mut spacing: Vec<(&str, &str)> = Vec::new();
        if let Some(b) = &before {
            spacing.push(("w:before", b));
        }
        if let Some(a) = &after {
            spacing.push(("w:after", a));
        }
        if p.auto_line {
            spacing.extend([("w:line", SINGLE_LINE), ("w:lineRule", "auto")]);
        }
        // A paragraph with its own space after is left alone by a quote that ends on it.
        self.last_spacing = (after.is_none()).then_some((x.len(), !spacing.is_empty()));
        if !spacing.is_empty() {
            x.empty("w:spacing", &spacing);
        }
        if let Some(i) = p.ind {
            x.ind(i);
        } else if let Some(i) = p.ind_attrs {
            x.ind_attrs(&i);
        } else if let Some(h) = p.hang {
            let h = h.to_string();
            x.empty("w:ind", &[("w:left", &h), ("w:hanging", &h)]);
        }
        if let Some(j) = p.jc {
            x.val("w:jc", j);
        }
        if let Some(o) = p.outline {
            x.val("w:outlineLvl", &o.to_string());
        }
        x.close("w:pPr");
        if self.pending_note_ref {
            self.pending_note_ref = false;
            x.open("w:r", &[]).open("w:rPr", &[]);
            x.val("w:rStyle", "FootnoteReference");
            x.close("w:rPr").empty("w:footnoteRef", &[]).close("w:r");
            x.open("w:r", &[])
                .leaf("w:t", &[("xml:space", "preserve")], " ");
            x.close("w:r");
        }
    }

    /// Wraps what `f` writes in a bookmark for anchor `id` (no-op for an empty id).
    pub fn bookmarked(&mut self, x: &mut Xml, id: &str, f: impl FnOnce(&mut Self, &mut Xml)) {
        let name = self.bookmarks.get(id).cloned();
        let Some(name) = name else {
            return f(self, x);
        };
        let n = self.next_bookmark.to_string();
        self.next_bookmark += 1;
        x.empty("w:bookmarkStart", &[("w:id", &n), ("w:name", &name)]);
        f(self, x);
        x.empty("w:bookmarkEnd", &[("w:id", &n)]);
    }

    fn para_props(&mut self, w: &mut Where) -> PPr<'static> {
        let style = if w.note {
            "FootnoteText"
        } else if w.quote {
            "Quote"
        } else if w.list.is_some() {
            "ListParagraph"
        } else {
            "Normal"
        };
        let mut p = PPr {
            style,
            ..PPr::default()
        };
        let st = self.ctx.style;
        if w.quote && !w.note {
            // T19: quotes indented on both sides, paragraphs keep their first-line indent.
            let (q, qc) = (
                twips(st.quote.indent_em * st.body_size),
                char_hundredths(st.quote.indent_em),
            );
            let (left, left_chars) = match w.list {
                Some((_, lvl, _)) => (q + self.box_twips() * (i64::from(lvl) + 1), 0),
                None => (q, qc),
            };
            p.ind_attrs = Some(Ind {
                left_chars,
                left,
                right_chars: qc,
                right: q,
                first_chars: char_hundredths(st.indent_em),
                first: twips(st.indent_em * st.body_size),
            });
        }
        if let Some((id, lvl, marked)) = &mut w.list {
            if *marked {
                // Later paragraphs of an item align with its first line's text (T19 hanging).
                let (ind, chars) = (self.box_twips(), char_hundredths(st.lists.marker_width_em));
                let n = i64::from(*lvl) + 1;
                p.ind = Some([chars * n, ind * n, 0, 0]);
            } else {
                p.num = Some((*id, *lvl));
                *marked = true;
            }
        }
        p
    }

    /// Width of a list's marker box in twips (T19 hanging indent).
    fn box_twips(&self) -> i64 {
        let st = self.ctx.style;
        twips(st.lists.marker_width_em * st.body_size)
    }

    /// Writes a list of blocks.
    pub fn blocks(&mut self, x: &mut Xml, blocks: &[Block], w: Where) {
        let mut w = w;
        for b in blocks {
            self.line = b.line();
            self.block(x, b, &mut w);
        }
    }

    fn block(&mut self, x: &mut Xml, b: &Block, w: &mut Where) {
        match b {
            Block::Article(a) => self.article(x, a),
            Block::Heading(h) => self.heading(x, h, w),
            Block::Para(p) => {
                let mut props = self.para_props(w);
                // An exact line pitch (T18) would clip an inline picture to one line, and
                // push a ruby reading into the line above.
                let mut tall = false;
                visit_inlines(&p.content, &mut |i| {
                    tall |= matches!(i, Inline::Image(_) | Inline::Ruby(_))
                });
                props.auto_line = tall;
                self.p_open(x, &props);
                self.inlines(x, &p.content);
                x.close("w:p");
            }
            Block::List(l) => self.list(x, l, *w),
            Block::Quote(q) => {
                let inner = Where { quote: true, ..*w };
                // T19: a quarter line (`quote.space_lines`) above and below, as in the PDF
                // and EPUB: before its first paragraph, after its last.
                let st = self.ctx.style;
                let space = twips(st.quote.space_lines * st.line_pitch());
                if space > 0 {
                    self.space_before = Some(space);
                    self.last_spacing = None;
                }
                self.blocks(x, &q.blocks, inner);
                self.space_before = None;
                if space > 0 {
                    // A nested quote ending with this one has taken the slot already.
                    // The slot is checked: it must be in this part, at the spacing element
                    // or at what follows it in CT_PPrBase order.
                    let next = ["<w:ind", "<w:jc", "<w:outlineLvl", "</w:pPr>"];
                    match self.last_spacing.take() {
                        Some((at, true)) if x.has_at(at, "<w:spacing ") => {
                            x.insert_raw(at + "<w:spacing".len(), &format!(" w:after=\"{space}\""))
                        }
                        Some((at, false)) if next.iter().any(|n| x.has_at(at, n)) => {
                            x.insert_raw(at, &format!("<w:spacing w:after=\"{space}\"/>"))
                        }
                        _ => {}
                    }
                }
            }
            Block::Code(c) => self.code(x, c),
            Block::Table(t) => self.table(x, t),
            Block::Figure(f) => {
                if crate::image::is_remote(&f.src) {
                    // Issue 10: never fetched; a caption-like line with the alt text and link.
                    let message = format!(
                        "remote image {} ({}) is not fetched; its alt text and link are printed",
                        f.src, f.alt
                    );
                    self.log.warn("docx", f.line, message);
                    let p = PPr {
                        style: "Caption",
                        ..PPr::default()
                    };
                    self.p_open(x, &p);
                    self.inlines(x, &crate::image::remote_line(&f.alt, &f.src));
                    x.close("w:p");
                } else {
                    let p = PPr {
                        style: "Figure",
                        auto_line: true,
                        ..PPr::default()
                    };
                    self.p_open(x, &p);
                    self.image(x, &f.src, &f.alt);
                    x.close("w:p");
                }
                // The caption the captions pass decided (the title), as in the PDF and EPUB.
                let caption = f.title.clone().unwrap_or_default();
                if !caption.trim().is_empty() {
                    let p = PPr {
                        style: "Caption",
                        ..PPr::default()
                    };
                    self.p_open(x, &p);
                    self.inlines(x, &[Inline::Text(caption)]);
                    x.close("w:p");
                }
            }
            Block::Rule(_) => {
                let p = PPr {
                    style: "Normal",
                    rule: true,
                    ..PPr::default()
                };
                self.p_open(x, &p);
                x.close("w:p");
            }
            Block::PageBreak(_) => {
                x.open("w:p", &[]).open("w:r", &[]);
                x.empty("w:br", &[("w:type", "page")]);
                x.close("w:r").close("w:p");
            }
        }
    }

    /// Title, subtitle (with `——`, T23), body and bylines of one article.
    fn article(&mut self, x: &mut Xml, a: &Article) {
        let page_break = self.ctx.style.article_page_break && self.articles > 0;
        self.articles += 1;
        // T30: the first article writes the official document's 版头 above its title.
        let official = self.official.take();
        if let Some(o) = &official {
            self.official_header(x, o);
        }
        let p = PPr {
            style: "Title",
            page_break,
            ..PPr::default()
        };
        self.p_open(x, &p);
        let st = self.ctx.style;
        let title = balanced(&a.title, st.title.size, st.text_width());
        self.bookmarked(x, &a.id, |s, x| s.inlines(x, &title));
        x.close("w:p");
        if let Some(sub) = &a.subtitle {
            self.subtitle(x, sub);
        }
        if let Some(o) = &official {
            self.official_addressee(x, o);
        }
        // No keepNext from the last paragraph to the bylines: LibreOffice then moves the whole
        // paragraph (and the heading kept with it) to the next page, leaving a large gap.
        self.blocks(x, &a.body, Where::default());
        for (i, b) in a.bylines.iter().enumerate() {
            let text = if b.affiliation.is_empty() {
                b.name.clone()
            } else {
                format!("{}\u{3000}{}", b.name, b.affiliation)
            };
            let p = PPr {
                style: "Byline",
                keep_next: i + 1 < a.bylines.len(),
                ..PPr::default()
            };
            self.p_open(x, &p);
            self.inlines(x, &[Inline::Text(text)]);
            x.close("w:p");
        }
    }

    /// A subtitle line, prefixed `——` unless the text already starts with a dash (T23).
    pub fn subtitle(&mut self, x: &mut Xml, sub: &[Inline]) {
        let mut content = sub.to_vec();
        if !plain_text(sub).starts_with('—') {
            content.insert(0, Inline::Text("——".into()));
        }
        let st = self.ctx.style;
        let content = balanced(&content, st.subtitle.size, st.text_width());
        self.simple(x, "Subtitle", &content);
    }

    /// One paragraph of a given style.
    pub fn simple(&mut self, x: &mut Xml, style: &str, content: &[Inline]) {
        let p = PPr {
            style,
            ..PPr::default()
        };
        self.p_open(x, &p);
        self.inlines(x, content);
        x.close("w:p");
    }

    /// Standalone heading → the paragraph style of its scale (`Heading N` for the numbered
    /// T23 styles); run-in heading (T22) → body paragraph whose first runs carry that
    /// style's character style. The outline level is written on the paragraph wherever the
    /// style's own (`Heading N`'s) is not the heading's level, so the navigation pane nests.
    fn heading(&mut self, x: &mut Xml, h: &Heading, w: &mut Where) {
        let level = h.level.clamp(1, 6);
        let key = h.style_key();
        let id = heading_key_id(key);
        let style_level = match h.scale {
            HeadingScale::Numbered(rank) => Some(rank.clamp(1, 6)),
            HeadingScale::Unnumbered => Some(level),
            HeadingScale::Division(_) | HeadingScale::Article => None,
        };
        if h.run_in.is_empty() {
            let p = PPr {
                style: &id,
                outline: (style_level != Some(level)).then_some(level - 1),
                ..PPr::default()
            };
            self.p_open(x, &p);
            self.bookmarked(x, &h.id, |s, x| s.inlines(x, &h.content));
            x.close("w:p");
            return;
        }
        let mut p = self.para_props(w);
        p.outline = Some(level - 1);
        self.p_open(x, &p);
        let cid = format!("{id}Char");
        let role = self.ctx.style.heading_of(h).role();
        self.bookmarked(x, &h.id, |s, x| s.styled_inlines(x, &h.content, &cid, role));
        self.inlines(x, &h.run_in);
        x.close("w:p");
    }

    fn list(&mut self, x: &mut Xml, l: &List, w: Where) {
        let level = w.list.map_or(0, |(_, lvl, _)| lvl + 1);
        let id = self
            .numbering
            .add(l.start.is_some(), l.start.unwrap_or(1), level);
        for item in &l.items {
            let mut inner = Where {
                list: Some((id, level, false)),
                ..w
            };
            let st = self.ctx.style;
            let mark = match item.checked {
                Some(true) => Some(st.lists.task_done.clone()),
                Some(false) => Some(st.lists.task_open.clone()),
                None => None,
            };
            if mark.is_some() {
                // A task box takes the place of the list's marker: no numbering, the same
                // hanging indent, a tab to the text.
                inner.list = Some((id, level, true));
            }
            // The blocks after the marker paragraph are walked in place: copying them at
            // every level made memory and time grow with the square of the nesting depth.
            let rest = match item.blocks.first() {
                Some(Block::Para(p)) => {
                    let props = self.item_props(&mut inner, mark.is_some());
                    self.p_open(x, &props);
                    if let Some(m) = &mark {
                        self.task_box(x, m);
                    }
                    self.inlines(x, &p.content);
                    x.close("w:p");
                    &item.blocks[1..]
                }
                _ => {
                    // The marker needs a paragraph of its own before a nested list or code.
                    let props = self.item_props(&mut inner, mark.is_some());
                    self.p_open(x, &props);
                    if let Some(m) = &mark {
                        self.task_box(x, m);
                    }
                    x.close("w:p");
                    &item.blocks[..]
                }
            };
            self.blocks(x, rest, inner);
        }
    }

    /// The first paragraph of a list item. A task item has no numbering: it hangs like a
    /// numbered one, and a centred tab stop in the middle of the marker box centres its
    /// box there whatever the glyph's width, as the PDF and EPUB do.
    fn item_props(&mut self, w: &mut Where, task: bool) -> PPr<'static> {
        let mut p = self.para_props(w);
        if let (true, Some((_, lvl, _))) = (task, w.list) {
            let st = self.ctx.style;
            let (b, chars) = (self.box_twips(), char_hundredths(st.lists.marker_width_em));
            let n = i64::from(lvl) + 1;
            p.ind = None;
            p.ind_attrs = Some(Ind {
                left_chars: chars * n,
                left: b * n,
                first_chars: -chars,
                first: -b,
                ..Ind::default()
            });
            p.centre_tab = Some(b * (n - 1) + b / 2);
        }
        p
    }

    /// A task box on the item's centred tab stop, and a tab to the item text.
    fn task_box(&mut self, x: &mut Xml, mark: &str) {
        x.open("w:r", &[]).empty("w:tab", &[]).close("w:r");
        self.inlines(x, &[Inline::Text(mark.to_string())]);
        x.open("w:r", &[]).empty("w:tab", &[]).close("w:r");
    }

    /// A code block: one `Code` paragraph per source line, shaded alike so the panel is
    /// continuous. With `code.continuation`, each hangs: a line Word wraps continues
    /// `HOOK_CELLS` cells past the line's own indent (the PDF's continuation indent,
    /// without its drawn hook, which Word cannot draw; issue 10 gap d).
    fn code(&mut self, x: &mut Xml, c: &CodeBlock) {
        let st = self.ctx.style;
        let cs = &st.code;
        let shade = crate::highlight::parse_rgb(&cs.background).map(crate::highlight::hex);
        let spans = crate::highlight::highlight(c.lang.as_deref(), &c.text, &cs.theme);
        let cell = twips(crate::layout::MONO_CELL_EM * st.code_size);
        // `code.space_lines` above and below the block, as in the PDF (in DOCX code lines).
        let space = twips(cs.space_lines * st.code_size * st.docx.code_pitch_em);
        let space = (space > 0).then_some(space);
        let n = c.text.split('\n').count();
        let mut at = 0;
        for (i, line) in c.text.split('\n').enumerate() {
            let range = at..at + line.len();
            at = range.end + 1;
            let mut p = PPr {
                style: "Code",
                shade: shade.clone(),
                space_before: space.filter(|_| i == 0),
                space_after: space.filter(|_| i + 1 == n),
                ..PPr::default()
            };
            if cs.continuation && !line.trim().is_empty() {
                let cells: usize = line
                    .chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .map(|c| if c == '\t' { 4 } else { 1 })
                    .sum();
                p.hang = Some((cells as f32 + crate::layout::HOOK_CELLS) as i64 * cell);
            }
            self.p_open(x, &p);
            match &spans {
                Some(spans) => self.highlighted_runs(x, &c.text, spans, range),
                None => self.code_runs(x, line, false),
            }
            x.close("w:p");
        }
    }

    /// The whole `word/document.xml`.
    /// `refs`: the section's header and footer references (element, `w:type`, relationship
    /// id), in schema order.
    pub fn document(&mut self, doc: &Document, refs: &[(&str, &str, String)]) -> String {
        let mut body = Xml::fragment();
        let has_articles = doc.blocks.iter().any(|b| matches!(b, Block::Article(_)));
        let official = &doc.meta.official;
        if !has_articles {
            self.official_header(&mut body, official);
            self.meta_title(&mut body, doc);
            self.official_addressee(&mut body, official);
        } else if !official.is_empty() {
            self.official = Some(official.clone());
        }
        if self.ctx.toc() {
            self.toc(&mut body, doc);
            // The table of contents gets its own page when articles follow (they open pages).
            if has_articles {
                self.articles = 1;
            }
        }
        self.blocks(&mut body, &doc.blocks, Where::default());
        // T30: 附件说明, 署名 and 成文日期 after the text, then the 版记.
        self.official_closing(&mut body, official);
        self.official_record(&mut body, official);
        let mut x = Xml::part();
        x.open_ns("w:document", &[W_NS, DRAWING_NS])
            .open("w:body", &[]);
        x.append(&body);
        self.sect_pr(&mut x, refs);
        x.close("w:body").close("w:document");
        x.finish()
    }

    fn meta_title(&mut self, x: &mut Xml, doc: &Document) {
        let m = &doc.meta;
        if let Some(t) = &m.title {
            let st = self.ctx.style;
            let title = balanced(&[Inline::Text(t.clone())], st.title.size, st.text_width());
            self.simple(x, "Title", &title);
        }
        if let Some(s) = &m.subtitle {
            self.subtitle(x, &[Inline::Text(s.clone())]);
        }
        if m.title.is_some() && !m.authors.is_empty() {
            let names = m.authors.join("\u{3000}");
            self.simple(x, "Byline", &[Inline::Text(names)]);
        }
    }

    /// CT_SectPr: references, pgSz, pgMar, cols, docGrid (page from the style).
    fn sect_pr(&mut self, x: &mut Xml, refs: &[(&str, &str, String)]) {
        let s = self.ctx.style;
        x.open("w:sectPr", &[]);
        for (element, kind, id) in refs {
            x.empty(element, &[("w:type", kind), ("r:id", id)]);
        }
        let t = |pt: f32| twips(pt).to_string();
        x.empty(
            "w:pgSz",
            &[("w:w", &t(s.page_width)), ("w:h", &t(s.page_height))],
        );
        x.empty(
            "w:pgMar",
            &[
                ("w:top", &t(s.margin_top)),
                ("w:right", &t(s.margin_right)),
                ("w:bottom", &t(s.margin_bottom)),
                ("w:left", &t(s.margin_left)),
                ("w:header", &t(s.docx.header_distance)),
                ("w:footer", &t(super::pages::footer_distance(s))),
                ("w:gutter", "0"),
            ],
        );
        x.empty("w:cols", &[("w:space", COLUMN_GAP)]);
        let pitch = t(s.line_pitch());
        match grid_char_space(s) {
            Some(space) => x.empty(
                "w:docGrid",
                &[
                    ("w:type", "linesAndChars"),
                    ("w:linePitch", &pitch),
                    ("w:charSpace", &space.to_string()),
                ],
            ),
            None => x.empty("w:docGrid", &[("w:linePitch", &pitch)]),
        };
        x.close("w:sectPr");
    }
}

/// `w:charSpace` of the style's character grid (`grid.chars_per_line` cells per line, the
/// same grid the PDF sets): the cell width minus the body size, in 4096ths of a point
/// (ECMA-376 §17.6.5); `None` when the style has no character grid.
pub fn grid_char_space(s: &crate::style::Style) -> Option<i64> {
    s.grid_cell()
        .map(|cell| ((f64::from(cell) - f64::from(s.body_size)) * 4096.0).round() as i64)
}

#[cfg(test)]
mod grid_tests {
    use super::grid_char_space;
    use crate::style::Style;

    #[test]
    fn gb9704_grid_is_28_cells_of_a_156_mm_line() {
        let mut s = Style::handout();
        assert_eq!(grid_char_space(&s), None);
        let mm = 72.0 / 25.4;
        s.page_width = 210.0 * mm;
        s.margin_left = 28.0 * mm;
        s.margin_right = (210.0 - 28.0 - 156.0) * mm;
        s.body_size = 16.0;
        s.grid.chars_per_line = 28;
        // 156 mm / 28 = 15.79 pt per cell: 0.21 pt less than 三号, Word's -848/4096 pt.
        let space = grid_char_space(&s).unwrap();
        assert!((-849..=-847).contains(&space), "{space}");
    }
}
