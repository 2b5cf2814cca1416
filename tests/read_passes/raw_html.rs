//! Issue 10 item 3: raw HTML in Markdown is read into the AST (html5gum tokens, stitched
//! across pulldown-cmark's events), one reading for every backend.

use paiban::ast::{Block, Document, Image, Inline, Link, Ruby};
use paiban::log::Log;
use paiban::read::{read_bytes_logged, InputFormat};
use std::path::Path;

fn read(src: &str) -> (Document, Log) {
    let mut log = Log::default();
    let doc = read_bytes_logged(
        src.as_bytes(),
        Path::new("t.md"),
        InputFormat::Markdown,
        None,
        &mut log,
    )
    .unwrap();
    (doc, log)
}

/// The inlines of a one-paragraph document.
fn para(src: &str) -> Vec<Inline> {
    let (doc, log) = read(src);
    assert_eq!(log.warnings().count(), 0, "{:?}", log.entries);
    match doc.blocks.as_slice() {
        [Block::Para(p)] => p.content.clone(),
        other => panic!("not one paragraph: {other:?}"),
    }
}

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

#[test]
fn superscript_and_subscript_are_stitched_across_events() {
    assert_eq!(
        para("2<sup>n</sup>个"),
        vec![t("2"), Inline::Superscript(vec![t("n")]), t("个")]
    );
    assert_eq!(
        para("H<sub>2</sub>O"),
        vec![t("H"), Inline::Subscript(vec![t("2")]), t("O")]
    );
    // Markdown inside the element stays Markdown.
    assert_eq!(
        para("x<sup>**2**</sup>"),
        vec![
            t("x"),
            Inline::Superscript(vec![Inline::Strong(vec![t("2")])])
        ]
    );
}

#[test]
fn each_inline_tag_of_the_list() {
    let c = |tag: &str| para(&format!("甲<{tag}>乙</{tag}>丙"))[1].clone();
    let inner = || vec![t("乙")];
    assert_eq!(c("u"), Inline::Underline(inner()));
    assert_eq!(c("ins"), Inline::Underline(inner()));
    assert_eq!(c("s"), Inline::Strike(inner()));
    assert_eq!(c("del"), Inline::Strike(inner()));
    assert_eq!(c("mark"), Inline::Mark(inner()));
    assert_eq!(c("small"), Inline::Small(inner()));
    assert_eq!(c("em"), Inline::Emph(inner()));
    assert_eq!(c("i"), Inline::Emph(inner()));
    assert_eq!(c("strong"), Inline::Strong(inner()));
    assert_eq!(c("b"), Inline::Strong(inner()));
    assert_eq!(c("code"), Inline::Code("乙".into()));
    assert_eq!(c("kbd"), Inline::Kbd("乙".into()));
    // span keeps its content, nothing else.
    assert_eq!(para("甲<span class=\"x\">乙</span>丙"), vec![t("甲乙丙")]);
    assert_eq!(
        para("见<a href=\"https://example.com/?a=1&amp;b=2\" title=\"站\">网站</a>。"),
        vec![
            t("见"),
            Inline::Link(Link {
                url: "https://example.com/?a=1&b=2".into(),
                title: Some("站".into()),
                content: vec![t("网站")],
            }),
            t("。"),
        ]
    );
    assert_eq!(
        para("上<br>下<br/>底"),
        vec![
            t("上"),
            Inline::LineBreak,
            t("下"),
            Inline::LineBreak,
            t("底")
        ]
    );
    assert_eq!(
        para("图<img src=\"a.png\" alt=\"示意\">在此"),
        vec![
            t("图"),
            Inline::Image(Image {
                src: "a.png".into(),
                alt: "示意".into(),
                title: None,
            }),
            t("在此"),
        ]
    );
}

#[test]
fn ruby_pairs_base_and_reading() {
    let r = |b: &str, x: &str| {
        Inline::Ruby(Ruby {
            base: b.into(),
            text: x.into(),
        })
    };
    assert_eq!(
        para("<ruby>汉<rp>(</rp><rt>hàn</rt><rp>)</rp>字<rt>zì</rt></ruby>的读音"),
        vec![r("汉", "hàn"), r("字", "zì"), t("的读音")]
    );
}

