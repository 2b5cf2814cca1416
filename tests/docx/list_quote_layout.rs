//! Issue 10 gap c: list markers and block quotes in the DOCX as in the PDF, measured on
//! what LibreOffice prints. A bullet sits centred in the 2 em marker box and a number
//! flush right a quarter em before the text (before: both at the box's left edge); a task
//! box centred like a bullet; a block quote has its quarter line (`quote.space_lines`)
//! above and below (before: none, T19).

use crate::support::docx::office;
use crate::support::pdf as pdfs;
use paiban::read::InputFormat;
use paiban::{convert_str, ConvertOptions};

const MD: &str = "# 列表\n\n正文段落。\n\n- 第一项\n- 第二项\n\n3. 第三\n4. 第四\n\n\
- [ ] 待办\n\n> 引文第一段。\n>\n> 引文第二段。\n\n引文之后的正文。\n";

/// Printed lines: text, ink glyphs (character, left, right) and baseline.
type Lines = Vec<(String, Vec<(char, f32, f32)>, f32)>;

/// The lines of the PDF and of LibreOffice's print of the DOCX.
struct Both {
    pdf: Lines,
    docx: Lines,
}

fn both() -> Both {
    let dir = tempfile::tempdir().unwrap();
    let conv = |to: &str| {
        convert_str(MD, InputFormat::Markdown, to, &ConvertOptions::default())
            .expect("converts")
            .bytes
    };
    let pdf = dir.path().join("l.pdf");
    std::fs::write(&pdf, conv("pdf")).unwrap();
    let docx = dir.path().join("d.docx");
    std::fs::write(&docx, conv("docx")).unwrap();
    let lo = office::soffice_pdf(&docx);
    let pdf_lines = pdfs::stext_lines(&pdf)
        .into_iter()
        .flatten()
        .map(|l| {
            let g = l.ink().iter().map(|g| (g.c, g.x, g.x1)).collect::<Vec<_>>();
            (l.text().trim().to_string(), g, l.y)
        })
        .collect();
    let docx_lines = office::stext_lines(&lo)
        .into_iter()
        .map(|l| {
            let g = l
                .glyphs
                .iter()
                .filter(|g| !g.c.is_whitespace())
                .map(|g| (g.c, g.x, g.right))
                .collect::<Vec<_>>();
            let y = l.glyphs.first().map_or(0.0, |g| g.y);
            (l.text().trim().to_string(), g, y)
        })
        .collect();
    Both {
        pdf: pdf_lines,
        docx: docx_lines,
    }
}

/// The glyphs and baseline of the line containing `text`.
fn line<'a>(lines: &'a Lines, text: &str) -> &'a (String, Vec<(char, f32, f32)>, f32) {
    lines
        .iter()
        .find(|l| l.0.contains(text))
        .unwrap_or_else(|| {
            panic!(
                "no line with {text:?}: {:?}",
                lines.iter().map(|l| &l.0).collect::<Vec<_>>()
            )
        })
}

#[test]
fn docx_list_markers_and_quote_spacing_match_the_pdf() {
    pdfs::require("soffice");
    pdfs::require("mutool");
    let b = both();
    // A bullet's centre, a number's right edge, a task box's centre: where the PDF has them.
    for (text, what) in [("第一项", "centre"), ("第三", "right"), ("待办", "centre")] {
        let (p, d) = (line(&b.pdf, text), line(&b.docx, text));
        let at = |g: &[(char, f32, f32)]| match what {
            "centre" => (g[0].1 + g[0].2) / 2.0,
            // "3." — the right edge of the full stop.
            _ => g[1].2,
        };
        // LibreOffice may give the task box a line of its own (another font): found by
        // its character wherever it is.
        let task = |ls: &Lines| {
            ls.iter()
                .flat_map(|l| l.1.iter())
                .find(|g| g.0 == '□')
                .map(|g| (g.1 + g.2) / 2.0)
                .expect("a task box")
        };
        let (pa, da) = if text == "待办" {
            (task(&b.pdf), task(&b.docx))
        } else {
            (at(&p.1), at(&d.1))
        };
        assert!(
            (pa - da).abs() < 1.5,
            "{text}: marker {what} at {da:.1} in the DOCX, {pa:.1} in the PDF"
        );
        // The item text starts at the box's end in both.
        let text_x = |g: &[(char, f32, f32)]| {
            g.iter()
                .find(|c| text.starts_with(c.0))
                .map(|c| c.1)
                .unwrap()
        };
        assert!(
            (text_x(&p.1) - text_x(&d.1)).abs() < 1.0,
            "{text}: text start"
        );
    }
    // T19: the quote's space above and below, as in the PDF (a quarter line each).
    for (above, below) in [("待办", "引文第一段"), ("引文第二段", "引文之后")] {
        let gap = |ls: &Lines| line(ls, below).2 - line(ls, above).2;
        let (pg, dg) = (gap(&b.pdf), gap(&b.docx));
        assert!(
            (pg - dg).abs() < 1.0,
            "{above} → {below}: {dg:.1} pt in the DOCX, {pg:.1} pt in the PDF"
        );
    }
}
