//! What the DOCX parts say (H-DOCX of TYPOGRAPHY.md): East-Asian settings, styles and the
//! markup of each inline and block kind.

use crate::support::docx::{build, harness};
use harness::{part, render, render_with};
use paiban::backend::RenderOptions;

/// The zh-CN kinsoku lists exactly as TYPOGRAPHY.md §10 gives them.
const AFTER: &str = "$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥／/";
const BEFORE: &str = "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠–‼⁇／/";

fn style_block<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!("w:styleId=\"{id}\""))
        .unwrap_or_else(|| panic!("style {id} missing"));
    let end = styles[start..].find("</w:style>").unwrap() + start;
    &styles[start..end]
}

#[test]
fn t9_t14_settings() {
    let s = part(&render(&build::articles()), "word/settings.xml");
    assert!(s.contains("<w:characterSpacingControl w:val=\"compressPunctuation\"/>"));
    // The &quot; escapes: compare on the unescaped attribute values.
    let unescaped = s
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    assert!(unescaped.contains(&format!(
        "<w:noLineBreaksAfter w:lang=\"zh-CN\" w:val=\"{AFTER}\"/>"
    )));
    assert!(unescaped.contains(&format!(
        "<w:noLineBreaksBefore w:lang=\"zh-CN\" w:val=\"{BEFORE}\"/>"
    )));
    // CT_Settings order: characterSpacingControl < noLineBreaksAfter < noLineBreaksBefore < compat.
    let pos = |t: &str| s.find(t).unwrap_or_else(|| panic!("{t}"));
    assert!(pos("w:characterSpacingControl") < pos("w:noLineBreaksAfter"));
    assert!(pos("w:noLineBreaksAfter") < pos("w:noLineBreaksBefore"));
    assert!(pos("w:noLineBreaksBefore") < pos("w:compat"));
    assert!(s.contains("<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"));
}

#[test]
fn t17_t25_doc_defaults_and_normal() {
    let s = part(&render(&build::articles()), "word/styles.xml");
    let defaults = &s[s.find("<w:docDefaults>").unwrap()..s.find("</w:docDefaults>").unwrap()];
    assert!(defaults
        .contains("w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"SimSun\""));
    assert!(defaults.contains("<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"));
    for t in [
        "<w:kinsoku/>",
        "<w:overflowPunct w:val=\"0\"/>",
        "<w:topLinePunct w:val=\"0\"/>",
        "<w:autoSpaceDE/>",
        "<w:autoSpaceDN/>",
        "<w:jc w:val=\"both\"/>",
    ] {
        assert!(defaults.contains(t), "{t}");
    }
    let normal = style_block(&s, "Normal");
    assert!(
        normal.contains("w:firstLineChars=\"200\" w:firstLine=\"480\""),
        "{normal}"
    );
    assert!(
        normal.contains(
            "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"384\" w:lineRule=\"exact\"/>"
        ),
        "{normal}"
    );
    assert_eq!(
        s.matches("w:styleId=\"Normal\"").count(),
        1,
        "one Normal style"
    );
}

#[test]
fn t23_heading_and_title_styles() {
    let s = part(&render(&build::articles()), "word/styles.xml");
    for (lvl, font, bold) in [
        (1, "SimHei", true),
        (2, "KaiTi", false),
        (3, "SimSun", true),
        (4, "SimSun", false),
    ] {
        let b = style_block(&s, &format!("Heading{lvl}"));
        assert!(b.contains(&format!("<w:name w:val=\"heading {lvl}\"/>")));
        assert!(
            b.contains(&format!("<w:outlineLvl w:val=\"{}\"/>", lvl - 1)),
            "{b}"
        );
        assert!(b.contains("<w:keepNext/>"), "{b}");
        assert!(b.contains(&format!("w:eastAsia=\"{font}\"")), "{b}");
        assert_eq!(b.contains("<w:b/>"), bold, "{b}");
    }
    let title = style_block(&s, "Title");
    assert!(
        title.contains("<w:sz w:val=\"44\"/>")
            && title.contains("<w:b/>")
            && title.contains("center")
    );
    assert!(style_block(&s, "Subtitle").contains("KaiTi"));
    assert!(style_block(&s, "Byline").contains("KaiTi"));
    assert!(style_block(&s, "Quote").contains("KaiTi"));
    let code = style_block(&s, "Code");
    assert!(code.contains("Consolas") && code.contains("w:firstLineChars=\"0\""));
    for id in [
        "ListParagraph",
        "Caption",
        "FootnoteText",
        "FootnoteReference",
        "TOC1",
        "TOC2",
        "TOC3",
        "Hyperlink",
    ] {
        style_block(&s, id);
    }
    let fonts = part(&render(&build::articles()), "word/fontTable.xml");
    assert!(
        fonts.contains("<w:font w:name=\"SimSun\"><w:altName w:val=\"宋体,Noto Serif CJK SC\"/>")
    );
    assert!(fonts.contains("<w:altName w:val=\"楷体,LXGW WenKai\"/>"));
}

