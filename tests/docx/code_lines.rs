//! Issue 10 gap d in the DOCX: a code block is one shaded `Code` paragraph per source
//! line, each hanging `HOOK_CELLS` (2) cells past its own indent, so a line Word wraps
//! continues indented instead of starting at the left edge; the panel stays continuous
//! (the same shading on every line) and the code's bytes are unchanged (T26). As in the
//! PDF, `code.space_lines` sets the block off from the text around it (it touched it).

use crate::support::zip_part;
use paiban::read::InputFormat;
use paiban::style::Style;
use paiban::{convert_str, ConvertOptions};

const CODE: &str = "fn main() {\n    let value = some_function_call(argument_one, argument_two, argument_three);\n\n}";

fn document() -> String {
    let md = format!("# 代码\n\n正文。\n\n```rust\n{CODE}\n```\n");
    let bytes = convert_str(
        &md,
        InputFormat::Markdown,
        "docx",
        &ConvertOptions::default(),
    )
    .expect("converts")
    .bytes;
    zip_part(&bytes, "word/document.xml")
}

/// The `Code` paragraphs of the body, in order.
fn code_paragraphs(xml: &str) -> Vec<String> {
    xml.split("<w:p>")
        .filter(|p| p.contains("<w:pStyle w:val=\"Code\"/>"))
        .map(|p| p.split("</w:p>").next().unwrap().to_string())
        .collect()
}

/// The text of a paragraph's `w:t` elements.
fn text(p: &str) -> String {
    p.split("<w:t")
        .skip(1)
        .map(|s| {
            let s = s.split_once('>').unwrap().1;
            s.split("</w:t>").next().unwrap()
        })
        .collect::<String>()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn each_code_line_is_a_shaded_hanging_paragraph() {
    let xml = document();
    let paras = code_paragraphs(&xml);
    assert_eq!(paras.len(), CODE.lines().count(), "{paras:#?}");
    assert!(paras.iter().all(|p| p.contains("<w:shd ")), "one panel");
    let size = Style::handout().code_size;
    let cell = (0.6 * size * 20.0).round() as i64;
    let hang = |cells: i64| {
        let h = cells * cell;
        format!("<w:ind w:left=\"{h}\" w:hanging=\"{h}\"/>")
    };
    assert!(paras[0].contains(&hang(2)), "{}", paras[0]);
    assert!(paras[1].contains(&hang(4 + 2)), "{}", paras[1]);
    assert!(!paras[2].contains("<w:ind"), "a blank line: {}", paras[2]);
    // T26: the lines' bytes, in order.
    let lines: Vec<String> = paras.iter().map(|p| text(p)).collect();
    assert_eq!(lines.join("\n"), CODE);
}

#[test]
fn a_code_block_has_its_space_above_and_below() {
    let xml = document();
    let paras = code_paragraphs(&xml);
    let st = Style::handout();
    let space = (st.code.space_lines * st.code_size * st.docx.code_pitch_em * 20.0).round() as i64;
    assert!(space > 0);
    let first = &paras[0];
    let last = paras.last().unwrap();
    assert!(first.contains(&format!("w:before=\"{space}\"")), "{first}");
    assert!(!first.contains("w:after="), "{first}");
    assert!(last.contains(&format!("w:after=\"{space}\"")), "{last}");
    assert!(paras[1..paras.len() - 1]
        .iter()
        .all(|p| !p.contains("<w:spacing")));
}
