//! Paragraph engine tests (T8–T17, T24), measured on the bundled Noto Serif CJK SC.

use paiban::ast::Inline;
use paiban::layout::{
    collect, set_paragraph, FontSet, Kinsoku, Line, ParaSpec, RunStyle, StyledRun, TextLook,
};
use paiban::style::{Alignment, FontRole};
use proptest::prelude::*;

/// Size of the test text: 1 em = 10 pt.
const EM: f32 = 10.0;

fn base() -> RunStyle {
    RunStyle {
        font: FontRole::Song,
        size: EM,
        bold: false,
    }
}

fn spec_runs(runs: Vec<StyledRun>, width_em: f32, indent_em: f32, align: Alignment) -> ParaSpec {
    ParaSpec {
        runs,
        width: width_em * EM,
        first_indent: indent_em * EM,
        align,
        kinsoku: Kinsoku::Gb,
        line_pitch: 1.6 * EM,
        look: TextLook::default(),
    }
}

fn set(text: &str, width_em: f32) -> Vec<Line> {
    let spec = spec_runs(
        vec![StyledRun::plain(text, &base())],
        width_em,
        0.0,
        Alignment::Justify,
    );
    set_paragraph(&spec, &FontSet::bundled())
}

/// (x, cluster text) of every glyph that carries text, in line order.
fn glyphs(line: &Line) -> Vec<(f32, String)> {
    line.glyph_runs
        .iter()
        .flat_map(|r| r.glyphs.iter())
        .filter(|g| !g.text.is_empty())
        .map(|g| (g.x, g.text.to_string()))
        .collect()
}

fn x_of(line: &Line, s: &str, nth: usize) -> f32 {
    glyphs(line)
        .into_iter()
        .filter(|(_, t)| t.trim_end() == s)
        .nth(nth)
        .unwrap_or_else(|| panic!("no {s:?} #{nth} in {:?}", line.text))
        .0
}

fn dump(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|l| format!("{:7.2} {}\n", l.width / EM, l.text))
        .collect()
}

/// T9 `gb`: chars that may not start a line.
const NO_START: &str = "。．，、：；！？‼⁇⁈⁉”’）》〉」』】〗〕］｝·–—～/／…⋯";
/// T9 `gb`: chars that may not end a line.
const NO_END: &str = "“‘（《〈「『【〖〔［｛/／";

fn assert_kinsoku(lines: &[Line]) {
    for w in lines.windows(2) {
        let end = w[0].text.chars().last().unwrap();
        let start = w[1].text.chars().next().unwrap();
        assert!(
            !NO_END.contains(end),
            "line ends with {end:?}: {}",
            dump(lines)
        );
        // DASH2 may start a line at level gb (only strict bars it).
        let dash2 = w[1].text.starts_with("——");
        assert!(
            dash2 || !NO_START.contains(start),
            "line starts with {start:?}: {}",
            dump(lines)
        );
    }
}

const SAMPLE: &str = "习近平总书记在浙江工作期间，多次到义乌调研，总结推广“义乌发展经验”。20年来，义乌始终牢记嘱托、感恩奋进，一以贯之坚持和深化“义乌发展经验”，在一张蓝图绘到底、一任接着一任干的接续奋斗中，让这一宝贵经验与时俱进、守正创新，不断彰显穿越时空的理论价值与实践伟力——站在新的历史起点……我们必须以更高站位（更实举措）、更强担当，不断赋予《义乌发展经验》新的时代内涵，2693.3亿元，增长3.5%。";

#[test]
fn t9_kinsoku_gb_at_many_widths() {
    for w in 6..40 {
        let lines = set(SAMPLE, w as f32);
        assert!(lines.len() > 1);
        assert_kinsoku(&lines);
    }
    // A comma that would start line 2 is squeezed in or pulls a character down.
    let lines = set("甲乙丙丁，戊己庚辛", 4.0);
    assert_kinsoku(&lines);
}

#[test]
fn t10_dash2_and_ell2_never_split() {
    let text = "他说——这个问题很重要……我们要研究————再研究……………………然后决定。";
    for w in 3..30 {
        let lines = set(text, w as f32);
        // Four or more marks break only between complete 2-em units (which happens only
        // where the measure is narrower than the unbreakable run, W-BREAK).
        for l in &lines {
            for c in ['—', '…'] {
                let lead = l.text.chars().take_while(|&x| x == c).count();
                let trail = l.text.chars().rev().take_while(|&x| x == c).count();
                assert!(lead % 2 == 0, "split {c} at width {w}: {}", dump(&lines));
                assert!(trail % 2 == 0, "split {c} at width {w}: {}", dump(&lines));
            }
        }
    }
}