#[test]
fn comments_vanish_silently() {
    let (doc, log) = read("<!-- 整块注释 -->\n\n正文<!-- 行内注释 -->继续。\n");
    assert_eq!(log.warnings().count(), 0, "{:?}", log.entries);
    assert_eq!(doc.blocks.len(), 1, "{:?}", doc.blocks);
    let Block::Para(p) = &doc.blocks[0] else {
        panic!("{:?}", doc.blocks)
    };
    assert_eq!(p.content, vec![t("正文继续。")]);
}

#[test]
fn unknown_tags_keep_their_text_with_one_warning() {
    let src = "甲\n\n乙<font color=red>红字</font>丙\n\n<blink>闪</blink>和<font>又一个</font>\n\n<style>p{color:red}</style>\n";
    let (doc, log) = read(src);
    let warnings: Vec<_> = log.warnings().collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].source, "W-HTML");
    assert_eq!(warnings[0].line, 3, "the first line with an unknown tag");
    for tag in ["<font>", "<blink>", "<style>"] {
        assert!(warnings[0].message.contains(tag), "{}", warnings[0].message);
    }
    let text: String = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => paiban::ast::plain_text(&p.content),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(text, "甲乙红字丙闪和又一个", "style sheet text is left out");
}

#[test]
fn block_html_p_div_details_headings_lists() {
    let src = "<div class=\"note\">\n<p>第一段。</p>\n<p>第二段\n接续。</p>\n</div>\n\n\
<details>\n<summary>点击展开</summary>\n\n展开的**正文**。\n\n</details>\n\n\
<h2 id=\"x\">小节</h2>\n\n<ul><li>一</li><li>二</ul>\n\n<ol start=\"3\"><li>三</ol>\n\n\
<blockquote>引文</blockquote>\n\n<pre><code class=\"language-rust\">fn main() {\n    x();\n}</code></pre>\n\n<hr>\n";
    let (doc, log) = read(src);
    assert_eq!(log.warnings().count(), 0, "{:?}", log.entries);
    let b = &doc.blocks;
    let text = |b: &Block| match b {
        Block::Para(p) => paiban::ast::plain_text(&p.content),
        other => panic!("{other:?}"),
    };
    assert_eq!(text(&b[0]), "第一段。");
    assert!(matches!(&b[1], Block::Para(p) if p.content.contains(&Inline::SoftBreak)));
    let Block::Para(summary) = &b[2] else {
        panic!("{b:?}")
    };
    assert_eq!(summary.content, vec![Inline::Strong(vec![t("点击展开")])]);
    assert!(
        matches!(&b[3], Block::Para(p) if p.content.contains(&Inline::Strong(vec![t("正文")]))),
        "Markdown between HTML blocks stays Markdown: {:?}",
        b[3]
    );
    assert!(
        matches!(&b[4], Block::Heading(h) if h.level == 2 && h.id == "x" && h.content == vec![t("小节")])
    );
    assert!(matches!(&b[5], Block::List(l) if l.start.is_none() && l.items.len() == 2));
    assert!(matches!(&b[6], Block::List(l) if l.start == Some(3) && l.items.len() == 1));
    assert!(matches!(&b[7], Block::Quote(q) if text(&q.blocks[0]) == "引文"));
    assert!(
        matches!(&b[8], Block::Code(c) if c.lang.as_deref() == Some("rust") && c.text == "fn main() {\n    x();\n}")
    );
    assert!(matches!(&b[9], Block::Rule(_)));
    assert_eq!(b.len(), 10, "{b:?}");
}

#[test]
fn block_image_alone_is_a_figure() {
    let (doc, _) = read("<p align=\"center\"><img src=\"logo.png\" alt=\"标志\"></p>\n");
    assert!(
        matches!(&doc.blocks[..], [Block::Figure(f)] if f.src == "logo.png" && f.alt == "标志"),
        "{:?}",
        doc.blocks
    );
}

