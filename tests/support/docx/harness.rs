//! Rendering and unzipping helpers for the DOCX tests.

use paiban::ast::Document;
use paiban::backend::{find, Context, RenderOptions};
use paiban::log::Log;
use paiban::style::Style;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

/// Folder of the DOCX fixtures (images live here).
pub fn fixture_dir() -> PathBuf {
    crate::support::fixture("docx")
}

/// Renders `doc` with the registered `docx` backend.
pub fn render_with(doc: &Document, options: &RenderOptions) -> (Vec<u8>, Log) {
    render_styled(doc, options, &Style::handout())
}

/// Renders `doc` with a given style.
pub fn render_styled(doc: &Document, options: &RenderOptions, style: &Style) -> (Vec<u8>, Log) {
    let base = fixture_dir();
    let ctx = Context {
        style,
        options,
        base_dir: &base,
    };
    let mut log = Log::default();
    let backend = find("docx").expect("docx backend registered");
    let bytes = backend.render(doc, &ctx, &mut log).expect("render");
    (bytes, log)
}

/// Renders with default options.
pub fn render(doc: &Document) -> Vec<u8> {
    render_with(doc, &RenderOptions::default()).0
}

/// Every file of the package, by name, in zip order.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().to_string(), v)
        })
        .collect()
}

/// One part as text.
pub fn part(bytes: &[u8], name: &str) -> String {
    let parts: BTreeMap<_, _> = unzip(bytes).into_iter().collect();
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
}

/// Pretty-prints XML (one element per line, two-space indent) for golden files.
pub fn pretty(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Eof => break,
            e => w.write_event(e).unwrap(),
        }
    }
    String::from_utf8(w.into_inner()).unwrap()
}
