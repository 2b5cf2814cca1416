//! Issue 10 gap f: the heading hierarchy rule (sizes never grow with depth, every level
//! apart from body text by size, face or weight, level 1 clearly larger than body text),
//! measured with `support::pdf::heading_hierarchy` on Markdown mixing numbered and
//! unnumbered headings down to `######`. (Plain-text numbered headings at T21 levels 4–6,
//! `（1）` `①`, are set like body text by the T23 table: see docs/typography.md.)

use crate::support::pdf::*;
use crate::support::{fixture, load};

fn check(name: &str) {
    require("mutool");
    let doc = load(&fixture(&format!("headings/{name}")));
    let (path, _, _) = rendered(&doc, &fixture("headings"), &format!("deep-{name}.pdf"));
    let problems = heading_hierarchy(&path, &doc);
    assert!(
        problems.is_empty(),
        "{name}:\n{}\n{:#?}",
        problems.join("\n"),
        measure(&path, &doc).headings
    );
}

#[test]
fn markdown_mixing_numbered_and_unnumbered_headings_down_to_six() {
    check("mixed.md");
}
