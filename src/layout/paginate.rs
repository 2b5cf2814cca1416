//! Page breaking (T20) and page furniture: fills pages greedily, backs up to the last
//! legal break (≥2 paragraph lines at page bottom and top, headings and the title block
//! keep with what follows), places footnotes at the foot of the page holding their
//! reference, repeats table headers, and adds page numbers and the running header.

use super::notes::NoteBody;
use super::page::{Anchor, Item, ItemKind, OutlineEntry, Page};
use super::set_paragraph;
use super::types::{FontSet, Kinsoku, ParaSpec, RunStyle, StyledRun, TextLook};
use super::vlist::{line_items, BoxKind, Mark, VBox, ASCENT_EM};
use crate::outline::{nest, Nested};
use crate::style::{Alignment, FontRole, PageNumberPosition, Style};
use std::collections::BTreeMap;

/// Tolerance for floating-point sums of heights.
const EPS: f32 = 0.01;

/// Where one page's content comes from: decided for every page before any page is made,
/// so the anchors and outline are known before the first page is drawn.
#[derive(Debug)]
pub(crate) struct PagePlan {
    /// First box of the page.
    start: usize,
    /// End of the page's boxes (exclusive).
    end: usize,
    /// Extra space before each box of `start..end` (撑版, see [`fill_bottom`]).
    extra: Vec<f32>,
    /// Footnotes referenced on the page, in order.
    notes: Vec<usize>,
    /// A blank even page before a chapter that must open on an odd page: nothing is drawn
    /// on it, not even the page number.
    blank: bool,
    /// Running head of the page: the book or chapter title (`running_heads`), else the
    /// style's fixed `header`.
    head: Option<String>,
}

/// Page breaks of a whole document, plus the bookmarks and destinations they fix.
pub(crate) struct Paginated {
    /// One plan per page.
    pub plans: Vec<PagePlan>,
    /// Bookmarks, nested.
    pub outline: Vec<OutlineEntry>,
    /// Named destinations.
    pub anchors: BTreeMap<String, Anchor>,
}

/// Breaks `boxes` into pages (T20). Only heights and keeps are read: the pages themselves
/// are made one at a time by [`make_page`].
/// `title` is the document's title, the running head of even pages.
pub(crate) fn paginate(
    boxes: &[VBox],
    heads: &[Vec<VBox>],
    notes: &[NoteBody],
    style: &Style,
    title: &str,
) -> Paginated {
    let avail = style.text_height();
    let mut plans = Vec::new();
    let mut flat: Vec<(u8, OutlineEntry)> = Vec::new();
    let mut anchors = BTreeMap::new();
    let mut start = 0;
    let n = boxes.len();
    // The chapter the page being planned is in, for odd pages' running heads.
    let mut chapter: Option<String> = None;
    while start < n {
        // Glue and breaks vanish at the top of a page.
        while start < n && matches!(boxes[start].kind, BoxKind::Space | BoxKind::PageBreak) {
            start += 1;
        }
        if start >= n {
            break;
        }
        let opens = opened_chapter(&boxes[start]);
        // An article title (the document's own title block too) opens a recto page as a
        // chapter does.
        let recto = opens.is_some()
            || boxes[start]
                .marks
                .iter()
                .any(|m| matches!(m, Mark::Outline { level: 0, .. }));
        // T31: a chapter opening on an even page gets a blank, unnumbered even page before
        // it instead.
        if recto && style.recto_chapters && plans.len() % 2 == 1 {
            plans.push(PagePlan {
                start,
                end: start,
                extra: Vec::new(),
                notes: Vec::new(),
                blank: true,
                head: None,
            });
        }
        let head_text = match (style.running_heads, opens) {
            (false, _) => style.header.clone(),
            // No running head on a chapter's opening page.
            (true, Some(_)) => None,
            (true, None) if plans.len() % 2 == 1 => Some(title.to_string()),
            (true, None) => chapter.clone(),
        };
        let head = repeat_head(boxes, heads, start);
        let head_h: f32 = head.iter().map(|b| b.height).sum();
        let (end, next, cut) = fill(boxes, notes, start, avail - head_h, style);
        let mut extra = if cut {
            fill_bottom(&boxes[start..end], avail - head_h, notes, style)
        } else {
            vec![0.0; end - start]
        };
        foot_space(&boxes[start..end], &mut extra, avail - head_h, notes, style);
        let page = plans.len();
        let mut y = style.margin_top;
        let gaps = std::iter::repeat_n(&0.0, head.len()).chain(&extra);
        for (b, gap) in head.iter().chain(&boxes[start..end]).zip(gaps) {
            y += gap;
            for m in &b.marks {
                match m {
                    Mark::Anchor(id) => {
                        anchors.entry(id.clone()).or_insert(Anchor { page, y });
                    }
                    Mark::Chapter(title) => chapter = Some(title.clone()),
                    Mark::Outline { title, level } => flat.push((
                        *level,
                        OutlineEntry {
                            title: title.clone(),
                            level: *level,
                            page,
                            y,
                            children: Vec::new(),
                        },
                    )),
                }
            }
            y += b.height;
        }
        let page_notes = boxes[start..end]
            .iter()
            .flat_map(|b| b.notes.iter().copied())
            .collect();
        plans.push(PagePlan {
            start,
            end,
            extra,
            notes: page_notes,
            blank: false,
            head: head_text,
        });
        start = next;
    }
    Paginated {
        plans,
        outline: nest(flat),
        anchors,
    }
}

