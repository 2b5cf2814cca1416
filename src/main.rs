//! The `paiban` command line: `main` → `run() -> Result<ExitCode>`.
//!
//! Exit codes: 0 all converted, 1 any file (or the run) failed, 2 usage error.

mod cli;

use clap::Parser;
use cli::args::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("paiban: {}", cli::report::causes(&err));
            ExitCode::from(cli::exit_code(&err))
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Convert(args) => cli::convert::run(*args),
        Command::Inspect(args) => cli::inspect::run(args),
        Command::Fonts(args) => cli::inspect::fonts(args),
        Command::Style(args) => cli::inspect::style(args),
    }
}
