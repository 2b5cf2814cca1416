//! Issue 10 item 4: PNG, JPEG, GIF (first frame), WebP and SVG from local files in all three
//! outputs, through `paiban convert`: the PDF draws the rasters as image XObjects and the SVG
//! as vectors with its text; the EPUB keeps SVG and converts WebP to PNG (epubcheck clean);
//! the DOCX stores a PNG for WebP and SVG (plus the SVG itself behind `asvg:svgBlip`) and
//! LibreOffice shows them all.

use crate::support::images::{self, has_colour, rgb_pixels, FIGURES_MD, SVG_TEXT};
use crate::support::{epub::epubcheck, pdf, unzip};
use std::path::{Path, PathBuf};
use std::process::Command;

const RED: [u8; 3] = [255, 0, 0];
const BLUE: [u8; 3] = [0, 0, 255];
const GREEN: [u8; 3] = [0, 200, 0];
const YELLOW: [u8; 3] = [255, 204, 0];

/// Writes `md` and the test images into a fresh folder and converts it to all three
/// formats; returns the folder, the output paths (pdf, epub, docx) and the warnings.
pub fn convert(md: &str) -> (tempfile::TempDir, [PathBuf; 3], String) {
    let dir = tempfile::tempdir().unwrap();
    images::write_all(dir.path());
    let input = dir.path().join("doc.md");
    std::fs::write(&input, md).unwrap();
    let out = dir.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .env("SOURCE_DATE_EPOCH", "0")
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--to", "pdf,epub,docx"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "paiban convert failed: {stderr}");
    let paths = ["pdf", "epub", "docx"].map(|ext| out.join(format!("doc.{ext}")));
    (dir, paths, stderr)
}

/// RGB pixels of page 1 of `pdf` at 40 dpi.
fn page_pixels(pdf: &Path) -> Vec<[u8; 3]> {
    let prefix = pdf.with_extension("page1");
    pdf::run(
        "pdftoppm",
        &[
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    rgb_pixels(&std::fs::read(pdf.with_extension("page1.png")).unwrap())
}

#[test]
fn every_format_is_drawn_in_the_pdf_svg_as_vectors() {
    let (_dir, [pdf_path, _, _], warnings) = convert(FIGURES_MD);
    assert!(!warnings.contains("W-IMAGE"), "{warnings}");
    // Four image XObjects (PNG, JPEG, GIF, WebP); the SVG is paths and text, no image.
    let list = pdf::run("pdfimages", &["-list", pdf_path.to_str().unwrap()]);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .filter(|r: &Vec<&str>| r.get(2) == Some(&"image"))
        .collect();
    assert_eq!(rows.len(), 4, "{list}");
    assert_eq!(rows.iter().filter(|r| r[8] == "jpeg").count(), 1, "{list}");
    let text = pdf::run("pdftotext", &[pdf_path.to_str().unwrap(), "-"]);
    assert!(
        text.contains(SVG_TEXT),
        "SVG text is text in the PDF: {text}"
    );
    // Colours: GIF's first frame (red) and never its second (blue); WebP green; SVG yellow.
    let px = page_pixels(&pdf_path);
    assert!(has_colour(&px, RED), "GIF first frame missing");
    assert!(!has_colour(&px, BLUE), "GIF second frame drawn");
    assert!(has_colour(&px, GREEN), "WebP missing");
    assert!(has_colour(&px, YELLOW), "SVG missing");
}

#[test]
fn every_format_is_in_the_epub_webp_as_png() {
    let (_dir, [_, epub_path, _], warnings) = convert(FIGURES_MD);
    assert!(!warnings.contains("[epub]"), "{warnings}");
    let bytes = std::fs::read(&epub_path).unwrap();
    let files = unzip(&bytes);
    let opf = String::from_utf8(files["EPUB/content.opf"].clone()).unwrap();
    let types: Vec<&str> = opf
        .split("media-type=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|t| t.starts_with("image/"))
        .collect();
    assert_eq!(
        types,
        [
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/png",
            "image/svg+xml"
        ],
        "{opf}"
    );
    assert_eq!(files["EPUB/images/img005.svg"], images::svg());
    // The WebP became a PNG of the same pixels.
    let webp_png = rgb_pixels(&files["EPUB/images/img004.png"]);
    assert_eq!(webp_png.len(), (images::W * images::H) as usize);
    assert!(webp_png.iter().all(|&p| p == GREEN));
    let (errors, warns, out) = epubcheck(&bytes, "formats.epub");
    assert_eq!((errors, warns), (0, 0), "{out}");
}

#[test]
fn every_format_is_in_the_docx_and_libreoffice_shows_them() {
    let (_dir, [_, _, docx_path], warnings) = convert(FIGURES_MD);
    assert!(!warnings.contains("[docx]"), "{warnings}");
    let bytes = std::fs::read(&docx_path).unwrap();
    let files = unzip(&bytes);
    let media: Vec<&str> = files
        .keys()
        .filter_map(|k| k.strip_prefix("word/media/"))
        .collect();
    assert_eq!(
        media,
        [
            "image1.png",
            "image2.jpeg",
            "image3.gif",
            "image4.png",
            "image5.png",
            "image5.svg"
        ]
    );
    assert_eq!(files["word/media/image5.svg"], images::svg());
    let types = String::from_utf8(files["[Content_Types].xml"].clone()).unwrap();
    assert!(types.contains(r#"PartName="/word/media/image5.svg" ContentType="image/svg+xml""#));
    let doc = String::from_utf8(files["word/document.xml"].clone()).unwrap();
    assert!(doc.contains("<asvg:svgBlip"), "SVG picture referenced");
    // LibreOffice opens the document and draws every picture (the SVG from its PNG or SVG).
    let pdf = crate::support::docx::office::soffice_pdf(&docx_path);
    let px = page_pixels(&pdf);
    assert!(has_colour(&px, RED) && !has_colour(&px, BLUE), "GIF frame");
    assert!(has_colour(&px, GREEN), "WebP missing in LibreOffice");
    assert!(has_colour(&px, YELLOW), "SVG missing in LibreOffice");
}

#[test]
fn an_svg_with_a_script_and_file_references_is_cleaned_for_epub_and_docx() {
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="80" height="40"><script>alert(1)</script><rect width="80" height="40" fill="#ffcc00"/><image xlink:href="img.png" width="10" height="10"/></svg>"##;
    let md = "# 脚本\n\n![脚本 SVG](dirty.svg)\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dirty.svg"), svg).unwrap();
    std::fs::write(dir.path().join("doc.md"), md).unwrap();
    let out = dir.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .arg("convert")
        .arg(dir.path().join("doc.md"))
        .arg("-o")
        .arg(&out)
        .args(["--to", "epub,docx"])
        .output()
        .unwrap();
    assert!(run.status.success());
    let bytes = std::fs::read(out.join("doc.epub")).unwrap();
    let book_svg = String::from_utf8(unzip(&bytes)["EPUB/images/img001.svg"].clone()).unwrap();
    assert!(
        !book_svg.contains("script") && !book_svg.contains("img.png"),
        "{book_svg}"
    );
    assert!(
        book_svg.contains("#ffcc00"),
        "the drawing is kept: {book_svg}"
    );
    let (errors, warns, report) = epubcheck(&bytes, "dirty.epub");
    assert_eq!((errors, warns), (0, 0), "{report}");
    let docx = unzip(&std::fs::read(out.join("doc.docx")).unwrap());
    let word_svg = String::from_utf8(docx["word/media/image1.svg"].clone()).unwrap();
    assert!(!word_svg.contains("script") && !word_svg.contains("img.png"));
}
