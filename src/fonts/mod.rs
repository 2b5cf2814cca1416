//! Fonts: roles (T27), fallback chains and the bundled defaults.
//!
//! Each [`FontRole`] resolves to a chain of faces, tried in order for every character:
//! 1. `--font-dir` faces matched to the role by name (rule in [`fontdir`]);
//! 2. the bundled faces (embedded from `fonts/`, so no installed font is needed), ending
//!    with Noto Serif CJK SC Regular in every chain (T27);
//! 3. `--font-dir` faces that match no role;
//! 4. with [`FontSet::load`] only: system fonts through fontdb, loaded on the first
//!    character the chain lacks.
//!
//! A character no face has is reported by [`FontSet::coverage_warnings`] (W-GLYPH).

mod bundled;
mod coverage;
mod face;
pub mod fontdir;
mod latin_quotes;
mod report;
mod subset;
mod system;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

pub use bundled::svg_database;
pub use coverage::{log_missing, needs_no_glyph, MissingChar};
pub use face::{Face, FontData, Origin};
pub use latin_quotes::latin_quote_subset;
pub use report::report;
pub use subset::subset_face;

use crate::style::FontRole;
use crate::Result;
use bundled::Bundled;
use system::SystemFonts;

/// The faces of every role, with fallback. Cheap to clone (faces are shared).
#[derive(Clone)]
pub struct FontSet {
    /// One chain per role, indexed by `slot(role)`; never empty.
    chains: [Vec<Arc<Face>>; 6],
    system: Option<Arc<SystemFonts>>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("chains", &self.chains)
            .field("system", &self.system.is_some())
            .finish()
    }
}

fn slot(role: FontRole) -> usize {
    match role {
        FontRole::Song => 0,
        FontRole::SongBold => 1,
        FontRole::Hei => 2,
        FontRole::Kai => 3,
        FontRole::Fang => 4,
        FontRole::Mono => 5,
    }
}

impl FontSet {
    /// Bundled faces only, no system fonts: reads no file (the faces are embedded) and is
    /// parsed once per process.
    pub fn bundled() -> FontSet {
        static SET: OnceLock<FontSet> = OnceLock::new();
        SET.get_or_init(|| {
            let b = Bundled::get();
            FontSet {
                chains: FontRole::ALL.map(|role| b.chain(role)),
                system: None,
            }
        })
        .clone()
    }

    /// `--font-dir` faces first, then the bundled ones, then system fonts (fontdb) for
    /// characters the chain lacks. Fails if a folder does not exist or holds a broken font.
    ///
    /// The folders are scanned once per process for each list of folders, and the system
    /// font list once in all: every render of a batch (or of a fuzzer) used to rescan them,
    /// which cost more than setting a short document. The same faces come back, so the
    /// output is the same.
    pub fn load(font_dirs: &[PathBuf]) -> Result<FontSet> {
        /// Sets loaded so far, by their folder list (few lists per process: one per
        /// `--font-dir` set, so a list beats a map).
        static LOADED: Mutex<Vec<(Vec<PathBuf>, FontSet)>> = Mutex::new(Vec::new());
        // Held while scanning: parallel workers wait for the first scan instead of
        // repeating it. A panic while held leaves no entry, so the lock is still usable.
        let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, set)) = loaded.iter().find(|(dirs, _)| dirs == font_dirs) {
            return Ok(set.clone());
        }
        let set = FontSet::scan(font_dirs)?;
        loaded.push((font_dirs.to_vec(), set.clone()));
        Ok(set)
    }

    /// [`FontSet::load`] without the cache: scans `font_dirs` now.
    fn scan(font_dirs: &[PathBuf]) -> Result<FontSet> {
        let dir = fontdir::scan(font_dirs)?;
        let b = Bundled::get();
        let own = |role: FontRole| dir.by_role.get(&role).cloned().unwrap_or_default();
        let chains = FontRole::ALL.map(|role| {
            let mut chain = own(role);
            chain.extend(b.chain(role));
            chain.extend(dir.unmatched.iter().cloned());
            chain
        });
        Ok(FontSet {
            chains,
            system: Some(SystemFonts::shared()),
        })
    }

    /// The same set without the system-font fallback (for reproducible output).
    pub fn without_system_fonts(mut self) -> FontSet {
        self.system = None;
        self
    }

    /// Puts `face` first in `role`'s chain (a font named by a style file).
    pub fn prepend(&mut self, role: FontRole, face: Arc<Face>) {
        self.chains[slot(role)].insert(0, face);
    }

    /// Whether characters the chains lack are looked up in the system fonts.
    pub fn uses_system_fonts(&self) -> bool {
        self.system.is_some()
    }

    /// The first face of the role's chain.
    pub fn primary(&self, role: FontRole) -> &Arc<Face> {
        &self.chains[slot(role)][0]
    }

    /// The role's fallback chain (T27: it ends with Noto Serif CJK SC, then font-dir faces
    /// that match no role); system fonts are not part of it.
    pub fn chain(&self, role: FontRole) -> &[Arc<Face>] {
        &self.chains[slot(role)]
    }

    /// The first face of the chain that has `c`, else the first system face that has it.
    pub fn face_for(&self, role: FontRole, c: char) -> Option<&Arc<Face>> {
        self.chain(role)
            .iter()
            .find(|f| f.has_char(c))
            .or_else(|| self.system.as_ref()?.face_for(c))
    }

    /// Role, family and origin of each role's primary face (for `paiban fonts`).
    pub fn describe(&self) -> Vec<(FontRole, String, String)> {
        FontRole::ALL
            .iter()
            .map(|&role| {
                let f = self.primary(role);
                (role, f.family.clone(), f.origin.to_string())
            })
            .collect()
    }

    /// Number of system faces fontdb finds (loads the list; 0 without system fallback).
    pub fn system_face_count(&self) -> usize {
        self.system.as_ref().map_or(0, |s| s.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_system_fonts_are_scanned_once_per_process() {
        // A folder holding one small face (DejaVu Sans Mono, the Mono role).
        let dir = tempfile::tempdir().unwrap();
        let mono = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/DejaVuSansMono.ttf");
        std::fs::copy(mono, dir.path().join("DejaVuSansMono.ttf")).unwrap();
        let dirs = [dir.path().to_path_buf()];
        let a = FontSet::load(&dirs).unwrap();
        let b = FontSet::load(&dirs).unwrap();
        // The same faces, not a second scan's copies.
        assert!(Arc::ptr_eq(
            a.primary(FontRole::Mono),
            b.primary(FontRole::Mono)
        ));
        assert!(matches!(
            a.primary(FontRole::Mono).origin,
            Origin::FontDir(_)
        ));
        // One system font list for every folder list.
        let c = FontSet::load(&[]).unwrap();
        let (sa, sc) = (a.system.as_ref().unwrap(), c.system.as_ref().unwrap());
        assert!(Arc::ptr_eq(sa, sc));
    }
}
