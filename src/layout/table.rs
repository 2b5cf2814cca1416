//! Tables: three-line style (三线表: thick top and bottom rules, thin rule under the header),
//! column widths from content, wrapping cells, one box per row; the header row is repeated
//! after a page break by the page breaker.

use super::blocks::{Builder, TextSpec, UNBOUNDED_WIDTH};
use super::page::{Item, ItemKind, StructChild, StructKind, StructNode};
use super::types::Frame;
use super::types::{Line, RunStyle};
use super::vlist::{line_items, BoxKind, VBox, ASCENT_EM};
use crate::ast::{self, Align, Inline};
use crate::style::Alignment;

impl Builder<'_> {
    /// Lays out a table as row boxes.
    pub fn table(&mut self, t: &ast::Table, frame: Frame, out: &mut Vec<StructChild>) {
        let ncols = t
            .rows
            .iter()
            .map(Vec::len)
            .chain([t.header.len(), t.aligns.len()])
            .max()
            .unwrap_or(0);
        if ncols == 0 {
            return;
        }
        let ts = &self.style.table;
        let size = ts.text_size;
        let pitch = size * ts.pitch_em;
        let pad = ts.pad_x_em * size;
        let vpad = ts.pad_y_em * size;
        let (thick, thin) = (ts.thick_rule, ts.thin_rule);
        let space = ts.space_lines;
        let body = RunStyle {
            font: self.style.body_font,
            size,
            bold: false,
        };
        let head = RunStyle {
            font: self.style.body_font.strong(),
            size,
            bold: true,
        };
        let has_header = t.header.iter().any(|c| !c.is_empty());
        let empty: Vec<Inline> = Vec::new();
        let cell = |row: &[Vec<Inline>], c: usize| row.get(c).unwrap_or(&empty).clone();
        // Natural (one-line) widths per column decide the column widths.
        let mut nat = vec![0.0f32; ncols];
        let mut min = vec![ts.min_column_em * size; ncols];
        let all_rows: Vec<(&[Vec<Inline>], bool)> = has_header
            .then_some((t.header.as_slice(), true))
            .into_iter()
            .chain(t.rows.iter().map(|r| (r.as_slice(), false)))
            .collect();
        for (row, is_head) in &all_rows {
            for (c, (n, m)) in nat.iter_mut().zip(min.iter_mut()).enumerate() {
                let inl = cell(row, c);
                let runs = self.runs(&inl, if *is_head { &head } else { &body });
                let spec = cell_spec(runs, Alignment::Left, size, pitch);
                let w = self
                    .set(&spec, UNBOUNDED_WIDTH)
                    .iter()
                    .map(|l| l.width)
                    .fold(0.0, f32::max);
                *n = n.max(w);
                *m = m.max(longest_word(&ast::plain_text(&inl), size));
            }
        }
        let widths = column_widths(&nat, &min, frame.width - 2.0 * pad * ncols as f32);
        let tid = self.table_heads.len();
        self.table_heads.push(Vec::new());
        self.space(self.pitch() * space);
        let mut caption = None;
        if let Some(c) = t.caption.as_ref().filter(|c| !c.is_empty()) {
            // The caption sits centred over the table and keeps with its first rows.
            let style = RunStyle {
                font: ts.caption_font,
                size,
                bold: false,
            };
            let spec = TextSpec {
                runs: self.runs(c, &style),
                first_indent: 0.0,
                align: Alignment::Center,
                size,
                pitch,
                heading: true,
            };
            let tag = self.tag();
            let first = self.boxes.len();
            self.text(spec, frame, Some(tag));
            caption = Some(self.p_node(StructKind::Caption, tag, first));
        }
        let mut rows = Vec::new();
        let last = all_rows.len().saturating_sub(1);
        for (r, (row, is_head)) in all_rows.iter().enumerate() {
            let mut cells: Vec<Vec<Line>> = Vec::new();
            let mut notes = Vec::new();
            for (c, w) in widths.iter().enumerate() {
                let inl = cell(row, c);
                let runs = self.runs(&inl, if *is_head { &head } else { &body });
                notes.extend(self.notes.refs_in(&runs).into_iter().map(|(i, _)| i));
                let col = t.aligns.get(c).copied().unwrap_or(Align::None);
                let align = match col {
                    Align::Center => Alignment::Center,
                    Align::None if *is_head => Alignment::Center,
                    _ => Alignment::Left,
                };
                let mut lines = self.set(&cell_spec(runs, align, size, pitch), *w);
                if col == Align::Right {
                    // The paragraph engine has no right alignment: move each line over.
                    lines.iter_mut().for_each(|l| l.x = (*w - l.width).max(0.0));
                }
                cells.push(lines);
            }
            let nlines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let mut cells: Vec<_> = cells.into_iter().map(Vec::into_iter).collect();
            let height = nlines as f32 * pitch + 2.0 * vpad;
            let mut b = VBox::new(
                BoxKind::Row {
                    table: tid,
                    header: *is_head,
                },
                height,
            );
            let mut tags = Vec::new();
            for _ in 0..ncols {
                tags.push(self.tag());
            }
            let baseline0 = vpad + (pitch - size) / 2.0 + ASCENT_EM * size;
            let x_left = self.style.margin_left + frame.left;
            // Row-line-major order: the first line of every cell, then the second…
            for i in 0..nlines {
                let mut x = x_left + pad;
                for (c, lines) in cells.iter_mut().enumerate() {
                    if let Some(line) = lines.next() {
                        let base = baseline0 + i as f32 * pitch;
                        b.items.extend(line_items(
                            line,
                            x,
                            base,
                            Some(tags[c]),
                            self.line,
                            &mut || None,
                        ));
                    }
                    x += widths[c] + 2.0 * pad;
                }
            }
            if r == 0 {
                b.items.push(rule(x_left, 0.0, frame.width, thick));
            }
            if *is_head {
                b.items.push(rule(x_left, height - thin, frame.width, thin));
                b.keep_with_next = true;
            }
            if r == last {
                b.items
                    .push(rule(x_left, height - thick, frame.width, thick));
            }
            // T20 for tables: a page break inside the body leaves ≥2 body rows on each side,
            // so no lone first row sits at a page bottom and no lone last row under the
            // repeated header.
            let body_idx = r.saturating_sub(usize::from(has_header));
            let body_rows = t.rows.len();
            if !*is_head && body_idx > 0 && (body_idx == 1 || body_idx + 1 == body_rows) {
                b.keep_with_prev = true;
            }
            if *is_head {
                let mut copy = b.clone();
                copy.items.iter_mut().for_each(|it| it.tag = None);
                copy.notes.clear();
                copy.marks.clear();
                copy.items
                    .retain(|it| !matches!(it.kind, ItemKind::Link { .. }));
                self.table_heads[tid].push(copy);
            }
            self.push(b);
            let kind = if *is_head {
                StructKind::TH
            } else {
                StructKind::TD
            };
            rows.push(StructChild::Node(StructNode {
                kind: StructKind::TR,
                children: tags
                    .into_iter()
                    .map(|t| {
                        StructChild::Node(StructNode {
                            kind: kind.clone(),
                            children: vec![StructChild::Content(t)],
                        })
                    })
                    .collect(),
            }));
        }
        self.space(self.pitch() * space);
        let mut children: Vec<StructChild> = caption.map(StructChild::Node).into_iter().collect();
        children.extend(rows);
        out.push(StructChild::Node(StructNode {
            kind: StructKind::Table,
            children,
        }));
    }
}

