//! Planning a batch: which inputs, which backends, which output files — all decided
//! before anything is written, so that clashes are usage errors, not half-done work.

use super::UsageError;
use paiban::backend::{self, Backend};
use paiban::read::InputFormat;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// One input and the files it becomes.
pub struct Job {
    /// The input file.
    pub input: PathBuf,
    /// Its path relative to the INPUT folder it was found in (its own name for a file
    /// INPUT, the listed path for `--files-from`): where its outputs go, and its shard.
    pub rel: PathBuf,
    /// Backend and output path, one per format.
    pub outputs: Vec<(&'static dyn Backend, PathBuf)>,
    /// Set when the input cannot even be planned (missing file…): the job fails with it.
    pub error: Option<String>,
}

/// Resolves format names to available backends.
pub fn backends(names: &[String]) -> Result<Vec<&'static dyn Backend>, UsageError> {
    let mut out: Vec<&'static dyn Backend> = Vec::new();
    for name in names {
        let name = name.trim().to_ascii_lowercase();
        let b = backend::find(&name).ok_or_else(|| {
            let known: Vec<&str> = backend::registry().iter().map(|b| b.name()).collect();
            UsageError(format!(
                "unknown format '{name}' (known: {})",
                known.join(", ")
            ))
        })?;
        if !out.iter().any(|o| o.name() == b.name()) {
            out.push(b);
        }
    }
    Ok(out)
}

/// Expands folders (recursively, sorted) into `(file, path relative to the output folder)`,
/// then adds the `--files-from` paths (`listed`), each under its own relative path.
pub fn expand_inputs(inputs: &[PathBuf], listed: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let found = real_files_once(input, walk(input));
            for f in found {
                let rel = f.strip_prefix(input).unwrap_or(&f).to_path_buf();
                files.push((f, rel));
            }
        } else {
            let rel = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            files.push((input.clone(), rel));
        }
    }
    for path in listed {
        files.push((path.clone(), listed_rel(path)));
    }
    files
}

/// Where a `--files-from` path goes below the output folder: the path itself when it is
/// relative and stays below the current folder (`./a/b.md` → `a/b.md`), else its name.
fn listed_rel(path: &Path) -> PathBuf {
    let below = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    let rel: PathBuf = path
        .components()
        .filter(|c| matches!(c, Component::Normal(_)))
        .collect();
    if below && !rel.as_os_str().is_empty() {
        rel
    } else {
        PathBuf::from(path.file_name().unwrap_or(path.as_os_str()))
    }
}

/// Keeps one path per real file, sorted: a file reached through several links (a linked
/// sibling folder, a linked file) is converted once, under its path without links if it has
/// one, else under the first of its paths.
fn real_files_once(root: &Path, mut found: Vec<PathBuf>) -> Vec<PathBuf> {
    let real = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let real_root = real(root);
    let mut by_real: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    found.sort();
    for f in found {
        let real_f = real(&f);
        let direct = |p: &Path| {
            p.strip_prefix(root)
                .is_ok_and(|rel| real_root.join(rel) == real_f)
        };
        match by_real.get_mut(&real_f) {
            Some(kept) if !direct(kept) && direct(&f) => *kept = f,
            Some(_) => {}
            None => {
                by_real.insert(real_f, f);
            }
        }
    }
    let mut files: Vec<PathBuf> = by_real.into_values().collect();
    files.sort();
    files
}

/// The input files under `dir`. Links are followed, but a link back to a folder being
/// walked (`l -> .`, `sub/up -> ..`) is a loop and is skipped, so the walk always ends.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(true).min_depth(1) {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                if InputFormat::from_path(e.path()).is_some() {
                    out.push(e.into_path());
                }
            }
            // Unreadable folders are skipped as before; a broken link named like an input
            // is kept, so that its job fails with the file's name.
            Err(e) if e.loop_ancestor().is_none() => {
                if let Some(p) = e.path().filter(|p| InputFormat::from_path(p).is_some()) {
                    if p.symlink_metadata().is_ok() && !p.is_dir() {
                        out.push(p.to_path_buf());
                    }
                }
            }
            Err(_) => {}
        }
    }
    out
}

