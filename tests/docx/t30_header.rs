//! T30 in the gongwen DOCX: the GB/T 9704 §7 版头 in red with the separator as the 发文字号
//! paragraph's red bottom border, the 签发人 on a right tab, the 主送, 附件, 署名 and date
//! indents, and the 版记 paragraphs ruled by borders in a text box aligned to the bottom of
//! the text area, anchored in the last paragraph — on the XML, and through LibreOffice
//! (`soffice --convert-to pdf`): 标志 on page 1, 版记 at the foot of the last page.

use crate::support::docx::{harness, office};
use crate::support::{fixture, load};
use paiban::backend::RenderOptions;
use paiban::style::Style;

fn render(name: &str) -> Vec<u8> {
    let doc = load(&fixture(&format!("gongwen/{name}.md")));
    let style = Style::preset("gongwen").expect("gongwen preset");
    harness::render_styled(&doc, &RenderOptions::default(), &style).0
}

/// The `<w:p>…</w:p>` of `xml` holding `text`.
fn para<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml
        .find(text)
        .unwrap_or_else(|| panic!("{text:?} not in the document"));
    let start = xml[..at].rfind("<w:p>").unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap();
    &xml[start..end]
}

#[test]
fn t30_docx_issuer_red_and_the_separator_a_red_bottom_border_of_the_number() {
    let xml = harness::part(&render("notice"), "word/document.xml");
    let issuer = para(&xml, "青禾县人民政府文件");
    assert!(issuer.contains("<w:color w:val=\"FF0000\"/>"), "{issuer}");
    // 小初 36 pt, bold Song (the title's 小标宋 substitute), centred.
    assert!(issuer.contains("<w:sz w:val=\"72\"/>"), "{issuer}");
    assert!(issuer.contains("<w:b/>"), "{issuer}");
    assert!(issuer.contains("<w:jc w:val=\"center\"/>"), "{issuer}");
    // 35 mm (1984 twips) before it, at the top of the text area.
    assert!(issuer.contains("w:before=\"1984\""), "{issuer}");
    let number = para(&xml, "青政发〔2024〕7号");
    assert!(number.contains("<w:jc w:val=\"center\"/>"), "{number}");
    let border = &number[number.find("<w:pBdr>").expect("a border")..];
    assert!(
        border.starts_with("<w:pBdr><w:bottom w:val=\"single\"")
            && border[..border.find("/>").unwrap()].contains("w:color=\"FF0000\""),
        "{number}"
    );
    // The issuer comes before the title, the addressee right after it.
    let title = xml.find("关于开展社区图书角").unwrap();
    assert!(xml.find("青禾县人民政府文件").unwrap() < title);
    let addressee = para(&xml, "各乡镇人民政府，县政府各部门：");
    assert!(xml.find("各乡镇人民政府").unwrap() > title);
    assert!(addressee.contains("w:firstLineChars=\"0\""), "{addressee}");
}

#[test]
fn t30_docx_signer_on_a_right_tab_and_its_name_in_kai() {
    let xml = harness::part(&render("report"), "word/document.xml");
    let number = para(&xml, "青政发〔2024〕9号");
    assert!(number.contains("<w:tab w:val=\"right\""), "{number}");
    assert!(number.contains("签发人："), "{number}");
    let name_run = &number[number.rfind("<w:r>").unwrap()..];
    assert!(name_run.contains("林远山"), "{number}");
    assert!(
        name_run.contains("w:eastAsia=\"KaiTi\"") || name_run.contains("楷"),
        "{name_run}"
    );
}

