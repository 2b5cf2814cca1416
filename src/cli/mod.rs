//! The command line: argument parsing, batch conversion, inspection.

pub mod args;
pub mod convert;
pub mod files_from;
pub mod inspect;
pub mod interrupt;
pub mod json_report;
pub mod manifest;
pub mod plan;
pub mod report;
pub mod shard;

/// A usage error: reported with exit code 2, before anything is written.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Writes `text` to standard output. A reader that stops early (`paiban inspect FILE |
/// head -1`) closes the pipe: that is a quiet, successful end, as for other Unix tools, where
/// `print!` would panic (Rust ignores SIGPIPE, so the write fails with EPIPE instead).
pub fn write_stdout(text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Exit status for an error that ended the whole run: 2 for a usage error (anywhere in the
/// error's chain), 1 for anything else — a conversion or I/O failure is not a usage error.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    if err.chain().any(|e| e.is::<UsageError>()) {
        2
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn usage_errors_exit_2_even_with_context() {
        let err = anyhow::Error::new(UsageError("unknown format 'pfd'".into()));
        assert_eq!(exit_code(&err), 2);
        let wrapped = Err::<(), _>(UsageError("x".into()))
            .context("while planning")
            .unwrap_err();
        assert_eq!(exit_code(&wrapped), 2);
    }

    #[test]
    fn other_errors_exit_1() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        assert_eq!(exit_code(&anyhow::Error::new(io)), 1);
        assert_eq!(
            exit_code(&anyhow::anyhow!("cannot start worker threads")),
            1
        );
    }
}
