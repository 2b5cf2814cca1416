//! Character classes of TYPOGRAPHY.md §0 and T7: the one definition readers, passes,
//! layout and backends use. Where a caller needs a wider or narrower class than the
//! typographic one, the class has its own function here, with the reason it differs.

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// HAN (§0): Han script, Bopomofo, 々 U+3005 and 〇 U+3007.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x323AF
        | 0x2E80..=0x2FDF
        | 0x3005 | 0x3007
        | 0x3021..=0x3029
        | 0x3038..=0x303B
        | 0x3100..=0x312F
        | 0x31A0..=0x31BF)
}

/// HAN widened to the other CJK letters: kana, Hangul syllables and all of planes 2 and 3.
/// The layout sets them exactly like Han (1 em boxes, T15 gaps against WEST, a break
/// allowed between any two, T8/T9), whereas the rewriting rules of T1–T5 are defined on
/// HAN proper and must not fire on Japanese or Korean text.
pub fn is_cjk_letter(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xAC00..=0xD7AF | 0x20000..=0x3FFFF)
}

/// WEST (§0): Latin, Greek and Cyrillic letters, ASCII digits and `# $ % &`.
pub fn is_west(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '#' | '$' | '%' | '&')
        // The range test first: `is_alphabetic` is a table search for CJK characters, and
        // the passes ask this of every character of the document (issue 12).
        || (matches!(c as u32, 0xC0..=0x24F | 0x370..=0x52F | 0x1E00..=0x1FFF) && c.is_alphabetic())
}

/// A Latin/Greek/Cyrillic letter (a WEST letter, digits excluded).
pub fn is_west_letter(c: char) -> bool {
    is_west(c) && c.is_alphabetic()
}

/// WEST letters and ASCII digits, without `# $ % &`: the characters EPUB keeps italic and
/// undotted inside emphasis (T24), where a symbol keeps the element's emphasis dot.
pub fn is_west_alphanumeric(c: char) -> bool {
    is_west(c) && c.is_alphanumeric()
}

/// OPEN marks of T7.
pub fn is_open(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '（' | '《' | '〈' | '「' | '『' | '【' | '〖' | '〔' | '［' | '｛'
    )
}

/// CLOSE marks of T7.
pub fn is_close(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '）' | '》' | '〉' | '」' | '』' | '】' | '〗' | '〕' | '］' | '｝'
    )
}

/// STOP marks of T7.
pub fn is_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '．' | '，' | '、' | '：' | '；' | '！' | '？' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Full-width punctuation as used by "CJK context" (§0): OPEN ∪ CLOSE ∪ STOP plus the
/// ellipsis, the dash and the wave dash, which are full-width in Chinese text.
pub fn is_fw_punct(c: char) -> bool {
    is_open(c) || is_close(c) || is_stop(c) || matches!(c, '…' | '—' | '～' | '⋯')
}

/// A character that makes its neighbour's context CJK (§0): HAN or full-width punctuation.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_fw_punct(c)
}

/// The full-width punctuation blocks: CJK Symbols and Punctuation, CJK Compatibility Forms
/// and Fullwidth Forms up to the half-width ideographic marks (U+FF65).
pub fn is_fullwidth_form(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF65)
}

/// Marks Latin and CJK fonts both draw (East Asian Width Ambiguous): curly quotes, `…`,
/// `⋯`, `—` and `·`. Their face depends on the context: Word needs a `w:hint` (T25), and a
/// line break next to one joins without a space when a wide character lies beyond it (T1).
/// [`crate::text::quotes::mark_faces`] decides the face.
pub fn is_ambiguous_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '…' | '⋯' | '—' | '·')
}

/// Hangul, excluded from T1's deletion rule.
pub fn is_korean_hangul(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7AF | 0xD7B0..=0xD7FF)
}

/// East Asian Width W or F (UAX #11), approximated by blocks: enough for T1.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// T1: a soft line break between two of these is deleted (wide, but not Hangul, which
/// separates words with spaces).
pub fn joins_at_line_break(c: char) -> bool {
    is_wide(c) && !is_korean_hangul(c)
}

/// East Asian Width W, F or H (emoji excluded), or any Hangul: the "CJK character" of the
/// CommonMark CJK-friendly amendments (markdown-it-cjk-friendly), which T6 follows. It is
/// wider than [`is_wide`] (half-width forms, all Hangul Jamo) and leaves out emoji, because
/// that plugin's definition, not UAX #11 alone, is the reference for T6.
pub fn is_cjk_for_emphasis(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2329}'..='\u{232A}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE6F}'
        | '\u{FF00}'..='\u{FFDC}'
        | '\u{FFE0}'..='\u{FFEE}'
        | '\u{1AFF0}'..='\u{1B2FF}'
        | '\u{20000}'..='\u{2FFFD}'
        | '\u{30000}'..='\u{3FFFD}')
}

/// CommonMark's Unicode punctuation (general categories P and S), for the T6 flanking rules.
pub fn is_commonmark_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c.general_category_group(),
            GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol
        )
}

/// Ends a sentence for paragraph repair: `。！？…` and closing marks after them, `；：`.
pub fn is_closing_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '…'
            | '”'
            | '’'
            | '）'
            | '》'
            | '」'
            | '』'
            | '：'
            | '；'
            | '.'
            | '!'
            | '?'
            | ';'
            | ':'
            | ')'
            | '⋯'
            | '—'
    )
}