#[test]
fn articles_titles_bylines_and_page_breaks() {
    let d = part(&render(&build::articles()), "word/document.xml");
    assert_eq!(d.matches("<w:pStyle w:val=\"Title\"/>").count(), 2);
    // Only the second article starts a new page.
    assert_eq!(d.matches("<w:pageBreakBefore/>").count(), 1);
    let brk = d.find("<w:pageBreakBefore/>").unwrap();
    assert!(d.find("吴伟华").unwrap() < brk && brk < d.find("深入践行").unwrap());
    assert!(
        d.contains("<w:t>——</w:t>") || d.contains("——深学笃行"),
        "subtitle dash"
    );
    assert!(d.contains("吴伟华\u{3000}中共义乌市委党校副校长"));
    // Bylines keep together, but the last one does not keep with the next article.
    let by1 = d.find("吴伟华").unwrap();
    assert!(d[d[..by1].rfind("<w:p>").unwrap()..by1].contains("<w:keepNext/>"));
    let by = d.find("汪旺旺").unwrap();
    assert!(!d[d[..by].rfind("<w:p>").unwrap()..by].contains("<w:keepNext/>"));
    assert!(d.contains("<w:bookmarkStart w:id=\"0\" w:name=\"art_1\"/>"));
}

#[test]
fn t22_run_in_heading_shares_the_paragraph() {
    let d = part(&render(&build::articles()), "word/document.xml");
    let at = d.find("1.深化改革。").unwrap();
    let p_start = d[..at].rfind("<w:p>").unwrap();
    let p_end = d[at..].find("</w:p>").unwrap() + at;
    let para = &d[p_start..p_end];
    assert!(para.contains("<w:pStyle w:val=\"Normal\"/>"), "{para}");
    assert!(para.contains("<w:outlineLvl w:val=\"2\"/>"), "{para}");
    assert!(
        para.contains("<w:rStyle w:val=\"Heading3Char\"/>"),
        "{para}"
    );
    assert!(para.contains("这是跟在段首标题后面的正文"), "{para}");
}

#[test]
fn t15_t24_t25_runs() {
    let d = part(&render(&build::articles()), "word/document.xml");
    // T15: no character for the HAN–WEST gap.
    assert!(!d.contains("GDP达 ") && !d.contains("> 2693"));
    // T25: the CJK-context quote runs carry the hint; every run has the East-Asian language.
    assert!(d.contains("<w:rFonts w:hint=\"eastAsia\"/>"));
    assert_eq!(
        d.matches("<w:r>").count(),
        d.matches("<w:lang w:eastAsia=\"zh-CN\"/>").count()
    );
    // T24: strong is bold; emphasis puts dots under Han, never italic Han.
    let strong = d.find("培育两大千亿级产业集群").unwrap();
    assert!(d[..strong].rfind("<w:b/>").unwrap() > d[..strong].rfind("<w:r>").unwrap());
    let em = d.find("守正创新").unwrap();
    let run = &d[d[..em].rfind("<w:r>").unwrap()..em];
    assert!(
        run.contains("<w:em w:val=\"underDot\"/>") && !run.contains("<w:i/>"),
        "{run}"
    );
}

#[test]
fn lists_use_numbering() {
    let bytes = render(&build::lists());
    let d = part(&bytes, "word/document.xml");
    let n = part(&bytes, "word/numbering.xml");
    assert!(d.contains("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"));
    assert!(
        d.contains("<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr>"),
        "nested list"
    );
    assert!(
        n.contains("<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/></w:lvlOverride>")
    );
    assert!(n.contains("<w:numFmt w:val=\"bullet\"/>") && n.contains("<w:lvlText w:val=\"%1.\"/>"));
    // T19 hanging: task boxes (the style's □/■) take the marker's place, a tab after.
    assert!(d.contains("■</w:t></w:r><w:r><w:tab/></w:r>"));
    assert!(d.contains("□</w:t></w:r><w:r><w:tab/></w:r>"));
    // T19 as in the PDF (issue 10 gap c): a bullet centred in the 2 em box (it hangs half
    // the box, centred on that point), a number flush right a quarter em before the text.
    assert!(n.contains(
        "<w:lvlJc w:val=\"center\"/><w:pPr><w:ind w:leftChars=\"200\" w:left=\"480\" \
         w:rightChars=\"0\" w:right=\"0\" w:hangingChars=\"100\" w:hanging=\"240\"/>"
    ));
    assert!(n.contains(
        "<w:lvlJc w:val=\"right\"/><w:pPr><w:ind w:leftChars=\"200\" w:left=\"480\" \
         w:rightChars=\"0\" w:right=\"0\" w:hangingChars=\"25\" w:hanging=\"60\"/>"
    ));
    // A second paragraph of an item has no marker and lines up with the item's text.
    let second = d.find("第二段").unwrap();
    let p = &d[d[..second].rfind("<w:p>").unwrap()..second];
    assert!(
        !p.contains("w:numPr") && p.contains("w:leftChars=\"200\" w:left=\"480\""),
        "{p}"
    );
}