/// Plans every job. `output` is a folder, or (one input only) a file whose extension
/// names the format.
pub fn plan(
    inputs: &[PathBuf],
    listed: &[PathBuf],
    output: Option<&Path>,
    formats: Option<&[String]>,
) -> Result<Vec<Job>, UsageError> {
    let files = expand_inputs(inputs, listed);
    if files.is_empty() {
        return Err(UsageError(
            "no input files found (.md, .markdown or .txt)".into(),
        ));
    }
    // `-o FILE` names one output file when its extension is a backend's.
    let single_file_target = output.and_then(|o| backend::by_extension(o.extension()?.to_str()?));
    let jobs = if let (Some(b), Some(out)) = (single_file_target, output) {
        if files.len() != 1 {
            return Err(UsageError(format!(
                "-o {} names one file, but there are {} inputs; give a folder instead",
                out.display(),
                files.len()
            )));
        }
        if let Some(f) = formats {
            if f.len() != 1 || !f[0].trim().eq_ignore_ascii_case(b.name()) {
                return Err(UsageError(format!(
                    "-o {} is a .{} file but --to asks for {}",
                    out.display(),
                    b.extension(),
                    f.join(",")
                )));
            }
        }
        let (input, rel) = files.into_iter().next().expect("one input");
        vec![job(input, rel, vec![(b, out.to_path_buf())])]
    } else {
        let names: Vec<String> = match formats {
            Some(f) => f.to_vec(),
            None => backend::registry()
                .iter()
                .map(|b| b.name().to_string())
                .collect(),
        };
        let backends = backends(&names)?;
        let dir = output.unwrap_or(Path::new("output"));
        files
            .into_iter()
            .map(|(input, rel)| {
                let outs = backends
                    .iter()
                    .map(|b| (*b, dir.join(rel.with_extension(b.extension()))))
                    .collect();
                job(input, rel, outs)
            })
            .collect()
    };
    check_clashes(&jobs)?;
    Ok(jobs)
}

fn job(input: PathBuf, rel: PathBuf, outputs: Vec<(&'static dyn Backend, PathBuf)>) -> Job {
    let error = if !input.exists() {
        Some(format!("{}: no such file; check the path", input.display()))
    } else {
        None
    };
    Job {
        input,
        rel,
        outputs,
        error,
    }
}

/// Two inputs writing one output, or an output overwriting an input, is a usage error.
fn check_clashes(jobs: &[Job]) -> Result<(), UsageError> {
    let mut seen: BTreeMap<PathBuf, &Path> = BTreeMap::new();
    // A set: a batch of 100,000 listed files must not compare every output with every input.
    let inputs: BTreeSet<PathBuf> = jobs.iter().map(|j| normal(&j.input)).collect();
    for j in jobs {
        for (_, out) in &j.outputs {
            let key = normal(out);
            if inputs.contains(&key) {
                return Err(UsageError(format!(
                    "output {} would overwrite an input",
                    out.display()
                )));
            }
            if let Some(other) = seen.insert(key, &j.input) {
                return Err(UsageError(format!(
                    "{} and {} would both write {}",
                    other.display(),
                    j.input.display(),
                    out.display()
                )));
            }
        }
    }
    Ok(())
}

/// The real path of `p` for comparisons: links resolved (an output folder may be a link to
/// the input folder), for a file that may not exist yet through its nearest existing
/// ancestor, the rest of the path normalised lexically.
fn normal(p: &Path) -> PathBuf {
    let abs = lexical(p);
    let mut missing = Vec::new();
    let mut existing = abs.as_path();
    loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            return missing
                .iter()
                .rev()
                .fold(real, |path, part| path.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => return abs,
        }
    }
}

/// An absolute, lexically normalised path.
fn lexical(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
