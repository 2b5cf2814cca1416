//! AST blocks → vertical list: title blocks (T23), headings (T22/T23), body paragraphs
//! (T17/T18), lists and quotes (T19), code, figures, rules and page breaks. Tables are in
//! `table.rs`, footnote bodies in `notes.rs`.

use super::linebreak::Shaped;
use super::notes::Notes;
use super::page::{StructChild, StructKind, StructNode, TagId};
use super::para_cache::ParaCache;
use super::types::{FontSet, Frame, Kinsoku, Line, ParaSpec, RunStyle, StyledRun, TextLook};
use super::vlist::{line_items, BoxKind, Mark, VBox, ASCENT_EM};
use super::{collect_with_notes, set_paragraph_logged};
use crate::ast::{self, Block, Inline};
use crate::image::ImageSource;
use crate::log::Log;
use crate::style::{Alignment, BlockStyle, FontRole, Style};
use std::cell::RefCell;

/// A measure wider than any line, for setting text at its natural width (to measure it).
pub(crate) const UNBOUNDED_WIDTH: f32 = 1.0e5;

/// How to set one text block.
pub(crate) struct TextSpec {
    /// Runs to set.
    pub runs: Vec<StyledRun>,
    /// First-line indent in points.
    pub first_indent: f32,
    /// Alignment.
    pub align: Alignment,
    /// Size that decides the line slot (largest size of the block).
    pub size: f32,
    /// Baseline-to-baseline distance in points.
    pub pitch: f32,
    /// Standalone heading or title line: keeps with what follows (T20).
    pub heading: bool,
}

impl TextSpec {
    /// A centred block in style `bs` (title-block elements).
    pub fn centred(runs: Vec<StyledRun>, bs: &BlockStyle, style: &Style) -> TextSpec {
        TextSpec {
            runs,
            first_indent: 0.0,
            align: Alignment::Center,
            size: bs.size,
            pitch: style.pitch_of(bs.size),
            heading: false,
        }
    }
}

/// Builds the vertical list of a document.
pub(crate) struct Builder<'a> {
    /// Style in use.
    pub style: &'a Style,
    /// Fonts in use.
    pub fonts: &'a FontSet,
    /// Where images come from (the input folder and the image rules).
    pub images: ImageSource<'a>,
    /// Warnings go here.
    pub log: &'a mut Log,
    /// The vertical list built so far.
    pub boxes: Vec<VBox>,
    /// Header boxes of each table, for repetition after a page break.
    pub table_heads: Vec<Vec<VBox>>,
    /// Footnote numbering and bodies.
    pub notes: Notes,
    /// Lines still to keep with a preceding heading (T20: a heading keeps ≥2 lines).
    keep_lines: u8,
    next_tag: u32,
    /// List nesting depth (for indents of nested lists).
    list_depth: usize,
    /// Body paragraphs set on the other cores while the builder walks.
    pub para_cache: Option<&'a ParaCache<'a>>,
    /// Source line of the block being built, for warnings.
    pub line: usize,
    /// Paragraph-setting warnings (W-BREAK…) with their source lines; setting only reads
    /// the builder, so they wait here until [`Builder::flush_warnings`].
    set_warnings: RefCell<Vec<(usize, String)>>,
    /// The measure was already kept from shrinking below `style.min_measure_em` (warned).
    measure_capped: bool,
    /// What opens a chapter ([`crate::ast::Document::chapter_level`]): 0 articles, else
    /// headings of this level.
    pub chapter_level: u8,
    /// The official-document fields (T30) whose 版头 and 主送 the first article still has
    /// to set around its title.
    pub official: Option<crate::ast::Official>,
}

impl<'a> Builder<'a> {
    /// A builder for `style` and `fonts`.
    pub fn new(
        style: &'a Style,
        fonts: &'a FontSet,
        images: ImageSource<'a>,
        log: &'a mut Log,
        notes: Notes,
    ) -> Self {
        Builder {
            style,
            fonts,
            images,
            log,
            boxes: Vec::new(),
            table_heads: Vec::new(),
            notes,
            keep_lines: 0,
            next_tag: 0,
            list_depth: 0,
            para_cache: None,
            line: 0,
            set_warnings: RefCell::new(Vec::new()),
            measure_capped: false,
            chapter_level: 0,
            official: None,
        }
    }

