//! Issue 10 item 3: raw HTML behaves the same in PDF, EPUB and DOCX — no source markup in
//! any output, comments gone, superscript and subscript set as such everywhere.

use crate::support::docx::office;
use crate::support::epub::epubcheck;
use crate::support::pdf::{run, stext_lines, temp_pdf};
use crate::support::{fixture, unzip_text, zip_part};
use paiban::api::{convert_bytes, ConvertOptions, Converted};
use paiban::read::InputFormat;

/// `tests/fixtures/raw_html.md` converted to `to`.
fn convert(to: &str) -> Converted {
    let path = fixture("raw_html.md");
    let opts = ConvertOptions {
        source_name: path.clone(),
        base_dir: path.parent().unwrap().to_path_buf(),
        ..ConvertOptions::default()
    };
    let bytes = std::fs::read(&path).unwrap();
    convert_bytes(&bytes, InputFormat::Markdown, to, &opts).unwrap()
}

/// Source markup that must never reach a reader.
const MARKUP: [&str; 5] = ["<span", "</", "<!--", "<sup", "&lt;"];

/// Text of the fixture's comment, which must vanish.
const COMMENT: &str = "这条注释";

#[test]
fn one_warning_and_it_names_the_unknown_tags() {
    for to in ["pdf", "epub", "docx"] {
        let c = convert(to);
        let warnings: Vec<_> = c.log.warnings().collect();
        assert_eq!(warnings.len(), 1, "{to}: {warnings:?}");
        assert_eq!(warnings[0].source, "W-HTML");
        assert!(warnings[0].message.contains("<font>") && warnings[0].message.contains("<blink>"));
    }
}

#[test]
fn pdf_sets_superscript_raised_and_subscript_lowered_with_no_markup() {
    let c = convert("pdf");
    let (_dir, pdf) = temp_pdf(&c.bytes, "raw_html.pdf");
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for m in MARKUP {
        assert!(!text.contains(m), "{m} in the PDF text:\n{text}");
    }
    assert!(!text.contains(COMMENT));
    for kept in [
        "未知标签",
        "另一个",
        "点击展开详情",
        "展开后的正文内容",
        "盒子里的第二段",
        "数据对照",
    ] {
        assert!(text.contains(kept), "{kept} missing:\n{text}");
    }
    // stext puts a shifted glyph on a line of its own: pair glyphs by position instead.
    let glyphs: Vec<_> = stext_lines(&pdf)
        .into_iter()
        .flatten()
        .flat_map(|l| l.glyphs)
        .collect();
    // `before`, and the `after` glyph that starts where it ends, near its baseline.
    let pair = |before: char, after: char| {
        glyphs
            .iter()
            .filter(|a| a.c == before)
            .find_map(|a| {
                glyphs
                    .iter()
                    .find(|b| {
                        b.c == after && (b.x - a.x1).abs() < 1.0 && (b.y - a.y).abs() < a.size
                    })
                    .map(|b| (a.clone(), b.clone()))
            })
            .unwrap_or_else(|| panic!("{before}{after} not in the PDF"))
    };
    let (two, n) = pair('2', 'n');
    assert!(
        n.size < two.size * 0.8,
        "superscript size {} vs {}",
        n.size,
        two.size
    );
    assert!(
        n.y < two.y - 2.0,
        "superscript baseline {} not above {}",
        n.y,
        two.y
    );
    // No T15 gap between Han and a superscript (the pair would not be found).
    let (mi, two) = pair('米', '2');
    assert!(
        two.size < mi.size * 0.8 && two.y < mi.y - 2.0,
        "米² is a raised 2"
    );
    let (h, sub) = pair('H', '2');
    assert!(
        sub.size < h.size * 0.8,
        "subscript size {} vs {}",
        sub.size,
        h.size
    );
    assert!(
        sub.y > h.y + 1.0,
        "subscript baseline {} not below {}",
        sub.y,
        h.y
    );
}

#[test]
fn epub_uses_the_html_elements_and_passes_epubcheck() {
    let c = convert("epub");
    let files = unzip_text(&c.bytes);
    let body: String = files
        .iter()
        .filter(|(k, _)| k.ends_with(".xhtml") && !k.ends_with("nav.xhtml"))
        .map(|(_, v)| v.as_str())
        .collect();
    for want in [
        "2<sup>n</sup>",
        "米<sup>2</sup>，",
        "H<sub>2</sub>O",
        "<kbd><code>Ctrl</code></kbd>",
        "<u>下划线</u>",
        "<mark>高亮</mark>",
        "<small>小字</small>",
        "<s>删去</s>",
        "<ruby>汉<rp>（</rp><rt>hàn</rt><rp>）</rp></ruby>",
        "<a href=\"https://example.com/\">示例网站</a>",
        "第一行<br/>第二行",
        "<strong>点击展开详情</strong>",
        "<table",
        "未知标签",
    ] {
        assert!(body.contains(want), "{want} missing from the EPUB:\n{body}");
    }
    assert!(!body.contains(COMMENT) && !body.contains("&lt;"));
    assert!(
        !body.contains("<span class=\"caption\""),
        "source markup copied"
    );
    let (errors, warnings, out) = epubcheck(&c.bytes, "raw_html.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
fn docx_uses_run_properties_and_word_ruby() {
    let c = convert("docx");
    let doc = zip_part(&c.bytes, "word/document.xml");
    for want in [
        "<w:vertAlign w:val=\"superscript\"/>",
        "<w:vertAlign w:val=\"subscript\"/>",
        "<w:u w:val=\"single\"/>",
        "<w:highlight w:val=\"yellow\"/>",
        "<w:strike/>",
        "<w:ruby>",
        "<w:t>hàn</w:t>",
        "<w:tbl>",
        "未知标签",
        "点击展开详情",
    ] {
        assert!(doc.contains(want), "{want} missing from document.xml");
    }
    assert!(!doc.contains(COMMENT) && !doc.contains("&lt;span"));
    // Word's reading of the file, through LibreOffice: the superscript is there as text.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("raw_html.docx");
    std::fs::write(&path, &c.bytes).unwrap();
    let pdf = office::soffice_pdf(&path);
    let text: String = office::stext_lines(&pdf).iter().map(|l| l.text()).collect();
    assert!(text.contains("2n") && text.contains("H2O"), "{text}");
    for m in MARKUP {
        assert!(!text.contains(m), "{m} in the DOCX text");
    }
}
