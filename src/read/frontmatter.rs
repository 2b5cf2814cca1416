//! YAML front matter (`---` … `---` at the top of a Markdown file), read by hand for the few
//! simple keys paiban uses: title, subtitle, author/authors, date, lang, style, and the
//! official-document fields of GB/T 9704 (T30), each under its Chinese name or an English
//! kebab-case alias: 发文机关 `issuer`, 发文字号 `doc-number`, 签发人 `signer`, 主送
//! `addressee`, 附件 `attachments`, 署名 `signature`, 成文日期 `doc-date` (`date` too when
//! another official field is present), 抄送 `cc`, 印发机关 `printed-by`, 印发日期
//! `printed-date`.
//!
//! Supported values: plain or quoted scalars, `[a, b]` flow lists, `- item` block lists and
//! `|` / `>` block scalars. Other keys are ignored.

use crate::ast::{Field, Meta};

/// Splits front matter off `src`.
///
/// Returns the metadata (if there is front matter) and the body in which the front-matter
/// lines are replaced by empty lines, so that line numbers of the body stay those of the file.
pub fn split(src: &str) -> (Option<Meta>, String) {
    let lines: Vec<&str> = src.split('\n').collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return (None, src.to_string());
    }
    let Some(end) = lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map(|p| p + 1)
    else {
        return (None, src.to_string());
    };
    let yaml = &lines[1..end];
    // `---` followed by ordinary Markdown is a thematic break, not front matter.
    if !yaml.iter().any(|l| key_value(l).is_some()) {
        return (None, src.to_string());
    }
    let mut body = "\n".repeat(end + 1);
    body.push_str(&lines[end + 1..].join("\n"));
    // yaml[0] is the file's line 2.
    (Some(parse(yaml, 2)), body)
}

/// `key: value` at column 0 (value may be empty).
fn key_value(line: &str) -> Option<(&str, &str)> {
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    // `key:value` without a space is not a mapping in YAML (think `http://`).
    if !(value.is_empty() || value.starts_with([' ', '\t'])) {
        return None;
    }
    Some((key, value.trim()))
}

/// A front-matter value: one string or a list of strings.
#[derive(Debug, PartialEq)]
enum Value {
    One(String),
    Many(Vec<String>),
}

impl Value {
    fn first(self) -> Option<String> {
        match self {
            Value::One(s) => Some(s),
            Value::Many(v) => v.into_iter().next(),
        }
        .filter(|s| !s.is_empty())
    }

    fn all(self) -> Vec<String> {
        match self {
            Value::One(s) if s.is_empty() => Vec::new(),
            Value::One(s) => vec![s],
            Value::Many(v) => v.into_iter().filter(|s| !s.is_empty()).collect(),
        }
    }
}

/// Parses the front-matter `lines`, the first being source line `first_line`.
fn parse(lines: &[&str], first_line: usize) -> Meta {
    let mut meta = Meta::default();
    let mut date_line = 0;
    let mut i = 0;
    while i < lines.len() {
        let Some((key, raw)) = key_value(lines[i]) else {
            i += 1;
            continue;
        };
        let line = first_line + i;
        i += 1;
        // Indented lines that follow belong to this key (block list or block scalar).
        let start = i;
        while i < lines.len()
            && (lines[i].starts_with([' ', '\t', '-']) || lines[i].trim().is_empty())
        {
            i += 1;
        }
        let value = value(raw, &lines[start..i]);
        match key {
            "title" => meta.title = value.first(),
            "subtitle" => meta.subtitle = value.first(),
            "author" | "authors" => meta.authors.extend(value.all()),
            "date" => {
                meta.date = value.first();
                date_line = line;
            }
            "lang" | "language" => {
                if let Some(lang) = value.first() {
                    meta.language = lang;
                }
            }
            "style" => meta.style = value.first(),
            key => official(&mut meta, key, value, line),
        }
    }
    // `date` is the 成文日期 of an official document, and plain metadata otherwise.
    let o = &meta.official;
    if o.date.is_none() && !o.is_empty() {
        let text = meta.date.clone();
        meta.official.date = text.map(|text| Field {
            text,
            line: date_line,
        });
    }
    meta
}

/// Stores an official-document field (T30) under its Chinese key or English alias.
fn official(meta: &mut Meta, key: &str, value: Value, line: usize) {
    let o = &mut meta.official;
    let one = |v: Value| {
        v.first().map(|text| Field {
            text: text.trim().to_string(),
            line,
        })
    };
    let all = |v: Value| {
        v.all()
            .into_iter()
            .map(|text| Field {
                text: text.trim().to_string(),
                line,
            })
            .filter(|f| !f.text.is_empty())
            .collect::<Vec<_>>()
    };
    match key {
        "发文机关" | "issuer" => o.issuer = one(value),
        "发文字号" | "doc-number" => o.number = one(value),
        "签发人" | "signer" | "signers" => o.signers = all(value),
        "主送" | "主送机关" | "addressee" => o.addressee = one(value),
        "附件" | "attachments" | "attachment" => o.attachments = all(value),
        "署名" | "发文机关署名" | "signature" => o.signature = one(value),
        "成文日期" | "doc-date" => o.date = one(value),
        "抄送" | "抄送机关" | "cc" => o.cc = all(value),
        "印发机关" | "printed-by" => o.printed_by = one(value),
        "印发日期" | "printed-date" => o.printed_date = one(value),
        _ => {}
    }
}

