//! python-docx (a third consumer besides Word and LibreOffice) opens the sample's DOCX and
//! sees every article title and heading with its style and outline level (issue 5).

use crate::support::docx::{build, harness, office};
use crate::support::{load, sample_path};
use paiban::ast::{plain_text, Block};
use std::process::Command;

const SCRIPT: &str = r#"
import sys, json, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
out = []
for p in d.paragraphs:
    lvl = p.style.element.xpath('./w:pPr/w:outlineLvl/@w:val')
    direct = p._p.xpath('./w:pPr/w:outlineLvl/@w:val')
    runs = [r.style.name for r in p.runs if r.style is not None and r.style.name.startswith('Heading')]
    out.append({"style": p.style.name, "text": p.text, "level": (direct or lvl or [None])[0],
                "run_style": runs[0] if runs else None})
print(json.dumps(out, ensure_ascii=False))
"#;

#[test]
fn python_docx_sees_titles_and_headings_with_style_and_level() {
    let doc = load(&sample_path());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("yiwu.docx");
    std::fs::write(&file, harness::render(&doc)).unwrap();
    let out = office::run(
        Command::new("python3").arg("-c").arg(SCRIPT).arg(&file),
        "python3 with python-docx",
    );
    let paras: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    // A long title's middle U+3000 gap becomes a line break (T23): compare without gaps.
    let squeeze = |s: &str| s.replace(['\u{3000}', '\n'], "");
    let find = |text: &str| {
        paras
            .iter()
            .find(|p| squeeze(p["text"].as_str().unwrap()).starts_with(&squeeze(text)))
            .unwrap_or_else(|| panic!("no paragraph {text}"))
    };
    let (mut titles, mut headings) = (0, 0);
    for b in &doc.blocks {
        let Block::Article(a) = b else { continue };
        assert_eq!(find(&plain_text(&a.title))["style"], "Title");
        titles += 1;
        for b in &a.body {
            let Block::Heading(h) = b else { continue };
            let p = find(&plain_text(&h.content));
            let level = (h.level - 1).to_string();
            assert_eq!(p["level"].as_str(), Some(level.as_str()), "{p}");
            if h.run_in.is_empty() {
                assert_eq!(p["style"], format!("Heading {}", h.level), "{p}");
            } else {
                assert_eq!(p["run_style"], format!("Heading {} Char", h.level), "{p}");
            }
            headings += 1;
        }
    }
    assert_eq!(titles, 2);
    assert!(headings >= 15, "{headings}");
    let subtitles = paras.iter().filter(|p| p["style"] == "Subtitle").count();
    let bylines = paras.iter().filter(|p| p["style"] == "Byline").count();
    assert_eq!((subtitles, bylines), (1, 3));
}

const COUNTS: &str = r#"
import sys, json, docx
d = docx.Document(sys.argv[1])
print(json.dumps({"tables": [len(t.rows) for t in d.tables], "shapes": len(d.inline_shapes),
                  "styles": sorted({p.style.name for p in d.paragraphs}),
                  "core": [d.core_properties.title, d.core_properties.language]}, ensure_ascii=False))
"#;

#[test]
fn python_docx_opens_every_fixture() {
    let dir = tempfile::tempdir().unwrap();
    for (name, doc) in build::all() {
        let file = dir.path().join(format!("{name}.docx"));
        std::fs::write(&file, harness::render(&doc)).unwrap();
        let out = office::run(
            Command::new("python3").arg("-c").arg(COUNTS).arg(&file),
            "python3 with python-docx",
        );
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        match name {
            "table" => assert_eq!(v["tables"], serde_json::json!([3]), "{v}"),
            "image" => assert_eq!(v["shapes"], 3, "{v}"),
            "lists" => assert!(v["styles"].to_string().contains("List Paragraph"), "{v}"),
            "articles" => {
                assert!(
                    v["core"][0].as_str().unwrap().starts_with("坚持和深化"),
                    "{v}"
                );
                assert_eq!(v["core"][1], "zh-CN");
            }
            _ => {}
        }
    }
}
