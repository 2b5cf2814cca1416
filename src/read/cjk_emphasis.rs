//! T6: emphasis next to CJK punctuation.
//!
//! CommonMark does not treat `**` in `这是**“重点”**内容` as emphasis, because the run sits
//! between punctuation and a letter. pulldown-cmark leaves such runs as literal `*` text, and
//! may pair the remaining runs of the paragraph wrongly (`**“甲”**乙**《丙》**` gives
//! `**“甲”<strong>乙</strong>《丙》**`). So the Markdown reader puts every `*` delimiter
//! back as text, and this module pairs the `*` runs of one inline container with the flanking
//! rules of the CommonMark CJK-friendly amendments (commonmark-spec issue 650, the rules of
//! markdown-it-cjk-friendly), making `Strong` / `Emph`. For text without CJK the result is
//! plain CommonMark. Runs that do not pair stay literal text (the stray-markup pass decides).
//! `_` emphasis, code, links and strikethrough are left to pulldown-cmark and are opaque here.

use crate::ast::Inline;
use crate::text::chars::{is_cjk_for_emphasis, is_commonmark_punct};

/// Stands for a `*` that must never be a delimiter (escaped `\*`, `&ast;`, autolink text)
/// while a container is repaired; [`repair`] turns it back into `*`. A Unicode noncharacter,
/// which the decoder removes from every input, so it cannot be confused with real text.
pub const LITERAL_STAR: char = '\u{FDD0}';

/// Pairs the `*` delimiter runs in the text nodes of `inlines` (one container; nested
/// containers are handled when they are built) and restores [`LITERAL_STAR`].
///
/// `inline_container` says the container is the content of `_…_`, `~~…~~` or a link, whose
/// edges are punctuation in the source; block content (paragraph, heading, cell) starts and
/// ends like a line, which counts as whitespace.
///
/// A pair whose node would nest deeper than `max_depth` levels stays literal text (30,000
/// `*` around a word must not build a tree that every later walk recurses through); returns
/// whether that happened.
pub fn repair(inlines: &mut Vec<Inline>, inline_container: bool, max_depth: usize) -> bool {
    let mut too_deep = false;
    merge_text(inlines);
    if inlines
        .iter()
        .any(|i| matches!(i, Inline::Text(t) if t.contains('*')))
    {
        let edge = if inline_container {
            Side::Char('*')
        } else {
            Side::Space
        };
        let items = split_runs(std::mem::take(inlines), edge);
        *inlines = pair(items, max_depth, &mut too_deep);
    }
    restore(inlines);
    too_deep
}

/// A delimiter run (`*`, `**`, `***`…) and its CJK-friendly flanking.
struct Delim {
    count: usize,
    orig: usize,
    can_open: bool,
    can_close: bool,
}

/// An inline or a delimiter run (index into the delimiter list).
enum Item {
    Node(Inline),
    Delim(usize),
}

/// The neighbour of a run, as far as flanking is concerned.
#[derive(Clone, Copy)]
enum Side {
    /// Start/end of the container, a space or a line break.
    Space,
    /// A character (a variation selector already resolved to its base).
    Char(char),
}

fn split_runs(inlines: Vec<Inline>, edge: Side) -> (Vec<Item>, Vec<Delim>) {
    let mut items = Vec::new();
    let mut delims = Vec::new();
    let sides: Vec<(Side, Side)> = (0..inlines.len())
        .map(|k| {
            let before = k.checked_sub(1).map_or(edge, |j| node_side(&inlines[j]));
            let after = inlines.get(k + 1).map_or(edge, node_side);
            (before, after)
        })
        .collect();
    for (inline, (before, after)) in inlines.into_iter().zip(sides) {
        let Inline::Text(text) = inline else {
            items.push(Item::Node(inline));
            continue;
        };
        let mut rest = text.as_str();
        let mut consumed = 0;
        while let Some(start) = rest.find('*') {
            let len = rest[start..].len() - rest[start..].trim_start_matches('*').len();
            if start > 0 {
                items.push(Item::Node(Inline::Text(rest[..start].to_string())));
            }
            let prev = prev_side(&text[..consumed + start]).unwrap_or(before);
            let next = rest[start + len..]
                .chars()
                .next()
                .map_or(after, |c| side_of(c, Side::Space));
            let (left, right) = flanking(prev, next);
            delims.push(Delim {
                count: len,
                orig: len,
                can_open: left,
                can_close: right,
            });
            items.push(Item::Delim(delims.len() - 1));
            consumed += start + len;
            rest = &rest[start + len..];
        }
        if !rest.is_empty() {
            items.push(Item::Node(Inline::Text(rest.to_string())));
        }
    }
    (items, delims)
}

