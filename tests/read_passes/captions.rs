//! Issue 10 item 4: the captions pass decides each figure's caption once — the image title,
//! else a following `图 N` line (the line is then no paragraph of its own), or a `图 N` line
//! in the image's own paragraph — and leaves prose and table captions alone.

use paiban::ast::{Block, Document, Figure};
use paiban::log::Log;
use paiban::passes::{self, captions, PassOptions};
use paiban::read::{read_bytes, InputFormat};
use std::path::Path;

/// Reads Markdown and runs every pass (clean-up and structure off when `plain`).
fn run(md: &str, plain: bool) -> Document {
    let doc = read_bytes(
        md.as_bytes(),
        Path::new("t.md"),
        InputFormat::Markdown,
        None,
    )
    .unwrap();
    let opts = PassOptions {
        cleanup: !plain,
        infer_structure: !plain,
    };
    passes::run(doc, &opts, &mut Log::default())
}

fn figures(doc: &Document) -> Vec<Figure> {
    let mut out = Vec::new();
    paiban::ast::visit_blocks(doc, &mut |b| {
        if let Block::Figure(f) = b {
            out.push(f.clone());
        }
    });
    out
}

fn paras(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    paiban::ast::visit_blocks(doc, &mut |b| {
        if let Block::Para(p) = b {
            out.push(paiban::ast::plain_text(&p.content));
        }
    });
    out
}

#[test]
fn caption_from_the_image_title() {
    for plain in [false, true] {
        let doc = run("![架构](a.png \"图 1 系统架构\")\n\n正文。\n", plain);
        let f = figures(&doc);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].title.as_deref(), Some("图 1 系统架构"));
        assert_eq!(paras(&doc), ["正文。"]);
    }
}

#[test]
fn caption_from_a_following_figure_line_which_is_no_paragraph_then() {
    for plain in [false, true] {
        let doc = run("![架构](a.png)\n\n图2-1：系统架构\n\n正文。\n", plain);
        let f = figures(&doc);
        assert_eq!(
            f[0].title.as_deref(),
            Some("图2-1：系统架构"),
            "plain {plain}"
        );
        assert_eq!(paras(&doc), ["正文。"]);
        let doc = run("![overview](a.png)\n\nFigure 3. Overview\n", plain);
        assert_eq!(
            figures(&doc)[0].title.as_deref(),
            Some("Figure 3. Overview")
        );
        assert!(paras(&doc).is_empty());
    }
}

#[test]
fn an_image_and_a_figure_line_in_one_paragraph_are_a_captioned_figure() {
    let doc = run("前文。\n\n![流程](b.svg)\n图 3 处理流程\n\n正文。\n", false);
    let f = figures(&doc);
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].src.as_str(), f[0].alt.as_str()), ("b.svg", "流程"));
    assert_eq!(f[0].title.as_deref(), Some("图 3 处理流程"));
    assert_eq!(paras(&doc), ["前文。", "正文。"]);
}

#[test]
fn prose_table_captions_and_titled_figures_keep_their_paragraphs() {
    // A sentence about the figure, a table caption, a second caption after a titled image.
    let md = "![a](a.png)\n\n图 2 说明了系统的组成。\n\n![b](b.png)\n\n表 3-1 参数\n\n\
![c](c.png \"图 4 标题\")\n\n图 5 另一行\n";
    let doc = run(md, false);
    let titles: Vec<Option<String>> = figures(&doc).into_iter().map(|f| f.title).collect();
    assert_eq!(titles, [None, None, Some("图 4 标题".into())]);
    assert_eq!(
        paras(&doc),
        ["图 2 说明了系统的组成。", "表 3-1 参数", "图 5 另一行"]
    );
}

#[test]
fn the_caption_recogniser_is_shared_by_figures_and_tables() {
    use captions::{caption_label, CaptionKind};
    assert_eq!(caption_label("表 3-1 参数"), Some(CaptionKind::Table));
    assert_eq!(caption_label("Table 2: Results"), Some(CaptionKind::Table));
    assert_eq!(caption_label("图2 架构"), Some(CaptionKind::Figure));
    assert_eq!(caption_label("图书馆"), None);
}

#[test]
fn the_captions_pass_is_idempotent() {
    let md = "![a](a.png)\n\n图 1 甲\n\n图 2 乙\n\n![b](b.png)\n图 3 丙\n";
    let doc = run(md, true);
    let again = captions::run(doc.clone(), &mut Log::default());
    assert_eq!(doc, again);
    // The second 图 line stays a paragraph: a figure takes at most one caption line.
    assert_eq!(paras(&doc), ["图 2 乙"]);
}