    /// Moves the paragraph-setting warnings into the log, each (line, message) once: a
    /// title is set several times while it is balanced.
    pub fn flush_warnings(&mut self) {
        let mut seen = std::collections::HashSet::new();
        for (line, message) in self.set_warnings.take() {
            if !seen.insert((line, message.clone())) {
                continue;
            }
            match message.split_once(": ") {
                Some((code, rest)) if code.starts_with("W-") => self.log.warn(code, line, rest),
                _ => self.log.warn("pdf", line, message),
            }
        }
    }

    /// Records warnings from setting a paragraph of the current block.
    pub fn note_set_warnings(&self, warnings: Vec<String>) {
        let line = self.line;
        self.set_warnings
            .borrow_mut()
            .extend(warnings.into_iter().map(|w| (line, w)));
    }

    /// `frame` moved in by `indent` (T19), but never to a measure narrower than
    /// `style.min_measure_em`: past that, deeper quotes and lists stay where they are, so
    /// their text keeps a usable width instead of none (one warning per document).
    fn indented(&mut self, frame: Frame, indent: f32) -> Frame {
        let min = self.style.min_measure_em * self.style.body_size;
        let shift = indent.min((frame.width - min).max(0.0));
        if shift < indent && !self.measure_capped {
            self.measure_capped = true;
            self.log.warn(
                "W-INDENT",
                self.line,
                format!(
                    "quotes or lists nested too deep for the page: deeper levels are not \
                     indented further, to keep the text {} em wide; nest less deeply",
                    self.style.min_measure_em
                ),
            );
        }
        Frame {
            left: frame.left + shift,
            width: frame.width - shift,
        }
    }

    /// A fresh marked-content id.
    pub fn tag(&mut self) -> TagId {
        self.next_tag += 1;
        TagId(self.next_tag)
    }

    /// The full text frame.
    pub fn full_frame(&self) -> Frame {
        Frame {
            left: 0.0,
            width: self.style.text_width(),
        }
    }

    /// Body line pitch (T18).
    pub fn pitch(&self) -> f32 {
        self.style.line_pitch()
    }

    /// Styled runs of `inlines` (footnote markers numbered in order of reference).
    pub fn runs(&self, inlines: &[Inline], base: &RunStyle) -> Vec<StyledRun> {
        collect_with_notes(inlines, base, &|label| self.notes.marker_for(label))
    }

    /// Appends a box, applying the "keep ≥2 lines after a heading" rule (T20).
    pub fn push(&mut self, mut b: VBox) {
        if self.keep_lines > 0 && b.kind != BoxKind::PageBreak {
            b.keep_with_prev = true;
            if matches!(
                b.kind,
                BoxKind::Line { .. } | BoxKind::Row { .. } | BoxKind::Solid
            ) {
                self.keep_lines -= 1;
            }
        }
        self.boxes.push(b);
    }

    /// Appends vertical glue.
    pub fn space(&mut self, height: f32) {
        if height > 0.0 {
            self.push(VBox::space(height));
        }
    }

    /// Sets `runs` in `frame` and appends one box per line; returns the number of lines.
    /// Lines of a paragraph obey T20 (≥2 lines at page bottom and top); heading lines
    /// never split and keep with the next two lines.
    pub fn text(&mut self, spec: TextSpec, frame: Frame, tag: Option<TagId>) -> usize {
        let lines = self.set(&spec, frame.width);
        self.push_lines(lines, &spec, frame, tag, Vec::new())
    }

    /// Sets a paragraph into lines.
    pub fn set(&self, spec: &TextSpec, width: f32) -> Vec<Line> {
        let mut warnings = Vec::new();
        let lines = set_paragraph_logged(&self.para_spec(spec, width), self.fonts, &mut warnings);
        self.note_set_warnings(warnings);
        lines
    }

