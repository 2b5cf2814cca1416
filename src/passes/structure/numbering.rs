//! T21 numbering patterns, their normalised form, and the Chinese numeral generator.

use regex::Regex;
use std::sync::OnceLock;

/// A T21 numbering pattern, in T21 order (the derived order is the nesting order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `第X编`.
    Bian,
    /// `第X篇`.
    Pian,
    /// `第X部分`.
    Bufen,
    /// `第X章`.
    Zhang,
    /// `第X节`.
    Jie,
    /// `第X条` (legal).
    Tiao,
    /// L1 `一、`.
    L1,
    /// L2 `（一）`.
    L2,
    /// L3 `1.`.
    L3,
    /// L4 `（1）`.
    L4,
    /// L5 `①`.
    L5,
    /// L6 `A.`.
    L6,
    /// L7 `a.`.
    L7,
}

impl Kind {
    /// A statute division `第X编/篇/部分/章/节` (not `第X条`).
    pub fn is_division(self) -> bool {
        matches!(
            self,
            Kind::Bian | Kind::Pian | Kind::Bufen | Kind::Zhang | Kind::Jie
        )
    }
}

/// A numbering found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Which pattern.
    pub kind: Kind,
    /// Characters of the line taken by the marker as typed, including following blanks.
    pub len: usize,
    /// The marker as it should be printed (T21 punctuation rule), e.g. `（一）`, `1.`,
    /// `第一章\u{3000}`.
    pub canonical: String,
}

const CN: &str = "一二三四五六七八九十百零〇两";

fn regexes() -> &'static [(Regex, Option<Kind>)] {
    static R: OnceLock<Vec<(Regex, Option<Kind>)>> = OnceLock::new();
    R.get_or_init(|| {
        let b = "[ \\t\\u{3000}]*";
        [
            (format!("^第([{CN}]+)(编|篇|部分|章|节|条){b}"), None),
            (format!("^([{CN}]+)、{b}"), Some(Kind::L1)),
            (format!("^[（(]([{CN}]+)[）)]{b}"), Some(Kind::L2)),
            (format!("^([0-9０-９]{{1,3}})[.．]{b}"), Some(Kind::L3)),
            (format!("^[（(]([0-9０-９]{{1,3}})[）)]{b}"), Some(Kind::L4)),
            (format!("^([\\u{{2460}}-\\u{{2473}}]){b}"), Some(Kind::L5)),
            ("^([A-Z])\\.[ \\t]*".to_string(), Some(Kind::L6)),
            ("^([a-z])\\.[ \\t]*".to_string(), Some(Kind::L7)),
        ]
        .into_iter()
        .map(|(r, k)| (Regex::new(&r).expect("valid regex"), k))
        .collect()
    })
}

/// Builds the numbering patterns now ([`crate::passes::warm_patterns`]).
pub(crate) fn warm() {
    regexes();
}

fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFF10 + 0x30).expect("digit"),
            c => c,
        })
        .collect()
}

/// An ASCII or full-width digit (`1.5` and `1．５` alike are decimals, not numbering).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The T21 numbering at the start of `line` (leading blanks allowed), if any, with text
/// after it. `2693.3亿元` and `1.5倍` are not numbering.
pub fn parse(line: &str) -> Option<Number> {
    let trimmed = line.trim_start_matches([' ', '\t', '\u{3000}']);
    // Every pattern is anchored and starts with one of these: most lines of a text are
    // ruled out here without running the eight regexes (issue 12: this is called for
    // every paragraph by several passes).
    if !trimmed.chars().next().is_some_and(may_open_numbering) {
        return None;
    }
    let lead = line[..line.len() - trimmed.len()].chars().count();
    parse_trimmed(trimmed, lead)
}

/// Whether a line starting with `c` can match one of [`regexes`] (each starts with `第`, a
/// Chinese numeral, a parenthesis, a digit, a circled number or a Latin letter).
fn may_open_numbering(c: char) -> bool {
    c == '第'
        || CN.contains(c)
        || matches!(c, '（' | '(' | '0'..='9' | '０'..='９' | 'A'..='Z' | 'a'..='z')
        || ('\u{2460}'..='\u{2473}').contains(&c)
}

/// [`parse`] of a line without its `lead` leading blanks, by the regexes alone.
fn parse_trimmed(trimmed: &str, lead: usize) -> Option<Number> {
    for (re, kind) in regexes() {
        let Some(c) = re.captures(trimmed) else {
            continue;
        };
        let whole = c.get(0).expect("match");
        let rest = &trimmed[whole.end()..];
        if rest.trim().is_empty() {
            return None;
        }
        let n = &c[1];
        let (kind, canonical) = match kind {
            None => {
                let kind = match &c[2] {
                    "编" => Kind::Bian,
                    "篇" => Kind::Pian,
                    "部分" => Kind::Bufen,
                    "章" => Kind::Zhang,
                    "节" => Kind::Jie,
                    _ => Kind::Tiao,
                };
                // T21: no mark, a 1 em gap (U+3000) before the text.
                (kind, format!("第{n}{}\u{3000}", &c[2]))
            }
            Some(Kind::L3) => {
                // `1.5` is a number, not a heading (`(?!\d)` of T21).
                if trimmed[c.get(1).expect("group").end()..]
                    .chars()
                    .nth(1)
                    .is_some_and(is_digit)
                {
                    return None;
                }
                // T21 sets `1.` without a space, but before a digit (`1. 2023年回顾`) the
                // space stays: `1.2023年` would read as a decimal and no longer parse as
                // numbering, so a second run would see another document (idempotence).
                let sep = if rest.starts_with(is_digit) { " " } else { "" };
                (Kind::L3, format!("{}.{sep}", ascii_digits(n)))
            }
            Some(Kind::L1) => (Kind::L1, format!("{n}、")),
            Some(Kind::L2) => (Kind::L2, format!("（{n}）")),
            Some(Kind::L4) => (Kind::L4, format!("（{}）", ascii_digits(n))),
            Some(Kind::L5) => (Kind::L5, n.to_string()),
            Some(k) => (*k, whole.as_str().to_string()),
        };
        return Some(Number {
            kind,
            len: lead + whole.as_str().chars().count(),
            canonical,
        });
    }
    None
}

