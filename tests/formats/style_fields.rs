//! `Style` is the only source of layout numbers: changing any field moves something in
//! every output the field's doc comment says it applies to, and nothing in the others.
//!
//! PDF is checked on the layout the PDF writer draws (`paiban::layout`, item positions and
//! sizes); EPUB on its stylesheet and chapter files; DOCX on its `word/*.xml` parts.

use paiban::ast::{Article, Block, Document, Inline};
use paiban::backend::docx::Docx;
use paiban::backend::epub::Epub;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::image::ImageSource;
use paiban::layout::{layout, FontSet};
use paiban::log::Log;
use paiban::passes::{self, PassOptions};
use paiban::read::{read_bytes, InputFormat};
use paiban::style::Style;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One body with every block kind a style number touches: notes, code, a table, a quote,
/// nested lists, a thematic break and a figure; and every inline the paragraph engine
/// sets with a style number: HAN–WEST gaps, word spaces, emphasis, strikethrough,
/// synthetic bold, inline code, a URL, and the raw HTML inlines (superscript, subscript,
/// underline, mark, small, ruby).
const BODY: &str = "\
近日，义乌用一段很长的正文说明样式里的每一个数字都来自同一个地方[^1]，\
这样三种输出才会一致，读者也不会看到不同的排版结果。

混排的一段：用Rust写2024年的程序，*着重的文字*和~~删去的文字~~，**加粗的`code`**，\
还有网址<https://example.com/a/very/long/path/to/some/resource/index.html>\
以及`inline_code_that_is_long_and_has_no_spaces_at_all_in_it`，\
English words with plenty of spaces between them appear here too, so that justified \
lines stretch and shrink their word spaces as the paragraph needs.

这一段没有标点只有汉字用来检验最后一行不会只剩一个字的规则是否由样式决定。

原始 HTML：2<sup>n</sup>、H<sub>2</sub>O、<u>下划线</u>、<mark>高亮</mark>、<small>小字</small>、\
<ruby>汉<rt>hàn</rt></ruby>。

> 引文里的一句话，用楷体排出，左边缩进两个字。

- 第一项*斜体的Go*
  - 嵌套的一项
- [ ] 待办的一项
- [x] 办完的一项

```rust
fn main() {
    println!(\"code\"); let a_rather_long_name = compute(first_argument, second_argument, third);
}
```

表 1　数值

| 名称 | 数值 |
|------|------|
| 甲 | 一 |
| 乙 | 二 |
| 一个很长的单元格，里面的文字多到一行放不下，只好折成好几行来排 | 另一个很长的单元格，文字也多到一行放不下，同样要折行 |

---

![棋盘](checker.png \"图一　棋盘\")

## 小节标题

小节里的一段正文，供目录列出小节标题。

[^1]: 脚注的文字，排在页脚。
";

/// Folder holding `checker.png` (240 × 120 px).
fn base_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docx")
}

/// The body as one article with a title long enough to be balanced (T23).
fn document() -> Document {
    let path = base_dir().join("style_fields.md");
    let body = read_bytes(BODY.as_bytes(), &path, InputFormat::Markdown, None).expect("reads");
    let article = Article {
        title: vec![Inline::Text(
            "坚持和深化义乌发展经验的样式字段测试\u{3000}写在三种输出里的同一个标题".into(),
        )],
        subtitle: Some(vec![Inline::Text("副标题也来自同一个样式".into())]),
        body: body.blocks,
        bylines: Vec::new(),
        id: "a1".into(),
        line: 1,
    };
    let mut doc = Document {
        blocks: vec![Block::Article(article)],
        ..body
    };
    // `## 小节标题` stays level 2 (the shallowest depth would otherwise become level 1), so
    // that `toc.depth` 1 leaves it out.
    doc.meta.top_level_heading = Some(1);
    let opts = PassOptions {
        cleanup: true,
        infer_structure: false,
    };
    passes::run(doc, &opts, &mut Log::default())
}

/// The three outputs of one style, as comparable text.
struct Outputs {
    /// Every page item of the layout (positions, sizes, glyphs).
    pdf: String,
    /// The stylesheet and chapter files.
    epub: String,
    /// The document, styles, numbering and footnotes parts.
    docx: String,
}