#[test]
fn t30_docx_attachments_date_and_record_indents_and_borders() {
    let xml = harness::part(&render("notice"), "word/document.xml");
    let first = para(&xml, "青禾县二〇二四年社区图书角建设任务分解表");
    assert!(first.contains("附件："), "{first}");
    // Two characters in, the three of `附件：` and one of the number `1.`; the first
    // hangs by label and number, and a tab after the number reaches the name's start.
    assert!(
        first.contains("w:leftChars=\"600\"") && first.contains("w:hangingChars=\"400\""),
        "{first}"
    );
    assert!(
        first.contains(">1.</w:t></w:r><w:r><w:tab/></w:r>"),
        "{first}"
    );
    let second = para(&xml, "青禾县社区图书角管理办法（试行）");
    assert!(
        second.contains("w:leftChars=\"600\"") && second.contains("w:hangingChars=\"100\""),
        "{second}"
    );
    // T30: the date 4 characters from the right (4 grid cells of 15.79 pt = 1263 twips).
    let date = para(&xml, "2024年3月5日");
    assert!(date.contains("<w:jc w:val=\"right\"/>"), "{date}");
    assert!(
        date.contains("w:rightChars=\"400\"") && date.contains("w:right=\"1263\""),
        "{date}"
    );
    let sig = para(&xml, ">青禾县人民政府<");
    assert!(sig.contains("<w:keepNext/>"), "{sig}");
    // 版记: a thick rule (0.35 mm = 8 eighths) above 抄送, thin (6) under it, thick under
    // the 印发 line, which is the last paragraph of the body.
    let cc = para(&xml, "抄送：");
    assert!(
        cc.contains("<w:top w:val=\"single\" w:sz=\"8\"")
            && cc.contains("<w:bottom w:val=\"single\" w:sz=\"6\""),
        "{cc}"
    );
    assert!(cc.contains("<w:sz w:val=\"28\"/>"), "四号: {cc}");
    let printed = para(&xml, "2024年3月6日印发");
    assert!(
        printed.contains("<w:bottom w:val=\"single\" w:sz=\"8\""),
        "{printed}"
    );
    let after = &xml[xml.find("2024年3月6日印发").unwrap()..];
    assert!(!after.contains("<w:p>"), "the 版记 ends the document");
    // In a text box aligned to the bottom of the text area, its text at the box's bottom.
    let anchor = &xml[xml.find("<wp:anchor").expect("a text box")..];
    assert!(
        anchor.contains(
            "<wp:positionV relativeFrom=\"margin\"><wp:align>bottom</wp:align></wp:positionV>"
        ),
        "{anchor}"
    );
    assert!(anchor.contains("<wp:wrapTopAndBottom/>"), "{anchor}");
    assert!(anchor.find("抄送：").unwrap() < anchor.find("</w:txbxContent>").unwrap());
    // Two lines of the grid pitch (225 mm / 22) tall, as wide as the text (8844 twips).
    let two_lines = (2.0 * 225.0 / 25.4 * 72.0 / 22.0 * 20.0_f32).round() as i64;
    let (cx, cy) = (8844 * 635, two_lines * 635);
    assert!(
        anchor.contains(&format!("<wp:extent cx=\"{cx}\" cy=\"{cy}\"/>")),
        "{anchor}"
    );
}

#[test]
fn t30_libreoffice_puts_the_issuer_on_page_one_and_the_record_on_the_last_page() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("notice.docx");
    std::fs::write(&docx, render("notice")).unwrap();
    let pdf = office::soffice_pdf(&docx);
    let lines = office::stext_lines(&pdf);
    let squeezed =
        |l: &office::Line| -> String { l.text().chars().filter(|c| !c.is_whitespace()).collect() };
    let last_page = lines.iter().map(|l| l.page).max().unwrap();
    let issuer = lines
        .iter()
        .find(|l| squeezed(l) == "青禾县人民政府文件")
        .expect("the 标志");
    assert_eq!(issuer.page, 1);
    assert!(issuer.glyphs.iter().all(|g| (g.size - 36.0).abs() < 0.5));
    let mm = 72.0 / 25.4;
    let (bottom, pitch) = (262.0 * mm, 225.0 * mm / 22.0);
    for start in ["抄送：", "青禾县人民政府办公室"] {
        let l = lines
            .iter()
            .find(|l| squeezed(l).starts_with(start))
            .unwrap_or_else(|| panic!("no {start}"));
        assert_eq!(l.page, last_page, "{start} on page {}", l.page);
        // At the foot: the last two lines of the text area.
        let y = l.glyphs[0].y;
        assert!(y > bottom - 2.0 * pitch && y < bottom, "{start} at {y} pt");
    }
}

#[test]
fn t30_docx_follows_schema_order() {
    for name in ["notice", "report"] {
        crate::schema_order::check(name, &render(name));
    }
}
