//! Shared helpers of the PDF tests: the sample document, rendering, and the H-PDF harness
//! (`mutool draw -F stext` → glyphs with baselines → visual lines).

mod hierarchy;
#[allow(unused_imports)]
pub use hierarchy::{
    assert_heading_hierarchy, heading_hierarchy, hierarchy_problems, measure, Hierarchy, Measured,
};
use paiban::ast::*;
use paiban::backend::pdf::Pdf;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::log::Log;
use paiban::style::Style;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::load;

/// Fails (never skips) when a validator is missing.
pub fn require(tool: &str) {
    let ok = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "validator `{tool}` is not installed: install it (poppler-utils / mupdf-tools / qpdf) — this test does not skip"
    );
}

/// Runs a command and returns its stdout, failing the test with stderr on error.
pub fn run(cmd: &str, args: &[&str]) -> String {
    require(cmd);
    let out = Command::new(cmd).args(args).output().expect(cmd);
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Renders `doc` to PDF bytes with the handout style; images resolve against `base`.
pub fn render(doc: &Document, base: &Path) -> (Vec<u8>, Log) {
    render_with(doc, base, &RenderOptions::default())
}

/// [`render`] with explicit output options.
pub fn render_with(doc: &Document, base: &Path, options: &RenderOptions) -> (Vec<u8>, Log) {
    let style = Style::handout();
    let ctx = Context {
        style: &style,
        options,
        base_dir: base,
    };
    let mut log = Log::default();
    let bytes = Pdf.render(doc, &ctx, &mut log).expect("PDF renders");
    (bytes, log)
}

/// The PDF at `path` rewritten by `qpdf --qdf` (streams uncompressed, no object streams) and
/// read as text, for checks on content streams and CMaps.
pub fn qdf_text(path: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let qdf = dir.path().join("qdf.pdf");
    run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            path.to_str().unwrap(),
            qdf.to_str().unwrap(),
        ],
    );
    String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned()
}

/// Writes bytes to a fresh temporary file named `name` and returns (dir guard, path).
pub fn temp_pdf(bytes: &[u8], name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// One glyph from `mutool draw -F stext`.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// The character (after the H-PDF U+22EF → U+2026 mapping).
    pub c: char,
    /// Pen x (left of the quad).
    pub x: f32,
    /// Right edge of the quad.
    pub x1: f32,
    /// Baseline y from the page top.
    pub y: f32,
    /// Font name as mutool reports it.
    pub font: String,
    /// Font size.
    pub size: f32,
    /// Fill colour as mutool reports it (`#ff0000`).
    pub colour: String,
}

/// A visual line: glyphs sharing a baseline (±0.5 pt), in content-stream order.
#[derive(Debug, Clone)]
pub struct VLine {
    /// 0-based page.
    pub page: usize,
    /// Baseline y.
    pub y: f32,
    /// The glyphs.
    pub glyphs: Vec<Glyph>,
}

impl VLine {
    /// The line's text.
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.c).collect()
    }
    /// Glyphs other than spaces.
    pub fn ink(&self) -> Vec<&Glyph> {
        self.glyphs
            .iter()
            .filter(|g| !g.c.is_whitespace())
            .collect()
    }
}

