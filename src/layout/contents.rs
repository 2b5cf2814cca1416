//! The contents page of the PDF (`toc` style keys, `--toc`; T31 page numbers): one entry
//! per article title and heading down to `toc.depth`, a leader, the right-aligned page
//! number and a link to the heading. Entries are set before page breaking and their
//! numbers filled in after it, which moves nothing: an entry's text is set in a measure
//! that leaves room for the widest number the document can have, so no entry's height
//! depends on its number.

use super::blocks::{Builder, TextSpec};
use super::page::{Anchor, Item, ItemKind, LinkTarget, StructChild, StructKind, TagId};
use super::set_paragraph;
use super::types::{FontSet, Frame, Kinsoku, Line, ParaSpec, RunStyle, StyledRun, TextLook};
use super::vlist::{line_items, Mark, VBox, ASCENT_EM};
use crate::style::{Alignment, Style};
use std::collections::BTreeMap;

/// One entry of the contents page, read from the marks of the built boxes.
pub(crate) struct Entry {
    /// 0 for an article title, else the heading level.
    level: u8,
    /// Plain-text title.
    title: String,
    /// The anchor id the entry links to and takes its page number from.
    id: String,
}

/// An entry as set on the contents page: where its page number and leader go.
pub(crate) struct SetEntry {
    /// Anchor id of the heading.
    id: String,
    /// Boxes holding the entry's lines (the number goes on the last).
    boxes: std::ops::Range<usize>,
    /// Page x where the entry's text ends on its last line.
    text_end: f32,
    /// Baseline of the lines, from the top of their box.
    baseline: f32,
    /// Page x where the entry's link area starts.
    left: f32,
    /// Marked-content id of the entry.
    tag: TagId,
}

/// Entries for every article title and heading of level `depth` or less that has an id,
/// in document order, from the marks on `boxes`.
pub(crate) fn entries(boxes: &[VBox], depth: u8) -> Vec<Entry> {
    let mut out = Vec::new();
    for b in boxes {
        let id = b.marks.iter().find_map(|m| match m {
            Mark::Anchor(id) => Some(id),
            _ => None,
        });
        let outline = b.marks.iter().find_map(|m| match m {
            Mark::Outline { title, level } => Some((title, *level)),
            _ => None,
        });
        if let (Some(id), Some((title, level))) = (id, outline) {
            if level <= depth {
                out.push(Entry {
                    level,
                    title: title.clone(),
                    id: id.clone(),
                });
            }
        }
    }
    out
}

/// One line of `text` in `base`, set flush left in the full measure (numbers, leaders).
fn set_line(text: &str, base: &RunStyle, style: &Style, fonts: &FontSet) -> Option<Line> {
    let spec = ParaSpec {
        runs: vec![StyledRun::plain(text, base)],
        width: style.text_width(),
        first_indent: 0.0,
        align: Alignment::Left,
        kinsoku: Kinsoku::Gb,
        line_pitch: style.line_pitch(),
        look: TextLook::of(style),
    };
    set_paragraph(&spec, fonts).into_iter().next()
}

/// Run style of entries of `level`: article titles bold, headings plain, in the body face.
fn entry_style(level: u8, style: &Style) -> RunStyle {
    RunStyle {
        font: style.body_font,
        size: style.body_size,
        bold: level == 0,
    }
}

