//! EPUB backend on a hand-built document: epubcheck-clean, deterministic, links, notes.

use crate::support::epub::*;
use crate::support::unzip;
use paiban::backend::RenderOptions;

#[test]
fn epubcheck_reports_no_errors_and_no_warnings() {
    let (bytes, _) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    let (errors, warnings, out) = epubcheck(&bytes, "hand.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
fn same_input_gives_same_bytes() {
    let opts = RenderOptions::default();
    let (a, _) = render(&hand_doc(), &opts, &fixtures());
    let (b, _) = render(&hand_doc(), &opts, &fixtures());
    assert!(a == b, "two renders differ");
}

#[test]
fn source_date_epoch_sets_modified_and_zip_times() {
    let opts = RenderOptions {
        source_date_epoch: Some(1_700_000_000),
        ..RenderOptions::default()
    };
    let (bytes, _) = render(&hand_doc(), &opts, &fixtures());
    let opf = text(&unzip(&bytes), "EPUB/content.opf");
    assert!(opf.contains("<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let t = zip.by_index(0).unwrap().last_modified().unwrap();
    assert_eq!((t.year(), t.month(), t.day()), (2023, 11, 14));
}

#[test]
fn identifier_follows_the_content() {
    let opts = RenderOptions::default();
    let uid = |doc| {
        let (bytes, _) = render(&doc, &opts, &fixtures());
        let opf = text(&unzip(&bytes), "EPUB/content.opf");
        let start = opf.find("urn:uuid:").unwrap();
        opf[start..start + 45].to_string()
    };
    let mut other = hand_doc();
    other.notes[0].blocks = hand_doc().notes[1].blocks.clone();
    assert_eq!(uid(hand_doc()), uid(hand_doc()));
    assert_ne!(uid(hand_doc()), uid(other));
}

#[test]
fn one_file_per_article_with_nested_nav() {
    let (bytes, _) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    let files = unzip(&bytes);
    assert!(files.contains_key("EPUB/c001.xhtml") && files.contains_key("EPUB/c002.xhtml"));
    assert!(!files.contains_key("EPUB/c003.xhtml"));
    let nav = text(&files, "EPUB/nav.xhtml");
    // article → L1 heading → run-in L2 heading, nested.
    let a = nav.find("c001.xhtml#art-1").unwrap();
    let l1 = nav.find("c001.xhtml#sec-1").unwrap();
    let l2 = nav.find("（一）坚持党的领导。").unwrap();
    let b = nav.find("c002.xhtml#art-2").unwrap();
    assert!(a < l1 && l1 < l2 && l2 < b);
    assert_eq!(
        nav[a..b].matches("<ol>").count(),
        2,
        "two nested levels under article 1"
    );
    assert!(nav.contains("epub:type=\"landmarks\""));
    let ncx = text(&files, "EPUB/toc.ncx");
    assert_eq!(ncx.matches("<navPoint ").count(), 5);
    let opf = text(&files, "EPUB/content.opf");
    for name in ["吴伟华", "张三", "李四"] {
        assert!(
            opf.contains(&format!(">{name}</dc:creator>")),
            "creator {name}"
        );
    }
    assert!(opf.contains("<dc:language>zh-CN</dc:language>"));
}

#[test]
fn every_xhtml_file_has_lang_and_xml_lang() {
    let (bytes, _) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    for (path, data) in unzip(&bytes) {
        if path.ends_with(".xhtml") {
            let s = String::from_utf8(data).unwrap();
            assert!(s.contains(r#"lang="zh-CN" xml:lang="zh-CN""#), "{path}");
        }
    }
}

#[test]
fn links_are_rewritten_or_kept_as_text_with_a_warning() {
    let (bytes, log) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    let files = unzip(&bytes);
    let c1 = text(&files, "EPUB/c001.xhtml");
    let c2 = text(&files, "EPUB/c002.xhtml");
    assert!(c1.contains(r##"<a href="c002.xhtml#sec-2">第二部分</a>"##));
    assert!(c2.contains(r##"<a href="c001.xhtml#art-1">第一篇</a>"##));
    assert!(
        c1.contains("与另一篇文章及"),
        "link to other.md kept as text"
    );
    assert!(!c1.contains("other.md"));
    assert!(c1.contains(r#"href="https://example.com/a%20b?x=1&amp;y=2""#));
    let warned = |needle: &str| log.warnings().any(|e| e.message.contains(needle));
    assert!(warned("other.md") && warned("remote.png"));
}

#[test]
fn images_are_copied_remote_ones_become_caption_lines() {
    let (bytes, _) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    let files = unzip(&bytes);
    let png = std::fs::read(fixtures().join("pic.png")).unwrap();
    assert_eq!(files["EPUB/images/img001.png"], png);
    let opf = text(&files, "EPUB/content.opf");
    assert!(opf.contains(r#"href="images/img001.png" media-type="image/png""#));
    let c1 = text(&files, "EPUB/c001.xhtml");
    assert!(c1.contains(r#"<img src="images/img001.png" alt="示意图"/>"#));
    // Issue 10: a remote image is a caption-like line with its alt text and the link.
    assert!(c1.contains(
        r#"<p class="caption">［图：远程图片］ <a href="https://example.com/remote.png">https://example.com/remote.png</a></p>"#
    ));
}

#[test]
fn footnotes_are_epub3_asides_linked_both_ways() {
    let (bytes, _) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    let files = unzip(&bytes);
    let c1 = text(&files, "EPUB/c001.xhtml");
    let c2 = text(&files, "EPUB/c002.xhtml");
    assert!(
        c1.contains(r##"<a epub:type="noteref" class="noteref" id="fnref-1" href="#fn-1">1</a>"##)
    );
    assert!(c1.contains(r#"<aside epub:type="footnote" class="fn" id="fn-1">"#));
    assert!(c1.contains(r##"<a class="fnback" href="#fnref-1">1</a>"##));
    // A second reference to note 1 from the other file points at the note's home file.
    assert!(c2.contains(r##"href="c001.xhtml#fn-1">1</a>"##));
    assert!(c2.contains(r#"id="fn-2""#) && c2.contains(r##"href="#fnref-2""##));
}

#[test]
fn typography_markup_t10_t15_t22_t24() {
    let (bytes, _) = render(&hand_doc(), &RenderOptions::default(), &fixtures());
    let files = unzip(&bytes);
    let c1 = text(&files, "EPUB/c001.xhtml");
    assert!(
        c1.contains("义乌用 Rust 写了"),
        "T15: one U+0020 per autospace"
    );
    assert!(
        c1.contains(r#"<span class="nw">——</span>思想深邃<span class="nw">……</span>"#),
        "T10"
    );
    assert!(
        c1.contains(r#"<em>重要指示 <span class="w">AI</span></em>"#),
        "T24"
    );
    assert!(
        c1.contains(
            r#"<p class="runin" id="h3"><span class="h2">（一）坚持党的领导。</span>这是根本。</p>"#
        ),
        "T22"
    );
    assert!(
        c1.contains(r#"<p class="subtitle"><span class="nw">——</span>深学笃行"#),
        "T23"
    );
    let c2 = text(&files, "EPUB/c002.xhtml");
    assert!(
        c2.contains("<code>a,b:c</code>"),
        "T26: code byte-identical"
    );
    let css = text(&files, "EPUB/css/style.css");
    for rule in [
        "line-break:strict",
        "-epub-line-break:strict",
        "text-spacing-trim:normal",
        "hanging-punctuation:none",
        "p{text-indent:2em;margin:0}",
        "text-emphasis:filled dot",
        "text-emphasis-position:under right",
        "em{font-style:normal",
        "white-space:nowrap",
        "line-height:1.75",
        "orphans:2;widows:2",
    ] {
        assert!(css.contains(rule), "CSS lacks {rule}");
    }
}

#[test]
fn no_embed_fonts_leaves_fonts_out() {
    let opts = RenderOptions {
        embed_fonts: false,
        ..RenderOptions::default()
    };
    let (bytes, _) = render(&hand_doc(), &opts, &fixtures());
    let files = unzip(&bytes);
    assert!(!files.keys().any(|k| k.contains("fonts/")));
    assert!(!text(&files, "EPUB/css/style.css").contains("@font-face"));
    let (errors, warnings, out) = epubcheck(&bytes, "nofonts.epub");
    assert_eq!((errors, warnings), (0, 0), "{out}");
}

#[test]
fn a_font_that_forbids_embedding_is_skipped_for_the_next_in_its_chain() {
    // A copy of the bundled mono font with OS/2 fsType = 2 (restricted licence embedding).
    let mut font = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fonts/DejaVuSansMono.ttf"
    ))
    .unwrap();
    let tables = u16::from_be_bytes([font[4], font[5]]) as usize;
    let os2 = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&r| &font[r..r + 4] == b"OS/2")
        .map(|r| u32::from_be_bytes(font[r + 8..r + 12].try_into().unwrap()) as usize)
        .expect("OS/2 table");
    font[os2 + 8..os2 + 10].copy_from_slice(&2u16.to_be_bytes());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("RestrictedMono.ttf"), font).unwrap();
    let opts = RenderOptions {
        font_dirs: vec![dir.path().to_path_buf()],
        ..RenderOptions::default()
    };
    let (bytes, log) = render(&hand_doc(), &opts, &fixtures());
    assert!(
        log.warnings()
            .any(|e| e.message.contains("does not allow embedding")),
        "{:?}",
        log.entries
    );
    let files = unzip(&bytes);
    let mono = files
        .keys()
        .find(|k| k.contains("dejavu-sans-mono"))
        .expect("bundled mono embedded instead");
    let bundled = unzip(&render(&hand_doc(), &RenderOptions::default(), &fixtures()).0);
    assert_eq!(
        files[mono], bundled[mono],
        "the subset comes from the bundled face"
    );
}