/// Sentence-final or clause punctuation that a heading or title line never ends with.
pub fn is_non_heading_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '…'
            | '：'
            | '；'
            | '，'
            | '、'
            | '.'
            | '!'
            | '?'
            | ';'
            | ':'
            | ','
            | '⋯'
    )
}

/// ASCII or typed blank that passes may delete (never U+3000, T5).
pub fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_is_han_script_bopomofo_and_the_two_marks() {
        assert!(is_han('中') && is_han('〇') && is_han('々') && is_han('ㄅ') && is_han('𠀀'));
        assert!(!is_han('，') && !is_han('a') && !is_han('あ') && !is_han('한'));
    }

    #[test]
    fn cjk_letter_adds_kana_and_hangul_to_han() {
        for c in ['中', '〇', 'あ', 'ア', 'ㇰ', '한', '\u{33000}'] {
            assert!(is_cjk_letter(c), "{c}");
        }
        // The difference to HAN: kana, Hangul syllables, the far end of plane 3.
        for c in ['あ', 'ア', 'ㇰ', '한', '\u{33000}'] {
            assert!(!is_han(c), "{c}");
        }
        assert!(!is_cjk_letter('，') && !is_cjk_letter('a') && !is_cjk_letter('ㄱ'));
    }

    #[test]
    fn west_is_latin_greek_cyrillic_digits_and_four_symbols() {
        for c in [
            'a', 'Z', '7', '#', '$', '%', '&', 'é', 'ß', 'λ', 'ж', 'ạ', 'ἀ',
        ] {
            assert!(is_west(c), "{c}");
        }
        for c in ['中', '，', '@', '-', '×', 'あ'] {
            assert!(!is_west(c), "{c}");
        }
    }

    #[test]
    fn west_letter_drops_digits_and_symbols() {
        assert!(is_west_letter('a') && is_west_letter('é') && is_west_letter('λ'));
        assert!(!is_west_letter('7') && !is_west_letter('%'));
    }

    #[test]
    fn west_alphanumeric_drops_the_symbols() {
        assert!(
            is_west_alphanumeric('a') && is_west_alphanumeric('7') && is_west_alphanumeric('ж')
        );
        assert!(
            !is_west_alphanumeric('$') && !is_west_alphanumeric('%') && !is_west_alphanumeric('中')
        );
    }

    #[test]
    fn t7_open_close_stop() {
        assert!(is_open('“') && is_open('《') && !is_open('”'));
        assert!(is_close('”') && is_close('》') && !is_close('《'));
        assert!(is_stop('、') && is_stop('。') && !is_stop('…'));
    }

    #[test]
    fn fw_punct_and_cjk_context() {
        assert!(is_fw_punct('…') && is_fw_punct('～') && is_fw_punct('“') && !is_fw_punct('·'));
        assert!(is_cjk('中') && is_cjk('，') && !is_cjk('a') && !is_cjk('あ'));
    }

    #[test]
    fn fullwidth_forms_are_blocks() {
        assert!(is_fullwidth_form('，') && is_fullwidth_form('、') && is_fullwidth_form('Ａ'));
        assert!(is_fullwidth_form('︰') && !is_fullwidth_form('“') && !is_fullwidth_form('…'));
    }

    #[test]
    fn ambiguous_marks() {
        for c in ['“', '”', '‘', '’', '…', '⋯', '—', '·'] {
            assert!(is_ambiguous_mark(c), "{c}");
        }
        assert!(!is_ambiguous_mark('，') && !is_ambiguous_mark('"'));
    }

    #[test]
    fn hangul_and_wide() {
        assert!(is_korean_hangul('한') && is_korean_hangul('ㄱ') && !is_korean_hangul('中'));
        assert!(is_wide('中') && is_wide('，') && is_wide('あ') && is_wide('한'));
        assert!(!is_wide('a') && !is_wide('“'));
    }

    #[test]
    fn t1_joins_wide_but_not_hangul() {
        assert!(
            joins_at_line_break('中') && joins_at_line_break('，') && joins_at_line_break('あ')
        );
        assert!(!joins_at_line_break('한') && !joins_at_line_break('a'));
    }

    #[test]
    fn t6_cjk_includes_half_width_and_hangul_jamo_not_emoji() {
        assert!(is_cjk_for_emphasis('中') && is_cjk_for_emphasis('，') && is_cjk_for_emphasis('ｱ'));
        assert!(is_cjk_for_emphasis('\u{1160}') && !is_wide('ｱ') && !is_wide('\u{1160}'));
        assert!(!is_cjk_for_emphasis('😀') && is_wide('😀'));
        assert!(!is_cjk_for_emphasis('a'));
    }

    #[test]
    fn commonmark_punct_is_p_and_s() {
        assert!(is_commonmark_punct('*') && is_commonmark_punct('“') && is_commonmark_punct('，'));
        assert!(is_commonmark_punct('$') && is_commonmark_punct('《'));
        assert!(
            !is_commonmark_punct('a') && !is_commonmark_punct('中') && !is_commonmark_punct(' ')
        );
    }

    #[test]
    fn sentence_ends_and_blanks() {
        assert!(is_closing_end('。') && is_closing_end('”') && !is_closing_end('，'));
        assert!(is_non_heading_end('，') && is_non_heading_end('。') && !is_non_heading_end('”'));
        assert!(is_blank(' ') && is_blank('\t') && is_blank('\u{a0}') && !is_blank('\u{3000}'));
    }
}
