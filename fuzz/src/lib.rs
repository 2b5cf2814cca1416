//! What the whole-pipeline fuzz targets share: bytes → reader → passes → one backend, in
//! memory, with no image ever read from the file system.

use paiban::backend::{self, Context, RenderOptions};
use paiban::log::Log;
use paiban::pipeline;
use paiban::read::InputFormat;
use paiban::style::Style;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Largest input a target converts, in bytes: bigger inputs find nothing new and cost
/// seconds per run in the PDF layout.
pub const MAX_INPUT: usize = 64 * 1024;

/// The reader an input goes to: its first byte chooses (even: Markdown, odd: plain text),
/// the rest is the document.
pub fn split_format(data: &[u8]) -> Option<(InputFormat, &[u8])> {
    let (&selector, body) = data.split_first()?;
    let format = if selector % 2 == 0 {
        InputFormat::Markdown
    } else {
        InputFormat::Text
    };
    Some((format, body))
}

/// An empty folder made once, the input's folder for every run: relative image paths
/// resolve into it and find nothing, and the image policy refuses anything outside it, so
/// a run never reads a file the fuzzer happened to name.
fn empty_base_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join("paiban-fuzz-empty");
        std::fs::create_dir_all(&dir).expect("create the fuzz base folder");
        dir
    })
}

/// Converts `data` to the format `backend_name` names; a typed error is a valid outcome,
/// a panic, hang or abort is a bug.
pub fn convert(data: &[u8], backend_name: &str) {
    if data.len() > MAX_INPUT {
        return;
    }
    let Some((format, body)) = split_format(data) else {
        return;
    };
    let path = Path::new(match format {
        InputFormat::Markdown => "fuzz.md",
        InputFormat::Text => "fuzz.txt",
    });
    let mut log = Log::default();
    let Ok(doc) = pipeline::load_bytes(body, path, format, &paiban::read::ReadOptions::default(), true, None, &mut log) else {
        return;
    };
    let backend = backend::find(backend_name).expect("a registered backend");
    let style = Style::handout();
    let options = RenderOptions::default();
    let ctx = Context {
        style: &style,
        options: &options,
        base_dir: empty_base_dir(),
    };
    let _ = pipeline::render(&doc, backend, &ctx, &mut log);
}