#[test]
fn table_repeats_its_header_row() {
    let d = part(&render(&build::table()), "word/document.xml");
    assert_eq!(d.matches("<w:tblHeader/>").count(), 1);
    assert_eq!(d.matches("<w:gridCol ").count(), 3);
    // Three cells in every row, including the short one.
    assert_eq!(d.matches("<w:tc>").count(), 9);
    assert!(d.contains("<w:jc w:val=\"right\"/>") && d.contains("<w:jc w:val=\"center\"/>"));
    // T26: code byte-identical.
    assert!(d.contains(">a,b:c</w:t>"));
}

#[test]
fn images_are_embedded_at_their_size() {
    let (bytes, log) = render_with(&build::image(), &RenderOptions::default());
    let d = part(&bytes, "word/document.xml");
    // 240×120 px at 96 dpi = 180×90 pt = 2286000×1143000 EMU, narrower than the text.
    assert_eq!(
        d.matches("<wp:extent cx=\"2286000\" cy=\"1143000\"/>")
            .count(),
        2
    );
    assert!(d.contains("<w:pStyle w:val=\"Caption\"/>") && d.contains("图1　棋盘格"));
    assert!(d.contains("缺图"), "alt text replaces the missing image");
    // T18's exact pitch would clip an inline picture: its paragraph uses single spacing.
    let inline = d.find("行内图片").unwrap();
    let p = &d[d[..inline].rfind("<w:p>").unwrap()..inline];
    assert!(
        p.contains("<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"),
        "{p}"
    );
    assert!(log.warnings().any(|w| w.message.contains("missing.png")));
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert_eq!(rels.matches("media/image1.png").count(), 1);
    assert_eq!(rels.matches("media/image2.png").count(), 1);
}

#[test]
fn footnotes_have_separators_and_marks() {
    let bytes = render(&build::footnotes());
    let d = part(&bytes, "word/document.xml");
    let f = part(&bytes, "word/footnotes.xml");
    let s = part(&bytes, "word/settings.xml");
    assert!(
        d.contains("<w:footnoteReference w:id=\"1\"/>")
            && d.contains("<w:footnoteReference w:id=\"2\"/>")
    );
    assert!(f.contains("w:type=\"separator\" w:id=\"-1\"") && f.contains("<w:separator/>"));
    assert!(
        f.contains("w:type=\"continuationSeparator\" w:id=\"0\"")
            && f.contains("<w:continuationSeparator/>")
    );
    assert_eq!(
        f.matches("<w:footnoteRef/>").count(),
        2,
        "one mark per note"
    );
    assert!(s.contains(
        "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
    ));
    let rels = part(&bytes, "word/_rels/footnotes.xml.rels");
    assert!(rels.contains("https://zjrb.zjol.com.cn/"));
}

#[test]
fn links_code_and_breaks() {
    let bytes = render(&build::links());
    let d = part(&bytes, "word/document.xml");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert!(rels.contains("Target=\"https://example.com/a?b=1&amp;c=2\" TargetMode=\"External\""));
    assert!(d.contains("<w:hyperlink w:anchor=\"links\""));
    assert!(d.contains("<w:bookmarkStart w:id=\"0\" w:name=\"links\"/>"));
    assert!(d.contains("<w:rStyle w:val=\"VerbatimChar\"/>"));
    assert!(d.contains("<w:br w:type=\"page\"/>") && d.contains("<w:strike/>"));
    // T26: highlighted code keeps its bytes across the coloured runs.
    let text = regex::Regex::new("<[^>]+>").unwrap().replace_all(&d, "");
    assert!(d.contains("<w:tab/>") && text.contains("println!(&quot;你好&quot;);"));
    // T25: `：“` is CJK context (hint); quotes between English words stay Latin.
    let q = d.find("“Stay").unwrap();
    assert!(d[d[..q].rfind("<w:r>").unwrap()..q].contains("w:hint"));
    let q = d.find("hi” again").unwrap();
    let run = &d[d[..q].rfind("<w:r>").unwrap()..q];
    assert!(!run.contains("w:hint"), "{run}");
}

