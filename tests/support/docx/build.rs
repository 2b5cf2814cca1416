//! Hand-built documents for the DOCX tests.

use paiban::ast::*;

/// Text inline.
pub fn t(s: &str) -> Inline {
    Inline::Text(s.to_string())
}

/// A paragraph.
pub fn p(content: Vec<Inline>) -> Block {
    Block::Para(Para { content, line: 0 })
}

/// A standalone heading.
pub fn h(level: u8, text: &str, id: &str) -> Block {
    Block::Heading(Heading {
        level,
        scale: HeadingScale::Numbered(level),
        content: vec![t(text)],
        run_in: vec![],
        id: id.to_string(),
        line: 0,
    })
}

fn doc(blocks: Vec<Block>, notes: Vec<Footnote>) -> Document {
    Document {
        meta: Meta::default(),
        blocks,
        notes,
    }
}

/// Two articles in the shape the structure pass gives yiwu.txt: title, subtitle, headings
/// (standalone and run-in, T22), strong, emphasis, quotes, autospace, bylines.
pub fn articles() -> Document {
    let a1 = Article {
        title: vec![t("坚持和深化“义乌发展经验”\u{3000}加快打造县域典范")],
        subtitle: Some(vec![t("深学笃行重要指示精神")]),
        body: vec![
            p(vec![
                t("近日，总书记对进一步总结好、运用好“义乌发展经验”作出重要指示。2025年GDP达"),
                Inline::AutoSpace,
                t("2693.3亿元，"),
                Inline::Strong(vec![t("培育两大千亿级产业集群")]),
                t("，"),
                Inline::Emph(vec![t("守正创新")]),
                t("。这是一段足够长的正文，用来检查首行缩进两个字符以及回行顶格的效果，文字需要超过一行才能看到第二行从左边开始排。"),
            ]),
            h(1, "一、心怀“国之大者”，以政治忠诚践行嘱托", "sec-1"),
            p(vec![t("习近平总书记重要指示要求我们更好服务和融入全国发展大局。")]),
            h(2, "（一）坚持党的领导", "sec-1-1"),
            Block::Heading(Heading {
                level: 3,
                scale: HeadingScale::Numbered(3),
                content: vec![t("1.深化改革。")],
                run_in: vec![t("这是跟在段首标题后面的正文，与标题同在一段。")],
                id: "sec-1-1-1".into(),
                line: 0,
            }),
            Block::Quote(Quote {
                blocks: vec![p(vec![t("小商品、大市场，不断地再造新的辉煌。")])],
                line: 0,
            }),
        ],
        bylines: vec![
            Byline {
                name: "吴伟华".into(),
                affiliation: "中共义乌市委党校副校长".into(),
                line: 0,
            },
            Byline {
                name: "徐应红".into(),
                affiliation: String::new(),
                line: 0,
            },
        ],
        id: "art-1".into(),
        line: 1,
    };
    let a2 = Article {
        title: vec![t("深入践行“五个结合”")],
        subtitle: None,
        body: vec![
            h(1, "二、“五个结合”是科学方法论", "sec-2"),
            p(vec![t(
                "现代化的本质是人的现代化，高质量发展必然要求经济与社会协调。",
            )]),
        ],
        bylines: vec![Byline {
            name: "汪旺旺".into(),
            affiliation: "中共义乌市委党校讲师".into(),
            line: 0,
        }],
        id: "art-2".into(),
        line: 50,
    };
    doc(vec![Block::Article(a1), Block::Article(a2)], vec![])
}

/// Bullet, ordered (start 3), nested and task lists.
pub fn lists() -> Document {
    let item = |s: &str| ListItem {
        checked: None,
        blocks: vec![p(vec![t(s)])],
    };
    let nested = List {
        start: None,
        tight: true,
        items: vec![item("内层甲"), item("内层乙")],
        line: 0,
    };
    doc(
        vec![
            Block::List(List {
                start: None,
                tight: true,
                items: vec![
                    item("锚定全局靶向发力"),
                    ListItem {
                        checked: None,
                        blocks: vec![p(vec![t("传承根基迭代突破")]), Block::List(nested)],
                    },
                ],
                line: 0,
            }),
            Block::List(List {
                start: Some(3),
                tight: false,
                items: vec![
                    item("统筹协同均衡发展"),
                    ListItem {
                        checked: Some(true),
                        blocks: vec![p(vec![t("已完成")]), p(vec![t("第二段")])],
                    },
                    ListItem {
                        checked: Some(false),
                        blocks: vec![p(vec![t("未完成")])],
                    },
                ],
                line: 0,
            }),
        ],
        vec![],
    )
}

