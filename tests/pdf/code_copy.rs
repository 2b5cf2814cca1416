//! Code-block indentation survives copy-paste: leading spaces are real space glyphs in the
//! PDF, so `mutool draw -F stext` and `pdftotext -layout` give them back.

use crate::support::pdf::*;
use crate::support::root;
use paiban::ast::*;

const CODE: &str = "fn main() {\n    if ok {\n        run();\n    }\n}";

fn code_pdf() -> std::path::PathBuf {
    let doc = Document {
        blocks: vec![Block::Code(CodeBlock {
            lang: Some("rust".into()),
            text: CODE.into(),
            line: 1,
        })],
        ..Default::default()
    };
    let (path, _, log) = rendered(&doc, &root(), "code_copy.pdf");
    assert!(log.warnings().next().is_none(), "{:?}", log.entries);
    path
}

#[test]
fn code_indentation_comes_back_from_mutool_stext() {
    let pages = stext_lines(&code_pdf());
    let got: Vec<String> = pages[0].iter().map(|l| l.text()).collect();
    let want: Vec<&str> = CODE.lines().collect();
    // The page number follows the code.
    assert_eq!(&got[..want.len()], &want[..]);
}

#[test]
fn code_indentation_comes_back_from_pdftotext_layout() {
    let text = run("pdftotext", &["-layout", code_pdf().to_str().unwrap(), "-"]);
    let lead = |needle: &str| {
        let l = text
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} missing:\n{text}"));
        l.len() - l.trim_start().len()
    };
    let base = lead("fn main");
    assert!(lead("if ok") >= base + 4, "{text}");
    assert!(lead("run();") >= base + 8, "{text}");
}
