//! Issue 10 items 1 and 2 in the EPUB: the leading heading as the book's title block, the
//! depth-based and statute heading classes with their rules (only when used), epubcheck clean.

use crate::support::epub::{epubcheck, render_file, text};
use crate::support::{fixture, unzip};
use paiban::backend::RenderOptions;

fn book(name: &str) -> (Vec<u8>, String, String) {
    let opts = RenderOptions {
        source_date_epoch: Some(0),
        ..RenderOptions::default()
    };
    let (bytes, _, _) = render_file(&fixture(&format!("headings/{name}.md")), &opts);
    let files = unzip(&bytes);
    let page = text(&files, "EPUB/c001.xhtml");
    let css_name = files
        .keys()
        .find(|k| k.ends_with(".css"))
        .expect("a stylesheet")
        .clone();
    let css = text(&files, &css_name);
    (bytes, page, css)
}

/// The declarations of the rule for `selector`.
fn rule<'a>(css: &'a str, selector: &str) -> &'a str {
    let at = css
        .find(&format!("\n{selector}{{"))
        .unwrap_or_else(|| panic!("no rule {selector} in\n{css}"));
    let rest = &css[at + selector.len() + 2..];
    &rest[..rest.find('}').unwrap()]
}

fn em(decls: &str) -> f32 {
    let v = decls.split("font-size:").nth(1).unwrap();
    v[..v.find("em").unwrap()].parse().unwrap()
}

#[test]
fn leading_heading_is_the_title_and_levels_are_shifted() {
    let (bytes, page, css) = book("book");
    assert!(
        page.contains("<h1 class=\"title\" id=\"art-1\">Rust 程序设计入门</h1>"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"subtitle\"><span class=\"nw\">——</span>写给初学者的十二讲</p>"),
        "{page}"
    );
    // Below the title's h1: level 1 is h2, with the depth-scale class.
    assert!(page.contains("<h2 class=\"u1\""), "{page}");
    assert!(page.contains("<h3 class=\"u2\""), "{page}");
    let sizes: Vec<f32> = (1..=4).map(|l| em(rule(&css, &format!(".u{l}")))).collect();
    assert!(
        sizes[0] >= 1.15,
        "level 1 clearly larger than body: {sizes:?}"
    );
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    // `####`-deep headings: body size, but Hei (bold), not the body's Song.
    assert!(rule(&css, ".u3").contains("font-weight:bold"));
    assert!(!css.contains("\n.d1{"), "statute rules only when used");
    let (errors, warnings, out) = epubcheck(&bytes, "book.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
fn statute_divisions_centred_and_articles_run_in() {
    let (bytes, page, css) = book("statute");
    assert!(page.contains("class=\"d1\""), "{page}");
    assert!(rule(&css, ".d1").contains("text-align:center"));
    assert!(rule(&css, ".art").contains("font-weight:bold"));
    assert!(
        page.contains("<p class=\"runin\"")
            && page.contains("<span class=\"art\">第一条\u{3000}</span>"),
        "{page}"
    );
    let (errors, warnings, out) = epubcheck(&bytes, "statute.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}
