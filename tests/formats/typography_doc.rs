//! docs/typography.md keeps up with the code: every rule ID cited under `src/` (`T0`–`T32`)
//! has a `## T<n> — …` entry there, every rule T1–T32 has exactly one, and the overview
//! table links each entry.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn doc() -> String {
    let path = root().join("docs/typography.md");
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `.rs` file under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// Rule number → how often `## T<n>` opens a heading in the doc.
fn headings(doc: &str) -> BTreeMap<u32, usize> {
    let heading = Regex::new(r"(?m)^## T([0-9]{1,2}) — \S").expect("valid regex");
    let mut out = BTreeMap::new();
    for c in heading.captures_iter(doc) {
        *out.entry(c[1].parse().expect("digits")).or_insert(0) += 1;
    }
    out
}

#[test]
fn every_rule_cited_in_src_has_an_entry() {
    let documented = headings(&doc());
    // T0 is the conventions of §0 (HAN, WEST, CJK context); T1–T32 are the rules.
    let cite = Regex::new(r"\bT([0-9]{1,2})\b").expect("valid regex");
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    assert!(files.len() > 50, "src/ has only {} .rs files", files.len());
    let mut missing: BTreeMap<u32, String> = BTreeMap::new();
    let mut cited = BTreeSet::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (i, line) in text.lines().enumerate() {
            for c in cite.captures_iter(line) {
                let n: u32 = c[1].parse().expect("digits");
                cited.insert(n);
                if !documented.contains_key(&n) {
                    let rel = path.strip_prefix(root()).unwrap_or(path);
                    missing
                        .entry(n)
                        .or_insert_with(|| format!("{}:{}", rel.display(), i + 1));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "rule IDs cited in src/ without a `## T<n> — …` entry in docs/typography.md \
         (first citation shown): {missing:?}"
    );
    // The scan itself works: the code cites the core rules.
    for n in [1, 9, 16, 24, 27] {
        assert!(cited.contains(&n), "no citation of T{n} found under src/");
    }
}

#[test]
fn every_rule_has_exactly_one_entry_and_a_row_in_the_overview() {
    let doc = doc();
    let documented = headings(&doc);
    for n in 0..=32u32 {
        assert_eq!(
            documented.get(&n).copied().unwrap_or(0),
            1,
            "docs/typography.md needs exactly one `## T{n} — …` heading"
        );
        let row = format!("| [T{n}](#t{n}--");
        assert!(
            doc.contains(&row),
            "the overview table lacks a linked row for T{n} (`{row}…`)"
        );
    }
    assert!(
        documented.keys().all(|&n| n <= 32),
        "unknown rule headings: {documented:?}"
    );
}

/// Every `fn` name defined in `.rs` files under `src/` and `tests/`.
fn defined_fns() -> BTreeSet<String> {
    let def = Regex::new(r"\bfn ([a-z0-9_]+)").expect("valid regex");
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join("tests"), &mut files);
    let mut out = BTreeSet::new();
    for path in files {
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.extend(def.captures_iter(&text).map(|c| c[1].to_string()));
    }
    out
}

#[test]
fn every_cited_file_and_test_exists() {
    let doc = doc();
    // Paths: the doc names modules and test files by their path from the crate root.
    let path = Regex::new(r"\b(?:src|tests|docs|scripts|fonts)/[A-Za-z0-9_/.-]+\.[a-z]+\b")
        .expect("valid regex");
    let missing: BTreeSet<&str> = path
        .find_iter(&doc)
        .map(|m| m.as_str())
        .filter(|p| !root().join(p).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "docs/typography.md cites files that do not exist: {missing:?}"
    );
    // Tests: every `snake_case_name` in a "Checked by." paragraph is a function somewhere
    // under src/ or tests/ (test names are what a reader greps for).
    let fns = defined_fns();
    let name = Regex::new(r"`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`").expect("valid regex");
    let mut unknown = BTreeSet::new();
    let mut seen = 0;
    for para in doc
        .split("\n\n")
        .filter(|p| p.starts_with("**Checked by.**"))
    {
        for c in name.captures_iter(para) {
            seen += 1;
            if !fns.contains(&c[1]) {
                unknown.insert(c[1].to_string());
            }
        }
    }
    assert!(
        seen > 50,
        "only {seen} test names found in Checked-by paragraphs"
    );
    assert!(
        unknown.is_empty(),
        "docs/typography.md cites tests that no longer exist: {unknown:?}"
    );
}
