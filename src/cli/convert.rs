//! `paiban convert`: a parallel batch that keeps going past failing files.

use crate::cli::args::{check_dirs, check_font_dirs, ConvertArgs, FromFormat, ReadArgs};
use crate::cli::interrupt;
use crate::cli::json_report::{self, Record, Status};
use crate::cli::manifest::{self, Manifests};
use crate::cli::plan::{self, Job};
use crate::cli::report;
use crate::cli::shard::Shard;
use crate::cli::{files_from, UsageError};
use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressStyle};
use paiban::backend::{self, Backend, Context, RenderOptions};
use paiban::image::ImageRules;
use paiban::log::Log;
use paiban::pipeline;
use paiban::read::{self, InputFormat, ReadOptions};
use paiban::style::Style;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Stack of each worker thread. The readers bound nesting (`read::MAX_NESTING`), so no
/// input should need much; a generous stack is defence in depth, because a stack overflow
/// is not a panic: it aborts the process and every other file's output with it.
const WORKER_STACK_BYTES: usize = 64 << 20;

/// What happened to one input.
struct Outcome {
    input: PathBuf,
    written: Vec<PathBuf>,
    log: Log,
    /// One line per failure: reading the input, or each format that could not be made.
    errors: Vec<String>,
    /// `--skip-existing` found every output current: nothing was converted.
    skipped: bool,
    /// Pages of the PDF, when one was made.
    pages: Option<usize>,
    /// With `--skip-existing`: the input's fingerprint, for the manifest.
    fingerprint: Option<String>,
    /// Wall time spent on this input.
    milliseconds: f64,
    /// Wall and process CPU time of the input's stages, in run order (`--timings`).
    stages: Vec<Stage>,
}

/// One stage of an input's conversion as `--timings` prints it.
struct Stage {
    name: &'static str,
    wall_ms: f64,
    cpu_ms: f64,
}

/// A point in time for [`Stage`]: the wall clock and the CPU time (user + system) of the
/// whole process, all threads.
#[derive(Clone, Copy)]
struct Clock {
    wall: Instant,
    cpu_ms: f64,
}

impl Clock {
    fn now() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu_ms: process_cpu_ms(),
        }
    }

    /// The stage `name` from `self` to now.
    fn stage(self, name: &'static str) -> Stage {
        let now = Clock::now();
        Stage {
            name,
            wall_ms: (now.wall - self.wall).as_secs_f64() * 1000.0,
            cpu_ms: now.cpu_ms - self.cpu_ms,
        }
    }
}

/// User + system CPU time of this process so far (every thread), in milliseconds (0 where
/// `getrusage` is missing).
#[cfg(unix)]
fn process_cpu_ms() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

#[cfg(not(unix))]
fn process_cpu_ms() -> f64 {
    0.0
}

/// `--skip-existing`: the output folder's manifests and what, besides the input, decides
/// an output (style, options).
struct Incremental {
    manifests: Manifests,
    settings: String,
}

impl Incremental {
    /// The settings fingerprint of one format's output.
    fn settings(&self, backend: &dyn Backend) -> String {
        manifest::settings_fingerprint(&format!("{}\n{}", self.settings, backend.name()))
    }

    /// Whether every output of `job` is current for input bytes with this fingerprint.
    fn all_current(&self, job: &Job, fingerprint: &str) -> bool {
        job.outputs.iter().all(|(b, out)| {
            self.manifests
                .current(out, fingerprint, &self.settings(*b))
                .is_some()
        })
    }
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
        top_level_heading: args.top_level_heading,
    }
}

/// The style named by `--style`: a preset, or a style file relative to the working
/// folder. A style that cannot be loaded is a usage error (exit 2) before any file is read.
pub fn style(spec: &str) -> Result<Style, UsageError> {
    Style::load(spec, Path::new("")).map_err(|e| UsageError(e.to_string()))
}

