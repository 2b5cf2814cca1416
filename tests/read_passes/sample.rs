//! Acceptance: yiwu.txt through the real text reader and every pass (issue 2).

use crate::support::{in_snapshot_folder, root, sample_path};
use paiban::ast::{map_inlines, visit_inlines, Article, Block, Document, Inline};
use paiban::log::Log;
use paiban::passes::{self, flat::plain, PassOptions};
use paiban::read::{read_file, ReadOptions};

fn load() -> (Document, Log) {
    let doc = read_file(&sample_path(), &ReadOptions::default()).expect("yiwu.txt reads");
    let mut log = Log::default();
    let doc = passes::run(doc, &PassOptions::default(), &mut log);
    (doc, log)
}

/// A compact outline: one line per block, headings with level and id, paragraphs by their
/// first and last characters, bylines and meta.
fn outline(doc: &Document) -> String {
    fn ends(s: &str) -> String {
        let v: Vec<char> = s.chars().collect();
        if v.len() <= 24 {
            return s.to_string();
        }
        let a: String = v[..12].iter().collect();
        let b: String = v[v.len() - 8..].iter().collect();
        format!("{a}…{b} ({} chars)", v.len())
    }
    fn blocks(out: &mut String, bs: &[Block], indent: &str) {
        for b in bs {
            match b {
                Block::Article(a) => {
                    out.push_str(&format!("{indent}ARTICLE #{} line {}\n", a.id, a.line));
                    out.push_str(&format!("{indent}  title: {}\n", plain(&a.title)));
                    if let Some(s) = &a.subtitle {
                        out.push_str(&format!("{indent}  subtitle: {}\n", plain(s)));
                    }
                    blocks(out, &a.body, "    ");
                    for by in &a.bylines {
                        out.push_str(&format!(
                            "{indent}  byline: {} / {} (line {})\n",
                            by.name, by.affiliation, by.line
                        ));
                    }
                }
                Block::Heading(h) => {
                    out.push_str(&format!(
                        "{indent}H{} #{} line {}: {}{}\n",
                        h.level,
                        h.id,
                        h.line,
                        plain(&h.content),
                        if h.run_in.is_empty() {
                            String::new()
                        } else {
                            format!(" | run-in: {}", ends(&plain(&h.run_in)))
                        }
                    ));
                }
                Block::Para(p) => {
                    out.push_str(&format!(
                        "{indent}P line {}: {}\n",
                        p.line,
                        ends(&plain(&p.content))
                    ));
                }
                other => out.push_str(&format!("{indent}{other:?}\n")),
            }
        }
    }
    let mut out = String::new();
    out.push_str(&format!(
        "title: {:?}\nsubtitle: {:?}\nauthors: {:?}\n",
        doc.meta.title, doc.meta.subtitle, doc.meta.authors
    ));
    blocks(&mut out, &doc.blocks, "");
    out
}

fn articles(doc: &Document) -> Vec<&Article> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Article(a) => Some(a),
            _ => None,
        })
        .collect()
}

/// (level, text) of every heading of an article body.
fn headings(a: &Article) -> Vec<(u8, String)> {
    a.body
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some((h.level, plain(&h.content))),
            _ => None,
        })
        .collect()
}

/// Every inline sequence of the document as plain text.
fn all_texts(doc: &Document) -> Vec<String> {
    let mut d = doc.clone();
    let mut out = Vec::new();
    map_inlines(&mut d, &mut |seq, _| out.push(plain(seq)));
    out
}

#[test]
fn sample_outline_snapshot() {
    let (doc, log) = load();
    let warnings: Vec<_> = log.warnings().collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    in_snapshot_folder(|| insta::assert_snapshot!(outline(&doc)));
}

#[test]
fn sample_articles_titles_subtitle_bylines() {
    let (doc, _) = load();
    let arts = articles(&doc);
    assert_eq!(arts.len(), 2, "two articles");
    assert!(
        doc.blocks.iter().all(|b| matches!(b, Block::Article(_))),
        "nothing outside the articles"
    );
    assert_eq!(
        plain(&arts[0].title),
        "坚持和深化“义乌发展经验”\u{3000}加快打造中国式现代化县域典范"
    );
    assert_eq!(
        plain(&arts[1].title),
        "深入践行“五个结合”\u{3000}加快打造中国式现代化县域典范"
    );
    let sub = plain(arts[0].subtitle.as_ref().expect("article 1 has a subtitle"));
    assert!(sub.starts_with("深学笃行"), "{sub}");
    assert!(arts[1].subtitle.is_none());
    let names: Vec<&str> = arts
        .iter()
        .flat_map(|a| a.bylines.iter().map(|b| b.name.as_str()))
        .collect();
    assert_eq!(names, ["吴伟华", "徐应红", "汪旺旺"]);
    assert_eq!(arts[0].bylines[0].affiliation, "中共义乌市委党校副校长");
    assert_eq!(doc.meta.authors, ["吴伟华", "徐应红", "汪旺旺"]);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some(plain(&arts[0].title).as_str())
    );
    assert_eq!(doc.meta.subtitle.as_deref(), Some(sub.as_str()));
}

