//! The writer needs nothing from EPUB: a trivial host (no files, ids from the source, no
//! images) is enough to render blocks.

use super::{Writer, XhtmlHost};
use crate::ast::{
    Article, Block, CodeBlock, Document, Footnote, Heading, HeadingScale, Inline, Link, List,
    ListItem, Para, Quote,
};
use crate::log::Log;
use crate::style::{FontRole, Style};
use std::collections::BTreeMap;

/// One page holding everything: ids as written, images never shown, notes as `[n]`.
#[derive(Default)]
struct OnePage {
    chars: BTreeMap<FontRole, String>,
    images_asked: Vec<String>,
}

impl XhtmlHost for OnePage {
    const LOG_TAG: &'static str = "test";
    const FORMAT_NAME: &'static str = "page";
    const CONTAINER: &'static str = "page";

    fn article_id<'a>(&'a self, _: &'a Article) -> Option<&'a str> {
        None
    }

    fn heading_id<'a>(&'a self, h: &'a Heading) -> Option<&'a str> {
        Some(&h.id).filter(|id| !id.is_empty()).map(String::as_str)
    }

    fn headings_below_title(&self) -> bool {
        false
    }

    fn fragment_href(&self, fragment: &str) -> Option<String> {
        (fragment == "sec").then(|| "#sec".to_string())
    }

    fn image_src(&mut self, src: &str, _: &mut Log, _: usize) -> Option<String> {
        self.images_asked.push(src.to_string());
        None
    }

    fn record_chars(&mut self, role: FontRole, text: &str) {
        self.chars.entry(role).or_default().push_str(text);
    }

    fn note_ref(&mut self, label: &str, role: FontRole) -> String {
        self.record_chars(role, label);
        format!("<sup>[{label}]</sup>")
    }
}

fn text(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn para(content: Vec<Inline>) -> Block {
    Block::Para(Para { content, line: 2 })
}

#[test]
fn renders_blocks_through_a_host_without_epub() {
    let doc = Document {
        notes: vec![Footnote {
            label: "1".into(),
            blocks: vec![para(vec![text("注")])],
            line: 9,
        }],
        ..Document::default()
    };
    let blocks = vec![
        Block::Heading(Heading {
            level: 1,
            scale: HeadingScale::Numbered(1),
            content: vec![text("一、总则")],
            run_in: vec![],
            id: "sec".into(),
            line: 1,
        }),
        para(vec![
            text("见"),
            Inline::Link(Link {
                url: "#sec".into(),
                title: None,
                content: vec![text("总则")],
            }),
            Inline::AutoSpace,
            text("A——B"),
            Inline::Strong(vec![text("重点")]),
            Inline::Emph(vec![text("着重ab")]),
            Inline::NoteRef("1".into()),
            Inline::Image(crate::ast::Image {
                src: "x.png".into(),
                alt: "图".into(),
                title: None,
            }),
        ]),
        Block::Quote(Quote {
            blocks: vec![para(vec![Inline::Strong(vec![text("引")])])],
            line: 3,
        }),
        Block::List(List {
            start: Some(1),
            tight: true,
            items: vec![ListItem {
                checked: None,
                blocks: vec![para(vec![text("项")])],
            }],
            line: 4,
        }),
        Block::Code(CodeBlock {
            lang: Some("rust".into()),
            text: "a<b".into(),
            line: 5,
        }),
    ];
    let style = Style::default();
    let mut log = Log::default();
    let mut w = Writer::new(OnePage::default(), &doc, &style, &mut log);
    w.blocks(&blocks);
    let out = w.out.clone();
    let host = w.host;

    assert_eq!(
        out,
        "<h1 class=\"h1\" id=\"sec\">一、总则</h1>\n\
<p>见<a href=\"#sec\">总则</a> A<span class=\"nw\">——</span>B<strong>重点</strong>\
<em>着重<span class=\"w\">ab</span></em><sup>[1]</sup>图</p>\n\
<blockquote>\n<p><strong class=\"hei\">引</strong></p>\n</blockquote>\n\
<ol>\n<li><p><span class=\"mk num\">1.</span>项</p>\n</li>\n</ol>\n\
<pre><code class=\"language-rust\"><span class=\"cl\"><span style=\"color:#323232\">a&lt;b</span></span></code></pre>\n"
    );
    assert_eq!(host.images_asked, ["x.png"], "the host decides image paths");
    assert!(host.chars[&FontRole::Mono].contains("a<b"), "code is Mono");
    assert!(
        host.chars[&FontRole::Hei].contains('引'),
        "T24: strong in Kai is Hei"
    );
    assert_eq!(
        log.warnings().count(),
        0,
        "{:?}",
        log.warnings().collect::<Vec<_>>()
    );
}

#[test]
fn links_outside_the_page_keep_their_text_and_warn_with_the_host_names() {
    let doc = Document::default();
    let style = Style::default();
    let mut log = Log::default();
    let mut w = Writer::new(OnePage::default(), &doc, &style, &mut log);
    w.blocks(&[para(vec![Inline::Link(Link {
        url: "other.md".into(),
        title: None,
        content: vec![text("别处")],
    })])]);
    assert_eq!(w.out, "<p>别处</p>\n");
    let warnings: Vec<(&str, &str)> = log
        .warnings()
        .map(|w| (w.source.as_str(), w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(
            "test",
            "link target other.md is not in the page; link text kept"
        )]
    );
}
