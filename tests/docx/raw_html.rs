//! Issue 10 item 3: the raw HTML fixture's run properties (`w:vertAlign`, `w:u`,
//! `w:highlight`, `w:sz`) and `w:ruby` come in ECMA-376 order.

use paiban::api::{convert_bytes, ConvertOptions};
use paiban::read::InputFormat;

#[test]
fn raw_html_fixture_follows_schema_order() {
    let path = crate::support::fixture("raw_html.md");
    let opts = ConvertOptions {
        source_name: path.clone(),
        ..ConvertOptions::default()
    };
    let bytes = std::fs::read(&path).unwrap();
    let c = convert_bytes(&bytes, InputFormat::Markdown, "docx", &opts).unwrap();
    let xml = crate::support::zip_part(&c.bytes, "word/document.xml");
    assert!(xml.contains("<w:rubyPr>") && xml.contains("<w:vertAlign w:val=\"superscript\"/>"));
    crate::schema_order::check("raw_html", &c.bytes);
}
