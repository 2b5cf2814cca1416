//! `--font-dir` folders: scanned with fontdb, each face matched to at most one role by name.
//!
//! Matching rule (first hit wins), on the face's family, full and PostScript names in every
//! language plus the file name, lower-cased:
//!
//! | role      | a name contains                          |
//! |-----------|------------------------------------------|
//! | Fang      | `fang`, `仿宋`                           |
//! | Kai       | `kai`, `楷`                              |
//! | Mono      | `mono`, `courier`, `consol`, `source code`, `sourcecode` |
//! | Hei       | `hei`, `黑`, `sans`, `gothic`            |
//! | Song      | `song`, `宋`, `serif`, `ming`, `明`      |
//!
//! Fang is tested before Song because `fangsong` contains `song`. A Song face whose weight
//! is 600 or more (or whose name says `bold`/`粗`) goes to SongBold instead of Song.
//! Faces that match no role are kept too: they follow the bundled faces in every chain,
//! so they serve characters the bundled fonts lack, before any system font.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::face::{all_names, Face, FontData, Origin};
use crate::style::FontRole;
use crate::{Error, Result};

/// Faces found in the font folders.
#[derive(Default)]
pub(crate) struct DirFaces {
    /// Faces matched to a role, in priority order.
    pub by_role: BTreeMap<FontRole, Vec<Arc<Face>>>,
    /// Faces that match no role, in path order.
    pub unmatched: Vec<Arc<Face>>,
}

/// The role a face serves, from its names (see the module docs for the rule).
pub fn role_for_names(names: &[String], weight: u16) -> Option<FontRole> {
    let text = names.join("\n").to_lowercase();
    let has = |keys: &[&str]| keys.iter().any(|k| text.contains(k));
    if has(&["fang", "仿宋"]) {
        Some(FontRole::Fang)
    } else if has(&["kai", "楷"]) {
        Some(FontRole::Kai)
    } else if has(&["mono", "courier", "consol", "source code", "sourcecode"]) {
        Some(FontRole::Mono)
    } else if has(&["hei", "黑", "sans", "gothic"]) {
        Some(FontRole::Hei)
    } else if has(&["song", "宋", "serif", "ming", "明"]) {
        if weight >= 600 || has(&["bold", "粗"]) {
            Some(FontRole::SongBold)
        } else {
            Some(FontRole::Song)
        }
    } else {
        None
    }
}

/// Scans `dirs` (recursively) and sorts their faces into roles.
pub(crate) fn scan(dirs: &[PathBuf]) -> Result<DirFaces> {
    let mut db = fontdb::Database::new();
    for dir in dirs {
        if !dir.is_dir() {
            return Err(Error::Font(format!(
                "--font-dir {}: not a folder",
                dir.display()
            )));
        }
        db.load_fonts_dir(dir);
    }
    // fontdb's order follows the directory listing; sort for deterministic output.
    let mut found: Vec<(PathBuf, u32)> = db
        .faces()
        .filter_map(|info| match &info.source {
            fontdb::Source::File(path) => Some((path.clone(), info.index)),
            _ => None,
        })
        .collect();
    found.sort();
    found.dedup();

    let mut files: BTreeMap<PathBuf, FontData> = BTreeMap::new();
    let mut matched: Vec<(FontRole, bool, PathBuf, Arc<Face>)> = Vec::new();
    let mut out = DirFaces::default();
    for (path, index) in found {
        let data = match files.get(&path) {
            Some(d) => d.clone(),
            None => {
                let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                let d: FontData = Arc::new(bytes);
                files.insert(path.clone(), d.clone());
                d
            }
        };
        let face = Face::from_data(data, index, Origin::FontDir(path.clone()))?;
        let role = face_role(&face, &path);
        let face = Arc::new(face);
        match role {
            Some(role) => matched.push((role, face.weight >= 600, path, face)),
            None => out.unmatched.push(face),
        }
    }
    // Hei is set bold (headings, strong): its bold faces come first; other roles want
    // their regular faces first.
    matched.sort_by(|a, b| {
        let bold_first = |r: FontRole, bold: bool| if r == FontRole::Hei { !bold } else { bold };
        (a.0, bold_first(a.0, a.1), &a.2, a.3.index).cmp(&(
            b.0,
            bold_first(b.0, b.1),
            &b.2,
            b.3.index,
        ))
    });
    for (role, _, _, face) in matched {
        out.by_role.entry(role).or_default().push(face);
    }
    Ok(out)
}

fn face_role(face: &Face, path: &Path) -> Option<FontRole> {
    let mut names = all_names(&face.ttf());
    names.push(face.family.clone());
    if let Some(stem) = path.file_stem() {
        names.push(stem.to_string_lossy().into_owned());
    }
    role_for_names(&names, face.weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(names: &[&str], weight: u16) -> Option<FontRole> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        role_for_names(&names, weight)
    }

    #[test]
    fn t27_fontdir_names_map_to_roles() {
        assert_eq!(role(&["FandolFang"], 400), Some(FontRole::Fang));
        assert_eq!(role(&["方正仿宋_GBK"], 400), Some(FontRole::Fang));
        assert_eq!(role(&["LXGW WenKai"], 400), Some(FontRole::Kai));
        assert_eq!(role(&["华文楷体"], 400), Some(FontRole::Kai));
        assert_eq!(role(&["Noto Sans Mono CJK SC"], 400), Some(FontRole::Mono));
        assert_eq!(role(&["WenQuanYi Micro Hei"], 400), Some(FontRole::Hei));
        assert_eq!(role(&["Source Han Serif SC"], 400), Some(FontRole::Song));
        assert_eq!(role(&["FandolSong"], 700), Some(FontRole::SongBold));
        assert_eq!(role(&["思源宋体 Heavy"], 400), Some(FontRole::Song));
        assert_eq!(role(&["Some Display Face"], 400), None);
        // `code` alone would catch "Arial Unicode MS".
        assert_eq!(role(&["Arial Unicode MS"], 400), None);
        assert_eq!(role(&["Source Code Pro"], 400), Some(FontRole::Mono));
    }
}
