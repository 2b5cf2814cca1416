//! Shared helpers for the EPUB tests: a hand-built document, rendering, unzipping and
//! running epubcheck (which must be installed: a missing validator fails the test).

use paiban::ast::*;
use paiban::backend::epub::Epub;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::log::Log;
use paiban::style::Style;
use std::collections::BTreeMap;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Folder of the EPUB fixtures.
pub fn fixtures() -> PathBuf {
    super::fixture("epub")
}

fn t(s: &str) -> Inline {
    Inline::Text(s.into())
}

fn para(content: Vec<Inline>) -> Block {
    Block::Para(Para { content, line: 1 })
}

fn heading(level: u8, text: &str, id: &str, run_in: Vec<Inline>) -> Block {
    Block::Heading(Heading {
        level,
        scale: HeadingScale::Numbered(level),
        content: vec![t(text)],
        run_in,
        id: id.into(),
        line: 1,
    })
}

/// Two articles with every block kind: headings (standalone and run-in), lists, a table,
/// code, a quote, footnotes, a local and a remote image, internal and dangling links.
pub fn hand_doc() -> Document {
    let first = Article {
        title: vec![t("坚持和深化“义乌发展经验”")],
        subtitle: Some(vec![t("深学笃行重要指示精神")]),
        body: vec![
            para(vec![
                t("近日，义乌用"),
                Inline::AutoSpace,
                t("Rust"),
                Inline::AutoSpace,
                t("写了"),
                Inline::Emph(vec![t("重要指示"), Inline::AutoSpace, t("AI")]),
                t("，"),
                Inline::Strong(vec![t("高屋建瓴")]),
                t("——思想深邃……内涵丰富"),
                Inline::NoteRef("1".into()),
                t("。"),
            ]),
            heading(1, "一、心怀“国之大者”", "sec-1", vec![]),
            para(vec![
                t("见"),
                Inline::Link(Link {
                    url: "#sec-2".into(),
                    title: None,
                    content: vec![t("第二部分")],
                }),
                t("与"),
                Inline::Link(Link {
                    url: "other.md".into(),
                    title: None,
                    content: vec![t("另一篇文章")],
                }),
                t("及"),
                Inline::Link(Link {
                    url: "https://example.com/a b?x=1&y=2".into(),
                    title: None,
                    content: vec![t("网站")],
                }),
                t("。"),
            ]),
            heading(2, "（一）坚持党的领导。", "", vec![t("这是根本。")]),
            Block::List(List {
                start: None,
                tight: true,
                items: vec![
                    ListItem {
                        checked: None,
                        blocks: vec![para(vec![t("第一项，回行顶格。")])],
                    },
                    ListItem {
                        checked: Some(true),
                        blocks: vec![para(vec![t("已完成")])],
                    },
                ],
                line: 1,
            }),
            Block::List(List {
                start: Some(3),
                tight: false,
                items: vec![ListItem {
                    checked: None,
                    blocks: vec![para(vec![t("第三步")])],
                }],
                line: 1,
            }),
            Block::Figure(Figure {
                src: "pic.png".into(),
                alt: "示意图".into(),
                title: Some("图1 示意图".into()),
                line: 1,
            }),
            Block::Figure(Figure {
                src: "https://example.com/remote.png".into(),
                alt: "远程图片".into(),
                title: None,
                line: 1,
            }),
        ],
        bylines: vec![Byline {
            name: "吴伟华".into(),
            affiliation: "中共义乌市委党校副校长".into(),
            line: 1,
        }],
        id: "art-1".into(),
        line: 1,
    };
    let second = Article {
        title: vec![t("第二篇")],
        subtitle: None,
        body: vec![
            heading(1, "二、表格与代码", "sec-2", vec![]),
            Block::Table(Table {
                aligns: vec![Align::Left, Align::Right],
                header: vec![vec![t("项目")], vec![t("数值")]],
                rows: vec![vec![vec![t("GDP")], vec![t("2693.3亿元")]]],
                caption: None,
                line: 1,
            }),
            Block::Code(CodeBlock {
                lang: Some("rust".into()),
                text: "fn main() {\n    println!(\"<a,b:c>\");\n}".into(),
                line: 1,
            }),
            Block::Quote(Quote {
                blocks: vec![para(vec![t("引文用楷体。"), Inline::NoteRef("1".into())])],
                line: 1,
            }),
            para(vec![
                t("回到"),
                Inline::Link(Link {
                    url: "#art-1".into(),
                    title: None,
                    content: vec![t("第一篇")],
                }),
                Inline::NoteRef("n2".into()),
                t("。"),
                Inline::Code("a,b:c".into()),
            ]),
            Block::Rule(Rule { line: 1 }),
        ],
        bylines: vec![
            Byline {
                name: "张三".into(),
                affiliation: String::new(),
                line: 1,
            },
            Byline {
                name: "李四".into(),
                affiliation: "讲师".into(),
                line: 1,
            },
        ],
        id: "art-2".into(),
        line: 1,
    };
    Document {
        meta: Meta::default(),
        blocks: vec![Block::Article(first), Block::Article(second)],
        notes: vec![
            Footnote {
                label: "1".into(),
                blocks: vec![para(vec![t("脚注一。")])],
                line: 1,
            },
            Footnote {
                label: "n2".into(),
                blocks: vec![para(vec![t("脚注二。")])],
                line: 1,
            },
        ],
    }
}

