//! Page-layout tests on the page model, without a PDF: the sample (tests/fixtures/yiwu.txt through
//! the reader and passes) for T17, T18, T20 and T23, the outline, the dump snapshot,
//! performance, and a T20 property test on random documents.

use crate::support::in_snapshot_folder;
use crate::support::layout::*;
use paiban::ast::*;
use paiban::image::ImageSource;
use paiban::layout::dump::text_lines;
use paiban::layout::page::StructKind;
use paiban::layout::{dump, layout, FontSet};
use paiban::log::Log;
use paiban::style::Style;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn sample_lays_out_on_several_pages() {
    let (l, log) = run(&sample());
    assert!(
        l.pages.len() >= 4,
        "expected ≥4 pages, got {}",
        l.pages.len()
    );
    assert!(log.warnings().next().is_none(), "{:?}", log.entries);
    let d = dump(&l);
    assert!(d.starts_with("page 1 line 1 "), "{}", &d[..200]);
    assert!(d.contains("— 1 —"), "page number missing");
}

#[test]
fn t17_every_body_paragraph_first_line_indented_2em() {
    let doc = sample();
    let (l, _) = run(&doc);
    let style = Style::handout();
    let want = style.margin_left + 2.0 * style.body_size;
    let mut checked = 0;
    for (tag, lines) in para_lines(&l) {
        let (p, base) = lines[0];
        let first = content_lines(&l, p)
            .into_iter()
            .find(|x| x.baseline == base && tag_of(&l, p, x) == tag)
            .unwrap();
        // A line opening with a quote or bracket has its pen inside the 1-em box (T12: OPEN
        // is right-aligned in its box), so x0 of the glyph is not the box edge.
        let opens = |t: &str| t.starts_with(['“', '‘', '（', '《', '「', '『', '【', '〔']);
        if opens(&first.text) {
            continue;
        }
        assert!(
            (first.x0 - want).abs() <= 0.3,
            "T17: {} starts at {}",
            first.text,
            first.x0
        );
        checked += 1;
        for (p2, b2) in &lines[1..] {
            let next = content_lines(&l, *p2)
                .into_iter()
                .find(|x| x.baseline == *b2 && tag_of(&l, *p2, x) == tag)
                .unwrap();
            assert!(
                (next.x0 - style.margin_left).abs() <= 0.3,
                "T17: run-over line {}",
                next.text
            );
        }
    }
    assert!(checked >= 20, "only {checked} paragraphs checked");
}

#[test]
fn t18_baseline_pitch_inside_paragraphs() {
    let (l, _) = run(&sample());
    let pitch = Style::handout().line_pitch();
    for (_, lines) in para_lines(&l) {
        for w in lines.windows(2) {
            if w[0].0 == w[1].0 {
                let d = w[1].1 - w[0].1;
                assert!(
                    (d - pitch).abs() <= 0.1,
                    "T18: baseline delta {d} ≠ {pitch}"
                );
            }
        }
    }
}

#[test]
fn t20_no_page_ends_with_heading_or_title() {
    let (l, _) = run(&sample());
    let k = kinds(&l);
    for p in 0..l.pages.len() {
        let lines = content_lines(&l, p);
        let last = lines.last().expect("empty page");
        let kind = &k[&tag_of(&l, p, last)];
        assert!(
            !matches!(kind, StructKind::Heading(_) | StructKind::Title),
            "T20: page {} ends with heading {}",
            p + 1,
            last.text
        );
    }
}

#[test]
fn t20_no_single_line_of_long_paragraph_at_page_edges() {
    let (l, _) = run(&sample());
    let mut split = 0;
    for (_, lines) in para_lines(&l) {
        if lines.len() < 4 {
            continue;
        }
        let pages: BTreeSet<usize> = lines.iter().map(|x| x.0).collect();
        if pages.len() > 1 {
            split += 1;
        }
        for p in &pages {
            let on = lines.iter().filter(|x| x.0 == *p).count();
            assert!(
                on >= 2,
                "T20: page {} holds {on} line of a {}-line paragraph",
                p + 1,
                lines.len()
            );
        }
    }
    assert!(
        split > 0,
        "no paragraph crosses a page: the test proves nothing"
    );
}