/// A cell paragraph: no indent (T17), given alignment.
fn cell_spec(
    runs: Vec<super::types::StyledRun>,
    align: Alignment,
    size: f32,
    pitch: f32,
) -> TextSpec {
    TextSpec {
        runs,
        first_indent: 0.0,
        align,
        size,
        pitch,
        heading: false,
    }
}

/// A horizontal rule item (decorative, so an artifact).
fn rule(x: f32, y: f32, width: f32, height: f32) -> Item {
    Item {
        x,
        y,
        kind: ItemKind::Rule { width, height },
        tag: None,
        line: 0,
    }
}

/// Average advance of a Latin character in the body faces, in em: an estimate used only to
/// guess how narrow a column may get before a word overflows it, not a style choice.
const LATIN_CHAR_EM_ESTIMATE: f32 = 0.55;

/// Estimated width of the longest unbreakable Latin word, or 1 em.
fn longest_word(text: &str, size: f32) -> f32 {
    let longest = text
        .split(|c: char| c.is_whitespace() || !c.is_ascii())
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    (longest as f32 * LATIN_CHAR_EM_ESTIMATE * size).max(size)
}

/// Column widths for `avail` points of cell content: natural widths when they fit (extra
/// shared equally so the table spans the measure); otherwise narrow columns keep their
/// natural width and wide ones share the rest in proportion, never below their minimum.
pub(crate) fn column_widths(nat: &[f32], min: &[f32], avail: f32) -> Vec<f32> {
    let n = nat.len();
    let total: f32 = nat.iter().sum();
    if total <= avail {
        let extra = (avail - total) / n as f32;
        return nat.iter().map(|w| w + extra).collect();
    }
    let mut fixed = vec![false; n];
    let mut widths = nat.to_vec();
    loop {
        let left: f32 = avail - (0..n).filter(|&i| fixed[i]).map(|i| widths[i]).sum::<f32>();
        let free: Vec<usize> = (0..n).filter(|&i| !fixed[i]).collect();
        if free.is_empty() {
            break;
        }
        let fair = left / free.len() as f32;
        let newly: Vec<usize> = free.iter().copied().filter(|&i| nat[i] <= fair).collect();
        if newly.is_empty() {
            let free_nat: f32 = free.iter().map(|&i| nat[i]).sum();
            for &i in &free {
                widths[i] = (left * nat[i] / free_nat).max(min[i]);
            }
            break;
        }
        for i in newly {
            fixed[i] = true;
        }
    }
    // Minimums may overshoot: scale everything down to the measure.
    let sum: f32 = widths.iter().sum();
    if sum > avail {
        widths.iter_mut().for_each(|w| *w *= avail / sum);
    }
    widths
}
