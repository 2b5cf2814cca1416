//! Issue 10 visual review: synthetic bold (T24, a face without a bold weight: code in a
//! heading) is fill plus stroke. krilla starts each page with no fill set and then writes
//! a stroked run as stroke only (text render mode 1): `## 用 `text-spacing` 来挽救？` on
//! page 2 of tests/corpus/copywriting-guidelines.md came out hollow.

use crate::support::load_markdown;
use crate::support::pdf::*;
use std::path::Path;

#[test]
fn synthetic_bold_at_the_top_of_a_page_is_filled() {
    require("qpdf");
    let doc = load_markdown(
        "# 指北\n\n正文。\n\n## 用 `text-spacing` 来挽救？\n\n正文。\n",
        Path::new("t.md"),
    );
    let (bytes, _) = render(&doc, Path::new("."));
    let (_dir, path) = temp_pdf(&bytes, "bold-fill.pdf");
    let text = qdf_text(&path);
    let modes: Vec<&str> = text
        .split("BT ")
        .skip(1)
        .filter_map(|s| s.split(" Tr").next())
        .collect();
    // The code run is stroked for its weight, and filled too (mode 2), never stroke only.
    assert!(modes.contains(&"2"), "a synthetic-bold run: {modes:?}");
    assert!(
        !modes.contains(&"1"),
        "hollow (stroke-only) text: {modes:?}"
    );
}
