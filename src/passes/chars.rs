//! Character classes of TYPOGRAPHY.md §0 and T7, shared by every pass.

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

/// WEST (§0): Latin, Greek and Cyrillic letters, ASCII digits and `# $ % &`.
pub fn is_west(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '#' | '$' | '%' | '&')
        || (c.is_alphabetic() && matches!(c as u32, 0xC0..=0x24F | 0x370..=0x52F | 0x1E00..=0x1FFF))
}

/// A Latin/Greek/Cyrillic letter (a WEST letter, digits excluded).
pub fn is_west_letter(c: char) -> bool {
    is_west(c) && c.is_alphabetic()
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

/// Hangul, excluded from T1's deletion rule.
pub fn is_hangul(c: char) -> bool {
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
    fn t7_classes() {
        assert!(is_han('中') && is_han('〇') && is_han('々') && !is_han('，'));
        assert!(is_west('a') && is_west('7') && is_west('%') && is_west('é') && !is_west('中'));
        assert!(is_open('“') && is_close('》') && is_stop('、'));
        assert!(is_wide('中') && is_wide('，') && !is_wide('a') && !is_wide('“'));
        assert!(is_hangul('한'));
    }
}