/// Runs the batch; exit 0 when every file converted, 1 when any failed.
pub fn run(args: ConvertArgs) -> Result<ExitCode> {
    let style = style(&args.style)?;
    args.read.check()?;
    check_font_dirs(&args.font_dir)?;
    check_dirs("--resource-path", &args.resource_path)?;
    let threads = args.jobs()?;
    let shard = args.shard.as_deref().map(Shard::parse).transpose()?;
    let listed = match &args.files_from {
        Some(list) => files_from::read_list(list, args.null)?,
        None => Vec::new(),
    };
    interrupt::install().context("cannot watch for SIGINT/SIGTERM")?;
    // The whole batch is planned (and checked for clashes) on every shard alike, then
    // each keeps its own inputs.
    let mut jobs = plan::plan(
        &args.inputs,
        &listed,
        args.output.as_deref(),
        args.to.as_deref(),
    )?;
    if let Some(shard) = shard {
        jobs.retain(|job| shard.contains(&job.rel));
    }
    let read = read_options(&args.read);
    let options = RenderOptions {
        font_dirs: args.font_dir.clone(),
        embed_fonts: !args.no_embed_fonts,
        docx_embed_fonts: args.embed_fonts,
        split_level: args.split_level,
        toc: args.toc,
        link_footnotes: args.link_footnotes,
        source_date_epoch: None,
        images: ImageRules {
            resource_paths: args.resource_path.clone(),
            ..ImageRules::default()
        },
    }
    .with_env();
    let incremental = args.skip_existing.then(|| Incremental {
        manifests: Manifests::load(&manifest_dir(args.output.as_deref()), shard),
        // Debug text of everything that decides the bytes: a new paiban version may
        // print it differently, but the version is compared too.
        settings: format!(
            "style {}: {:?}\nread {:?} cleanup {} infer {}\nrender {:?}",
            args.style, style, read, !args.read.no_cleanup, args.read.infer_structure, options
        ),
    });

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
        // The passes' patterns are built on a spare thread while the first input is read
        // and decoded, not in the middle of its passes (issue 12).
        if !jobs.is_empty() {
            rayon::spawn(paiban::passes::warm_patterns);
        }
        jobs.par_iter()
            .map(|job| {
                let outcome = convert_one(
                    job,
                    &read,
                    &args.read,
                    &style,
                    &options,
                    incremental.as_ref(),
                );
                bar.suspend(|| report(&outcome, args.read.verbose, args.timings));
                bar.set_message(job.input.display().to_string());
                bar.inc(1);
                outcome
            })
            .collect()
    };
    let outcomes = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .stack_size(WORKER_STACK_BYTES)
        .build()
        .context("cannot start worker threads")?
        .install(work);
    bar.finish_and_clear();
    summary(&outcomes, start.elapsed().as_secs_f64());
    let mut failed = outcomes.iter().any(|o| !o.errors.is_empty());
    if let Some(mut incremental) = incremental {
        if let Err(e) = record_outputs(&mut incremental, &jobs, &outcomes) {
            eprintln!("paiban: {}", report::causes(&e));
            failed = true;
        }
    }
    if let Some(path) = &args.report {
        let records: Vec<Record> = jobs
            .iter()
            .zip(&outcomes)
            .map(|(j, o)| record(j, o))
            .collect();
        let shard = shard.map(|s| format!("{}/{}", s.index, s.count));
        if let Err(e) = json_report::write(path, shard, &records) {
            eprintln!("paiban: --report: {}", report::causes(&e));
            failed = true;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Converts one input into each of its formats. A format that fails is reported and the
/// others are still made: one bad image or backend error never costs the other outputs.
///
/// The input is read once: with `--skip-existing` its bytes are compared with the manifest
/// first, then (unless every output is current) converted by the same functions as the
/// in-memory API ([`paiban::api`]).
fn convert_one(
    job: &Job,
    read: &ReadOptions,
    read_args: &ReadArgs,
    style: &Style,
    options: &RenderOptions,
    incremental: Option<&Incremental>,
) -> Outcome {
    let clock = Clock::now();
    let mut stages = Vec::new();
    let mut log = Log::default();
    let mut written = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = false;
    let mut pages = None;
    let mut fingerprint = None;
    // A panic (a bug) fails this file only; the batch goes on.
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let input = match &job.error {
            Some(e) => Err(anyhow::anyhow!("{e}")),
            None => read::read_input(&job.input, read).map_err(anyhow::Error::from),
        };
        let (bytes, format) = match input {
            Ok(input) => input,
            Err(e) => return errors.push(report::error_line(&job.input, &e)),
        };
        if let Some(incremental) = incremental {
            let fp = manifest::input_fingerprint(&bytes);
            skipped = incremental.all_current(job, &fp);
            fingerprint = Some(fp);
            if skipped {
                return;
            }
        }
        let infer = read_args.infer_structure.then_some(true);
        let loaded = pipeline::load_bytes(
            &bytes,
            &job.input,
            format,
            read,
            !read_args.no_cleanup,
            infer,
            &mut log,
        )
        .map_err(anyhow::Error::from);
        stages.push(clock.stage("read"));
        match loaded {
            Err(e) => errors.push(report::error_line(&job.input, &e)),
            // A bad front-matter `style:` fails this file only, like an unreadable input.
            Ok(doc) => {
                match pipeline::document_style(&doc, &job.input, style) {
                    Err(e) => errors.push(report::error_line(&job.input, &e.into())),
                    Ok(style) => {
                        let base_dir = job.input.parent().unwrap_or(Path::new("."));
                        let ctx = Context {
                            style: &style,
                            options,
                            base_dir,
                        };
                        let clock = Clock::now();
                        render_all(&doc, job, &ctx, bytes.len(), |i, made, format_log| {
                            let (backend, out) = &job.outputs[i];
                            // Logs joined in the order of the formats, as if made one by one.
                            log.entries.extend(format_log.entries);
                            let made = made
                                .map_err(anyhow::Error::from)
                                .and_then(|r| write_atomically(out, &r.bytes).map(|()| r.pages));
                            match made {
                                Ok(made_pages) => {
                                    pages = pages.or(made_pages);
                                    written.push(out.clone());
                                }
                                Err(e) => errors.push(report::error_line(
                                    &job.input,
                                    &e.context(format!("no {} written", backend.name())),
                                )),
                            }
                        });
                        stages.push(clock.stage("render"));
                        // A bad image or a broken link is met by every format: one line each.
                        log.dedupe_warnings();
                    }
                }
                // Freeing the document's many small allocations takes about a millisecond
                // on a 200 KB input: a pool thread does it while this one reports the file
                // (for the last file, while the process exits).
                rayon::spawn(move || drop(doc));
            }
        }
    }));
    if let Err(panic) = caught {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let e = anyhow::anyhow!(
            "internal error ({what}); the other files are converted: please report this file"
        );
        errors.push(report::error_line(&job.input, &e));
    }
    Outcome {
        input: job.input.clone(),
        written,
        log,
        errors,
        skipped,
        pages,
        fingerprint,
        milliseconds: clock.wall.elapsed().as_secs_f64() * 1000.0,
        stages,
    }
}