/// The chapter title `b` opens, if a chapter starts with it.
fn opened_chapter(b: &VBox) -> Option<&str> {
    b.marks.iter().find_map(|m| match m {
        Mark::Chapter(title) => Some(title.as_str()),
        _ => None,
    })
}

/// The boxes page `plan` draws, in drawing order: the repeated table header, the page's
/// own boxes, then its footnotes.
pub(crate) fn page_boxes<'a>(
    plan: &'a PagePlan,
    boxes: &'a [VBox],
    heads: &'a [Vec<VBox>],
    notes: &'a [NoteBody],
) -> impl Iterator<Item = &'a VBox> {
    let head = match plan.blank {
        true => &[],
        false => repeat_head(boxes, heads, plan.start),
    };
    let own = &boxes[plan.start..plan.end];
    let foot = plan
        .notes
        .iter()
        .filter_map(|&i| notes.get(i))
        .flat_map(|n| &n.boxes);
    head.iter().chain(own).chain(foot)
}

/// Makes page number `index` (0-based) of `plan`. The items of the page's own boxes are
/// moved out of `boxes`, not copied: once the page is written, its glyphs are freed.
pub(crate) fn make_page(
    plan: &PagePlan,
    index: usize,
    boxes: &mut [VBox],
    heads: &[Vec<VBox>],
    notes: &[NoteBody],
    style: &Style,
    fonts: &FontSet,
) -> Page {
    let mut page = Page {
        width: style.page_width,
        height: style.page_height,
        label: (index + 1).to_string(),
        items: Vec::new(),
    };
    if plan.blank {
        return page;
    }
    let mut y = style.margin_top;
    for b in repeat_head(boxes, heads, plan.start) {
        page.items.extend(b.items.iter().map(|it| Item {
            y: it.y + y,
            ..it.clone()
        }));
        y += b.height;
    }
    for (b, gap) in boxes[plan.start..plan.end].iter_mut().zip(&plan.extra) {
        y += gap;
        page.items
            .extend(std::mem::take(&mut b.items).into_iter().map(|mut it| {
                it.y += y;
                it
            }));
        y += b.height;
    }
    close_table(&mut page, boxes, heads, plan.end, y, style.table.thin_rule);
    place_notes(&mut page, &plan.notes, notes, style);
    furniture(&mut page, index + 1, plan.head.as_deref(), style, fonts);
    if style.mirror_margins && index % 2 == 1 {
        // An even (verso) page: the inner margin is on the right.
        let dx = style.margin_right - style.margin_left;
        for it in &mut page.items {
            it.x += dx;
        }
    }
    page
}

/// Header rows to repeat when the page starts inside a table (after its header).
fn repeat_head<'a>(boxes: &[VBox], heads: &'a [Vec<VBox>], start: usize) -> &'a [VBox] {
    match boxes[start].kind {
        BoxKind::Row {
            table,
            header: false,
        } => &heads[table],
        _ => &[],
    }
}

/// A table broken by the page gets a thin closing rule under its last row on this page
/// (the full rule closes the table's real end; the header repeats on the next page).
fn close_table(
    page: &mut Page,
    boxes: &[VBox],
    heads: &[Vec<VBox>],
    end: usize,
    bottom: f32,
    thickness: f32,
) {
    let (Some(last), Some(next)) = (end.checked_sub(1).map(|i| &boxes[i]), boxes.get(end)) else {
        return;
    };
    let (BoxKind::Row { table: a, .. }, BoxKind::Row { table: b, .. }) = (last.kind, next.kind)
    else {
        return;
    };
    // The header's top rule gives the table's left edge and width.
    let top = heads.get(a).and_then(|h| h.first()).and_then(|h| {
        h.items.iter().find_map(|it| match it.kind {
            ItemKind::Rule { width, .. } => Some((it.x, width)),
            _ => None,
        })
    });
    if let (true, Some((x, width))) = (a == b, top) {
        page.items.push(Item {
            x,
            y: bottom - thickness,
            kind: ItemKind::Rule {
                width,
                height: thickness,
            },
            tag: None,
            line: 0,
        });
    }
}