/// Renders with the EPUB backend; images resolve against `base`.
pub fn render(doc: &Document, opts: &RenderOptions, base: &Path) -> (Vec<u8>, Log) {
    let style = Style::handout();
    let ctx = Context {
        style: &style,
        options: opts,
        base_dir: base,
    };
    let mut log = Log::default();
    let bytes = Epub.render(doc, &ctx, &mut log).expect("epub renders");
    (bytes, log)
}

/// A file of the container as text.
pub fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} in book"))
            .clone(),
    )
    .unwrap()
}

/// Runs epubcheck on `bytes`; returns (errors + fatals, warnings, full output).
pub fn epubcheck(bytes: &[u8], name: &str) -> (usize, usize, String) {
    let jar = "/usr/share/java/epubcheck.jar";
    assert!(
        Path::new(jar).exists(),
        "epubcheck is required for this test: install the Debian package `epubcheck` ({jar})"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("java")
        .args(["-jar", jar])
        .arg(&path)
        .output()
        .expect("java must be installed to run epubcheck");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let count = |kind: &str| {
        text.lines()
            .filter(|l| l.starts_with(&format!("{kind}(")) || l.starts_with(&format!("{kind}:")))
            .count()
    };
    let errors = count("ERROR") + count("FATAL");
    let warnings = count("WARNING");
    assert!(
        text.contains("Messages:") || text.contains("No errors or warnings"),
        "epubcheck did not run:\n{text}"
    );
    (errors, warnings, text)
}

/// Reads `path` through the real readers and passes, then renders it.
pub fn render_file(path: &Path, opts: &RenderOptions) -> (Vec<u8>, Log, Document) {
    let mut log = Log::default();
    let doc = paiban::pipeline::load(
        path,
        &paiban::read::ReadOptions::default(),
        true,
        None,
        &mut log,
    )
    .expect("input loads");
    let (bytes, render_log) = render(&doc, opts, path.parent().unwrap());
    log.entries.extend(render_log.entries);
    (bytes, log, doc)
}

/// A Python with fontTools (Debian's `/usr/bin/python3` first); the test fails without one.
pub fn python_with_fonttools() -> String {
    for py in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(py)
            .args(["-c", "import fontTools"])
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return py.to_string();
        }
    }
    panic!("fontTools is required for this test: install python3-fonttools");
}

/// Checks every embedded font with fontTools: it loads, has a Unicode cmap, and together the
/// fonts map every character of the chapter files' text. Returns the number of fonts.
pub fn check_fonts_with_fonttools(files: &BTreeMap<String, Vec<u8>>) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let mut fonts = Vec::new();
    let mut text_chars = std::collections::BTreeSet::new();
    for (path, data) in files {
        if path.starts_with("EPUB/fonts/") {
            let p = dir.path().join(path.rsplit('/').next().unwrap());
            std::fs::write(&p, data).unwrap();
            fonts.push(p.display().to_string());
        } else if path.ends_with(".xhtml") && !path.ends_with("nav.xhtml") {
            let s = String::from_utf8(data.clone()).unwrap();
            let body = s[s.find("<body>").unwrap()..]
                .replace("&lt;", "<<>")
                .replace("&gt;", "<>>")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            let mut in_tag = false;
            for c in body.chars() {
                match c {
                    '<' if !in_tag => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag && !c.is_whitespace() && !c.is_ascii_punctuation() => {
                        text_chars.insert(c);
                    }
                    _ => {}
                }
            }
        }
    }
    let chars: String = text_chars.into_iter().collect();
    std::fs::write(dir.path().join("chars.txt"), &chars).unwrap();
    let script = r#"
import sys
from fontTools.ttLib import TTFont
chars = open(sys.argv[1], encoding='utf-8').read()
covered = set()
for path in sys.argv[2:]:
    f = TTFont(path)
    cmap = f['cmap'].getBestCmap()
    assert cmap, path + ': no Unicode cmap'
    for t in ('head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post'):
        assert t in f, path + ': missing ' + t
    assert ('CFF ' in f) or ('glyf' in f), path + ': no outlines'
    for gid in cmap.values():
        assert gid in f.getGlyphOrder()
    covered |= set(cmap)
missing = [c for c in chars if ord(c) not in covered]
print('fonts', len(sys.argv) - 2, 'chars', len(chars), 'missing', ''.join(missing))
assert not missing, 'characters no embedded font maps: ' + ''.join(missing)
"#;
    let out = Command::new(python_with_fonttools())
        .arg("-c")
        .arg(script)
        .arg(dir.path().join("chars.txt"))
        .args(&fonts)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "fontTools check failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    fonts.len()
}
