//! Latin inside Chinese in the EPUB: T25 (a Latin-context quote is marked and drawn from a
//! Latin-width face; CJK-context quotes keep the CJK face's full-width glyph) and T8
//! English hyphenation (`hyphens: auto` only on English words marked `lang="en"`).

use crate::support::epub::*;
use crate::support::unzip;
use paiban::backend::RenderOptions;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

const DOC: &str = "# 混排

他说“好的”，然后说 it’s fine and don’t worry 就走了。

排版引擎在处理中英文混排的段落时，typesetting engines should hyphenate extraordinarily \
long words，代码`internationalization`与网址 https://example.com/internationalization 和 \
HTML、JavaScript、version2 都不断开。
";

/// The book with embedded fonts (checked with epubcheck once) or without.
fn book(embed_fonts: bool) -> BTreeMap<String, Vec<u8>> {
    static EMBEDDED: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    if embed_fonts {
        return EMBEDDED.get_or_init(|| make_book(true)).clone();
    }
    make_book(false)
}

fn make_book(embed_fonts: bool) -> BTreeMap<String, Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("epub_latin");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("latin.md");
    std::fs::write(&src, DOC).unwrap();
    let opts = RenderOptions {
        source_date_epoch: Some(0),
        embed_fonts,
        ..RenderOptions::default()
    };
    let (bytes, _, _) = render_file(&src, &opts);
    if embed_fonts {
        let (errors, warnings, out) = epubcheck(&bytes, "latin.epub");
        assert_eq!((errors, warnings), (0, 0), "{out}");
    }
    unzip(&bytes)
}

fn chapter(files: &BTreeMap<String, Vec<u8>>) -> String {
    files
        .keys()
        .filter(|k| k.ends_with(".xhtml") && !k.ends_with("nav.xhtml"))
        .map(|k| text(files, k))
        .collect()
}

#[test]
fn t25_latin_quotes_are_marked_and_take_a_latin_width_face() {
    let files = book(true);
    let x = chapter(&files);
    let css = text(&files, "EPUB/css/style.css");
    // The apostrophes are marked English and classed for the body role's Latin quotes …
    let lq = "<span class=\"lq-song\" lang=\"en\" xml:lang=\"en\">’</span>";
    assert!(
        x.contains(&format!("it{lq}s")) && x.contains(&format!("don{lq}t")),
        "{x}"
    );
    // … the Chinese quotes are not.
    assert!(x.contains("他说“好的”，"), "{x}");
    // The class's first family is an embedded face that maps only the quotes.
    let rule = css
        .lines()
        .find(|l| l.starts_with(".lq-song{"))
        .unwrap_or_else(|| panic!("no .lq-song rule:\n{css}"));
    let family = rule.split('"').nth(1).expect("a quoted family");
    let face = css
        .lines()
        .find(|l| l.starts_with("@font-face") && l.contains(&format!("\"{family}\"")))
        .unwrap_or_else(|| panic!("no @font-face for {family}:\n{css}"));
    assert!(face.contains("unicode-range:U+2019"), "{face}");
    // The embedded file's quote is Noto's proportional one (about 0.27 em), not 1 em.
    let href = face
        .split("url(\"../")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let data = &files[&format!("EPUB/{href}")];
    let f = rustybuzz::ttf_parser::Face::parse(data, 0).expect("a font");
    let g = f.glyph_index('’').expect("’ mapped");
    let em = f32::from(f.glyph_hor_advance(g).unwrap()) / f32::from(f.units_per_em());
    assert!(em > 0.15 && em < 0.5, "{em} em");
}

#[test]
fn t25_without_embedded_fonts_the_class_names_latin_families() {
    let files = book(false);
    let css = text(&files, "EPUB/css/style.css");
    let rule = css
        .lines()
        .find(|l| l.starts_with(".lq-song{"))
        .expect("rule");
    assert!(rule.contains("serif") && !rule.contains("CJK"), "{rule}");
}

#[test]
fn t8_english_words_are_marked_for_hyphens_auto_and_chinese_is_not() {
    let files = book(true);
    let x = chapter(&files);
    let css = text(&files, "EPUB/css/style.css");
    for w in ["typesetting", "hyphenate", "extraordinarily"] {
        assert!(
            x.contains(&format!("<span lang=\"en\" xml:lang=\"en\">{w}</span>")),
            "{w}: {x}"
        );
    }
    // Never code, URLs, acronyms, words with digits or capitals inside, or short words.
    for w in [
        "internationalization</code>",
        "HTML",
        "JavaScript",
        "version2",
        "long",
    ] {
        assert!(
            !x.contains(&format!("xml:lang=\"en\">{w}")),
            "{w} marked: {x}"
        );
    }
    assert!(
        x.contains("https://example.com/internationalization"),
        "{x}"
    );
    // Hyphens only where the language is English; the Chinese body keeps the default.
    let rule = css
        .lines()
        .find(|l| l.contains("hyphens:auto"))
        .unwrap_or_else(|| panic!("no hyphens rule:\n{css}"));
    assert!(rule.starts_with("span[lang=\"en\"]{"), "{rule}");
    assert!(rule.contains("-webkit-hyphens:auto") && rule.contains("hyphenate-limit-chars:6 2 3"));
    assert!(
        !css.contains("body{hyphens") && !css.contains("p{hyphens"),
        "{css}"
    );
}
