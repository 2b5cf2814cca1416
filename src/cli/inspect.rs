//! `paiban inspect` and `paiban fonts`.

use crate::cli::args::{check_font_dirs, FontsArgs, InspectArgs, StyleArgs};
use crate::cli::convert::read_options;
use crate::cli::{report, write_stdout, UsageError};
use anyhow::Result;
use paiban::style::{Style, PRESETS};
use paiban::{inspect, pipeline};
use std::path::Path;
use std::process::ExitCode;

/// Prints the structured document (or its JSON, or its layout).
pub fn run(args: InspectArgs) -> Result<ExitCode> {
    let style = crate::cli::convert::style(&args.style)?;
    args.read.check()?;
    let mut log = paiban::log::Log::default();
    let read = read_options(&args.read);
    let infer = args.read.infer_structure.then_some(true);
    let doc = match pipeline::load(&args.file, &read, !args.read.no_cleanup, infer, &mut log) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{}", report::error_line(&args.file, &e.into()));
            return Ok(ExitCode::from(1));
        }
    };
    for e in &log.entries {
        if let Some(line) = report::entry_line(&args.file, e, args.read.verbose) {
            eprintln!("{line}");
        }
    }
    if args.layout {
        let fonts = paiban::fonts::FontSet::load(&[])?;
        let base = args.file.parent().unwrap_or(Path::new("."));
        let style = match pipeline::document_style(&doc, &args.file, &style) {
            Ok(style) => style,
            Err(e) => {
                eprintln!("{}", report::error_line(&args.file, &e.into()));
                return Ok(ExitCode::from(1));
            }
        };
        let layout = paiban::layout::layout(
            &doc,
            &style,
            &fonts,
            paiban::image::ImageSource::new(base),
            &mut log,
        );
        write_stdout(&paiban::layout::dump(&layout))?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.json {
        write_stdout(&(serde_json::to_string_pretty(&doc)? + "\n"))?;
    } else {
        write_stdout(&inspect::outline(&doc))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Lists the font of every role.
pub fn fonts(args: FontsArgs) -> Result<ExitCode> {
    check_font_dirs(&args.font_dir)?;
    let set = paiban::fonts::FontSet::load(&args.font_dir)?;
    write_stdout(&paiban::fonts::report(&set))?;
    Ok(ExitCode::SUCCESS)
}

/// `paiban style --list` and `paiban style --print NAME`.
pub fn style(args: StyleArgs) -> Result<ExitCode> {
    if let Some(name) = &args.print {
        let style = Style::preset(name).ok_or_else(|| {
            let names: Vec<&str> = PRESETS.iter().map(|(n, _, _)| *n).collect();
            UsageError(format!(
                "unknown preset '{name}' (available: {})",
                names.join(", ")
            ))
        })?;
        write_stdout(&style.to_commented_toml())?;
    } else {
        let width = PRESETS.iter().map(|(n, _, _)| n.len()).max().unwrap_or(0);
        let list: String = PRESETS
            .iter()
            .map(|(name, about, _)| format!("{name:width$}  {about}\n"))
            .collect();
        write_stdout(&list)?;
    }
    Ok(ExitCode::SUCCESS)
}