/// Text of the zip entries of `bytes` whose names `wanted` accepts, in zip order.
fn zip_text(bytes: &[u8], wanted: impl Fn(&str) -> bool) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("valid zip");
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if wanted(f.name()) {
            out.push_str(&format!("== {}\n", f.name()));
            f.read_to_string(&mut out).unwrap();
            out.push('\n');
        }
    }
    out
}

fn render(doc: &Document, style: &Style) -> Outputs {
    let mut log = Log::default();
    let l = layout(
        doc,
        style,
        &FontSet::bundled(),
        ImageSource::new(&base_dir()),
        &mut log,
    );
    let pdf = format!("{:?}", l.pages);
    let options = RenderOptions {
        embed_fonts: false,
        source_date_epoch: Some(0),
        ..RenderOptions::default()
    };
    let dir = base_dir();
    let ctx = Context {
        style,
        options: &options,
        base_dir: &dir,
    };
    let epub = Epub.render(doc, &ctx, &mut log).expect("EPUB renders");
    let docx = Docx.render(doc, &ctx, &mut log).expect("DOCX renders");
    Outputs {
        pdf,
        epub: zip_text(&epub, |n| n.ends_with(".css") || n.ends_with(".xhtml")),
        docx: zip_text(&docx, |n| n.starts_with("word/") && n.ends_with(".xml")),
    }
}

/// Which outputs a field shows in.
#[derive(Debug, Clone, Copy)]
struct Applies {
    pdf: bool,
    epub: bool,
    docx: bool,
}

const ALL: Applies = Applies {
    pdf: true,
    epub: true,
    docx: true,
};
const PDF: Applies = Applies {
    pdf: true,
    epub: false,
    docx: false,
};
const EPUB: Applies = Applies {
    pdf: false,
    epub: true,
    docx: false,
};
const DOCX: Applies = Applies {
    pdf: false,
    epub: false,
    docx: true,
};
const PDF_EPUB: Applies = Applies {
    pdf: true,
    epub: true,
    docx: false,
};
const PDF_DOCX: Applies = Applies {
    pdf: true,
    epub: false,
    docx: true,
};

/// One field: its name, the base it is changed from, the change, and where it must show.
struct Case {
    field: &'static str,
    base: fn(&mut Style),
    change: fn(&mut Style),
    applies: Applies,
}

fn handout(_: &mut Style) {}

/// A text area 105 pt high: `checker.png` (90 pt tall) is then limited by the figure
/// height fractions (0.8 in PDF, not by 0.9 in DOCX), and the body runs over pages that
/// keep rules (T20) cut short, so they are filled (撑版).
fn short_page(s: &mut Style) {
    s.page_height = s.margin_top + s.margin_bottom + 105.0;
}

/// [`short_page`] with a binding margin 20 pt wider than the outer one.
fn short_bound_page(s: &mut Style) {
    short_page(s);
    s.margin_left += 20.0;
}

/// A table of contents (`--toc`).
fn with_toc(s: &mut Style) {
    s.toc.enabled = true;
}

/// A measure 9 pt narrower: the justified lines of the mixed paragraph then shrink a
/// HAN–WEST gap and stretch word spaces, so the limits of both show.
fn narrow_measure(s: &mut Style) {
    s.margin_right += 9.0;
}

/// English hyphenation off (T8): the mixed paragraph then breaks only at spaces, as the
/// word-space and URL cases were written for.
fn no_hyphens(s: &mut Style) {
    s.paragraph.hyphenate = false;
}

