//! The `gongwen` preset (GB/T 9704-2012) measured on glyph positions (`mutool draw -F
//! stext`) of `paiban convert input/yiwu.txt --style gongwen`: the 22 × 28 grid in the
//! 156 × 225 mm text block, 16 pt body, the first baseline under the 37 mm top margin, and
//! 14 pt page numbers on the outside edge 7 mm under the text block.

use super::support::pdf::{stext_lines, VLine};
use super::support::sample_path;
use crate::support::gongwen::{ASCENT_EM, CHARS, HEIGHT, LEFT, LINES, MM, TOP, WIDTH};
use paiban::text::chars::{is_cjk, is_close, is_open, is_stop};
use std::process::Command;
use std::sync::OnceLock;

fn pitch() -> f32 {
    HEIGHT / LINES as f32
}

fn cell() -> f32 {
    WIDTH / CHARS as f32
}

/// Pages of visual lines of the sample set in gongwen, and the CLI's stderr.
fn sample() -> &'static (Vec<Vec<VLine>>, String) {
    static OUT: OnceLock<(Vec<Vec<VLine>>, String)> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("gongwen.pdf");
        let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
            .arg("convert")
            .arg(sample_path())
            .args(["--style", "gongwen", "-o"])
            .arg(&pdf)
            .output()
            .expect("paiban runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "paiban convert failed: {stderr}");
        (stext_lines(&pdf), stderr)
    })
}

/// The lines inside the text block (page numbers sit under it).
fn text_lines(page: &[VLine]) -> Vec<&VLine> {
    page.iter().filter(|l| l.y < TOP + HEIGHT).collect()
}

/// The page number line of a page.
fn number_line(page: &[VLine]) -> &VLine {
    let under: Vec<&VLine> = page.iter().filter(|l| l.y > TOP + HEIGHT).collect();
    assert_eq!(under.len(), 1, "one line under the text block: {under:?}");
    under[0]
}

/// The size of a line's glyphs (they share one).
fn size(line: &VLine) -> f32 {
    line.ink().first().map_or(0.0, |g| g.size)
}

/// The 0-based grid row a line of glyphs of its size sits in: its em box is centred in the
/// row, as every line of the layout is. Panics if the line is off the grid by > 0.3 pt.
fn row(line: &VLine) -> usize {
    let size = size(line);
    let offset = (pitch() - size) / 2.0 + ASCENT_EM * size;
    let rows = (line.y - TOP - offset) / pitch();
    let nearest = rows.round();
    assert!(
        (rows - nearest).abs() * pitch() <= 0.3 && nearest >= 0.0,
        "page {} line {:?} at y {} is off the line grid ({rows} rows)",
        line.page + 1,
        line.text(),
        line.y
    );
    nearest as usize
}

/// Whether a page starts an article: its first line is the 22 pt title.
fn starts_article(page: &[VLine]) -> bool {
    page.first().is_some_and(|l| (size(l) - 22.0).abs() < 0.1)
}

