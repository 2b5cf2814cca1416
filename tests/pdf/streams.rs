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
