//! Issue 9 case 2: a run with no break opportunity wider than the measure (a URL, base64,
//! a 20,000-letter line, `[` × 100,000) is broken between clusters instead of running off
//! the page; no character is ever lost (W-BREAK).

use paiban::layout::{
    set_paragraph_logged, FontSet, Kinsoku, Line, ParaSpec, RunStyle, StyledRun, TextLook,
};
use paiban::style::{Alignment, FontRole};
use proptest::prelude::*;

/// Size of the test text: 1 em = 10 pt.
const EM: f32 = 10.0;

fn spec(text: &str, width_em: f32, indent_em: f32) -> ParaSpec {
    let base = RunStyle {
        font: FontRole::Song,
        size: EM,
        bold: false,
    };
    ParaSpec {
        runs: vec![StyledRun::plain(text, &base)],
        width: width_em * EM,
        first_indent: indent_em * EM,
        align: Alignment::Justify,
        kinsoku: Kinsoku::Gb,
        line_pitch: 1.6 * EM,
        look: TextLook::default(),
    }
}

fn non_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every non-space character of `text`, in order, is in the lines; no line is wider than
/// the measure (an overfull line runs off the page, where the text is cut).
fn assert_kept_and_inside(text: &str, p: &ParaSpec, lines: &[Line]) {
    let set: String = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(non_space(&set), non_space(text), "characters lost or added");
    for l in lines {
        assert!(
            l.x + l.width <= p.width + 0.01,
            "line runs off the measure ({} + {} > {}): {:?}",
            l.x,
            l.width,
            p.width,
            l.text
        );
    }
}

#[test]
fn unbreakable_runs_are_broken_between_clusters_with_one_warning() {
    let fonts = FontSet::bundled();
    let base64 =
        "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk"
            .repeat(3);
    let cases = [
        "x".repeat(2000),
        format!("前文{base64}后文"),
        "[".repeat(500),
        format!("见 https://example.com/{}/index.html 一文", "a".repeat(300)),
    ];
    for text in &cases {
        let p = spec(text, 20.0, 2.0);
        let mut warnings = Vec::new();
        let lines = set_paragraph_logged(&p, &fonts, &mut warnings);
        assert_kept_and_inside(text, &p, &lines);
        assert!(lines.len() > 1, "{text:.30}: one line");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("W-BREAK"), "{warnings:?}");
    }
    // A run that fits the measure is never broken inside, and nothing is logged.
    let text = "前文 abcdefghij 后文。";
    let p = spec(text, 8.0, 0.0);
    let mut warnings = Vec::new();
    let lines = set_paragraph_logged(&p, &fonts, &mut warnings);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(lines.iter().any(|l| l.text.contains("abcdefghij")));
}

#[test]
fn t10_units_stay_whole_inside_an_emergency_break() {
    // `——` is one T10 unit: emergency breaks fall between units, never inside one
    // (UAX #14 has no break between dashes, so 40 of them are one 40 em run).
    let text = format!("甲{}乙", "—".repeat(40));
    let p = spec(&text, 6.0, 0.0);
    let mut warnings = Vec::new();
    let lines = set_paragraph_logged(&p, &FontSet::bundled(), &mut warnings);
    assert_kept_and_inside(&text, &p, &lines);
    assert!(warnings[0].starts_with("W-BREAK"), "{warnings:?}");
    for l in &lines {
        let t = l.text.trim();
        assert!(
            t.matches('—').count() % 2 == 0,
            "`——` split across lines: {:?}",
            lines.iter().map(|l| &l.text).collect::<Vec<_>>()
        );
    }
}

/// Random paragraphs: Han, Latin words, long unbreakable tokens, punctuation.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[\u{4e00}-\u{4fff}]{1,8}",
        2 => "[a-z]{1,10}",
        1 => "[A-Za-z0-9+/=]{30,200}",
        1 => "[\\[(<]{20,80}",
        1 => prop::sample::select(vec!["，", "。", "“", "”", "《", "》", "——", "……", "、", "!", "?"])
            .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn prop_every_character_is_set_inside_the_measure(
        pieces in prop::collection::vec((piece(), any::<bool>()), 1..40),
        width in 6.0f32..40.0,
    ) {
        let mut text = String::new();
        for (p, space) in pieces {
            text.push_str(&p);
            if space {
                text.push(' ');
            }
        }
        let p = spec(&text, width, 2.0);
        let lines = set_paragraph_logged(&p, &FontSet::bundled(), &mut Vec::new());
        let set: String = lines.iter().map(|l| l.text.as_str()).collect();
        prop_assert_eq!(non_space(&set), non_space(&text));
        for l in &lines {
            prop_assert!(l.x + l.width <= p.width + 0.01, "overfull {:?} in {:?}", l.text, text);
        }
    }
}