/// What a run sees of a neighbouring inline node: breaks are spaces, and every other node
/// began or ended with ASCII punctuation in the source (`` ` ``, `*`, `~`, `[`, `)`, `<`, `>`).
fn node_side(inline: &Inline) -> Side {
    match inline {
        Inline::SoftBreak | Inline::LineBreak | Inline::AutoSpace => Side::Space,
        _ => Side::Char('*'),
    }
}

fn side_of(c: char, space: Side) -> Side {
    if c.is_whitespace() {
        space
    } else if c == LITERAL_STAR {
        Side::Char('*')
    } else {
        Side::Char(c)
    }
}

/// The character before a run; a variation selector counts as its base character
/// (an ideographic variation selector follows a Han character by definition).
fn prev_side(before: &str) -> Option<Side> {
    let mut chars = before.chars().rev();
    let c = chars.next()?;
    Some(match c {
        '\u{E0100}'..='\u{E01EF}' => Side::Char('一'),
        '\u{FE00}'..='\u{FE0E}' => match chars.next() {
            Some(base) => side_of(base, Side::Space),
            None => return None,
        },
        _ => side_of(c, Side::Space),
    })
}

/// (left-flanking, right-flanking) per the CJK-friendly amendments: a run next to a CJK
/// character may touch non-CJK punctuation on its other side; CJK punctuation itself does not
/// block flanking.
fn flanking(prev: Side, next: Side) -> (bool, bool) {
    let non_cjk_punct =
        |s: Side| matches!(s, Side::Char(c) if is_commonmark_punct(c) && !is_cjk_for_emphasis(c));
    let punct = |s: Side| matches!(s, Side::Char(c) if is_commonmark_punct(c));
    let cjk = |s: Side| matches!(s, Side::Char(c) if is_cjk_for_emphasis(c));
    let space = |s: Side| matches!(s, Side::Space);
    let left = !space(next) && (!non_cjk_punct(next) || space(prev) || punct(prev) || cjk(prev));
    let right = !space(prev) && (!non_cjk_punct(prev) || space(next) || punct(next) || cjk(next));
    (left, right)
}

/// CommonMark "process emphasis" on the run list, then flattening back to inlines. A pair
/// that would nest deeper than `max_depth` is not made (`too_deep` is set).
fn pair(
    (mut items, mut delims): (Vec<Item>, Vec<Delim>),
    max_depth: usize,
    too_deep: &mut bool,
) -> Vec<Inline> {
    for closer in 0..delims.len() {
        while delims[closer].can_close && delims[closer].count > 0 {
            let Some(opener) = (0..closer).rev().find(|&o| {
                let (a, b) = (&delims[o], &delims[closer]);
                let odd_rule = (a.can_close || b.can_open)
                    && (a.orig + b.orig).is_multiple_of(3)
                    && !(a.orig.is_multiple_of(3) && b.orig.is_multiple_of(3));
                a.count > 0 && a.can_open && !odd_rule
            }) else {
                break;
            };
            let used = if delims[opener].count >= 2 && delims[closer].count >= 2 {
                2
            } else {
                1
            };
            let pos = |items: &[Item], d: usize| {
                items
                    .iter()
                    .position(|i| matches!(i, Item::Delim(k) if *k == d))
                    .expect("delimiter is in the item list")
            };
            let (po, pc) = (pos(&items, opener), pos(&items, closer));
            let inner_depth = items[po + 1..pc]
                .iter()
                .map(|i| match i {
                    Item::Node(n) => depth(n),
                    Item::Delim(_) => 0,
                })
                .max()
                .unwrap_or(0);
            if inner_depth + 1 > max_depth {
                *too_deep = true;
                break;
            }
            let inner: Vec<Item> = items.drain(po + 1..pc).collect();
            // Runs between the pair can no longer pair with anything outside it.
            for item in &inner {
                if let Item::Delim(k) = item {
                    delims[*k].can_open = false;
                    delims[*k].can_close = false;
                }
            }
            let content = flatten(inner, &delims);
            let node = if used == 2 {
                Inline::Strong(content)
            } else {
                Inline::Emph(content)
            };
            items.insert(po + 1, Item::Node(node));
            delims[opener].count -= used;
            delims[closer].count -= used;
        }
    }
    flatten(items, &delims)
}

