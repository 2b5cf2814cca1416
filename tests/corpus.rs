//! Real Chinese Markdown nobody on the team wrote (`tests/corpus/`, origins and licences in
//! `tests/corpus/SOURCES.md`), converted the way a user would: one `paiban convert` of the
//! folder to PDF, EPUB and DOCX. Issue 10's acceptance checks run on every document.
//!
//! The conversion runs once per test binary (a `OnceLock`); each test reads its outputs.

mod support;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;
use support::pdf::{gb_no_end, gb_no_start, han, stext_lines};

/// The converted corpus: the output folder and the input documents' stems.
struct Converted {
    _dir: tempfile::TempDir,
    out: PathBuf,
    stems: Vec<String>,
}

fn corpus_dir() -> PathBuf {
    support::root().join("tests/corpus")
}

/// Converts the whole corpus folder once, in one command, as a batch user would.
fn converted() -> &'static Converted {
    static ONCE: OnceLock<Converted> = OnceLock::new();
    ONCE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let status = Command::new(env!("CARGO_BIN_EXE_paiban"))
            .arg("convert")
            .arg(corpus_dir())
            .arg("-o")
            .arg(&out)
            .args(["--to", "pdf,epub,docx"])
            .env("SOURCE_DATE_EPOCH", "0")
            .output()
            .expect("run paiban");
        assert!(
            status.status.success(),
            "paiban convert tests/corpus failed:\n{}",
            String::from_utf8_lossy(&status.stderr)
        );
        let mut stems: Vec<String> = std::fs::read_dir(corpus_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .filter(|p| p.file_name().is_some_and(|n| n != "SOURCES.md"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        stems.sort();
        Converted {
            _dir: dir,
            out,
            stems,
        }
    })
}

fn output(stem: &str, ext: &str) -> PathBuf {
    converted().out.join(format!("{stem}.{ext}"))
}

#[test]
fn corpus_has_at_least_twelve_documents_with_sources() {
    let c = converted();
    assert!(
        c.stems.len() >= 12,
        "corpus has {} documents",
        c.stems.len()
    );
    let sources = std::fs::read_to_string(corpus_dir().join("SOURCES.md")).unwrap();
    for stem in &c.stems {
        assert!(
            sources.contains(&format!("`{stem}.md`")),
            "{stem}.md has no line in tests/corpus/SOURCES.md"
        );
    }
}

#[test]
fn corpus_converts_to_all_three_formats() {
    for stem in &converted().stems {
        for ext in ["pdf", "epub", "docx"] {
            let path = output(stem, ext);
            let len = std::fs::metadata(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .len();
            assert!(len > 1000, "{} is only {len} bytes", path.display());
        }
    }
}

/// epubcheck starts a JVM per book: two at a time (CI has two cores).
#[test]
fn corpus_epubs_pass_epubcheck() {
    let stems = &converted().stems;
    let half = stems.len().div_ceil(2);
    let bad: Vec<String> = std::thread::scope(|s| {
        let jobs: Vec<_> = stems
            .chunks(half.max(1))
            .map(|chunk| {
                s.spawn(move || {
                    let mut bad = Vec::new();
                    for stem in chunk {
                        let bytes = std::fs::read(output(stem, "epub")).unwrap();
                        let (errors, warnings, text) =
                            support::epub::epubcheck(&bytes, &format!("{stem}.epub"));
                        if errors + warnings > 0 {
                            bad.push(format!(
                                "{stem}: {errors} errors, {warnings} warnings\n{text}"
                            ));
                        }
                    }
                    bad
                })
            })
            .collect();
        jobs.into_iter().flat_map(|j| j.join().unwrap()).collect()
    });
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Source markup that must never reach the printed page.
const MARKUP: [&str; 4] = ["<span", "</", "<!--", "<sup"];

/// The source's code (fenced and indented blocks, inline code spans), where HTML may be
/// shown on purpose.
fn source_code(src: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut in_block = false;
    for ev in Parser::new(src) {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => in_block = true,
            Event::End(TagEnd::CodeBlock) => {
                in_block = false;
                out.push('\n');
            }
            Event::Text(t) if in_block => out.push_str(&t),
            Event::Code(t) => {
                out.push_str(&t);
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// No source markup is printed except inside the source's own code, and no image is an
/// empty box.
#[test]
fn corpus_pdfs_print_no_source_markup_and_no_empty_image_box() {
    let mut bad = Vec::new();
    for stem in &converted().stems {
        let src = std::fs::read_to_string(corpus_dir().join(format!("{stem}.md"))).unwrap();
        let code = source_code(&src);
        for l in stext_lines(&output(stem, "pdf")).iter().flatten() {
            // Runs of one face: code is set in the monospaced face, prose in the others.
            let mut runs: Vec<(bool, String)> = Vec::new();
            for g in &l.glyphs {
                let mono = g.font.contains("Mono");
                match runs.last_mut() {
                    Some((m, t)) if *m == mono => t.push(g.c),
                    _ => runs.push((mono, g.c.to_string())),
                }
            }
            for (mono, run) in &runs {
                let shown = run.trim().trim_start_matches(['↪', '↩']).trim();
                let from_code = *mono && !shown.is_empty() && code.contains(shown);
                for m in MARKUP {
                    if run.contains(m) && !from_code {
                        bad.push(format!(
                            "{stem} p{}: `{m}` printed: {}",
                            l.page + 1,
                            l.text()
                        ));
                    }
                }
            }
            let squeezed: String = l.text().chars().filter(|c| !c.is_whitespace()).collect();
            if squeezed.contains("［图：］") || squeezed.contains("[图:]") {
                bad.push(format!(
                    "{stem} p{}: an empty image box: {}",
                    l.page + 1,
                    l.text()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// T9 on every printed line with Han text, outside code (set in the monospaced face, where
/// `//` may start a line).
#[test]
fn corpus_t9_kinsoku_holds_on_every_line() {
    let mut bad = Vec::new();
    for stem in &converted().stems {
        for l in stext_lines(&output(stem, "pdf")).iter().flatten() {
            let ink = l.ink();
            if ink.is_empty()
                || han(&l.text()).is_empty()
                || ink.iter().any(|g| g.font.contains("Mono"))
            {
                continue;
            }
            let (first, last) = (ink[0], ink[ink.len() - 1]);
            let dash2 = ink.len() > 1 && first.c == '—' && ink[1].c == '—';
            if !dash2 && gb_no_start(first.c) {
                bad.push(format!(
                    "{stem} p{}: starts with {}: {}",
                    l.page + 1,
                    first.c,
                    l.text()
                ));
            }
            if gb_no_end(last.c) {
                bad.push(format!(
                    "{stem} p{}: ends with {}: {}",
                    l.page + 1,
                    last.c,
                    l.text()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
