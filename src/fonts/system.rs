//! System fonts (fontdb), the last resort for characters no face of a role's chain has.
//!
//! Nothing is read until a character is missing: the first miss loads the system font list
//! (fontconfig's folders on Linux), then each candidate's coverage is computed on demand
//! (memory-mapped by fontdb, not copied) and a face's bytes are read only when it wins.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use rustybuzz::ttf_parser;

use super::face::{Coverage, Face, FontData, Origin};

/// Lazily loaded system fonts.
#[derive(Default)]
pub(crate) struct SystemFonts {
    state: OnceLock<State>,
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
    coverage: OnceLock<Coverage>,
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
    pub(crate) fn face_for(&self, c: char) -> Option<&Arc<Face>> {
        let state = self.state.get_or_init(State::load);
        state.candidates.iter().find_map(|cand| {
            let coverage = cand.coverage.get_or_init(|| {
                state
                    .db
                    .with_face_data(cand.id, |data, index| {
                        ttf_parser::Face::parse(data, index)
                            .map(|f| Coverage::of(&f))
                            .unwrap_or_default()
                    })
                    .unwrap_or_default()
            });
            if !coverage.contains(c) {
                return None;
            }
            cand.face.get_or_init(|| state.read(cand)).as_ref()
        })
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
                        coverage: OnceLock::new(),
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
