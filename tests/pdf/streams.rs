//! Every compressed stream of the sample's PDF is one valid zlib stream that another
//! inflater (flate2) reads (issue 12: krilla's patch deflates with libdeflate, through a
//! compressor reused per thread; a stream cut short or a stale buffer would only show in
//! some readers).

use crate::support::pdf::{render, sample_doc};
use flate2::read::ZlibDecoder;
use std::io::Read;

/// The raw bytes between each `stream` keyword and its `endstream`.
fn streams(pdf: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = find(&pdf[at..], b"stream\n") {
        let start = at + i + b"stream\n".len();
        let Some(len) = find(&pdf[start..], b"endstream") else {
            break;
        };
        out.push(&pdf[start..start + len]);
        at = start + len + b"endstream".len();
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn every_stream_inflates_and_the_large_font_program_is_whole() {
    let (pdf, _) = render(&sample_doc(), std::path::Path::new("."));
    let mut inflated = Vec::new();
    for raw in streams(&pdf) {
        // Only deflated streams start with a zlib header (CMF 0x78).
        if raw.first() != Some(&0x78) {
            continue;
        }
        let mut out = Vec::new();
        ZlibDecoder::new(raw)
            .read_to_end(&mut out)
            .unwrap_or_else(|e| panic!("a stream of {} bytes does not inflate: {e}", raw.len()));
        inflated.push(out);
    }
    assert!(
        inflated.len() >= 10,
        "only {} deflated streams",
        inflated.len()
    );
    // The Song subset's CFF program (~185 KB for the sample's ~750 glyphs), the largest
    // stream, inflates whole to a CFF table (major version 1, header size 4).
    let largest = inflated.iter().max_by_key(|s| s.len()).expect("streams");
    assert!(
        largest.len() >= 128 * 1024,
        "largest stream {} bytes",
        largest.len()
    );
    assert_eq!(
        &largest[..4],
        &[1, 0, 4, 4],
        "the largest stream is the CFF font program"
    );
}

/// Bounds of every point of an outline (control points too), as a font bounding box counts
/// them.
#[derive(Default)]
struct Bounds(Option<[f32; 4]>);

impl Bounds {
    fn add(&mut self, x: f32, y: f32) {
        let b = self.0.get_or_insert([x, y, x, y]);
        *b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
}

impl rustybuzz::ttf_parser::OutlineBuilder for Bounds {
    fn move_to(&mut self, x: f32, y: f32) {
        self.add(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.add(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.add(x1, y1);
        self.add(x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.add(x1, y1);
        self.add(x2, y2);
        self.add(x, y);
    }
    fn close(&mut self) {}
}

/// Each CFF font's `/FontBBox` is the union of its embedded glyphs' outlines (issue 12:
/// krilla's patch computes the glyph boxes with ttf-parser in parallel and keeps them across
/// documents; a box from the wrong glyph, a glyph left out or a stale cache would show here).
/// The outlines are read back from the PDF's own font programs.
#[test]
fn each_cff_font_box_is_the_union_of_its_embedded_glyph_outlines() {
    crate::support::pdf::require("qpdf");
    let (pdf, _) = render(&sample_doc(), std::path::Path::new("."));
    let (_dir, path) = crate::support::pdf::temp_pdf(&pdf, "sample.pdf");
    let qdf_dir = tempfile::tempdir().unwrap();
    let qdf = qdf_dir.path().join("qdf.pdf");
    let qdf_s = qdf.to_str().unwrap();
    crate::support::pdf::run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            path.to_str().unwrap(),
            qdf_s,
        ],
    );
    let text = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    let mut checked = Vec::new();
    for descriptor in text
        .split("endobj")
        .filter(|o| o.contains("/Type /FontDescriptor"))
    {
        let Some(file) = descriptor.split("/FontFile3 ").nth(1) else {
            continue; // a TrueType program (FontFile2)
        };
        let object = file.split_whitespace().next().unwrap();
        let name = descriptor.split("/FontName /").nth(1).unwrap();
        let name = name.split_whitespace().next().unwrap().to_string();
        let bbox: Vec<f32> = descriptor
            .split("/FontBBox [")
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap()
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let out = std::process::Command::new("qpdf")
            .args([
                &format!("--show-object={object}"),
                "--filtered-stream-data",
                qdf_s,
            ])
            .output()
            .expect("qpdf runs");
        let cff = rustybuzz::ttf_parser::cff::Table::parse(&out.stdout)
            .unwrap_or_else(|| panic!("{name}: the font program is no CFF"));
        let mut union = Bounds::default();
        for g in 0..cff.number_of_glyphs() {
            let mut glyph = Bounds::default();
            if cff
                .outline(rustybuzz::ttf_parser::GlyphId(g), &mut glyph)
                .is_ok()
            {
                if let Some([x0, y0, x1, y1]) = glyph.0 {
                    union.add(x0, y0);
                    union.add(x1, y1);
                }
            }
        }
        // The subsets keep the faces' 1000-unit em, the unit of /FontBBox.
        let union = union.0.unwrap_or_else(|| panic!("{name}: no outlines"));
        for (got, want) in bbox.iter().zip(union) {
            assert!(
                (got - want).abs() <= 0.5,
                "{name}: /FontBBox {bbox:?}, outlines {union:?}"
            );
        }
        checked.push(name);
    }
    assert!(
        checked
            .iter()
            .any(|n| n.ends_with("+NotoSerifCJKsc-Regular"))
            && checked.len() >= 2,
        "CFF fonts checked: {checked:?}"
    );
}
