//! The PDF does not depend on how many threads made it (issue 12). Three steps run work on
//! other threads whose results must not depend on which thread ran what: the text passes
//! rewrite inline sequences in parallel, body paragraphs are set by fillers while the block
//! builder walks the document (it takes each one's lines, waits, or sets one itself), and
//! every font's per-glyph subset work starts from the laid-out glyphs while the pages are
//! drawn. Each is checked against a run with one thread, where none of that overlaps.

use crate::support::pdf::render;
use crate::support::sample_path;
use paiban::ast::Document;
use paiban::backend::pdf::write;
use paiban::backend::RenderOptions;
use paiban::image::ImageSource;
use paiban::layout::{layout, FontSet};
use paiban::log::Log;
use paiban::style::Style;
use std::path::Path;

/// Runs `f` on a pool of `threads` threads (reading, passes and rendering all inside it).
fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

/// The sample's text three times over, numbers changed per copy (so that no two
/// paragraphs are alike), read as plain text through every pass: ~20 pages, ~150 body
/// paragraphs for the fillers and the builder to race over.
fn long_doc() -> Document {
    let sample = std::fs::read_to_string(sample_path()).expect("the sample reads");
    let mut text = String::new();
    for k in 1..=3 {
        for line in sample.lines() {
            let bumped: String = line
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_digit((d + k) % 10, 10).expect("a digit"),
                    None => c,
                })
                .collect();
            text.push_str(&bumped);
            text.push('\n');
        }
        text.push('\n');
    }
    let mut log = Log::default();
    paiban::pipeline::load_bytes(
        text.as_bytes(),
        Path::new("long.txt"),
        paiban::read::InputFormat::Text,
        &paiban::read::ReadOptions::default(),
        true,
        None,
        &mut log,
    )
    .expect("the long text reads")
}

#[test]
fn the_pdf_is_the_same_on_one_thread_and_on_four() {
    let one = in_pool(1, || render(&long_doc(), Path::new(".")));
    let four = in_pool(4, || render(&long_doc(), Path::new(".")));
    assert!(one.0.len() > 100_000, "a PDF of {} bytes", one.0.len());
    assert!(one.0 == four.0, "the PDF changed with the thread count");
    assert_eq!(one.1, four.1, "the log changed with the thread count");
    // Again on four threads: the font caches are warm from the runs above now.
    let again = in_pool(4, || render(&long_doc(), Path::new("."))).0;
    assert!(
        again == one.0,
        "the PDF changed once the font caches were warm"
    );
}

#[test]
fn a_finished_layout_writes_the_same_pdf_as_the_page_stream() {
    // `write` gets every page at once and prepares no font early; `Pdf::render` streams
    // the pages and starts the fonts' subset work from the known glyphs while drawing.
    let doc = long_doc();
    let (streamed, _) = render(&doc, Path::new("."));
    let mut log = Log::default();
    let laid_out = layout(
        &doc,
        &Style::handout(),
        &FontSet::bundled(),
        ImageSource::new(Path::new(".")),
        &mut log,
    );
    let whole = write(&laid_out, &doc, &RenderOptions::default(), &mut log).expect("PDF");
    assert!(
        whole == streamed,
        "the streamed PDF differs from the written layout"
    );
}
