//! `--skip-existing`: a record, in the output folder, of what each output was made from, so
//! that a later run skips inputs whose outputs are still current.
//!
//! Each run writes its own file, `.paiban-manifest.json`, or with `--shard K/N`
//! `.paiban-manifest-K-of-N.json`: shards running at once on several machines into one
//! shared folder never write the same file. A run reads every `.paiban-manifest*.json` of
//! the folder, so shards and unsharded runs see each other's work. An entry counts only
//! while its output still has the size and modification time recorded when it was
//! written: an output rewritten since (by another run, or by hand) is made again.

use super::convert::write_atomically;
use super::shard::{fnv1a64, slash_path, Shard};
use anyhow::Result;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// Start of every manifest file name.
const PREFIX: &str = ".paiban-manifest";

/// What one output was made from, and how it looked when written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Made {
    /// The input's bytes: their length and FNV-1a 64, as `LEN-HEX`.
    pub input: String,
    /// Hash of everything else that decides the output: format, style (name and every
    /// value), reading and render options.
    pub settings: String,
    /// The paiban version that wrote it.
    pub version: String,
    /// The output's size in bytes when written.
    pub size: u64,
    /// The output's modification time when written, in nanoseconds since 1970.
    pub modified_ns: u128,
}

/// The manifests of one output folder: what was found on start, and this run's own file.
pub struct Manifests {
    dir: PathBuf,
    own_name: String,
    /// Every entry found on start, by output path relative to `dir` (`/`-separated).
    found: BTreeMap<String, Vec<Made>>,
    /// This run's file: its previous entries, updated with this run's outputs.
    own: BTreeMap<String, Made>,
}

/// A fingerprint of an input's bytes for [`Made::input`].
pub fn input_fingerprint(bytes: &[u8]) -> String {
    format!("{}-{:016x}", bytes.len(), fnv1a64(bytes))
}

/// A fingerprint of the settings text (style, options) for [`Made::settings`].
pub fn settings_fingerprint(text: &str) -> String {
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

/// Size and modification time of a file, if it exists.
fn stamp(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

impl Manifests {
    /// Reads every manifest in `dir` (none yet is fine; an unreadable one is ignored, so
    /// its outputs are made again).
    pub fn load(dir: &Path, shard: Option<Shard>) -> Manifests {
        let own_name = match shard {
            None => format!("{PREFIX}.json"),
            Some(s) => format!("{PREFIX}-{}-of-{}.json", s.index, s.count),
        };
        let mut found: BTreeMap<String, Vec<Made>> = BTreeMap::new();
        let mut own = BTreeMap::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !(name.starts_with(PREFIX) && name.ends_with(".json")) {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(entries) = serde_json::from_str::<BTreeMap<String, Made>>(&text) else {
                continue;
            };
            if name == own_name {
                own = entries.clone();
            }
            for (out, made) in entries {
                found.entry(out).or_default().push(made);
            }
        }
        Manifests {
            dir: dir.to_path_buf(),
            own_name,
            found,
            own,
        }
    }

    /// `output`'s key: its path relative to the folder, `/`-separated.
    fn key(&self, output: &Path) -> String {
        slash_path(output.strip_prefix(&self.dir).unwrap_or(output))
    }

    /// The record of `output` that is still current for this input and these settings.
    pub fn current(&self, output: &Path, input: &str, settings: &str) -> Option<&Made> {
        let (size, modified_ns) = stamp(output)?;
        self.found.get(&self.key(output))?.iter().find(|m| {
            m.input == input
                && m.settings == settings
                && m.version == env!("CARGO_PKG_VERSION")
                && m.size == size
                && m.modified_ns == modified_ns
        })
    }

    /// Records in this run's file that `output` is current (just written, or found current).
    pub fn record(&mut self, output: &Path, input: &str, settings: &str) {
        let key = self.key(output);
        match stamp(output) {
            Some((size, modified_ns)) => {
                self.own.insert(
                    key,
                    Made {
                        input: input.to_string(),
                        settings: settings.to_string(),
                        version: env!("CARGO_PKG_VERSION").to_string(),
                        size,
                        modified_ns,
                    },
                );
            }
            None => {
                self.own.remove(&key);
            }
        }
    }

    /// Forgets `output` in this run's file (its input failed: make it again next time).
    pub fn forget(&mut self, output: &Path) {
        let key = self.key(output);
        self.own.remove(&key);
    }

    /// Writes this run's file atomically.
    pub fn save(&self) -> Result<()> {
        let json = serde_json::to_string_pretty(&self.own)?;
        write_atomically(&self.dir.join(&self.own_name), json.as_bytes())
    }
}
