//! SIGINT / SIGTERM during a batch: the temporary files being written are removed and the
//! process exits 130 / 143 (128 + signal), so an interrupted run leaves neither temporary
//! files nor partial outputs (outputs only ever appear by an atomic rename).
//!
//! Every temporary output file is created, and later renamed, while holding the lock of
//! one registry; the signal thread takes the same lock, removes what is registered and exits
//! without releasing it. So a file is either registered (and removed) or already complete.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Paths of the temporary files being written.
static TEMP_FILES: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn registry() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    // A worker that panicked while holding the lock leaves a usable set behind.
    TEMP_FILES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts the thread that cleans up and exits on SIGINT or SIGTERM (Unix; elsewhere the
/// platform's default applies).
pub fn install() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
        std::thread::Builder::new()
            .name("paiban-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let files = registry();
                    remove_all(&files);
                    eprintln!("paiban: interrupted; temporary files removed");
                    std::process::exit(128 + signal);
                }
            })?;
    }
    Ok(())
}

fn remove_all(files: &BTreeSet<PathBuf>) {
    for f in files {
        let _ = std::fs::remove_file(f);
    }
}

/// Creates a temporary file `.paiban-*.tmp` in `dir`, registered for removal on a signal.
pub fn temp_file_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let mut files = registry();
    let tmp = tempfile::Builder::new()
        .prefix(".paiban-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    files.insert(tmp.path().to_path_buf());
    Ok(tmp)
}

/// Renames a temporary file from [`temp_file_in`] to `path` and unregisters it; on failure
/// the temporary file is removed (dropped) and unregistered too.
pub fn persist(tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    let mut files = registry();
    let tmp_path = tmp.path().to_path_buf();
    let result = tmp.persist(path).map(drop).map_err(|e| e.error);
    files.remove(&tmp_path);
    result
}

/// Removes and unregisters a temporary file from [`temp_file_in`] that will not be kept.
pub fn discard(tmp: tempfile::NamedTempFile) {
    let mut files = registry();
    files.remove(tmp.path());
    drop(tmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_while_written_and_removed_on_interrupt() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = temp_file_in(dir.path()).unwrap();
        let path = tmp.path().to_path_buf();
        assert!(registry().contains(&path));
        // What the signal thread does, without the exit.
        remove_all(&registry());
        assert!(!path.exists());
        discard(tmp);
        assert!(!registry().contains(&path));

        let tmp = temp_file_in(dir.path()).unwrap();
        let path = tmp.path().to_path_buf();
        let out = dir.path().join("out.pdf");
        persist(tmp, &out).unwrap();
        assert!(out.exists() && !path.exists());
        assert!(!registry().contains(&path));
    }
}