fn value(raw: &str, nested: &[&str]) -> Value {
    let raw = strip_comment(raw);
    if raw.is_empty() {
        let items: Vec<String> = nested
            .iter()
            .filter_map(|l| l.trim_start().strip_prefix('-'))
            .map(|item| scalar(strip_comment(item.trim())))
            .collect();
        return Value::Many(items);
    }
    if let Some(inner) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return Value::Many(split_flow(inner).into_iter().map(scalar).collect());
    }
    if raw.starts_with('|') || raw.starts_with('>') {
        let parts: Vec<&str> = nested.iter().map(|l| l.trim()).collect();
        let sep = if raw.starts_with('|') { "\n" } else { " " };
        return Value::One(parts.join(sep).trim().to_string());
    }
    Value::One(scalar(raw))
}

/// Removes a ` # comment` (YAML needs the space before `#`) outside quotes.
fn strip_comment(s: &str) -> &str {
    let mut quote = None;
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') if prev_space => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev_space => return s[..i].trim_end(),
            _ => {}
        }
        prev_space = c == ' ' || c == '\t';
    }
    s.trim()
}

/// Splits `a, "b, c", d` at commas outside quotes.
fn split_flow(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ',') => {
                parts.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = s[start..].trim();
    if !last.is_empty() || !parts.is_empty() {
        parts.push(last);
    }
    parts
}

/// A scalar with its quotes removed (`''` in single quotes, backslash escapes in double).
fn scalar(s: &str) -> String {
    let s = s.trim();
    if s.len() >= 2 && s.starts_with('\'') && s.ends_with('\'') {
        return s[1..s.len() - 1].replace("''", "'");
    }
    if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        let mut out = String::new();
        let mut chars = s[1..s.len() - 1].chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        return out;
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_lists_and_quotes() {
        let src = "---\ntitle: \"义乌: 发展\" # comment\nsubtitle: '它''s'\nauthors:\n  - 吴伟华\n  - \"徐应红\"\ndate: 2026-01-02\nlang: zh-Hans\nstyle: gongwen\nother: x\n---\n# Body\n";
        let (meta, body) = split(src);
        let meta = meta.unwrap();
        assert_eq!(meta.title.as_deref(), Some("义乌: 发展"));
        assert_eq!(meta.subtitle.as_deref(), Some("它's"));
        assert_eq!(meta.authors, vec!["吴伟华", "徐应红"]);
        assert_eq!(meta.date.as_deref(), Some("2026-01-02"));
        assert_eq!(meta.language, "zh-Hans");
        assert_eq!(meta.style.as_deref(), Some("gongwen"));
        // Same number of lines before `# Body`: it is still line 12.
        assert_eq!(body.split('\n').position(|l| l == "# Body"), Some(11));
    }

    #[test]
    fn flow_list_and_single_author() {
        let (meta, _) = split("---\nauthor: [甲, \"乙, 丙\"]\n---\n");
        assert_eq!(meta.unwrap().authors, vec!["甲", "乙, 丙"]);
        let (meta, _) = split("---\nauthor: 张三\n...\ntext");
        let meta = meta.unwrap();
        assert_eq!(meta.authors, vec!["张三"]);
        assert_eq!(meta.language, "zh-CN");
    }

    #[test]
    fn official_fields_under_chinese_keys_and_english_aliases() {
        let (meta, _) = split(
            "---\n发文机关: 某县人民政府文件\ndoc-number: 某政发〔2024〕1号\nsigner: [甲, 乙]\n\
             主送: 各乡镇\nattachments:\n  - 表一\n  - 表二\ndate: 2024年3月5日\n抄送: 县委\n\
             printed-by: 县政府办公室\n印发日期: 2024年3月6日\n---\n",
        );
        let meta = meta.unwrap();
        let o = &meta.official;
        assert_eq!(o.issuer.as_ref().unwrap().text, "某县人民政府文件");
        assert_eq!(o.issuer.as_ref().unwrap().line, 2);
        assert_eq!(o.number.as_ref().unwrap().line, 3);
        assert_eq!(o.signers.len(), 2);
        assert_eq!(o.addressee.as_ref().unwrap().text, "各乡镇");
        let names: Vec<&str> = o.attachments.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(names, ["表一", "表二"]);
        // With other official fields, `date` is the 成文日期, with its line.
        assert_eq!(
            o.date.as_ref().map(|d| (d.text.as_str(), d.line)),
            Some(("2024年3月5日", 9))
        );
        assert_eq!(o.cc[0].text, "县委");
        assert!(o.printed_by.is_some() && o.printed_date.is_some());
        // Without them it is only the metadata date.
        let (meta, _) = split("---\ntitle: x\ndate: 2024-01-02\n---\n");
        assert!(meta.unwrap().official.is_empty());
    }

    #[test]
    fn no_front_matter() {
        let src = "---\n\n文字\n\n---\n";
        assert_eq!(split(src), (None, src.to_string()));
        assert_eq!(split("# T\n---\na: b\n---\n").0, None);
        assert_eq!(split("---\ntitle: x\n").0, None);
    }
}