#[test]
fn html_table_into_the_table_ast() {
    let src = "<table>\n<caption>表 2：对照</caption>\n<thead><tr><th>项目</th><th align=\"right\">数值</th></tr></thead>\n\
<tbody><tr><td>甲</td><td>10</td></tr>\n<tr><td><b>乙</b></td><td>20</td></tr></tbody>\n</table>\n";
    let (doc, log) = read(src);
    assert_eq!(log.warnings().count(), 0, "{:?}", log.entries);
    let [Block::Para(caption), Block::Table(table)] = &doc.blocks[..] else {
        panic!("{:?}", doc.blocks)
    };
    assert_eq!(caption.content, vec![t("表 2：对照")]);
    assert_eq!(table.header, vec![vec![t("项目")], vec![t("数值")]]);
    assert_eq!(table.aligns[1], paiban::ast::Align::Right);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[1][0], vec![Inline::Strong(vec![t("乙")])]);
    // A spanning cell is not a simple table: the content stays, as paragraphs.
    let (doc, _) =
        read("<table><tr><td colspan=2>合并</td></tr><tr><td>左</td><td>右</td></tr></table>\n");
    assert!(!doc.blocks.iter().any(|b| matches!(b, Block::Table(_))));
    let all: String = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => paiban::ast::plain_text(&p.content),
            _ => String::new(),
        })
        .collect();
    assert_eq!(all, "合并左右");
}

#[test]
fn deep_html_nesting_is_bounded() {
    let inline = format!("{}深{}\n", "<span>".repeat(3000), "</span>".repeat(3000));
    let sup = format!("x{}深\n", "<sup>".repeat(3000));
    let block = format!("{}深\n", "<div>".repeat(3000));
    for src in [inline, sup, block] {
        let (doc, log) = read(&src);
        let mut text = String::new();
        paiban::ast::visit_blocks(&doc, &mut |b| {
            if let Block::Para(p) = b {
                text.push_str(&paiban::ast::plain_text(&p.content));
            }
        });
        assert!(text.contains('深'), "text kept");
        let warnings: Vec<_> = log.warnings().map(|w| w.source.as_str()).collect();
        assert_eq!(warnings, ["W-DEPTH"], "{:?}", log.entries);
    }
}

/// Every Han character of the document, readings of ruby included.
fn han_of(doc: &Document) -> String {
    let mut all = String::new();
    let inl = |c: &[Inline], all: &mut String| {
        paiban::ast::visit_inlines(c, &mut |i| match i {
            Inline::Text(s) | Inline::Code(s) | Inline::Kbd(s) => all.push_str(s),
            Inline::Ruby(r) => {
                all.push_str(&r.base);
                all.push_str(&r.text);
            }
            _ => {}
        })
    };
    paiban::ast::visit_blocks(doc, &mut |b| match b {
        Block::Para(p) => inl(&p.content, &mut all),
        Block::Heading(h) => inl(&h.content, &mut all),
        Block::Code(c) => all.push_str(&c.text),
        Block::Table(t) => {
            for cell in t.header.iter().chain(t.rows.iter().flatten()) {
                inl(cell, &mut all);
            }
        }
        _ => {}
    });
    all.chars().filter(|c| ('甲'..='丙').contains(c)).collect()
}

proptest::proptest! {
    /// Whatever the tag soup, reading never panics and keeps every Han character, in order
    /// (no element in this alphabet drops its content).
    #[test]
    fn tag_soup_keeps_all_han(s in "(<(sup|sub|span|b|u|mark|small|kbd|ruby|rt|table|tr|td|th|p|div|details|summary|code|a href=x|ul|li|br|h2|blockquote|pre|font)>|</(sup|sub|span|b|u|mark|small|kbd|ruby|rt|table|tr|td|th|p|div|details|summary|code|a|ul|li|h2|blockquote|pre|font)>|[甲乙丙]|\n|\\*| ){0,40}") {
        let (doc, _) = read(&s);
        let expected: String = s.chars().filter(|c| ('甲'..='丙').contains(c)).collect();
        proptest::prop_assert_eq!(han_of(&doc), expected);
    }
}
