//! Block-layout tests on the page model: lists (T19), run-in headings (T22), emphasis
//! dots (T24), tables, footnotes, code, figures, links and front-matter title blocks.

use crate::support::layout::*;
use paiban::ast::*;
use paiban::image::ImageSource;
use paiban::layout::dump::{text_lines, TextLine};
use paiban::layout::page::{ItemKind, LinkTarget, StructKind};
use paiban::layout::{dump, layout, FontSet};
use paiban::log::Log;
use paiban::style::Style;

#[test]
fn t19_list_item_text_hangs_after_the_marker() {
    let item = |s: &str| ListItem {
        checked: None,
        blocks: vec![para(s)],
    };
    let doc = Document {
        blocks: vec![Block::List(List {
            start: Some(1),
            tight: true,
            items: vec![item(&"列表项内容很长。".repeat(12)), item("短项。")],
            line: 1,
        })],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    let style = Style::handout();
    let lines = content_lines(&l, 0);
    assert!(lines[0].text.starts_with("1."), "{}", lines[0].text);
    // The number sits in the 2 em box, right-aligned a quarter em before the text.
    assert!(lines[0].x0 > style.margin_left, "T19 marker inside the box");
    assert!(lines[0].x0 < style.margin_left + 24.0 - 3.0);
    assert!(
        (lines[1].x0 - style.margin_left - 24.0).abs() <= 0.3,
        "T19 run-over line hangs 2 em in: {}",
        lines[1].x0
    );
}

#[test]
fn table_header_repeats_after_page_break() {
    let cell = |s: String| text(&s);
    let rows: Vec<Vec<Vec<Inline>>> = (0..80)
        .map(|i| {
            vec![
                cell(format!("第{i}行")),
                cell("内容较长的单元格会换行。".repeat(5)),
            ]
        })
        .collect();
    let doc = Document {
        blocks: vec![
            para("表格前的段落。"),
            Block::Table(Table {
                aligns: vec![Align::None, Align::Left],
                header: vec![text("序号"), text("说明")],
                rows,
                caption: None,
                line: 1,
            }),
        ],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    assert!(l.pages.len() >= 2);
    for p in 1..l.pages.len() {
        let lines = text_lines(&l.pages[p].items);
        let first = &lines[0];
        assert!(
            first.text.contains("序号") && first.text.contains("说明"),
            "page {}: {}",
            p + 1,
            first.text
        );
        // The repeated header is an artifact; the body rows are tagged.
        assert!(l.pages[p].items[first.items[0]].tag.is_none());
    }
    // A page that breaks the table closes it with a thin rule under its last row.
    for (p, page) in l.pages[..l.pages.len() - 1].iter().enumerate() {
        let rows = content_lines(&l, p);
        let last = rows.last().unwrap().baseline;
        let closing = page.items.iter().any(|i| {
            matches!(i.kind, ItemKind::Rule { height, .. } if height == 0.5) && i.y > last
        });
        assert!(
            closing,
            "page {}: no closing rule under the last row",
            p + 1
        );
    }
    // Long cells wrap: some row has a second line.
    let d = dump(&l);
    assert!(
        d.lines().any(|x| x.contains("换行") && !x.contains("第")),
        "cells should wrap"
    );
}

#[test]
fn footnotes_land_on_the_page_of_their_reference() {
    let mut blocks = Vec::new();
    for i in 0..120 {
        let mut content = text(&format!(
            "第{i}段正文，内容不长但足以占满一行的宽度，这样页面会很快被填满。"
        ));
        if i % 17 == 5 {
            content.push(Inline::NoteRef(format!("n{i}")));
            content.push(Inline::Text("后文。".into()));
        }
        blocks.push(Block::Para(Para { content, line: i }));
    }
    let notes = (0..120)
        .filter(|i| i % 17 == 5)
        .map(|i| Footnote {
            label: format!("n{i}"),
            blocks: vec![para(&format!("注释{i}的内容。"))],
            line: 0,
        })
        .collect();
    let (l, log) = run(&Document {
        blocks,
        notes,
        ..Default::default()
    });
    assert!(log.warnings().next().is_none(), "{:?}", log.entries);
    // Two-line paragraphs never split (T20), so `第i段` on the page means the marker is too.
    let mut seen = 0;
    for (p, page) in l.pages.iter().enumerate() {
        let lines = text_lines(&page.items);
        for line in lines.iter().filter(|x| x.text.contains("注释")) {
            let i: String = line
                .text
                .split("注释")
                .nth(1)
                .unwrap()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let body = format!("第{i}段");
            assert!(
                lines
                    .iter()
                    .any(|x| x.text.contains(&body) && x.baseline < line.baseline),
                "note {i} on page {} without its reference",
                p + 1
            );
            seen += 1;
        }
    }
    assert_eq!(
        seen,
        (0..120).filter(|i| i % 17 == 5).count(),
        "every note printed once"
    );
}

#[test]
fn missing_image_gives_alt_text_and_warning() {
    let doc = Document {
        blocks: vec![Block::Figure(Figure {
            src: "nope/missing.png".into(),
            alt: "示意图".into(),
            title: None,
            line: 3,
        })],
        ..Default::default()
    };
    let (l, log) = run(&doc);
    assert!(dump(&l).contains("示意图"));
    assert!(log.warnings().any(|w| w.source == "W-IMAGE" && w.line == 3));
}

#[test]
fn code_block_keeps_indentation_and_breaks_long_lines() {
    let long = "x".repeat(200);
    let doc = Document {
        blocks: vec![Block::Code(CodeBlock {
            lang: None,
            text: format!("fn main() {{\n\tlet a = 1;\n\n{long}\n}}"),
            line: 1,
        })],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    let style = Style::handout();
    let lines = content_lines(&l, 0);
    assert_eq!(lines[0].text, "fn main() {");
    // A tab is four monospace cells (0.6 em of 10.5 pt each in DejaVu Sans Mono), set as
    // four real space glyphs from the left edge (copy-paste keeps the indentation).
    let cell = (lines[0].x1 - lines[0].x0) / 11.0;
    assert_eq!(lines[1].text, "    let a = 1;");
    assert!((lines[1].x0 - lines[0].x0).abs() < 0.01, "{}", lines[1].x0);
    assert!(
        (lines[1].x1 - lines[1].x0 - 14.0 * cell).abs() < 0.2,
        "width {}",
        lines[1].x1 - lines[1].x0
    );
    // The blank source line keeps its slot: two pitches between `let` and the long line.
    let pitch = style.code_size * style.line_pitch_em;
    assert!((lines[2].baseline - lines[1].baseline - 2.0 * pitch).abs() < 0.1);
    // 200 characters do not fit: the line breaks anywhere, never past the measure.
    let xs: Vec<&TextLine> = lines.iter().filter(|x| x.text.starts_with('x')).collect();
    assert!(xs.len() >= 2);
    let right = style.margin_left + style.text_width();
    assert!(xs.iter().all(|x| x.x1 <= right + 0.5));
    assert_eq!(xs.iter().map(|x| x.text.len()).sum::<usize>(), 200);
}

#[test]
fn t22_run_in_heading_shares_the_paragraph() {
    let doc = Document {
        blocks: vec![Block::Heading(Heading {
            level: 2,
            scale: HeadingScale::Numbered(2),
            content: text("（一）坚持党的领导。"),
            run_in: text(&"这是根本。".repeat(30)),
            id: "r".into(),
            line: 1,
        })],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    let style = Style::handout();
    let page = &l.pages[0];
    let lines = content_lines(&l, 0);
    let first = &lines[0];
    assert!(
        first.text.starts_with("（一）坚持党的领导。这是根本"),
        "{}",
        first.text
    );
    let runs: Vec<(f32, String)> = first
        .items
        .iter()
        .filter_map(|&i| match &page.items[i].kind {
            ItemKind::Glyphs(r) => Some((r.size, r.face.family.clone())),
            _ => None,
        })
        .collect();
    let heading = style.heading(2);
    assert_eq!(
        runs[0].0, heading.size,
        "T22 heading span in the level's size"
    );
    assert!(
        runs[0].1.contains("WenKai"),
        "T22 heading span in Kai: {runs:?}"
    );
    assert!(
        runs.iter()
            .any(|r| r.0 == style.body_size && r.1.contains("Serif")),
        "T22 body span: {runs:?}"
    );
    // One paragraph: the run-over line is flush left and the outline still lists it.
    assert!((lines[1].x0 - style.margin_left).abs() <= 0.3);
    assert_eq!(l.outline[0].title, "（一）坚持党的领导。");
    assert!(l.anchors.contains_key("r"));
}

#[test]
fn internal_links_point_at_anchors() {
    let doc = Document {
        blocks: vec![
            heading(1, "一、总体要求", "zongti"),
            Block::Para(Para {
                content: vec![
                    Inline::Text("参见".into()),
                    Inline::Link(Link {
                        url: "#zongti".into(),
                        title: None,
                        content: text("总体要求"),
                    }),
                    Inline::Text("和".into()),
                    Inline::Link(Link {
                        url: "https://example.com".into(),
                        title: None,
                        content: text("官网"),
                    }),
                    Inline::Text("。".into()),
                ],
                line: 2,
            }),
        ],
        ..Default::default()
    };
    let (l, log) = run(&doc);
    assert!(log.warnings().next().is_none(), "{:?}", log.entries);
    let links: Vec<&LinkTarget> = l.pages[0]
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Link {
                target,
                width,
                height,
            } => {
                assert!(*width > 20.0 && *height > 10.0);
                Some(target)
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        links,
        [
            &LinkTarget::Dest("zongti".into()),
            &LinkTarget::Url("https://example.com".into())
        ]
    );
    // Each link area is its own Link element in the tag tree.
    let k = kinds(&l);
    assert_eq!(k.values().filter(|v| **v == StructKind::Link).count(), 2);
}

#[test]
fn figure_is_scaled_to_the_measure_and_tagged_with_alt_text() {
    let dir = tempfile::tempdir().unwrap();
    // A real 2000 × 1000 px PNG: the layout checks images with their decoder (issue 9).
    let mut png = Vec::new();
    let mut enc = png::Encoder::new(&mut png, 2000, 1000);
    enc.set_color(png::ColorType::Grayscale);
    let mut writer = enc.write_header().unwrap();
    writer.write_image_data(&vec![0; 2000 * 1000]).unwrap();
    writer.finish().unwrap();
    std::fs::write(dir.path().join("big.png"), png).unwrap();
    let doc = Document {
        blocks: vec![Block::Figure(Figure {
            src: "big.png".into(),
            alt: "示意图".into(),
            title: Some("图1 示意图".into()),
            line: 1,
        })],
        ..Default::default()
    };
    let mut log = Log::default();
    let style = Style::handout();
    let l = layout(
        &doc,
        &style,
        &FontSet::bundled(),
        ImageSource::new(dir.path()),
        &mut log,
    );
    assert!(log.warnings().next().is_none(), "{:?}", log.entries);
    let (x, w, h, tag) = l.pages[0]
        .items
        .iter()
        .find_map(|i| match &i.kind {
            ItemKind::Image {
                width,
                height,
                file,
                ..
            } => {
                assert_eq!(file.path, dir.path().join("big.png"));
                Some((i.x, *width, *height, i.tag))
            }
            _ => None,
        })
        .expect("image item");
    assert!(
        (w - style.text_width()).abs() < 0.1,
        "scaled to the measure: {w}"
    );
    assert!((h - w / 2.0).abs() < 0.1, "aspect kept");
    assert!((x - style.margin_left).abs() < 0.1);
    assert!(matches!(kinds(&l)[&tag.unwrap()], StructKind::Figure { ref alt } if alt == "示意图"));
    assert!(dump(&l).contains("图1 示意图"), "caption below the image");
}

#[test]
fn t24_emphasis_dots_sit_under_the_baseline() {
    let doc = Document {
        blocks: vec![Block::Para(Para {
            content: vec![
                Inline::Text("这是".into()),
                Inline::Emph(text("着重号")),
                Inline::Text("。".into()),
            ],
            line: 1,
        })],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    let page = &l.pages[0];
    let line = &content_lines(&l, 0)[0];
    let dots: Vec<(f32, f32)> = page
        .items
        .iter()
        .filter_map(|i| match i.kind {
            ItemKind::Dot { .. } => Some((i.x, i.y)),
            _ => None,
        })
        .collect();
    assert_eq!(dots.len(), 3, "one dot per HAN");
    let size = Style::handout().body_size;
    for (x, y) in &dots {
        assert!(
            *y > line.baseline && *y < line.baseline + 0.4 * size,
            "dot y {y}"
        );
        assert!(
            *x > line.x0 + 2.0 * size && *x < line.x0 + 5.0 * size,
            "dot x {x}"
        );
    }
}

#[test]
fn front_matter_title_and_authors_make_a_title_block() {
    let mut doc = Document {
        blocks: vec![para("正文。")],
        ..Default::default()
    };
    doc.meta.title = Some("排版：功能样例".into());
    doc.meta.subtitle = Some("Markdown 读取测试".into());
    doc.meta.authors = vec!["吴伟华".into(), "徐应红".into()];
    let (l, _) = run(&doc);
    let lines: Vec<String> = content_lines(&l, 0).into_iter().map(|x| x.text).collect();
    assert_eq!(lines[0], "排版：功能样例");
    assert!(lines[1].starts_with("——Markdown"), "{}", lines[1]);
    assert_eq!(&lines[lines.len() - 2..], ["吴伟华", "徐应红"]);
    assert_eq!(l.outline[0].title, "排版：功能样例");
}

#[test]
fn footnote_with_code_keeps_the_code() {
    let doc = Document {
        blocks: vec![Block::Para(Para {
            content: vec![Inline::Text("正文".into()), Inline::NoteRef("c".into())],
            line: 1,
        })],
        notes: vec![Footnote {
            label: "c".into(),
            blocks: vec![
                para("示例代码："),
                Block::Code(CodeBlock {
                    lang: None,
                    text: "let x = 1;".into(),
                    line: 3,
                }),
            ],
            line: 2,
        }],
        ..Default::default()
    };
    let (l, log) = run(&doc);
    assert!(log.warnings().next().is_none(), "{:?}", log.entries);
    let d = dump(&l);
    assert!(
        d.contains("① 示例代码：") || d.contains("①\u{2002}示例代码："),
        "{d}"
    );
    assert!(d.contains("let x = 1;"), "{d}");
}

/// T20 for tables: whatever comes before a 40-row table, a page break inside it leaves
/// ≥2 body rows on each page — no lone first row at a page bottom, no lone last row under
/// the repeated header.
#[test]
fn t20_table_break_keeps_two_body_rows_per_page() {
    let rows: Vec<Vec<Vec<Inline>>> = (0..40)
        .map(|i| vec![text(&format!("第{i}行")), text("数据")])
        .collect();
    for before in 0..40 {
        let mut blocks: Vec<Block> = (0..before).map(|_| para("前文。")).collect();
        blocks.push(Block::Table(Table {
            aligns: vec![Align::None, Align::Left],
            header: vec![text("序号"), text("说明")],
            rows: rows.clone(),
            caption: None,
            line: 1,
        }));
        let (l, _) = run(&Document {
            blocks,
            ..Default::default()
        });
        for p in 0..l.pages.len() {
            let body = content_lines(&l, p)
                .iter()
                .filter(|x| x.text.starts_with('第'))
                .count();
            assert!(
                body == 0 || body >= 2,
                "{before} paragraphs before: page {} holds {body} body row(s)",
                p + 1
            );
        }
    }
}
