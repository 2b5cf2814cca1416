//! Raw HTML inside Markdown → AST inlines (issue 10): one reading of the HTML subset that
//! every backend then renders the same way. Tokenised by `html5gum` (a WHATWG tokenizer:
//! entities, attributes without quotes, comments and `<script>` text as a browser sees
//! them), never by pattern matching.
//!
//! pulldown-cmark splits inline HTML into separate events (`<sup>`, text, `</sup>`), so
//! [`OpenTags`] keeps the elements opened by one event until the event that closes them.
//! Block HTML comes whole and goes through [`super::html_blocks`].

use super::cjk_emphasis::{self, LITERAL_STAR};
use crate::ast::{plain_text, Image, Inline, Link, Ruby};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::collections::{BTreeMap, BTreeSet};

/// Attributes of a start tag, names lower-cased by the tokenizer.
pub(super) type Attrs = BTreeMap<String, String>;

/// One HTML token.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// A start tag; `void` for elements that never have content (`br`, `img`) or `<x/>`.
    Open {
        /// Lower-case tag name.
        name: String,
        /// Attribute values with entities decoded.
        attrs: Attrs,
        /// No end tag follows.
        void: bool,
    },
    /// An end tag.
    Close(String),
    /// Text with entities decoded.
    Text(String),
}

/// Elements without content in HTML.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose text is not document text (style sheets, scripts): dropped with it.
pub(super) const DROPPED: &[&str] = &["script", "style", "template", "noscript", "head", "title"];

/// Elements read into the AST (or, for structure, whose children are kept) without a
/// warning; every other tag keeps its text content and is named in the W-HTML warning.
const KNOWN: &[&str] = &[
    "sup",
    "sub",
    "br",
    "wbr",
    "kbd",
    "code",
    "tt",
    "samp",
    "em",
    "i",
    "strong",
    "b",
    "u",
    "ins",
    "s",
    "del",
    "strike",
    "mark",
    "small",
    "a",
    "img",
    "span",
    "p",
    "div",
    "details",
    "summary",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "colgroup",
    "col",
    "ruby",
    "rt",
    "rp",
    "rb",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "li",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "center",
    "figure",
    "figcaption",
    "picture",
    "source",
    "html",
    "body",
];