/// GB/T 9704 5.2.1: every full body line holds exactly 28 characters, one per cell. A full
/// line is one made only of Han characters and full-width marks that is followed by a line
/// starting at the left text edge with such a character (a line cut short by an unbreakable
/// Latin word, `2025`, is not full). Kinsoku (T9) is kept on the grid: a STOP or CLOSE that
/// may not start the next line hangs past the right edge as a 29th character (Word's
/// 允许标点溢出边界), and an OPEN that may not end a line moves down and leaves the 28th
/// cell empty; every other character stays in its cell.
#[test]
fn every_full_body_line_holds_28_characters_one_per_cell() {
    let (pages, _) = sample();
    let lines: Vec<&VLine> = pages.iter().flat_map(|p| text_lines(p)).collect();
    let right = LEFT + WIDTH;
    let mut full = 0;
    let mut hanging = 0;
    let mut short = 0;
    for pair in lines.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        let ink = line.ink();
        let starts_left = next
            .ink()
            .first()
            .is_some_and(|g| (g.x - LEFT).abs() < cell() / 2.0 && is_cjk(g.c));
        if !starts_left || (size(line) - 16.0).abs() > 0.01 || !ink.iter().all(|g| is_cjk(g.c)) {
            continue;
        }
        full += 1;
        // A paragraph's first line starts after its 2-cell indent (GB/T 9704 7.3.3 空二字).
        // The cell the first glyph starts in (a narrow opening quote sits at its cell's
        // right side, T25).
        let indent = ((ink[0].x - LEFT + 0.3) / cell()).floor() as usize;
        assert!(
            indent == 0 || indent == 2,
            "{:?} starts {indent} cells in",
            line.text()
        );
        let inside: Vec<_> = ink.iter().filter(|g| g.x < right - 1.0).collect();
        // Kinsoku (T9): an OPEN mark may not end a line, so one that would take the last
        // cell starts the next line instead and leaves that cell empty.
        let pushed_open = next.ink().first().is_some_and(|g| is_open(g.c));
        if pushed_open && indent + inside.len() == CHARS - 1 {
            short += 1;
            continue;
        }
        assert_eq!(
            indent + inside.len(),
            CHARS,
            "page {}: {:?} holds {} characters after {indent} indent cells",
            line.page + 1,
            line.text(),
            inside.len()
        );
        for (i, g) in inside.iter().enumerate() {
            let cell_x = LEFT + (indent + i) as f32 * cell();
            // A narrow mark (Zhuque Fangsong's proportional quotes) sits in its 1 em box
            // (T12/T25) on the side of the text it belongs to: it must lie inside its cell.
            if g.x1 - g.x < 15.0 {
                assert!(
                    g.x > cell_x - 0.3 && g.x1 < cell_x + cell() + 0.3,
                    "page {}: {:?}: narrow '{}' at x {}..{} is not in cell {i} at {cell_x}",
                    line.page + 1,
                    line.text(),
                    g.c,
                    g.x,
                    g.x1
                );
                continue;
            }
            assert!(
                (g.x - cell_x - (cell() - 16.0) / 2.0).abs() < 0.3,
                "page {}: {:?}: '{}' at x {} is not centred in cell {i} at {cell_x}",
                line.page + 1,
                line.text(),
                g.c,
                g.x
            );
        }
        if let [.., last] = ink[..] {
            if ink.len() > CHARS {
                hanging += 1;
                assert!(
                    ink.len() == CHARS + 1 && (is_stop(last.c) || is_close(last.c)),
                    "page {}: {:?}: only one STOP/CLOSE may hang",
                    line.page + 1,
                    line.text()
                );
                assert!((last.x - (right + (cell() - 16.0) / 2.0)).abs() < 0.3);
            }
        }
    }
    assert!(full > 150, "only {full} full lines found");
    assert!(hanging < full / 4, "{hanging} of {full} lines hang a mark");
    assert!(
        short < full / 20,
        "{short} of {full} lines are short by a pushed OPEN"
    );
}

/// GB/T 9704 5.2.1: 22 lines a page. Every page but the last of each article fills the
/// grid: its first line is in row 1 and its last in row 22, each line in a row of its own;
/// the only empty row is the blank line under an article's title block.
#[test]
fn every_page_but_an_articles_last_holds_22_lines() {
    let (pages, _) = sample();
    assert!(pages.len() > 5, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        let rows: Vec<usize> = text_lines(page).iter().map(|l| row(l)).collect();
        assert!(
            rows.windows(2).all(|w| w[0] < w[1]),
            "page {}: two lines share a grid row: {rows:?}",
            i + 1
        );
        assert!(rows.last().is_some_and(|&r| r < LINES), "page {}", i + 1);
        let article_end = pages.get(i + 1).is_none_or(|next| starts_article(next));
        if article_end {
            continue;
        }
        let blank = usize::from(starts_article(page));
        assert_eq!(
            (rows[0], rows[rows.len() - 1], rows.len() + blank),
            (0, LINES - 1, LINES),
            "page {} does not hold 22 lines: rows {rows:?}",
            i + 1
        );
    }
}

