//! GFM tables: a fixed grid over the text width with column widths from content (as the
//! PDF shares them out), a caption paragraph before the table, a repeating bold header row
//! (`w:tblHeader`), cells in the `Table Text` style (no first-line indent, T17) aligned per
//! column.

use super::document::{PPr, Writer};
use super::styles::jc;
use super::xml::{twips, Xml};
use crate::ast::{plain_text, Align, Inline, Table};
use crate::style::Alignment;

impl Writer<'_> {
    /// A table with a repeating header row (`w:tblHeader`).
    pub fn table(&mut self, x: &mut Xml, t: &Table) {
        let cols = t
            .aligns
            .len()
            .max(t.header.len())
            .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        if let Some(c) = t.caption.as_ref().filter(|c| !c.is_empty()) {
            // Centred over the table in the caption face, kept with the table.
            let p = PPr {
                style: "Caption",
                keep_next: true,
                ..PPr::default()
            };
            self.p_open(x, &p);
            let face = self.ctx.style.table.caption_font;
            self.face_inlines(x, c, face);
            x.close("w:p");
        }
        let widths: Vec<String> = self
            .column_twips(t, cols)
            .iter()
            .map(i64::to_string)
            .collect();
        x.open("w:tbl", &[]).open("w:tblPr", &[]);
        x.val("w:tblStyle", "TableGrid");
        x.empty("w:tblW", &[("w:w", "5000"), ("w:type", "pct")]);
        x.empty("w:tblLayout", &[("w:type", "fixed")]);
        x.close("w:tblPr").open("w:tblGrid", &[]);
        for col in &widths {
            x.empty("w:gridCol", &[("w:w", col)]);
        }
        x.close("w:tblGrid");
        let empty: Vec<Inline> = Vec::new();
        let rows = std::iter::once((true, &t.header)).chain(t.rows.iter().map(|r| (false, r)));
        for (header, row) in rows {
            x.open("w:tr", &[]);
            if header {
                x.open("w:trPr", &[])
                    .empty("w:tblHeader", &[])
                    .close("w:trPr");
            }
            for (c, width) in widths.iter().enumerate() {
                x.open("w:tc", &[]).open("w:tcPr", &[]);
                x.empty("w:tcW", &[("w:w", width), ("w:type", "dxa")]);
                x.close("w:tcPr");
                let align = match t.aligns.get(c).copied().unwrap_or(Align::None) {
                    Align::Center => "center",
                    Align::Right => "right",
                    Align::Left | Align::None => jc(Alignment::Left),
                };
                let p = PPr {
                    style: "TableText",
                    jc: Some(align),
                    ..PPr::default()
                };
                self.p_open(x, &p);
                let cell = row.get(c).unwrap_or(&empty);
                if header {
                    self.inlines(x, &[Inline::Strong(cell.clone())]);
                } else {
                    self.inlines(x, cell);
                }
                x.close("w:p").close("w:tc");
            }
            x.close("w:tr");
        }
        x.close("w:tbl");
    }

    /// Column widths in twips from content, as the PDF sets them: each column's natural
    /// one-line width (estimated: wide characters 1 em, others half an em, at the body
    /// size) and its minimum, shared out over the text width by the layout's rule.
    fn column_twips(&self, t: &Table, cols: usize) -> Vec<i64> {
        let st = self.ctx.style;
        let size = st.body_size;
        let pad = st.docx.table_cell_pad;
        let estimate = |cell: &[Inline]| -> f32 {
            let text = plain_text(cell);
            let em: f32 = text
                .chars()
                .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
                .sum();
            em * size
        };
        let mut nat = vec![0.0f32; cols];
        let min = vec![st.table.min_column_em * size; cols];
        for row in std::iter::once(&t.header).chain(&t.rows) {
            for (c, cell) in row.iter().enumerate().take(cols) {
                nat[c] = nat[c].max(estimate(cell));
            }
        }
        let avail = st.text_width() - 2.0 * pad * cols as f32;
        crate::layout::column_widths(&nat, &min, avail)
            .into_iter()
            .map(|w| twips(w + 2.0 * pad))
            .collect()
    }
}