#[test]
fn sample_heading_levels() {
    let (doc, _) = load();
    let arts = articles(&doc);
    let h1 = headings(arts[0]);
    assert_eq!(h1.len(), 6, "{h1:?}");
    for ((level, text), num) in h1
        .iter()
        .zip(["一、", "二、", "三、", "四、", "五、", "六、"])
    {
        assert_eq!(*level, 1);
        assert!(text.starts_with(num), "{text}");
    }
    let h2 = headings(arts[1]);
    let want: [(u8, &str); 10] = [
        (1, "一、"),
        (2, "1."),
        (2, "2."),
        (2, "3."),
        (1, "二、"),
        (2, "锚定全局靶向发力"),
        (2, "传承根基迭代突破"),
        (2, "统筹协同均衡发展"),
        (2, "4."),
        (2, "5."),
    ];
    assert_eq!(h2.len(), want.len(), "{h2:?}");
    for ((level, text), (wl, wt)) in h2.iter().zip(want) {
        assert_eq!((*level, text.starts_with(wt)), (wl, true), "{text}");
    }
    // Ids are unique.
    let mut ids: Vec<String> = Vec::new();
    for a in &arts {
        ids.push(a.id.clone());
        for b in &a.body {
            if let Block::Heading(h) = b {
                ids.push(h.id.clone());
            }
        }
    }
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

#[test]
fn sample_cut_paragraphs_joined() {
    let (doc, log) = load();
    let texts = all_texts(&doc);
    for joined in ["高能级科创平台", "从内陆小城升级为", "必然要求经济、民生"]
    {
        assert!(
            texts.iter().any(|t| t.contains(joined)),
            "{joined} not joined"
        );
    }
    for tail in ["级科创平台", "升级为开放型", "济、民生"] {
        assert!(
            !texts.iter().any(|t| t.starts_with(tail)),
            "{tail} still a paragraph"
        );
    }
    assert_eq!(
        log.entries.iter().filter(|e| e.source == "repair").count(),
        3
    );
    // Short lines (titles, headings, bylines: lines 3, 5, 11, 49) stay apart.
    for line in [3, 5, 11, 49] {
        assert!(!log
            .entries
            .iter()
            .any(|e| e.source == "repair" && e.line == line));
    }
}

#[test]
fn sample_clean_text() {
    let (doc, _) = load();
    for t in all_texts(&doc) {
        assert!(!t.contains("**"), "{t}");
        assert!(!t.starts_with("- ") && !t.starts_with('•'), "{t}");
        let chars: Vec<char> = t.chars().collect();
        for w in chars.windows(2) {
            let han = ('\u{4e00}'..='\u{9fff}').contains(&w[0]);
            assert!(
                !(han && matches!(w[1], ',' | ';' | '!')),
                "ASCII `{}` after Han in {t}",
                w[1]
            );
        }
    }
}

#[test]
fn sample_numbers_untouched() {
    let (doc, _) = load();
    let mut texts: Vec<String> = Vec::new();
    let mut d = doc.clone();
    map_inlines(&mut d, &mut |seq, _| {
        visit_inlines(seq, &mut |i| {
            if let Inline::Text(t) = i {
                texts.push(t.clone());
            }
        })
    });
    assert!(
        texts.iter().any(|t| t.contains("2693.3")),
        "2693.3 kept whole in one text node"
    );
    assert!(
        texts.iter().any(|t| t.contains("2025")),
        "2025 kept whole in one text node"
    );
    assert!(all_texts(&doc)
        .iter()
        .any(|t| t.contains("2025年GDP达2693.3亿元")));
}

#[test]
fn sample_without_cleanup_keeps_source_punctuation() {
    let doc = read_file(&sample_path(), &ReadOptions::default()).expect("yiwu.txt reads");
    let opts = PassOptions {
        cleanup: false,
        infer_structure: true,
    };
    let mut log = Log::default();
    let doc = passes::run(doc, &opts, &mut log);
    assert_eq!(articles(&doc).len(), 2);
    let texts = all_texts(&doc);
    assert!(
        texts.iter().any(|t| t.contains("近日,习近平")),
        "T2 is clean-up"
    );
    assert!(
        texts.iter().any(|t| t.ends_with("高能")),
        "repair is clean-up"
    );
    assert!(!log
        .entries
        .iter()
        .any(|e| ["markup", "repair", "punct"].contains(&e.source.as_str())));
}

/// The tests read their own copy of the sample; it must stay the file the README converts.
#[test]
fn sample_copy_is_byte_identical_to_input_yiwu_txt() {
    let copy = std::fs::read(sample_path()).expect("tests/fixtures/yiwu.txt");
    let original = std::fs::read(root().join("input/yiwu.txt")).expect("input/yiwu.txt");
    assert!(
        copy == original,
        "tests/fixtures/yiwu.txt differs from input/yiwu.txt: copy input/yiwu.txt over it"
    );
}