#[test]
fn t20_heading_keeps_two_lines_when_forced_to_page_bottom() {
    // Fill a page with one-line paragraphs so that a heading falls on the last line.
    let style = Style::handout();
    let per_page = (style.text_height() / style.line_pitch()).floor() as usize;
    for fill in per_page.saturating_sub(4)..per_page {
        let mut blocks: Vec<Block> = (0..fill).map(|i| para(&format!("短段{i}。"))).collect();
        blocks.push(heading(3, "1.加强学习", "x"));
        blocks.push(para(&"这是一个很长的段落。".repeat(30)));
        let (l, _) = run(&Document {
            blocks,
            ..Default::default()
        });
        let k = kinds(&l);
        for p in 0..l.pages.len() {
            let lines = content_lines(&l, p);
            let last = lines.last().unwrap();
            assert!(
                !matches!(k[&tag_of(&l, p, last)], StructKind::Heading(_)),
                "T20 fill={fill}"
            );
        }
        // The heading and ≥2 lines of the paragraph share a page.
        let (hp, _) = l.anchors.get("x").map(|a| (a.page, a.y)).unwrap();
        let long = para_lines(&l)
            .into_values()
            .max_by_key(|v| v.len())
            .unwrap();
        assert!(
            long.iter().filter(|x| x.0 == hp).count() >= 2,
            "T20 fill={fill}"
        );
    }
}

#[test]
fn t23_title_centred_and_outline_nests_like_headings() {
    let doc = Document {
        blocks: vec![Block::Article(Article {
            title: text("坚持和深化“义乌发展经验”"),
            subtitle: Some(text("副标题")),
            body: vec![
                heading(1, "一、总体要求", "h1"),
                para("正文。"),
                heading(2, "（一）主要任务", "h2"),
                para("正文。"),
                heading(1, "二、保障措施", "h3"),
                para("正文。"),
            ],
            bylines: vec![],
            id: "t".into(),
            line: 1,
        })],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    let o = &l.outline;
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].title, "坚持和深化“义乌发展经验”");
    let kids: Vec<_> = o[0]
        .children
        .iter()
        .map(|c| (c.title.as_str(), c.children.len()))
        .collect();
    assert_eq!(kids, vec![("一、总体要求", 1), ("二、保障措施", 0)]);
    assert_eq!(o[0].children[0].children[0].title, "（一）主要任务");
    for id in ["t", "h1", "h2", "h3"] {
        assert!(l.anchors.contains_key(id), "anchor {id}");
    }
    let style = Style::handout();
    let lines = content_lines(&l, 0);
    let t = &lines[0];
    assert_eq!(t.size, 22.0, "T23 title size");
    let centre = style.margin_left + style.text_width() / 2.0;
    assert!(
        ((t.x0 + t.x1) / 2.0 - centre).abs() < 1.0,
        "T23 title centred"
    );
    assert!(
        lines[1].text.starts_with("——"),
        "T23 subtitle dash: {}",
        lines[1].text
    );
}

