//! Features of the PDF writer on a document with lists, a table crossing a page, code, an
//! image, footnotes, links and mixed Chinese/English paragraphs (tests/fixtures/pdf/).

mod pdf_support;

use paiban::ast::*;
use pdf_support::*;
use std::path::PathBuf;
use std::sync::OnceLock;

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/pdf")
}

fn t(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

fn para(content: Vec<Inline>) -> Block {
    Block::Para(Para { content, line: 0 })
}

fn heading(level: u8, s: &str, id: &str) -> Block {
    Block::Heading(Heading {
        level,
        content: vec![t(s)],
        run_in: Vec::new(),
        id: id.into(),
        line: 0,
    })
}

fn item(s: &str) -> ListItem {
    ListItem {
        checked: None,
        blocks: vec![para(vec![t(s)])],
    }
}

/// Table rows of the fixture (the same rows as tests/fixtures/pdf/features.md).
fn table_rows() -> Vec<[String; 4]> {
    let cities = [
        "义乌", "杭州", "宁波", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州",
        "丽水",
    ];
    (0..40)
        .map(|i| {
            [
                (i + 1).to_string(),
                format!("{}第{}项工作", cities[i % cities.len()], i + 1),
                format!("{}.{}", (i * 37) % 100 + 12, i % 10),
                "按期推进，质量达标".to_string(),
            ]
        })
        .collect()
}

/// The AST of features.md as the readers and passes produce it (built by hand so this test
/// checks the writer alone).
fn features_doc() -> Document {
    let cell = |s: &str| vec![t(s)];
    let body = vec![
        heading(1, "一、列表与段落", "sec-1"),
        para(vec![
            t("这是一个中英文混排的段落：我们用"),
            Inline::AutoSpace,
            t("Rust"),
            Inline::AutoSpace,
            t("语言编写排版程序，支持"),
            Inline::AutoSpace,
            t("PDF、EPUB 3"),
            Inline::AutoSpace,
            t("和"),
            Inline::AutoSpace,
            t("DOCX"),
            Inline::AutoSpace,
            t("三种格式。排版质量要达到编辑“不改一字”就能付印的水平，这需要正确处理标点挤压、避头尾、中西文间距等规则。第"),
            Inline::AutoSpace,
            t("3"),
            Inline::AutoSpace,
            t("章讲到"),
            Inline::AutoSpace,
            t("2025"),
            Inline::AutoSpace,
            t("年"),
            Inline::AutoSpace,
            t("GDP"),
            Inline::AutoSpace,
            t("增长"),
            Inline::AutoSpace,
            t("5%"),
            Inline::AutoSpace,
            t("的数据。"),
        ]),
        para(vec![t("无序列表：")]),
        Block::List(List {
            start: None,
            tight: true,
            items: vec![
                item("第一项：坚持问题导向，把调查研究贯穿工作全过程，确保各项措施落到实处、见到实效。"),
                item("第二项：Keep it simple，简单的方案往往最可靠。"),
                item("第三项"),
            ],
            line: 0,
        }),
        para(vec![t("有序列表：")]),
        Block::List(List {
            start: Some(1),
            tight: true,
            items: vec![
                item("明确目标任务。"),
                item("细化责任分工，层层压实责任，形成一级抓一级、层层抓落实的工作格局。"),
                item("加强督促检查。"),
            ],
            line: 0,
        }),
        para(vec![
            t("这句话带有脚注"),
            Inline::NoteRef("1".into()),
            t("，另一句也有脚注"),
            Inline::NoteRef("2".into()),
            t("。详见"),
            Inline::Link(Link {
                url: "#sec-2".into(),
                title: None,
                content: vec![t("第二节")],
            }),
            t("以及"),
            Inline::Link(Link {
                url: "https://example.com/paiban".into(),
                title: None,
                content: vec![t("项目主页")],
            }),
            t("。"),
        ]),
        heading(1, "二、表格与代码", "sec-2"),
        para(vec![t("下表跨页排列，表头应在续页重复：")]),
        Block::Table(Table {
            aligns: vec![Align::None, Align::None, Align::Right, Align::None],
            header: ["序号", "项目", "指标", "说明"].map(cell).to_vec(),
            rows: table_rows()
                .iter()
                .map(|r| r.iter().map(|c| cell(c)).collect())
                .collect(),
            line: 0,
        }),
        para(vec![t("代码块保持原样：")]),
        Block::Code(CodeBlock {
            lang: Some("rust".into()),
            text: "fn main() {\n    println!(\"排版 paiban\");\n}".into(),
            line: 0,
        }),
        para(vec![
            t("行内代码"),
            Inline::AutoSpace,
            Inline::Code("a,b:c".into()),
            Inline::AutoSpace,
            t("保持不变。"),
        ]),
        Block::Figure(Figure {
            src: "bands.png".into(),
            alt: "义乌小商品市场示意图".into(),
            title: None,
            line: 0,
        }),
        para(vec![
            t("最后一段："),
            Inline::Emph(vec![t("着重号强调")]),
            t("的文字下面有圆点，"),
            Inline::Strong(vec![t("加粗")]),
            t("的文字用黑体。——这是破折号，……这是省略号。"),
        ]),
    ];
    let note = |label: &str, s: &str| Footnote {
        label: label.into(),
        blocks: vec![para(vec![t(s)])],
        line: 0,
    };
    Document {
        meta: Meta {
            title: Some("排版功能测试文档".into()),
            authors: vec!["测试作者".into()],
            ..Meta::default()
        },
        blocks: body,
        notes: vec![
            note("1", "第一个脚注的内容。"),
            note("2", "第二个脚注，引自 https://example.com 的资料。"),
        ],
    }
}

struct Out {
    path: PathBuf,
    bytes: Vec<u8>,
    lines: Vec<Vec<VLine>>,
    json: String,
}

fn out() -> &'static Out {
    static O: OnceLock<Out> = OnceLock::new();
    O.get_or_init(|| {
        let (path, bytes, log) = rendered(&features_doc(), &fixtures(), "features.pdf");
        assert!(
            log.warnings().next().is_none(),
            "warnings: {:?}",
            log.entries
        );
        let lines = stext_lines(&path);
        let json = run("qpdf", &["--json", path.to_str().unwrap()]);
        Out {
            path,
            bytes,
            lines,
            json,
        }
    })
}