#[test]
fn t11_no_runt_last_line() {
    // 25 Han at 12 em: greedy gives a 1-char last line.
    let lines = set("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰", 12.0);
    let last = lines.last().unwrap();
    assert!(last.text.chars().count() >= 2, "{}", dump(&lines));
    // Trailing punctuation does not count.
    let lines = set(
        "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰。”",
        12.0,
    );
    let body: String = lines
        .last()
        .unwrap()
        .text
        .chars()
        .filter(|c| !"。”".contains(*c))
        .collect();
    assert!(body.chars().count() >= 2, "{}", dump(&lines));
    for w in 5..30 {
        let lines = set(SAMPLE, w as f32);
        let body = lines
            .last()
            .unwrap()
            .text
            .trim_end_matches(['。', '”', '，']);
        assert!(body.chars().count() >= 2, "width {w}: {}", dump(&lines));
    }
}

#[test]
fn t12_dash2_is_two_em_one_stroke() {
    let lines = set("甲——乙", 20.0);
    assert_eq!(lines.len(), 1);
    let l = &lines[0];
    let (a, b) = (x_of(l, "甲", 0), x_of(l, "乙", 0));
    assert!(
        (b - a - 3.0 * EM).abs() < 0.02 * EM,
        "甲→乙 {}",
        (b - a) / EM
    );
    // Drawn as one 2-em dash glyph (U+2E3A), stretched so its ink fills the box (see
    // t12_dash2_glyph_stretched_over_two_em); its advance ends where 乙 starts.
    let dash: Vec<_> = l
        .glyph_runs
        .iter()
        .flat_map(|r| &r.glyphs)
        .filter(|g| g.text == "——")
        .collect();
    assert_eq!(dash.len(), 1);
    assert!(
        dash[0].x <= a + EM + 0.01,
        "dash origin at or before its box"
    );
    assert!((dash[0].x + dash[0].advance - b).abs() < 0.02 * EM);
}

#[test]
fn t12_mid_dot_half_em_box() {
    let lines = set("马克思·韦伯", 20.0);
    let l = &lines[0];
    let d = x_of(l, "韦", 0) - x_of(l, "思", 0);
    assert!((d - 1.5 * EM).abs() < 0.02 * EM, "{}", d / EM);
}

#[test]
fn t13_adjacent_punctuation_half_em() {
    let lines = set("他说：“好。”然后走了", 30.0);
    let l = &lines[0];
    let d = x_of(l, "”", 0) - x_of(l, "。", 0);
    assert!((d - 0.5 * EM).abs() < 0.02 * EM, "。→” {}", d / EM);
    // `：“` is 1.5 em: the quote's ink starts at the colon box + 1 em.
    let d = x_of(l, "好", 0) - x_of(l, "：", 0);
    assert!((d - 1.5 * EM).abs() < 0.02 * EM, "：“ pair {}", d / EM);
    // T25: after an unpaired `“` the next glyph starts 1 em later.
    let l = &set("甲“乙", 30.0)[0];
    assert!((x_of(l, "乙", 0) - x_of(l, "甲", 0) - 2.0 * EM).abs() < 0.02 * EM);
}

#[test]
fn t14_justified_line_ending_in_full_stop() {
    let lines = set("一二三四五六七八九十甲。乙丙丁戊", 12.0);
    let l = &lines[0];
    assert!(l.text.ends_with('。'), "{}", dump(&lines));
    assert!(l.justified);
    let x = x_of(l, "。", 0);
    assert!(
        (x - (12.0 - 0.5) * EM).abs() < 0.03 * EM,
        "。 at {}",
        x / EM
    );
    assert!((l.width - 12.0 * EM).abs() < 0.01);
}

fn autospace_ast() -> Vec<Inline> {
    vec![
        Inline::Text("用".into()),
        Inline::AutoSpace,
        Inline::Text("Rust".into()),
        Inline::AutoSpace,
        Inline::Text("写".into()),
        Inline::AutoSpace,
        Inline::Text("2024".into()),
        Inline::AutoSpace,
        Inline::Text("年".into()),
    ]
}

