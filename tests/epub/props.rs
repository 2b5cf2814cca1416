//! Property test: whatever the text, ids and URLs, every XML file of the book is well-formed
//! and every id is unique in its file (the escaping helper and id rules hold).

use crate::support::epub::*;
use crate::support::unzip;
use paiban::ast::*;
use paiban::backend::RenderOptions;
use proptest::prelude::*;
use quick_xml::events::Event;
use std::collections::BTreeSet;

fn well_formed(name: &str, s: &str) -> Result<(), String> {
    let mut r = quick_xml::Reader::from_str(s);
    let mut depth = 0i32;
    let mut ids = BTreeSet::new();
    loop {
        let ev = r.read_event().map_err(|e| format!("{name}: {e}"))?;
        let attrs = match &ev {
            Event::Start(e) | Event::Empty(e) => Some(e.attributes()),
            _ => None,
        };
        if let Some(attrs) = attrs {
            for a in attrs {
                let a = a.map_err(|e| format!("{name}: {e}"))?;
                if a.key.as_ref() == b"id" && !ids.insert(a.value.to_vec()) {
                    return Err(format!(
                        "{name}: duplicate id {:?}",
                        String::from_utf8_lossy(&a.value)
                    ));
                }
            }
        }
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::GeneralRef(r) => {
                let n: &[u8] = r.as_ref();
                let ok =
                    matches!(n, b"amp" | b"lt" | b"gt" | b"quot" | b"apos") || n.starts_with(b"#");
                if !ok {
                    return Err(format!("{name}: entity &{};", String::from_utf8_lossy(n)));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth == 0 {
        Ok(())
    } else {
        Err(format!("{name}: unbalanced tags"))
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<".to_string()),
            Just(">".to_string()),
            Just("&".to_string()),
            Just("\"".to_string()),
            Just("'".to_string()),
            Just("——".to_string()),
            Just("……".to_string()),
            Just("\u{1}".to_string()),
            Just("\u{FFFE}".to_string()),
            Just(" ".to_string()),
            Just("#".to_string()),
            "[a-z0-9]{1,4}",
            "[\u{4e00}-\u{4e20}]{1,3}",
        ],
        0..12,
    )
    .prop_map(|v| v.concat())
}

fn doc(texts: Vec<String>) -> Document {
    let t = |i: usize| texts[i % texts.len().max(1)].clone();
    let heading = |i: usize| {
        Block::Heading(Heading {
            level: (i % 3) as u8 + 1,
            scale: HeadingScale::Numbered((i % 3) as u8 + 1),
            content: vec![Inline::Text(t(i))],
            run_in: if i.is_multiple_of(2) {
                vec![]
            } else {
                vec![Inline::Text(t(i + 1))]
            },
            id: t(i + 2),
            line: i,
        })
    };
    let para = Block::Para(Para {
        content: vec![
            Inline::Text(t(0)),
            Inline::Emph(vec![Inline::Text(t(1))]),
            Inline::Code(t(2)),
            Inline::Link(Link {
                url: format!("#{}", t(3)),
                title: None,
                content: vec![Inline::Text(t(4))],
            }),
            Inline::Link(Link {
                url: format!("https://a.cn/{}", t(5)),
                title: None,
                content: vec![Inline::Text(t(6))],
            }),
            Inline::NoteRef(t(7)),
        ],
        line: 1,
    });
    Document {
        meta: Meta {
            title: Some(t(8)),
            authors: vec![t(9), t(10)],
            ..Meta::default()
        },
        blocks: vec![heading(0), para.clone(), heading(1), heading(2), para],
        notes: vec![Footnote {
            label: t(7),
            blocks: vec![Block::Para(Para {
                content: vec![Inline::Text(t(11))],
                line: 2,
            })],
            line: 2,
        }],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn every_xml_file_is_well_formed(texts in proptest::collection::vec(text_strategy(), 1..12)) {
        let opts = RenderOptions { embed_fonts: false, ..RenderOptions::default() };
        let (bytes, _) = render(&doc(texts), &opts, &fixtures());
        for (path, data) in unzip(&bytes) {
            if path.ends_with(".xhtml") || path.ends_with(".opf") || path.ends_with(".ncx") || path.ends_with(".xml") {
                let s = String::from_utf8(data).unwrap();
                prop_assert!(well_formed(&path, &s).is_ok(), "{:?}\n{}", well_formed(&path, &s), s);
            }
        }
    }
}

#[test]
fn the_checker_rejects_broken_xml() {
    assert!(well_formed("x", "<a><b></b></a>").is_ok());
    assert!(well_formed("x", "<a><b></a>").is_err());
    assert!(well_formed("x", "<a>&nbsp;</a>").is_err());
    assert!(well_formed("x", "<a><p id=\"i\"/><p id=\"i\"/></a>").is_err());
    assert!(well_formed("x", "<a>").is_err());
}
