//! Fenced containers (`::: tip 标题` … `:::`): VitePress/VuePress and markdown-it-container
//! callouts, and pandoc's fenced divs (`::: {.warning}`). Chinese documentation sites are
//! mostly built with these tools, so their pages are full of them; CommonMark knows none
//! and would print the fences as text (and T2 would turn `:::` into `：：：`).
//!
//! A callout (`tip`, `info`, `warning`, `danger`, `details`, `note`, …) becomes a block quote
//! whose first line is its title in bold (the given title, or the kind's Chinese name); any
//! other container (`code-group`, `v-pre`, `{.class}` without a callout kind) keeps its
//! content and loses only the fences. The rewrite is line for line, so source lines in
//! warnings stay right, and it never looks inside fenced code.

use std::borrow::Cow;

/// The Chinese title of a callout kind, or `None` for a plain wrapper.
fn callout_title(kind: &str) -> Option<&'static str> {
    Some(match kind.to_ascii_lowercase().as_str() {
        "tip" | "hint" => "提示",
        "info" => "信息",
        "note" => "注",
        "important" => "重要",
        "warning" | "caution" | "attention" => "注意",
        "danger" | "error" => "警告",
        "details" => "详细信息",
        "example" => "示例",
        _ => return None,
    })
}

/// GitHub alert kinds (`> [!NOTE]`) by their Chinese title.
pub fn alert_title(kind: pulldown_cmark::BlockQuoteKind) -> &'static str {
    use pulldown_cmark::BlockQuoteKind as K;
    match kind {
        K::Note => "注",
        K::Tip => "提示",
        K::Important => "重要",
        K::Warning => "注意",
        K::Caution => "警告",
    }
}

/// One open container: its fence length and whether it is a quote.
struct Open {
    colons: usize,
    quote: bool,
}

/// The number of leading colons of a fence line (at least 3), and the rest of the line.
fn fence(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let colons = t.len() - t.trim_start_matches(':').len();
    (colons >= 3).then(|| (colons, t[colons..].trim()))
}

/// A code fence opener (```` ``` ```` or `~~~`, at least three), as its char and length.
fn code_fence(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return None;
    }
    let c = t.chars().next()?;
    if c != '`' && c != '~' {
        return None;
    }
    let n = t.len() - t.trim_start_matches(c).len();
    (n >= 3).then_some((c, n))
}

/// Splits a container opener's info into (kind, title): `tip 标题`, `{.warning}`,
/// `warning title`, `details`.
fn kind_and_title(info: &str) -> (String, String) {
    let info = info.trim_end_matches(':').trim();
    if let Some(attrs) = info.strip_prefix('{') {
        let attrs = attrs.trim_end_matches('}');
        let kind = attrs
            .split_whitespace()
            .find_map(|a| a.strip_prefix('.'))
            .unwrap_or("")
            .to_string();
        return (kind, String::new());
    }
    match info.split_once(char::is_whitespace) {
        Some((k, t)) => (k.to_string(), t.trim().to_string()),
        None => (info.to_string(), String::new()),
    }
}

/// Rewrites `:::` containers as block quotes (callouts) or bare content, line for line.
/// Text without a `:::` line comes back borrowed.
pub fn rewrite(body: &str) -> Cow<'_, str> {
    if !body.lines().any(|l| fence(l).is_some()) {
        return Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len() + 64);
    let mut open: Vec<Open> = Vec::new();
    let mut code: Option<(char, usize)> = None;
    for line in body.split_inclusive('\n') {
        let (text, nl) = match line.strip_suffix('\n') {
            Some(t) => (t, "\n"),
            None => (line, ""),
        };
        let prefix: String = open.iter().filter(|o| o.quote).map(|_| "> ").collect();
        if let Some((c, n)) = code {
            if code_fence(text).is_some_and(|(c2, n2)| c2 == c && n2 >= n)
                && text.trim_start().trim_start_matches(c).trim().is_empty()
            {
                code = None;
            }
            out.push_str(&prefix);
            out.push_str(text);
            out.push_str(nl);
            continue;
        }
        if let Some(f) = code_fence(text) {
            code = Some(f);
            out.push_str(&prefix);
            out.push_str(text);
            out.push_str(nl);
            continue;
        }
        match fence(text) {
            Some((colons, "")) if open.last().is_some_and(|o| colons >= o.colons) => {
                open.pop();
                // The closing fence becomes a blank line, which ends the quote.
                let prefix: String = open.iter().filter(|o| o.quote).map(|_| "> ").collect();
                out.push_str(prefix.trim_end());
            }
            Some((colons, info)) if !info.is_empty() => {
                let (kind, title) = kind_and_title(info);
                let quote = callout_title(&kind).is_some();
                out.push_str(&prefix);
                if let Some(default) = callout_title(&kind) {
                    let title = if title.is_empty() { default } else { &title };
                    out.push_str("> **");
                    out.push_str(&title.replace('*', "\\*"));
                    out.push_str("**");
                }
                open.push(Open { colons, quote });
            }
            _ => {
                out.push_str(&prefix);
                out.push_str(text);
            }
        }
        out.push_str(nl);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn callout_becomes_a_quote_with_its_title_line_for_line() {
        let src = "前文\n\n::: tip 小提示\n内容一\n\n- 列表\n:::\n\n后文\n";
        let out = rewrite(src);
        assert_eq!(out.lines().count(), src.lines().count());
        assert_eq!(
            out,
            "前文\n\n> **小提示**\n> 内容一\n> \n> - 列表\n\n\n后文\n"
        );
    }

    #[test]
    fn kind_without_title_gets_its_chinese_name() {
        assert!(rewrite(":::warning\n小心\n:::\n").starts_with("> **注意**\n> 小心\n"));
        assert!(rewrite("::: {.note}\n说明\n:::\n").starts_with("> **注**\n"));
    }

    #[test]
    fn unknown_container_keeps_content_without_fences() {
        let out = rewrite("::: code-group\n```js\n:::\n```\n:::\n正文\n");
        assert_eq!(out, "\n```js\n:::\n```\n\n正文\n");
    }

    #[test]
    fn nested_callouts_nest_quotes() {
        let out = rewrite(":::: info\n外\n::: tip\n内\n:::\n::::\n");
        assert_eq!(out, "> **信息**\n> 外\n> > **提示**\n> > 内\n>\n\n");
    }

    #[test]
    fn fences_inside_code_are_left_alone() {
        let src = "```md\n::: tip\n:::\n```\n";
        assert_eq!(rewrite(src), src);
    }

    #[test]
    fn github_alert_and_container_become_titled_quotes_in_the_ast() {
        use crate::ast::{Block, Inline};
        let src = "> [!WARNING]\n> 不要删除。\n\n::: tip\n试试看。\n:::\n";
        let doc = crate::read::markdown::parse(src, &mut crate::log::Log::default());
        let titles: Vec<String> = doc
            .blocks
            .iter()
            .map(|b| match b {
                Block::Quote(q) => match &q.blocks[0] {
                    Block::Para(p) => match &p.content[0] {
                        Inline::Strong(s) => crate::ast::plain_text(s),
                        other => panic!("title is not bold: {other:?}"),
                    },
                    other => panic!("quote starts with {other:?}"),
                },
                other => panic!("not a quote: {other:?}"),
            })
            .collect();
        assert_eq!(titles, ["注意", "提示"]);
    }
}