fn cases() -> Vec<Case> {
    let case = |field, change, applies| Case {
        field,
        base: handout,
        change,
        applies,
    };
    vec![
        case("body_size", |s| s.body_size = 13.0, ALL),
        case("line_pitch_em", |s| s.line_pitch_em = 1.8, PDF_DOCX),
        case("indent_em", |s| s.indent_em = 3.0, ALL),
        // The quote and the nested list of BODY would leave less than 37 em.
        case("min_measure_em", |s| s.min_measure_em = 37.0, PDF),
        Case {
            field: "fill_max_lines",
            base: short_page,
            change: |s| s.fill_max_lines = 0.0,
            applies: PDF,
        },
        case(
            "paragraph.autospace_em",
            |s| s.paragraph.autospace_em = 0.5,
            PDF,
        ),
        Case {
            field: "paragraph.autospace_min_em",
            base: narrow_measure,
            change: |s| s.paragraph.autospace_min_em = 0.0,
            applies: PDF,
        },
        Case {
            field: "paragraph.autospace_max_em",
            base: no_hyphens,
            change: |s| s.paragraph.autospace_max_em = 1.0,
            applies: PDF,
        },
        case(
            "paragraph.space_min_em",
            |s| s.paragraph.space_min_em = 0.0,
            PDF,
        ),
        Case {
            field: "paragraph.space_max_em",
            base: narrow_measure,
            change: |s| s.paragraph.space_max_em = 1.0,
            applies: PDF,
        },
        case(
            "paragraph.interchar_stretch_em",
            |s| s.paragraph.interchar_stretch_em = 1.0,
            PDF,
        ),
        case("paragraph.tolerance", |s| s.paragraph.tolerance = 0.0, PDF),
        case(
            "paragraph.runt_penalty",
            |s| s.paragraph.runt_penalty = 0.0,
            PDF,
        ),
        case(
            "paragraph.code_break_penalty",
            |s| s.paragraph.code_break_penalty = 0.0,
            PDF,
        ),
        Case {
            field: "paragraph.url_break_penalty",
            base: no_hyphens,
            change: |s| s.paragraph.url_break_penalty = 1.0e7,
            applies: PDF,
        },
        case(
            "paragraph.hyphenate",
            |s| s.paragraph.hyphenate = false,
            PDF_EPUB,
        ),
        case(
            "paragraph.hyphen_min_word",
            |s| s.paragraph.hyphen_min_word = 30,
            PDF_EPUB,
        ),
        case(
            "paragraph.hyphen_min_left",
            |s| s.paragraph.hyphen_min_left = 6,
            PDF_EPUB,
        ),
        case(
            "paragraph.hyphen_min_right",
            |s| s.paragraph.hyphen_min_right = 6,
            PDF_EPUB,
        ),
        case(
            "paragraph.hyphen_penalty",
            |s| s.paragraph.hyphen_penalty = 1.0e7,
            PDF,
        ),
        case(
            "emphasis.dot_diameter_em",
            |s| s.emphasis.dot_diameter_em = 0.2,
            PDF,
        ),
        case("emphasis.dot_gap_em", |s| s.emphasis.dot_gap_em = 0.2, PDF),
        case(
            "emphasis.script_size_em",
            |s| s.emphasis.script_size_em = 0.6,
            PDF_DOCX,
        ),
        case(
            "emphasis.superscript_rise_em",
            |s| s.emphasis.superscript_rise_em = 0.45,
            PDF,
        ),
        case(
            "emphasis.subscript_drop_em",
            |s| s.emphasis.subscript_drop_em = 0.25,
            PDF,
        ),
        case(
            "emphasis.underline_drop_em",
            |s| s.emphasis.underline_drop_em = 0.3,
            PDF,
        ),
        case(
            "emphasis.small_size_em",
            |s| s.emphasis.small_size_em = 0.7,
            PDF_DOCX,
        ),
        case("emphasis.mark_grey", |s| s.emphasis.mark_grey = 0.6, PDF),
        case(
            "emphasis.strike_height_em",
            |s| s.emphasis.strike_height_em = 0.3,
            PDF,
        ),
        case(
            "emphasis.strike_thickness_em",
            |s| s.emphasis.strike_thickness_em = 0.1,
            PDF,
        ),
        case(
            "emphasis.bold_stroke_em",
            |s| s.emphasis.bold_stroke_em = 0.05,
            PDF,
        ),
        case(
            "emphasis.oblique_slant",
            |s| s.emphasis.oblique_slant = 0.3,
            PDF,
        ),
        case(
            "notes.marker_size_em",
            |s| s.notes.marker_size_em = 0.8,
            PDF,
        ),
        case(
            "notes.marker_rise_em",
            |s| s.notes.marker_rise_em = 0.5,
            PDF,
        ),
        case("notes.pitch_em", |s| s.notes.pitch_em = 1.6, PDF),
        case("notes.gap", |s| s.notes.gap = 9.0, PDF_EPUB),
        case(
            "notes.separator_width_frac",
            |s| s.notes.separator_width_frac = 0.5,
            PDF,
        ),
        case(
            "notes.separator_thickness",
            |s| s.notes.separator_thickness = 1.0,
            PDF,
        ),
        case("code.pitch_em", |s| s.code.pitch_em = 1.2, PDF),
        case("code.space_lines", |s| s.code.space_lines = 1.0, PDF_DOCX),
        case("table.text_size", |s| s.table.text_size = 12.0, PDF_EPUB),
        case("table.pitch_em", |s| s.table.pitch_em = 2.0, PDF),
        case("table.pad_x_em", |s| s.table.pad_x_em = 1.0, PDF),
        case("table.pad_y_em", |s| s.table.pad_y_em = 1.0, PDF),
        case(
            "table.min_column_em",
            |s| s.table.min_column_em = 25.0,
            PDF_DOCX,
        ),
        case(
            "table.caption_font",
            |s| s.table.caption_font = paiban::style::FontRole::Kai,
            ALL,
        ),
        case("code.theme", |s| s.code.theme = String::new(), ALL),
        case(
            "code.background",
            |s| s.code.background = String::new(),
            ALL,
        ),
        case("code.pad_em", |s| s.code.pad_em = 1.0, PDF_EPUB),
        case("code.continuation", |s| s.code.continuation = false, ALL),
        case(
            "lists.marker_width_em",
            |s| s.lists.marker_width_em = 3.0,
            ALL,
        ),
        case("lists.bullets", |s| s.lists.bullets = vec!["•".into()], ALL),
        case("lists.task_open", |s| s.lists.task_open = "○".into(), ALL),
        case("lists.task_done", |s| s.lists.task_done = "●".into(), ALL),
        case("quote.indent_em", |s| s.quote.indent_em = 3.0, ALL),
        case("quote.space_lines", |s| s.quote.space_lines = 1.0, ALL),
        case("table.thick_rule", |s| s.table.thick_rule = 2.0, PDF),
        case("table.thin_rule", |s| s.table.thin_rule = 0.25, PDF),
        case("table.space_lines", |s| s.table.space_lines = 1.0, PDF),
        Case {
            field: "figure.max_height_frac",
            base: short_page,
            change: |s| s.figure.max_height_frac = 0.5,
            applies: PDF,
        },
        case("figure.pad_lines", |s| s.figure.pad_lines = 1.0, PDF),
        case("rules.width_frac", |s| s.rules.width_frac = 0.8, PDF_EPUB),
        case("rules.thickness", |s| s.rules.thickness = 1.0, PDF),
        case(
            "docx.header_distance",
            |s| s.docx.header_distance = 30.0,
            DOCX,
        ),
        case(
            "docx.footer_distance",
            |s| s.docx.footer_distance = 30.0,
            DOCX,
        ),
        case("docx.note_pitch_em", |s| s.docx.note_pitch_em = 1.2, DOCX),
        case("docx.code_pitch_em", |s| s.docx.code_pitch_em = 1.2, DOCX),
        Case {
            field: "docx.figure_max_height_frac",
            base: short_page,
            change: |s| s.docx.figure_max_height_frac = 0.5,
            applies: DOCX,
        },
        case("docx.rule_thickness", |s| s.docx.rule_thickness = 1.5, DOCX),
        case("docx.rule_space", |s| s.docx.rule_space = 4.0, DOCX),
        case("docx.table_border", |s| s.docx.table_border = 1.0, DOCX),
        case("docx.table_cell_pad", |s| s.docx.table_cell_pad = 8.0, DOCX),
        case(
            "docx.caption_space_after_lines",
            |s| s.docx.caption_space_after_lines = 1.0,
            DOCX,
        ),
        case(
            "docx.link_colour",
            |s| s.docx.link_colour = "C00000".into(),
            DOCX,
        ),
        case("docx.embed_fonts", |s| s.docx.embed_fonts = true, DOCX),
        // The character and line grids (GB/T 9704): the PDF sets them, DOCX writes them as
        // Word's w:docGrid (charSpace, linePitch); EPUB reflows and ignores them.
        case(
            "grid.chars_per_line",
            |s| s.grid.chars_per_line = 28,
            PDF_DOCX,
        ),
        case(
            "grid.lines_per_page",
            |s| s.grid.lines_per_page = 30,
            PDF_DOCX,
        ),
        // page_keeps (T20 keeps) shows only where a page breaks inside a keep; the one-page
        // test document has none: tests/pdf/gongwen.rs covers it (22 lines on every page).
        case(
            "page_number_position",
            |s| s.page_number_position = paiban::style::PageNumberPosition::Outside,
            // DOCX: odd/even footers and w:evenAndOddHeaders (T31).
            PDF_DOCX,
        ),
        // DOCX: the footer distance (w:footer) puts the number `gap` under the text block.
        case(
            "page_number_gap",
            |s| s.page_number_gap = Some(20.0),
            PDF_DOCX,
        ),
        // Page furniture of books: the short page gives the body several pages. The one
        // article with no level-1 heading has no chapter for recto_chapters to move:
        // tests/pdf/book_preset.rs covers it (chapters on odd pages after a blank verso).
        Case {
            field: "mirror_margins",
            base: short_bound_page,
            change: |s| s.mirror_margins = true,
            applies: PDF,
        },
        Case {
            field: "running_heads",
            base: short_page,
            change: |s| s.running_heads = true,
            applies: PDF,
        },
        // The table of contents: a contents page (PDF) and a TOC field (DOCX) when enabled;
        // the EPUB navigation follows its depth and title always.
        case("toc.enabled", |s| s.toc.enabled = true, PDF_DOCX),
        Case {
            field: "toc.depth",
            base: with_toc,
            change: |s| s.toc.depth = 1,
            applies: ALL,
        },
        Case {
            field: "toc.title",
            base: with_toc,
            change: |s| s.toc.title = "目次".into(),
            applies: ALL,
        },
        Case {
            field: "toc.indent_em",
            base: with_toc,
            change: |s| s.toc.indent_em = 3.0,
            applies: PDF,
        },
        Case {
            field: "toc.leader",
            base: with_toc,
            change: |s| s.toc.leader = "·".into(),
            applies: PDF,
        },
        Case {
            field: "toc.gap_em",
            base: with_toc,
            change: |s| s.toc.gap_em = 2.0,
            applies: PDF,
        },
        case("epub.line_height_em", |s| s.epub.line_height_em = 2.0, EPUB),
        case(
            "epub.heading_line_height_em",
            |s| s.epub.heading_line_height_em = 1.2,
            EPUB,
        ),
        case(
            "epub.code_line_height_em",
            |s| s.epub.code_line_height_em = 1.2,
            EPUB,
        ),
        case(
            "epub.block_margin_em",
            |s| s.epub.block_margin_em = 1.0,
            EPUB,
        ),
        case("epub.table_pad_y_em", |s| s.epub.table_pad_y_em = 0.4, EPUB),
        case("epub.table_pad_x_em", |s| s.epub.table_pad_x_em = 1.0, EPUB),
        case("epub.border_px", |s| s.epub.border_px = 2.0, EPUB),
        case(
            "epub.border_colour",
            |s| s.epub.border_colour = "#000".into(),
            EPUB,
        ),
        case(
            "epub.note_separator_width_frac",
            |s| s.epub.note_separator_width_frac = 0.5,
            EPUB,
        ),
        case(
            "epub.note_ref_size_em",
            |s| s.epub.note_ref_size_em = 0.6,
            EPUB,
        ),
        case(
            "epub.title_measure_em",
            |s| s.epub.title_measure_em = 60.0,
            EPUB,
        ),
    ]
}

