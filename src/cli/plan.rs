//! Planning a batch: which inputs, which backends, which output files — all decided
//! before anything is written, so that clashes are usage errors, not half-done work.

use super::UsageError;
use paiban::backend::{self, Backend};
use paiban::read::InputFormat;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One input and the files it becomes.
pub struct Job {
    /// The input file.
    pub input: PathBuf,
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

/// Expands folders (recursively, sorted) into `(file, path relative to the output folder)`.
pub fn expand_inputs(inputs: &[PathBuf]) -> Vec<(PathBuf, PathBuf)> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found);
            found.sort();
            for f in found {
                let rel = f.strip_prefix(input).unwrap_or(&f).to_path_buf();
                files.push((f, rel));
            }
        } else {
            let rel = PathBuf::from(input.file_name().unwrap_or(input.as_os_str()));
            files.push((input.clone(), rel));
        }
    }
    files
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if InputFormat::from_path(&path).is_some() {
            out.push(path);
        }
    }
}

/// Plans every job. `output` is a folder, or (one input only) a file whose extension
/// names the format.
pub fn plan(
    inputs: &[PathBuf],
    output: Option<&Path>,
    formats: Option<&[String]>,
) -> Result<Vec<Job>, UsageError> {
    let files = expand_inputs(inputs);
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
        vec![job(files[0].0.clone(), vec![(b, out.to_path_buf())])]
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
                job(input, outs)
            })
            .collect()
    };
    check_clashes(&jobs)?;
    Ok(jobs)
}

fn job(input: PathBuf, outputs: Vec<(&'static dyn Backend, PathBuf)>) -> Job {
    let error = if !input.exists() {
        Some(format!("{}: no such file", input.display()))
    } else {
        None
    };
    Job {
        input,
        outputs,
        error,
    }
}

/// Two inputs writing one output, or an output overwriting an input, is a usage error.
fn check_clashes(jobs: &[Job]) -> Result<(), UsageError> {
    let mut seen: BTreeMap<PathBuf, &Path> = BTreeMap::new();
    let inputs: Vec<PathBuf> = jobs.iter().map(|j| normal(&j.input)).collect();
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

/// An absolute, lexically normalised path for comparisons (the file may not exist yet).
fn normal(p: &Path) -> PathBuf {
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