/// The title-size lines of page 1 when an article with `title` and one body paragraph is
/// laid out (T23).
fn title_lines(title: &str) -> Vec<paiban::layout::dump::TextLine> {
    let doc = Document {
        blocks: vec![Block::Article(Article {
            title: text(title),
            subtitle: None,
            body: vec![para("正文。")],
            bylines: vec![],
            id: "t".into(),
            line: 1,
        })],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    let size = Style::handout().title.size;
    content_lines(&l, 0)
        .into_iter()
        .filter(|x| x.size == size)
        .collect()
}

#[test]
fn t23_long_title_lines_are_balanced() {
    let title = "深学笃行习近平总书记重要指示精神奋力谱写义乌发展经验新时代华章加快打造中国式现代化县域典范";
    let lines = title_lines(title);
    assert!(lines.len() >= 2, "title should wrap");
    let w: Vec<f32> = lines.iter().map(|x| x.x1 - x.x0).collect();
    let (min, max) = w
        .iter()
        .fold((f32::MAX, 0.0f32), |(a, b), &x| (a.min(x), b.max(x)));
    assert!(
        max - min <= 2.0 * 22.0 + 0.5,
        "T23 unbalanced title lines {w:?}"
    );
}

#[test]
fn t23_two_part_title_breaks_at_the_typed_gap() {
    let doc = Document {
        blocks: vec![Block::Article(Article {
            title: text("坚持和深化“义乌发展经验” 加快打造中国式现代化县域典范"),
            subtitle: Some(text(
                "深学笃行习近平总书记重要指示精神 奋力谱写“义乌发展经验”新时代华章",
            )),
            body: vec![para("正文。")],
            bylines: vec![],
            id: "t".into(),
            line: 1,
        })],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    let lines: Vec<String> = content_lines(&l, 0).into_iter().map(|x| x.text).collect();
    assert_eq!(
        &lines[..4],
        [
            "坚持和深化“义乌发展经验”",
            "加快打造中国式现代化县域典范",
            "——深学笃行习近平总书记重要指示精神",
            "奋力谱写“义乌发展经验”新时代华章"
        ]
    );
}

/// The whole sample as `paiban inspect --layout` prints it (reviewed: titles balanced at
/// the typed gaps, every body paragraph indented 2 em, headings never last on a page).
#[test]
fn sample_dump_snapshot() {
    let (l, _) = run(&sample());
    in_snapshot_folder(|| insta::assert_snapshot!("sample_dump", dump(&l)));
}

/// A 200 KB document lays out into pages (speed is the benchmark's business,
/// `scripts/bench.sh`, never a timed test).
#[test]
fn large_200kb_document_lays_out_into_pages() {
    let one = sample();
    let mut blocks = Vec::new();
    let mut bytes = 0;
    while bytes < 200_000 {
        for b in &one.blocks {
            if let Block::Article(a) = b {
                a.body.iter().for_each(|b| {
                    if let Block::Para(p) = b {
                        bytes += plain_text(&p.content).len();
                    }
                });
            }
            blocks.push(b.clone());
        }
    }
    let doc = Document {
        blocks,
        ..Default::default()
    };
    // Font loading is not layout: load and warm the caches on the small sample first.
    let fonts = FontSet::bundled();
    let style = Style::handout();
    layout(
        &one,
        &style,
        &fonts,
        ImageSource::new(Path::new(".")),
        &mut Log::default(),
    );
    let l = layout(
        &doc,
        &style,
        &fonts,
        ImageSource::new(Path::new(".")),
        &mut Log::default(),
    );
    // The sample is 2 articles on 5 pages; ~200 KB is over ten times as much text.
    assert!(
        l.pages.len() > 40,
        "{bytes} bytes gave only {} pages",
        l.pages.len()
    );
}

#[test]
fn sample_outline_follows_the_heading_order_and_levels() {
    let doc = sample();
    let (l, _) = run(&doc);
    // Expected: article titles and headings in document order, with their levels.
    let mut want = Vec::new();
    for b in &doc.blocks {
        if let Block::Article(a) = b {
            want.push((plain_text(&a.title), 0u8));
            for b in &a.body {
                if let Block::Heading(h) = b {
                    want.push((plain_text(&h.content), h.level));
                }
            }
        }
    }
    fn flat(
        es: &[paiban::layout::page::OutlineEntry],
        parent: Option<u8>,
        out: &mut Vec<(String, u8)>,
    ) {
        for e in es {
            assert!(
                parent.is_none_or(|p| e.level > p),
                "{} nested under a level ≥ its own",
                e.title
            );
            out.push((e.title.clone(), e.level));
            flat(&e.children, Some(e.level), out);
        }
    }
    let mut got = Vec::new();
    flat(&l.outline, None, &mut got);
    assert_eq!(got, want);
    assert_eq!(l.outline.len(), 2, "one top-level entry per article");
    assert!(
        l.outline[1].children.iter().any(|c| !c.children.is_empty()),
        "second article nests level-2 headings"
    );
}

#[test]
fn each_article_starts_a_new_page_and_running_header_is_an_artifact() {
    let mut style = Style::handout();
    style.header = Some("义乌发展经验学习材料".into());
    let doc = sample();
    let mut log = Log::default();
    let l = layout(
        &doc,
        &style,
        &FontSet::bundled(),
        ImageSource::new(Path::new(".")),
        &mut log,
    );
    for a in &l.outline {
        let lines = content_lines(&l, a.page);
        assert_eq!(
            lines[0].size, style.title.size,
            "article title first on its page"
        );
        assert!(
            a.title.starts_with(&lines[0].text),
            "{} vs {}",
            a.title,
            lines[0].text
        );
    }
    for (p, page) in l.pages.iter().enumerate() {
        let lines = text_lines(&page.items);
        let head = &lines[0];
        assert_eq!(head.text, "义乌发展经验学习材料");
        assert!(head.baseline < style.margin_top);
        assert!(
            page.items[head.items[0]].tag.is_none(),
            "header is an artifact"
        );
        let foot = lines.last().unwrap();
        assert_eq!(foot.text, format!("— {} —", p + 1));
        assert!(foot.baseline > style.page_height - style.margin_bottom);
        assert_eq!(page.label, (p + 1).to_string());
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// A random document: headings and paragraphs of 1–400 characters.
    fn blocks() -> impl Strategy<Value = Vec<(bool, usize)>> {
        prop::collection::vec((prop::bool::weighted(0.2), 1usize..400), 1..60)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// T20 on arbitrary documents: no text lost or repeated, no page ends with a
        /// heading, no single line of a ≥4-line paragraph at a page edge, nothing below
        /// the text area.
        #[test]
        fn t20_page_breaking_invariants(spec in blocks()) {
            let mut want = String::new();
            let doc_blocks: Vec<Block> = spec
                .iter()
                .enumerate()
                .map(|(i, &(is_heading, n))| {
                    if is_heading {
                        let t = format!("{}、标题{i}", ["一", "二", "三"][i % 3]);
                        want.push_str(&t);
                        heading(1, &t, &format!("h{i}"))
                    } else {
                        let t = format!("{}。", "字".repeat(n));
                        want.push_str(&t);
                        para(&t)
                    }
                })
                .collect();
            let (l, _) = run(&Document { blocks: doc_blocks, ..Default::default() });
            let style = Style::handout();
            let k = kinds(&l);
            let mut got = String::new();
            for p in 0..l.pages.len() {
                let lines = content_lines(&l, p);
                prop_assert!(!lines.is_empty(), "empty page {}", p + 1);
                for x in &lines {
                    got.push_str(&x.text);
                    prop_assert!(x.baseline <= style.margin_top + style.text_height());
                }
                // Only the document's end may leave a heading last.
                let last = lines.last().unwrap();
                let heading_last = matches!(k[&tag_of(&l, p, last)], StructKind::Heading(_));
                prop_assert!(!heading_last || p + 1 == l.pages.len(), "page {} ends with a heading", p + 1);
            }
            prop_assert_eq!(got, want);
            if let Err(e) = check_page_fill(&l) {
                prop_assert!(false, "{}", e);
            }
            for (_, lines) in para_lines(&l) {
                if lines.len() >= 4 {
                    for p in lines.iter().map(|x| x.0).collect::<BTreeSet<_>>() {
                        prop_assert!(lines.iter().filter(|x| x.0 == p).count() >= 2);
                    }
                }
            }
        }
    }
}

#[test]
fn t23_two_line_title_breaks_at_punctuation_near_the_middle() {
    let doc = Document {
        blocks: vec![Block::Article(Article {
            title: text("坚持和深化“义乌发展经验”加快打造中国式现代化县域典范"),
            subtitle: None,
            body: vec![para("正文。")],
            bylines: vec![],
            id: "t".into(),
            line: 1,
        })],
        ..Default::default()
    };
    let (l, _) = run(&doc);
    let lines: Vec<String> = content_lines(&l, 0).into_iter().map(|x| x.text).collect();
    assert_eq!(
        &lines[..2],
        ["坚持和深化“义乌发展经验”", "加快打造中国式现代化县域典范"]
    );
}

/// T20 page fill: every page but an article's last (the last page, or one followed by a
/// title) ends within one line pitch of the text-area bottom; a page holding one block
/// only (no gap to spread space over) may be one line short.
fn check_page_fill(l: &paiban::layout::Layout) -> Result<(), String> {
    let style = Style::handout();
    let pitch = style.line_pitch();
    let size = style.body_size;
    let bottom = style.margin_top + style.text_height();
    // Slot bottom below a body baseline (T18: half-leading + descent).
    let below = (pitch - size) / 2.0 + 0.12 * size;
    let k = kinds(l);
    for p in 0..l.pages.len().saturating_sub(1) {
        let next = content_lines(l, p + 1);
        if next.first().map(|x| k[&tag_of(l, p + 1, x)].clone()) == Some(StructKind::Title) {
            continue;
        }
        let lines = content_lines(l, p);
        let last = lines.last().ok_or(format!("page {} empty", p + 1))?;
        let free = bottom - (last.baseline + below);
        let blocks: BTreeSet<_> = lines.iter().map(|x| tag_of(l, p, x)).collect();
        let mut allowed = if blocks.len() == 1 {
            2.0 * pitch
        } else {
            pitch
        };
        // A heading (or a run of headings) that opens the next page moves as one block with
        // the two lines kept after it (T20: no page ends with a heading, a heading keeps ≥2
        // lines): this page may then be short by up to that block's height.
        let heading_lines = next
            .iter()
            .take_while(|x| matches!(k[&tag_of(l, p + 1, x)], StructKind::Heading(_)))
            .count();
        if heading_lines >= 1 {
            let end = (heading_lines + 2).min(next.len()) - 1;
            allowed = allowed.max(next[end].baseline - next[0].baseline + pitch);
        }
        // Space added between two paragraphs (撑版) never exceeds half a line (T17).
        let para_gaps: Vec<f32> = lines
            .windows(2)
            .filter(|w| {
                let (a, b) = (tag_of(l, p, &w[0]), tag_of(l, p, &w[1]));
                let body = |x: &paiban::layout::dump::TextLine| (x.size - size).abs() < 0.01;
                a != b
                    && k[&a] == StructKind::P
                    && k[&b] == StructKind::P
                    && body(&w[0])
                    && body(&w[1])
            })
            .map(|w| w[1].baseline - w[0].baseline - pitch)
            .collect();
        if let Some(g) = para_gaps.iter().find(|g| **g > 0.5 * pitch + 0.1) {
            return Err(format!(
                "page {}: {g:.1} pt added between paragraphs",
                p + 1
            ));
        }
        // A page may stay short only when every paragraph gap already got the cap, or,
        // with no paragraph gap to open, by less than two lines.
        let capped = if para_gaps.is_empty() {
            free < 2.0 * pitch
        } else {
            para_gaps.iter().all(|g| *g > 0.5 * pitch - 0.1)
        };
        if free >= allowed - 0.01 && !capped {
            let opens = next
                .iter()
                .take(4)
                .map(|x| format!("{:?} {:.1}pt", k[&tag_of(l, p + 1, x)], x.baseline))
                .collect::<Vec<_>>();
            return Err(format!(
                "page {} ends {free:.1} pt ({:.2} lines) above the text-area bottom; \
                 its last lines {:?}, the next page opens with {opens:?}",
                p + 1,
                free / pitch,
                lines
                    .iter()
                    .rev()
                    .take(3)
                    .map(|x| format!("{:?}", k[&tag_of(l, p, x)]))
                    .collect::<Vec<_>>()
            ));
        }
    }
    Ok(())
}

#[test]
fn t20_pages_filled_to_within_one_line_on_the_sample() {
    let (l, _) = run(&sample());
    check_page_fill(&l).unwrap();
    // The space that fills a page never separates a heading from its first line.
    let style = Style::handout();
    let k = kinds(&l);
    let (bs, bp) = (style.body_size, style.line_pitch());
    for p in 0..l.pages.len() {
        let lines = content_lines(&l, p);
        for w in lines.windows(2) {
            let heading = matches!(k[&tag_of(&l, p, &w[0])], StructKind::Heading(_));
            if heading && k[&tag_of(&l, p, &w[1])] == StructKind::P {
                let (hs, hp) = (w[0].size, w[0].size * style.line_pitch_em);
                let natural = (hp - hs) / 2.0 + 0.12 * hs + (bp - bs) / 2.0 + 0.88 * bs;
                let d = w[1].baseline - w[0].baseline;
                assert!(
                    (d - natural).abs() < 0.1,
                    "page {}: {} then {d}",
                    p + 1,
                    w[0].text
                );
            }
        }
    }
}

/// A long generated document: headings (one or two lines) between paragraphs of 1–30
/// lines, lengths from a fixed pseudo-random sequence.
#[test]
fn t20_pages_filled_to_within_one_line_on_a_long_document() {
    let mut seed: u64 = 7;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let mut blocks = Vec::new();
    for i in 0..300 {
        if next(5) == 0 {
            let t = format!(
                "{}、标题{i}{}",
                ["一", "二", "三"][i % 3],
                "长".repeat(next(30) as usize)
            );
            blocks.push(heading(1, &t, &format!("h{i}")));
        } else {
            let n = 1 + next(900) as usize;
            blocks.push(para(&format!("{}。", "字".repeat(n))));
        }
    }
    let (l, _) = run(&Document {
        blocks,
        ..Default::default()
    });
    assert!(l.pages.len() > 20, "{} pages", l.pages.len());
    check_page_fill(&l).unwrap();
}

/// T23 bylines: name and affiliation set as typed with the U+3000 gap kept (also in the
/// glyph's cluster text, which becomes the PDF's extractable text), centred, Kai 16 pt; the
/// two bylines of article 1 sit on consecutive lines (one byline pitch apart).
#[test]
fn t23_bylines_keep_the_ideographic_gap_and_sit_on_consecutive_lines() {
    let (l, _) = run(&sample());
    let style = Style::handout();
    let (p, lines) = (0..l.pages.len())
        .map(|p| (p, content_lines(&l, p)))
        .find(|(_, ls)| ls.iter().any(|x| x.text.starts_with("吴伟华")))
        .expect("byline 吴伟华 laid out");
    let i = lines
        .iter()
        .position(|x| x.text.starts_with("吴伟华"))
        .unwrap();
    let (a, b) = (&lines[i], &lines[i + 1]);
    assert_eq!(a.text, "吴伟华\u{3000}中共义乌市委党校副校长");
    assert_eq!(b.text, "徐应红\u{3000}中共义乌市委党校校委委员");
    let bs = &style.byline;
    assert!(a.family.contains("Kai"), "{}", a.family);
    assert_eq!(a.size, bs.size);
    let pitch = bs.size * style.line_pitch_em;
    assert!(
        (b.baseline - a.baseline - pitch).abs() < 0.1,
        "bylines {} pt apart, pitch {pitch}",
        b.baseline - a.baseline
    );
    let centre = style.margin_left + style.text_width() / 2.0;
    for x in [a, b] {
        assert!(((x.x0 + x.x1) / 2.0 - centre).abs() < 0.5, "{}", x.text);
    }
    // The gap glyph's cluster text is U+3000 (not a Latin space) and it is one em wide.
    let glyphs: Vec<(f32, String)> = a
        .items
        .iter()
        .filter_map(|&k| match &l.pages[p].items[k].kind {
            paiban::layout::page::ItemKind::Glyphs(r) => Some(
                r.glyphs
                    .iter()
                    .map(|g| (g.advance, g.text.to_string()))
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    let gap = glyphs
        .iter()
        .find(|g| g.1.trim().is_empty() || g.1 == "\u{3000}");
    assert_eq!(gap.map(|g| g.1.as_str()), Some("\u{3000}"), "{glyphs:?}");
    assert!((gap.unwrap().0 - bs.size).abs() < 0.01);
}

/// T23: a long title without typed gaps or punctuation breaks into near-equal lines and
/// never inside a word. The word boundaries are jieba's (`jieba-rs` 0.11, default
/// dictionary, `cut(title, false)`), recorded here as the reference segmentation.
#[test]
fn t23_title_without_gaps_breaks_between_jieba_words_only() {
    let cases = [
        "关于/进一步/加强/新/时代/县域/经济/高质量/发展/若干/问题/的/研究/报告",
        "坚持/和/深化/义乌/发展/经验/加快/打造/中国式/现代化/县域/典范",
        "深入/学习/贯彻/党/的/二十/届/四中全会/精神/推动/经济社会/高质量/发展/取得/新/成效",
        "中共中央国务院/关于/全面/推进/乡村/振兴/加快/农业/农村/现代化/的/意见",
        "以/高质量/党建/引领/基层/治理/现代化/持续/增强/人民/群众/获得/感/幸福感/安全感",
    ];
    let style = Style::handout();
    for case in cases {
        let title: String = case.replace('/', "");
        let mut ends = BTreeSet::new();
        let mut at = 0;
        for w in case.split('/') {
            at += w.chars().count();
            ends.insert(at);
        }
        let lines = title_lines(&title);
        assert!(lines.len() >= 2, "{title} should take two lines");
        let texts: Vec<&str> = lines.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts.concat(), title);
        let mut at = 0;
        for t in &texts[..texts.len() - 1] {
            at += t.chars().count();
            assert!(
                ends.contains(&at),
                "{title}: break inside a word: {texts:?}"
            );
        }
        let w: Vec<f32> = lines.iter().map(|x| x.x1 - x.x0).collect();
        let (min, max) = w
            .iter()
            .fold((f32::MAX, 0.0f32), |(a, b), &x| (a.min(x), b.max(x)));
        assert!(
            max - min <= 3.0 * style.title.size + 0.5,
            "{title}: unbalanced {texts:?} {w:?}"
        );
    }
}

#[test]
fn glyphs_by_face_lists_every_glyph_of_the_text_once_before_any_page_is_made() {
    // Issue 12: the PDF writer starts each font's subset work from this list while it draws
    // the pages, so it must hold what the text draws (only page furniture, such as page
    // numbers and running heads, may be missing), each face once, each id once, ascending.
    let doc = sample();
    let mut log = Log::default();
    let style = Style::handout();
    let fonts = FontSet::bundled();
    let mut stream = paiban::layout::pages(
        &doc,
        &style,
        &fonts,
        ImageSource::new(Path::new(".")),
        &mut log,
    );
    let known = stream.glyphs_by_face();
    assert!(
        known.len() >= 3,
        "{} faces (Song, Hei, Kai at least)",
        known.len()
    );
    let key = |f: &paiban::layout::Face| (f.data().as_ptr() as usize, f.index);
    let faces: BTreeSet<_> = known.iter().map(|(f, _)| key(f)).collect();
    assert_eq!(faces.len(), known.len(), "a face listed twice");
    for (_, ids) in &known {
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "ids not ascending once"
        );
    }
    let mut drawn = 0;
    for page in stream.by_ref() {
        for item in &page.items {
            let paiban::layout::page::ItemKind::Glyphs(run) = &item.kind else {
                continue;
            };
            if item.tag.is_none() {
                continue; // page furniture
            }
            let (_, ids) = known
                .iter()
                .find(|(f, _)| key(f) == key(&run.face))
                .expect("the run's face is listed");
            for g in &run.glyphs {
                assert!(ids.binary_search(&g.id).is_ok(), "glyph {} missing", g.id);
                drawn += 1;
            }
        }
    }
    assert!(drawn > 5_000, "only {drawn} glyphs of text drawn");
}
