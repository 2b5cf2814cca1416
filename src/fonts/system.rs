//! System fonts (fontdb), the last resort for characters no face of a role's chain has.
//!
//! Nothing is read until a character is missing: the first miss loads the system font list
//! (fontconfig's folders on Linux), then each candidate's cmap is asked about that character
//! (memory-mapped by fontdb, not copied; the answer kept per character) and a face's bytes
//! are read only when it wins.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use rustybuzz::ttf_parser;

use super::face::{Face, FontData, Origin};

/// Lazily loaded system fonts.
#[derive(Default)]
pub(crate) struct SystemFonts {
    state: OnceLock<State>,
    /// Character → index in `State::candidates` of the face [`SystemFonts::face_for`] found
    /// (`None`: no system face has it).
    found: Mutex<HashMap<char, Option<usize>>>,
}

struct State {
    db: fontdb::Database,
    /// In preference order (see `rank`).
    candidates: Vec<Candidate>,
    /// File bytes shared by the faces of one collection.
    files: Mutex<HashMap<PathBuf, FontData>>,
}

struct Candidate {
    id: fontdb::ID,
    path: PathBuf,
    index: u32,
    face: OnceLock<Option<Arc<Face>>>,
}

impl SystemFonts {
    /// The system fonts of this process: the installed fonts do not change while paiban
    /// runs, so their list is loaded once (on the first missing character) and each
    /// candidate's coverage and bytes are read once, whatever the number of renders.
    pub(crate) fn shared() -> Arc<SystemFonts> {
        static SHARED: OnceLock<Arc<SystemFonts>> = OnceLock::new();
        SHARED.get_or_init(Arc::default).clone()
    }

    /// The first system face (in preference order) that has `c`.
    ///
    /// Each candidate's cmap is asked for `c` alone: enumerating a CJK face's whole cmap
    /// (the coverage bitmap this replaced) cost ~28 M instructions per face, ~1.8 G for the
    /// 65 faces of a machine with the Noto CJK collections, the first time a character was
    /// missing (issue 12). The answer is the same: a code point some Unicode subtable maps to
    /// a glyph other than 0.
    pub(crate) fn face_for(&self, c: char) -> Option<&Arc<Face>> {
        let state = self.state.get_or_init(State::load);
        let known = self
            .found
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&c)
            .copied();
        let i = match known {
            Some(i) => i,
            None => {
                let i = state.candidates.iter().position(|cand| {
                    state.has_char(cand, c) && cand.face.get_or_init(|| state.read(cand)).is_some()
                });
                self.found
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(c, i);
                i
            }
        }?;
        state.candidates[i].face.get().and_then(Option::as_ref)
    }

    /// Number of system faces known (loads the list).
    pub(crate) fn len(&self) -> usize {
        self.state.get_or_init(State::load).candidates.len()
    }
}

impl State {
    fn load() -> State {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut candidates: Vec<(u8, Candidate)> = db
            .faces()
            .filter_map(|info| {
                let fontdb::Source::File(path) = &info.source else {
                    return None;
                };
                let rank = rank(&info.families);
                Some((
                    rank,
                    Candidate {
                        id: info.id,
                        path: path.clone(),
                        index: info.index,
                        face: OnceLock::new(),
                    },
                ))
            })
            .collect();
        // Deterministic whatever order the directory listing gave.
        candidates.sort_by(|a, b| (a.0, &a.1.path, a.1.index).cmp(&(b.0, &b.1.path, b.1.index)));
        State {
            db,
            candidates: candidates.into_iter().map(|(_, c)| c).collect(),
            files: Mutex::new(HashMap::new()),
        }
    }

    /// Whether a Unicode cmap subtable of `cand` maps `c` to a glyph other than 0.
    fn has_char(&self, cand: &Candidate, c: char) -> bool {
        self.db
            .with_face_data(cand.id, |data, index| {
                let Ok(face) = ttf_parser::Face::parse(data, index) else {
                    return false;
                };
                face.tables().cmap.is_some_and(|cmap| {
                    cmap.subtables
                        .into_iter()
                        .filter(|s| s.is_unicode())
                        .any(|s| s.glyph_index(u32::from(c)).is_some_and(|g| g.0 != 0))
                })
            })
            .unwrap_or(false)
    }

    fn read(&self, cand: &Candidate) -> Option<Arc<Face>> {
        let data = {
            let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
            match files.get(&cand.path) {
                Some(d) => d.clone(),
                None => {
                    let d: FontData = Arc::new(std::fs::read(&cand.path).ok()?);
                    files.insert(cand.path.clone(), d.clone());
                    d
                }
            }
        };
        Face::from_data(data, cand.index, Origin::System(cand.path.clone()))
            .ok()
            .map(Arc::new)
    }
}

/// Preference among system faces: Simplified-Chinese Noto Serif (the T27 chain end), then
/// other Simplified-Chinese CJK faces, then other CJK faces, then everything else.
fn rank(families: &[(String, fontdb::Language)]) -> u8 {
    let names: Vec<&str> = families.iter().map(|(n, _)| n.as_str()).collect();
    let any = |p: &dyn Fn(&str) -> bool| names.iter().any(|n| p(n));
    if any(&|n| n == "Noto Serif CJK SC") {
        0
    } else if any(&|n| n.contains("CJK SC") || n.ends_with(" SC")) {
        1
    } else if any(&|n| n.contains("CJK")) {
        2
    } else {
        3
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::face::Coverage;

    /// T27: the per-character cmap question gives the whole-cmap bitmap's answer, for the
    /// first system faces and characters from several scripts (none where no system font
    /// is installed).
    #[test]
    fn t27_system_lookup_matches_full_coverage() {
        let state = State::load();
        let chars = [
            'a',
            '中',
            '。',
            '\u{2018}',
            '😀',
            '\u{20000}',
            'й',
            '\u{0}',
            '\u{E000}',
        ];
        for cand in state.candidates.iter().take(4) {
            let full = state
                .db
                .with_face_data(cand.id, |data, index| {
                    Coverage::of(&ttf_parser::Face::parse(data, index).expect("parses"))
                })
                .expect("face data");
            for c in chars {
                assert_eq!(
                    state.has_char(cand, c),
                    full.contains(c),
                    "{:?} {c:?}",
                    cand.path
                );
            }
        }
    }
}
