//! Every T2–T5 example of TYPOGRAPHY.md, by name.

use super::run;
use crate::ast::{Block, Document, Inline, Link, Para};
use crate::log::{Level, Log};

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn run_seq(content: Vec<Inline>) -> (Vec<Inline>, Log) {
    let doc = Document {
        blocks: vec![Block::Para(Para { content, line: 7 })],
        ..Default::default()
    };
    let mut log = Log::default();
    let mut out = run(doc, &mut log);
    match out.blocks.remove(0) {
        Block::Para(p) => (p.content, log),
        _ => unreachable!(),
    }
}

fn conv(s: &str) -> String {
    let (seq, _) = run_seq(vec![t(s)]);
    crate::passes::flat::plain(&seq)
}

#[test]
fn t2_decimal_untouched() {
    assert_eq!(
        conv("增长2693.3亿元,同比增长5%"),
        "增长2693.3亿元，同比增长5%"
    );
}

#[test]
fn t2_thousands_untouched() {
    assert_eq!(conv("共1,234人,其中"), "共1,234人，其中");
}

#[test]
fn t2_time_untouched() {
    assert_eq!(conv("时间10:30,地点"), "时间10:30，地点");
    assert_eq!(conv("比分2:1;全场"), "比分2:1；全场");
}

#[test]
fn t2_parens_with_han_neighbour() {
    assert_eq!(conv("人工智能(AI)技术"), "人工智能（AI）技术");
    assert_eq!(conv("见(附件一)"), "见（附件一）");
}

#[test]
fn t2_parens_between_west_stay() {
    assert_eq!(conv("the (AI) model"), "the (AI) model");
}

#[test]
fn t2_url_untouched() {
    assert_eq!(
        conv("见 https://a.cn/x?a=1,b:2 。"),
        "见 https://a.cn/x?a=1,b:2。"
    );
    assert_eq!(
        conv("邮件a.b@c.cn,路径/usr/local/bin,完"),
        "邮件a.b@c.cn，路径/usr/local/bin，完"
    );
}

#[test]
fn t2_url_trailing_punctuation_is_text() {
    assert_eq!(conv("见(https://a.cn/x)"), "见（https://a.cn/x）");
    assert_eq!(conv("访问https://a.cn/x,然后"), "访问https://a.cn/x，然后");
    assert_eq!(conv("见https://a.cn/f(1),完"), "见https://a.cn/f(1)，完");
}

#[test]
fn t2_latin_sentence_untouched() {
    assert_eq!(
        conv("他说：“Stay hungry, stay foolish.”"),
        "他说：“Stay hungry, stay foolish.”"
    );
}

#[test]
fn t2_punctuation_after_han() {
    assert_eq!(conv("近日,习近平;真的?!好!"), "近日，习近平；真的？！好！");
}

#[test]
fn t2_full_stop_rules() {
    assert_eq!(conv("这是结尾."), "这是结尾。");
    assert_eq!(conv("第一句. 第二句."), "第一句。第二句。");
    assert_eq!(conv("举例e.g. 之后"), "举例e.g. 之后");
    assert_eq!(conv("1.加强学习"), "1.加强学习");
}

#[test]
fn t2_code_span_never_touched() {
    let (seq, _) = run_seq(vec![t("用"), Inline::Code("a,b:c".into()), t(",然后")]);
    assert_eq!(
        seq,
        vec![t("用"), Inline::Code("a,b:c".into()), t("，然后")]
    );
}

