//! The EPUB follows the style where a reflowing screen can (issue 11 item 7): body size,
//! faces and sizes of titles and headings, line height from the style's `epub` fields;
//! what makes no sense on screen — page size, margins, the character and line grid, page
//! numbers, running heads, mirrored margins, recto chapters — is ignored.

use super::support::epub::epubcheck;
use super::support::{load, sample_path, unzip_text};
use paiban::ast::Document;
use paiban::backend::epub::Epub;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::log::Log;
use paiban::style::Style;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The EPUB of `doc` in `style` (fonts not embedded, so only the style decides the bytes).
fn epub(doc: &Document, style: &Style) -> Vec<u8> {
    let options = RenderOptions {
        embed_fonts: false,
        source_date_epoch: Some(0),
        ..RenderOptions::default()
    };
    let ctx = Context {
        style,
        options: &options,
        base_dir: Path::new("."),
    };
    Epub.render(doc, &ctx, &mut Log::default())
        .expect("EPUB renders")
}

/// The stylesheet's rules, selector → declarations.
fn rules(css: &str) -> BTreeMap<String, String> {
    css.lines()
        .filter_map(|l| l.split_once('{'))
        .map(|(sel, decls)| (sel.to_string(), decls.trim_end_matches('}').to_string()))
        .collect()
}

/// The value of `property` in a rule's declarations.
fn prop<'a>(decls: &'a str, property: &str) -> &'a str {
    decls
        .split(';')
        .find_map(|d| d.strip_prefix(&format!("{property}:")))
        .unwrap_or_else(|| panic!("no {property} in {decls}"))
}

const CSS: &str = "EPUB/css/style.css";

/// Page-level keys change nothing in the EPUB: a handout with the book's and gongwen's page
/// furniture (page size, margins, grid, page numbers, running heads, mirrored margins,
/// recto chapters, line pitch of the page) is byte for byte the handout's EPUB.
#[test]
fn page_only_style_keys_leave_the_epub_alone() {
    let doc = load(&sample_path());
    let handout = Style::handout();
    let mut paged = handout.clone();
    let (book, gongwen) = (
        Style::preset("book").unwrap(),
        Style::preset("gongwen").unwrap(),
    );
    paged.page_width = book.page_width;
    paged.page_height = book.page_height;
    paged.margin_top = gongwen.margin_top;
    paged.margin_left = gongwen.margin_left;
    paged.margin_right = book.margin_right;
    paged.margin_bottom = book.margin_bottom;
    paged.grid = gongwen.grid.clone();
    paged.line_pitch_em = gongwen.line_pitch_em;
    paged.page_number = book.page_number.clone();
    paged.page_number_size = gongwen.page_number_size;
    paged.page_number_position = gongwen.page_number_position;
    paged.page_number_gap = gongwen.page_number_gap;
    paged.page_keeps = false;
    paged.mirror_margins = true;
    paged.running_heads = true;
    paged.recto_chapters = true;
    paged.header = Some("书眉".into());
    assert!(paged.validate().is_ok());
    assert_eq!(epub(&doc, &paged), epub(&doc, &handout));
}

/// gongwen's EPUB: the FangSong body face, 三号 body (16 pt: 4/3 of the reader's 12 pt),
/// Hei and Kai for levels 1 and 2, FangSong for level 3, the EPUB line height, and no
/// trace of the grid (no fixed line pitch, no letter-spacing, no page rules, no page
/// numbers); its markup is the handout's, only the stylesheet differs.
#[test]
fn gongwen_epub_uses_its_faces_and_sizes_without_grid_artefacts() {
    let doc = load(&sample_path());
    let gongwen = Style::preset("gongwen").unwrap();
    let bytes = epub(&doc, &gongwen);
    let files = unzip_text(&bytes);
    let css = rules(&files[CSS]);
    let body = &css["body"];
    assert_eq!(prop(body, "font-size"), "1.333em");
    assert_eq!(prop(body, "line-height"), "1.75");
    assert!(
        prop(body, "font-family").starts_with("\"FangSong\""),
        "{body}"
    );
    assert_eq!(prop(&css[".h3"], "font-family"), prop(body, "font-family"));
    assert!(prop(&css[".h1"], "font-family").starts_with("\"Noto Sans CJK SC\""));
    assert!(prop(&css[".h2"], "font-family").starts_with("\"LXGW WenKai\""));
    // Headings are 三号 like the body; the title 二号 (22 / 16).
    assert_eq!(prop(&css[".h1"], "font-size"), "1em");
    assert_eq!(prop(&css["h1.title"], "font-size"), "1.375em");
    let all_css = &files[CSS];
    for artefact in [
        "letter-spacing",
        "@page",
        "layout-grid",
        "pt;",
        "pt}",
        "1.812",
    ] {
        assert!(!all_css.contains(artefact), "{artefact} in the stylesheet");
    }
    let handout = unzip_text(&epub(&doc, &Style::handout()));
    for (name, text) in &files {
        if name != CSS {
            assert_eq!(
                Some(text),
                handout.get(name),
                "{name} differs from the handout's"
            );
            assert!(!text.contains("— 1 —"), "a page number in {name}");
        }
    }
    let (errors, _, out) = epubcheck(&bytes, "gongwen.epub");
    assert_eq!(errors, 0, "{out}");
}

/// `--style book` against the handout: the same markup; the stylesheet differs exactly in
/// the rules of the keys the two styles set differently — body size (body), the title's
/// face, size and space (h1.title), the byline's size relative to the body (p.byline),
/// level-1 and level-2 sizes, faces, indents and spaces (.h1, .h2), code and note sizes
/// relative to the body (code,pre; aside.fn) and the note gap in body em (hr.fnsep).
#[test]
fn book_epub_differs_from_the_handout_only_where_the_style_does() {
    let doc = load(&sample_path());
    let book = unzip_text(&epub(&doc, &Style::preset("book").unwrap()));
    let handout = unzip_text(&epub(&doc, &Style::handout()));
    assert_eq!(
        book.keys().collect::<Vec<_>>(),
        handout.keys().collect::<Vec<_>>()
    );
    for (name, text) in &book {
        if name != CSS {
            assert_eq!(text, &handout[name], "{name}");
        }
    }
    let (a, b) = (rules(&handout[CSS]), rules(&book[CSS]));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    let differ: BTreeSet<&str> = a
        .iter()
        .filter(|(sel, decls)| b[*sel] != **decls)
        .map(|(sel, _)| sel.as_str())
        .collect();
    let want: BTreeSet<&str> = [
        "body", "h1.title", "p.byline", ".h1", ".h2", "code,pre", "aside.fn", "hr.fnsep",
    ]
    .into();
    assert_eq!(differ, want);
    // 五号 body: 10.5 / 12 of the reader's size.
    assert_eq!(prop(&b["body"], "font-size"), "0.875em");
    assert!(prop(&b["h1.title"], "font-family").starts_with("\"Noto Sans CJK SC\""));
}
