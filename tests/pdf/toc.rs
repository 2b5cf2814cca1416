//! The PDF contents page (issue 11 item 5; `toc` style keys, `--toc`): one entry per
//! article title and heading to `toc.depth`, a dot leader, the real page number flush
//! with the right text edge (compared with the page where the heading is found), and a
//! link annotation to each heading's named destination.

use super::book_preset::{book, convert};
use super::support::pdf::{han, run, stext_lines, VLine};
use super::support::{load, sample_path};
use paiban::ast::{plain_text, visit_blocks, Block};
use std::collections::BTreeSet;
use std::path::Path;

/// Millimetres to points.
const MM: f32 = 72.0 / 25.4;

/// One entry read off the contents page.
#[derive(Debug)]
struct TocEntry {
    /// Han characters of the entry's text.
    text: String,
    /// The page number printed after it.
    number: usize,
    /// The entry's last line, holding the leader and the number.
    line: VLine,
}

/// The entries of the contents page (page 1) above `bottom` (the page's own number sits
/// under it): lines are joined until one ends with a page number.
fn entries(page: &[VLine], bottom: f32) -> Vec<TocEntry> {
    let mut out = Vec::new();
    let mut text = String::new();
    // The first line is the page's title, 目录.
    assert_eq!(han(&page[0].text()), "目录");
    for l in page[1..].iter().filter(|l| l.y < bottom) {
        let t = l.text();
        let body = t.trim_end();
        let digits: String = body
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        text.push_str(&han(body));
        if digits.is_empty() {
            continue;
        }
        out.push(TocEntry {
            text: std::mem::take(&mut text),
            number: digits.parse().unwrap(),
            line: l.clone(),
        });
    }
    out
}

/// (level, title, id) of the sample's article titles (level 0) and headings to `depth`.
fn expected(depth: u8) -> Vec<(u8, String, String)> {
    let doc = load(&sample_path());
    let mut out = Vec::new();
    visit_blocks(&doc, &mut |b| match b {
        Block::Article(a) => out.push((0, plain_text(&a.title), a.id.clone())),
        Block::Heading(h) if h.level <= depth => {
            out.push((h.level, plain_text(&h.content), h.id.clone()))
        }
        _ => {}
    });
    out
}

/// 1-based page where a text line starts the heading whose Han text is `title`, looked
/// for after the contents page, inside the text block (`top`..`bottom`).
fn page_of(pages: &[Vec<VLine>], title: &str, top: f32, bottom: f32) -> Option<usize> {
    pages.iter().enumerate().skip(1).find_map(|(i, page)| {
        page.iter()
            .filter(|l| l.y > top && l.y < bottom)
            .map(|l| han(&l.text()))
            .any(|t| t.chars().count() >= 4 && title.starts_with(&t))
            .then_some(i + 1)
    })
}

/// The `/Dest` names of the link annotations on page 1 (mutool show), in order.
fn page_one_dests(pdf: &Path) -> Vec<String> {
    let file = pdf.to_str().unwrap();
    let annots = run("mutool", &["show", file, "pages/1/Annots"]);
    let refs: Vec<&str> = annots
        .split(" 0 R")
        .filter_map(|s| s.split_whitespace().last())
        .filter(|s| s.chars().all(|c| c.is_ascii_digit()))
        .collect();
    refs.iter()
        .filter_map(|r| {
            let obj = run("mutool", &["show", file, r]);
            let dest = obj.lines().find_map(|l| l.trim().strip_prefix("/Dest "))?;
            Some(dest.trim_matches(|c| c == '(' || c == ')').to_string())
        })
        .collect()
}

