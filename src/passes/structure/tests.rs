//! Structure inference on hand-built documents (T21, T22, titles, bylines).

use super::run;
use crate::ast::{Block, Document, Inline, Para};
use crate::log::Log;
use crate::passes::flat::plain;

fn p(s: &str) -> Block {
    Block::Para(Para {
        content: vec![Inline::Text(s.into())],
        line: 1,
    })
}

fn doc(lines: &[&str]) -> Document {
    Document {
        blocks: lines.iter().map(|l| p(l)).collect(),
        ..Default::default()
    }
}

/// `level text | run-in` for headings, `P text` for paragraphs.
fn outline(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading(h) if h.run_in.is_empty() => {
                format!("{} {}", h.level, plain(&h.content))
            }
            Block::Heading(h) => {
                format!("{} {} | {}", h.level, plain(&h.content), plain(&h.run_in))
            }
            Block::Para(p) => format!("P {}", plain(&p.content)),
            other => format!("{other:?}"),
        })
        .collect()
}

const BODY: &str = "这是一段足够长的正文，用来说明前面的短行是标题而不是正文，其后还有很多内容。";

#[test]
fn t21_levels_follow_patterns_used() {
    let d = run(
        doc(&[
            "(一)主要任务",
            BODY,
            "1.加强学习",
            BODY,
            "（1）细则",
            BODY,
            "①要点",
            BODY,
            "（二）保障措施",
            BODY,
        ]),
        &mut Log::default(),
    );
    assert_eq!(
        outline(&d.blocks),
        [
            "1 （一）主要任务",
            &format!("P {BODY}"),
            "2 1.加强学习",
            &format!("P {BODY}"),
            "3 （1）细则",
            &format!("P {BODY}"),
            "4 ①要点",
            &format!("P {BODY}"),
            "1 （二）保障措施",
            &format!("P {BODY}"),
        ]
    );
}

#[test]
fn t21_decimal_is_not_a_heading() {
    let d = run(
        doc(&["2693.3亿元是今年的总量，比去年增长。"]),
        &mut Log::default(),
    );
    assert!(matches!(d.blocks[0], Block::Para(_)));
}

#[test]
fn t22_run_in_heading() {
    let d = run(
        doc(&["（一）坚持党的领导。这是根本……"]),
        &mut Log::default(),
    );
    assert_eq!(outline(&d.blocks), ["1 （一）坚持党的领导。 | 这是根本……"]);
}

#[test]
fn t22_marker_normalised_without_space() {
    let d = run(doc(&["1. “五个结合”是方法论", BODY]), &mut Log::default());
    assert_eq!(outline(&d.blocks)[0], "1 1.“五个结合”是方法论");
}

#[test]
fn unnumbered_subheading_takes_sibling_level() {
    let d = run(
        doc(&[
            "一、总体",
            BODY,
            "锚定全局靶向发力，实现跃升",
            BODY,
            "1.加强",
            BODY,
            "二、保障",
            BODY,
        ]),
        &mut Log::default(),
    );
    let o = outline(&d.blocks);
    assert_eq!(o[2], "2 锚定全局靶向发力，实现跃升");
    assert_eq!(o[4], "2 1.加强");
}

#[test]
fn articles_titles_bylines_meta() {
    let d = run(
        doc(&[
            "坚持和深化“义乌发展经验” 加快打造",
            "深学笃行习近平总书记重要指示精神 奋力谱写新时代华章",
            BODY,
            "一、心怀大者",
            BODY,
            "吴伟华 中共义乌市委党校副校长",
            "徐应红 中共义乌市委党校校委委员",
            "深入践行“五个结合” 加快打造",
            "一、方法论",
            BODY,
            "汪旺旺 中共义乌市委党校讲师",
        ]),
        &mut Log::default(),
    );
    let arts: Vec<_> = d
        .blocks
        .iter()
        .map(|b| match b {
            Block::Article(a) => a,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(arts.len(), 2);
    assert_eq!(
        plain(&arts[0].title),
        "坚持和深化“义乌发展经验”\u{3000}加快打造"
    );
    assert_eq!(
        plain(arts[0].subtitle.as_ref().unwrap()),
        "深学笃行习近平总书记重要指示精神\u{3000}奋力谱写新时代华章"
    );
    assert_eq!(arts[0].bylines.len(), 2);
    assert!(arts[1].subtitle.is_none());
    assert_eq!(outline(&arts[1].body)[0], "1 一、方法论");
    assert_eq!(
        d.meta.title.as_deref(),
        Some("坚持和深化“义乌发展经验”\u{3000}加快打造")
    );
    assert_eq!(d.meta.authors, ["吴伟华", "徐应红", "汪旺旺"]);
}

#[test]
fn no_title_no_article() {
    let d = run(doc(&[BODY, "一、总体", BODY]), &mut Log::default());
    assert!(matches!(d.blocks[1], Block::Heading(_)));
    assert!(!d.blocks.iter().any(|b| matches!(b, Block::Article(_))));
}

#[test]
fn idempotent_on_sample_like_doc() {
    let d = doc(&[
        "标题",
        BODY,
        "一、总体",
        BODY,
        "小标题在这里",
        BODY,
        "1.细则",
        BODY,
        "张三 某某大学教授",
    ]);
    let once = run(d, &mut Log::default());
    let twice = run(once.clone(), &mut Log::default());
    assert_eq!(once, twice);
}

#[test]
fn t22_long_numbered_sentence_stays_body() {
    let item = "1.加强学习，提高认识，确保各项工作落到实处，取得实效，推动高质量发展，形成长效机制，不断开创工作新局面。";
    let d = run(doc(&["一、总体", BODY, item]), &mut Log::default());
    assert_eq!(outline(&d.blocks)[2], format!("P {item}"));
}

#[test]
fn t23_subtitle_dash_left_to_backends() {
    let d = run(
        doc(&["标题", "——深学笃行重要指示精神", BODY]),
        &mut Log::default(),
    );
    let Block::Article(a) = &d.blocks[0] else {
        panic!("{:?}", d.blocks[0]);
    };
    assert_eq!(plain(a.subtitle.as_ref().unwrap()), "深学笃行重要指示精神");
}

#[test]
fn t23_strong_around_a_whole_heading_is_dropped_partial_strong_kept() {
    use super::headings::unwrap_whole_strong;
    let t = |s: &str| Inline::Text(s.into());
    let strong = |s: &str| Inline::Strong(vec![t(s)]);
    assert_eq!(
        unwrap_whole_strong(vec![t("4. "), strong("明晰边界协同赋能")]),
        vec![t("4. 明晰边界协同赋能")]
    );
    assert_eq!(
        unwrap_whole_strong(vec![strong("锚定全局靶向发力")]),
        vec![t("锚定全局靶向发力")]
    );
    let partial = vec![t("1.坚持"), strong("党的领导"), t("不动摇")];
    assert_eq!(unwrap_whole_strong(partial.clone()), partial);
}
