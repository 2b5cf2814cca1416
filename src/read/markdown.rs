//! Markdown reader: pulldown-cmark events (CommonMark + GFM tables, footnotes,
//! strikethrough, task lists, heading ids) → AST, plus YAML front matter and the T6 repair.

use super::cjk_emphasis::{self, LITERAL_STAR};
use super::containers;
use super::frontmatter;
use super::html::{self, OpenTags, Unknown};
use super::html_blocks;
use super::MAX_NESTING;
use crate::ast::{
    plain_text, Align, Block, CodeBlock, Document, Figure, Footnote, Heading, HeadingScale, Image,
    Inline, Link, List, ListItem, Para, Quote, Rule, Table,
};
use crate::log::Log;
use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};
use std::ops::Range;

/// Parses Markdown text (LF line ends) into a document (meta.source left unset).
/// Content nested deeper than [`MAX_NESTING`] is kept one level up, with one warning.
pub fn parse(src: &str, log: &mut Log) -> Document {
    let (meta, body) = frontmatter::split(src);
    let body = containers::rewrite(&body);
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    // GitHub alerts (`> [!NOTE]`), shown as a quote with a bold title.
    opts.insert(Options::ENABLE_GFM);
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(&body, opts).into_offset_iter().collect();
    let mut b = Builder {
        src: &body,
        events,
        pos: 0,
        line_starts: std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        notes: Vec::new(),
        tasks: Vec::new(),
        depth: 0,
        inline_depth: 0,
        too_deep: None,
        html: Unknown::default(),
    };
    let mut explicit = false;
    let blocks = b.blocks(&mut explicit);
    if let Some(line) = b.too_deep {
        log.warn(
            "W-DEPTH",
            line,
            format!(
                "nesting deeper than {MAX_NESTING} levels (lists, quotes or emphasis); \
                 the deeper content is kept at level {MAX_NESTING}: flatten the source"
            ),
        );
    }
    if let Some(message) = b.html.message() {
        log.warn("W-HTML", b.html.first_line.unwrap_or(0), message);
    }
    Document {
        meta: meta.unwrap_or_default(),
        blocks,
        notes: b.notes,
    }
}

/// Turns the flat event list into a tree by recursive descent.
struct Builder<'a> {
    src: &'a str,
    events: Vec<(Event<'a>, Range<usize>)>,
    pos: usize,
    line_starts: Vec<usize>,
    notes: Vec<Footnote>,
    /// Task-list state of the list items being built, innermost last.
    tasks: Vec<Option<bool>>,
    /// Block containers (quotes, list items, footnotes) open around the current position.
    depth: usize,
    /// Inline containers (emphasis, links…) open around the current position.
    inline_depth: usize,
    /// Line of the first construct nested deeper than [`MAX_NESTING`].
    too_deep: Option<usize>,
    /// Raw HTML tags met that are not read into the AST (one W-HTML warning).
    html: Unknown,
}

/// Events that belong to inline content (a tight list item has them without a paragraph).
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::End(_) | Event::Html(_) | Event::Rule => false,
    }
}

