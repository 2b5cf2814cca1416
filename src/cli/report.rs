//! Messages on stderr: one line per problem, `file:line: kind: what; what to do`.

use paiban::log::{Entry, Level};
use std::path::Path;

/// The line for a log entry of `file`, or `None` when it is a change and `verbose` is off.
/// Entries without a source line (0) are reported against the file alone.
pub fn entry_line(file: &Path, e: &Entry, verbose: bool) -> Option<String> {
    let kind = match e.level {
        Level::Warning => "warning",
        Level::Change if verbose => "note",
        Level::Change => return None,
    };
    Some(format!(
        "{}: {kind}: [{}] {}",
        place(file, e.line),
        e.source,
        e.message
    ))
}

/// The line for an error that stopped the conversion of `file`: the error's causes without
/// repeats and without the file name they often start with, the source line when the error
/// knows one, and what to do when the cause is a common I/O failure.
pub fn error_line(file: &Path, err: &anyhow::Error) -> String {
    let line = err
        .chain()
        .find_map(|e| match e.downcast_ref::<paiban::Error>() {
            Some(paiban::Error::Decode { line, .. }) => Some(*line),
            _ => None,
        });
    format!(
        "{}: error: {}",
        place(file, line.unwrap_or(0)),
        error_message(file, err)
    )
}

/// The message of [`error_line`], without the place.
pub fn error_message(file: &Path, err: &anyhow::Error) -> String {
    let mut message = causes(err);
    let name = format!("{}: ", file.display());
    while let Some(rest) = message.strip_prefix(&name) {
        message = rest.to_string();
    }
    let io_kind = err
        .chain()
        .find_map(|e| e.downcast_ref::<std::io::Error>())
        .map(|e| e.kind());
    let hint = match io_kind {
        Some(std::io::ErrorKind::NotFound) => Some("check the path"),
        Some(std::io::ErrorKind::PermissionDenied) => {
            Some("make it readable (chmod +r) or leave it out")
        }
        Some(std::io::ErrorKind::IsADirectory) => {
            Some("give a file, or convert the folder as a whole")
        }
        Some(std::io::ErrorKind::FileTooLarge) => {
            Some("raise --max-input-size if it really is a document")
        }
        _ => None,
    };
    match hint {
        Some(hint) => format!("{message}; {hint}"),
        None => message,
    }
}

/// The error and its causes joined by `: `, each text once: library errors show their
/// source in their own text ("a.md: Permission denied"), and the chain lists it again.
pub fn causes(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// `file:line`, or `file` alone when the line is unknown (0).
fn place(file: &Path, line: usize) -> String {
    if line == 0 {
        file.display().to_string()
    } else {
        format!("{}:{line}", file.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error as IoError, ErrorKind};

    #[test]
    fn permission_denied_is_one_clause_with_what_to_do() {
        // What `secret.md` unreadable gave: "secret.md: secret.md: Permission denied
        // (os error 13): Permission denied (os error 13)".
        let err = anyhow::Error::new(paiban::Error::Io {
            path: "secret.md".into(),
            source: IoError::from(ErrorKind::PermissionDenied),
        });
        let line = error_line(Path::new("secret.md"), &err);
        assert_eq!(
            line,
            "secret.md: error: permission denied; make it readable (chmod +r) or leave it out"
        );
    }

    #[test]
    fn decode_errors_name_their_line() {
        let err = anyhow::Error::new(paiban::Error::Decode {
            path: "a.txt".into(),
            line: 3,
            reason: "not valid UTF-8 text".into(),
        });
        assert_eq!(
            error_line(Path::new("a.txt"), &err),
            "a.txt:3: error: not valid UTF-8 text"
        );
    }

    #[test]
    fn entries_without_a_line_name_the_file_alone() {
        let mut log = paiban::log::Log::default();
        log.warn("pdf", 0, "link to #x: no heading has this id");
        log.warn("W-ORD", 4, "ordinal");
        let lines: Vec<String> = log
            .entries
            .iter()
            .filter_map(|e| entry_line(Path::new("a.md"), e, false))
            .collect();
        assert_eq!(
            lines,
            [
                "a.md: warning: [pdf] link to #x: no heading has this id",
                "a.md:4: warning: [W-ORD] ordinal"
            ]
        );
    }
}
