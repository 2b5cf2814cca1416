//! `--report FILE.json`: one record per input of this run (of this shard with `--shard`),
//! for the engine that runs the batch (a Kubernetes Job, GNU parallel, a script) to collect.

use super::convert::write_atomically;
use anyhow::Result;
use serde::Serialize;
use std::path::Path;

/// What happened to one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every output was made.
    Ok,
    /// Reading failed, or at least one output could not be made (see `error`).
    Failed,
    /// `--skip-existing`: every output was current; nothing was converted.
    Skipped,
}

/// One input's record.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    /// The input as given (or found in a folder or `--files-from`).
    pub path: String,
    /// The outputs made (or, when skipped, kept).
    pub outputs: Vec<String>,
    /// Ok, failed or skipped.
    pub status: Status,
    /// The error lines, one per failure, joined by newlines; `null` when none.
    pub error: Option<String>,
    /// Number of warnings.
    pub warnings: usize,
    /// Pages of the PDF when one was made, else `null`.
    pub pages: Option<usize>,
    /// Wall time spent on this input, in milliseconds.
    pub milliseconds: f64,
}

/// The whole report.
#[derive(Debug, Serialize)]
struct Report<'a> {
    /// The paiban version that wrote it.
    paiban: &'static str,
    /// `K/N` with `--shard`, else `null`.
    shard: Option<String>,
    /// One record per input, in input order.
    inputs: &'a [Record],
}

/// Writes the report to `path` atomically (a reader never sees half a file).
pub fn write(path: &Path, shard: Option<String>, records: &[Record]) -> Result<()> {
    let report = Report {
        paiban: env!("CARGO_PKG_VERSION"),
        shard,
        inputs: records,
    };
    let mut json = serde_json::to_string_pretty(&report)?;
    json.push('\n');
    write_atomically(path, json.as_bytes())
}
