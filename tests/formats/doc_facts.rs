//! Document facts worked out once (title, subtitle, authors, language): PDF metadata,
//! DOCX core properties and the EPUB package say the same; and the one zip writer of
//! EPUB and DOCX dates its entries from `SOURCE_DATE_EPOCH` only.

use crate::support::zip_part;
use paiban::ast::{Article, Block, Byline, Document, Inline, Para};
use paiban::backend::{find, Context, RenderOptions};
use paiban::log::Log;
use paiban::style::Style;
use std::path::Path;
use std::process::Command;

fn text(s: &str) -> Vec<Inline> {
    vec![Inline::Text(s.to_string())]
}

fn article(title: &str, subtitle: Option<&str>, authors: &[&str]) -> Block {
    Block::Article(Article {
        title: text(title),
        subtitle: subtitle.map(text),
        body: vec![Block::Para(Para {
            content: text("正文一段。"),
            line: 2,
        })],
        bylines: authors
            .iter()
            .map(|n| Byline {
                name: n.to_string(),
                affiliation: String::new(),
                line: 3,
            })
            .collect(),
        id: String::new(),
        line: 1,
    })
}

/// Two articles, no front matter: the second repeats an author and has the only
/// subtitle after the first's.
fn two_articles() -> Document {
    Document {
        blocks: vec![
            article("第一篇文章", Some("第一篇的副题"), &["张三", "李四"]),
            article("第二篇文章", Some("第二篇的副题"), &["李四", "王五"]),
        ],
        ..Default::default()
    }
}

fn render(format: &str, doc: &Document, epoch: Option<i64>) -> Vec<u8> {
    let style = Style::handout();
    let options = RenderOptions {
        source_date_epoch: epoch,
        embed_fonts: false,
        ..RenderOptions::default()
    };
    let ctx = Context {
        style: &style,
        options: &options,
        base_dir: Path::new("."),
    };
    let backend = find(format).unwrap_or_else(|| panic!("{format} registered"));
    backend
        .render(doc, &ctx, &mut Log::default())
        .unwrap_or_else(|e| panic!("{format}: {e}"))
}

/// Every entry's modification date and time, in zip order.
fn zip_dates(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..z.len())
        .map(|i| {
            let f = z.by_index(i).unwrap();
            let d = f.last_modified().expect("a date");
            let when = format!(
                "{}-{:02}-{:02} {:02}:{:02}:{:02}",
                d.year(),
                d.month(),
                d.day(),
                d.hour(),
                d.minute(),
                d.second()
            );
            (f.name().to_string(), when)
        })
        .collect()
}

fn pdfinfo(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("facts.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo (poppler-utils) must be installed; run scripts/test.sh");
    assert!(out.status.success(), "pdfinfo failed");
    String::from_utf8(out.stdout).unwrap()
}

fn pdf_field(info: &str, key: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(key))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| panic!("pdfinfo has no {key}\n{info}"))
}

#[test]
fn pdf_docx_and_epub_print_the_same_title_subject_and_authors() {
    let doc = two_articles();
    let facts = doc.resolved_meta();
    assert_eq!(facts.title, "第一篇文章");
    assert_eq!(facts.subtitle.as_deref(), Some("第一篇的副题"));
    assert_eq!(facts.authors, ["张三", "李四", "王五"]);

    let info = pdfinfo(&render("pdf", &doc, None));
    assert_eq!(pdf_field(&info, "Title:"), "第一篇文章");
    assert_eq!(pdf_field(&info, "Subject:"), "第一篇的副题");
    assert_eq!(pdf_field(&info, "Author:"), "张三, 李四, 王五");

    let core = zip_part(&render("docx", &doc, None), "docProps/core.xml");
    assert!(core.contains("<dc:title>第一篇文章</dc:title>"), "{core}");
    assert!(
        core.contains("<dc:subject>第一篇的副题</dc:subject>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:creator>张三; 李四; 王五</dc:creator>"),
        "{core}"
    );

    let opf = zip_part(&render("epub", &doc, None), "EPUB/content.opf");
    assert!(opf.contains(">第一篇文章</dc:title>"), "{opf}");
    let creators: Vec<&str> = opf
        .split("</dc:creator>")
        .filter_map(|s| s.rsplit('>').next())
        .filter(|s| !s.contains('<') && !s.trim().is_empty())
        .collect();
    assert_eq!(creators, ["张三", "李四", "王五"], "{opf}");
}

#[test]
fn a_document_without_title_is_named_after_its_file_everywhere() {
    let mut doc = Document {
        blocks: vec![Block::Para(Para {
            content: text("没有标题的一段。"),
            line: 1,
        })],
        ..Default::default()
    };
    doc.meta.source = Some("讲稿/会议纪要.md".into());
    let info = pdfinfo(&render("pdf", &doc, None));
    assert_eq!(pdf_field(&info, "Title:"), "会议纪要");
    let core = zip_part(&render("docx", &doc, None), "docProps/core.xml");
    assert!(core.contains("<dc:title>会议纪要</dc:title>"), "{core}");
    let opf = zip_part(&render("epub", &doc, None), "EPUB/content.opf");
    assert!(opf.contains(">会议纪要</dc:title>"), "{opf}");
}

#[test]
fn docx_zip_dates_follow_source_date_epoch() {
    let doc = two_articles();
    let a = render("docx", &doc, Some(1_700_000_000));
    let b = render("docx", &doc, Some(1_600_000_000));
    assert_eq!(
        a,
        render("docx", &doc, Some(1_700_000_000)),
        "same epoch, same bytes"
    );
    assert_ne!(a, b);
    let dates_a = zip_dates(&a);
    assert!(!dates_a.is_empty());
    for (name, when) in &dates_a {
        assert_eq!(when, "2023-11-14 22:13:20", "{name}");
    }
    for (name, when) in zip_dates(&b) {
        assert_eq!(when, "2020-09-13 12:26:40", "{name}");
    }
    for (name, when) in zip_dates(&render("docx", &doc, None)) {
        assert_eq!(
            when, "1980-01-01 00:00:00",
            "{name}: no epoch, the DOS epoch"
        );
    }
}

#[test]
fn epub_and_docx_share_the_zip_writer_dates() {
    let doc = two_articles();
    let epub = zip_dates(&render("epub", &doc, Some(1_700_000_000)));
    let docx = zip_dates(&render("docx", &doc, Some(1_700_000_000)));
    assert_eq!(epub[0].0, "mimetype", "the OCF mimetype comes first");
    assert_eq!(epub[0].1, docx[0].1);
}
