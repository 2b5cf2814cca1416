//! Presets and TOML style files (issue 11): loading, merging, checking and printing.
//!
//! A style file is merged over a preset at the level of parsed TOML tables, then the
//! merged table is deserialized into [`Style`]. Merging tables (rather than a second,
//! all-`Option` copy of every struct) keeps one definition of the keys, and because the
//! tables are `toml::de::DeTable`s, which keep the byte span of every key and value, a
//! bad key or value in the merged table still points at its line in the user's file.
//! `deny_unknown_fields` on every struct then checks the keys for free.
//!
//! Merge order: preset (`extends`, default `handout`) → style file → front-matter `style:`
//! → command-line flags that set single keys (none yet besides `--style`; they would be
//! applied to the loaded `Style` after [`Style::load`], see `pipeline::document_style`).

use super::{Style, SIZE_NAMES};
use serde::Deserialize as _;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The built-in presets: name, one-line description, embedded TOML file.
pub const PRESETS: [(&str, &str, &str); 4] = [
    (
        "handout",
        "printable handout: A4, 25 mm margins, 小四 Song body at 1.6 em pitch (T23)",
        include_str!("presets/handout.toml"),
    ),
    (
        "gongwen",
        "official document, GB/T 9704-2012: A4, 22 lines × 28 characters, 三号 FangSong body",
        include_str!("presets/gongwen.toml"),
    ),
    (
        "book",
        "book: B5 pages, mirrored margins, running heads, chapters on recto pages, contents page",
        include_str!("presets/book.toml"),
    ),
    (
        "ebook",
        "e-reader: 90 × 122 mm pages (6-inch screen), small margins, the EPUB line height",
        include_str!("presets/ebook.toml"),
    ),
];

/// The key naming the preset a style file starts from.
const EXTENDS: &str = "extends";

/// A style that cannot be loaded: one line naming the file, line, key and what is allowed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct StyleError(pub String);

impl Style {
    /// The built-in preset `name`, parsed once from its embedded TOML file, on first use
    /// (a run that sets one preset parses that one only).
    pub fn preset(name: &str) -> Option<Style> {
        static PARSED: [OnceLock<Style>; PRESETS.len()] =
            [const { OnceLock::new() }; PRESETS.len()];
        let i = PRESETS.iter().position(|(n, _, _)| *n == name)?;
        let style = PARSED[i].get_or_init(|| {
            let (name, _, text) = PRESETS[i];
            let file = format!("preset {name}");
            let table = parse(text, &file).expect("embedded preset parses");
            let style = from_table(table, text, &file).expect("embedded preset loads");
            style.validate().expect("embedded preset is valid");
            style
        });
        Some(style.clone())
    }

