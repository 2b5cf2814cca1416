//! `--embed-fonts` (issue 11 item 6): the package carries obfuscated subsets Word's way
//! (ECMA-376 Part 1 §17.8.1), and LibreOffice on a machine with no Kai font sets the Kai
//! text in the embedded face (LXGW WenKai) instead of falling back to Noto Sans.

use crate::package::check_package;
use crate::support::docx::{harness, office};
use crate::support::pdf::is_han;
use crate::support::{load, sample_path};
use harness::{part, render_styled, render_with, unzip};
use paiban::backend::docx::{key_bytes, obfuscate};
use paiban::backend::RenderOptions;
use paiban::style::Style;
use std::path::Path;
use std::process::Command;

fn embedding() -> RenderOptions {
    RenderOptions {
        docx_embed_fonts: true,
        ..RenderOptions::default()
    }
}

/// `(w:name of the font entry, r:id, w:fontKey)` of every embedded font in the font table.
fn embeds(font_table: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for entry in font_table.split("<w:font ").skip(1) {
        let name = entry.split('"').nth(1).unwrap().to_string();
        for slot in entry.split("<w:embed").skip(1) {
            let attr = |k: &str| {
                let at = slot.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
                slot[at..].split('"').next().unwrap().to_string()
            };
            out.push((name.clone(), attr("r:id"), attr("w:fontKey")));
        }
    }
    out
}

#[test]
fn embedded_fonts_are_obfuscated_parts_of_a_consistent_package() {
    let doc = load(&sample_path());
    let bytes = render_with(&doc, &embedding()).0;
    check_package("sample --embed-fonts", &bytes);
    assert_eq!(
        bytes,
        render_with(&doc, &embedding()).0,
        "not deterministic"
    );
    // The style key does the same as the option.
    let mut style = Style::handout();
    style.docx.embed_fonts = true;
    assert_eq!(
        bytes,
        render_styled(&doc, &RenderOptions::default(), &style).0
    );

    let settings = part(&bytes, "word/settings.xml");
    assert!(
        settings.contains("<w:embedTrueTypeFonts/><w:saveSubsetFonts/>"),
        "{settings}"
    );
    let types = part(&bytes, "[Content_Types].xml");
    let table = part(&bytes, "word/fontTable.xml");
    let rels = part(&bytes, "word/_rels/fontTable.xml.rels");
    let files = unzip(&bytes);
    let found = embeds(&table);
    let names: Vec<&str> = found.iter().map(|(n, _, _)| n.as_str()).collect();
    for want in ["SimSun", "SimHei", "KaiTi"] {
        assert!(names.contains(&want), "{want} not embedded: {names:?}");
    }
    for (name, id, key) in &found {
        let rel = rels
            .split("<Relationship ")
            .find(|r| r.contains(&format!("Id=\"{id}\"")))
            .unwrap_or_else(|| panic!("{name}: no relationship {id}"));
        assert!(rel.contains("relationships/font\""), "{rel}");
        let target = rel
            .split("Target=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let path = format!("word/{target}");
        assert!(
            path.starts_with("word/fonts/font") && path.ends_with(".odttf"),
            "{path}"
        );
        assert!(
            types.contains(&format!(
                "PartName=\"/{path}\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\""
            )),
            "{path}: content type"
        );
        let data = &files.iter().find(|(n, _)| *n == path).unwrap().1;
        let key = key_bytes(key).unwrap_or_else(|| panic!("{name}: bad font key {key}"));
        let font = obfuscate(data, &key);
        let sfnt = &font[..4];
        assert!(
            sfnt == b"OTTO" || sfnt == [0, 1, 0, 0],
            "{name}: de-obfuscated part is not a font: {sfnt:?}"
        );
        assert_ne!(&data[..4], sfnt, "{name}: part is not obfuscated");
    }
}

#[test]
fn no_font_parts_without_the_option() {
    let doc = load(&sample_path());
    let bytes = render_with(&doc, &RenderOptions::default()).0;
    assert!(unzip(&bytes)
        .iter()
        .all(|(n, _)| !n.starts_with("word/fonts/")));
    assert!(!part(&bytes, "word/settings.xml").contains("embedTrueTypeFonts"));
    assert!(!part(&bytes, "word/fontTable.xml").contains("w:embed"));
}

/// Font names `pdffonts` lists for a PDF.
fn pdf_fonts(pdf: &Path) -> String {
    String::from_utf8(office::run(
        Command::new("pdffonts").arg(pdf),
        "pdffonts (poppler-utils)",
    ))
    .unwrap()
}

/// Converts the sample with `options` through LibreOffice; the PDF's font list and the
/// font names mutool reports for the glyphs of the Kai text.
fn through_libreoffice(options: &RenderOptions, kai_text: &str) -> (String, Vec<String>) {
    let doc = load(&sample_path());
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("yiwu.docx");
    std::fs::write(&docx, render_with(&doc, options).0).unwrap();
    let pdf = office::soffice_pdf(&docx);
    let lines = office::stext_lines(&pdf);
    let line = lines
        .iter()
        .find(|l| l.text().contains(kai_text))
        .unwrap_or_else(|| panic!("no line holds the Kai text {kai_text}"));
    let fonts = line
        .glyphs
        .iter()
        .filter(|g| kai_text.contains(g.c))
        .map(|g| g.font.clone())
        .collect();
    (pdf_fonts(&pdf), fonts)
}

#[test]
fn libreoffice_sets_kai_text_in_the_embedded_face() {
    // The first Han characters of the first paragraph whose style sets KaiTi (subtitle,
    // bylines, level-2 headings, quotes: T19, T20), as written in the DOCX.
    let doc = load(&sample_path());
    let bytes = render_with(&doc, &RenderOptions::default()).0;
    let document = part(&bytes, "word/document.xml");
    let styles = part(&bytes, "word/styles.xml");
    let kai_styles: Vec<String> = styles
        .split("<w:style ")
        .filter(|s| s.contains("w:eastAsia=\"KaiTi\""))
        .filter_map(|s| {
            s.split("w:styleId=\"")
                .nth(1)?
                .split('"')
                .next()
                .map(String::from)
        })
        .collect();
    let kai_text: String = document
        .split("<w:p>")
        .find(|p| {
            kai_styles
                .iter()
                .any(|id| p.contains(&format!("<w:pStyle w:val=\"{id}\"/>")))
        })
        .expect("a Kai paragraph")
        .split("<w:t")
        .skip(1)
        .flat_map(|t| {
            t.split_once('>')
                .unwrap()
                .1
                .split('<')
                .next()
                .unwrap()
                .chars()
        })
        .filter(|c| is_han(*c))
        .take(4)
        .collect();
    assert_eq!(kai_text.chars().count(), 4, "{kai_text}");

    let (fonts, glyph_fonts) = through_libreoffice(&embedding(), &kai_text);
    assert!(
        fonts.contains("LXGWWenKai"),
        "no embedded Kai face in the PDF:\n{fonts}"
    );
    assert!(
        glyph_fonts.iter().all(|f| f.contains("LXGWWenKai")),
        "Kai text set in {glyph_fonts:?}"
    );
    // Without embedding this machine has no Kai font: the same text comes out in another face.
    let (fonts, glyph_fonts) = through_libreoffice(&RenderOptions::default(), &kai_text);
    assert!(!fonts.contains("LXGWWenKai"), "{fonts}");
    assert!(glyph_fonts.iter().all(|f| !f.contains("LXGWWenKai")));
}