    /// `spec` shaped once, to be set at several widths by [`Builder::set_shaped`].
    pub fn shape(&self, spec: &TextSpec) -> Shaped {
        Shaped::new(&self.para_spec(spec, self.style.text_width()), self.fonts)
    }

    /// [`Builder::set`] of the text `shaped` from `spec`, without shaping it again.
    pub fn set_shaped(&self, shaped: &Shaped, spec: &TextSpec, width: f32) -> Vec<Line> {
        let mut warnings = Vec::new();
        let lines = shaped.set(&self.para_spec(spec, width), &mut warnings);
        self.note_set_warnings(warnings);
        lines
    }

    /// The paragraph `spec` set at `width`.
    fn para_spec(&self, spec: &TextSpec, width: f32) -> ParaSpec {
        ParaSpec {
            runs: spec.runs.clone(),
            width,
            first_indent: spec.first_indent,
            align: spec.align,
            kinsoku: Kinsoku::Gb,
            line_pitch: spec.pitch,
            look: TextLook::of(self.style),
        }
    }

    /// Appends set lines as boxes; `marks` go on the first line. Footnote markers found in
    /// the lines attach their notes to the line holding them.
    pub fn push_lines(
        &mut self,
        lines: Vec<Line>,
        spec: &TextSpec,
        frame: Frame,
        tag: Option<TagId>,
        marks: Vec<Mark>,
    ) -> usize {
        let n = lines.len();
        if n == 0 && !marks.is_empty() {
            // An empty heading still gets its anchor and bookmark: a zero-height box.
            let mut b = VBox::new(BoxKind::Solid, 0.0);
            b.marks = marks;
            self.push(b);
            return 0;
        }
        let baseline = (spec.pitch - spec.size) / 2.0 + ASCENT_EM * spec.size;
        let x0 = self.style.margin_left + frame.left;
        let note_refs = self.notes.refs_in(&spec.runs);
        let mut cursor = 0;
        let mut marks = Some(marks);
        for (i, line) in lines.into_iter().enumerate() {
            let notes = self
                .notes
                .take_refs_in_line(&line.text, &note_refs, &mut cursor);
            let mut next = self.next_tag;
            let mut link_tag = || {
                next += 1;
                Some(TagId(next))
            };
            let items = line_items(line, x0, baseline, tag, self.line, &mut link_tag);
            self.next_tag = next;
            let mut b = VBox::new(
                BoxKind::Line {
                    heading: spec.heading,
                },
                spec.pitch,
            );
            b.items = items;
            if spec.heading {
                b.keep_with_next = true;
                b.keep_with_prev = i > 0;
            } else {
                // T20: no break after the first line or before the last one.
                b.keep_with_prev = (i == 1) || (i > 0 && i + 1 == n);
            }
            b.notes = notes;
            b.marks = marks.take().unwrap_or_default();
            self.push(b);
        }
        if spec.heading {
            self.keep_lines = 2;
        }
        n
    }

    /// Body-style runs of `inlines`.
    pub fn body_runs(&self, inlines: &[Inline], font: FontRole) -> Vec<StyledRun> {
        let base = RunStyle {
            font,
            size: self.style.body_size,
            bold: false,
        };
        self.runs(inlines, &base)
    }

    /// A body paragraph (T16 justified, T17 2 em first-line indent, T18 pitch), with its
    /// lines if they were set already.
    fn paragraph_set(
        &mut self,
        runs: Vec<StyledRun>,
        lines: Option<Vec<Line>>,
        frame: Frame,
        out: &mut Vec<StructChild>,
    ) {
        if runs.is_empty() {
            return;
        }
        let size = self.style.body_size;
        let tag = self.tag();
        let spec = TextSpec {
            runs,
            first_indent: self.style.indent_of(self.style.indent_em, size),
            align: Alignment::Justify,
            size,
            pitch: self.pitch(),
            heading: false,
        };
        let first = self.boxes.len();
        let lines = lines.unwrap_or_else(|| self.set(&spec, frame.width));
        self.push_lines(lines, &spec, frame, Some(tag), Vec::new());
        out.push(StructChild::Node(self.p_node(StructKind::P, tag, first)));
    }

