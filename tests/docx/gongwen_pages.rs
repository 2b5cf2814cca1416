//! T31 in the gongwen DOCX (GB/T 9704 7.5): page numbers `— N —` in 四号 on the outside edge —
//! flush right one grid cell in on odd pages, flush left one cell in on even pages, about
//! 7 mm under the text block. Checked on the XML (settings, section, the two footers) and on
//! the sample rendered by `soffice --convert-to pdf`.

use crate::support::docx::{harness, office};
use crate::support::{load, sample_path};
use paiban::backend::RenderOptions;
use paiban::style::Style;

const MM: f32 = 72.0 / 25.4;

fn gongwen() -> Style {
    Style::preset("gongwen").expect("gongwen preset")
}

fn render(style: &Style) -> Vec<u8> {
    let doc = load(&sample_path());
    harness::render_styled(&doc, &RenderOptions::default(), style).0
}

#[test]
fn t31_gongwen_footers_odd_right_even_left_with_even_and_odd_headers() {
    let bytes = render(&gongwen());
    let settings = harness::part(&bytes, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders/>"), "{settings}");
    let doc = harness::part(&bytes, "word/document.xml");
    let sect = &doc[doc.rfind("<w:sectPr>").unwrap()..];
    assert!(
        sect.contains("<w:footerReference w:type=\"default\""),
        "{sect}"
    );
    assert!(
        sect.contains("<w:footerReference w:type=\"even\""),
        "{sect}"
    );
    // 35 mm bottom margin − 7 mm gap − 14 pt: 65.4 pt = 1307 twips (TYPOGRAPHY T31 ≈ 1304).
    assert!(sect.contains("w:footer=\"1307\""), "{sect}");
    let rels = harness::part(&bytes, "word/_rels/document.xml.rels");
    for part in ["footer1.xml", "footer2.xml"] {
        assert!(rels.contains(&format!("Target=\"{part}\"")), "{rels}");
    }
    // One grid cell = 156 mm / 28 = 15.79 pt = 316 twips.
    let odd = harness::part(&bytes, "word/footer1.xml");
    assert!(
        odd.contains("<w:ind w:right=\"316\"/><w:jc w:val=\"right\"/>"),
        "{odd}"
    );
    let even = harness::part(&bytes, "word/footer2.xml");
    assert!(
        even.contains("<w:ind w:left=\"316\"/><w:jc w:val=\"left\"/>"),
        "{even}"
    );
    for f in [&odd, &even] {
        assert!(f.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
        assert!(f.contains(">— </w:t>") && f.contains("> —</w:t>"), "{f}");
    }
    // The Footer style sets 四号: w:sz is in half points.
    let styles = harness::part(&bytes, "word/styles.xml");
    let footer = &styles[styles.find("w:styleId=\"Footer\"").unwrap()..];
    let footer = &footer[..footer.find("</w:style>").unwrap()];
    assert!(footer.contains("<w:sz w:val=\"28\"/>"), "{footer}");
}

#[test]
fn t31_handout_keeps_one_centred_footer() {
    let bytes = render(&Style::handout());
    let settings = harness::part(&bytes, "word/settings.xml");
    assert!(!settings.contains("evenAndOddHeaders"));
    let doc = harness::part(&bytes, "word/document.xml");
    assert!(!doc.contains("w:type=\"even\""));
    assert!(harness::unzip(&bytes)
        .iter()
        .all(|(name, _)| name != "word/footer2.xml"));
}

#[test]
fn t31_libreoffice_sets_gongwen_numbers_on_the_outside_edge() {
    let style = gongwen();
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("gongwen.docx");
    std::fs::write(&docx, render(&style)).unwrap();
    let lines = office::stext_lines(&office::soffice_pdf(&docx));
    let pages = lines.iter().map(|l| l.page).max().unwrap();
    assert!(pages >= 4, "{pages} pages");
    let left = style.margin_left;
    let right = style.page_width - style.margin_right;
    let cell = style.text_width() / 28.0;
    let bottom = style.margin_top + style.text_height();
    for page in 1..=pages {
        let last = lines.iter().rfind(|l| l.page == page).unwrap();
        assert_eq!(last.text().trim(), format!("— {page} —"), "page {page}");
        let (first, end) = (&last.glyphs[0], last.glyphs.last().unwrap());
        for g in &last.glyphs {
            assert!((g.size - 14.0).abs() < 0.1, "page {page}: {} pt", g.size);
        }
        if page % 2 == 1 {
            assert!(
                (end.right - (right - cell)).abs() < 2.0,
                "page {page}: number ends at {}, want {}",
                end.right,
                right - cell
            );
        } else {
            assert!(
                (first.x - (left + cell)).abs() < 2.0,
                "page {page}: number starts at {}, want {}",
                first.x,
                left + cell
            );
        }
        // TYPOGRAPHY T31: the number's baseline 7–12 mm under the text block.
        let below = (first.y - bottom) / MM;
        assert!((7.0..=12.0).contains(&below), "page {page}: {below} mm");
    }
}
