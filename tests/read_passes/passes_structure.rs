//! Structure inference on fixtures through the real text reader and all passes (T21, T22).

use crate::support::fixture;
use paiban::ast::{Block, Document};
use paiban::log::Log;
use paiban::passes::{self, flat::plain, PassOptions};
use paiban::read::{read_file, ReadOptions};

fn load(name: &str) -> (Document, Log) {
    let path = fixture("passes").join(name);
    let doc = read_file(&path, &ReadOptions::default()).expect("fixture reads");
    let mut log = Log::default();
    let doc = passes::run(doc, &PassOptions::default(), &mut log);
    (doc, log)
}

/// `level heading | run-in` for headings of the only article.
fn outline(doc: &Document) -> (String, Vec<String>) {
    let Some(Block::Article(a)) = doc.blocks.first() else {
        panic!("expected an article: {:?}", doc.blocks.first());
    };
    let rows = a
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) if h.run_in.is_empty() => {
                Some(format!("{} {}", h.level, plain(&h.content)))
            }
            Block::Heading(h) => Some(format!(
                "{} {} | {}",
                h.level,
                plain(&h.content),
                plain(&h.run_in)
            )),
            _ => None,
        })
        .collect();
    (plain(&a.title), rows)
}

#[test]
fn t21_law_chapters_sections_articles_items() {
    let (doc, log) = load("law.txt");
    let (title, rows) = outline(&doc);
    assert_eq!(title, "中华人民共和国示例管理条例");
    assert_eq!(
        rows,
        [
            "1 第一章\u{3000}总则",
            "3 第一条 | 为了规范示例管理活动，保障各方合法权益，根据有关法律，制定本条例。",
            "3 第二条 | 本条例适用于下列活动：",
            "4 （一）示例的编写与发布；",
            "4 （二）示例的审查与备案。",
            "1 第二章\u{3000}管理职责",
            "2 第一节\u{3000}一般规定",
            "3 第三条 | 县级以上人民政府应当加强对示例管理工作的领导。",
            "2 第二节\u{3000}部门职责",
            "3 第四条 | 有关部门按照职责分工，负责示例的监督管理工作。",
            "1 第三章\u{3000}附则",
            "3 第五条 | 本条例自2025年1月1日起施行。",
        ]
    );
    // 第一章 → 第一条 skips the 节 level: W-LEVEL says so.
    assert!(log.warnings().any(|w| w.source == "W-LEVEL" && w.line == 5));
}

#[test]
fn t21_levels_of_parenthesised_and_circled_numbers() {
    let (doc, _) = load("levels.txt");
    let (title, rows) = outline(&doc);
    assert_eq!(title, "关于加强学习的通知");
    assert_eq!(
        rows,
        [
            "1 （一）总体要求",
            "2 （1）提高认识",
            "3 ①明确责任",
            "3 ②加强督导",
            "2 （2）创新方式",
            "1 （二）保障措施。 | 各单位要提供必要的经费和场地保障，确保学习活动顺利开展，取得实际效果。",
        ]
    );
    assert_eq!(doc.meta.authors, ["张三"]);
}

#[test]
fn no_structure_without_inference() {
    let path = fixture("passes/levels.txt");
    let doc = read_file(&path, &ReadOptions::default()).expect("fixture reads");
    let opts = PassOptions {
        cleanup: true,
        infer_structure: false,
    };
    let doc = passes::run(doc, &opts, &mut Log::default());
    assert!(doc.blocks.iter().all(|b| matches!(b, Block::Para(_))));
}

#[test]
fn pipeline_order_is_fixed() {
    let names = |o: PassOptions| -> Vec<&str> {
        passes::pipeline(&o).into_iter().map(|(n, _)| n).collect()
    };
    assert_eq!(
        names(PassOptions::default()),
        [
            "markup",
            "lines",
            "article-lines",
            "softbreak",
            "captions",
            "repair",
            "outline",
            "structure",
            "table-captions",
            "punct",
            "autospace",
            "ids",
            "official"
        ]
    );
    assert_eq!(
        names(PassOptions {
            cleanup: false,
            infer_structure: false
        }),
        [
            "article-lines",
            "softbreak",
            "captions",
            "outline",
            "table-captions",
            "autospace",
            "ids",
            "official"
        ]
    );
}