#[test]
fn every_field_shows_where_it_applies_and_nowhere_else() {
    let doc = document();
    let mut failures = Vec::new();
    for c in cases() {
        let mut base = Style::handout();
        (c.base)(&mut base);
        let mut changed = base.clone();
        (c.change)(&mut changed);
        assert_ne!(base, changed, "{}: the change changes nothing", c.field);
        let (a, b) = (render(&doc, &base), render(&doc, &changed));
        for (format, applies, before, after) in [
            ("PDF", c.applies.pdf, &a.pdf, &b.pdf),
            ("EPUB", c.applies.epub, &a.epub, &b.epub),
            ("DOCX", c.applies.docx, &a.docx, &b.docx),
        ] {
            if applies && before == after {
                failures.push(format!("{}: no change in the {format}", c.field));
            }
            if !applies && before != after {
                failures.push(format!("{}: changes the {format} too", c.field));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every numeric field of `Style` (and its groups) is listed in [`cases`], so a new field
/// cannot be added without saying where it shows.
#[test]
fn every_new_field_has_a_case() {
    let json = serde_json::to_value(Style::handout()).unwrap();
    let listed: Vec<&str> = cases().iter().map(|c| c.field).collect();
    for group in [
        "paragraph",
        "lists",
        "quote",
        "emphasis",
        "notes",
        "code",
        "table",
        "figure",
        "rules",
        "docx",
        "epub",
        "grid",
        "toc",
    ] {
        let fields = json[group].as_object().expect(group);
        for name in fields.keys() {
            let field = format!("{group}.{}", name.replace('-', "_"));
            assert!(listed.contains(&field.as_str()), "no case for {field}");
        }
    }
}

/// The part of `docx` (as [`zip_text`] joins them) named `name`.
fn docx_part<'a>(docx: &'a str, name: &str) -> &'a str {
    let start = docx.find(&format!("== {name}\n")).expect(name);
    let rest = &docx[start + 4..];
    rest.find("\n== ").map_or(rest, |end| &rest[..end])
}

/// The listed fix: Word's first-line indent in characters follows `indent_em` (T17), in
/// the defaults and the Normal style, and so do quote (T19) and list indents; heading
/// styles keep their own `BlockStyle::indent_em`.
#[test]
fn docx_indent_chars_follow_indent_em() {
    let doc = document();
    let mut style = Style::handout();
    let default = render(&doc, &style).docx;
    let styles = docx_part(&default, "word/styles.xml");
    assert!(styles.contains("<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>"));
    style.indent_em = 3.0;
    let docx = render(&doc, &style).docx;
    let styles = docx_part(&docx, "word/styles.xml");
    let defaults = &styles[..styles.find("</w:docDefaults>").unwrap()];
    assert!(
        defaults.contains("<w:ind w:firstLineChars=\"300\" w:firstLine=\"720\"/>"),
        "{defaults}"
    );
    let normal = &styles[styles.find("w:styleId=\"Normal\"").unwrap()..];
    let normal = &normal[..normal.find("</w:style>").unwrap()];
    assert!(
        normal.contains("w:firstLineChars=\"300\" w:firstLine=\"720\""),
        "{normal}"
    );
    let quote = &styles[styles.find("w:styleId=\"Quote\"").unwrap()..];
    let quote = &quote[..quote.find("</w:style>").unwrap()];
    assert!(
        quote.contains("w:leftChars=\"300\" w:left=\"720\" w:firstLineChars=\"300\""),
        "{quote}"
    );
    // List indents (T19 hanging) follow their own `lists.marker_width_em`.
    style.lists.marker_width_em = 3.0;
    let docx = render(&doc, &style).docx;
    let numbering = docx_part(&docx, "word/numbering.xml");
    assert!(
        numbering.contains("w:leftChars=\"300\" w:left=\"720\""),
        "{numbering}"
    );
    // A bullet hangs half the box (centred on its middle).
    assert!(
        numbering.contains("w:hangingChars=\"150\" w:hanging=\"360\""),
        "{numbering}"
    );
    assert!(!numbering.contains("Chars=\"200\""), "{numbering}");
}

/// EPUB body line height and the heading spaces counted in it come from one field.
#[test]
fn epub_line_height_from_style() {
    let doc = document();
    let mut style = Style::handout();
    assert!(render(&doc, &style).epub.contains("line-height:1.75;"));
    style.epub.line_height_em = 2.0;
    let epub = render(&doc, &style).epub;
    assert!(epub.contains("text-align:justify;line-height:2;"), "{epub}");
    assert!(epub.contains("hr{border:none;border-top:1px solid #888;margin:1em 25%}"));
}