/// A GFM table with alignments and a short row.
pub fn table() -> Document {
    doc(
        vec![Block::Table(Table {
            aligns: vec![Align::Left, Align::Center, Align::Right],
            header: vec![vec![t("指标")], vec![t("2024年")], vec![t("2025年")]],
            rows: vec![
                vec![vec![t("GDP（亿元）")], vec![t("2500.1")], vec![t("2693.3")]],
                vec![vec![t("进出口")], vec![Inline::Code("a,b:c".into())]],
            ],
            caption: None,
            line: 0,
        })],
        vec![],
    )
}

/// A figure with a caption, an inline image and a missing image.
pub fn image() -> Document {
    doc(
        vec![
            Block::Figure(Figure {
                src: "checker.png".into(),
                alt: "棋盘格".into(),
                title: Some("图1　棋盘格".into()),
                line: 0,
            }),
            p(vec![
                t("行内图片"),
                Inline::Image(Image {
                    src: "checker.png".into(),
                    alt: "小图".into(),
                    title: None,
                }),
                t("和缺失的图片"),
                Inline::Image(Image {
                    src: "missing.png".into(),
                    alt: "缺图".into(),
                    title: None,
                }),
                t("。"),
            ]),
            Block::Figure(Figure {
                src: "wide.png".into(),
                alt: String::new(),
                title: None,
                line: 0,
            }),
        ],
        vec![],
    )
}

/// Footnotes: two references, a note with two paragraphs, an undefined label.
pub fn footnotes() -> Document {
    doc(
        vec![p(vec![
            t("义乌发展经验"),
            Inline::NoteRef("1".into()),
            t("是县域发展的样本"),
            Inline::NoteRef("src".into()),
            t("。"),
        ])],
        vec![
            Footnote {
                label: "1".into(),
                blocks: vec![p(vec![t("2006年总结提出。")])],
                line: 3,
            },
            Footnote {
                label: "src".into(),
                blocks: vec![
                    p(vec![t("来源：《浙江日报》。")]),
                    p(vec![
                        t("见"),
                        Inline::Link(Link {
                            url: "https://zjrb.zjol.com.cn/".into(),
                            title: None,
                            content: vec![t("浙江日报网站")],
                        }),
                        t("。"),
                    ]),
                ],
                line: 4,
            },
        ],
    )
}

/// External and internal links, inline code, strike, line break, code block, rule.
pub fn links() -> Document {
    doc(
        vec![
            h(1, "一、链接", "links"),
            p(vec![
                t("访问"),
                Inline::AutoSpace,
                Inline::Link(Link {
                    url: "https://example.com/a?b=1&c=2".into(),
                    title: None,
                    content: vec![t("example.com")],
                }),
                Inline::AutoSpace,
                t("或回到"),
                Inline::Link(Link {
                    url: "#links".into(),
                    title: None,
                    content: vec![t("本节开头")],
                }),
                t("。代码"),
                Inline::AutoSpace,
                Inline::Code("let x = 1;".into()),
                Inline::LineBreak,
                Inline::Strike(vec![t("删除")]),
                t("他说：“Stay hungry.” Then “hi” again"),
            ]),
            Block::Code(CodeBlock {
                lang: Some("rust".into()),
                text: "fn main() {\n\tprintln!(\"你好\");\n}".into(),
                line: 0,
            }),
            Block::Rule(Rule { line: 0 }),
            Block::PageBreak(PageBreak { line: 0 }),
            p(vec![t("分页之后。")]),
        ],
        vec![],
    )
}

/// Every fixture by name.
pub fn all() -> Vec<(&'static str, Document)> {
    vec![
        ("articles", articles()),
        ("lists", lists()),
        ("table", table()),
        ("image", image()),
        ("footnotes", footnotes()),
        ("links", links()),
    ]
}