/// `--style book`: the contents page lists the articles and the headings of levels 1 and
/// 2, each with a dot leader and the page its heading is on, the number flush right.
#[test]
fn book_contents_page_numbers_are_the_pages_of_the_headings() {
    let (_, pages) = book();
    let toc = entries(&pages[0], (250.0 - 22.0) * MM);
    let want = expected(2);
    assert_eq!(toc.len(), want.len(), "{toc:#?}");
    let right = (176.0 - 18.0) * MM;
    for (e, (_, title, _)) in toc.iter().zip(&want) {
        assert_eq!(e.text, han(title), "entries in document order");
        let page = page_of(pages, &e.text, 22.0 * MM, (250.0 - 22.0) * MM);
        assert_eq!(Some(e.number), page, "page number of {title}");
        let t = e.line.text();
        // The leader fills the space from the text to the number: it starts within one gap
        // (half an em of 五号) and one dot of the text's end.
        let g = &e.line.glyphs;
        let first_dot = g.iter().position(|g| g.c == '.');
        let Some(first_dot) = first_dot else {
            panic!("no dot leader in {t:?}")
        };
        let text_end = g[..first_dot]
            .iter()
            .rfind(|g| !g.c.is_whitespace())
            .unwrap()
            .x1;
        let room = g[first_dot].x - text_end;
        assert!(
            (0.0..9.0).contains(&room),
            "{t:?}: leader starts {room:.2} pt after the text"
        );
        let end = e.line.glyphs.last().unwrap().x1;
        assert!(
            (end - right).abs() < 0.6,
            "{t:?} ends at {end:.2}, want {right:.2}"
        );
    }
    // The leaders end one gap before the widest number, so they line up down the page.
    let ends: Vec<f32> = toc
        .iter()
        .map(|e| e.line.glyphs.iter().rfind(|g| g.c == '.').unwrap().x1)
        .collect();
    assert!(
        ends.windows(2).all(|w| (w[0] - w[1]).abs() < 0.01),
        "{ends:?}"
    );
}

/// Every entry of the contents page is a link to its heading's named destination.
#[test]
fn book_contents_entries_link_to_their_headings() {
    let (pdf, _) = book();
    let dests = page_one_dests(pdf);
    let got: BTreeSet<String> = dests.iter().cloned().collect();
    let want: BTreeSet<String> = expected(2).into_iter().map(|(_, _, id)| id).collect();
    assert_eq!(got, want);
    // An entry set on two lines has a link on each; none links twice otherwise.
    assert!(
        dests.len() >= want.len() && dests.len() < want.len() + 5,
        "{dests:?}"
    );
    let names = run(
        "mutool",
        &["show", pdf.to_str().unwrap(), "Root/Names/Dests"],
    );
    for id in &want {
        assert!(names.contains(&format!("({id})")), "no destination {id}");
    }
}

/// A style file's `toc.depth` sets how deep the contents page goes; `--toc` gives the
/// handout a contents page, whose numbers are the real pages too.
#[test]
fn toc_depth_and_the_toc_flag_shape_the_contents_page() {
    let dir = tempfile::tempdir().unwrap();
    let style = dir.path().join("shallow.toml");
    std::fs::write(&style, "extends = \"book\"\n[toc]\ndepth = 1\n").unwrap();
    let (_d, pdf) = convert(style.to_str().unwrap(), &[]);
    let pages = stext_lines(&pdf);
    let toc = entries(&pages[0], (250.0 - 22.0) * MM);
    let want = expected(1);
    let got: Vec<String> = toc.iter().map(|e| e.text.clone()).collect();
    let want: Vec<String> = want.iter().map(|(_, t, _)| han(t)).collect();
    assert_eq!(got, want);

    let (_d, pdf) = convert("handout", &["--toc"]);
    let pages = stext_lines(&pdf);
    let toc = entries(&pages[0], (297.0 - 25.0) * MM);
    assert_eq!(toc.len(), expected(3).len());
    for e in &toc {
        let page = page_of(&pages, &e.text, 25.0 * MM, (297.0 - 25.0) * MM);
        assert_eq!(Some(e.number), page, "{}", e.text);
    }
    // Without --toc the handout has no contents page.
    let (_d, pdf) = convert("handout", &[]);
    let first = &stext_lines(&pdf)[0];
    assert_ne!(han(&first[0].text()), "目录");
}