impl<'a> Builder<'a> {
    /// 1-based line of a byte offset in the body.
    fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset)
    }

    fn next(&mut self) -> Option<(Event<'a>, Range<usize>)> {
        let e = self.events.get(self.pos).cloned();
        self.pos += 1;
        e
    }

    fn peek(&self) -> Option<&Event<'a>> {
        self.events.get(self.pos).map(|(e, _)| e)
    }

    /// Blocks up to (and including) the end of the enclosing container, or the end of input.
    /// `explicit` is set when a paragraph tag occurs directly here (the list is loose).
    fn blocks(&mut self, explicit: &mut bool) -> Vec<Block> {
        let mut out = Vec::new();
        // Containers opened here past MAX_NESTING: their content stays in this loop (no
        // recursion, so no stack overflow), and their end tags do not end it.
        let mut flattened = 0usize;
        while let Some(event) = self.peek() {
            if is_inline(event) {
                let line = self.line(self.events[self.pos].1.start);
                let content = self.inlines(false, false);
                push_para(&mut out, content, line);
                continue;
            }
            let (event, range) = self.next().expect("peeked");
            let line = self.line(range.start);
            match event {
                Event::End(_) if flattened > 0 => flattened -= 1,
                Event::End(_) => break,
                Event::Rule => out.push(Block::Rule(Rule { line })),
                Event::Html(text) => self.html_block(&text, line, &mut out),
                Event::Start(tag) if self.depth >= MAX_NESTING && is_container(&tag) => {
                    self.too_deep.get_or_insert(line);
                    flattened += 1;
                }
                Event::Start(tag) => self.block(tag, line, explicit, &mut out),
                _ => unreachable!("inline events are handled above"),
            }
        }
        out
    }

    fn block(&mut self, tag: Tag<'a>, line: usize, explicit: &mut bool, out: &mut Vec<Block>) {
        match tag {
            Tag::Paragraph => {
                *explicit = true;
                let content = self.inlines(true, false);
                push_para(out, content, line);
            }
            Tag::Heading { level, id, .. } => {
                let content = self.inlines(true, false);
                out.push(Block::Heading(Heading {
                    // The Markdown depth; the outline pass renumbers it and sets the scale.
                    level: heading_level(level),
                    scale: HeadingScale::Unnumbered,
                    content,
                    run_in: Vec::new(),
                    id: id.map(|s| s.to_string()).unwrap_or_default(),
                    line,
                }));
            }
            Tag::BlockQuote(kind) => {
                let mut blocks = self.nested_blocks(&mut false);
                if let Some(kind) = kind {
                    let title = containers::alert_title(kind).to_string();
                    blocks.insert(
                        0,
                        Block::Para(Para {
                            content: vec![Inline::Strong(vec![Inline::Text(title)])],
                            line,
                        }),
                    );
                }
                out.push(Block::Quote(Quote { blocks, line }));
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_string)
                    }
                    CodeBlockKind::Indented => None,
                };
                let mut text = self.raw_text();
                if text.ends_with('\n') {
                    text.pop();
                }
                out.push(Block::Code(CodeBlock { lang, text, line }));
            }
            Tag::HtmlBlock => {
                let text = self.raw_text();
                self.html_block(&text, line, out);
            }
            Tag::List(start) => out.push(self.list(start, line)),
            Tag::FootnoteDefinition(label) => {
                let blocks = self.nested_blocks(&mut false);
                self.notes.push(Footnote {
                    label: label.to_string(),
                    blocks,
                    line,
                });
            }
            Tag::Table(aligns) => out.push(self.table(&aligns, line)),
            Tag::MetadataBlock(_) => {
                self.raw_text();
            }
            // Not enabled; keep their content rather than lose it.
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Item
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. } => out.extend(self.nested_blocks(explicit)),
        }
    }

    /// The blocks of a raw HTML block (issue 10: one reading for every backend).
    fn html_block(&mut self, html: &str, line: usize, out: &mut Vec<Block>) {
        let room = MAX_NESTING.saturating_sub(self.depth);
        let (blocks, fits) = html_blocks::blocks(html, line, &mut self.html, room);
        if !fits {
            self.too_deep.get_or_insert(line);
        }
        out.extend(blocks);
    }

    /// [`Builder::blocks`] of a container one level deeper.
    fn nested_blocks(&mut self, explicit: &mut bool) -> Vec<Block> {
        self.depth += 1;
        let blocks = self.blocks(explicit);
        self.depth -= 1;
        blocks
    }

    /// Concatenated text of a code, HTML or metadata block up to its end tag.
    fn raw_text(&mut self) -> String {
        let mut text = String::new();
        while let Some((event, _)) = self.next() {
            match event {
                Event::End(_) => break,
                Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
                _ => {}
            }
        }
        text
    }

    fn list(&mut self, start: Option<u64>, line: usize) -> Block {
        let mut items = Vec::new();
        let mut loose = false;
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::Item) => {
                    self.tasks.push(None);
                    let blocks = self.nested_blocks(&mut loose);
                    let checked = self.tasks.pop().flatten();
                    items.push(ListItem { checked, blocks });
                }
                Event::End(_) => break,
                _ => {}
            }
        }
        Block::List(List {
            start,
            tight: !loose,
            items,
            line,
        })
    }

    fn table(&mut self, aligns: &[Alignment], line: usize) -> Block {
        let mut header = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut in_head = false;
        while let Some((event, _)) = self.next() {
            match event {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    let cell = self.inlines(true, false);
                    match rows.last_mut() {
                        Some(row) if !in_head => row.push(cell),
                        _ => header.push(cell),
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table(Table {
            aligns: aligns.iter().map(|a| align(*a)).collect(),
            header,
            rows,
            caption: None,
            line,
        })
    }

    /// Inline content: up to the end tag of the container when `until_end`, otherwise up to
    /// the next non-inline event (tight list items). Ends with the T6 emphasis pass.
    /// `inline` marks the content of an inline element (emphasis, strikethrough, link).
    fn inlines(&mut self, until_end: bool, inline: bool) -> Vec<Inline> {
        let line = self.events.get(self.pos).map(|(_, r)| self.line(r.start));
        let mut out: Vec<Inline> = Vec::new();
        self.collect(until_end, &mut out);
        let room = MAX_NESTING.saturating_sub(self.inline_depth);
        if cjk_emphasis::repair(&mut out, inline, room) {
            self.too_deep.get_or_insert(line.unwrap_or(0));
        }
        out
    }

    /// Appends inline content to `out` without the T6 pass (see [`Builder::inlines`]).
    fn collect(&mut self, until_end: bool, out: &mut Vec<Inline>) {
        // Closing text of the inline containers opened here past MAX_NESTING, innermost
        // last: their content stays in this loop, their markup is dropped (star delimiters
        // stay as text for the T6 pass).
        let mut flattened: Vec<&'static str> = Vec::new();
        // Inline HTML elements opened by one event and closed by a later one.
        let mut open = OpenTags::default();
        loop {
            match self.peek() {
                None => break,
                Some(e) if !until_end && flattened.is_empty() && !is_inline(e) => break,
                _ => {}
            }
            let (event, range) = self.next().expect("peeked");
            match event {
                Event::End(_) if !flattened.is_empty() => {
                    let close = flattened.pop().expect("not empty");
                    push_plain(out, close);
                }
                Event::End(_) => break,
                Event::Text(t) => self.push_text(out, &t, range),
                Event::Code(c) => out.push(Inline::Code(c.to_string())),
                Event::InlineMath(m) | Event::DisplayMath(m) => {
                    out.push(Inline::Code(m.to_string()))
                }
                Event::InlineHtml(h) | Event::Html(h) => {
                    let line = self.line(range.start);
                    let room = MAX_NESTING.saturating_sub(self.inline_depth);
                    open.feed(&h, out, &mut self.html, line, room);
                    if open.too_deep {
                        self.too_deep.get_or_insert(line);
                    }
                }
                Event::FootnoteReference(label) => out.push(Inline::NoteRef(label.to_string())),
                Event::SoftBreak => out.push(Inline::SoftBreak),
                Event::HardBreak => out.push(Inline::LineBreak),
                Event::TaskListMarker(checked) => {
                    if let Some(state) = self.tasks.last_mut() {
                        *state = Some(checked);
                    }
                }
                Event::Rule => {}
                Event::Start(tag) if self.inline_depth >= MAX_NESTING => {
                    self.too_deep.get_or_insert(self.line(range.start));
                    let star = self.src.as_bytes().get(range.start) == Some(&b'*');
                    let delims = match tag {
                        Tag::Strong if star => "**",
                        Tag::Emphasis if star => "*",
                        _ => "",
                    };
                    push_plain(out, delims);
                    flattened.push(delims);
                }
                Event::Start(tag) => {
                    self.inline_depth += 1;
                    self.inline_tag(tag, range, out);
                    self.inline_depth -= 1;
                }
            }
        }
        open.close_all(out);
        html::stray_readings(out);
        if open.too_deep {
            let line = self
                .events
                .get(self.pos.saturating_sub(1))
                .map(|(_, r)| r.start);
            self.too_deep.get_or_insert(self.line(line.unwrap_or(0)));
        }
    }

    fn inline_tag(&mut self, tag: Tag<'a>, range: Range<usize>, out: &mut Vec<Inline>) {
        let star = self.src.as_bytes().get(range.start) == Some(&b'*');
        match tag {
            // T6: `*` emphasis is paired again for the whole container with the CJK-friendly
            // rules, so put pulldown-cmark's delimiters back as text. `_` emphasis is kept.
            Tag::Emphasis | Tag::Strong if star => {
                let delims = if matches!(tag, Tag::Strong) {
                    "**"
                } else {
                    "*"
                };
                push_plain(out, delims);
                self.collect(true, out);
                push_plain(out, delims);
            }
            Tag::Emphasis => out.push(Inline::Emph(self.inlines(true, true))),
            Tag::Strong => out.push(Inline::Strong(self.inlines(true, true))),
            Tag::Strikethrough => out.push(Inline::Strike(self.inlines(true, true))),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let content = if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    // The text of `<url>` is the URL itself: no emphasis pass inside it.
                    let mut raw = Vec::new();
                    self.collect(true, &mut raw);
                    let text = plain_text(&raw).replace(LITERAL_STAR, "*");
                    vec![Inline::Text(text)]
                } else {
                    self.inlines(true, true)
                };
                let url = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                out.push(Inline::Link(Link {
                    url,
                    title: non_empty(&title),
                    content,
                }));
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                let alt = plain_text(&self.inlines(true, true));
                out.push(Inline::Image(Image {
                    src: dest_url.to_string(),
                    alt,
                    title: non_empty(&title),
                }));
            }
            // Superscript/subscript are not enabled; any block tag here would be a parser
            // surprise. Keep the content.
            _ => self.collect(true, out),
        }
    }

    /// Adds text; a `*` that is not a possible delimiter (escaped or from an entity) is
    /// marked so that the T6 repair leaves it alone.
    fn push_text(&self, out: &mut Vec<Inline>, text: &str, range: Range<usize>) {
        let raw = self.src.get(range.clone()).unwrap_or("");
        let text = if raw != text {
            text.replace('*', &LITERAL_STAR.to_string())
        } else if text.starts_with('*') && escaped_at(self.src, range.start) {
            format!("{LITERAL_STAR}{}", &text[1..])
        } else {
            text.to_string()
        };
        push_plain(out, &text);
    }
}

