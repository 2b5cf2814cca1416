//! Notes of what the passes changed, and warnings (lints), with source lines.

use serde::Serialize;

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

    /// The warnings only.
    pub fn warnings(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.level == Level::Warning)
    }
}