/// H-PDF: every page's glyphs grouped into visual lines, top to bottom.
pub fn stext_lines(pdf: &Path) -> Vec<Vec<VLine>> {
    let xml = run(
        "mutool",
        &[
            "draw",
            "-q",
            "-F",
            "stext",
            "-o",
            "-",
            pdf.to_str().unwrap(),
        ],
    );
    let mut pages: Vec<Vec<VLine>> = Vec::new();
    let mut font = String::new();
    let mut size = 0.0f32;
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        use quick_xml::events::Event;
        match reader.read_event().expect("stext XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attr = |k: &str| -> Option<String> {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k.as_bytes())
                        .map(|a| a.unescape_value().unwrap().into_owned())
                };
                match e.name().as_ref() {
                    b"page" => pages.push(Vec::new()),
                    b"font" => {
                        font = attr("name").unwrap_or_default();
                        size = attr("size").and_then(|s| s.parse().ok()).unwrap_or(0.0);
                    }
                    b"char" => {
                        let Some(c) = attr("c").and_then(|c| c.chars().next()) else {
                            continue;
                        };
                        let c = if c == '\u{22EF}' { '\u{2026}' } else { c };
                        let x: f32 = attr("x").unwrap().parse().unwrap();
                        let y: f32 = attr("y").unwrap().parse().unwrap();
                        let quad: Vec<f32> = attr("quad")
                            .unwrap()
                            .split_whitespace()
                            .map(|v| v.parse().unwrap())
                            .collect();
                        let g = Glyph {
                            c,
                            x,
                            x1: quad[2],
                            y,
                            font: font.clone(),
                            size,
                            colour: attr("color").unwrap_or_default().to_ascii_lowercase(),
                        };
                        let page_no = pages.len() - 1;
                        let page = pages.last_mut().unwrap();
                        match page.iter_mut().find(|l| (l.y - y).abs() <= 0.5) {
                            Some(l) => l.glyphs.push(g),
                            None => page.push(VLine {
                                page: page_no,
                                y,
                                glyphs: vec![g],
                            }),
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    for p in &mut pages {
        p.sort_by(|a, b| a.y.total_cmp(&b.y));
    }
    pages
}

/// HAN per TYPOGRAPHY.md §0 (ideographs, 々, 〇).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0x3005 | 0x3007)
}

/// The Han characters of `s`, in order.
pub fn han(s: &str) -> String {
    s.chars().filter(|&c| is_han(c)).collect()
}

/// T7 classes used by the kinsoku checks.
pub const OPEN: &str = "“‘（《〈「『【〖〔［｛";
/// Closing marks.
pub const CLOSE: &str = "”’）》〉」』】〗〕］｝";
/// Stops.
pub const STOP: &str = "。．，、：；！？‼⁇⁈⁉";
/// T9 `gb`: may not start a line.
pub fn gb_no_start(c: char) -> bool {
    STOP.contains(c) || CLOSE.contains(c) || "–—～·/／\u{2026}\u{22EF}".contains(c)
}
/// T9 `gb`: may not end a line.
pub fn gb_no_end(c: char) -> bool {
    OPEN.contains(c) || "/／".contains(c)
}

/// The sample, read and cleaned up.
pub fn sample_doc() -> Document {
    load(&super::sample_path())
}

/// Expected outline: (depth, title) for each article title and heading, in order. Article
/// titles are depth 0; a heading nests under the nearest preceding heading of a smaller level
/// (so skipped levels do not add depth), inside its article.
pub fn expected_outline(doc: &Document) -> Vec<(usize, String)> {
    fn headings(blocks: &[Block], base: usize, out: &mut Vec<(usize, String)>) {
        let mut stack: Vec<u8> = Vec::new();
        for b in blocks {
            if let Block::Heading(h) = b {
                while stack.last().is_some_and(|&l| l >= h.level) {
                    stack.pop();
                }
                out.push((base + stack.len(), plain_text(&h.content)));
                stack.push(h.level);
            }
        }
    }
    let mut out = Vec::new();
    let mut loose = Vec::new();
    for b in &doc.blocks {
        match b {
            Block::Article(a) => {
                headings(&loose, 0, &mut out);
                loose.clear();
                out.push((0, plain_text(&a.title)));
                headings(&a.body, 1, &mut out);
            }
            other => loose.push(other.clone()),
        }
    }
    headings(&loose, 0, &mut out);
    out
}

/// The outline as `mutool show FILE outline` prints it (`+\t\t"title"\t#page=…`, one tab
/// per level after the marker): (depth, title).
pub fn pdf_outline(pdf: &Path) -> Vec<(usize, String)> {
    let out = run("mutool", &["show", pdf.to_str().unwrap(), "outline"]);
    out.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            let q = fields
                .iter()
                .position(|f| f.starts_with('"'))
                .unwrap_or_else(|| panic!("unexpected outline line {l:?}"));
            (q - 1, fields[q].trim_matches('"').to_string())
        })
        .collect()
}

/// Renders and writes the PDF to `target/tmp/pdf/NAME` (kept for inspection).
pub fn rendered(doc: &Document, base: &Path, name: &str) -> (PathBuf, Vec<u8>, Log) {
    let (bytes, log) = render(doc, base);
    // Cargo's scratch folder for integration tests: overwritten each run, never littered.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    // Tests run in parallel and several render the same fixture to the same name: write a
    // private temporary file and rename it, so a reader never sees a half-written PDF.
    let tmp = dir.join(format!(".{name}.{:?}.tmp", std::thread::current().id()));
    std::fs::write(&tmp, &bytes).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    (path, bytes, log)
}