/// Levels of emphasis, strikethrough and link nodes in `inline` (0 for a leaf), without
/// recursion.
fn depth(inline: &Inline) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(inline, 0usize)];
    while let Some((node, above)) = stack.pop() {
        let Some(children) = node.children() else {
            continue;
        };
        deepest = deepest.max(above + 1);
        stack.extend(children.iter().map(|c| (c, above + 1)));
    }
    deepest
}

/// Items → inlines: unused delimiter characters become text again.
fn flatten(items: Vec<Item>, delims: &[Delim]) -> Vec<Inline> {
    let mut out: Vec<Inline> = items
        .into_iter()
        .filter_map(|item| match item {
            Item::Node(n) => Some(n),
            Item::Delim(k) if delims[k].count > 0 => {
                Some(Inline::Text("*".repeat(delims[k].count)))
            }
            Item::Delim(_) => None,
        })
        .collect();
    merge_text(&mut out);
    out
}

/// Joins adjacent text nodes and drops empty ones.
fn merge_text(inlines: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines.drain(..) {
        match (out.last_mut(), inline) {
            (_, Inline::Text(t)) if t.is_empty() => {}
            (Some(Inline::Text(prev)), Inline::Text(t)) => prev.push_str(&t),
            (_, other) => out.push(other),
        }
    }
    *inlines = out;
}

/// Turns [`LITERAL_STAR`] back into `*`, in this container and the ones just built in it.
fn restore(inlines: &mut [Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(t) if t.contains(LITERAL_STAR) => {
                *t = t.replace(LITERAL_STAR, "*");
            }
            _ => {
                if let Some(c) = inline.children_mut() {
                    restore(c);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    fn fix(s: &str) -> Vec<Inline> {
        let mut v = vec![t(s)];
        repair(&mut v, false, 64);
        v
    }

    #[test]
    fn t6_spec_cases() {
        assert_eq!(
            fix("这是**“重点”**内容"),
            vec![t("这是"), Inline::Strong(vec![t("“重点”")]), t("内容")]
        );
        assert_eq!(
            fix("不如人意的**《李茶的姑妈》**已经"),
            vec![
                t("不如人意的"),
                Inline::Strong(vec![t("《李茶的姑妈》")]),
                t("已经")
            ]
        );
        assert_eq!(
            fix("**真。**她"),
            vec![Inline::Strong(vec![t("真。")]), t("她")]
        );
    }

    #[test]
    fn t6_markdown_cjk_friendly_cases() {
        assert_eq!(
            fix("**〔註釈〕**です"),
            vec![Inline::Strong(vec![t("〔註釈〕")]), t("です")]
        );
        assert_eq!(
            fix("a**「b」**c"),
            vec![t("a"), Inline::Strong(vec![t("「b」")]), t("c")]
        );
        assert_eq!(fix("**。**"), vec![Inline::Strong(vec![t("。")])]);
        assert_eq!(
            fix("*斜体（括弧）。*続く"),
            vec![Inline::Emph(vec![t("斜体（括弧）。")]), t("続く")]
        );
        assert_eq!(
            fix("패키지를 **(괄호)**를"),
            vec![t("패키지를 "), Inline::Strong(vec![t("(괄호)")]), t("를")]
        );
    }

    #[test]
    fn unpaired_and_spaced_runs_stay_text() {
        assert_eq!(fix("跃升**"), vec![t("跃升**")]);
        assert_eq!(fix("a * b * c"), vec![t("a * b * c")]);
        assert_eq!(fix("**foo bar **"), vec![t("**foo bar **")]);
    }

    #[test]
    fn literal_stars_never_pair_and_are_restored() {
        let s = format!("{LITERAL_STAR}{LITERAL_STAR}“重点”**内容");
        assert_eq!(fix(&s), vec![t("**“重点”**内容")]);
    }

    #[test]
    fn code_and_other_nodes_are_opaque() {
        let mut v = vec![t("这是**"), Inline::Code("**x**".into()), t("**内容")];
        repair(&mut v, false, 64);
        assert_eq!(
            v,
            vec![
                t("这是"),
                Inline::Strong(vec![Inline::Code("**x**".into())]),
                t("内容")
            ]
        );
    }

    #[test]
    fn nested_strong_in_emph() {
        assert_eq!(
            fix("***“甲”***乙"),
            vec![Inline::Emph(vec![Inline::Strong(vec![t("“甲”")])]), t("乙")]
        );
    }
}
