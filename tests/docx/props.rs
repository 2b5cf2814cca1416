//! Property tests: whatever the text, document.xml is well-formed and carries the text
//! unchanged (minus characters XML cannot hold), whatever the inline nesting (T24/T25 splits).

use crate::support::docx::harness;
use paiban::ast::{Block, Document, Inline, Para};
use proptest::prelude::*;
use quick_xml::events::Event;

/// Text of the body as Word reads it: `w:t` content, `w:tab` as tab, `w:br` as newline.
fn body_text(xml: &str) -> String {
    let mut r = quick_xml::Reader::from_str(xml);
    let (mut out, mut in_t) = (String::new(), false);
    loop {
        match r.read_event().expect("well-formed document.xml") {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => out.push('\t'),
            Event::Empty(e) if e.name().as_ref() == b"w:br" => out.push('\n'),
            Event::Text(t) if in_t => out.push_str(&t.decode().unwrap()),
            Event::GeneralRef(g) if in_t => {
                // Typed: `toml` brings winnow's `AsRef<BStr> for [u8]`, so `as_ref()`
                // alone no longer infers.
                let name: &[u8] = g.as_ref();
                let s = match name {
                    b"amp" => "&",
                    b"lt" => "<",
                    b"gt" => ">",
                    b"quot" => "\"",
                    b"apos" => "'",
                    other => panic!("unexpected entity {other:?}"),
                };
                out.push_str(s);
            }
            _ => {}
        }
    }
    out
}

fn text_strategy() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec![
        '义', '乌', '经', '验', 'a', 'Z', '1', ' ', '　', '“', '”', '‘', '’', '—', '…', '·', '，',
        '。', '：', '<', '>', '&', '"', '\'', '\t', '\n', '\u{B}', '\u{C}', '\u{0}', '😀',
    ]);
    prop::collection::vec(chars, 0..40).prop_map(|v| v.into_iter().collect())
}

fn wrap(s: String, how: u8) -> Inline {
    let t = Inline::Text(s);
    match how % 4 {
        0 => t,
        1 => Inline::Strong(vec![t]),
        2 => Inline::Emph(vec![t]),
        _ => Inline::Strong(vec![Inline::Emph(vec![t])]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn text_survives_any_content(parts in prop::collection::vec((text_strategy(), any::<u8>()), 1..4)) {
        let want: String = parts
            .iter()
            .map(|(s, _)| s.as_str())
            .collect::<String>()
            .chars()
            .filter(|c| !matches!(c, '\u{0}' | '\u{B}' | '\u{C}'))
            .collect();
        let content = parts.into_iter().map(|(s, how)| wrap(s, how)).collect();
        let doc = Document {
            blocks: vec![Block::Para(Para { content, line: 1 })],
            ..Document::default()
        };
        let xml = harness::part(&harness::render(&doc), "word/document.xml");
        prop_assert_eq!(body_text(&xml), want);
    }
}
