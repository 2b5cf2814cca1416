//! Issue 10 items 1 and 2 in the DOCX: the leading heading as the Title paragraph, the
//! depth-based and statute heading styles written (only when used) and applied, and the
//! heading hierarchy measured on LibreOffice's rendering with `support::pdf`'s checker.

use crate::support::docx::{harness, office};
use crate::support::pdf::heading_hierarchy;
use crate::support::{fixture, load};
use paiban::ast::Document;

fn doc(name: &str) -> Document {
    load(&fixture(&format!("headings/{name}.md")))
}

/// The `w:style` element with this id.
fn style_def<'a>(styles: &'a str, id: &str) -> &'a str {
    let at = styles
        .find(&format!("w:styleId=\"{id}\""))
        .unwrap_or_else(|| panic!("no style {id}"));
    let rest = &styles[at..];
    &rest[..rest.find("</w:style>").unwrap()]
}

#[test]
fn leading_heading_is_the_title_paragraph_and_headings_use_the_depth_scale() {
    let bytes = harness::render(&doc("book"));
    let body = harness::part(&bytes, "word/document.xml");
    let title = body
        .find("<w:pStyle w:val=\"Title\"/>")
        .expect("a Title paragraph");
    let first = body.find("Rust").unwrap();
    assert!(title < first && first < body.find("安装工具链").unwrap());
    assert!(body.contains("<w:pStyle w:val=\"Subtitle\"/>"));
    assert!(
        body.contains("<w:pStyle w:val=\"Heading1Unnumbered\"/>"),
        "{body}"
    );
    assert!(body.contains("<w:pStyle w:val=\"Heading4Unnumbered\"/>"));
    let styles = harness::part(&bytes, "word/styles.xml");
    let h1 = style_def(&styles, "Heading1Unnumbered");
    assert!(h1.contains("<w:basedOn w:val=\"Heading1\"/>"), "{h1}");
    assert!(h1.contains("<w:sz w:val=\"32\"/>"), "16 pt: {h1}");
    assert!(h1.contains("w:eastAsia=\"SimHei\""), "{h1}");
    let h4 = style_def(&styles, "Heading4Unnumbered");
    assert!(
        h4.contains("<w:sz w:val=\"24\"/>") && h4.contains("<w:b/>"),
        "{h4}"
    );
    assert!(
        !styles.contains("Heading5Unnumbered"),
        "only the levels used"
    );
    assert!(
        !styles.contains("StatuteDivision"),
        "statute styles only when used"
    );
    // Five levels: the fifth is Kai, and says "not bold" over its bold base style.
    let text = "## 一\n\n正文。\n\n## 二\n\n### 三\n\n#### 四\n\n##### 五\n\n###### 六\n\n正文。\n";
    let deep = crate::support::load_markdown(text, std::path::Path::new("deep.md"));
    let styles = harness::part(&harness::render(&deep), "word/styles.xml");
    let h5 = style_def(&styles, "Heading5Unnumbered");
    assert!(h5.contains("w:eastAsia=\"KaiTi\""), "{h5}");
    assert!(
        h5.contains("<w:b w:val=\"0\"/>"),
        "not bold though Heading5 is: {h5}"
    );
}

#[test]
fn statute_styles_centre_divisions_and_run_articles_in_hei() {
    let bytes = harness::render(&doc("statute"));
    let styles = harness::part(&bytes, "word/styles.xml");
    let d1 = style_def(&styles, "StatuteDivision1");
    assert!(
        d1.contains("<w:jc w:val=\"center\"/>") && d1.contains("SimHei"),
        "{d1}"
    );
    let art = style_def(&styles, "StatuteArticleChar");
    assert!(art.contains("SimHei") && art.contains("<w:b/>"), "{art}");
    let body = harness::part(&bytes, "word/document.xml");
    assert!(body.contains("<w:pStyle w:val=\"StatuteDivision1\"/>"));
    // The division's outline level is on the paragraph (its style is based on Normal).
    let at = body.find("<w:pStyle w:val=\"StatuteDivision1\"/>").unwrap();
    assert!(
        body[at..at + 120].contains("<w:outlineLvl w:val=\"0\"/>"),
        "{}",
        &body[at..at + 120]
    );
    assert!(body.contains("<w:rStyle w:val=\"StatuteArticleChar\"/>"));
}

#[test]
fn heading_hierarchy_holds_in_libreoffice() {
    for name in ["book", "statute", "numbered"] {
        let d = doc(name);
        let bytes = harness::render(&d);
        let dir = tempfile::tempdir().unwrap();
        let docx = dir.path().join(format!("{name}.docx"));
        std::fs::write(&docx, bytes).unwrap();
        let pdf = office::soffice_pdf(&docx);
        let problems = heading_hierarchy(&pdf, &d);
        assert!(problems.is_empty(), "{name}: {}", problems.join("\n"));
    }
}
