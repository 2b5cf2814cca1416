//! Real Chinese Markdown nobody on the team wrote (`tests/corpus/`, origins and licences in
//! `tests/corpus/SOURCES.md`), converted the way a user would: one `paiban convert` of the
//! folder to PDF, EPUB and DOCX. Issue 10's acceptance checks run on every document.
//!
//! The conversion runs once per test binary (a `OnceLock`); each test reads its outputs.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use support::pdf::{gb_no_end, gb_no_start, han, is_han, run, stext_lines};

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

fn pdftotext(pdf: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
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

/// The Han characters a reader should find in print: the source without its front matter,
/// HTML comments and the insides of HTML tags (attribute values are not text).
fn source_han(src: &str) -> String {
    let mut s = src;
    if let Some(rest) = s.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---\n") {
            s = &rest[end + 5..];
        }
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = if tail.starts_with("<!--") {
            tail.find("-->").map(|e| e + 3)
        } else if tail[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
            tail.find('>').map(|e| e + 1)
        } else {
            Some(1)
        };
        match end {
            Some(e) => {
                if e == 1 {
                    out.push('<');
                }
                rest = &tail[e..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    han(&out)
}

fn counts(s: &str) -> BTreeMap<char, usize> {
    let mut m = BTreeMap::new();
    for c in s.chars().filter(|&c| is_han(c)) {
        *m.entry(c).or_insert(0) += 1;
    }
    m
}

#[test]
fn corpus_every_han_character_comes_back_from_the_pdf() {
    let mut bad = Vec::new();
    for stem in &converted().stems {
        let src = std::fs::read_to_string(corpus_dir().join(format!("{stem}.md"))).unwrap();
        let want = counts(&source_han(&src));
        let got = counts(&pdftotext(&output(stem, "pdf")));
        let missing: Vec<String> = want
            .iter()
            .filter(|(c, n)| got.get(c).copied().unwrap_or(0) < **n)
            .map(|(c, n)| format!("{c}×{}", n - got.get(c).copied().unwrap_or(0)))
            .collect();
        if !missing.is_empty() {
            bad.push(format!("{stem}: missing {}", missing.join(" ")));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Issue 10 item 1: a visible heading hierarchy, measured on the PDF's glyph sizes and fonts
/// (level 1 clearly larger than body, sizes never growing with depth, every level apart from
/// body text by size, face or weight).
#[test]
fn corpus_heading_hierarchy_holds_in_the_pdf() {
    let mut bad = Vec::new();
    for stem in &converted().stems {
        let doc = support::load(&corpus_dir().join(format!("{stem}.md")));
        for problem in support::pdf::heading_hierarchy(&output(stem, "pdf"), &doc) {
            bad.push(format!("{stem}: {problem}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// T9 on every printed line with Han text, outside code (set in the monospaced face, where
/// `//` may start a line) and URL breaks (T8).
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
            // T8: a URL breaks after its `/` separators, which T9's SOL rule leaves alone.
            let text = l.text();
            let last_word = text
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            let url_break = last.c == '/' && last_word.contains("://");
            if gb_no_end(last.c) && !url_break {
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