#[test]
fn t2_link_target_untouched() {
    let link = Inline::Link(Link {
        url: "https://x.cn/a,b".into(),
        title: None,
        content: vec![t("链接,文字")],
    });
    let (seq, _) = run_seq(vec![t("见"), link]);
    match &seq[1] {
        Inline::Link(l) => {
            assert_eq!(l.url, "https://x.cn/a,b");
            assert_eq!(l.content, vec![t("链接，文字")]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn t2_context_crosses_strong() {
    let (seq, _) = run_seq(vec![Inline::Strong(vec![t("重点")]), t(",下一句")]);
    assert_eq!(seq, vec![Inline::Strong(vec![t("重点")]), t("，下一句")]);
}

#[test]
fn t3_quotes_nested() {
    assert_eq!(
        conv("他说:\"我们要'实事求是'。\""),
        "他说：“我们要‘实事求是’。”"
    );
}

#[test]
fn t3_mixed_curly_and_ascii() {
    assert_eq!(conv("他说“你好\"。"), "他说“你好”。");
    assert_eq!(conv("“他说\"好\"”"), "“他说‘好’”");
}

#[test]
fn t3_apostrophe_kept() {
    assert_eq!(conv("he don't know"), "he don't know");
    assert_eq!(conv("「引号」『保留』"), "「引号」『保留』");
}

#[test]
fn t3_third_level_is_double() {
    assert_eq!(conv("他说“甲说'乙说\"好\"'”"), "他说“甲说‘乙说“好”’”");
}

#[test]
fn t4_dash() {
    assert_eq!(conv("历史--人民创造的"), "历史——人民创造的");
    assert_eq!(conv("历史---人民"), "历史——人民");
    assert_eq!(conv("历史—人民"), "历史——人民");
    assert_eq!(conv("历史\u{2E3A}人民"), "历史——人民");
    assert_eq!(conv("历史－－人民"), "历史——人民");
}

#[test]
fn t4_ellipsis() {
    assert_eq!(conv("等等..."), "等等……");
    assert_eq!(conv("等等......"), "等等……");
    assert_eq!(conv("等等。。。"), "等等……");
    assert_eq!(conv("等等…"), "等等……");
    assert_eq!(conv("等等⋯⋯"), "等等……");
    assert_eq!(conv("wait..."), "wait…");
}

#[test]
fn t4_connectors_kept() {
    assert_eq!(conv("1921-2021年"), "1921-2021年");
    assert_eq!(conv("1949—1986年"), "1949—1986年");
    assert_eq!(conv("日期2011-02-15"), "日期2011-02-15");
    assert_eq!(conv("用--help查看"), "用--help查看");
}

#[test]
fn t4_wave_dash_between_digits() {
    assert_eq!(conv("气温10~20度"), "气温10～20度");
}

#[test]
fn t5_fullwidth_alnum() {
    assert_eq!(conv("第３章ＡＢｃ"), "第3章ABc");
}

#[test]
fn t5_interpunct() {
    assert_eq!(conv("马克思•恩格斯"), "马克思·恩格斯");
    assert_eq!(conv("马克思・恩格斯"), "马克思·恩格斯");
    assert_eq!(conv("马克思．恩格斯"), "马克思·恩格斯");
}

#[test]
fn t5_space_touching_fullwidth_deleted() {
    assert_eq!(conv("中文 ，英文"), "中文，英文");
    assert_eq!(conv("他说： “好” 。"), "他说：“好”。");
}

#[test]
fn t5_ideographic_space_kept() {
    assert_eq!(conv("第一章\u{3000}总则"), "第一章\u{3000}总则");
    assert_eq!(conv("“经验”\u{3000}加快"), "“经验”\u{3000}加快");
}

#[test]
fn t5_english_quotes_keep_spaces() {
    assert_eq!(conv("He said “hi” to me"), "He said “hi” to me");
}

#[test]
fn lint_w_ord_and_w_date() {
    let (_, log) = run_seq(vec![t("1、加强学习，2024年03月05日")]);
    let codes: Vec<&str> = log.warnings().map(|e| e.source.as_str()).collect();
    assert!(codes.contains(&"W-ORD"), "{codes:?}");
    assert!(codes.contains(&"W-DATE"), "{codes:?}");
    assert!(log.warnings().all(|e| e.line == 7));
    assert!(log
        .warnings()
        .any(|e| e.message.contains("`2024年03月05日`")));
    let (_, log) = run_seq(vec![t("2024年3月5日，10月20日")]);
    assert_eq!(log.warnings().count(), 0);
}

#[test]
fn lint_w_stop_mixed() {
    let (_, log) = run_seq(vec![t("一句。二句．")]);
    assert!(log.warnings().any(|e| e.source == "W-STOP"));
    let (_, log) = run_seq(vec![t("一句。二句。")]);
    assert!(!log.warnings().any(|e| e.source == "W-STOP"));
}

#[test]
fn lint_w_fwzh() {
    let (_, log) = run_seq(vec![t("浙政发[2024]3号")]);
    assert!(log.warnings().any(|e| e.source == "W-FWZH"));
}

#[test]
fn changes_are_logged_with_line() {
    let (_, log) = run_seq(vec![t("近日,习近平")]);
    let e = &log.entries[0];
    assert_eq!(
        (e.level, e.line, e.source.as_str()),
        (Level::Change, 7, "punct")
    );
}

#[test]
fn lint_w_ord_once_per_document_with_count() {
    let para = |s: &str, line| {
        Block::Para(Para {
            content: vec![t(s)],
            line,
        })
    };
    let doc = Document {
        blocks: vec![para("1、学习", 3), para("正文", 5), para("2、调研", 7)],
        ..Default::default()
    };
    let mut log = Log::default();
    run(doc, &mut log);
    let ord: Vec<_> = log.warnings().filter(|e| e.source == "W-ORD").collect();
    assert_eq!(ord.len(), 1, "{ord:?}");
    assert_eq!(ord[0].line, 3);
    assert!(ord[0].message.contains("`1、`") && ord[0].message.contains("2 blocks"));
}

#[test]
fn document_wide_lints_count_in_document_order_when_run_in_parallel() {
    // Enough paragraphs for the sequences to be spread over threads (issue 12): the first
    // W-ORD and W-STOP lines are still the first in the document, the counts the sums.
    let para = |s: String, line| {
        Block::Para(Para {
            content: vec![t(&s)],
            line,
        })
    };
    let mut blocks: Vec<Block> = (0..400)
        .map(|i| para(format!("正文{i}。"), 10 + i))
        .collect();
    blocks[150] = para("1、学习".into(), 160);
    blocks[151] = para("二句．".into(), 161);
    blocks[390] = para("2、调研".into(), 400);
    blocks[391] = para("三句．".into(), 401);
    let mut log = Log::default();
    run(
        Document {
            blocks,
            ..Default::default()
        },
        &mut log,
    );
    let ord: Vec<_> = log.warnings().filter(|e| e.source == "W-ORD").collect();
    assert_eq!(ord.len(), 1, "{ord:?}");
    assert_eq!(ord[0].line, 160);
    assert!(ord[0].message.contains("2 blocks"), "{}", ord[0].message);
    let stop: Vec<_> = log.warnings().filter(|e| e.source == "W-STOP").collect();
    assert_eq!(stop.len(), 1, "{stop:?}");
    assert_eq!(stop[0].line, 161);
}

mod may_change_is_sound {
    use super::super::{may_change, protect, round, to_halfwidth, Counts};
    use crate::passes::flat;
    use proptest::prelude::*;

    /// Han, full-width punctuation, Latin, digits and U+3000: what no rule acts on alone.
    const QUIET: &[char] = &[
        '中', '文', '字', '，', '。', '、', '：', '；', '！', '？', '“', '”', '‘', '’', '（', '）',
        '《', '》', 'a', 'b', 'Z', '1', '2', '\u{3000}', '/', '@', '%',
    ];
    /// Every character a rule acts on, and blanks.
    const TRIGGERS: &[char] = &[
        '.', ',', ';', ':', '?', '!', '(', ')', '"', '\'', '~', '-', '…', '⋯', '－', '\u{2E3A}',
        '—', '\u{301C}', '\u{2022}', '\u{2027}', '\u{30FB}', '\u{FF65}', '\u{FF0E}', ' ', '\t',
        '\u{a0}', '。',
    ];

    /// Mostly quiet characters with a few triggers, so that both answers of `may_change`
    /// come up.
    fn text() -> impl Strategy<Value = String> {
        let ch = prop_oneof![
            6 => proptest::sample::select(QUIET),
            1 => proptest::sample::select(TRIGGERS),
        ];
        proptest::collection::vec(ch, 0..24).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

        /// Issue 12: the pass stops when `may_change` says no; a round must then change
        /// nothing, at the start and after every round.
        #[test]
        fn a_round_changes_nothing_when_may_change_says_no(
            text in text()
        ) {
            let seq = vec![crate::ast::Inline::Text(text)];
            let mut cells = flat::flatten(&seq);
            let mut counts = Counts::default();
            to_halfwidth::fullwidth_alnum(&mut cells, &mut counts);
            protect(&mut cells);
            for _ in 0..4 {
                let before = cells.clone();
                round(&mut cells, &mut counts);
                if !may_change(&before) {
                    prop_assert_eq!(&before, &cells);
                }
                if cells == before {
                    break;
                }
            }
        }
    }
}
