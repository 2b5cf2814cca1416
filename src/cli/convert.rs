//! `paiban convert`: a parallel batch that keeps going past failing files.

use crate::cli::args::{check_dirs, check_font_dirs, ConvertArgs, FromFormat, ReadArgs};
use crate::cli::interrupt;
use crate::cli::plan::{self, Job};
use crate::cli::report;
use crate::cli::UsageError;
use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressStyle};
use paiban::backend::{Context, RenderOptions};
use paiban::image::ImageRules;
use paiban::log::Log;
use paiban::pipeline;
use paiban::read::{InputFormat, ReadOptions};
use paiban::style::Style;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// What happened to one input.
struct Outcome {
    input: PathBuf,
    written: Vec<PathBuf>,
    log: Log,
    /// One line per failure: reading the input, or each format that could not be made.
    errors: Vec<String>,
}

/// Reading options from the command line (checked by [`ReadArgs::check`] first).
pub fn read_options(args: &ReadArgs) -> ReadOptions {
    ReadOptions {
        from: args.from.map(|f| match f {
            FromFormat::Markdown => InputFormat::Markdown,
            FromFormat::Text => InputFormat::Text,
        }),
        encoding: args.encoding.clone(),
        max_input_size: args
            .max_input_bytes()
            .unwrap_or(paiban::read::MAX_INPUT_BYTES),
    }
}

/// The style named by `--style` (only the `handout` preset exists so far).
pub fn style(name: &str) -> Result<Style, UsageError> {
    match name {
        "handout" => Ok(Style::handout()),
        other => Err(UsageError(format!(
            "unknown style '{other}' (available: handout; style files come in a later release)"
        ))),
    }
}

/// Runs the batch; exit 0 when every file converted, 1 when any failed.
pub fn run(args: ConvertArgs) -> Result<ExitCode> {
    let style = style(&args.style)?;
    args.read.check()?;
    check_font_dirs(&args.font_dir)?;
    check_dirs("--resource-path", &args.resource_path)?;
    let threads = args.jobs()?;
    interrupt::install().context("cannot watch for SIGINT/SIGTERM")?;
    let jobs = plan::plan(&args.inputs, args.output.as_deref(), args.to.as_deref())?;
    let read = read_options(&args.read);
    let options = RenderOptions {
        font_dirs: args.font_dir.clone(),
        embed_fonts: !args.no_embed_fonts,
        split_level: args.split_level,
        toc: args.toc,
        source_date_epoch: None,
        images: ImageRules {
            resource_paths: args.resource_path.clone(),
            ..ImageRules::default()
        },
    }
    .with_env();

    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(jobs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .expect("valid progress template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };

    let start = Instant::now();
    let work = || -> Vec<Outcome> {
        jobs.par_iter()
            .map(|job| {
                let outcome = convert_one(job, &read, &args.read, &style, &options);
                bar.suspend(|| report(&outcome, args.read.verbose));
                bar.set_message(job.input.display().to_string());
                bar.inc(1);
                outcome
            })
            .collect()
    };
    let outcomes = match threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .context("cannot start worker threads")?
            .install(work),
        None => work(),
    };
    bar.finish_and_clear();
    summary(&outcomes, start.elapsed().as_secs_f64());
    let failed = outcomes.iter().any(|o| !o.errors.is_empty());
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Converts one input into each of its formats. A format that fails is reported and the
/// others are still made: one bad image or backend error never costs the other outputs.
fn convert_one(
    job: &Job,
    read: &ReadOptions,
    read_args: &ReadArgs,
    style: &Style,
    options: &RenderOptions,
) -> Outcome {
    let mut log = Log::default();
    let mut written = Vec::new();
    let mut errors = Vec::new();
    let loaded = match &job.error {
        Some(e) => Err(anyhow::anyhow!("{e}")),
        None => {
            let infer = read_args.infer_structure.then_some(true);
            pipeline::load(&job.input, read, !read_args.no_cleanup, infer, &mut log)
                .map_err(anyhow::Error::from)
        }
    };
    match loaded {
        Err(e) => errors.push(report::error_line(&job.input, &e)),
        Ok(doc) => {
            let base_dir = job.input.parent().unwrap_or(Path::new("."));
            let ctx = Context {
                style,
                options,
                base_dir,
            };
            for (backend, out) in &job.outputs {
                let made = pipeline::render(&doc, *backend, &ctx, &mut log)
                    .map_err(anyhow::Error::from)
                    .and_then(|bytes| write_atomically(out, &bytes));
                // The format's pages, strings and buffers are freed now: hand the memory
                // back before the next format, or its peak adds to this one's (issue 9 case 13).
                release_freed_memory();
                match made {
                    Ok(()) => written.push(out.clone()),
                    Err(e) => errors.push(report::error_line(
                        &job.input,
                        &e.context(format!("no {} written", backend.name())),
                    )),
                }
            }
        }
    }
    Outcome {
        input: job.input.clone(),
        written,
        log,
        errors,
    }
}

/// Returns the heap's free pages to the system. glibc keeps what a format freed in its
/// per-thread arenas, where the next format's differently sized allocations do not fit:
/// without this, converting a big document to three formats peaks tens of MB higher than
/// the largest one alone.
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns unused heap pages; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Writes through a temporary file in the target folder, then renames: a crash or a
/// failing backend never leaves a half-written output.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // Registered so that SIGINT/SIGTERM removes it (see `interrupt`).
    let mut tmp = interrupt::temp_file_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    if let Err(e) = tmp.write_all(bytes) {
        interrupt::discard(tmp);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    // tempfile creates 0600; an output is an ordinary document, readable like any other.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    interrupt::persist(tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Prints a file's warnings (and, with -v, its changes) and its error, one line each.
fn report(o: &Outcome, verbose: bool) {
    let mut err = std::io::stderr().lock();
    for e in &o.log.entries {
        if let Some(line) = report::entry_line(&o.input, e, verbose) {
            let _ = writeln!(err, "{line}");
        }
    }
    for e in &o.errors {
        let _ = writeln!(err, "{e}");
    }
}

fn summary(outcomes: &[Outcome], seconds: f64) {
    let ok = outcomes.iter().filter(|o| o.errors.is_empty()).count();
    let files: usize = outcomes.iter().map(|o| o.written.len()).sum();
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| !o.errors.is_empty()).collect();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "paiban: converted {ok} of {} input(s) into {files} file(s) in {seconds:.2} s",
        outcomes.len()
    );
    if !failed.is_empty() {
        // The reasons were printed above, one line each; here only which files.
        let names: Vec<String> = failed
            .iter()
            .map(|o| o.input.display().to_string())
            .collect();
        let _ = writeln!(err, "paiban: {} failed: {}", failed.len(), names.join(", "));
    }
}
