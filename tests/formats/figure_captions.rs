//! Issue 10 item 4: remote images and figure captions in all three outputs. A remote image
//! (never fetched) is a caption-like line `［图：alt］ URL` with the link, never an empty box,
//! and every output warns with the line; a caption from the image title or a following
//! `图 N` line is printed centred below the picture in the caption style.

use super::image_formats::convert;
use crate::support::{docx::office, pdf, unzip};

const REMOTE_MD: &str =
    "# 远程图片\n\n正文第一段。\n\n![系统架构](https://example.com/arch.png)\n\n\
行内的 ![流程](https://example.com/flow.svg) 图片。\n\n![](https://example.com/empty.png)\n";

/// Text of a DOCX's `word/document.xml` runs (`w:t`), concatenated.
fn docx_text(files: &std::collections::BTreeMap<String, Vec<u8>>) -> String {
    let xml = String::from_utf8(files["word/document.xml"].clone()).unwrap();
    xml.split("<w:t")
        .skip(1)
        .filter_map(|s| s.split_once('>').map(|(_, rest)| rest))
        .filter_map(|s| s.split("</w:t>").next())
        .collect()
}

#[test]
fn a_remote_image_is_its_alt_text_and_link_in_every_output() {
    let (_dir, [pdf_path, epub_path, docx_path], warnings) = convert(REMOTE_MD);
    let lines = [
        "［图：系统架构］ https://example.com/arch.png",
        "［图：流程］ https://example.com/flow.svg",
        "［图］ https://example.com/empty.png",
    ];
    // PDF: the lines as text, a link annotation to the address, no empty box.
    let text = pdf::run("pdftotext", &[pdf_path.to_str().unwrap(), "-"]);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in lines {
        assert!(flat.contains(line), "PDF lacks {line}: {text}");
    }
    assert!(!text.contains("［图：］"));
    let pdf_bytes = std::fs::read(&pdf_path).unwrap();
    assert!(
        pdf_bytes
            .windows(28)
            .any(|w| w == b"https://example.com/arch.png"),
        "link target in the PDF"
    );
    // EPUB: the caption-like paragraph with a link.
    let files = unzip(&std::fs::read(&epub_path).unwrap());
    let xhtml: String = files
        .iter()
        .filter(|(k, _)| k.ends_with(".xhtml") && !k.ends_with("nav.xhtml"))
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .collect();
    assert!(xhtml.contains(
        r#"<p class="caption">［图：系统架构］ <a href="https://example.com/arch.png">https://example.com/arch.png</a></p>"#
    ), "{xhtml}");
    assert!(xhtml.contains(r#"［图：流程］ <a href="https://example.com/flow.svg">"#));
    // DOCX: the same text in a Caption paragraph, the address a hyperlink.
    let dfiles = unzip(&std::fs::read(&docx_path).unwrap());
    let dtext = docx_text(&dfiles);
    for line in lines {
        assert!(dtext.contains(line), "DOCX lacks {line}: {dtext}");
    }
    let doc = String::from_utf8(dfiles["word/document.xml"].clone()).unwrap();
    assert!(doc.contains(r#"<w:pStyle w:val="Caption"/>"#));
    let rels = String::from_utf8(dfiles["word/_rels/document.xml.rels"].clone()).unwrap();
    assert!(rels.contains("https://example.com/arch.png"));
    // Each output warns, naming the address and the line (5 and 7 of the input).
    for (tag, line) in [
        ("W-IMAGE", 5),
        ("epub", 5),
        ("epub", 7),
        ("docx", 5),
        ("docx", 7),
    ] {
        assert!(
            warnings
                .lines()
                .any(|w| w.contains(&format!("doc.md:{line}:"))
                    && w.contains(&format!("[{tag}]"))
                    && w.contains("https://example.com/")),
            "no {tag} warning for line {line}: {warnings}"
        );
    }
}

const CAPTIONS_MD: &str = "# 图注\n\n![棋盘](img.png \"图 1 来自标题的图注\")\n\n\
![绿色](img.webp)\n\n图 2-1：下一行的图注\n\n![SVG 图](img.svg)\n图3 同段的图注\n\n正文。\n";

#[test]
fn captions_from_title_and_figure_lines_in_every_output() {
    let (_dir, [pdf_path, epub_path, docx_path], _) = convert(CAPTIONS_MD);
    let captions = [
        "图 1 来自标题的图注",
        "图 2-1：下一行的图注",
        "图3 同段的图注",
    ];
    // PDF: each caption is one centred line at the note size (10.5 pt, handout).
    let lines = pdf::stext_lines(&pdf_path);
    for cap in captions {
        let line = lines
            .iter()
            .flatten()
            .find(|l| l.text().replace(' ', "") == cap.replace(' ', ""))
            .unwrap_or_else(|| panic!("PDF has no caption line {cap}"));
        let ink = line.ink();
        assert!(
            ink.iter().all(|g| (g.size - 10.5).abs() < 0.1),
            "{cap}: size"
        );
        let (x0, x1) = (ink[0].x, ink.last().unwrap().x1);
        // Centred on the A4 handout text area (page centre 297.6 pt).
        assert!(
            ((x0 + x1) / 2.0 - 297.6).abs() < 12.0,
            "{cap} not centred: {x0}..{x1}"
        );
    }
    // EPUB: figcaptions inside the figures.
    let files = unzip(&std::fs::read(&epub_path).unwrap());
    let c: String = files
        .iter()
        .filter(|(k, _)| k.ends_with(".xhtml") && !k.ends_with("nav.xhtml"))
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .collect();
    for cap in captions {
        assert!(
            c.contains(&format!("<figcaption>{cap}</figcaption>")),
            "{cap}: {c}"
        );
    }
    let css = String::from_utf8(files["EPUB/css/style.css"].clone()).unwrap();
    assert!(css.contains("figcaption,p.caption{text-align:center;text-indent:0;font-size:"));
    // DOCX: Caption paragraphs; LibreOffice prints them.
    let dfiles = unzip(&std::fs::read(&docx_path).unwrap());
    let doc = String::from_utf8(dfiles["word/document.xml"].clone()).unwrap();
    assert_eq!(doc.matches(r#"<w:pStyle w:val="Caption"/>"#).count(), 3);
    let lo = office::soffice_pdf(&docx_path);
    // (Word's HAN–digit spacing, T15, shows as a space in LibreOffice's text layer.)
    let lo_text = pdf::run("pdftotext", &[lo.to_str().unwrap(), "-"]).replace(' ', "");
    for cap in captions {
        let cap = cap.replace(' ', "");
        assert!(lo_text.contains(&cap), "LibreOffice lacks {cap}: {lo_text}");
    }
    // The caption lines are not printed a second time as paragraphs.
    let text = pdf::run("pdftotext", &[pdf_path.to_str().unwrap(), "-"]);
    assert_eq!(text.matches("下一行的图注").count(), 1);
    assert_eq!(text.matches("同段的图注").count(), 1);
}