/// Inputs up to this size have their formats rendered at once, one per free core: a
/// single input's PDF, EPUB and DOCX then take about as long as its PDF alone. Bigger
/// ones are rendered one format after the other, each format's memory handed back before
/// the next (issue 9 case 13: the peaks would add up).
const PARALLEL_FORMATS_MAX_BYTES: usize = 1 << 20;

/// Renders `doc` into each of `job`'s formats and hands each result, with a log of its
/// own, to `finish` with its index in `job.outputs`, in that order. Small inputs render
/// their formats in parallel on the batch's thread pool (an idle core steals a format; in a
/// busy batch each worker mostly renders its own file's formats in turn); every format's
/// bytes are made by the same code either way, so the outputs do not depend on which
/// thread made them.
fn render_all(
    doc: &paiban::ast::Document,
    job: &Job,
    ctx: &Context<'_>,
    input_bytes: usize,
    mut finish: impl FnMut(usize, paiban::Result<backend::Rendered>, Log),
) {
    let one = |backend: &dyn Backend| {
        let mut log = Log::default();
        let made = pipeline::render_counted(doc, backend, ctx, &mut log);
        (made, log)
    };
    if job.outputs.len() > 1 && input_bytes <= PARALLEL_FORMATS_MAX_BYTES {
        // No heap trim here: for small inputs it cost more than it saved (30,000 madvise
        // calls and as many pages faulted back in on a 120-file batch); glibc reuses the
        // freed memory for the next input.
        let made: Vec<_> = job.outputs.par_iter().map(|(b, _)| one(*b)).collect();
        for (i, (made, log)) in made.into_iter().enumerate() {
            finish(i, made, log);
        }
    } else {
        for (i, (b, _)) in job.outputs.iter().enumerate() {
            let (made, log) = one(*b);
            finish(i, made, log);
            // The format's pages, strings and buffers are freed now: hand the memory back
            // before the next format, or its peak adds to this one's (issue 9 case 13).
            // Not after the last one: nothing of this input follows, and the next input
            // reuses the freed memory (the trim cost ~1 ms of a 200 KB input's PDF).
            if i + 1 < job.outputs.len() {
                release_freed_memory();
            }
        }
    }
}

