//! T30 in the gongwen PDF: the GB/T 9704 §7 版头 (red 发文机关标志, 发文字号 and 签发人, red
//! separator), the 主送 line, the 附件说明, 署名 and 成文日期, and the 版记 at the foot of the
//! last page, from the front matter of `tests/fixtures/gongwen/notice.md` (and `report.md`,
//! an upward document with 签发人). Measured on glyph positions and colours (`mutool draw -F
//! stext`) and, for the rules, on pixels of the page rendered by pdftoppm.

use super::support::fixture;
use super::support::images::rgb_image;
use super::support::pdf::{han, run, stext_lines, VLine};
use crate::support::gongwen::{ASCENT_EM, HEIGHT, LEFT, MM, TOP, WIDTH};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// pdftoppm resolution of the rule checks: 2 pixels a point.
const DPI: f32 = 144.0;

fn pitch() -> f32 {
    HEIGHT / 22.0
}

fn cell() -> f32 {
    WIDTH / 28.0
}

/// One converted fixture: its pages of lines, the CLI's stderr, and the PDF (kept with
/// its folder).
struct Out {
    pages: Vec<Vec<VLine>>,
    stderr: String,
    pdf: PathBuf,
    _dir: tempfile::TempDir,
}

fn convert(name: &str) -> Out {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join(format!("{name}.pdf"));
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .arg("convert")
        .arg(fixture(&format!("gongwen/{name}.md")))
        .args(["--style", "gongwen", "-o"])
        .arg(&pdf)
        .output()
        .expect("paiban runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "paiban convert failed: {stderr}");
    Out {
        pages: stext_lines(&pdf),
        stderr,
        pdf,
        _dir: dir,
    }
}

/// The notice: every field, no 签发人.
fn notice() -> &'static Out {
    static OUT: OnceLock<Out> = OnceLock::new();
    OUT.get_or_init(|| convert("notice"))
}

/// The report: 签发人, `date` as the 成文日期, one 抄送.
fn report() -> &'static Out {
    static OUT: OnceLock<Out> = OnceLock::new();
    OUT.get_or_init(|| convert("report"))
}

/// A line's text without the spaces stext puts in T15 gaps.
fn squeezed(l: &VLine) -> String {
    l.text().chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first line of `page` whose text (spaces dropped) starts with `start`.
fn line<'a>(page: &'a [VLine], start: &str) -> &'a VLine {
    page.iter()
        .find(|l| squeezed(l).starts_with(start))
        .unwrap_or_else(|| {
            let texts: Vec<String> = page.iter().map(squeezed).collect();
            panic!("no line starting {start:?} in {texts:#?}")
        })
}

fn left(l: &VLine) -> f32 {
    l.ink()[0].x
}

fn right(l: &VLine) -> f32 {
    l.ink().last().unwrap().x1
}

