//! The official-document fields (GB/T 9704 §7, T30) put into the form the standard asks
//! for, once, so that the PDF, EPUB and DOCX print the same text:
//!
//! - 发文字号: the year in `〔〕` (`[2024]`, `(2024)`, `【2024】` … are replaced, W-FWZH);
//! - 成文日期 and 印发日期: Arabic digits, full year, no zero padding (`2024年3月5日`;
//!   `2024年03月05日` and Chinese numerals are fixed with W-DATE, `2024-03-05` silently);
//! - 主送: ends with a full-width colon;
//! - 附件 names and 抄送 names: no final punctuation (the 抄送 line adds its own `。`).

use crate::ast::{Document, Field};
use crate::log::Log;

/// Pass name (for logs).
pub const NAME: &str = "official";

/// Warning code of a 发文字号 whose year was not in `〔〕` (the T5 lint's code: the body-text lint warns, this pass rewrites the front-matter field).
pub const W_FWZH: &str = "W-FWZH";

/// Warning code of a date not written as GB/T 9704 wants.
pub const W_DATE: &str = "W-DATE";

/// Runs the pass.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    let o = &mut doc.meta.official;
    if let Some(n) = &mut o.number {
        let fixed = year_brackets(&n.text);
        if fixed != n.text {
            log.warn(
                W_FWZH,
                n.line,
                format!(
                    "发文字号 '{}': the year goes in 〔〕 (GB/T 9704 7.2.4); printed as '{fixed}'",
                    n.text
                ),
            );
            n.text = fixed;
        }
    }
    for d in [&mut o.date, &mut o.printed_date].into_iter().flatten() {
        date(d, log);
    }
    if let Some(a) = &mut o.addressee {
        let trimmed = a.text.trim_end_matches([':', '：', '。', '，', ',']);
        let fixed = format!("{trimmed}：");
        if fixed != a.text {
            log.change(NAME, a.line, format!("主送 '{}' → '{fixed}'", a.text));
            a.text = fixed;
        }
    }
    for f in o.attachments.iter_mut().chain(o.cc.iter_mut()) {
        let trimmed = f
            .text
            .trim_end_matches(['。', '，', '；', '、', '.', ',', ';']);
        if trimmed.len() != f.text.len() {
            log.change(NAME, f.line, format!("'{}': final mark dropped", f.text));
            f.text = trimmed.to_string();
        }
    }
    doc
}