/// The line pitch is 225 mm / 22 ≈ 28.99 pt (GB/T 9704 practice writes 28.95 pt): two
/// consecutive body lines on a page are one pitch apart, ± 0.3 pt.
#[test]
fn consecutive_body_baselines_are_one_grid_pitch_apart() {
    let (pages, _) = sample();
    let mut pairs = 0;
    for page in pages {
        let lines = text_lines(page);
        for w in lines.windows(2) {
            let body = |l: &VLine| (size(l) - 16.0).abs() < 0.01;
            if !(body(w[0]) && body(w[1])) || row(w[1]) != row(w[0]) + 1 {
                continue;
            }
            pairs += 1;
            let gap = w[1].y - w[0].y;
            assert!(
                (gap - 28.95).abs() <= 0.3,
                "page {}: {gap} pt between {:?} and {:?}",
                w[0].page + 1,
                w[0].text(),
                w[1].text()
            );
        }
    }
    assert!(pages.iter().map(Vec::len).sum::<usize>() > 200);
    assert!(pairs > 200, "only {pairs} pairs of consecutive body lines");
}

/// The body is 三号, 16 pt, in the bundled FangSong face (Zhuque Fangsong, the `fang` role):
/// every 16 pt glyph is Zhuque Fangsong except the 一、 Hei and （一） Kai headings', and the
/// sample needs no fallback, so there is no W-FONT warning.
#[test]
fn body_glyphs_are_16pt_zhuque_fangsong() {
    let (pages, stderr) = sample();
    let (mut fang, mut headings) = (0, 0);
    for page in pages {
        for line in text_lines(page) {
            for g in line.ink() {
                // Titles are 二号 (22 pt); everything else in the text block is 三号.
                if (g.size - 22.0).abs() < 0.01 {
                    continue;
                }
                assert!(
                    (g.size - 16.0).abs() < 0.1,
                    "page {}: '{}' of {:?} is {} pt",
                    line.page + 1,
                    g.c,
                    line.text(),
                    g.size
                );
                if g.font.contains("ZhuqueFangsong") {
                    fang += 1;
                } else {
                    // GB/T 9704 7.3.3: level-1 headings in Hei, level-2 in Kai.
                    assert!(
                        g.font.contains("NotoSansCJK") || g.font.contains("LXGWWenKai"),
                        "page {}: '{}' of {:?} is set in {}",
                        line.page + 1,
                        g.c,
                        line.text(),
                        g.font
                    );
                    headings += 1;
                }
            }
        }
    }
    assert!(fang > 5000, "{fang} FangSong glyphs");
    assert!(
        fang > 10 * headings,
        "{fang} FangSong, {headings} heading glyphs"
    );
    assert!(!stderr.contains("[W-FONT]"), "{stderr}");
}

/// The first baseline of every page sits in the first grid row under the 37 mm top margin:
/// between 37 mm and 37 mm + one pitch from the top of the page.
#[test]
fn the_first_baseline_sits_in_the_first_grid_row() {
    let (pages, _) = sample();
    for (i, page) in pages.iter().enumerate() {
        let first = text_lines(page)[0];
        assert!(
            first.y > TOP && first.y <= TOP + pitch(),
            "page {}: first baseline at {} pt, the first row is {TOP}..{}",
            i + 1,
            first.y,
            TOP + pitch()
        );
    }
}

/// GB/T 9704 7.5: page numbers in 四号 (14 pt) half-width digits between one-em dashes, the
/// em box 7 mm under the text block; odd pages flush right one cell in from the right text
/// edge, even pages flush left one cell in from the left text edge.
#[test]
fn page_numbers_are_14pt_on_the_outside_edge_7mm_under_the_text_block() {
    let (pages, _) = sample();
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let line = number_line(page);
        let ink = line.ink();
        assert_eq!(line.text().replace(' ', ""), format!("—{n}—"));
        assert!(ink.iter().all(|g| (g.size - 14.0).abs() < 0.01), "{ink:?}");
        let top = line.y - ASCENT_EM * 14.0;
        assert!(
            (top - (TOP + HEIGHT + 7.0 * MM)).abs() < 0.3,
            "page {n}: {top}"
        );
        let (left, right) = (ink[0].x, ink[ink.len() - 1].x1);
        if n % 2 == 1 {
            let want = LEFT + WIDTH - cell();
            assert!(
                (right - want).abs() < 0.5,
                "page {n}: right edge {right}, want {want}"
            );
        } else {
            let want = LEFT + cell();
            assert!(
                (left - want).abs() < 0.5,
                "page {n}: left edge {left}, want {want}"
            );
        }
    }
}
