//! Syntax highlighting of code blocks, one home for all three backends: byte ranges of the
//! code text with the theme's colour for each. syntect's default syntaxes and themes are
//! loaded once, on the first code block that asks (pure-Rust regexes: no C build).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{LazyLock, Mutex};
use syntect::easy::HighlightLines;
use syntect::highlighting::{Theme, ThemeSet};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static THEMES: LazyLock<ThemeSet> = LazyLock::new(ThemeSet::load_defaults);

/// An RGB colour.
pub type Rgb = [u8; 3];

/// One coloured stretch of code text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range in the code text.
    pub range: Range<usize>,
    /// Text colour.
    pub colour: Rgb,
}

/// Parses six hex digits (`F6F8FA`, a leading `#` allowed); `None` for anything else, an
/// empty string included.
pub fn parse_rgb(hex: &str) -> Option<Rgb> {
    let hex = hex.trim().trim_start_matches('#');
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Six upper-case hex digits of `rgb`.
pub fn hex(rgb: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2])
}

/// Info-string names syntect's default syntaxes do not know, mapped to the closest one
/// they do (Vue templates are HTML; TypeScript and JSON read well as JavaScript).
const ALIASES: [(&str, &str); 9] = [
    ("vue-html", "html"),
    ("vue", "html"),
    ("svelte", "html"),
    ("ts", "js"),
    ("typescript", "js"),
    ("tsx", "js"),
    ("jsonc", "js"),
    ("shell", "sh"),
    ("console", "sh"),
];

fn theme(name: &str) -> Option<&'static Theme> {
    if name.is_empty() {
        return None;
    }
    THEMES.themes.get(name)
}

/// Coloured spans covering `text` for the info-string language `lang` in theme `theme`;
/// `None` (no highlighting, plain code) when there is no language, the language or the
/// theme is unknown, or the theme is `""`. Spans are in order, do not overlap, and leave
/// no byte of `text` out; neighbours of one colour are merged.
pub fn highlight(lang: Option<&str>, text: &str, theme_name: &str) -> Option<Vec<Span>> {
    let key = (
        lang.map(str::to_owned),
        theme_name.to_owned(),
        text.to_owned(),
    );
    if let Some(known) = lock_cache().map.get(&key) {
        return known.clone();
    }
    let spans = compute(lang, text, theme_name);
    let mut cache = lock_cache();
    if cache.bytes + text.len() > CACHE_MAX_BYTES {
        cache.map.clear();
        cache.bytes = 0;
    }
    cache.bytes += text.len();
    cache.map.insert(key, spans.clone());
    spans
}

/// Code text kept in [`Cache`] at most; past it the cache starts again empty, so a batch of
/// many files holds only its recent blocks.
const CACHE_MAX_BYTES: usize = 4 << 20;

/// [`highlight`]'s answers by (language, theme, text): the PDF, EPUB and DOCX of one input
/// ask about the same code blocks, and syntect's parse of a block is the same every time
/// (issue 12: a third of the highlighting time, ~0.4 G instructions on a 120-file batch).
#[derive(Default)]
struct Cache {
    map: HashMap<(Option<String>, String, String), Option<Vec<Span>>>,
    bytes: usize,
}

fn lock_cache() -> std::sync::MutexGuard<'static, Cache> {
    static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Mutex::default);
    CACHE.lock().unwrap_or_else(|e| e.into_inner())
}

/// [`highlight`] without the cache.
fn compute(lang: Option<&str>, text: &str, theme_name: &str) -> Option<Vec<Span>> {
    let theme = theme(theme_name)?;
    let token = lang?.split_whitespace().next()?.trim_start_matches('.');
    let lower = token.to_ascii_lowercase();
    let token = ALIASES
        .iter()
        .find(|(from, _)| *from == lower)
        .map_or(token, |(_, to)| to);
    let syntax = SYNTAXES
        .find_syntax_by_token(token)
        .or_else(|| SYNTAXES.find_syntax_by_token(&token.to_ascii_lowercase()))?;
    let mut h = HighlightLines::new(syntax, theme);
    let mut spans: Vec<Span> = Vec::new();
    let mut at = 0;
    for line in LinesWithEndings::from(text) {
        let ranges = h.highlight_line(line, &SYNTAXES).ok()?;
        for (style, piece) in ranges {
            let c = style.foreground;
            let colour = [c.r, c.g, c.b];
            let range = at..at + piece.len();
            at = range.end;
            match spans.last_mut() {
                Some(last) if last.colour == colour => last.range.end = range.end,
                _ => spans.push(Span { range, colour }),
            }
        }
    }
    Some(spans)
}

/// The colour of byte `at` in `spans` (sorted, as [`highlight`] gives them).
pub fn colour_at(spans: &[Span], at: usize) -> Option<Rgb> {
    let i = spans.partition_point(|s| s.range.end <= at);
    spans
        .get(i)
        .filter(|s| s.range.contains(&at))
        .map(|s| s.colour)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_gets_several_colours_and_covers_the_text() {
        let text = "fn main() {\n    let s = \"hi\"; // note\n}";
        let spans = highlight(Some("rust"), text, "InspiredGitHub").unwrap();
        assert_eq!(spans.first().unwrap().range.start, 0);
        assert_eq!(spans.last().unwrap().range.end, text.len());
        let mut colours: Vec<Rgb> = spans.iter().map(|s| s.colour).collect();
        colours.sort();
        colours.dedup();
        assert!(colours.len() >= 3, "{colours:?}");
        assert_eq!(colour_at(&spans, 0), Some(spans[0].colour));
    }

    #[test]
    fn vue_templates_read_as_html() {
        let spans = highlight(Some("vue-html"), "<div :id=\"x\"></div>", "InspiredGitHub");
        assert!(spans.is_some_and(|s| s.len() > 1));
    }

    #[test]
    fn unknown_language_or_theme_is_plain() {
        assert!(highlight(None, "x", "InspiredGitHub").is_none());
        assert!(highlight(Some("no-such-lang"), "x", "InspiredGitHub").is_none());
        assert!(highlight(Some("rust"), "x", "").is_none());
    }

    #[test]
    fn hex_colours_round_trip() {
        assert_eq!(parse_rgb("#F6F8FA"), Some([0xF6, 0xF8, 0xFA]));
        assert_eq!(parse_rgb(""), None);
        assert_eq!(hex([1, 2, 255]), "0102FF");
    }
}
