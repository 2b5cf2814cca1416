//! `word/numbering.xml`: one abstract bullet list and one abstract decimal list; every AST
//! list gets its own `w:num` so ordered lists restart at their own start number.
//!
//! T19: the marker sits after the 2-character first-line indent, run-over lines go back to
//! the left edge (回行顶格); each nesting level moves the left edge by 2 characters.

use super::xml::{char_hundredths, twips, Xml, W_NS};
use crate::style::Style;

const BULLETS: [&str; 3] = ["•", "◦", "▪"];

/// The `w:num` instances created while writing the body.
#[derive(Debug, Default)]
pub struct Numbering {
    /// (ordered, start, level) per num id − 1.
    nums: Vec<(bool, u64, u8)>,
}

impl Numbering {
    /// A new list instance at nesting `level` (0-based); returns its `w:numId`.
    pub fn add(&mut self, ordered: bool, start: u64, level: u8) -> u32 {
        self.nums.push((ordered, start, level.min(8)));
        self.nums.len() as u32
    }

    /// True when no list was written (the part is then left out).
    pub fn is_empty(&self) -> bool {
        self.nums.is_empty()
    }

    /// The numbering part (CT_Numbering: abstractNum*, then num*).
    pub fn xml(&self, style: &Style) -> String {
        let mut x = Xml::part();
        x.open_ns("w:numbering", &[W_NS]);
        for (id, ordered) in [(0, false), (1, true)] {
            abstract_num(&mut x, style, id, ordered);
        }
        for (i, (ordered, start, level)) in self.nums.iter().enumerate() {
            x.open("w:num", &[("w:numId", &(i + 1).to_string())]);
            x.val("w:abstractNumId", if *ordered { "1" } else { "0" });
            if *ordered {
                // Without an override Word continues the count across nums of one abstractNum.
                x.open("w:lvlOverride", &[("w:ilvl", &level.to_string())]);
                x.val("w:startOverride", &start.to_string());
                x.close("w:lvlOverride");
            }
            x.close("w:num");
        }
        x.close("w:numbering");
        x.finish()
    }
}

fn abstract_num(x: &mut Xml, style: &Style, id: u32, ordered: bool) {
    x.open("w:abstractNum", &[("w:abstractNumId", &id.to_string())]);
    x.val("w:multiLevelType", "hybridMultilevel");
    let indent = twips(style.indent_em * style.body_size);
    let chars = char_hundredths(style.indent_em);
    for lvl in 0..9u8 {
        x.open("w:lvl", &[("w:ilvl", &lvl.to_string())]);
        x.val("w:start", "1");
        if ordered {
            x.val("w:numFmt", "decimal");
            // T21 L3 style `1.` directly followed by the text.
            x.val("w:suff", "nothing");
            x.val("w:lvlText", &format!("%{}.", lvl + 1));
        } else {
            x.val("w:numFmt", "bullet");
            x.val("w:suff", "space");
            x.val("w:lvlText", BULLETS[lvl as usize % BULLETS.len()]);
        }
        x.val("w:lvlJc", "left");
        x.open("w:pPr", &[]);
        x.ind([chars * lvl as i64, indent * lvl as i64, chars, indent]);
        x.close("w:pPr");
        x.close("w:lvl");
    }
    x.close("w:abstractNum");
}