    /// The style `spec` names: a preset name, or else a TOML style file (relative paths
    /// are taken from `base_dir`: the working folder for `--style`, the document's folder
    /// for front matter).
    pub fn load(spec: &str, base_dir: &Path) -> Result<Style, StyleError> {
        if let Some(style) = Style::preset(spec) {
            return Ok(style);
        }
        let path = base_dir.join(spec);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(StyleError(format!(
                    "unknown style '{spec}': not a preset ({}) and no file {}",
                    preset_names(),
                    path.display()
                )))
            }
            Err(e) => return Err(StyleError(format!("{}: {e}", path.display()))),
        };
        Style::from_toml(&text, &path.display().to_string())
    }

    /// The style a style file's `text` describes; `file` names it in errors.
    pub fn from_toml(text: &str, file: &str) -> Result<Style, StyleError> {
        let mut user = parse(text, file)?;
        let base = match user.get_mut().remove(EXTENDS) {
            None => "handout".to_string(),
            Some(v) => match v.get_ref().as_str() {
                Some(name) if PRESETS.iter().any(|(n, _, _)| *n == name) => name.to_string(),
                _ => {
                    return Err(StyleError(format!(
                        "{file}:{}: extends: not a preset (allowed: {})",
                        line_of(text, v.span().start),
                        preset_names()
                    )))
                }
            },
        };
        let (_, _, preset_text) = PRESETS.iter().find(|(n, _, _)| *n == base).expect("found");
        let mut merged = parse(preset_text, "preset").expect("embedded preset parses");
        merge(merged.get_mut(), user.into_inner());
        let style = from_table(merged, text, file)?;
        style.validate().map_err(|message| {
            let key = message.split_once(": ").map_or("", |(key, _)| key);
            let place = key_line(text, key).map_or(String::new(), |l| format!(":{l}"));
            StyleError(format!("{file}{place}: {message}"))
        })?;
        Ok(style)
    }

    /// The style as a complete, commented TOML style file: every key with a comment line
    /// above it saying what it is, taken from the doc comments of `Style` and its groups.
    /// Loading the file gives this style again.
    pub fn to_commented_toml(&self) -> String {
        let table = toml::Table::try_from(self).expect("a Style serialises to TOML");
        let docs = FieldDocs::parse();
        let mut out = String::new();
        let sizes: Vec<String> = SIZE_NAMES
            .iter()
            .map(|(name, pt)| format!("{name} {pt}"))
            .collect();
        let _ = writeln!(out, "# paiban style '{}'.", self.name);
        out.push_str("# Sizes are in points; a font size may also be a Chinese size name:\n");
        for row in sizes.chunks(8) {
            let _ = writeln!(out, "#   {}", row.join(", "));
        }
        out.push_str("# Lengths may be \"25mm\" or \"71pt\"; indents \"2em\" or \"2字\".\n");
        out.push_str("# Keys left out keep the value of the preset named by `extends`.\n\n");
        out.push_str("# The preset this file starts from.\n");
        let _ = writeln!(out, "{EXTENDS} = {}", toml::Value::from(self.name.clone()));
        emit_table(&mut out, &table, "Style", "", &docs);
        out
    }
}

/// The preset names, comma-separated.
fn preset_names() -> String {
    PRESETS.map(|(n, _, _)| n).join(", ")
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The line where `key` (a kebab-case key, maybe dotted) is set in `text`, if it is.
fn key_line(text: &str, key: &str) -> Option<usize> {
    let last = key.rsplit('.').next().unwrap_or(key);
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(last)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

fn parse<'a>(text: &'a str, file: &str) -> Result<Spanned<DeTable<'a>>, StyleError> {
    DeTable::parse(text).map_err(|e| {
        let line = e
            .span()
            .map_or(String::new(), |s| format!(":{}", line_of(text, s.start)));
        StyleError(format!("{file}{line}: {}", first_line(e.message())))
    })
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or("").trim()
}

/// Deep-merges `over` into `base`: tables merge key by key; anything else (numbers,
/// strings, and arrays such as `[[headings]]`) replaces the base value whole.
fn merge<'a>(base: &mut DeTable<'a>, over: DeTable<'a>) {
    for (key, value) in over {
        match (base.get_mut(key.get_ref().as_ref()), value.into_inner()) {
            (Some(old), DeValue::Table(table)) if old.get_ref().is_table() => {
                if let DeValue::Table(old) = old.get_mut() {
                    merge(old, table);
                }
            }
            (_, value) => {
                let span = key.span();
                // A replaced value keeps the user's span, so errors point into their file.
                base.insert(key, Spanned::new(span, value));
            }
        }
    }
}

/// Deserializes a merged table; errors are turned into one line about `file`'s `text`.
fn from_table(table: Spanned<DeTable<'_>>, text: &str, file: &str) -> Result<Style, StyleError> {
    Style::deserialize(toml::de::Deserializer::from(table)).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        let place = line.map_or(String::new(), |l| format!(":{l}"));
        let message = first_line(e.message());
        let key = line.and_then(|l| {
            let source = text.lines().nth(l - 1)?;
            let (key, _) = source.split_once('=')?;
            Some(key.trim().to_string())
        });
        let what = unknown_name(message)
            .map(|(kind, name, allowed)| {
                let mut what = format!("unknown {kind} '{name}'");
                match suggestion(&name, &allowed) {
                    Some(close) => {
                        let _ = write!(what, " (did you mean '{close}'?)");
                    }
                    None if !allowed.is_empty() => {
                        let _ = write!(what, " (allowed: {})", allowed.join(", "));
                    }
                    None => {}
                }
                if kind == "value" {
                    if let Some(key) = &key {
                        what = format!("{key}: {what}");
                    }
                }
                what
            })
            .unwrap_or_else(|| match &key {
                Some(key) => format!("{key}: {message}"),
                None => message.to_string(),
            });
        StyleError(format!("{file}{place}: {what}"))
    })
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" (or "unknown variant …"):
/// whether it is a key or a value, the name, and the allowed names.
fn unknown_name(message: &str) -> Option<(&'static str, String, Vec<String>)> {
    let (kind, rest) = if let Some(rest) = message.strip_prefix("unknown field `") {
        ("key", rest)
    } else {
        ("value", message.strip_prefix("unknown variant `")?)
    };
    let (name, expected) = rest.split_once('`')?;
    let mut allowed: Vec<String> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    // `extends` is taken out before deserializing, but is a key of the top-level table.
    if kind == "key" && allowed.iter().any(|k| k == "page-width") {
        allowed.push(EXTENDS.to_string());
    }
    Some((kind, name.to_string(), allowed))
}

