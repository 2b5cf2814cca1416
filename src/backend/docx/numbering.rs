//! `word/numbering.xml`: one abstract bullet list and one abstract decimal list; every AST
//! list gets its own `w:num` so ordered lists restart at their own start number.
//!
//! T19, hanging form (as the PDF and EPUB): the marker sits in a box of
//! `lists.marker-width-em` characters, a tab takes the text to the box's end, and run-over
//! lines hang there; each nesting level moves in by one box. Bullets are the style's.

use super::xml::{char_hundredths, twips, Ind, Xml, W_NS};
use crate::style::{Style, LIST_NUMBER_GAP_EM as NUMBER_GAP_EM};

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
    let indent = twips(style.lists.marker_width_em * style.body_size);
    let chars = char_hundredths(style.lists.marker_width_em);
    for lvl in 0..9u8 {
        x.open("w:lvl", &[("w:ilvl", &lvl.to_string())]);
        x.val("w:start", "1");
        if ordered {
            x.val("w:numFmt", "decimal");
            x.val("w:suff", "tab");
            x.val("w:lvlText", &format!("%{}.", lvl + 1));
        } else {
            x.val("w:numFmt", "bullet");
            x.val("w:suff", "tab");
            x.val("w:lvlText", style.lists.bullet(lvl as usize));
        }
        // T19 hanging: the text and its run-over lines one box in, the marker in the box
        // as in the PDF and EPUB: a bullet centred on the box's middle, a number flush
        // right a quarter em before the text (`w:lvlJc` places the marker against the
        // hanging indent's start).
        let (jc, hang, hang_chars) = if ordered {
            (
                "right",
                twips(NUMBER_GAP_EM * style.body_size),
                char_hundredths(NUMBER_GAP_EM),
            )
        } else {
            ("center", indent / 2, chars / 2)
        };
        x.val("w:lvlJc", jc);
        x.open("w:pPr", &[]);
        let n = i64::from(lvl) + 1;
        x.ind_attrs(&Ind {
            left_chars: chars * n,
            left: indent * n,
            first_chars: -hang_chars,
            first: -hang,
            ..Ind::default()
        });
        x.close("w:pPr");
        x.close("w:lvl");
    }
    x.close("w:abstractNum");
}
