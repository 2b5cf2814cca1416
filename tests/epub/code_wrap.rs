//! Issue 10 gap d in the EPUB: a long code line wrapped by the reader hangs past its own
//! indent (the PDF's continuation indent, `HOOK_CELLS` = 2 cells), one inline block per
//! source line (`pre .cl`), so a continuation no longer starts at the left edge as if it
//! were a line of its own. The code's bytes are unchanged (T26), and the book passes
//! epubcheck.

use crate::support::epub::{epubcheck, text};
use crate::support::unzip;
use paiban::read::InputFormat;
use paiban::{convert_str, ConvertOptions};

const CODE: &str = "fn main() {\n    let value = some_function_call(argument_one, argument_two, argument_three);\n\n\tx();\n}";

fn book() -> Vec<u8> {
    let md = format!("# 代码\n\n正文。\n\n```rust\n{CODE}\n```\n");
    convert_str(
        &md,
        InputFormat::Markdown,
        "epub",
        &ConvertOptions::default(),
    )
    .expect("converts")
    .bytes
}

/// The text inside `<code>…</code>` with the tags removed and the entities read.
fn code_text(page: &str) -> String {
    let inner = page
        .split("<code")
        .nth(1)
        .and_then(|s| s.split_once('>'))
        .map(|(_, s)| s.split("</code>").next().unwrap())
        .expect("a code block");
    let mut out = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn code_lines_hang_past_their_indent() {
    let files = unzip(&book());
    let page = text(&files, "EPUB/c001.xhtml");
    // No indent: the CSS rule's 2 cells; four spaces: 4 + 2; a tab: 8 + 2.
    assert!(
        page.contains("<code class=\"language-rust\"><span class=\"cl\">"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"cl\" style=\"padding-left:6ch;text-indent:-6ch\">"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"cl\" style=\"padding-left:10ch;text-indent:-10ch\">"),
        "{page}"
    );
    let css = text(&files, "EPUB/css/style.css");
    assert!(
        css.contains("pre .cl{display:inline-block;width:100%;box-sizing:border-box;padding-left:2ch;text-indent:-2ch}"),
        "{css}"
    );
    // T26: the bytes, blank line and tab included.
    assert_eq!(code_text(&page), CODE);
}

#[test]
fn code_lines_book_passes_epubcheck() {
    let (errors, warnings, out) = epubcheck(&book(), "code-wrap.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}