fn natural(text: &str) -> f32 {
    set(text, 100.0)[0].width
}

#[test]
fn t15_han_west_gap_quarter_em_in_last_line() {
    let expect = 3.0 * EM + natural("Rust") + natural("2024") + 4.0 * 0.25 * EM;
    // From the AST (AutoSpace nodes of the T5 pass) and from plain text (detected).
    let runs = collect(&autospace_ast(), &base());
    let spec = spec_runs(runs, 30.0, 0.0, Alignment::Justify);
    let from_ast = &set_paragraph(&spec, &FontSet::bundled())[0];
    let plain = &set("用Rust写2024年", 30.0)[0];
    for l in [from_ast, plain] {
        assert!(
            (l.width - expect).abs() < 0.02 * EM,
            "{} vs {}",
            l.width / EM,
            expect / EM
        );
        assert!((x_of(l, "R", 0) - x_of(l, "用", 0) - 1.25 * EM).abs() < 0.02 * EM);
        assert!((x_of(l, "2", 0) - x_of(l, "写", 0) - 1.25 * EM).abs() < 0.02 * EM);
    }
    // None next to full-width punctuation or at a line edge.
    let l = &set("（Rust）", 30.0)[0];
    assert!((l.width - (1.5 * EM + natural("Rust"))).abs() < 0.02 * EM);
}

#[test]
fn t16_justified_lines_fill_the_measure() {
    for w in [9.5f32, 12.0, 17.3, 25.0, 37.79] {
        let lines = set(SAMPLE, w);
        for l in &lines[..lines.len() - 1] {
            assert!(
                (l.width - w * EM).abs() < 0.01,
                "width {w}: {:.3} {}",
                l.width / EM,
                l.text
            );
            assert!(l.justified);
        }
        let last = lines.last().unwrap();
        assert!(last.width <= w * EM + 0.01 && !last.justified);
    }
}

#[test]
fn t16_han_gaps_stay_small() {
    // No gap between two HAN exceeds 0.5 em unless the line has ≤ 3 gaps.
    let lines = set(SAMPLE, 20.0);
    for l in &lines[..lines.len() - 1] {
        let g = glyphs(l);
        for w in g.windows(2) {
            let han = |t: &str| t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            if han(&w[0].1) && han(&w[1].1) {
                assert!(w[1].0 - w[0].0 <= 1.5 * EM + 0.01, "{}", l.text);
            }
        }
    }
}

#[test]
fn t17_first_line_indent() {
    let spec = spec_runs(
        vec![StyledRun::plain(SAMPLE, &base())],
        20.0,
        2.0,
        Alignment::Justify,
    );
    let lines = set_paragraph(&spec, &FontSet::bundled());
    assert!((lines[0].x - 2.0 * EM).abs() < 0.01);
    assert!((lines[0].width - 18.0 * EM).abs() < 0.01);
    assert!(lines[1..].iter().all(|l| l.x == 0.0));
}

#[test]
fn centred_and_left_lines_keep_natural_width() {
    let spec = spec_runs(
        vec![StyledRun::plain("坚持和深化义乌发展经验", &base())],
        20.0,
        0.0,
        Alignment::Center,
    );
    let l = &set_paragraph(&spec, &FontSet::bundled())[0];
    assert!((l.width - 11.0 * EM).abs() < 0.01);
    assert!((l.x - 4.5 * EM).abs() < 0.01);
}

#[test]
fn t24_emphasis_dots_under_han_only() {
    let ast = vec![
        Inline::Text("甲".into()),
        Inline::Emph(vec![Inline::Text("重要，ab乙".into())]),
    ];
    let spec = spec_runs(collect(&ast, &base()), 30.0, 0.0, Alignment::Justify);
    let l = &set_paragraph(&spec, &FontSet::bundled())[0];
    assert_eq!(l.dots.len(), 3, "{:?}", l.dots);
    for d in &l.dots {
        assert!((d.r - 0.075 * EM).abs() < 0.01);
        assert!(d.y < -0.12 * EM - 0.05 * EM, "below the em box");
    }
    let zhong = x_of(l, "重", 0);
    assert!((l.dots[0].x - (zhong + 0.5 * EM)).abs() < 0.02 * EM);
}