fn all_han(o: &Out) -> String {
    o.lines.iter().flatten().map(|l| han(&l.text())).collect()
}

#[test]
fn t27_fonts_embedded_subset_unicode_including_mono() {
    let o = out();
    let list = run("pdffonts", &[o.path.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert!(
        rows.iter().any(|r| r.contains("DejaVuSansMono")),
        "code font missing:\n{list}"
    );
    for row in rows {
        let f: Vec<&str> = row.split_whitespace().collect();
        let n = f.len();
        assert_eq!(&f[n - 5..n - 2], ["yes", "yes", "yes"], "T27: {row}");
    }
}

#[test]
fn every_block_text_comes_back() {
    let o = out();
    let got = all_han(o);
    let doc = features_doc();
    let mut texts = Vec::new();
    visit_blocks(&doc, &mut |b| match b {
        Block::Para(p) => texts.push(plain_text(&p.content)),
        Block::Heading(h) => texts.push(plain_text(&h.content)),
        Block::Code(c) => texts.push(c.text.clone()),
        _ => {}
    });
    for text in texts {
        let h = han(&text);
        assert!(got.contains(&h), "missing from the PDF text: {text}");
    }
    // Mixed Latin text and inline code come back verbatim (T26).
    let flat: String = o.lines.iter().flatten().map(|l| l.text()).collect();
    for s in [
        "Rust",
        "EPUB",
        "DOCX",
        "GDP",
        "a,b:c",
        "println!(\"排版 paiban\");",
    ] {
        assert!(flat.contains(s), "{s:?} missing");
    }
}

#[test]
fn table_crosses_a_page_with_all_rows() {
    let o = out();
    let head_pages: Vec<usize> = o
        .lines
        .iter()
        .enumerate()
        .filter(|(_, p)| p.iter().any(|l| han(&l.text()) == "序号项目指标说明"))
        .map(|(i, _)| i)
        .collect();
    assert!(
        head_pages.len() >= 2,
        "table header on pages {head_pages:?}: the table should cross a page and repeat its header"
    );
    let got = all_han(o);
    for r in table_rows() {
        assert!(got.contains(&han(&r[1])), "row {} missing", r[0]);
    }
}

#[test]
fn image_is_embedded() {
    let o = out();
    let list = run("pdfimages", &["-list", o.path.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "{list}");
    let f: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!((f[3], f[4]), ("120", "60"), "{list}");
}

#[test]
fn links_to_url_and_internal_destination() {
    let o = out();
    assert!(
        o.json.contains("https://example.com/paiban"),
        "URI link missing"
    );
    assert!(o.json.contains("\"/Dest\""), "internal link missing");
    assert!(o.json.contains("sec-2"), "named destination sec-2 missing");
}

#[test]
fn tag_tree_has_lists_table_figure_notes_and_links() {
    let o = out();
    for s in [
        "/L", "/LI", "/LBody", "/Table", "/TR", "/TH", "/TD", "/Figure", "/Note", "/Code", "/Link",
        "/H2", "/P",
    ] {
        assert!(
            o.json.contains(&format!("\"/S\": \"{s}\"")),
            "structure type {s} missing"
        );
    }
    assert!(
        o.json.contains("义乌小商品市场示意图"),
        "figure alt text missing"
    );
}

#[test]
fn t9_kinsoku_on_every_line() {
    let o = out();
    for l in o.lines.iter().flatten() {
        let ink = l.ink();
        if han(&l.text()).is_empty() {
            continue;
        }
        let (first, last) = (ink[0], ink[ink.len() - 1]);
        let dash2 = ink.len() > 1 && first.c == '—' && ink[1].c == '—';
        assert!(dash2 || !gb_no_start(first.c), "T9 start: {}", l.text());
        assert!(!gb_no_end(last.c), "T9 end: {}", l.text());
    }
}

#[test]
fn outline_and_metadata() {
    let o = out();
    let want = vec![
        (0, "排版功能测试文档".to_string()),
        (1, "一、列表与段落".to_string()),
        (1, "二、表格与代码".to_string()),
    ];
    assert_eq!(pdf_outline(&o.path), want);
    let info = run("pdfinfo", &[o.path.to_str().unwrap()]);
    assert!(info.contains("排版功能测试文档"), "{info}");
    assert!(info.contains("测试作者"), "{info}");
}

#[test]
fn deterministic_bytes() {
    let (again, _) = render(&features_doc(), &fixtures());
    assert!(again == out().bytes, "second render differs");
}
