//! Acceptance on the sample (tests/fixtures/yiwu.txt, two articles): epubcheck-clean,
//! under 2.5 MB with fonts, nav = the document outline, three creators, valid subsets.

use crate::support::epub::*;
use crate::support::sample_path;
use crate::support::unzip;
use paiban::ast::{plain_text, Block, Document};
use paiban::backend::RenderOptions;

fn yiwu(opts: &RenderOptions) -> (Vec<u8>, Document) {
    let (bytes, _, doc) = render_file(&sample_path(), opts);
    (bytes, doc)
}

/// (depth, text) of every nav entry, depth = number of enclosing `<ol>`s.
fn nav_entries(nav: &str) -> Vec<(usize, String)> {
    let toc = &nav[nav.find("epub:type=\"toc\"").unwrap()..nav.find("</nav>").unwrap()];
    let mut out = Vec::new();
    let mut depth = 0;
    let mut rest = toc;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<ol>") {
            depth += 1;
        } else if rest.starts_with("</ol>") {
            depth -= 1;
        } else if rest.starts_with("<a ") {
            let start = rest.find('>').unwrap() + 1;
            let end = rest.find("</a>").unwrap();
            out.push((depth, rest[start..end].to_string()));
        }
        rest = &rest[1..];
    }
    out
}

#[test]
fn yiwu_epub_passes_epubcheck_and_is_small() {
    let (bytes, _) = yiwu(&RenderOptions::default());
    assert!(bytes.len() < 2_500_000, "EPUB is {} bytes", bytes.len());
    let (errors, warnings, out) = epubcheck(&bytes, "yiwu.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
fn yiwu_nav_is_the_outline_and_creators_are_the_three_authors() {
    let (bytes, doc) = yiwu(&RenderOptions::default());
    let files = unzip(&bytes);
    let mut expected = Vec::new();
    let mut names = Vec::new();
    for b in &doc.blocks {
        let Block::Article(a) = b else { continue };
        expected.push((1, plain_text(&a.title)));
        for h in &a.body {
            if let Block::Heading(h) = h {
                expected.push((1 + h.level as usize, plain_text(&h.content)));
            }
        }
        names.extend(a.bylines.iter().map(|b| b.name.clone()));
    }
    assert_eq!(
        expected.iter().filter(|(d, _)| *d == 1).count(),
        2,
        "two articles"
    );
    assert!(expected.len() > 10);
    let nav = text(&files, "EPUB/nav.xhtml");
    assert_eq!(nav_entries(&nav), expected);
    let opf = text(&files, "EPUB/content.opf");
    names.dedup();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(opf.matches("<dc:creator ").count(), 3);
    for n in &names {
        assert!(opf.contains(&format!(">{n}</dc:creator>")), "{n}");
    }
    assert!(files.contains_key("EPUB/c001.xhtml") && files.contains_key("EPUB/c002.xhtml"));
}

#[test]
fn yiwu_body_paragraphs_are_plain_indented_paragraphs() {
    let (bytes, doc) = yiwu(&RenderOptions::default());
    let files = unzip(&bytes);
    let mut paras = 0;
    paiban::ast::visit_blocks(&doc, &mut |b| {
        if matches!(b, Block::Para(_)) {
            paras += 1
        }
    });
    let html: String = ["EPUB/c001.xhtml", "EPUB/c002.xhtml"]
        .iter()
        .map(|p| text(&files, p))
        .collect();
    assert_eq!(
        html.matches("<p>").count(),
        paras,
        "every body paragraph is a bare <p> (T17)"
    );
    assert!(text(&files, "EPUB/css/style.css").contains("p{text-indent:2em;margin:0}"));
}

#[test]
fn yiwu_kai_subtitle_takes_full_width_quotes_from_song_t25() {
    let (bytes, _) = yiwu(&RenderOptions::default());
    let files = unzip(&bytes);
    let c1 = text(&files, "EPUB/c001.xhtml");
    assert!(c1.contains("<p class=\"subtitle\"><span class=\"nw\">——</span>深学笃行"));
    let css = text(&files, "EPUB/css/style.css");
    let rule = css
        .lines()
        .find(|l| l.contains("unicode-range"))
        .expect("a unicode-range @font-face for the Kai quotes");
    assert!(rule.contains("\"pb-lxgw-wenkai\"") && rule.contains("noto-serif-cjk-sc-400"));
    assert!(rule.contains("U+201C,U+201D"));
    let kai_main = css.find("font-family:\"pb-lxgw-wenkai\";font-style:normal;font-weight:400;src:url(\"../fonts/lxgw").unwrap();
    assert!(
        kai_main < css.find(rule).unwrap(),
        "the quote face is declared after the Kai face"
    );
}

#[test]
fn yiwu_fonts_are_valid_subsets_covering_the_text() {
    let (bytes, _) = yiwu(&RenderOptions::default());
    assert!(check_fonts_with_fonttools(&unzip(&bytes)) >= 3);
}

#[test]
fn yiwu_same_input_same_bytes() {
    let (a, _) = yiwu(&RenderOptions::default());
    let (b, _) = yiwu(&RenderOptions::default());
    assert!(a == b);
}

#[test]
fn yiwu_long_titles_break_at_their_ideographic_gap_t23() {
    let (bytes, _) = yiwu(&RenderOptions::default());
    let files = unzip(&bytes);
    let c1 = text(&files, "EPUB/c001.xhtml");
    let c2 = text(&files, "EPUB/c002.xhtml");
    // The typed gap between the two phrases becomes the line break, so no reader splits
    // 中国式现代化 in the middle of a word.
    assert!(
        c1.contains("“义乌发展经验”<br/>加快打造中国式现代化县域典范"),
        "{c1}"
    );
    assert!(c1.contains("重要指示精神<br/>奋力谱写"), "{c1}");
    assert!(c2.contains("“五个结合”<br/>加快打造"), "{c2}");
}
