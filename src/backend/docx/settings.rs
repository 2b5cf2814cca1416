//! `word/settings.xml`: kinsoku lists, punctuation compression (T9, T14), footnote separators.
//! Children follow the CT_Settings sequence of ECMA-376.

use super::xml::{Xml, W_NS};

/// Characters that may not end a line, zh-CN (T9, TYPOGRAPHY.md §10): Word's zh-CN default
/// set plus our additions. A custom list replaces Word's, so this is never a subset.
pub const NO_BREAK_AFTER: &str = "$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥／/";

/// Characters that may not start a line, zh-CN (T9, TYPOGRAPHY.md §10).
pub const NO_BREAK_BEFORE: &str = "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠–‼⁇／/";

/// The settings part. `lang` is the East-Asian language tag (`zh-CN`).
/// `embedded`: the package carries subset fonts (`w:embedTrueTypeFonts`, `w:saveSubsetFonts`).
/// `odd_even`: odd and even pages have their own footers (T31 outside page numbers).
pub fn settings(lang: &str, has_notes: bool, embedded: bool, odd_even: bool) -> String {
    let mut x = Xml::part();
    x.open_ns("w:settings", &[W_NS]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    if embedded {
        // Word keeps embedded fonts on save only with these; subsets, as we wrote them.
        x.empty("w:embedTrueTypeFonts", &[])
            .empty("w:saveSubsetFonts", &[]);
    }
    // Two characters of 小四 at the default tab stop, as Word's zh-CN template (420 = 五号).
    x.val("w:defaultTabStop", "420");
    if odd_even {
        // T31: gongwen page numbers sit right on odd pages, left on even ones.
        x.empty("w:evenAndOddHeaders", &[]);
    }
    // T14/T13: compress punctuation (Word's 压缩标点符号); T31 centred handout numbers need
    // no evenAndOddHeaders.
    x.val("w:characterSpacingControl", "compressPunctuation");
    x.empty(
        "w:noLineBreaksAfter",
        &[("w:lang", lang), ("w:val", NO_BREAK_AFTER)],
    );
    x.empty(
        "w:noLineBreaksBefore",
        &[("w:lang", lang), ("w:val", NO_BREAK_BEFORE)],
    );
    if has_notes {
        // Word requires the separator notes to be named in the document-wide footnote settings.
        x.open("w:footnotePr", &[]);
        x.empty("w:footnote", &[("w:id", "-1")]);
        x.empty("w:footnote", &[("w:id", "0")]);
        x.close("w:footnotePr");
    }
    x.open("w:compat", &[]);
    // T16: a line ending in a manual break is set at natural width, not stretched.
    x.empty("w:doNotExpandShiftReturn", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat");
    x.empty(
        "w:themeFontLang",
        &[("w:val", "en-US"), ("w:eastAsia", lang)],
    );
    x.val("w:decimalSymbol", ".");
    x.val("w:listSeparator", ",");
    x.close("w:settings");
    x.finish()
}