#[test]
fn t24_strong_uses_real_bold_face() {
    let ast = vec![Inline::Strong(vec![Inline::Text("加强".into())])];
    let spec = spec_runs(collect(&ast, &base()), 30.0, 0.0, Alignment::Justify);
    let l = &set_paragraph(&spec, &FontSet::bundled())[0];
    assert!(l
        .glyph_runs
        .iter()
        .all(|r| r.bold_stroke == 0.0 && r.face.weight >= 600));
}

#[test]
fn t26_code_keeps_text_and_breaks_at_spaces() {
    let ast = vec![
        Inline::Text("运行".into()),
        Inline::Code("cargo build --release".into()),
        Inline::Text("命令".into()),
    ];
    let spec = spec_runs(collect(&ast, &base()), 9.0, 0.0, Alignment::Justify);
    let lines = set_paragraph(&spec, &FontSet::bundled());
    assert!(lines.len() > 1, "{}", dump(&lines));
    // Every break falls at a code space, so joining lines with one space restores the text.
    let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined.join(" "), "运行cargo build --release命令");
    for l in &lines {
        assert!(l.width <= 9.0 * EM + 0.01, "{}", dump(&lines));
    }
}

#[test]
fn glyph_advances_chain_within_runs() {
    for l in set(SAMPLE, 15.0) {
        for r in &l.glyph_runs {
            assert!((r.x - r.glyphs[0].x).abs() < 1e-3);
            for w in r.glyphs.windows(2) {
                assert!((w[0].x + w[0].advance - w[1].x).abs() < 1e-3);
            }
        }
    }
}

fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "中", "国", "发", "展", "经", "验", "义", "乌", "的", "在", "了", "是", "人", "民", "新",
        "时", "代", "Rust", "hello", "PDF", "2024", "3.5%", "1,234", "10:30", "2693.3", "，", "。",
        "、", "“", "”", "《", "》", "——", "……", "：", "；", "？", "！", "（", "）", "·", "～", "‘",
        "’", "？！", "】", "【", "\u{3000}",
    ])
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 1..120).prop_map(|toks| {
        let mut s = String::new();
        let latin = |t: &str| t.chars().next().unwrap().is_ascii_alphanumeric();
        let han = |t: &str| t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let mut prev: Option<&str> = None;
        let mut marks = 0;
        for t in toks {
            if prev.is_some_and(latin) && latin(t) {
                s.push(' ');
            }
            // Curly quotes touching Latin are Latin quotes (T7, UAX #14 QU glues them to
            // both neighbours); keep the generated ones in CJK context.
            let quote = |t: &str| matches!(t, "“" | "”" | "‘" | "’");
            if prev.is_some_and(|p| (latin(p) && quote(t)) || (quote(p) && latin(t))) {
                s.push('中');
            }
            // Keep unbreakable units (mark chains that may neither start nor end a line)
            // shorter than the narrowest measure: at most two marks in a row.
            marks = if han(t) || latin(t) { 0 } else { marks + 1 };
            if marks > 2 {
                s.push('中');
                marks = 1;
            }
            s.push_str(t);
            prev = Some(t);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn prop_no_overfull_text_kept_kinsoku(text in paragraph(), width in 8.0f32..40.0) {
        let lines = set(&text, width);
        for l in &lines {
            // Only a unit with no break opportunity (no Han, no space: `Rust“Rust”`) may overflow.
            let unit = !l.text.chars().any(|c| c == ' ' || ('\u{4e00}'..='\u{9fff}').contains(&c));
            prop_assert!(unit || l.width <= width * EM + 0.01, "overfull {:.2}/{width}: {}", l.width / EM, dump(&lines));
        }
        // T16: a justified line with Han in it has inter-character gaps to fill the measure.
        for l in &lines[..lines.len() - 1] {
            let han = l.text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            if han >= 2 && l.width <= width * EM + 0.01 {
                prop_assert!((l.width - width * EM).abs() < 0.01, "not justified: {}", dump(&lines));
            }
        }
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        prop_assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        for w in lines.windows(2) {
            let end = w[0].text.chars().last().unwrap();
            let start = w[1].text.chars().next().unwrap();
            prop_assert!(!NO_END.contains(end), "ends with {end:?}: {}", dump(&lines));
            prop_assert!(w[1].text.starts_with("——") || !NO_START.contains(start), "starts with {start:?}: {}", dump(&lines));
        }
    }
}

/// Body paragraphs of the reference input with its copy-paste commas repaired, repeated
/// to `bytes`.
fn big_text(bytes: usize) -> Vec<String> {
    let src = include_str!("../fixtures/layout_yiwu_paras.txt");
    let paras: Vec<&str> = src.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = Vec::new();
    let mut n = 0;
    while n < bytes {
        for p in &paras {
            n += p.len();
            out.push(p.to_string());
        }
    }
    out
}

/// A 200 KB text sets every paragraph (speed is the benchmark's business, `scripts/bench.sh`,
/// never a timed test).
#[test]
fn large_200kb_text_sets_every_paragraph() {
    let paras = big_text(200_000);
    let fonts = FontSet::bundled();
    for p in &paras {
        let spec = spec_runs(
            vec![StyledRun::plain(p.as_str(), &base())],
            37.79,
            2.0,
            Alignment::Justify,
        );
        let lines = set_paragraph(&spec, &fonts);
        let set: usize = lines
            .iter()
            .map(|l| l.text.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        assert!(
            !lines.is_empty() && set >= p.chars().filter(|c| !c.is_whitespace()).count(),
            "a paragraph lost text: {} of {} characters set",
            set,
            p.chars().count()
        );
    }
}

#[test]
fn t8_urls_break_after_separators_not_in_scheme() {
    let url = "https://example.com/path/to/some-resource?query=value&x=1";
    let ast = vec![
        Inline::Text("见".into()),
        Inline::Link(paiban::ast::Link {
            url: url.into(),
            title: None,
            content: vec![Inline::Text(url.into())],
        }),
        Inline::Text("。".into()),
    ];
    let spec = spec_runs(collect(&ast, &base()), 10.0, 0.0, Alignment::Justify);
    let lines = set_paragraph(&spec, &FontSet::bundled());
    assert!(lines.len() > 1, "{}", dump(&lines));
    for l in &lines {
        assert!(l.width <= 10.0 * EM + 0.01, "{}", dump(&lines));
        assert!(
            !l.text.ends_with("https:/") && !l.text.ends_with("https:"),
            "{}",
            dump(&lines)
        );
    }
    let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(joined, format!("见{url}。"));
    assert!(lines
        .iter()
        .all(|l| l.links.iter().all(|a| a.url == url && a.x1 > a.x0)));
}

#[test]
fn footnote_marker_never_starts_a_line() {
    for w in 5..14 {
        let ast = vec![
            Inline::Text("一二三四五六七八九十甲乙丙丁戊己庚辛".into()),
            Inline::NoteRef("1".into()),
            Inline::Text("壬癸子丑".into()),
        ];
        let spec = spec_runs(collect(&ast, &base()), w as f32, 0.0, Alignment::Justify);
        let lines = set_paragraph(&spec, &FontSet::bundled());
        assert!(
            lines.iter().all(|l| !l.text.starts_with('1')),
            "{}",
            dump(&lines)
        );
        let marker = lines
            .iter()
            .flat_map(|l| &l.glyph_runs)
            .find(|r| r.glyphs.iter().any(|g| g.text == "1"))
            .unwrap();
        assert!(
            marker.size < EM && marker.glyphs[0].y_offset > 0.0,
            "superscript"
        );
    }
}

#[test]
fn t12_single_dash_and_ellipsis_widths() {
    for (text, em) in [
        ("甲—乙", 2.0),
        ("甲……乙", 3.0),
        ("甲～乙", 2.0),
        ("甲–乙", 1.5),
    ] {
        let l = &set(text, 20.0)[0];
        let d = x_of(l, "乙", 0) - x_of(l, "甲", 0);
        assert!((d - em * EM).abs() < 0.02 * EM, "{text}: {}", d / EM);
    }
}

#[test]
fn t25_kai_quotes_in_one_em_box() {
    // LXGW WenKai's quotes are 0.35 em wide; T25 sets them in a 1-em box.
    let kai = RunStyle {
        font: FontRole::Kai,
        size: EM,
        bold: false,
    };
    let spec = spec_runs(
        vec![StyledRun::plain("甲“乙”丙", &kai)],
        20.0,
        0.0,
        Alignment::Justify,
    );
    let l = &set_paragraph(&spec, &FontSet::bundled())[0];
    assert!((x_of(l, "乙", 0) - x_of(l, "甲", 0) - 2.0 * EM).abs() < 0.02 * EM);
    assert!((x_of(l, "丙", 0) - x_of(l, "乙", 0) - 2.0 * EM).abs() < 0.02 * EM);
    // The opening quote's ink sits at the right of its box (OPEN, T7).
    assert!(x_of(l, "“", 0) - x_of(l, "甲", 0) > 1.5 * EM);
}

#[test]
fn t8_cjk_quotes_break_like_brackets() {
    // UAX #14 treats “ as QU and forbids `，|“`; T8 tailors it to OP.
    let lines = set("一二三四五，“六七八九”，甲乙", 6.0);
    assert!(lines[0].text.ends_with('，'), "{}", dump(&lines));
    assert!(lines[1].text.starts_with('“'), "{}", dump(&lines));
    // And `”|汉` is a break too.
    let lines = set("“一二三四五”六七八九十", 6.0);
    assert_eq!(lines[0].text, "“一二三四五”", "{}", dump(&lines));
}

#[test]
fn t8_no_break_inside_numbers_and_words() {
    for w in 4..12 {
        let lines = set(
            "增长2693.3亿元，达1,234家，10:30开会，占3.5%，Rust语言",
            w as f32,
        );
        let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        for unit in ["2693.3", "1,234", "10:30", "3.5%", "Rust"] {
            // Each unit sits whole on one line.
            assert!(
                joined.iter().any(|t| t.contains(unit)),
                "{unit} split at {w}: {}",
                dump(&lines)
            );
        }
    }
}

#[test]
fn hard_line_break_forces_a_natural_width_line() {
    let ast = vec![
        Inline::Text("一二三".into()),
        Inline::LineBreak,
        Inline::Text("四五六七八九十".into()),
    ];
    let spec = spec_runs(collect(&ast, &base()), 20.0, 0.0, Alignment::Justify);
    let lines = set_paragraph(&spec, &FontSet::bundled());
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].text, "一二三");
    assert!(!lines[0].justified && (lines[0].width - 3.0 * EM).abs() < 0.01);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Any text at any measure: no panic, no lost characters (only breaking whitespace).
    #[test]
    fn prop_any_text_is_kept(text in "[\\PC\n]{0,80}", width in 0.5f32..40.0) {
        let lines = set(&text, width);
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        let strip = |s: &str| s.chars().filter(|c| !matches!(c, ' ' | '\t' | '\n')).collect::<String>();
        prop_assert_eq!(strip(&joined), strip(&text));
    }
}

#[test]
fn t9_strict_bars_dash2_at_line_start() {
    let text = "一二三四五六七八——九十";
    let run = |k: Kinsoku, w: f32| {
        let mut spec = spec_runs(
            vec![StyledRun::plain(text, &base())],
            w,
            0.0,
            Alignment::Justify,
        );
        spec.kinsoku = k;
        set_paragraph(&spec, &FontSet::bundled())
    };
    // At 8 em, gb may start line 2 with the dash; strict pulls a character down with it.
    let gb = run(Kinsoku::Gb, 8.0);
    assert_eq!(gb[1].text, "——九十", "{}", dump(&gb));
    let strict = run(Kinsoku::Strict, 8.0);
    assert!(!strict[1].text.starts_with('—'), "{}", dump(&strict));
}

/// Every glyph of `line` with its run (for per-run flags).
fn run_glyphs(line: &Line) -> Vec<(&paiban::layout::GlyphRun, &paiban::layout::PlacedGlyph)> {
    line.glyph_runs
        .iter()
        .flat_map(|r| r.glyphs.iter().map(move |g| (r, g)))
        .collect()
}

#[test]
fn t12_dash2_glyph_stretched_over_two_em() {
    // In a last line and in a justified line the ⸺ glyph's ink fills its 2-em box: the
    // run's x-scale times the glyph's natural ink width is 2 em ±0.05 em (T12).
    let face = FontSet::bundled().primary(FontRole::Song).clone();
    let parsed = rustybuzz::ttf_parser::Face::parse(face.data(), face.index).unwrap();
    let upem = parsed.units_per_em() as f32;
    for (text, width) in [("甲——乙", 20.0), (SAMPLE, 17.0)] {
        let lines = set(text, width);
        let mut seen = 0;
        for l in &lines {
            for (r, g) in run_glyphs(l).into_iter().filter(|(_, g)| g.text == "——") {
                seen += 1;
                let bb = parsed
                    .glyph_bounding_box(rustybuzz::ttf_parser::GlyphId(g.id))
                    .expect("dash has ink");
                let ink0 = g.x + bb.x_min as f32 / upem * r.size * r.x_scale;
                let ink1 = g.x + bb.x_max as f32 / upem * r.size * r.x_scale;
                assert!(
                    ((ink1 - ink0) - 2.0 * EM).abs() < 0.05 * EM,
                    "dash ink {} em in {:?}",
                    (ink1 - ink0) / EM,
                    l.text
                );
                assert_eq!(r.glyphs.len(), 1, "the stretched dash is a run of its own");
                // The ink starts where the dash's box starts: 1 em after the previous
                // Han in a last line.
                if text == "甲——乙" {
                    let a = x_of(l, "甲", 0);
                    assert!((ink0 - (a + EM)).abs() < 0.02 * EM, "{}", (ink0 - a) / EM);
                    let b = x_of(l, "乙", 0);
                    assert!((b - ink1).abs() < 0.02 * EM, "dash reaches 乙's box");
                }
            }
        }
        assert!(seen >= 1, "{}", dump(&lines));
    }
    // Nothing else is stretched.
    for l in set(SAMPLE, 17.0) {
        for (r, g) in run_glyphs(&l) {
            assert!(r.x_scale == 1.0 || g.text == "——", "{:?} scaled", g.text);
        }
    }
}

#[test]
fn t12_ell2_two_one_em_cells() {
    let lines = set("甲……乙", 20.0);
    let l = &lines[0];
    let dots: Vec<_> = run_glyphs(l)
        .into_iter()
        .filter(|(_, g)| g.advance > 0.0 && !g.text.starts_with(['甲', '乙']))
        .collect();
    assert_eq!(dots.len(), 2, "two … glyphs");
    let a = x_of(l, "甲", 0);
    let d = dots[1].1.x - dots[0].1.x;
    assert!((d - EM).abs() < 0.02 * EM, "… to … {}", d / EM);
    assert!((x_of(l, "乙", 0) - a - 3.0 * EM).abs() < 0.02 * EM);
    // Both carry text (`…` each), so extraction gives exactly `……`.
    let text: String = dots.iter().map(|(_, g)| g.text.as_str()).collect();
    assert_eq!(text, "……");
}

#[test]
fn t24_west_in_emphasis_oblique_han_never() {
    let ast = vec![
        Inline::Text("甲 ".into()),
        Inline::Emph(vec![Inline::Text("重要 Rust 代码，ok。乙".into())]),
        Inline::Text("丙 Go".into()),
    ];
    let spec = spec_runs(collect(&ast, &base()), 40.0, 0.0, Alignment::Justify);
    let l = &set_paragraph(&spec, &FontSet::bundled())[0];
    let mut west = String::new();
    for (r, g) in run_glyphs(l) {
        let c = g.text.trim().chars().next();
        let Some(c) = c else { continue };
        if c.is_ascii_alphabetic() && r.slant != 0.0 {
            west.push(c);
        }
        if !c.is_ascii() {
            assert!(
                r.slant == 0.0,
                "{c:?} (HAN or full-width) must not be oblique"
            );
        }
    }
    // Latin inside the emphasis leans; `Go` outside does not.
    assert_eq!(west, "Rustok");
    // Han in emphasis gets dots instead (重要代码乙).
    assert_eq!(l.dots.len(), 5);
}

#[test]
fn strike_decoration_spans_struck_text() {
    let ast = vec![
        Inline::Text("甲乙".into()),
        Inline::Strike(vec![Inline::Text("删除 del 线".into())]),
        Inline::Text("丙".into()),
    ];
    let spec = spec_runs(collect(&ast, &base()), 40.0, 0.0, Alignment::Left);
    let l = &set_paragraph(&spec, &FontSet::bundled())[0];
    assert_eq!(l.decorations.len(), 1, "{:?}", l.decorations);
    let d = l.decorations[0];
    let start = x_of(l, "删", 0);
    let end = x_of(l, "丙", 0);
    assert!((d.x0 - start).abs() < 0.01, "starts at 删");
    assert!((d.x1 - end).abs() < 0.3 * EM, "ends at 线's box, before 丙");
    assert!(d.x1 <= end + 0.01);
    assert!(
        d.y > 0.2 * EM && d.y < 0.5 * EM,
        "through the middle: {}",
        d.y / EM
    );
    assert!(d.thickness > 0.03 * EM && d.thickness < 0.1 * EM);
    // Unstruck text has no decoration.
    assert!(set("甲乙丙", 10.0)[0].decorations.is_empty());
}

#[test]
fn t9_stop_close_run_breaks_only_without_feasible_layout() {
    use paiban::layout::set_paragraph_logged;
    let fonts = FontSet::bundled();
    // Feasible: `。”）` stays together, no warning.
    for w in [3.0, 4.0, 5.0] {
        let spec = spec_runs(
            vec![StyledRun::plain("甲乙丙。”）丁戊己庚", &base())],
            w,
            0.0,
            Alignment::Justify,
        );
        let mut warn = Vec::new();
        let lines = set_paragraph_logged(&spec, &fonts, &mut warn);
        assert!(warn.is_empty(), "{warn:?}");
        assert!(lines
            .iter()
            .all(|l| l.text.contains("。”）") || !l.text.contains('。')));
        assert_kinsoku(&lines);
    }
    // Infeasible at 2 em: `乙。”）` needs 2.5 em; the only way not to overflow is a break
    // before the third mark, logged as W-KINSOKU.
    let spec = spec_runs(
        vec![StyledRun::plain("甲乙。”）丙丁", &base())],
        2.0,
        0.0,
        Alignment::Justify,
    );
    let mut warn = Vec::new();
    let lines = set_paragraph_logged(&spec, &fonts, &mut warn);
    for l in &lines {
        assert!(l.width <= 2.0 * EM + 0.01, "overfull: {}", dump(&lines));
    }
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert!(texts.contains(&"乙。”"), "{}", dump(&lines));
    assert!(
        texts.iter().any(|t| t.starts_with('）')),
        "{}",
        dump(&lines)
    );
    assert_eq!(warn.len(), 1, "{warn:?}");
    assert!(warn[0].starts_with("W-KINSOKU"), "{warn:?}");
    // The plain API sets the same lines.
    let plain = set_paragraph(&spec, &fonts);
    assert_eq!(plain.len(), lines.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]
    /// T24: in emphasis, Latin glyphs lean and Han/full-width glyphs never do; only DASH2
    /// is stretched (T12); T9: a `。”）` run at a feasible width never breaks (no warning).
    #[test]
    fn prop_emphasis_oblique_never_on_han(text in paragraph(), width in 8.0f32..40.0, at in 0usize..200) {
        let mut text = text;
        let cut = text.char_indices().map(|(b, _)| b).nth(at % text.chars().count().max(1)).unwrap_or(0);
        text.insert_str(cut, "中。”）");
        let ast = vec![Inline::Emph(vec![Inline::Text(text.clone())])];
        let spec = spec_runs(collect(&ast, &base()), width, 0.0, Alignment::Justify);
        let mut warn = Vec::new();
        let lines = paiban::layout::set_paragraph_logged(&spec, &FontSet::bundled(), &mut warn);
        prop_assert!(warn.is_empty(), "{warn:?}");
        for l in &lines {
            for (r, g) in run_glyphs(l) {
                let t = g.text.trim();
                if !t.is_ascii() {
                    prop_assert!(r.slant == 0.0, "{t:?} oblique");
                } else if t.chars().any(|c| c.is_ascii_alphabetic()) {
                    prop_assert!(r.slant != 0.0, "{t:?} upright in emphasis");
                }
                prop_assert!(r.x_scale == 1.0 || g.text == "——", "{:?} scaled", g.text);
            }
            let han = l.text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            prop_assert_eq!(l.dots.len(), han);
        }
        for w in lines.windows(2) {
            let start = w[1].text.chars().next().unwrap();
            prop_assert!(w[1].text.starts_with("——") || !NO_START.contains(start), "starts with {start:?}: {}", dump(&lines));
        }
    }
}
