//! EPUB edge cases, each checked by epubcheck: an empty document, one long article cut at
//! its level-1 headings (`split_level`), and content that cannot be kept as it is (raw HTML,
//! undefined notes and anchors, missing images) — kept as text with a warning.

use crate::support::epub::*;
use crate::support::unzip;
use paiban::ast::*;
use paiban::backend::RenderOptions;

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn para(content: Vec<Inline>) -> Block {
    Block::Para(Para { content, line: 7 })
}

fn h(level: u8, text: &str) -> Block {
    Block::Heading(Heading {
        level,
        scale: HeadingScale::Numbered(level),
        content: vec![t(text)],
        run_in: vec![],
        id: String::new(),
        line: 3,
    })
}

fn clean(
    doc: &Document,
    opts: &RenderOptions,
    name: &str,
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let (bytes, _) = render(doc, opts, &fixtures());
    let (errors, warnings, out) = epubcheck(&bytes, name);
    assert_eq!((errors, warnings), (0, 0), "{name}: {out}");
    unzip(&bytes)
}

#[test]
fn empty_document_is_a_valid_book() {
    let files = clean(
        &Document::default(),
        &RenderOptions::default(),
        "empty.epub",
    );
    assert!(text(&files, "EPUB/nav.xhtml").contains("c001.xhtml"));
}

#[test]
fn lone_article_is_cut_at_split_level_headings() {
    let article = Article {
        title: vec![t("长文")],
        subtitle: None,
        body: vec![
            h(1, "一、甲"),
            para(vec![t("甲文。")]),
            h(2, "（一）甲一"),
            para(vec![t("甲一文。")]),
            h(1, "二、乙"),
            para(vec![t("乙文。")]),
            h(1, "三、丙"),
            para(vec![t("丙文。")]),
        ],
        bylines: vec![Byline {
            name: "王五".into(),
            affiliation: String::new(),
            line: 9,
        }],
        id: String::new(),
        line: 1,
    };
    let doc = Document {
        blocks: vec![Block::Article(article)],
        ..Document::default()
    };
    let files = clean(&doc, &RenderOptions::default(), "split.epub");
    assert!(files.contains_key("EPUB/c003.xhtml") && !files.contains_key("EPUB/c004.xhtml"));
    assert!(text(&files, "EPUB/c001.xhtml").contains("（一）甲一"));
    assert!(
        text(&files, "EPUB/c003.xhtml").contains("王五"),
        "bylines close the article"
    );
    let nav = text(&files, "EPUB/nav.xhtml");
    assert!(nav.contains("c002.xhtml#") && nav.contains(">二、乙</a>"));
    let opts = RenderOptions {
        split_level: 2,
        ..RenderOptions::default()
    };
    let files = clean(&doc, &opts, "split2.epub");
    assert!(files.contains_key("EPUB/c004.xhtml"), "level 2 cuts too");
}

#[test]
fn unusable_content_becomes_text_with_warnings() {
    let doc = Document {
        blocks: vec![para(vec![
            t("见"),
            Inline::Link(Link {
                url: "#nowhere".into(),
                title: None,
                content: vec![t("无此处")],
            }),
            Inline::NoteRef("missing".into()),
            t("图"),
            Inline::Image(Image {
                src: "dot.svg".into(),
                alt: "红点".into(),
                title: None,
            }),
            Inline::Image(Image {
                src: "gone.png".into(),
                alt: "缺图".into(),
                title: None,
            }),
            Inline::LineBreak,
            t("完。"),
        ])],
        notes: vec![Footnote {
            label: "unused".into(),
            blocks: vec![para(vec![t("没人引用。")])],
            line: 8,
        }],
        ..Document::default()
    };
    let (_, log) = render(&doc, &RenderOptions::default(), &fixtures());
    let files = clean(&doc, &RenderOptions::default(), "edge.epub");
    let c1 = text(&files, "EPUB/c001.xhtml");
    assert!(
        c1.contains(
            "<p>见无此处[missing]图<img src=\"images/img001.svg\" alt=\"红点\"/>缺图<br/>完。</p>"
        ),
        "{c1}"
    );
    assert!(!c1.contains("没人引用"));
    assert!(text(&files, "EPUB/content.opf").contains("media-type=\"image/svg+xml\""));
    let warned = |s: &str| log.warnings().any(|e| e.message.contains(s));
    for s in ["#nowhere", "[^missing]", "gone.png", "[^unused]"] {
        assert!(warned(s), "no warning about {s}: {:?}", log.entries);
    }
    assert!(
        log.warnings().any(|e| e.line == 7),
        "warnings carry source lines"
    );
}
