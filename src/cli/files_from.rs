//! `--files-from FILE`: the list of inputs a batch engine hands over, one path per line
//! (or NUL-separated with `-0`), read from a file or, with `-`, from standard input.

use super::UsageError;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// The paths listed in `list` (`-`: standard input). Empty entries are ignored; with
/// newlines, a trailing `\r` (a list written on Windows) is dropped.
pub fn read_list(list: &Path, nul_separated: bool) -> Result<Vec<PathBuf>, UsageError> {
    let mut bytes = Vec::new();
    let read = if list == Path::new("-") {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(list).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| {
        UsageError(format!(
            "--files-from {}: {e}; give a readable list of paths, one a line",
            list.display()
        ))
    })?;
    Ok(split(&bytes, nul_separated))
}

/// Splits a list into paths.
fn split(bytes: &[u8], nul_separated: bool) -> Vec<PathBuf> {
    let separator = if nul_separated { b'\0' } else { b'\n' };
    bytes
        .split(|&b| b == separator)
        .map(|entry| match entry {
            [rest @ .., b'\r'] if !nul_separated => rest,
            whole => whole,
        })
        .filter(|entry| !entry.is_empty())
        .map(path_from_bytes)
        .collect()
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::split;
    use std::path::PathBuf;

    #[test]
    fn lines_and_nul_separated_lists() {
        let want: Vec<PathBuf> = ["a.md", "书/b c.txt"].iter().map(PathBuf::from).collect();
        assert_eq!(split("a.md\r\n\n书/b c.txt\n".as_bytes(), false), want);
        assert_eq!(split("a.md\0书/b c.txt\0".as_bytes(), true), want);
        // With -0 a newline is part of a name.
        assert_eq!(split(b"x\ny.md\0", true), vec![PathBuf::from("x\ny.md")]);
    }
}
