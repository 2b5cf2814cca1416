//! T23 bylines in the PDF: the U+3000 gap between name and affiliation is a real
//! ideographic-space glyph whose ToUnicode entry is U+3000 (mutool and pdftotext print any
//! Unicode space as U+0020, so the check reads the font's ToUnicode CMap itself).

use crate::support::pdf::*;
use crate::support::root;

#[test]
fn t23_byline_gap_maps_to_u3000_in_the_pdf() {
    let (path, _, _) = rendered(&sample_doc(), &root(), "byline.pdf");
    let text = qdf_text(&path);
    let ok = text.lines().any(|l| {
        let l = l.trim();
        l.starts_with('<') && l.ends_with("<3000>") && l.len() == 13
    });
    assert!(ok, "no glyph maps to U+3000 in any ToUnicode CMap");
    // And the byline lines come out with the gap where the tools put a space.
    let lines = stext_lines(&path);
    let all: Vec<String> = lines.iter().flatten().map(|l| l.text()).collect();
    assert!(
        all.iter().any(|l| l == "吴伟华 中共义乌市委党校副校长"),
        "{all:?}"
    );
}