/// The allowed name closest to `name`, if it is close enough to be a likely typo.
fn suggestion(name: &str, allowed: &[String]) -> Option<String> {
    allowed
        .iter()
        .map(|a| (strsim::jaro_winkler(name, a), a))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, a)| a.clone())
}

/// One field of a style struct, read from the doc comments in `style.rs`.
struct FieldDoc {
    /// The field's TOML key (kebab-case).
    key: String,
    /// The field's type, with `Vec<…>` removed: names the struct of a sub-table.
    ty: String,
    /// The doc comment, joined into one paragraph.
    doc: String,
    /// The `units` reader of the field (`size`, `length`, `em`), if it takes units.
    unit: Option<String>,
}

/// Doc comments of the fields of every struct in `style.rs`, by struct name. Read from the
/// source text embedded in the binary, so the printed comments are the doc comments and
/// never a second copy that can drift.
struct FieldDocs(Vec<(String, Vec<FieldDoc>)>);

impl FieldDocs {
    fn parse() -> FieldDocs {
        const SOURCE: &str = include_str!("../style.rs");
        let mut structs = Vec::new();
        let mut current: Option<(String, Vec<FieldDoc>)> = None;
        let mut doc = Vec::new();
        let mut unit = None;
        for line in SOURCE.lines() {
            if let Some(name) = line
                .strip_prefix("pub struct ")
                .and_then(|l| l.strip_suffix(" {"))
            {
                current = Some((name.to_string(), Vec::new()));
                doc.clear();
            } else if line == "}" {
                structs.extend(current.take());
            } else if let Some(text) = line.strip_prefix("    /// ") {
                doc.push(text.trim());
            } else if let (Some((_, fields)), Some(field)) =
                (current.as_mut(), line.strip_prefix("    pub "))
            {
                if let Some((name, ty)) = field.trim_end_matches(',').split_once(": ") {
                    let ty = ty.trim_start_matches("Vec<").trim_end_matches('>');
                    fields.push(FieldDoc {
                        key: name.replace('_', "-"),
                        ty: ty.to_string(),
                        doc: clean_doc(&doc.join(" ")),
                        unit: unit.take(),
                    });
                }
                doc.clear();
            } else if let Some(reader) = line
                .trim_start()
                .strip_prefix("#[serde(deserialize_with = \"units::")
            {
                unit = reader.split('"').next().map(str::to_string);
            } else if !line.trim_start().starts_with("#[") {
                doc.clear();
            }
        }
        FieldDocs(structs)
    }

    fn fields(&self, ty: &str) -> &[FieldDoc] {
        self.0
            .iter()
            .find(|(name, _)| name == ty)
            .map_or(&[], |(_, fields)| fields)
    }

    fn field(&self, ty: &str, key: &str) -> Option<&FieldDoc> {
        self.fields(ty).iter().find(|f| f.key == key)
    }
}

/// A doc comment as a TOML comment: rustdoc links unwrapped, and the snake_case field
/// names it quotes in backticks written as the kebab-case keys of a style file.
fn clean_doc(doc: &str) -> String {
    let doc = doc.replace("[`", "`").replace("`]", "`");
    doc.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("`{}`", part.replace('_', "-"))
            } else {
                part.to_string()
            }
        })
        .collect()
}

