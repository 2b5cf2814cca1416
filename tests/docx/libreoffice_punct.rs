//! T14 in LibreOffice: no hanging punctuation. The DOCX wraps `w:overflowPunct` in an
//! `mc:AlternateContent` (Word takes the standard `val="0"` choice, LibreOffice the fallback
//! it reads as "do not hang"); checked on the XML as each consumer resolves it, and on the
//! sample rendered by `soffice --convert-to pdf`.

use crate::support::docx::{harness, office};
use crate::support::{load, sample_path};
use paiban::style::Style;
use quick_xml::events::Event;

/// The `w:pPrDefault` of `styles.xml` after Markup Compatibility processing (ECMA-376 Part 3
/// §10.2) by a consumer that understands the namespace prefixes `understood`: of each
/// `mc:AlternateContent`, the first `mc:Choice` whose `Requires` prefixes are all understood,
/// else the `mc:Fallback`. Returns the names (with their `w:val`) of its `w:pPr`'s children.
fn resolved_ppr_default(styles: &str, understood: &[&str]) -> Vec<(String, Option<String>)> {
    let mut r = quick_xml::Reader::from_str(styles);
    // Every child of the default `w:pPr` is an empty element.
    let mut in_default = false;
    // Per open AlternateContent: has a branch been taken; is the current branch skipped.
    let mut alt: Vec<(bool, bool)> = Vec::new();
    let mut out = Vec::new();
    let skipping = |alt: &[(bool, bool)]| alt.iter().any(|(_, skip)| *skip);
    let val = |e: &quick_xml::events::BytesStart<'_>| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == b"w:val")
            .map(|a| a.unescape_value().unwrap().into_owned())
    };
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                b"w:pPrDefault" => in_default = true,
                b"mc:AlternateContent" => alt.push((false, false)),
                b"mc:Choice" => {
                    let req = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"Requires")
                        .map(|a| a.unescape_value().unwrap().into_owned())
                        .unwrap_or_default();
                    let ok = req.split_whitespace().all(|p| understood.contains(&p));
                    let top = alt.last_mut().unwrap();
                    top.1 = top.0 || !ok;
                    top.0 |= ok;
                }
                b"mc:Fallback" => {
                    let top = alt.last_mut().unwrap();
                    top.1 = top.0;
                    top.0 = true;
                }
                _ => {}
            },
            Event::Empty(e) if in_default && !skipping(&alt) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                out.push((name, val(&e)));
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:pPrDefault" => in_default = false,
                b"mc:AlternateContent" => {
                    alt.pop();
                }
                b"mc:Choice" | b"mc:Fallback" => alt.last_mut().unwrap().1 = false,
                _ => {}
            },
            _ => {}
        }
    }
    out
}

fn overflow_punct(children: &[(String, Option<String>)]) -> Vec<Option<String>> {
    children
        .iter()
        .filter(|(n, _)| n == "w:overflowPunct")
        .map(|(_, v)| v.clone())
        .collect()
}

#[test]
fn t14_overflow_punct_resolves_to_off_for_word_and_for_libreoffice() {
    let doc = load(&sample_path());
    let styles = harness::part(&harness::render(&doc), "word/styles.xml");
    assert!(
        styles.contains("xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""),
        "the mc prefix must be declared"
    );
    // Word understands the WordprocessingML namespace (prefix `w`): the standard form,
    // val="0" = punctuation may not extend past the margin (ECMA-376 §17.3.1.21).
    let word = resolved_ppr_default(&styles, &["w", "wps", "wpg", "w14", "w15", "wpc"]);
    assert_eq!(
        overflow_punct(&word),
        vec![Some("0".to_string())],
        "{word:?}"
    );
    // LibreOffice's writerfilter takes a Choice only for wps/wpg/w14/wpc, and maps
    // overflowPunct on to "no hanging punctuation".
    let lo = resolved_ppr_default(&styles, &["wps", "wpg", "w14", "wpc"]);
    assert_eq!(overflow_punct(&lo), vec![None], "{lo:?}");
    // After processing, each reader sees the CT_PPrBase sequence: kinsoku, wordWrap,
    // overflowPunct, topLinePunct in that order.
    for resolved in [&word, &lo] {
        let names: Vec<&str> = resolved.iter().map(|(n, _)| n.as_str()).collect();
        let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
        assert!(at("w:wordWrap") < at("w:overflowPunct"), "{names:?}");
        assert!(at("w:overflowPunct") < at("w:topLinePunct"), "{names:?}");
    }
}

#[test]
fn t14_libreoffice_hangs_no_punctuation_past_the_right_margin() {
    let doc = load(&sample_path());
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("yiwu.docx");
    std::fs::write(&docx, harness::render(&doc)).unwrap();
    let lines = office::stext_lines(&office::soffice_pdf(&docx));
    let s = Style::handout();
    let right_edge = s.page_width - s.margin_right;
    // A full line ends at the right edge; 1 pt allows for rounding to twips and LO's
    // justification (a hanging mark overshoots by 2.5–12 pt, measured before the fix).
    let past: Vec<(usize, String, f32)> = lines
        .iter()
        .filter_map(|l| {
            let last = l.glyphs.last()?;
            (last.right > right_edge + 1.0).then(|| (l.page, l.text(), last.right - right_edge))
        })
        .collect();
    let full = lines
        .iter()
        .filter(|l| l.glyphs.last().is_some_and(|g| g.right > right_edge - 2.0))
        .count();
    assert!(full > 50, "only {full} full lines: did the render change?");
    assert!(
        past.is_empty(),
        "{} lines past the margin: {past:?}",
        past.len()
    );
}