    /// A structure node holding `tag`, plus one `Link` child per link area in boxes[first..].
    pub fn p_node(&self, kind: StructKind, tag: TagId, first: usize) -> StructNode {
        let mut children = vec![StructChild::Content(tag)];
        for b in &self.boxes[first..] {
            for it in &b.items {
                if let (super::page::ItemKind::Link { .. }, Some(t)) = (&it.kind, it.tag) {
                    children.push(StructChild::Node(StructNode {
                        kind: StructKind::Link,
                        children: vec![StructChild::Content(t)],
                    }));
                }
            }
        }
        StructNode { kind, children }
    }

    /// Appends all `blocks` in `frame`.
    pub fn blocks(
        &mut self,
        blocks: &[Block],
        frame: Frame,
        font: FontRole,
        out: &mut Vec<StructChild>,
    ) {
        for b in blocks {
            self.block(b, frame, font, out);
        }
    }

    /// Appends one block in `frame` with `font` as the body face.
    pub fn block(
        &mut self,
        block: &Block,
        frame: Frame,
        font: FontRole,
        out: &mut Vec<StructChild>,
    ) {
        let outer_line = std::mem::replace(&mut self.line, block.line());
        self.block_at_line(block, frame, font, out);
        self.line = outer_line;
    }

    fn block_at_line(
        &mut self,
        block: &Block,
        frame: Frame,
        font: FontRole,
        out: &mut Vec<StructChild>,
    ) {
        match block {
            Block::Article(a) => self.article(a, out),
            Block::Heading(h) => self.heading(h, frame, out),
            Block::Para(p) => {
                self.warn_remote_images(&p.content, p.line);
                if let Some((text, figures)) = self.lift_inline_images(&p.content, p.line) {
                    // Its pictures follow the paragraph (issue 10 gap a); the lines cached
                    // for the whole paragraph are not the ones to set.
                    if let Some(cache) = self.para_cache {
                        cache.discard(p);
                    }
                    let runs = self.body_runs(&text, font);
                    self.paragraph_set(runs, None, frame, out);
                    for f in &figures {
                        self.figure(f, frame, out);
                    }
                    return;
                }
                let runs = self.body_runs(&p.content, font);
                let lines = self
                    .para_cache
                    .and_then(|c| c.take(p, frame, self.style, self.fonts, font));
                let lines = lines.map(|(lines, warnings)| {
                    self.note_set_warnings(warnings);
                    lines
                });
                self.paragraph_set(runs, lines, frame, out);
            }
            Block::List(l) => self.list(l, frame, font, out),
            Block::Quote(q) => {
                // T19: Kai face, indented on both sides, no added marks.
                let indent = self
                    .style
                    .indent_of(self.style.quote.indent_em, self.style.body_size);
                let left = self.indented(frame, indent);
                let inner = Frame {
                    left: left.left,
                    width: (left.width - (left.left - frame.left)).max(
                        left.width
                            .min(self.style.min_measure_em * self.style.body_size),
                    ),
                };
                let space = self.style.quote.space_lines * self.pitch();
                self.space(space);
                let mut kids = Vec::new();
                self.blocks(&q.blocks, inner, self.style.quote_font, &mut kids);
                self.space(space);
                out.push(StructChild::Node(StructNode {
                    kind: StructKind::Quote,
                    children: kids,
                }));
            }
            Block::Code(c) => self.code(c, frame, out),
            Block::Table(t) => self.table(t, frame, out),
            Block::Figure(f) => self.figure(f, frame, out),
            Block::Rule(_) => {
                let pitch = self.pitch();
                let rules = &self.style.rules;
                let width = frame.width * rules.width_frac;
                let mut b = VBox::new(BoxKind::Solid, pitch);
                b.items.push(super::page::Item {
                    x: self.style.margin_left + frame.left + (frame.width - width) / 2.0,
                    y: pitch / 2.0,
                    kind: super::page::ItemKind::Rule {
                        width,
                        height: rules.thickness,
                    },
                    tag: None,
                    line: 0,
                });
                self.push(b);
            }
            Block::PageBreak(_) => self.page_break(),
        }
    }