/// Horizontal rules of page `page` (0-based) drawn in colours `is_ink` accepts: runs of
/// pixel rows in which such pixels cover at least 90 % of the text width, as (top, bottom,
/// leftmost x, rightmost x) in points.
fn rules(pdf: &std::path::Path, page: usize, is_ink: fn([u8; 3]) -> bool) -> Vec<[f32; 4]> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let n = (page + 1).to_string();
    run(
        "pdftoppm",
        &[
            "-r",
            "144",
            "-f",
            &n,
            "-l",
            &n,
            "-png",
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let (w, px) = rgb_image(&std::fs::read(prefix.with_extension("png")).unwrap());
    let pt = 72.0 / DPI;
    let need = (WIDTH / pt * 0.9) as usize;
    let mut out: Vec<[f32; 4]> = Vec::new();
    let mut last_row = None;
    for (r, row) in px.chunks(w).enumerate() {
        let ink: Vec<usize> = (0..w).filter(|&x| is_ink(row[x])).collect();
        if ink.len() < need {
            continue;
        }
        let (x0, x1) = (ink[0] as f32 * pt, (ink[ink.len() - 1] + 1) as f32 * pt);
        let (top, bottom) = (r as f32 * pt, (r + 1) as f32 * pt);
        match out.last_mut() {
            Some(rule) if last_row == Some(r - 1) => rule[1] = bottom,
            _ => out.push([top, bottom, x0, x1]),
        }
        last_row = Some(r);
    }
    out
}

fn red(p: [u8; 3]) -> bool {
    p[0] > 200 && p[1] < 80 && p[2] < 80
}

fn black(p: [u8; 3]) -> bool {
    p.iter().all(|&c| c < 100)
}

#[test]
fn t30_issuer_is_red_centred_36_pt_35_mm_under_the_text_top() {
    let page = &notice().pages[0];
    let issuer = line(page, "青禾县人民政府文件");
    assert_eq!(squeezed(issuer), "青禾县人民政府文件");
    for g in issuer.ink() {
        assert_eq!(g.colour, "#ff0000", "{g:?}");
        assert!((g.size - 36.0).abs() < 0.1, "{g:?}");
    }
    let centre = (left(issuer) + right(issuer)) / 2.0;
    assert!(
        (centre - (LEFT + WIDTH / 2.0)).abs() < 1.0,
        "centre {centre}"
    );
    // GB/T 9704 7.2.3: its top 35 mm under the top of the text block.
    let top = issuer.y - ASCENT_EM * 36.0;
    assert!((top - (TOP + 35.0 * MM)).abs() < 1.0, "top {top}");
    // All other text is black.
    for l in page.iter().filter(|l| !std::ptr::eq(*l, issuer)) {
        assert!(l.ink().iter().all(|g| g.colour == "#000000"), "{l:?}");
    }
}

#[test]
fn t30_number_centred_two_lines_under_the_issuer_and_the_red_rule_4_mm_under_it() {
    let out = notice();
    let page = &out.pages[0];
    let issuer = line(page, "青禾县人民政府文件");
    let number = line(page, "青政发");
    // W-FWZH: `[2024]` printed in 〔〕.
    assert_eq!(squeezed(number), "青政发〔2024〕7号");
    let centre = (left(number) + right(number)) / 2.0;
    assert!(
        (centre - (LEFT + WIDTH / 2.0)).abs() < 1.0,
        "centre {centre}"
    );
    assert!(number.ink().iter().all(|g| (g.size - 16.0).abs() < 0.1));
    // 下空二行: at least two body lines between the 标志's em box and the number's.
    let gap = (number.y - ASCENT_EM * 16.0) - (issuer.y + (1.0 - ASCENT_EM) * 36.0);
    assert!(gap >= 2.0 * pitch() && gap < 3.0 * pitch(), "gap {gap}");
    // The red separator (7.2.6): as wide as the text block, 4 mm under the number.
    let reds = rules(&out.pdf, 0, red);
    assert_eq!(reds.len(), 1, "{reds:?}");
    let [top, _, x0, x1] = reds[0];
    let under = top - (number.y + (1.0 - ASCENT_EM) * 16.0);
    assert!(
        (under - 4.0 * MM).abs() <= 0.5 * MM,
        "rule {under} pt under the number"
    );
    assert!(
        (x0 - LEFT).abs() < 1.5 && (x1 - (LEFT + WIDTH)).abs() < 1.5,
        "{x0}..{x1}"
    );
    // The title (二号) two lines under the rule.
    let title = line(page, "青禾县人民政府关于");
    assert!(title.ink().iter().all(|g| (g.size - 22.0).abs() < 0.1));
    let below = (title.y - ASCENT_EM * 22.0) - reds[0][1];
    assert!(
        below > 1.5 * pitch() && below < 3.0 * pitch(),
        "title {below} pt under the rule"
    );
}

#[test]
fn t30_addressee_flush_left_one_line_under_the_title_ending_with_a_colon() {
    let page = &notice().pages[0];
    let title_last = line(page, "开展社区图书角");
    let addressee = line(page, "各乡镇");
    assert_eq!(squeezed(addressee), "各乡镇人民政府，县政府各部门：");
    assert!(
        (left(addressee) - LEFT).abs() < 0.5,
        "x {}",
        left(addressee)
    );
    // 标题下空一行: one blank line between the title's last line and the addressee.
    let d = addressee.y - title_last.y;
    assert!(d > 1.5 * pitch() && d < 2.5 * pitch(), "{d}");
    // The body follows at once, indented two cells.
    let body = line(page, "为丰富");
    assert!((body.y - addressee.y - pitch()).abs() < 0.3);
    assert!((left(body) - (LEFT + 2.0 * cell())).abs() < 0.5);
}

#[test]
fn t30_attachments_numbered_two_cells_in_each_under_the_first() {
    let out = notice();
    let last = out.pages.last().unwrap();
    let first = line(last, "附件：1.");
    let second = line(last, "2.");
    assert_eq!(
        squeezed(first),
        "附件：1.青禾县二〇二四年社区图书角建设任务分解表及各"
    );
    assert_eq!(squeezed(second), "2.青禾县社区图书角管理办法（试行）");
    assert!((left(first) - (LEFT + 2.0 * cell())).abs() < 0.5);
    let one = first.ink().iter().find(|g| g.c == '1').unwrap().x;
    assert!(
        (left(second) - one).abs() < 0.5,
        "{} vs {one}",
        left(second)
    );
    // 7.3.4: a long name's run-over line starts under the name's first character, and
    // every name starts at the same x.
    let name_x = |l: &VLine| l.ink().iter().find(|g| g.c == '青').unwrap().x;
    let over = line(last, "乡镇完成时限安排");
    assert!((left(over) - name_x(first)).abs() < 0.5, "{}", left(over));
    assert!((name_x(second) - name_x(first)).abs() < 0.5);
    assert!((over.y - first.y - pitch()).abs() < 0.3);
    assert!((second.y - over.y - pitch()).abs() < 0.3);
    // 正文下空一行.
    let body_end = line(last, "工作中遇到的问题");
    let d = first.y - body_end.y;
    assert!((d - 2.0 * pitch()).abs() < 0.3, "{d}");
}

#[test]
fn t30_date_ends_four_cells_in_and_the_signature_is_centred_on_it() {
    let out = notice();
    let last = out.pages.last().unwrap();
    let date = line(last, "2024年3月5日");
    assert_eq!(squeezed(date), "2024年3月5日", "W-DATE normalised the date");
    let inside = LEFT + WIDTH - right(date);
    assert!((inside - 64.0).abs() <= 2.0, "date ends {inside} pt inside");
    let sig = line(last, "青禾县人民政府");
    assert_eq!(squeezed(sig), "青禾县人民政府");
    assert!((date.y - sig.y - pitch()).abs() < 0.3);
    let c = |l: &VLine| (left(l) + right(l)) / 2.0;
    assert!((c(sig) - c(date)).abs() < 1.0, "{} vs {}", c(sig), c(date));
}

#[test]
fn t30_record_sits_at_the_foot_of_the_last_page_between_rules() {
    let out = notice();
    let n = out.pages.len() - 1;
    let last = &out.pages[n];
    let cc = line(last, "抄送：");
    assert_eq!(
        squeezed(cc),
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。"
    );
    assert!((left(cc) - (LEFT + cell())).abs() < 0.5, "{}", left(cc));
    assert!(cc.ink().iter().all(|g| (g.size - 14.0).abs() < 0.1));
    let printed = line(last, "青禾县人民政府办公室");
    assert!(
        squeezed(printed).ends_with("2024年3月6日印发"),
        "{}",
        printed.text()
    );
    assert!((left(printed) - (LEFT + cell())).abs() < 0.5);
    assert!((LEFT + WIDTH - cell() - right(printed)).abs() < 1.0);
    // The last line of the text block: in its last grid line.
    assert!(
        printed.y < TOP + HEIGHT && printed.y > TOP + HEIGHT - pitch(),
        "{}",
        printed.y
    );
    assert!((printed.y - cc.y - pitch()).abs() < 0.3);
    // Thick, thin, thick; the last on the text block's bottom edge (7.4.1).
    let blacks = rules(&out.pdf, n, black);
    assert_eq!(blacks.len(), 3, "{blacks:?}");
    assert!((blacks[2][1] - (TOP + HEIGHT)).abs() < 1.0, "{blacks:?}");
    assert!(blacks[0][1] <= cc.y - ASCENT_EM * 14.0, "{blacks:?}");
    assert!(blacks[1][0] > cc.y && blacks[1][1] < printed.y - ASCENT_EM * 14.0);
    let thick = |r: &[f32; 4]| r[1] - r[0];
    assert!(thick(&blacks[0]) >= thick(&blacks[1]) && thick(&blacks[2]) >= thick(&blacks[1]));
    // Not on the pages before.
    for page in &out.pages[..n] {
        assert!(!page.iter().any(|l| squeezed(l).starts_with("抄送")));
    }
}

#[test]
fn t30_signer_number_left_and_signer_right_on_one_line() {
    let page = &report().pages[0];
    let number = line(page, "青政发");
    let texts = squeezed(number);
    assert_eq!(texts, "青政发〔2024〕9号签发人：林远山");
    let glyphs = number.ink();
    assert!(
        (glyphs[0].x - (LEFT + cell())).abs() < 0.5,
        "{}",
        glyphs[0].x
    );
    assert!((LEFT + WIDTH - cell() - right(number)).abs() < 1.0);
    // 7.2.5: the name in Kai, the label in FangSong.
    let name: Vec<_> = glyphs.iter().rev().take(3).collect();
    assert!(name.iter().all(|g| g.font.contains("WenKai")), "{name:?}");
    let label = glyphs.iter().find(|g| g.c == '签').unwrap();
    assert!(label.font.contains("Fangsong"), "{label:?}");
    // The report's `date:` is its 成文日期; the 署名 is the issuer without 文件.
    let last = report().pages.last().unwrap();
    assert_eq!(squeezed(line(last, "青禾县人民政府")), "青禾县人民政府");
    assert!(last.iter().any(|l| squeezed(l) == "2024年4月2日"));
}

#[test]
fn t30_zero_padded_date_and_bracketed_year_warn_naming_their_lines() {
    let err = &notice().stderr;
    assert!(
        err.contains("notice.md:9: warning: [W-DATE]"),
        "no W-DATE for 2024年03月05日: {err}"
    );
    assert!(err.contains("notice.md:3: warning: [W-FWZH]"), "{err}");
    // `2024-03-06` is converted without a warning; the report has nothing to warn about.
    assert!(!err.contains("notice.md:13:"), "{err}");
    assert!(!report().stderr.contains("warning"), "{}", report().stderr);
}

#[test]
fn t30_every_han_character_of_the_fixtures_comes_back() {
    for (name, out) in [("notice", notice()), ("report", report())] {
        let src = std::fs::read_to_string(fixture(&format!("gongwen/{name}.md"))).unwrap();
        // Front-matter keys are not printed; their values and the body are.
        let printed: String = src
            .lines()
            .map(|l| match l.split_once(": ") {
                Some((key, value)) if !key.starts_with(' ') => value,
                _ => l,
            })
            .collect();
        let count = |s: &str| {
            let mut m = BTreeMap::new();
            for c in han(s).chars() {
                *m.entry(c).or_insert(0) += 1;
            }
            m
        };
        let pdf: String = out.pages.iter().flatten().map(VLine::text).collect();
        let have = count(&pdf);
        for (c, n) in count(&printed) {
            let got = have.get(&c).copied().unwrap_or(0);
            assert!(
                got >= n,
                "{name}: {c} {n} times in the source, {got} in the PDF"
            );
        }
    }
}

#[test]
fn t30_an_issuer_wider_than_the_text_is_set_smaller_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("joint.md");
    let issuer = "青禾县人民政府办公室青禾县文化和旅游局联合文件";
    std::fs::write(
        &md,
        format!("---\n发文机关: {issuer}\n发文字号: 青政办〔2024〕3号\n---\n\n# 关于联合开展读书月活动的通知\n\n正文。\n"),
    )
    .unwrap();
    let pdf = dir.path().join("joint.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .arg("convert")
        .arg(&md)
        .args(["--style", "gongwen", "-o"])
        .arg(&pdf)
        .output()
        .expect("paiban runs");
    assert!(out.status.success());
    let pages = stext_lines(&pdf);
    let l = line(&pages[0], "青禾县人民政府办公室");
    assert_eq!(squeezed(l), issuer, "one line");
    let size = l.ink()[0].size;
    assert!(size < 36.0 && size > 18.0, "size {size}");
    assert!(left(l) >= LEFT - 0.5 && right(l) <= LEFT + WIDTH + 0.5);
    // Its top stays 35 mm under the text block's top.
    assert!((l.y - ASCENT_EM * size - (TOP + 35.0 * MM)).abs() < 1.0);
}