/// Tokens of a piece of raw HTML; comments and doctypes are dropped here, silently.
pub(super) fn tokens(src: &str) -> Vec<Tok> {
    let mut emitter = DefaultEmitter::default();
    // `<script>`/`<style>` content is raw text, as in a browser.
    emitter.naively_switch_states(true);
    let mut out = Vec::new();
    for token in Tokenizer::new_with_emitter(src, emitter).flatten() {
        match token {
            Token::StartTag(t) => {
                let name = string(&t.name);
                let attrs = t
                    .attributes
                    .iter()
                    .map(|(k, v)| (string(k), string(v)))
                    .collect();
                let void = t.self_closing || VOID.contains(&name.as_str());
                out.push(Tok::Open { name, attrs, void });
            }
            Token::EndTag(t) => out.push(Tok::Close(string(&t.name))),
            Token::String(s) => match out.last_mut() {
                Some(Tok::Text(prev)) => prev.push_str(&string(&s)),
                _ => out.push(Tok::Text(string(&s))),
            },
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    out
}

fn string(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The tags met that paiban does not read, for the one W-HTML warning of a document.
#[derive(Debug, Default)]
pub(super) struct Unknown {
    /// Source line of the first one.
    pub first_line: Option<usize>,
    /// Tag names whose text was kept.
    pub kept: BTreeSet<String>,
    /// Tag names whose content was dropped (scripts, style sheets).
    pub dropped: BTreeSet<String>,
}

impl Unknown {
    /// Notes the tag `name` met on `line` when paiban does not read it.
    pub fn note(&mut self, name: &str, line: usize) {
        let list = if DROPPED.contains(&name) {
            &mut self.dropped
        } else if KNOWN.contains(&name) {
            return;
        } else {
            &mut self.kept
        };
        list.insert(name.to_string());
        self.first_line.get_or_insert(line);
    }

    /// The warning text, when there is something to say.
    pub fn message(&self) -> Option<String> {
        let tags = |s: &BTreeSet<String>| {
            s.iter()
                .map(|t| format!("<{t}>"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut parts = Vec::new();
        if !self.kept.is_empty() {
            parts.push(format!("{} kept as plain text", tags(&self.kept)));
        }
        if !self.dropped.is_empty() {
            parts.push(format!(
                "{} left out with their content",
                tags(&self.dropped)
            ));
        }
        (!parts.is_empty()).then(|| {
            format!(
                "raw HTML not read by paiban (first on this line): {}",
                parts.join("; ")
            )
        })
    }
}

/// The inlines an element stands for, given its already-read children.
pub(super) fn element(name: &str, attrs: &Attrs, children: Vec<Inline>) -> Vec<Inline> {
    let attr = |k: &str| attrs.get(k).filter(|v| !v.is_empty()).cloned();
    let verbatim = |c: &[Inline]| plain_text(c).replace(LITERAL_STAR, "*");
    let node = match name {
        "sup" => Inline::Superscript(children),
        "sub" => Inline::Subscript(children),
        "u" | "ins" => Inline::Underline(children),
        "s" | "del" | "strike" => Inline::Strike(children),
        "mark" => Inline::Mark(children),
        "small" => Inline::Small(children),
        "em" | "i" => Inline::Emph(children),
        "strong" | "b" => Inline::Strong(children),
        "code" | "tt" | "samp" => Inline::Code(verbatim(&children)),
        "kbd" => Inline::Kbd(verbatim(&children)),
        "br" => Inline::LineBreak,
        "img" => Inline::Image(Image {
            src: attr("src").unwrap_or_default(),
            alt: attrs.get("alt").cloned().unwrap_or_default(),
            title: attr("title"),
        }),
        // `<a name>`/`<a id>` anchors have no target: their text stays.
        "a" => match attr("href") {
            Some(url) => Inline::Link(Link {
                url,
                title: attr("title"),
                content: children,
            }),
            None => return children,
        },
        // A reading waits for its base in the enclosing `<ruby>` (see [`ruby`]).
        "rt" => Inline::Ruby(Ruby {
            base: String::new(),
            text: verbatim(&children).trim().to_string(),
        }),
        "ruby" => return ruby(children),
        // Fallback parentheses: the backends draw the reading as ruby or add their own.
        "rp" => return Vec::new(),
        _ if DROPPED.contains(&name) => return Vec::new(),
        // `span`, `p`, `div` and unknown elements: the content stays.
        _ => return children,
    };
    vec![node]
}

/// Readings (`<rt>`) outside a `<ruby>` have no base: they become text in parentheses, so
/// no reading waits for a base that never comes.
pub(super) fn stray_readings(inlines: &mut [Inline]) {
    for i in inlines {
        if let Inline::Ruby(r) = i {
            if r.base.is_empty() {
                *i = Inline::Text(format!("（{}）", r.text));
            }
        }
    }
}

/// Pairs each reading (`<rt>`) with the text before it since the previous reading:
/// `<ruby>漢<rt>hàn</rt>字<rt>zì</rt></ruby>` is two ruby annotations.
fn ruby(children: Vec<Inline>) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut base: Vec<Inline> = Vec::new();
    for c in children {
        match c {
            Inline::Ruby(r) if r.base.is_empty() => {
                let text = plain_text(&base).trim().to_string();
                base.clear();
                if text.is_empty() {
                    out.push(Inline::Text(format!("（{}）", r.text)));
                } else {
                    out.push(Inline::Ruby(Ruby {
                        base: text,
                        text: r.text,
                    }));
                }
            }
            other => base.push(other),
        }
    }
    out.extend(base);
    out
}

/// Inline elements opened by one raw HTML event and not yet closed, innermost last: the
/// Markdown content between the events becomes their children.
#[derive(Debug, Default)]
pub(super) struct OpenTags {
    frames: Vec<Frame>,
    /// Content met nesting deeper than allowed (kept one level up): W-DEPTH.
    pub too_deep: bool,
}

#[derive(Debug)]
struct Frame {
    name: String,
    attrs: Attrs,
    /// The content before the element opened.
    saved: Vec<Inline>,
    /// Levels of nesting left for the element's content.
    room: usize,
    /// Inside a dropped element (`<script>`): content is discarded.
    dropped: bool,
}

impl OpenTags {
    /// Reads one raw HTML event into `out`. `room` is how many more levels of nesting
    /// are allowed; past that a tag is ignored (its content stays) and `too_deep` is set.
    pub fn feed(
        &mut self,
        html: &str,
        out: &mut Vec<Inline>,
        unknown: &mut Unknown,
        line: usize,
        room: usize,
    ) {
        for tok in tokens(html) {
            match tok {
                Tok::Open { name, attrs, void } => {
                    unknown.note(&name, line);
                    if void {
                        let nodes = element(&name, &attrs, Vec::new());
                        out.extend(nodes);
                    } else if self.frames.len() + 1 >= room {
                        self.too_deep = true;
                    } else {
                        let dropped = DROPPED.contains(&name.as_str());
                        let saved = std::mem::take(out);
                        self.frames.push(Frame {
                            room: room - self.frames.len() - 1,
                            name,
                            attrs,
                            saved,
                            dropped,
                        });
                    }
                }
                Tok::Close(name) => {
                    if let Some(k) = self.frames.iter().rposition(|f| f.name == name) {
                        while self.frames.len() > k {
                            self.close_one(out);
                        }
                    }
                }
                Tok::Text(t) => out.push(Inline::Text(t)),
            }
        }
    }

    /// Closes every element still open (HTML closes them at the end of their parent).
    pub fn close_all(&mut self, out: &mut Vec<Inline>) {
        while !self.frames.is_empty() {
            self.close_one(out);
        }
    }

    fn close_one(&mut self, out: &mut Vec<Inline>) {
        let f = self.frames.pop().expect("caller checked");
        let mut children = std::mem::replace(out, f.saved);
        if f.name != "ruby" {
            stray_readings(&mut children);
        }
        // T6: `*` pairs inside the element, as inside `~~…~~` or a link; elements that
        // only keep their content leave that to the enclosing container.
        let styling = matches!(
            f.name.as_str(),
            "sup"
                | "sub"
                | "u"
                | "ins"
                | "s"
                | "del"
                | "strike"
                | "mark"
                | "small"
                | "em"
                | "i"
                | "strong"
                | "b"
        );
        if styling || (f.name == "a" && f.attrs.contains_key("href")) {
            self.too_deep |= cjk_emphasis::repair(&mut children, true, f.room);
        }
        let nodes = if f.dropped {
            Vec::new()
        } else {
            element(&f.name, &f.attrs, children)
        };
        for n in nodes {
            match (out.last_mut(), n) {
                (Some(Inline::Text(prev)), Inline::Text(t)) => prev.push_str(&t),
                (_, n) => out.push(n),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn tokens_decode_entities_and_drop_comments() {
        let toks = tokens("<a href=x&amp;y>a&lt;b</a><!-- no -->");
        assert_eq!(toks.len(), 3);
        assert!(
            matches!(&toks[0], Tok::Open { name, attrs, .. } if name == "a" && attrs["href"] == "x&y")
        );
        assert_eq!(toks[1], Tok::Text("a<b".into()));
        assert_eq!(toks[2], Tok::Close("a".into()));
    }

    #[test]
    fn stitched_across_events() {
        let mut open = OpenTags::default();
        let mut u = Unknown::default();
        let mut out = vec![t("2")];
        open.feed("<sup>", &mut out, &mut u, 1, 64);
        out.push(t("n"));
        open.feed("</sup>", &mut out, &mut u, 1, 64);
        assert_eq!(out, vec![t("2"), Inline::Superscript(vec![t("n")])]);
        assert!(u.message().is_none());
    }

    #[test]
    fn ruby_pairs_each_reading_with_its_base() {
        let got = ruby(vec![
            t("漢"),
            element("rt", &Attrs::new(), vec![t("hàn")])[0].clone(),
            t("字"),
            element("rt", &Attrs::new(), vec![t("zì")])[0].clone(),
        ]);
        let r = |b: &str, x: &str| {
            Inline::Ruby(Ruby {
                base: b.into(),
                text: x.into(),
            })
        };
        assert_eq!(got, vec![r("漢", "hàn"), r("字", "zì")]);
    }
}