/// May the page end before box `k` (T20 keeps, unless the style turns them off)?
fn can_break_before(boxes: &[VBox], k: usize, style: &Style) -> bool {
    !style.page_keeps || (!boxes[k - 1].keep_with_next && !boxes[k].keep_with_prev)
}

/// Height footnotes take at the foot of a page holding `ids`, `gap` above and below their
/// separator rule.
fn notes_height(ids: &[usize], notes: &[NoteBody], gap: f32) -> f32 {
    if ids.is_empty() {
        return 0.0;
    }
    2.0 * gap
        + ids
            .iter()
            .map(|&i| notes.get(i).map_or(0.0, |n| n.height))
            .sum::<f32>()
}

/// Extra space to add before each box of a page that a keep rule (T20) cut short by a line
/// or more: the page is filled to the bottom of the text area (撑版) by spreading the free
/// space evenly over its vertical glue and the gaps between blocks, at most
/// `style.fill_max_lines` a gap — never between two
/// lines of one paragraph (T18), two rows of one table, a heading and its text, or inside
/// one drawn block (`VBox::continues`: a code panel).
fn fill_bottom(page: &[VBox], avail: f32, notes: &[NoteBody], style: &Style) -> Vec<f32> {
    let pitch = style.line_pitch();
    let mut extra = vec![0.0; page.len()];
    // Trailing glue is not drawn and takes no part.
    let Some(last) = page.iter().rposition(|b| b.kind != BoxKind::Space) else {
        return extra;
    };
    let ids: Vec<usize> = page.iter().flat_map(|b| b.notes.iter().copied()).collect();
    let used: f32 = page[..=last].iter().map(|b| b.height).sum::<f32>()
        + notes_height(&ids, notes, style.notes.gap);
    let free = avail - used;
    if free < pitch - EPS {
        return extra;
    }
    let tag = |b: &VBox| b.items.iter().find_map(|it| it.tag);
    // A stretch point before box k: glue itself, or a block boundary between two boxes.
    let points: Vec<usize> = (1..=last)
        .filter(|&k| {
            let (a, b) = (&page[k - 1], &page[k]);
            if b.continues {
                return false;
            }
            match (a.kind, b.kind) {
                // A heading (or title) stays close to the text it heads.
                (BoxKind::Line { heading: true }, _) => false,
                (BoxKind::Space, _) | (_, BoxKind::Space) => b.kind == BoxKind::Space,
                (BoxKind::Row { .. }, BoxKind::Row { .. }) => false,
                _ => tag(a) != tag(b),
            }
        })
        .collect();
    if points.is_empty() {
        return extra;
    }
    let each = (free / points.len() as f32).min(style.fill_max_lines * pitch);
    for k in points {
        extra[k] = each;
    }
    extra
}

/// Moves a [`VBox::foot`] box of the page down to the foot of the text block (the 版记,
/// T30): the page's free space goes before it.
fn foot_space(page: &[VBox], extra: &mut [f32], avail: f32, notes: &[NoteBody], style: &Style) {
    let Some(k) = page.iter().position(|b| b.foot) else {
        return;
    };
    let ids: Vec<usize> = page.iter().flat_map(|b| b.notes.iter().copied()).collect();
    let used: f32 = page.iter().map(|b| b.height).sum::<f32>()
        + extra.iter().sum::<f32>()
        + notes_height(&ids, notes, style.notes.gap);
    extra[k] += (avail - used).max(0.0);
}

/// Fills one page from `start`: returns the end of the page (exclusive), where the next
/// page starts, and whether the page was cut before a box that did not fit (rather than
/// by a forced break or the end). Backs up to the last legal break when a box does not
/// fit; a page that has no legal break is cut where it overflows.
fn fill(
    boxes: &[VBox],
    notes: &[NoteBody],
    start: usize,
    avail: f32,
    style: &Style,
) -> (usize, usize, bool) {
    let note_gap = style.notes.gap;
    let mut used = 0.0;
    let mut ids: Vec<usize> = Vec::new();
    let mut i = start;
    while i < boxes.len() {
        let b = &boxes[i];
        if b.kind == BoxKind::PageBreak {
            return (i, i + 1, false);
        }
        let mut with = ids.clone();
        with.extend(b.notes.iter().copied());
        let need = used + b.height + notes_height(&with, notes, note_gap);
        // Glue at the bottom of a page may overhang: it is never drawn.
        let fits = need <= avail + EPS || b.kind == BoxKind::Space;
        if fits || i == start {
            used += b.height;
            ids = with;
            i += 1;
            continue;
        }
        let k = (start + 1..=i)
            .rev()
            .find(|&k| can_break_before(boxes, k, style));
        let end = k.unwrap_or(i);
        return (end, end, true);
    }
    (boxes.len(), boxes.len(), false)
}

