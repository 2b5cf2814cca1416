//! GFM tables: a fixed grid over the text width, a repeating bold header row (`w:tblHeader`),
//! cells in the `Table Text` style (no first-line indent, T17) aligned per column.

use super::document::{PPr, Writer};
use super::styles::jc;
use super::xml::{twips, Xml};
use crate::ast::{Align, Inline, Table};
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
        let width = twips(self.ctx.style.text_width());
        let col = (width / cols as i64).to_string();
        x.open("w:tbl", &[]).open("w:tblPr", &[]);
        x.val("w:tblStyle", "TableGrid");
        x.empty("w:tblW", &[("w:w", "5000"), ("w:type", "pct")]);
        x.empty("w:tblLayout", &[("w:type", "fixed")]);
        x.close("w:tblPr").open("w:tblGrid", &[]);
        for _ in 0..cols {
            x.empty("w:gridCol", &[("w:w", &col)]);
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
            for c in 0..cols {
                x.open("w:tc", &[]).open("w:tcPr", &[]);
                x.empty("w:tcW", &[("w:w", &col), ("w:type", "dxa")]);
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
}
