//! Inputs the fuzz targets (`fuzz/`, see the README) found crashing, run in-process through
//! the same pipeline as the target that found them: each must give output or a clean error.

use crate::support::root;
use paiban::backend::{self, Context, RenderOptions};
use paiban::log::Log;
use paiban::pipeline;
use paiban::read::InputFormat;
use paiban::style::Style;
use std::path::Path;

/// What `fuzz/src/lib.rs` `convert` does with a fuzz input: the first byte chooses the
/// reader (even: Markdown, odd: plain text), the rest is read, passed and rendered by
/// `backend_name` with the input's folder `base_dir`. Returns the render's outcome.
fn convert(
    data: &[u8],
    backend_name: &str,
    base_dir: &Path,
    options: &RenderOptions,
) -> paiban::Result<Vec<u8>> {
    let (&selector, body) = data
        .split_first()
        .expect("a fuzz input has a selector byte");
    let (format, name) = if selector % 2 == 0 {
        (InputFormat::Markdown, "fuzz.md")
    } else {
        (InputFormat::Text, "fuzz.txt")
    };
    let mut log = Log::default();
    let doc = pipeline::load_bytes(
        body,
        Path::new(name),
        format,
        &paiban::read::ReadOptions::default(),
        true,
        None,
        &mut log,
    )?;
    let backend = backend::find(backend_name).expect("a registered backend");
    let style = Style::handout();
    let ctx = Context {
        style: &style,
        options,
        base_dir,
    };
    pipeline::render(&doc, backend, &ctx, &mut log)
}

/// to_pdf, 48 runs in: a thread's shaper cache (`layout/face_cache.rs`, 16 faces) filled
/// with faces of earlier renders, and adding a new one evicted the oldest — a face the same
/// paragraph needed — so `expect("inserted above")` panicked. Every PDF render loads its
/// `--font-dir` and system faces anew, so a batch on one worker thread hit it the same way.
/// Reproduced here without system fonts: a code span whose Latin letters come from a
/// `--font-dir` face (new each render) and whose 中 comes from a bundled face (the same
/// every render), rendered more times than the cache holds.
#[test]
fn fuzz_to_pdf_face_cache_evicting_a_face_in_use() {
    let fonts = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("fonts/DejaVuSansMono.ttf"),
        fonts.path().join("DejaVuSansMono.ttf"),
    )
    .unwrap();
    let options = RenderOptions {
        font_dirs: vec![fonts.path().to_path_buf()],
        ..RenderOptions::default()
    };
    let input = "\0正文 `code 中`\n".as_bytes();
    let empty = tempfile::tempdir().unwrap();
    // On one thread, as a batch worker: the shaper cache is per thread.
    let outcomes = std::thread::spawn(move || {
        (0..24)
            .map(|_| convert(input, "pdf", empty.path(), &options).map(|pdf| pdf.len()))
            .collect::<Vec<_>>()
    })
    .join()
    .expect("no render panics");
    for (run, outcome) in outcomes.iter().enumerate() {
        assert!(
            matches!(outcome, Ok(len) if *len > 0),
            "render {run}: {outcome:?}"
        );
    }
}