/// The folder `--skip-existing` keeps its manifest in: the output folder, or the folder of
/// a single output file (`-o report.pdf`).
fn manifest_dir(output: Option<&Path>) -> PathBuf {
    match output {
        Some(o)
            if o.extension()
                .and_then(|e| e.to_str())
                .and_then(backend::by_extension)
                .is_some() =>
        {
            match o.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            }
        }
        Some(o) => o.to_path_buf(),
        None => PathBuf::from("output"),
    }
}

/// Records this run's current outputs in its manifest file and writes it: a converted or
/// skipped input's outputs are current; a failed input's are forgotten, so it is tried
/// again next time.
fn record_outputs(incremental: &mut Incremental, jobs: &[Job], outcomes: &[Outcome]) -> Result<()> {
    for (job, outcome) in jobs.iter().zip(outcomes) {
        for (b, out) in &job.outputs {
            match &outcome.fingerprint {
                Some(fp) if outcome.errors.is_empty() => {
                    let settings = incremental.settings(*b);
                    incremental.manifests.record(out, fp, &settings);
                }
                _ => incremental.manifests.forget(out),
            }
        }
    }
    incremental
        .manifests
        .save()
        .context("cannot write the --skip-existing manifest")
}

/// One input's `--report` record.
fn record(job: &Job, o: &Outcome) -> Record {
    let status = if !o.errors.is_empty() {
        Status::Failed
    } else if o.skipped {
        Status::Skipped
    } else {
        Status::Ok
    };
    let outputs = if o.skipped {
        job.outputs.iter().map(|(_, p)| p).collect::<Vec<_>>()
    } else {
        o.written.iter().collect()
    };
    Record {
        path: o.input.display().to_string(),
        outputs: outputs.iter().map(|p| p.display().to_string()).collect(),
        status,
        error: (!o.errors.is_empty()).then(|| o.errors.join("\n")),
        warnings: o.log.warnings().count(),
        pages: o.pages,
        milliseconds: (o.milliseconds * 1000.0).round() / 1000.0,
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
fn report(o: &Outcome, verbose: bool, timings: bool) {
    let mut err = std::io::stderr().lock();
    if timings {
        let stages: Vec<String> = o
            .stages
            .iter()
            .map(|s| format!("{} {:.1} ms (cpu {:.1} ms)", s.name, s.wall_ms, s.cpu_ms))
            .collect();
        let _ = writeln!(err, "{}: timings: {}", o.input.display(), stages.join(", "));
    }
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
    let skipped = outcomes.iter().filter(|o| o.skipped).count();
    let ok = outcomes
        .iter()
        .filter(|o| o.errors.is_empty() && !o.skipped)
        .count();
    let files: usize = outcomes.iter().map(|o| o.written.len()).sum();
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| !o.errors.is_empty()).collect();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "paiban: converted {ok} of {} input(s) into {files} file(s) in {seconds:.2} s",
        outcomes.len()
    );
    if skipped > 0 {
        let _ = writeln!(
            err,
            "paiban: skipped {skipped} input(s) whose outputs are up to date (--skip-existing)"
        );
    }
    if !failed.is_empty() {
        // The reasons were printed above, one line each; here only which files.
        let names: Vec<String> = failed
            .iter()
            .map(|o| o.input.display().to_string())
            .collect();
        let _ = writeln!(err, "paiban: {} failed: {}", failed.len(), names.join(", "));
    }
}