    /// A forced page break (never two in a row, never at the very start).
    pub fn page_break(&mut self) {
        let last = self.boxes.iter().rev().find(|b| b.kind != BoxKind::Space);
        if last.is_some_and(|b| b.kind != BoxKind::PageBreak) {
            self.keep_lines = 0;
            self.boxes.push(VBox::new(BoxKind::PageBreak, 0.0));
        }
    }

    /// Run style of a heading or title-block style.
    pub fn block_style(bs: &BlockStyle) -> RunStyle {
        RunStyle {
            font: bs.font,
            size: bs.size,
            bold: bs.bold,
        }
    }

    /// Outline marks of an anchor id and a bookmark.
    pub fn marks(id: &str, title: String, level: u8) -> Vec<Mark> {
        let mut m = Vec::new();
        if !id.is_empty() {
            m.push(Mark::Anchor(id.to_string()));
        }
        if !title.trim().is_empty() {
            m.push(Mark::Outline { title, level });
        }
        m
    }

    /// Standalone (T23) or run-in (T22) heading.
    fn heading(&mut self, h: &ast::Heading, frame: Frame, out: &mut Vec<StructChild>) {
        let chapter = h.level == self.chapter_level && h.run_in.is_empty();
        if chapter && self.style.recto_chapters {
            self.page_break();
        }
        let bs = self.style.heading_of(h).clone();
        self.space(bs.space_before * self.pitch());
        let mut runs = self.runs(&h.content, &Self::block_style(&bs));
        let run_in = !h.run_in.is_empty();
        let mut size = bs.size;
        if run_in {
            // T22: the heading span in the level's style, then body text in the same paragraph.
            runs.extend(self.body_runs(&h.run_in, self.style.body_font));
            size = size.max(self.style.body_size);
        }
        let tag = self.tag();
        let spec = TextSpec {
            runs,
            first_indent: self.style.indent_of(bs.indent_em, bs.size),
            align: if run_in { Alignment::Justify } else { bs.align },
            size,
            pitch: self.style.pitch_of(size),
            heading: !run_in,
        };
        let lines = self.set(&spec, frame.width);
        let title = ast::plain_text(&h.content);
        let first = self.boxes.len();
        let mut marks = Self::marks(&h.id, title.clone(), h.level);
        if chapter {
            marks.push(Mark::Chapter(title));
        }
        self.push_lines(lines, &spec, frame, Some(tag), marks);
        let kind = if run_in {
            StructKind::P
        } else {
            StructKind::Heading(h.level.clamp(1, 6))
        };
        out.push(StructChild::Node(self.p_node(kind, tag, first)));
        self.space(bs.space_after * self.pitch());
    }

