//! Notes of what the passes changed, and warnings (lints), with source lines.

use serde::Serialize;
use std::collections::HashSet;

/// Source of a warning about a link whose `#id` no heading carries, in every output.
pub const MISSING_ANCHOR: &str = "W-LINK";

/// The warning for a link to `#id` that no heading carries. Every output words it alike,
/// so that converting one input to several formats reports it once
/// ([`Log::dedupe_warnings`]).
pub fn missing_anchor(id: &str) -> String {
    format!("link to #{id}: no heading has this id; link text kept: fix the link or give the heading {{#{id}}}")
}

/// Severity of a log entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A change a pass made (printed with `-v`).
    Change,
    /// Something the user should look at (always printed), e.g. W-GLYPH, W-ORD.
    Warning,
}

/// One log entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Change or warning.
    pub level: Level,
    /// 1-based source line (0 = unknown).
    pub line: usize,
    /// The pass or backend that wrote it (`punct`, `repair`, `pdf`…), or a lint code (`W-ORD`).
    pub source: String,
    /// What happened, in one line.
    pub message: String,
}

/// Collects log entries during one conversion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Log {
    /// Entries in the order they were made.
    pub entries: Vec<Entry>,
}

impl Log {
    /// Records a change made by `source` at `line`.
    pub fn change(&mut self, source: &str, line: usize, message: impl Into<String>) {
        self.push(Level::Change, source, line, message.into());
    }

    /// Records a warning from `source` at `line`.
    pub fn warn(&mut self, source: &str, line: usize, message: impl Into<String>) {
        self.push(Level::Warning, source, line, message.into());
    }

    fn push(&mut self, level: Level, source: &str, line: usize, message: String) {
        self.entries.push(Entry {
            level,
            line,
            source: source.to_string(),
            message,
        });
    }

    /// Drops each warning that repeats an earlier one word for word (same source, line and
    /// message): the outputs of one input meet the same bad image or broken link, and one
    /// problem is one line.
    pub fn dedupe_warnings(&mut self) {
        let mut seen = HashSet::new();
        let keep: Vec<bool> = self
            .entries
            .iter()
            .map(|e| {
                e.level != Level::Warning
                    || seen.insert((e.source.as_str(), e.line, e.message.as_str()))
            })
            .collect();
        let mut keep = keep.into_iter();
        self.entries.retain(|_| keep.next().unwrap_or(true));
    }

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.level == Level::Warning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedupe_keeps_the_first_of_each_warning_and_every_change() {
        let mut log = Log::default();
        log.warn("W-IMAGE", 5, "image a.png is not a valid PNG");
        log.change("punct", 5, "，");
        log.warn("W-IMAGE", 5, "image a.png is not a valid PNG");
        log.change("punct", 5, "，");
        log.warn("W-IMAGE", 7, "image a.png is not a valid PNG");
        log.warn("pdf", 5, "image a.png is not a valid PNG");
        log.dedupe_warnings();
        let kept: Vec<(&str, usize)> = log
            .entries
            .iter()
            .map(|e| (e.source.as_str(), e.line))
            .collect();
        assert_eq!(
            kept,
            [
                ("W-IMAGE", 5),
                ("punct", 5),
                ("punct", 5),
                ("W-IMAGE", 7),
                ("pdf", 5)
            ]
        );
    }
}
