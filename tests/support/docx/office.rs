//! External validators for the DOCX tests: LibreOffice, mutool, python-docx. A missing tool
//! fails the test with a clear message (never a skip).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs a tool, panicking with a readable message when it is missing or fails.
pub fn run(cmd: &mut Command, what: &str) -> Vec<u8> {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what} is required for this test but could not be run: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Converts `docx` to PDF with headless LibreOffice, using a private profile so parallel
/// test binaries do not clash. Returns the PDF path (next to the DOCX).
///
/// LibreOffice's start-up on a fresh machine, with several instances starting at once, was
/// seen to abort once with `WrappedTargetRuntimeException` before reading the document; that
/// one failure is retried once with a new profile. Any other failure, or a second one, fails.
pub fn soffice_pdf(docx: &Path) -> PathBuf {
    let dir = docx.parent().unwrap();
    let convert = || {
        let profile = tempfile::Builder::new().prefix("lo-").tempdir().unwrap();
        let url = format!("-env:UserInstallation=file://{}", profile.path().display());
        Command::new("soffice")
            .arg(url)
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(docx)
            .output()
            .unwrap_or_else(|e| panic!("soffice (LibreOffice) is required for this test: {e}"))
    };
    let mut out = convert();
    let start_up_abort =
        String::from_utf8_lossy(&out.stderr).contains("WrappedTargetRuntimeException");
    if !out.status.success() && start_up_abort {
        out = convert();
    }
    assert!(
        out.status.success(),
        "soffice (LibreOffice) failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = docx.with_extension("pdf");
    assert!(pdf.exists(), "soffice wrote no {}", pdf.display());
    pdf
}

/// One glyph of `mutool draw -F stext`.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// The character.
    pub c: char,
    /// Font name as mutool reports it.
    pub font: String,
    /// Font size in points.
    pub size: f32,
    /// Left edge of the glyph quad.
    pub x: f32,
    /// Right edge of the glyph quad.
    pub right: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
}

/// One text line of the PDF, in content order.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based page number.
    pub page: usize,
    /// Glyphs of the line.
    pub glyphs: Vec<Glyph>,
}

impl Line {
    /// The line's text.
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.c).collect()
    }
}

/// Lines of a PDF from `mutool draw -F stext` (H-PDF).
pub fn stext_lines(pdf: &Path) -> Vec<Line> {
    use quick_xml::events::Event;
    let xml = run(
        Command::new("mutool")
            .args(["draw", "-q", "-F", "stext", "-o", "-"])
            .arg(pdf),
        "mutool (mupdf-tools)",
    );
    let xml = String::from_utf8(xml).unwrap();
    let mut r = quick_xml::Reader::from_str(&xml);
    let (mut lines, mut page, mut font, mut size) = (Vec::new(), 0, String::new(), 0.0);
    let attr = |e: &quick_xml::events::BytesStart<'_>, k: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == k.as_bytes())
            .map(|a| a.unescape_value().unwrap().into_owned())
    };
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"page" => page += 1,
                b"line" => lines.push(Line {
                    page,
                    glyphs: Vec::new(),
                }),
                b"font" => {
                    font = attr(&e, "name").unwrap_or_default();
                    size = attr(&e, "size").and_then(|s| s.parse().ok()).unwrap_or(0.0);
                }
                b"char" => {
                    let c = attr(&e, "c").and_then(|s| s.chars().next()).unwrap_or(' ');
                    let x = attr(&e, "x").and_then(|s| s.parse().ok()).unwrap_or(0.0);
                    let y = attr(&e, "y").and_then(|s| s.parse().ok()).unwrap_or(0.0);
                    // quad = ul ur ll lr corners: the right edge is the larger x of ur, lr.
                    let quad: Vec<f32> = attr(&e, "quad")
                        .unwrap_or_default()
                        .split_whitespace()
                        .filter_map(|v| v.parse().ok())
                        .collect();
                    let right = match quad.as_slice() {
                        [_, _, urx, _, _, _, lrx, _] => urx.max(*lrx),
                        _ => x,
                    };
                    let line: &mut Line = lines.last_mut().unwrap();
                    line.glyphs.push(Glyph {
                        c,
                        font: font.clone(),
                        size,
                        x,
                        right,
                        y,
                    });
                }
                _ => {}
            },
            _ => {}
        }
    }
    lines
}

/// CIDs of the glyphs embedded for the fonts whose PDF name contains all of `name_parts`
/// (LibreOffice exports Noto CJK as Type 1 with glyph names `cidNNNNN`).
pub fn embedded_cids(pdf: &Path, name_parts: &[&str]) -> std::collections::BTreeSet<u16> {
    let dir = tempfile::tempdir().unwrap();
    run(
        Command::new("mutool")
            .current_dir(dir.path())
            .arg("extract")
            .arg(pdf.canonicalize().unwrap()),
        "mutool extract",
    );
    let mut cids = std::collections::BTreeSet::new();
    let re = regex::Regex::new(r"/cid(\d+)").unwrap();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let data = std::fs::read(entry.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&data);
        let name = text.lines().find(|l| l.contains("/FontName")).unwrap_or("");
        if name_parts.iter().all(|p| name.contains(p)) {
            cids.extend(
                re.captures_iter(&text)
                    .filter_map(|c| c[1].parse::<u16>().ok()),
            );
        }
    }
    cids
}
