//! T30 in the EPUB: the GB/T 9704 fields shown simply — the 版头 as a `header` (red 标志,
//! 发文字号 and 签发人, a red rule under them) before the title, the 主送 after it, the
//! 附件, 署名 and date after the text and the 版记 as a ruled `footer`; the grid and the
//! page positions are left out. The book passes epubcheck.

use super::support::epub::epubcheck;
use super::support::{fixture, load, unzip_text};
use paiban::backend::epub::Epub;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::log::Log;
use paiban::style::Style;
use std::path::Path;

fn epub(name: &str) -> Vec<u8> {
    let doc = load(&fixture(&format!("gongwen/{name}.md")));
    let style = Style::preset("gongwen").unwrap();
    let options = RenderOptions {
        embed_fonts: false,
        source_date_epoch: Some(0),
        ..RenderOptions::default()
    };
    let ctx = Context {
        style: &style,
        options: &options,
        base_dir: Path::new("."),
    };
    Epub.render(&doc, &ctx, &mut Log::default())
        .expect("EPUB renders")
}

#[test]
fn t30_epub_shows_the_fields_in_document_order_and_passes_epubcheck() {
    let bytes = epub("notice");
    let files = unzip_text(&bytes);
    // The chapters in reading order (the notice's level-1 headings open chapters): the
    // 版头 opens the first, the closing and 版记 end the last.
    let chapter = |name: &str| name.starts_with("EPUB/c") && name.ends_with(".xhtml");
    let page: String = files
        .iter()
        .filter(|(name, _)| chapter(name))
        .map(|(_, text)| text.as_str())
        .collect();
    let last = files.keys().rfind(|n| chapter(n)).unwrap();
    assert!(files[last].contains("<footer class=\"record\">"), "{last}");
    assert!(files["EPUB/c001.xhtml"].contains("<header class=\"official\">"));
    let order = [
        "<header class=\"official\">",
        "<p class=\"issuer\">青禾县人民政府文件</p>",
        "<p class=\"doc-number\">青政发〔2024〕7号</p>",
        "<h1 class=\"title\"",
        "<p class=\"addressee\">各乡镇人民政府，县政府各部门：</p>",
        "<p class=\"attachment\">附件：1. 青禾县二〇二四年社区图书角建设任务分解表及各乡镇完成时限安排</p>",
        "<p class=\"attachment more\">2. 青禾县社区图书角管理办法（试行）</p>",
        "<p class=\"signature\">青禾县人民政府</p>",
        "<p class=\"doc-date\">2024年3月5日</p>",
        "<footer class=\"record\">",
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。",
        "2024年3月6日印发",
    ];
    let mut at = 0;
    for s in order {
        let found = page[at..]
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} missing or out of order in\n{page}"));
        at += found + s.len();
    }
    let css = &files["EPUB/css/style.css"];
    assert!(
        css.contains("p.issuer{") && css.contains("color:#FF0000"),
        "{css}"
    );
    assert!(css.contains("header.official{border-bottom:"), "{css}");
    let (errors, _, out) = epubcheck(&bytes, "notice.epub");
    assert_eq!(errors, 0, "{out}");
}

#[test]
fn t30_epub_signer_beside_the_number() {
    let files = unzip_text(&epub("report"));
    let page = &files["EPUB/c001.xhtml"];
    assert!(
        page.contains("<span class=\"number\">青政发〔2024〕9号</span> <span class=\"signer\">签发人：林远山</span>"),
        "{page}"
    );
}