/// `s` with every 4-digit year in `[]`, `［］`, `()`, `（）`, `【】`, `〔 〕`-like brackets put
/// in `〔〕` (U+3014/U+3015).
pub fn year_brackets(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let closer = match chars[i] {
            '[' => Some(']'),
            '［' => Some('］'),
            '(' => Some(')'),
            '（' => Some('）'),
            '【' => Some('】'),
            '〔' => Some('〕'),
            '﹝' => Some('﹞'),
            '〖' => Some('〗'),
            _ => None,
        };
        if let Some(close) = closer {
            // Spaces inside the brackets go too (`〔 2024 〕`).
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let digits = j;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let year: String = chars[digits..j].iter().collect();
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            if year.len() == 4 && chars.get(j) == Some(&close) {
                out.push('〔');
                out.push_str(&year);
                out.push('〕');
                i = j + 1;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Normalises a date field in place, warning W-DATE where the source broke GB/T 9704 7.3.5.
fn date(d: &mut Field, log: &mut Log) {
    let Some((y, m, day, how)) = parse_date(&d.text) else {
        log.warn(
            W_DATE,
            d.line,
            format!(
                "date '{}' is not a full date like 2024年3月5日 (GB/T 9704 7.3.5); printed as written",
                d.text
            ),
        );
        return;
    };
    let fixed = format!("{y}年{m}月{day}日");
    if fixed == d.text {
        return;
    }
    match how {
        Written::Iso => log.change(NAME, d.line, format!("date '{}' → '{fixed}'", d.text)),
        Written::Padded => log.warn(
            W_DATE,
            d.line,
            format!(
                "date '{}': months and days take no leading zero (GB/T 9704 7.3.5); printed as '{fixed}'",
                d.text
            ),
        ),
        Written::Numerals => log.warn(
            W_DATE,
            d.line,
            format!(
                "date '{}': dates are written in Arabic digits (GB/T 9704 7.3.5); printed as '{fixed}'",
                d.text
            ),
        ),
    }
    d.text = fixed;
}

/// How a date was written.
#[derive(Debug, PartialEq)]
enum Written {
    /// `2024-03-05`, `2024.3.5`, `2024/3/5`.
    Iso,
    /// `2024年03月05日` (or well-formed).
    Padded,
    /// `二〇二四年三月五日`.
    Numerals,
}

/// Year, month and day of a date written `Y年M月D日` (Arabic or Chinese numerals) or
/// `Y-M-D` / `Y.M.D` / `Y/M/D`, with a four-digit year and a valid month and day.
fn parse_date(s: &str) -> Option<(u32, u32, u32, Written)> {
    let s = s.trim();
    let (parts, how) = if let Some(rest) = s.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        let arabic = [y, m, d]
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()));
        if arabic {
            (
                [y.to_string(), m.to_string(), d.to_string()],
                Written::Padded,
            )
        } else {
            let year: String = y.chars().map(numeral_digit).collect::<Option<_>>()?;
            let m = chinese_number(m)?.to_string();
            let d = chinese_number(d)?.to_string();
            ([year, m, d], Written::Numerals)
        }
    } else {
        let sep = ['-', '.', '/'].into_iter().find(|&c| s.contains(c))?;
        let p: Vec<&str> = s.split(sep).collect();
        let [y, m, d] = p.as_slice() else {
            return None;
        };
        ([y.to_string(), m.to_string(), d.to_string()], Written::Iso)
    };
    let [y, m, d] = parts;
    if y.len() != 4 || m.is_empty() || d.is_empty() {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d, how))
}

/// The digit a Chinese numeral stands for in a year (`二〇二四`).
fn numeral_digit(c: char) -> Option<char> {
    let i = "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .or_else(|| (c == '零' || c == 'Ｏ' || c == 'O' || c == '○').then_some(0))?;
    char::from_digit(i as u32, 10)
}

/// A month or day in Chinese numerals (`三`, `十`, `十二`, `二十五`, `三十一`).
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| numeral_digit(c).and_then(|d| d.to_digit(10));
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_go_in_tortoise_shell_brackets() {
        assert_eq!(year_brackets("X府发[2024]12号"), "X府发〔2024〕12号");
        assert_eq!(year_brackets("X府发（2024）12号"), "X府发〔2024〕12号");
        assert_eq!(year_brackets("X府发【 2024 】12号"), "X府发〔2024〕12号");
        assert_eq!(year_brackets("X府发〔2024〕12号"), "X府发〔2024〕12号");
        // Not a year: left alone.
        assert_eq!(year_brackets("附件(12)"), "附件(12)");
    }

    #[test]
    fn dates_are_arabic_full_and_unpadded() {
        assert_eq!(
            parse_date("2024年3月5日"),
            Some((2024, 3, 5, Written::Padded))
        );
        assert_eq!(
            parse_date("2024年03月05日"),
            Some((2024, 3, 5, Written::Padded))
        );
        assert_eq!(parse_date("2024-03-05"), Some((2024, 3, 5, Written::Iso)));
        assert_eq!(
            parse_date("二〇二四年十二月二十五日"),
            Some((2024, 12, 25, Written::Numerals))
        );
        assert_eq!(parse_date("24年3月5日"), None);
        assert_eq!(parse_date("2024年13月5日"), None);
    }

    #[test]
    fn padded_date_warns_w_date_naming_its_line() {
        let mut doc = Document::default();
        doc.meta.official.date = Some(Field {
            text: "2024年03月05日".into(),
            line: 7,
        });
        let mut log = Log::default();
        let doc = run(doc, &mut log);
        assert_eq!(doc.meta.official.date.unwrap().text, "2024年3月5日");
        let w: Vec<_> = log.warnings().collect();
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].source.as_str(), w[0].line), (W_DATE, 7));
    }
}
