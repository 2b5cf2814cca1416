//! T5 lints: warn, never rewrite. W-ORD, W-STOP, W-DATE, W-FWZH.
//!
//! W-ORD and W-STOP are document-wide: a newsletter numbers dozens of paragraphs `1、`, and
//! one warning with a count says as much as dozens of lines.

use crate::log::Log;
use regex::Regex;
use std::sync::OnceLock;

/// The lints' patterns, built once: `1、` or `一.` at the start of a block used as an
/// ordinal (GB: `1.` and `一、`), a date, a document number in the wrong brackets.
fn patterns() -> &'static [Regex; 3] {
    static R: OnceLock<[Regex; 3]> = OnceLock::new();
    R.get_or_init(|| {
        [
            r"^\s*(?:\d{1,3}、|[一二三四五六七八九十]+[.．])",
            r"(?:\d{2,4}年)?\d{1,2}月(?:\d{1,2}日)?",
            r"[\[(（]\d{4}[\])）]\d+号",
        ]
        .map(|r| Regex::new(r).expect("valid regex"))
    })
}

/// Builds the lints' patterns now ([`crate::passes::warm_patterns`]).
pub(super) fn warm() {
    patterns();
}

/// Per-sequence lints: W-DATE, W-FWZH; W-ORD is counted in `ordinals` and reported once.
pub(super) fn check(text: &str, line: usize, ordinals: &mut OrdinalCount, log: &mut Log) {
    let [ord, date, fwzh] = patterns();
    if let Some(m) = ord.find(text) {
        ordinals.count(m.as_str().trim(), line);
    }
    for m in date.find_iter(text) {
        let s = m.as_str();
        if s.starts_with('0') || s.contains("年0") || s.contains("月0") {
            log.warn("W-DATE", line, format!("zero-padded date `{s}`"));
        }
    }
    for m in fwzh.find_iter(text) {
        log.warn(
            "W-FWZH",
            line,
            format!("document number `{}` should use 〔〕", m.as_str()),
        );
    }
}

/// Document-wide W-STOP: `。` and `．` mixed as full stops.
#[derive(Default)]
pub(super) struct StopCount {
    circle: usize,
    dot: Option<usize>,
}

impl StopCount {
    /// Counts full stops of one sequence.
    pub(super) fn count(&mut self, text: &str, line: usize) {
        self.circle += text.matches('。').count();
        if self.dot.is_none() && text.contains('．') {
            self.dot = Some(line);
        }
    }

    /// Adds the counts of a later part of the document.
    pub(super) fn absorb(&mut self, later: StopCount) {
        self.circle += later.circle;
        self.dot = self.dot.or(later.dot);
    }

    /// Warns once if both kinds occur.
    pub(super) fn report(&self, log: &mut Log) {
        if let (true, Some(line)) = (self.circle > 0, self.dot) {
            log.warn(
                "W-STOP",
                line,
                "full stops `。` and `．` are mixed in one document",
            );
        }
    }
}

/// Document-wide W-ORD: ordinals such as `1、` or `一.` that mix the two GB styles.
#[derive(Default)]
pub(super) struct OrdinalCount {
    /// The first such ordinal and its line.
    first: Option<(String, usize)>,
    /// How many blocks start with one.
    count: usize,
}

impl OrdinalCount {
    /// Counts one block starting with the mixed-style ordinal `ordinal`.
    fn count(&mut self, ordinal: &str, line: usize) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some((ordinal.to_string(), line));
        }
    }

    /// Adds the counts of a later part of the document (its first ordinal comes after ours).
    pub(super) fn absorb(&mut self, later: OrdinalCount) {
        self.count += later.count;
        if self.first.is_none() {
            self.first = later.first;
        }
    }

    /// Warns once, at the first occurrence, with the count.
    pub(super) fn report(&self, log: &mut Log) {
        let Some((ordinal, line)) = &self.first else {
            return;
        };
        let mut message = format!("ordinal `{ordinal}` mixes styles: use `1.` or `一、`");
        if self.count > 1 {
            message.push_str(&format!(
                " ({} blocks start with such an ordinal; this is the first)",
                self.count
            ));
        }
        log.warn("W-ORD", *line, message);
    }
}