fn push_plain(out: &mut Vec<Inline>, text: &str) {
    match out.last_mut() {
        Some(Inline::Text(prev)) => prev.push_str(text),
        _ => out.push(Inline::Text(text.to_string())),
    }
}

/// True when the byte before `offset` is a backslash that is not itself escaped.
fn escaped_at(src: &str, offset: usize) -> bool {
    let backslashes = src.as_bytes()[..offset]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    backslashes % 2 == 1
}

/// Block tags whose content is a nested block list (flattened past [`MAX_NESTING`]); the
/// others are read to their end without recursing into blocks.
fn is_container(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Table(_)
            | Tag::MetadataBlock(_)
    )
}

/// A paragraph, or a figure when its only content is one image.
pub(super) fn push_para(out: &mut Vec<Block>, content: Vec<Inline>, line: usize) {
    let mut significant = content
        .iter()
        .filter(|i| !matches!(i, Inline::Text(t) if t.trim().is_empty()));
    if let (Some(Inline::Image(img)), None) = (significant.next(), significant.next()) {
        out.push(Block::Figure(Figure {
            src: img.src.clone(),
            alt: img.alt.clone(),
            title: img.title.clone(),
            line,
        }));
        return;
    }
    out.push(Block::Para(Para { content, line }));
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn align(a: Alignment) -> Align {
    match a {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}