/// Sets the footnotes of the page at its foot, above the bottom margin, under a short rule.
fn place_notes(page: &mut Page, ids: &[usize], notes: &[NoteBody], style: &Style) {
    if ids.is_empty() {
        return;
    }
    let h: f32 = ids
        .iter()
        .map(|&i| notes.get(i).map_or(0.0, |n| n.height))
        .sum();
    let mut y = style.margin_top + style.text_height() - h;
    page.items.push(Item {
        x: style.margin_left,
        y: y - style.notes.gap,
        kind: ItemKind::Rule {
            width: style.text_width() * style.notes.separator_width_frac,
            height: style.notes.separator_thickness,
        },
        tag: None,
        line: 0,
    });
    for &i in ids {
        let Some(note) = notes.get(i) else { continue };
        for b in &note.boxes {
            page.items.extend(b.items.iter().map(|it| Item {
                y: it.y + y,
                ..it.clone()
            }));
            y += b.height;
        }
    }
}

/// Page number at the foot (`— n —`) and the running header `head`, as artifacts.
fn furniture(page: &mut Page, n: usize, head: Option<&str>, style: &Style, fonts: &FontSet) {
    let size = style.page_number_size;
    let text = style.page_number.replace("{n}", &n.to_string());
    let base = match style.page_number_gap {
        // The em box `gap` under the text block (GB/T 9704 7.5: 7 mm).
        Some(gap) => style.margin_top + style.text_height() + gap + ASCENT_EM * size,
        // The em box centred in the bottom margin.
        None => style.page_height - style.margin_bottom / 2.0 + (ASCENT_EM - 0.5) * size,
    };
    // T31: page numbers are half-width Song digits (GB/T 9704 7.5), whatever the body face.
    let mut foot = centred_line(&text, FontRole::Song, size, base, style, fonts);
    if style.page_number_position == PageNumberPosition::Outside {
        outside(&mut foot, n, style);
    }
    page.items.extend(foot);
    if let Some(h) = head {
        // The header comes first in reading order (and in the content stream).
        let base = style.margin_top / 2.0 + (ASCENT_EM - 0.5) * size;
        let head = centred_line(h, style.body_font, size, base, style, fonts);
        page.items.splice(0..0, head);
    }
}

/// Moves a centred page number to the outside edge (GB/T 9704 7.5): on odd pages its right
/// edge one cell in from the right text edge, on even pages its left edge one cell in
/// from the left text edge (a cell is the character grid's, else one body em).
fn outside(items: &mut [Item], n: usize, style: &Style) {
    let left = items.iter().map(|it| it.x).fold(f32::INFINITY, f32::min);
    let right = items
        .iter()
        .map(|it| it.x + item_width(it))
        .fold(f32::NEG_INFINITY, f32::max);
    if !left.is_finite() || !right.is_finite() {
        return;
    }
    let cell = style.grid_cell().unwrap_or(style.body_size);
    let dx = if n % 2 == 1 {
        style.margin_left + style.text_width() - cell - right
    } else {
        style.margin_left + cell - left
    };
    for it in items {
        it.x += dx;
    }
}

/// Width an item takes across the page (its glyphs' advances, a rule's width).
fn item_width(item: &Item) -> f32 {
    match &item.kind {
        ItemKind::Glyphs(run) => run.glyphs.last().map_or(0.0, |g| g.x + g.advance),
        ItemKind::Rule { width, .. } => *width,
        _ => 0.0,
    }
}

/// Items of one centred artifact line (page number, running header).
fn centred_line(
    text: &str,
    font: FontRole,
    size: f32,
    baseline: f32,
    style: &Style,
    fonts: &FontSet,
) -> Vec<Item> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let run = StyledRun::plain(
        text,
        &RunStyle {
            font,
            size,
            bold: false,
        },
    );
    let spec = ParaSpec {
        runs: vec![run],
        width: style.text_width(),
        first_indent: 0.0,
        align: Alignment::Center,
        kinsoku: Kinsoku::Gb,
        line_pitch: size * style.line_pitch_em,
        look: TextLook::of(style),
    };
    match set_paragraph(&spec, fonts).into_iter().next() {
        Some(line) => line_items(line, style.margin_left, baseline, None, 0, &mut || None),
        None => Vec::new(),
    }
}

impl Nested for OutlineEntry {
    fn children_mut(&mut self) -> &mut Vec<OutlineEntry> {
        &mut self.children
    }
}
