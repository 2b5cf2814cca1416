//! Helpers shared by every test binary: where the crate and its fixtures are, the sample,
//! the sample through the real pipeline, and one submodule per area (layout, PDF, EPUB,
//! DOCX). Each binary declares `mod support;` and uses only what it needs, so most helpers
//! are unused in any one binary.
#![allow(dead_code)]

pub mod docx;
pub mod epub;
pub mod gongwen;
pub mod images;
pub mod layout;
pub mod pdf;

use paiban::ast::Document;
use paiban::log::Log;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder under `tests/fixtures/` (data only: inputs, images).
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The sample every acceptance test reads (two articles, bylines, run-in headings): the
/// tests' own copy of `input/yiwu.txt`, kept byte-identical by a test.
pub fn sample_path() -> PathBuf {
    fixture("yiwu.txt")
}

/// Reads a file through the real readers and passes (as `paiban convert` does).
pub fn load(path: &Path) -> Document {
    let mut log = Log::default();
    paiban::pipeline::load(
        path,
        &paiban::read::ReadOptions::default(),
        true,
        None,
        &mut log,
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads Markdown `text` as if it were the file `path` (whose folder images resolve in),
/// through the real reader and passes, with the default read options.
pub fn load_markdown(text: &str, path: &Path) -> Document {
    let mut log = Log::default();
    paiban::pipeline::load_bytes(
        text.as_bytes(),
        path,
        paiban::read::InputFormat::Markdown,
        &paiban::read::ReadOptions::default(),
        true,
        None,
        &mut log,
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs `check` with insta reading and writing the one snapshot folder, `tests/snapshots/`,
/// where each file is named `<binary>__<module>__<name>.snap`.
pub fn in_snapshot_folder(check: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.bind(check);
}

/// Every entry of a zip container (EPUB, DOCX), by path.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("valid zip");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.insert(f.name().to_string(), data);
    }
    out
}

/// Every entry of a zip container as (lossy UTF-8) text, by path.
pub fn unzip_text(bytes: &[u8]) -> BTreeMap<String, String> {
    unzip(bytes)
        .into_iter()
        .map(|(name, data)| (name, String::from_utf8_lossy(&data).into_owned()))
        .collect()
}

/// One entry of a zip container as text; panics naming the entry when it is missing.
pub fn zip_part(bytes: &[u8], name: &str) -> String {
    unzip_text(bytes)
        .remove(name)
        .unwrap_or_else(|| panic!("no {name} in the container"))
}
