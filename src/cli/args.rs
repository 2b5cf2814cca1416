//! Command-line arguments (clap derive).

use super::UsageError;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// 排版 paiban: Markdown and Chinese plain text to print-ready PDF, EPUB 3 and DOCX.
#[derive(Debug, Parser)]
#[command(name = "paiban", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Convert files or folders (recursively: .md .markdown .txt) to PDF, EPUB and DOCX.
    Convert(Box<ConvertArgs>),
    /// Print the structured document, one line per block (or the whole AST with --json).
    Inspect(InspectArgs),
    /// List, per font role, the font that will be used and where it comes from.
    Fonts(FontsArgs),
    /// List the style presets, or print one as a commented TOML style file to start from.
    Style(StyleArgs),
}

/// Input formats accepted by `--from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FromFormat {
    /// CommonMark + GFM Markdown.
    #[value(alias = "md")]
    Markdown,
    /// Chinese plain text.
    #[value(alias = "txt")]
    Text,
}

/// Options about reading and the passes, shared by `convert` and `inspect`.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Input format; by default taken from the file extension.
    #[arg(long, value_enum)]
    pub from: Option<FromFormat>,
    /// Input encoding (e.g. gb18030, utf-16le); by default detected.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Turn off the clean-up passes (punctuation, paragraph repair, stray markup).
    #[arg(long)]
    pub no_cleanup: bool,
    /// Infer titles, headings and bylines in Markdown too (always on for plain text).
    #[arg(long)]
    pub infer_structure: bool,
    /// The Markdown heading depth printed as level 1 (1–6: 2 makes `##` level 1); by
    /// default the shallowest depth used after the title.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=6))]
    pub top_level_heading: Option<u8>,
    /// Print every change the passes make, with its source line.
    #[arg(short, long)]
    pub verbose: bool,
    /// Largest input file read, in bytes, or with a unit: 300K, 10M, 1G (default 256M).
    #[arg(long, value_name = "SIZE")]
    pub max_input_size: Option<String>,
}

/// `paiban convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// Input files or folders (may be left out with --files-from).
    #[arg(required_unless_present = "files_from", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Also convert the files listed in FILE (`-`: standard input), one path per line,
    /// relative to the current folder, after the INPUTs. A listed file keeps its relative
    /// path below the output folder (`a/b.md` → `OUT/a/b.pdf`).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// --files-from: paths are separated by NUL bytes (`find -print0`), not newlines.
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,
    /// Convert only shard K of N (0 ≤ K < N, 0-based like JOB_COMPLETION_INDEX): an input
    /// belongs to shard `FNV-1a-64(path) mod N`, the path being relative to the INPUT folder
    /// it was found in (a file's own name for a file INPUT; the listed path for
    /// --files-from), UTF-8, `/`-separated. The same on every machine: N runs with K =
    /// 0…N−1 convert every input exactly once.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Write a JSON report, one record per input (path, outputs, status ok|failed|skipped,
    /// error, warnings, pages, milliseconds), atomically.
    #[arg(long, value_name = "FILE.json")]
    pub report: Option<PathBuf>,
    /// Skip inputs whose outputs exist and were made from the same input bytes, style,
    /// options and paiban version, as recorded in the output folder's
    /// `.paiban-manifest*.json` (one file per shard; written only in this mode).
    #[arg(long)]
    pub skip_existing: bool,
    /// Output folder (default `output/`), or one output file such as `report.pdf` for one input.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Output formats, comma-separated (default: all of pdf,epub,docx).
    #[arg(long, value_delimiter = ',', value_name = "FORMATS")]
    pub to: Option<Vec<String>>,
    /// Style preset name or TOML style file (`paiban style --list`); a document's
    /// front-matter `style:` overrides it for that document.
    #[arg(long, value_name = "NAME|FILE", default_value = "handout")]
    pub style: String,
    /// Extra font folder, searched before the bundled fonts (repeatable).
    #[arg(long, value_name = "DIR")]
    pub font_dir: Vec<PathBuf>,
    /// Folder images may also come from (besides the input's own folder tree), where
    /// relative image paths are looked up too (repeatable).
    #[arg(long, value_name = "DIR")]
    pub resource_path: Vec<PathBuf>,
    /// EPUB: do not embed font subsets.
    #[arg(long)]
    pub no_embed_fonts: bool,
    /// DOCX: embed subsets of the fonts used, obfuscated as Word does, so the document looks
    /// the same on a machine without them (also style key `docx.embed-fonts`).
    #[arg(long)]
    pub embed_fonts: bool,
    /// EPUB: for a single long article, one file per heading of this level.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub split_level: u8,
    /// A table of contents: a contents page before the text (PDF) and a TOC field (DOCX);
    /// sets style key `toc.enabled` (on in the `book` style).
    #[arg(long)]
    pub toc: bool,
    /// PDF and DOCX: print each external link's URL as a footnote (EPUB keeps live links).
    #[arg(long)]
    pub link_footnotes: bool,
    /// Print, for each input, the wall and process CPU time of reading it (with the passes)
    /// and of rendering its formats (layout and writing), in milliseconds. The CPU time is
    /// the whole process's: it is the input's own with one input, or with `-j 1`.
    #[arg(long)]
    pub timings: bool,
    /// Number of files converted in parallel (default: one per core; at most 4 × the cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// `paiban inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The file to inspect.
    pub file: PathBuf,
    /// Print the whole AST, metadata included, as JSON.
    #[arg(long, conflicts_with = "layout")]
    pub json: bool,
    /// Print the laid-out pages as text (page, line, x-range, text).
    #[arg(long)]
    pub layout: bool,
    /// Style preset name or TOML style file for --layout (front-matter `style:` overrides it).
    #[arg(
        long,
        value_name = "NAME|FILE",
        default_value = "handout",
        requires = "layout"
    )]
    pub style: String,
    /// Reading options.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// `paiban style`.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct StyleArgs {
    /// List the presets, one line each.
    #[arg(long)]
    pub list: bool,
    /// Print preset NAME as a complete TOML style file, every key commented.
    #[arg(long, value_name = "NAME")]
    pub print: Option<String>,
}

