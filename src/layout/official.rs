//! The official-document fields of GB/T 9704-2012 §7 (T30), placed on the page: the 版头
//! (red 发文机关标志, 发文字号 with or without 签发人, red separator) above the title, the
//! 主送 line under it, the 附件说明, 署名 and 成文日期 after the body, and the 版记 at the foot
//! of the last page. Every number comes from [`crate::style::OfficialStyle`]; the PDF
//! writer only draws the items made here.

use super::blocks::{Builder, TextSpec, UNBOUNDED_WIDTH};
use super::page::{Item, ItemKind, StructChild, StructKind, StructNode, TagId};
use super::types::{Frame, Line, StyledRun};
use super::vlist::{line_items, BoxKind, VBox, ASCENT_EM};
use crate::ast::Official;
use crate::style::{Alignment, FontRole};

/// Share of the em box below the baseline (1 − [`ASCENT_EM`]).
const BELOW_EM: f32 = 1.0 - ASCENT_EM;

/// Baseline of text of `size` set in a line slot of `pitch`, from the slot's top (the
/// em box centred in the slot, as every text line of the builder).
fn slot_baseline(pitch: f32, size: f32) -> f32 {
    (pitch - size) / 2.0 + ASCENT_EM * size
}

impl Builder<'_> {
    /// The style's red, as RGB (pure red when the style's value is not six hex digits).
    fn official_rgb(&self) -> [u8; 3] {
        crate::highlight::parse_rgb(&self.style.official.colour).unwrap_or([255, 0, 0])
    }

    /// One line of `text` at its natural width (flush left, no indent), or `None` for
    /// blank text.
    fn natural_line(&self, parts: &[(&str, FontRole)], size: f32) -> Option<Line> {
        let runs: Vec<StyledRun> = parts
            .iter()
            .filter(|(t, _)| !t.is_empty())
            .map(|(t, font)| {
                StyledRun::plain(
                    *t,
                    &super::types::RunStyle {
                        font: *font,
                        size,
                        bold: false,
                    },
                )
            })
            .collect();
        if runs.is_empty() {
            return None;
        }
        let spec = TextSpec {
            runs,
            first_indent: 0.0,
            align: Alignment::Left,
            size,
            pitch: self.pitch(),
            heading: false,
        };
        self.set(&spec, UNBOUNDED_WIDTH).into_iter().next()
    }

    /// Items of `line` with its start at `x` from the text block's left edge and its
    /// baseline at `baseline` (from whatever the caller measures from), tagged `tag`.
    fn placed(&mut self, mut line: Line, x: f32, baseline: f32, tag: TagId) -> Vec<Item> {
        line.x = 0.0;
        let x0 = self.style.margin_left + x;
        line_items(line, x0, baseline, Some(tag), self.line, &mut || None)
    }

    /// A structure paragraph for `tag`.
    fn official_p(tag: TagId, out: &mut Vec<StructChild>) {
        out.push(StructChild::Node(StructNode {
            kind: StructKind::P,
            children: vec![StructChild::Content(tag)],
        }));
    }

    /// The 版头 (GB/T 9704 7.2): the red 发文机关标志 centred with its top `issuer-top` under
    /// the text block's top; the 发文字号 `number-gap-lines` blank lines under it, centred —
    /// or, with 签发人, flush left one character in with `签发人：NAME` flush right one
    /// character in on the same line (7.2.4, 7.2.5); the red separator as wide as the text
    /// block `separator-gap` under the 发文字号. One box, as tall as whole body lines
    /// reaching `title-gap-lines` blank lines under the separator, so the title and the body
    /// stay on the line grid.
    pub fn official_header(&mut self, o: &Official, out: &mut Vec<StructChild>) {
        if !o.has_header() {
            return;
        }
        let st = self.style;
        let os = &st.official;
        let pitch = self.pitch();
        let size = st.body_size;
        let width = st.text_width();
        let one_char = st.indent_of(1.0, size);
        let rgb = self.official_rgb();
        let mut items = Vec::new();
        // The 标志, red.
        let issuer_bottom = os.issuer_top + os.issuer_size;
        if let Some(issuer) = &o.issuer {
            let parts = [(issuer.text.as_str(), os.issuer_font)];
            let mut size = os.issuer_size;
            let mut line = self.natural_line(&parts, size);
            // A 标志 wider than the text block (joint issuers) is set smaller until it fits
            // on one line, its top where it was.
            if let Some(wide) = line.as_ref().filter(|l| l.width > width) {
                size = (size * width / wide.width * 10.0).floor() / 10.0;
                line = self.natural_line(&parts, size);
                self.log.change(
                    "layout",
                    issuer.line,
                    format!("发文机关标志 set at {size} pt to fit the text width"),
                );
            }
            if let Some(mut line) = line {
                for run in &mut line.glyph_runs {
                    run.colour = Some(rgb);
                }
                let x = (width - line.width) / 2.0;
                let tag = self.tag();
                let base = os.issuer_top + ASCENT_EM * size;
                items.extend(self.placed(line, x, base, tag));
                Self::official_p(tag, out);
            }
        }
        // The 发文字号 line: its slot `number-gap-lines` under the 标志.
        let slot = issuer_bottom + os.number_gap_lines * pitch;
        let base = slot + slot_baseline(pitch, size);
        let number = o.number.as_ref().map(|n| n.text.as_str()).unwrap_or("");
        match o.signer_label() {
            None => {
                if let Some(line) = self.natural_line(&[(number, os.number_font)], size) {
                    let x = (width - line.width) / 2.0;
                    let tag = self.tag();
                    items.extend(self.placed(line, x, base, tag));
                    Self::official_p(tag, out);
                }
            }
            Some((label, names)) => {
                if let Some(line) = self.natural_line(&[(number, os.number_font)], size) {
                    let tag = self.tag();
                    items.extend(self.placed(line, one_char, base, tag));
                    Self::official_p(tag, out);
                }
                let parts = [(label, os.number_font), (names.as_str(), os.signer_font)];
                if let Some(line) = self.natural_line(&parts, size) {
                    let x = width - one_char - line.width;
                    let tag = self.tag();
                    items.extend(self.placed(line, x, base, tag));
                    Self::official_p(tag, out);
                }
            }
        }
        // The red separator, `separator-gap` under the 发文字号's em box.
        let rule_top = base + BELOW_EM * size + os.separator_gap;
        items.push(Item {
            x: st.margin_left,
            y: rule_top,
            kind: ItemKind::Shade {
                width,
                height: os.separator_thickness,
                rgb,
            },
            tag: None,
            line: 0,
        });
        let reach = rule_top + os.separator_thickness + os.title_gap_lines * pitch;
        // Whole body lines on the line grid (nearest), so the title starts on a grid line.
        let height = match st.grid.lines_per_page {
            0 => reach,
            _ => (reach / pitch).round().max(1.0) * pitch,
        };
        let mut b = VBox::new(BoxKind::Solid, height);
        b.items = items;
        b.keep_with_next = true;
        self.push(b);
    }

    /// The 主送 line (GB/T 9704 7.3.2): under the title block, flush left, in the body face;
    /// the pass has made it end with `：`. A long one wraps flush left.
    pub fn official_addressee(&mut self, o: &Official, out: &mut Vec<StructChild>) {
        let Some(a) = &o.addressee else { return };
        let size = self.style.body_size;
        let runs = self.body_runs(
            &[crate::ast::Inline::Text(a.text.clone())],
            self.style.body_font,
        );
        let spec = TextSpec {
            runs,
            first_indent: 0.0,
            align: Alignment::Left,
            size,
            pitch: self.pitch(),
            heading: false,
        };
        let tag = self.tag();
        self.line = a.line;
        self.text(spec, self.full_frame(), Some(tag));
        Self::official_p(tag, out);
    }

    /// After the body: the 附件说明 (7.3.4) `attachment-gap-lines` under it, two characters
    /// in, `附件：` then the names (numbered when several, each further number under the
    /// first; a long name's run-over lines under its first character); then `signature-gap-lines` blank
    /// lines, the 发文机关署名 centred on the 成文日期, and the date with its right end
    /// `date-indent-em` in from the right text edge (7.3.5.1).
    pub fn official_closing(&mut self, o: &Official, out: &mut Vec<StructChild>) {
        let st = self.style;
        let os = &st.official;
        let pitch = self.pitch();
        let size = st.body_size;
        let width = st.text_width();
        let body = st.body_font;
        if let Some((label, items)) = o.attachment_items() {
            self.space(os.attachment_gap_lines * pitch);
            self.line = o.attachments[0].line;
            let indent = st.indent_of(st.indent_em, size);
            let label_line = self.natural_line(&[(label, body)], size);
            let label_w = label_line.as_ref().map_or(0.0, |l| l.width);
            let numbers: Vec<Option<Line>> = items
                .iter()
                .map(|(n, _)| self.natural_line(&[(n.as_str(), body)], size))
                .collect();
            // The number column is as wide as the widest number; every name starts after it,
            // and a long name's run-over lines hang under its first character.
            let number_w = numbers
                .iter()
                .flatten()
                .map(|l| l.width)
                .fold(0.0, f32::max);
            let tag = self.tag();
            let frame = Frame {
                left: indent + label_w + number_w,
                width: (width - indent - label_w - number_w).max(size),
            };
            for (i, ((_, name), number)) in items.iter().zip(numbers).enumerate() {
                let runs = self.body_runs(&[crate::ast::Inline::Text(name.clone())], body);
                let spec = TextSpec {
                    runs,
                    first_indent: 0.0,
                    align: Alignment::Left,
                    size,
                    pitch,
                    heading: false,
                };
                let first = self.boxes.len();
                self.text(spec, frame, Some(tag));
                if first == self.boxes.len() {
                    continue;
                }
                let base = slot_baseline(pitch, size);
                let mut lead = Vec::new();
                if i == 0 {
                    if let Some(l) = label_line.clone() {
                        lead.extend(self.placed(l, indent, base, tag));
                    }
                }
                if let Some(n) = number {
                    lead.extend(self.placed(n, indent + label_w, base, tag));
                }
                self.boxes[first].items.splice(0..0, lead);
            }
            Self::official_p(tag, out);
        }
        let Some(date) = &o.date else { return };
        self.space(os.signature_gap_lines * pitch);
        self.line = date.line;
        let right = width - st.indent_of(os.date_indent_em, size);
        let date_line = self.natural_line(&[(&date.text, body)], size);
        let date_w = date_line.as_ref().map_or(0.0, |l| l.width);
        let date_x = right - date_w;
        if let Some(sig) = o.signature_text() {
            if let Some(line) = self.natural_line(&[(sig, body)], size) {
                // Centred on the date, kept inside the text block.
                let x = (date_x + date_w / 2.0 - line.width / 2.0)
                    .min(width - line.width)
                    .max(0.0);
                let tag = self.tag();
                let items = self.placed(line, x, slot_baseline(pitch, size), tag);
                let mut b = VBox::new(BoxKind::Line { heading: false }, pitch);
                b.items = items;
                b.keep_with_next = true;
                self.push(b);
                Self::official_p(tag, out);
            }
        }
        if let Some(line) = date_line {
            let tag = self.tag();
            let items = self.placed(line, date_x, slot_baseline(pitch, size), tag);
            let mut b = VBox::new(BoxKind::Line { heading: false }, pitch);
            b.items = items;
            b.keep_with_prev = true;
            self.push(b);
            Self::official_p(tag, out);
        }
    }

    /// The 版记 (GB/T 9704 7.4): `抄送：…。` one character in on each side (a long list
    /// wraps under its first name), then the 印发机关 flush left one character in and
    /// `…印发` flush right one character in, each item on whole body lines in the record
    /// face and size; a thick rule above the first item and under the last, thin rules
    /// between. One box that the page breaker sets at the foot of the page, its last rule
    /// on the text block's bottom edge.
    pub fn official_record(&mut self, o: &Official, out: &mut Vec<StructChild>) {
        if !o.has_record() {
            return;
        }
        let st = self.style;
        let os = &st.official;
        let pitch = self.pitch();
        let size = os.record_size;
        let font = os.record_font;
        let width = st.text_width();
        let inset = st.indent_of(os.record_indent_em, st.body_size);
        let base = slot_baseline(pitch, size);
        let mut items = Vec::new();
        // Line count of each item, for the rules between them.
        let mut counts = Vec::new();
        let mut y = 0.0;
        if let Some(cc) = o.cc_line() {
            let label = "抄送：";
            let names = cc.strip_prefix(label).unwrap_or(&cc).to_string();
            let label_line = self.natural_line(&[(label, font)], size);
            let label_w = label_line.as_ref().map_or(0.0, |l| l.width);
            let runs = vec![StyledRun::plain(
                names,
                &super::types::RunStyle {
                    font,
                    size,
                    bold: false,
                },
            )];
            let spec = TextSpec {
                runs,
                first_indent: 0.0,
                align: Alignment::Left,
                size,
                pitch,
                heading: false,
            };
            let lines = self.set(&spec, (width - 2.0 * inset - label_w).max(size));
            let tag = self.tag();
            if let Some(l) = label_line {
                items.extend(self.placed(l, inset, y + base, tag));
            }
            counts.push(lines.len().max(1));
            for line in lines {
                items.extend(self.placed(line, inset + label_w, y + base, tag));
                y += pitch;
            }
            Self::official_p(tag, out);
        }
        if o.printed_by.is_some() || o.printed_date.is_some() {
            if let Some(by) = &o.printed_by {
                if let Some(line) = self.natural_line(&[(&by.text, font)], size) {
                    let tag = self.tag();
                    items.extend(self.placed(line, inset, y + base, tag));
                    Self::official_p(tag, out);
                }
            }
            if let Some(date) = o.printed_date_line() {
                if let Some(line) = self.natural_line(&[(&date, font)], size) {
                    let tag = self.tag();
                    let x = width - inset - line.width;
                    items.extend(self.placed(line, x, y + base, tag));
                    Self::official_p(tag, out);
                }
            }
            counts.push(1);
            y += pitch;
        }
        // Rules: thick on top and bottom, thin between items, all as wide as the text.
        let rule = |y: f32, height: f32| Item {
            x: st.margin_left,
            y,
            kind: ItemKind::Rule { width, height },
            tag: None,
            line: 0,
        };
        items.push(rule(0.0, os.record_thick_rule));
        let mut at = 0.0;
        for n in &counts[..counts.len() - 1] {
            at += *n as f32 * pitch;
            items.push(rule(at - os.record_thin_rule / 2.0, os.record_thin_rule));
        }
        items.push(rule(y - os.record_thick_rule, os.record_thick_rule));
        let mut b = VBox::new(BoxKind::Solid, y);
        b.items = items;
        b.foot = true;
        self.push(b);
    }
}
