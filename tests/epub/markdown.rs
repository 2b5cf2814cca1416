//! EPUB from a Markdown fixture through the real readers and passes: epubcheck-clean,
//! chapters cut at level-1 headings, valid font subsets, and reviewed XML snapshots.

use crate::support::epub::*;
use crate::support::in_snapshot_folder;
use crate::support::unzip;
use paiban::backend::RenderOptions;

fn book() -> (Vec<u8>, paiban::log::Log) {
    let opts = RenderOptions {
        source_date_epoch: Some(1_700_000_000),
        ..RenderOptions::default()
    };
    let (bytes, log, _) = render_file(&fixtures().join("book.md"), &opts);
    (bytes, log)
}

#[test]
fn markdown_book_passes_epubcheck() {
    let (bytes, _) = book();
    let (errors, warnings, out) = epubcheck(&bytes, "book.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
fn markdown_book_is_cut_at_level_one_headings_and_warns_about_missing_targets() {
    let (bytes, log) = book();
    let files = unzip(&bytes);
    let c1 = text(&files, "EPUB/c001.xhtml");
    let c2 = text(&files, "EPUB/c002.xhtml");
    // T21: the chapter marker normalised with a U+3000 gap; statute division scale (d1).
    assert!(c1.contains("第一章\u{3000}总体要求") && !c1.contains("表格与代码</h1>"));
    assert!(c2.contains("<h1 class=\"d1\" id=\"ch2\">第二章\u{3000}表格与代码</h1>"));
    assert!(c1.contains(r##"<a href="c002.xhtml#ch2">第二章</a>"##));
    assert!(c1.contains(r#"<h1 class="title">排版测试手册</h1>"#));
    let warnings: Vec<_> = log.warnings().map(|e| e.message.clone()).collect();
    assert!(
        warnings.iter().any(|w| w.contains("other.md")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.contains("remote.png")),
        "{warnings:?}"
    );
    // Nothing of the source markup shows (T26 code keeps its own characters).
    for c in [&c1, &c2] {
        let body = &c[c.find("<body>").unwrap()..];
        let outside_code = body.split("<pre>").next().unwrap();
        for raw in ["**", "[^", "](", "![", "{#", "<br>"] {
            assert!(!outside_code.contains(raw), "markup {raw} leaked");
        }
    }
    let split = RenderOptions {
        split_level: 0,
        ..RenderOptions::default()
    };
    let (bytes, _, _) = render_file(&fixtures().join("book.md"), &split);
    assert!(
        !unzip(&bytes).contains_key("EPUB/c002.xhtml"),
        "split level 0: one file"
    );
}

#[test]
fn markdown_book_fonts_are_complete_opentype_subsets() {
    let (bytes, _) = book();
    let files = unzip(&bytes);
    assert!(check_fonts_with_fonttools(&files) >= 3);
}

#[test]
fn snapshot_package_nav_and_chapter() {
    let (bytes, _) = book();
    let files = unzip(&bytes);
    in_snapshot_folder(|| {
        insta::assert_snapshot!("book_content_opf", text(&files, "EPUB/content.opf"));
        insta::assert_snapshot!("book_nav_xhtml", text(&files, "EPUB/nav.xhtml"));
        insta::assert_snapshot!("book_c001_xhtml", text(&files, "EPUB/c001.xhtml"));
    });
}