/// `text` as `# ` comment lines of at most about 90 characters, with `indent`.
fn wrap_comment(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.chars().count() + word.chars().count() > 88 {
            let _ = writeln!(out, "{indent}# {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let _ = writeln!(out, "{indent}# {line}");
    out
}

/// The comment for `key` of struct `ty`; a key without a doc comment is a bug.
fn comment(docs: &FieldDocs, ty: &str, key: &str) -> String {
    let field = docs
        .field(ty, key)
        .unwrap_or_else(|| panic!("no doc comment for {ty}.{key} in style.rs"));
    let mut text = field.doc.clone();
    match field.ty.as_str() {
        "FontRole" => text.push_str(" One of: song, song-bold, hei, kai, fang, mono."),
        "Alignment" => text.push_str(" One of: left, center, justify."),
        _ => {}
    }
    match field.unit.as_deref() {
        Some("size") => text.push_str(" Also \"12pt\" or a size name (\"小四\")."),
        Some("length") => text.push_str(" Also \"25mm\" or \"71pt\"."),
        Some("em") => text.push_str(" Also \"2em\" or \"2字\"."),
        _ => {}
    }
    wrap_comment(&text, "")
}

/// A scalar as TOML: `f32` fields in their shortest `f32` form (`595.2756`, not the
/// `f64` digits of the widened value), which reads back to the same `f32`.
fn scalar(value: &toml::Value) -> String {
    match value {
        toml::Value::Float(v) if f64::from(*v as f32) == *v => format!("{}", *v as f32),
        other => other.to_string(),
    }
}

fn emit_table(out: &mut String, table: &toml::Table, ty: &str, path: &str, docs: &FieldDocs) {
    let is_table_array = |v: &toml::Value| {
        v.as_array()
            .is_some_and(|a| !a.is_empty() && a.iter().all(toml::Value::is_table))
    };
    for (key, value) in table {
        if !value.is_table() && !is_table_array(value) {
            out.push_str(&comment(docs, ty, key));
            let _ = writeln!(out, "{key} = {}", scalar(value));
        }
    }
    // Optional keys this style leaves unset (TOML has no "none"): shown commented out.
    for field in docs.fields(ty) {
        if field.ty.starts_with("Option<") && !table.contains_key(&field.key) {
            out.push_str(&comment(docs, ty, &field.key));
            // A number-valued key shows a number, so uncommenting it gives a valid file.
            let example = if field.ty.starts_with("Option<f32") {
                "0"
            } else {
                "\"\""
            };
            let _ = writeln!(out, "# {} = {example}  (not set)", field.key);
        }
    }
    for (key, value) in table {
        let full = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let sub_ty = docs
            .field(ty, key)
            .map(|f| f.ty.clone())
            .unwrap_or_default();
        if let Some(sub) = value.as_table() {
            out.push('\n');
            out.push_str(&comment(docs, ty, key));
            let _ = writeln!(out, "[{full}]");
            emit_table(out, sub, &sub_ty, &full, docs);
        } else if is_table_array(value) {
            out.push('\n');
            out.push_str(&comment(docs, ty, key));
            out.push_str("# Setting this list in a style file replaces the whole list.\n");
            for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                let _ = writeln!(out, "\n[[{full}]]  # {}", i + 1);
                emit_table(out, item.as_table().expect("table"), &sub_ty, &full, docs);
            }
        }
    }
}

impl Style {
    /// Checks the values a style file may get wrong: sizes and pitches above zero,
    /// margins that leave a text area, a heading list, fractions within 0..=1, every
    /// number finite. `Err` names the key (kebab-case, dotted) and what is allowed.
    pub fn validate(&self) -> Result<(), String> {
        self.check_values()
            .map_err(|(key, what)| format!("{key}: {what}"))
    }

    fn check_values(&self) -> Result<(), (String, String)> {
        let positive = [
            ("page-width", self.page_width),
            ("page-height", self.page_height),
            ("body-size", self.body_size),
            ("line-pitch-em", self.line_pitch_em),
            ("code-size", self.code_size),
            ("note-size", self.note_size),
            ("page-number-size", self.page_number_size),
            ("min-measure-em", self.min_measure_em),
            ("title.size", self.title.size),
            ("subtitle.size", self.subtitle.size),
            ("byline.size", self.byline.size),
            ("notes.pitch-em", self.notes.pitch_em),
            ("notes.marker-size-em", self.notes.marker_size_em),
            ("code.pitch-em", self.code.pitch_em),
            ("table.text-size", self.table.text_size),
            ("table.pitch-em", self.table.pitch_em),
            ("docx.note-pitch-em", self.docx.note_pitch_em),
            ("docx.code-pitch-em", self.docx.code_pitch_em),
            ("epub.line-height-em", self.epub.line_height_em),
            (
                "epub.heading-line-height-em",
                self.epub.heading_line_height_em,
            ),
            ("epub.code-line-height-em", self.epub.code_line_height_em),
        ];
        let fractions = [
            (
                "notes.separator-width-frac",
                self.notes.separator_width_frac,
            ),
            ("figure.max-height-frac", self.figure.max_height_frac),
            ("rules.width-frac", self.rules.width_frac),
            (
                "docx.figure-max-height-frac",
                self.docx.figure_max_height_frac,
            ),
            (
                "epub.note-separator-width-frac",
                self.epub.note_separator_width_frac,
            ),
        ];
        let margins = [
            ("margin-top", self.margin_top),
            ("margin-bottom", self.margin_bottom),
            ("margin-left", self.margin_left),
            ("margin-right", self.margin_right),
        ];
        let table = toml::Value::try_from(self).map_err(|e| ("name".into(), e.to_string()))?;
        if let Some(key) = non_finite(&table, "") {
            return Err((key, "must be a finite number".into()));
        }
        for (key, list) in [
            ("headings", &self.headings),
            ("unnumbered-headings", &self.unnumbered_headings),
            ("statute-divisions", &self.statute_divisions),
        ] {
            if list.is_empty() {
                return Err((key.into(), format!("needs at least one [[{key}]] entry")));
            }
            if let Some(h) = list.iter().find(|h| h.size <= 0.0) {
                return Err((
                    format!("{key}.size"),
                    format!("heading size {} must be more than 0", h.size),
                ));
            }
        }
        if self.statute_article.size <= 0.0 {
            return Err((
                "statute-article.size".into(),
                format!(
                    "heading size {} must be more than 0",
                    self.statute_article.size
                ),
            ));
        }
        for (key, value) in positive {
            if value <= 0.0 {
                return Err((key.into(), format!("{value} must be more than 0")));
            }
        }
        for (key, value) in fractions {
            if !(0.0..=1.0).contains(&value) {
                return Err((
                    key.into(),
                    format!("{value} must be a fraction from 0 to 1"),
                ));
            }
        }
        if !(1..=6).contains(&self.toc.depth) {
            return Err((
                "toc.depth".into(),
                format!("{} must be a heading level from 1 to 6", self.toc.depth),
            ));
        }
        if self.toc.leader.chars().count() != 1 {
            return Err((
                "toc.leader".into(),
                format!("'{}' must be one character", self.toc.leader),
            ));
        }
        for (key, value) in [
            ("toc.indent-em", self.toc.indent_em),
            ("toc.gap-em", self.toc.gap_em),
        ] {
            if value < 0.0 {
                return Err((key.into(), format!("{value} must not be negative")));
            }
        }
        for (key, value) in margins {
            if value < 0.0 {
                return Err((key.into(), format!("{value} must not be negative")));
            }
        }
        // The narrowest measure the style itself allows (T19), and three body lines.
        let min_width = self.min_measure_em * self.body_size;
        if self.text_width() < min_width {
            return Err((
                "margin-left".into(),
                format!(
                    "the margins leave a text width of {:.1} pt; at least {min_width:.1} pt \
                     (min-measure-em × body-size) is needed",
                    self.text_width()
                ),
            ));
        }
        let min_height = 3.0 * self.line_pitch();
        if self.text_height() < min_height {
            return Err((
                "margin-top".into(),
                format!(
                    "the margins leave a text height of {:.1} pt; at least three lines \
                     ({min_height:.1} pt) are needed",
                    self.text_height()
                ),
            ));
        }
        Ok(())
    }
}

/// The first key holding a NaN or infinite number, which TOML allows (`nan`, `inf`).
fn non_finite(value: &toml::Value, path: &str) -> Option<String> {
    match value {
        toml::Value::Float(v) if !v.is_finite() => Some(path.to_string()),
        toml::Value::Table(t) => t.iter().find_map(|(k, v)| {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            non_finite(v, &p)
        }),
        toml::Value::Array(a) => a.iter().find_map(|v| non_finite(v, path)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every preset printed with `paiban style --print` loads back to the same `Style`.
    #[test]
    fn every_printed_preset_round_trips() {
        let names = PRESETS.map(|(name, _, _)| name);
        assert_eq!(names, ["handout", "gongwen", "book", "ebook"]);
        for name in names {
            let style = Style::preset(name).unwrap();
            let printed = style.to_commented_toml();
            let loaded = Style::from_toml(&printed, "printed.toml")
                .unwrap_or_else(|e| panic!("{name}: {e}\n{printed}"));
            assert_eq!(loaded, style, "{name}");
        }
    }

    /// Every key of the printed file has a comment line right above it.
    #[test]
    fn every_printed_key_has_a_comment() {
        let printed = Style::handout().to_commented_toml();
        let lines: Vec<&str> = printed.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.contains(" = ") && !line.starts_with('#') {
                assert!(lines[i - 1].starts_with('#'), "no comment above {line:?}");
            }
        }
        assert!(printed.contains("\n[[headings]]  # 6\n"), "{printed}");
        assert!(printed.contains("\nbody-size = 12\n"), "{printed}");
        assert!(
            printed.contains("(\"小四\").\nbody-size = 12\n"),
            "{printed}"
        );
        assert!(
            printed.contains("\n# header = \"\"  (not set)\n")
                && printed.contains("\n# page-number-gap = 0  (not set)\n"),
            "{printed}"
        );
    }

    #[test]
    fn keys_override_the_preset_with_units_and_size_names() {
        let style = Style::from_toml(
            "body-size = \"五号\"\nmargin-top = \"30mm\"\n[notes]\ngap = \"8pt\"\n",
            "s.toml",
        )
        .unwrap();
        let mut want = Style::handout();
        want.body_size = 10.5;
        want.margin_top = 30.0 * super::super::MM;
        want.notes.gap = 8.0;
        assert_eq!(style, want);
    }

    #[test]
    fn an_unknown_key_names_file_line_and_the_likely_key() {
        let e = Style::from_toml("# a style\n\nbody-sise = 10.5\n", "typo.toml").unwrap_err();
        assert_eq!(
            e.0,
            "typo.toml:3: unknown key 'body-sise' (did you mean 'body-size'?)"
        );
        let e = Style::from_toml("[notes]\ngapp = 3\n", "t.toml").unwrap_err();
        assert_eq!(e.0, "t.toml:2: unknown key 'gapp' (did you mean 'gap'?)");
        let e = Style::from_toml("extend = \"handout\"\n", "t.toml").unwrap_err();
        assert_eq!(
            e.0,
            "t.toml:1: unknown key 'extend' (did you mean 'extends'?)"
        );
    }

    #[test]
    fn bad_values_name_the_key_and_what_is_allowed() {
        let e = Style::from_toml("\nbody-size = \"大四\"\n", "s.toml").unwrap_err();
        assert!(
            e.0.starts_with("s.toml:2: body-size: '大四' is not a size"),
            "{}",
            e.0
        );
        let e = Style::from_toml("body-font = \"sung\"\n", "s.toml").unwrap_err();
        assert!(
            e.0.starts_with("s.toml:1: body-font: unknown value 'sung' (did you mean 'song'?)"),
            "{}",
            e.0
        );
        let e = Style::from_toml("extends = \"nope\"\n", "s.toml").unwrap_err();
        assert_eq!(
            e.0,
            format!(
                "s.toml:1: extends: not a preset (allowed: {})",
                preset_names()
            )
        );
        let e = Style::from_toml("body-size = [1\n", "s.toml").unwrap_err();
        assert!(e.0.starts_with("s.toml:1: "), "{}", e.0);
    }

    #[test]
    fn validation_refuses_sizes_margins_headings_and_fractions() {
        for (text, want) in [
            (
                "body-size = 0",
                "s.toml:1: body-size: 0 must be more than 0",
            ),
            (
                "\nline-pitch-em = -1",
                "s.toml:2: line-pitch-em: -1 must be more than 0",
            ),
            (
                "margin-left = \"100mm\"\nmargin-right = \"100mm\"",
                "s.toml:1: margin-left: the margins leave",
            ),
            (
                "margin-top = \"290mm\"",
                "s.toml:1: margin-top: the margins leave",
            ),
            ("headings = []", "s.toml:1: headings: needs at least one"),
            (
                "[rules]\nwidth-frac = 1.5",
                "s.toml:2: rules.width-frac: 1.5 must be a fraction",
            ),
            (
                "[notes]\ngap = nan",
                "s.toml:2: notes.gap: must be a finite number",
            ),
            (
                "[toc]\ndepth = 7",
                "s.toml:2: toc.depth: 7 must be a heading level from 1 to 6",
            ),
            (
                "[toc]\ndepth = 0",
                "s.toml:2: toc.depth: 0 must be a heading",
            ),
            (
                "[toc]\nleader = \"\"",
                "s.toml:2: toc.leader: '' must be one character",
            ),
            (
                "[toc]\ngap-em = -1",
                "s.toml:2: toc.gap-em: -1 must not be negative",
            ),
        ] {
            let e = Style::from_toml(text, "s.toml").unwrap_err();
            assert!(e.0.starts_with(want), "{text:?}: {}", e.0);
        }
    }

    /// The book and ebook presets: B5 with mirrored margins, running heads, recto chapters
    /// and a contents page; a 90 × 122 mm page for a 6-inch screen.
    #[test]
    fn book_and_ebook_presets() {
        let mm = |pt: f32| pt / crate::style::MM;
        let b = Style::preset("book").unwrap();
        assert_eq!(
            (mm(b.page_width).round(), mm(b.page_height).round()),
            (176.0, 250.0)
        );
        assert!(b.mirror_margins && b.running_heads && b.recto_chapters && b.toc.enabled);
        assert!(
            b.margin_left > b.margin_right,
            "the inner margin is the wider"
        );
        let e = Style::preset("ebook").unwrap();
        assert_eq!(
            (mm(e.page_width).round(), mm(e.page_height).round()),
            (90.0, 122.0)
        );
        assert_eq!(e.line_pitch_em, e.epub.line_height_em);
        assert!(!e.mirror_margins && !e.running_heads && !e.toc.enabled);
        // One [toc] key over a preset whose file has no [toc] table (gongwen).
        let g = Style::from_toml("extends = \"gongwen\"\n[toc]\ndepth = 1\n", "t.toml").unwrap();
        assert_eq!((g.toc.depth, g.toc.title.as_str()), (1, "目录"));
    }

    /// The gongwen preset is GB/T 9704-2012: the text block is 156 × 225 mm at 37 mm from
    /// the top and 28 mm from the left, a 22 × 28 grid of 三号 cells.
    #[test]
    fn gongwen_is_the_gb_t_9704_page() {
        let g = Style::preset("gongwen").unwrap();
        let mm = |pt: f32| pt / crate::style::MM;
        assert!((mm(g.margin_top) - 37.0).abs() < 1e-3);
        assert!((mm(g.margin_left) - 28.0).abs() < 1e-3);
        assert!((mm(g.text_width()) - 156.0).abs() < 1e-3);
        assert!((mm(g.text_height()) - 225.0).abs() < 1e-3);
        assert_eq!((g.grid.chars_per_line, g.grid.lines_per_page), (28, 22));
        assert!((g.line_pitch() - 225.0 * crate::style::MM / 22.0).abs() < 1e-3);
        assert!((g.line_pitch() - g.body_size * g.line_pitch_em).abs() < 0.01);
        assert_eq!(
            (g.body_size, g.body_font),
            (16.0, crate::style::FontRole::Fang)
        );
        assert_eq!((g.title.size, g.page_number_size), (22.0, 14.0));
        assert!((mm(g.page_number_gap.unwrap()) - 7.0).abs() < 1e-3);
        assert!(!g.page_keeps && g.fill_max_lines == 0.0);
    }

    #[test]
    fn load_takes_a_preset_name_or_a_file() {
        assert_eq!(
            Style::load("handout", Path::new(".")).unwrap(),
            Style::handout()
        );
        let e = Style::load("gongwenn", Path::new("/nonexistent")).unwrap_err();
        assert!(
            e.0.starts_with(&format!(
                "unknown style 'gongwenn': not a preset ({})",
                preset_names()
            )),
            "{}",
            e.0
        );
    }
}
