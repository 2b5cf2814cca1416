//! English hyphenation (T8 option, T16): which Latin words may be hyphenated and where,
//! by Knuth–Liang patterns (the `hyphenation` crate's embedded en-US dictionary). The PDF
//! layout breaks lines at these points; the EPUB marks the same words `lang="en"` for its
//! reader's `hyphens: auto`. Chinese, code, URLs, numbers and acronyms are never
//! hyphenated.

use super::chars::{is_cjk, is_cjk_letter, is_west_letter};
use hyphenation::{Hyphenator, Language, Load, Standard};
use std::ops::Range;
use std::sync::OnceLock;

/// The limits of the style (`Style::paragraph`), in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Shortest word that is hyphenated.
    pub min_word: usize,
    /// Fewest letters before a hyphen.
    pub min_left: usize,
    /// Fewest letters after a hyphen.
    pub min_right: usize,
}

/// Marks that may stand around a word (quotes, brackets, sentence punctuation) without
/// making it something other than a word.
fn edge_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
    )
}

/// Byte ranges of the words of `text` that may be hyphenated: a token (between spaces,
/// CJK characters and full-width punctuation) that is, after stripping `edge_punct`, at
/// least `min_word` Latin letters with no capital after the first (no acronyms: HTML,
/// iPhone). A token with digits, `/`, `@`, `_`, `-`, `://` and the like (numbers, paths,
/// URLs, identifiers, compounds) is left whole.
pub fn words(text: &str, limits: &Limits) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bounds = |c: char| c.is_whitespace() || is_cjk(c) || is_cjk_letter(c);
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, bounds(c)) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.extend(word_of_token(text, s, i, limits));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The word of the token `text[s..e]`, if it is one that may be hyphenated.
fn word_of_token(text: &str, s: usize, e: usize, limits: &Limits) -> Option<Range<usize>> {
    let token = &text[s..e];
    let core = token.trim_start_matches(edge_punct);
    let lead = token.len() - core.len();
    let core = core.trim_end_matches(edge_punct);
    let mut chars = core.chars();
    let first = chars.next()?;
    let ok = is_west_letter(first)
        && chars.all(|c| is_west_letter(c) && !c.is_uppercase())
        && core.chars().count() >= limits.min_word.max(1);
    ok.then(|| s + lead..s + lead + core.len())
}

/// The en-US patterns, loaded once (about 90 KB embedded in the binary).
fn dictionary() -> Option<&'static Standard> {
    static EN: OnceLock<Option<Standard>> = OnceLock::new();
    EN.get_or_init(|| Standard::from_embedded(Language::EnglishUS).ok())
        .as_ref()
}

/// Byte offsets inside `word` where a hyphen may go, at least `min_left` letters from its
/// start and `min_right` from its end.
pub fn points(word: &str, limits: &Limits) -> Vec<usize> {
    let Some(dict) = dictionary() else {
        return Vec::new();
    };
    let total = word.chars().count();
    dict.hyphenate(word)
        .breaks
        .into_iter()
        .filter(|&b| {
            let left = word[..b].chars().count();
            left >= limits.min_left.max(1) && total - left >= limits.min_right.max(1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        min_word: 6,
        min_left: 2,
        min_right: 3,
    };

    fn found(text: &str) -> Vec<&str> {
        words(text, &LIMITS).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn t8_english_words_beside_chinese_and_punctuation() {
        assert_eq!(
            found("用“typesetting”排版，internationalization。"),
            ["typesetting", "internationalization"]
        );
        assert_eq!(
            found("(hyphenation), and Paragraphs."),
            ["hyphenation", "Paragraphs"]
        );
    }

    #[test]
    fn t8_never_urls_numbers_acronyms_or_short_words() {
        for t in [
            "https://example.com/hyphenation",
            "www.example.com",
            "user@example.com",
            "version2release",
            "HYPHENATION",
            "JavaScript",
            "snake_case_identifier",
            "well-known",
            "short",
            "中文汉字排版",
        ] {
            assert!(found(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn t8_points_respect_the_limits() {
        let p = points("hyphenation", &LIMITS);
        assert_eq!(p, [2, 6, 7]); // hy-phen-a-tion
        let strict = Limits {
            min_left: 3,
            ..LIMITS
        };
        assert_eq!(points("hyphenation", &strict), [6, 7]);
        let right = Limits {
            min_right: 5,
            ..LIMITS
        };
        assert_eq!(points("hyphenation", &right), [2, 6]);
        assert!(points("typesetting", &LIMITS).contains(&4)); // type-set-ting
    }
}
