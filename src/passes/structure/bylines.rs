//! Bylines: `name affiliation` lines after an article body (a 2–4 Han name, a space, an
//! affiliation), e.g. `吴伟华 中共义乌市委党校副校长`.

use super::gaps::ideographic_gaps;
use crate::text::chars::is_han;
use regex::Regex;
use std::sync::OnceLock;

/// Longest byline line, in characters.
const MAX: usize = 40;

/// `name affiliation` on one line, built once.
fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[ \t\u{3000}]*(\p{Han}{2,4})[ \t\u{3000}]+(\S.*?)\s*$").expect("valid regex")
    })
}

/// Builds the byline pattern now ([`crate::passes::warm_patterns`]).
pub(crate) fn warm() {
    pattern();
}

/// Splits a byline-like line into (name, affiliation).
pub fn parse(line: &str) -> Option<(String, String)> {
    let re = pattern();
    // `第一章 总则` has the shape of `name affiliation`; numbering wins.
    if line.chars().count() > MAX || super::numbering::parse(line).is_some() {
        return None;
    }
    let c = re.captures(line)?;
    let affiliation = &c[2];
    let punct = affiliation
        .chars()
        .any(|ch| "，。！？；：,.;!?:、“”\"".contains(ch));
    let han = affiliation.chars().filter(|&ch| is_han(ch)).count();
    if punct || han < 2 {
        return None;
    }
    Some((c[1].to_string(), ideographic_gaps(affiliation)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_name_and_affiliation() {
        assert_eq!(
            parse("吴伟华 中共义乌市委党校副校长"),
            Some(("吴伟华".into(), "中共义乌市委党校副校长".into()))
        );
        assert_eq!(
            parse(" 徐应红 中共义乌市委党校 校委委员"),
            Some(("徐应红".into(), "中共义乌市委党校\u{3000}校委委员".into()))
        );
    }

    #[test]
    fn titles_and_sentences_are_not_bylines() {
        assert_eq!(
            parse("坚持和深化“义乌发展经验” 加快打造中国式现代化县域典范"),
            None
        );
        assert_eq!(
            parse("深学笃行习近平总书记重要指示精神 奋力谱写“义乌发展经验”新时代华章"),
            None
        );
        assert_eq!(parse("我们 今天开会，讨论问题。"), None);
        assert_eq!(parse("吴伟华"), None);
        assert_eq!(parse("第一章 总则"), None);
    }
}
