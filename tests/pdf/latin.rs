//! Latin inside Chinese in the PDF: T25 quote faces and widths, and English hyphenation
//! (T8, T16), checked on the written file with mutool stext and pdftotext.

use crate::support::load;
use crate::support::pdf::*;
use std::path::PathBuf;

/// Writes `md` as `NAME.md`, renders it and returns the PDF's visual lines and pdftotext.
fn pdf_of(name: &str, md: &str) -> (Vec<VLine>, String) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf_latin");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join(format!("{name}.md"));
    std::fs::write(&src, md).unwrap();
    let (path, _, _) = rendered(&load(&src), &dir, &format!("{name}.pdf"));
    let lines = stext_lines(&path).into_iter().flatten().collect();
    let text = run("pdftotext", &[path.to_str().unwrap(), "-"]);
    (lines, text)
}

/// The glyph after the `n`-th (0-based) `c` of the page, with the glyph itself.
fn glyph_after(lines: &[VLine], c: char, n: usize) -> (&Glyph, &Glyph) {
    let all: Vec<&Glyph> = lines.iter().flat_map(|l| l.glyphs.iter()).collect();
    let i = all
        .iter()
        .enumerate()
        .filter(|(_, g)| g.c == c)
        .nth(n)
        .unwrap_or_else(|| panic!("no {n}th {c}"))
        .0;
    (all[i], all[i + 1])
}

#[test]
fn t25_apostrophe_in_its_is_latin_and_chinese_quotes_take_a_one_em_box() {
    let (lines, text) = pdf_of(
        "t25",
        "他说“好的”，然后说 it’s fine and don’t worry 就走了。\n\n\
         > 引文里 it’s 也一样，他说“对”。\n",
    );
    assert!(
        text.contains("it’s fine") && text.contains("don’t"),
        "{text}"
    );
    // Body (Song, Noto Serif CJK): the apostrophe is Noto's proportional quote, a quarter
    // em and not the 1 em full-width glyph the face maps U+2019 to by default.
    for n in 0..2 {
        let (q, next) = glyph_after(&lines, '’', n);
        let w = (next.x - q.x) / q.size;
        assert!(
            q.font.contains("NotoSerifCJK") && (0.15..0.45).contains(&w),
            "’ #{n}: {} {w} em",
            q.font
        );
    }
    // The CJK-context opening quote sits in a 1 em box (ink right: the glyph starts half an
    // em or more after the Han character before it).
    let (han, quote) = glyph_after(&lines, '说', 0);
    assert_eq!(quote.c, '“');
    assert!(quote.font.contains("NotoSerifCJK"), "{}", quote.font);
    let (_, after) = glyph_after(&lines, '“', 0);
    let box_em = (after.x - han.x) / han.size - 1.0;
    assert!((box_em - 1.0).abs() < 0.05, "“ box {box_em} em");
    // In the Kai quote the apostrophe is WenKai's own narrow glyph.
    let (q, next) = glyph_after(&lines, '’', 2);
    assert!(q.font.contains("WenKai"), "{}", q.font);
    assert!((next.x - q.x) / q.size < 0.45);
}

/// A justified paragraph, Chinese and English mixed, whose long English words fall at line
/// ends; then code, a URL and Chinese that must never be hyphenated.
const MIXED: &str = "排版引擎在处理中英文混排的段落时，typesetting engines should hyphenate \
extraordinarily long English words automatically whenever justification would otherwise \
produce unacceptably loose lines, particularly with incomprehensible, multidimensional, \
interdisciplinary terminology and internationalization considerations，中文不能加连字符。

代码`internationalization_configuration_characterization_responsibilities_considerations_extraordinarily`和网址 https://example.com/internationalization/characterization/responsibilities/considerations/extraordinarily 都不得断开加连字符，汉字排版也不用连字符号。
";

#[test]
fn t8_long_english_words_are_hyphenated_at_line_ends() {
    let (lines, text) = pdf_of("t8_mixed", MIXED);
    let hyphenated: Vec<String> = lines
        .iter()
        .map(|l| l.text())
        .filter(|t| {
            let t = t.trim_end();
            t.ends_with('-')
                && t.chars()
                    .rev()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_lowercase())
        })
        .collect();
    assert!(!hyphenated.is_empty(), "no hyphenated line");
    // Each hyphenated line ends in the first part of a word of the source; the next line
    // starts with the rest.
    for (k, l) in lines.iter().enumerate() {
        let t = l.text();
        let t = t.trim_end();
        if !t.ends_with('-') || !hyphenated.iter().any(|h| h.trim_end() == t) {
            continue;
        }
        let head: String = t[..t.len() - 1]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = lines[k + 1]
            .text()
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        let word = format!("{head}{tail}");
        assert!(
            head.len() >= 2 && tail.len() >= 3 && MIXED.contains(&format!(" {word}")),
            "{head}- | {tail}"
        );
        // pdftotext still finds both parts.
        assert!(
            text.contains(&head) && text.contains(&tail),
            "{head}/{tail}"
        );
    }
}

#[test]
fn t8_code_urls_and_chinese_are_never_hyphenated() {
    let (lines, text) = pdf_of("t8_never", MIXED);
    // Lines of the second paragraph (code, URL, Chinese) never end in an added hyphen.
    let start = lines
        .iter()
        .position(|l| l.text().starts_with("代码"))
        .expect("second paragraph");
    for l in &lines[start..] {
        let t = l.text();
        assert!(!t.trim_end().ends_with('-'), "hyphen added: {t}");
    }
    // No Han character is followed by a hyphen anywhere.
    for l in &lines {
        let chars: Vec<char> = l.text().chars().collect();
        for w in chars.windows(2) {
            assert!(!(is_han(w[0]) && w[1] == '-'), "{}", l.text());
        }
    }
    assert!(
        text.contains("https://example.com/internationalization"),
        "{text}"
    );
}

#[test]
fn t8_hyphenation_off_in_the_style_leaves_words_whole() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf_latin");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("t8_off.md");
    std::fs::write(&src, MIXED).unwrap();
    let doc = load(&src);
    let mut style = paiban::style::Style::handout();
    style.paragraph.hyphenate = false;
    let options = paiban::backend::RenderOptions {
        source_date_epoch: Some(0),
        ..Default::default()
    };
    let ctx = paiban::backend::Context {
        style: &style,
        options: &options,
        base_dir: &dir,
    };
    use paiban::backend::Backend;
    let bytes = paiban::backend::pdf::Pdf
        .render(&doc, &ctx, &mut paiban::log::Log::default())
        .expect("renders");
    let (_tmp, path) = temp_pdf(&bytes, "off.pdf");
    for l in stext_lines(&path).into_iter().flatten() {
        let t = l.text();
        let t = t.trim_end();
        let before = t.chars().rev().nth(1);
        assert!(
            !(t.ends_with('-') && before.is_some_and(|c| c.is_ascii_lowercase())),
            "{t}"
        );
    }
}