    /// T19, hanging form: each item's text hangs `lists.marker_width_em` in, the marker
    /// in the box before it (bullets and task boxes centred, numbers right-aligned); a
    /// nested list sits in its item's text frame, so every level moves in by one box.
    fn list(&mut self, l: &ast::List, frame: Frame, font: FontRole, out: &mut Vec<StructChild>) {
        let ls = &self.style.lists;
        let box_w = self
            .style
            .indent_of(ls.marker_width_em, self.style.body_size);
        let bullet = ls.bullet(self.list_depth).to_string();
        let (open, done) = (ls.task_open.clone(), ls.task_done.clone());
        let inner = self.indented(frame, box_w);
        // The marker box is what `indented` moved in by (less when the measure is capped).
        let box_w = inner.left - frame.left;
        self.list_depth += 1;
        let mut items = Vec::new();
        for (i, item) in l.items.iter().enumerate() {
            let (marker, numbered) = match (item.checked, l.start) {
                (Some(true), _) => (done.clone(), false),
                (Some(false), _) => (open.clone(), false),
                (None, Some(s)) => (format!("{}.", s.saturating_add(i as u64)), true),
                (None, None) => (bullet.clone(), false),
            };
            let mut body = Vec::new();
            let first = self.boxes.len();
            let mut blocks = item.blocks.iter();
            match blocks.next() {
                Some(Block::Para(p)) => {
                    let runs = self.body_runs(&p.content, font);
                    self.hanging_para(runs, inner, &mut body);
                }
                Some(other) => self.block(other, inner, font, &mut body),
                None => {}
            }
            if !self.boxes[first..]
                .iter()
                .any(|b| matches!(b.kind, BoxKind::Line { .. }))
            {
                // An empty item, or one opening with a figure: the marker gets a line.
                let mut b = VBox::new(BoxKind::Line { heading: false }, self.pitch());
                b.keep_with_prev = false;
                self.push(b);
            }
            let label = self.item_marker(first, &marker, numbered, frame, box_w, font);
            for b in blocks {
                self.block(b, inner, font, &mut body);
            }
            let mut kids = Vec::new();
            if let Some(tag) = label {
                kids.push(StructChild::Node(StructNode {
                    kind: StructKind::Lbl,
                    children: vec![StructChild::Content(tag)],
                }));
            }
            kids.push(StructChild::Node(StructNode {
                kind: StructKind::LBody,
                children: body,
            }));
            items.push(StructChild::Node(StructNode {
                kind: StructKind::LI,
                children: kids,
            }));
        }
        self.list_depth -= 1;
        out.push(StructChild::Node(StructNode {
            kind: StructKind::L,
            children: items,
        }));
    }

    /// A list item's paragraph: justified like body text (T16), no first-line indent.
    fn hanging_para(&mut self, runs: Vec<StyledRun>, frame: Frame, out: &mut Vec<StructChild>) {
        if runs.is_empty() {
            return;
        }
        let tag = self.tag();
        let spec = TextSpec {
            runs,
            first_indent: 0.0,
            align: Alignment::Justify,
            size: self.style.body_size,
            pitch: self.pitch(),
            heading: false,
        };
        let first = self.boxes.len();
        let lines = self.set(&spec, frame.width);
        self.push_lines(lines, &spec, frame, Some(tag), Vec::new());
        out.push(StructChild::Node(self.p_node(StructKind::P, tag, first)));
    }

    /// Sets `marker` at body size on the baseline of the first line box from `first`, in
    /// the `box_w` wide box at the left of `frame`: numbers end a quarter em before the
    /// text, bullets and task boxes are centred. Returns the marker's tag (`Lbl`).
    fn item_marker(
        &mut self,
        first: usize,
        marker: &str,
        numbered: bool,
        frame: Frame,
        box_w: f32,
        font: FontRole,
    ) -> Option<TagId> {
        let size = self.style.body_size;
        let i = first
            + self.boxes[first..]
                .iter()
                .position(|b| matches!(b.kind, BoxKind::Line { .. }))?;
        let spec = TextSpec {
            runs: self.body_runs(&[Inline::Text(marker.to_string())], font),
            first_indent: 0.0,
            align: Alignment::Left,
            size,
            pitch: self.pitch(),
            heading: false,
        };
        let mut line = self.set(&spec, UNBOUNDED_WIDTH).into_iter().next()?;
        line.x = 0.0;
        let w = line.width;
        let offset = if numbered {
            (box_w - w - crate::style::LIST_NUMBER_GAP_EM * size).max(0.0)
        } else {
            ((box_w - w) / 2.0).max(0.0)
        };
        let x = self.style.margin_left + frame.left + offset;
        let b = &self.boxes[i];
        let baseline = b
            .items
            .iter()
            .find_map(|it| matches!(it.kind, super::page::ItemKind::Glyphs(_)).then_some(it.y))
            .unwrap_or((b.height - size) / 2.0 + ASCENT_EM * size);
        let tag = self.tag();
        // The marker goes first: reading order and text extraction see it before the text.
        let items = line_items(line, x, baseline, Some(tag), self.line, &mut || None);
        self.boxes[i].items.splice(0..0, items);
        Some(tag)
    }
}