/// `paiban fonts`.
#[derive(Debug, Args)]
pub struct FontsArgs {
    /// Extra font folder, searched before the bundled fonts (repeatable).
    #[arg(long, value_name = "DIR")]
    pub font_dir: Vec<PathBuf>,
}

impl ReadArgs {
    /// Checks the reading options before any file is read: an unknown `--encoding` is a
    /// usage error, not one failure per input.
    pub fn check(&self) -> Result<(), UsageError> {
        self.max_input_bytes()?;
        match &self.encoding {
            Some(name) if !paiban::read::is_known_encoding(name) => Err(UsageError(format!(
                "--encoding {name}: unknown encoding (examples: utf-8, gb18030, gbk, big5, utf-16le)"
            ))),
            _ => Ok(()),
        }
    }

    /// `--max-input-size` in bytes (the default when not given).
    pub fn max_input_bytes(&self) -> Result<u64, UsageError> {
        match &self.max_input_size {
            None => Ok(paiban::read::MAX_INPUT_BYTES),
            Some(text) => parse_size(text).ok_or_else(|| {
                UsageError(format!(
                    "--max-input-size {text}: give a size above 0 in bytes or with a unit (300K, 10M, 1G)"
                ))
            }),
        }
    }
}

/// A byte count such as `1000`, `300K`, `10M`, `1G` (units of 1024, `B` or `iB` may
/// follow, any case); `None` for anything else, zero or an overflow.
fn parse_size(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_uppercase();
    let t = t
        .strip_suffix("IB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(&t);
    let (digits, shift) = match t.char_indices().last()? {
        (i, 'K') => (&t[..i], 10),
        (i, 'M') => (&t[..i], 20),
        (i, 'G') => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: u64 = digits.trim().parse().ok()?;
    n.checked_mul(1 << shift).filter(|&b| b > 0)
}

/// Checks that every `--font-dir` is an existing folder.
pub fn check_font_dirs(dirs: &[PathBuf]) -> Result<(), UsageError> {
    check_dirs("--font-dir", dirs)
}

/// Checks that every folder given with `option` exists.
pub fn check_dirs(option: &str, dirs: &[PathBuf]) -> Result<(), UsageError> {
    match dirs.iter().find(|d| !d.is_dir()) {
        Some(d) => Err(UsageError(format!(
            "{option} {}: no such folder",
            d.display()
        ))),
        None => Ok(()),
    }
}

impl ConvertArgs {
    /// The `-j` worker count, checked: at least 1 and at most 4 × the cores (more threads
    /// only add memory and contention; a typo such as `-j 100000` must not start them).
    pub fn jobs(&self) -> Result<Option<usize>, UsageError> {
        let Some(n) = self.jobs else {
            return Ok(None);
        };
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let max = 4 * cores;
        if n == 0 || n > max {
            return Err(UsageError(format!(
                "-j {n}: give a number from 1 to {max} (4 × {cores} cores)"
            )));
        }
        Ok(Some(n))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("300K"), Some(300 << 10));
        assert_eq!(parse_size("10mb"), Some(10 << 20));
        assert_eq!(parse_size("1GiB"), Some(1 << 30));
        for bad in ["", "0", "-5", "ten", "5T", "99999999999999G", "M"] {
            assert_eq!(parse_size(bad), None, "{bad}");
        }
    }
}