impl Builder<'_> {
    /// Appends the contents page: its title in the title style, then one entry per
    /// `entries` item (no numbers yet, see [`fill_numbers`]); `pages` bounds the page
    /// count, so the measure leaves room for the widest number.
    pub(crate) fn contents(
        &mut self,
        entries: &[Entry],
        pages: usize,
        out: &mut Vec<StructChild>,
    ) -> Vec<SetEntry> {
        let style = self.style;
        let ts = style.title.clone();
        let runs = vec![StyledRun::plain(&style.toc.title, &Self::block_style(&ts))];
        let tag = self.tag();
        let first = self.boxes.len();
        self.text(
            TextSpec::centred(runs, &ts, style),
            self.full_frame(),
            Some(tag),
        );
        out.push(StructChild::Node(self.p_node(StructKind::P, tag, first)));
        self.space(ts.space_after * self.pitch());
        let body = entry_style(1, style);
        let digits = "0".repeat(pages.max(1).to_string().len());
        let number = set_line(&digits, &body, style, self.fonts).map_or(0.0, |l| l.width);
        let leader = set_line(&style.toc.leader, &body, style, self.fonts).map_or(0.0, |l| l.width);
        let gap = style.toc.gap_em * style.body_size;
        // Room for the number, a leader dot and the gaps either side of it.
        let reserve = number + leader + 2.0 * gap;
        let top = entries.iter().map(|e| e.level).min().unwrap_or(0);
        let mut set = Vec::new();
        for e in entries {
            let base = entry_style(e.level, style);
            let indent = f32::from(e.level - top) * style.toc.indent_em * style.body_size;
            let frame = Frame {
                left: indent,
                width: (style.text_width() - indent - reserve).max(style.body_size),
            };
            let spec = TextSpec {
                runs: vec![StyledRun::plain(&e.title, &base)],
                first_indent: 0.0,
                align: Alignment::Left,
                size: base.size,
                pitch: style.pitch_of(base.size),
                heading: false,
            };
            let lines = self.set(&spec, frame.width);
            let Some(last) = lines.last() else { continue };
            let left = style.margin_left + frame.left;
            let text_end = left + last.x + last.width;
            let baseline = (spec.pitch - spec.size) / 2.0 + ASCENT_EM * spec.size;
            let tag = self.tag();
            let first = self.boxes.len();
            let n = self.push_lines(lines, &spec, frame, Some(tag), Vec::new());
            out.push(StructChild::Node(self.p_node(StructKind::P, tag, first)));
            set.push(SetEntry {
                id: e.id.clone(),
                boxes: first..first + n,
                text_end,
                baseline,
                left,
                tag,
            });
        }
        self.page_break();
        set
    }
}

/// Adds to each set entry, once pages are known, its page number flush with the right
/// text edge, a leader from its text to the number, and a link over its lines to the
/// heading (`anchors` from page breaking).
pub(crate) fn fill_numbers(
    boxes: &mut [VBox],
    set: &[SetEntry],
    anchors: &BTreeMap<String, Anchor>,
    style: &Style,
    fonts: &FontSet,
) {
    let right = style.margin_left + style.text_width();
    let gap = style.toc.gap_em * style.body_size;
    let body = entry_style(1, style);
    let leader = set_line(&style.toc.leader, &body, style, fonts).map_or(0.0, |l| l.width);
    let numbers: Vec<Option<Line>> = set
        .iter()
        .map(|e| {
            let page = anchors.get(&e.id)?.page + 1;
            set_line(&page.to_string(), &body, style, fonts)
        })
        .collect();
    // Every leader ends one gap before the widest number, so they line up down the page.
    let widest = numbers
        .iter()
        .flatten()
        .map(|l| l.width)
        .fold(0.0, f32::max);
    let leader_end = right - widest - gap;
    for (e, number) in set.iter().zip(numbers) {
        let Some(number) = number else {
            continue;
        };
        let number_x = right - number.width;
        let last = &mut boxes[e.boxes.end - 1];
        let tag = Some(e.tag);
        let count = if leader > 0.0 {
            ((leader_end - e.text_end - gap) / leader).floor()
        } else {
            0.0
        };
        if count >= 1.0 {
            let dots = style.toc.leader.repeat(count as usize);
            if let Some(line) = set_line(&dots, &body, style, fonts) {
                let x = leader_end - line.width;
                last.items
                    .extend(line_items(line, x, e.baseline, tag, &mut || None));
            }
        }
        last.items
            .extend(line_items(number, number_x, e.baseline, tag, &mut || None));
        for b in &mut boxes[e.boxes.clone()] {
            b.items.push(Item {
                x: e.left,
                y: 0.0,
                kind: ItemKind::Link {
                    width: right - e.left,
                    height: b.height,
                    target: LinkTarget::Dest(e.id.clone()),
                },
                tag: None,
            });
        }
    }
}