#[test]
fn toc_field_has_a_cached_result() {
    let opts = RenderOptions {
        toc: true,
        ..RenderOptions::default()
    };
    let d = part(
        &render_with(&build::articles(), &opts).0,
        "word/document.xml",
    );
    assert!(d.contains("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/>"));
    assert!(d.contains("TOC \\o &quot;1-3&quot; \\h \\z \\u"));
    assert!(d.contains("<w:fldChar w:fldCharType=\"separate\"/>"));
    assert!(d.contains("<w:fldChar w:fldCharType=\"end\"/>"));
    assert!(d.contains("<w:pStyle w:val=\"TOC2\"/>"));
    assert!(d.contains("<w:hyperlink w:anchor=\"sec_1\""));
}

#[test]
fn t31_footer_and_page_setup() {
    let bytes = render(&build::articles());
    let f = part(&bytes, "word/footer1.xml");
    assert!(
        f.contains(">— </w:t>") && f.contains("> —</w:t>") && f.contains(" PAGE "),
        "{f}"
    );
    let d = part(&bytes, "word/document.xml");
    assert!(d.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
    assert!(
        d.contains("<w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\"")
    );
    assert!(d.contains("<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"));
}

#[test]
fn running_header_when_the_style_has_one() {
    let mut style = paiban::style::Style::handout();
    style.header = Some("义乌发展经验".into());
    let (bytes, _) = harness::render_styled(&build::articles(), &RenderOptions::default(), &style);
    let h = part(&bytes, "word/header1.xml");
    assert!(h.contains("义乌发展经验") && h.contains("<w:pStyle w:val=\"Header\"/>"));
    let d = part(&bytes, "word/document.xml");
    let r = part(&bytes, "word/_rels/document.xml.rels");
    let id = d
        .split("<w:headerReference w:type=\"default\" r:id=\"")
        .nth(1)
        .unwrap();
    let id = &id[..id.find('"').unwrap()];
    assert!(r.contains(&format!("Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"")));
    let ct = part(&bytes, "[Content_Types].xml");
    assert!(ct.contains("/word/header1.xml"));
}

#[test]
fn wide_images_are_scaled_to_the_text_width() {
    let d = part(&render(&build::image()), "word/document.xml");
    // 1200×60 px = 900×45 pt, scaled to the text width (A4 − 2 × 25 mm = 453.54 pt).
    let text = f64::from(paiban::style::Style::handout().text_width()) * 12700.0;
    let wide = d.split("<wp:extent cx=\"").nth(3).expect("third image");
    let cx: f64 = wide[..wide.find('"').unwrap()].parse().unwrap();
    let cy = wide.split("cy=\"").nth(1).unwrap();
    let cy: f64 = cy[..cy.find('"').unwrap()].parse().unwrap();
    assert!(cx <= text && cx > text - 2.0, "{cx} vs {text}");
    assert!((cy - cx / 20.0).abs() < 2.0, "{cx}×{cy}");
}

#[test]
fn a_note_referenced_twice_is_written_twice() {
    use paiban::ast::{Block, Document, Footnote, Inline, Para};
    let p = |c: Vec<Inline>| {
        Block::Para(Para {
            content: c,
            line: 1,
        })
    };
    let note = |label: &str, c: Vec<Inline>| Footnote {
        label: label.into(),
        blocks: vec![p(c)],
        line: 2,
    };
    let doc = Document {
        blocks: vec![p(vec![
            Inline::Text("甲".into()),
            Inline::NoteRef("a".into()),
            Inline::Text("乙".into()),
            Inline::NoteRef("a".into()),
        ])],
        notes: vec![
            note(
                "a",
                vec![Inline::Text("注释".into()), Inline::NoteRef("b".into())],
            ),
            note("b", vec![Inline::Text("未引用".into())]),
        ],
        ..Document::default()
    };
    let (bytes, log) = render_with(&doc, &RenderOptions::default());
    let d = part(&bytes, "word/document.xml");
    let f = part(&bytes, "word/footnotes.xml");
    assert!(
        d.contains("<w:footnoteReference w:id=\"1\"/>")
            && d.contains("<w:footnoteReference w:id=\"2\"/>")
    );
    assert_eq!(f.matches(">注释</w:t>").count(), 2);
    assert!(
        !f.contains("w:footnoteReference"),
        "no reference inside footnotes.xml"
    );
    assert!(!f.contains("未引用"));
    assert!(log
        .warnings()
        .any(|w| w.message.contains("[^b] is never referenced")));
}