/// T21 auto-number: 1–10 一…十; 11–19 十一…十九; 20 二十; 21 二十一; 100 一百;
/// 101 一百零一; 110 一百一十.
pub fn chinese_numeral(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    if n == 0 {
        return "零".into();
    }
    if n >= 10_000 {
        let (hi, lo) = (n / 10_000, n % 10_000);
        let mut s = format!("{}万", chinese_numeral(hi));
        if lo > 0 {
            if lo < 1000 {
                s.push('零');
            }
            s.push_str(&below_10k(lo, true));
        }
        return s;
    }
    return below_10k(n, false);

    fn below_10k(n: u32, inner: bool) -> String {
        let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
        let first = digits.iter().position(|&d| d != 0).unwrap_or(3);
        let mut s = String::new();
        let mut zero = false;
        for (k, &d) in digits.iter().enumerate().skip(first) {
            let unit = UNITS[3 - k];
            if d == 0 {
                zero = true;
                continue;
            }
            if zero {
                s.push('零');
                zero = false;
            }
            // 十一…十九: the leading 一 of 一十 is dropped at the very start (not in 一百一十).
            if !(d == 1 && unit == "十" && k == first && !inner) {
                s.push_str(D[d as usize]);
            }
            s.push_str(unit);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The first-character filter only skips lines the regexes would not match.
        #[test]
        fn the_first_character_filter_rejects_only_what_no_pattern_matches(
            line in "[第一二三四五六七八九十百零〇两（()）0-9０-９A-Za-z①-⑳、.．章节条 \u{3000}近日我们-]{0,12}",
        ) {
            let trimmed = line.trim_start_matches([' ', '\t', '\u{3000}']);
            if let Some(c) = trimmed.chars().next().filter(|&c| !may_open_numbering(c)) {
                prop_assert_eq!(parse_trimmed(trimmed, 0), None, "starts with {}", c);
            }
            prop_assert_eq!(
                parse(&line),
                parse_trimmed(trimmed, line.chars().count() - trimmed.chars().count())
                    .filter(|_| trimmed.chars().next().is_some_and(may_open_numbering))
            );
        }
    }

    use super::*;

    fn kind(s: &str) -> Option<Kind> {
        parse(s).map(|n| n.kind)
    }

    #[test]
    fn t21_patterns() {
        assert_eq!(kind("一、总体要求"), Some(Kind::L1));
        let n = parse("(二)主要任务").unwrap();
        assert_eq!(
            (n.kind, n.canonical.as_str(), n.len),
            (Kind::L2, "（二）", 3)
        );
        assert_eq!(kind("3.加强学习"), Some(Kind::L3));
        assert_eq!(parse("1．加强").unwrap().canonical, "1.");
        assert_eq!(parse("1. “五个结合”").unwrap().len, 3);
        assert_eq!(kind("2693.3亿元"), None);
        assert_eq!(kind("1.5倍"), None);
        // Before a digit the space stays, so the normalised line parses again (CI proptest).
        let n = parse("1. 2023年回顾").unwrap();
        assert_eq!((n.kind, n.canonical.as_str()), (Kind::L3, "1. "));
        assert_eq!(parse("1． ２０２３年").unwrap().canonical, "1. ");
        assert_eq!(
            kind("1. 2023年回顾"),
            kind(&format!("{}2023年回顾", n.canonical))
        );
        assert_eq!(kind("⑤加强"), Some(Kind::L5));
        assert_eq!(kind("（1）要求"), Some(Kind::L4));
        assert_eq!(parse("(1)要求").unwrap().canonical, "（1）");
        assert_eq!(kind("A. Intro"), Some(Kind::L6));
        assert_eq!(kind("a. intro"), Some(Kind::L7));
        assert_eq!(kind("2025年"), None);
    }

    #[test]
    fn t21_above_patterns_get_ideographic_gap() {
        let n = parse("第一章 总则").unwrap();
        assert_eq!(
            (n.kind, n.canonical.as_str(), n.len),
            (Kind::Zhang, "第一章\u{3000}", 4)
        );
        assert_eq!(kind("第二节　范围"), Some(Kind::Jie));
        assert_eq!(kind("第十二条　为了规范"), Some(Kind::Tiao));
        assert_eq!(kind("第一部分 综述"), Some(Kind::Bufen));
        assert_eq!(kind("第一"), None);
    }

    #[test]
    fn t21_numeral_generator() {
        let want = [
            (1, "一"),
            (2, "二"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (111, "一百一十一"),
            (1001, "一千零一"),
            (10010, "一万零一十"),
        ];
        for (n, s) in want {
            assert_eq!(chinese_numeral(n), s, "{n}");
        }
    }
}
