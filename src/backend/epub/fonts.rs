//! Embedded fonts: for each font role, the faces that cover the characters the book uses,
//! cut down with `allsorts` to complete OpenType subsets (cmap, hmtx, CFF or glyf, OS/2, name,
//! post) that browsers and e-readers accept.

use super::resources::Chars;
use crate::error::{Error, Result};
use crate::log::Log;
use crate::style::FontRole;
use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use rustybuzz::ttf_parser;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

/// One font face the backend can embed.
#[derive(Debug)]
pub struct FaceRef {
    /// Stable identity (file and index), used to merge roles that share a face.
    pub key: String,
    /// Family name, e.g. `Noto Serif CJK SC`.
    pub family: String,
    /// The font file (may be a collection).
    pub data: Arc<Vec<u8>>,
    /// Face index within a collection.
    pub index: u32,
}

/// An embedded subset font.
#[derive(Debug, Clone)]
pub struct EmbeddedFace {
    /// Path relative to `EPUB/`, e.g. `fonts/noto-serif-cjk-sc-400.otf`.
    pub href: String,
    /// Media type (`font/otf` or `font/ttf`).
    pub media_type: &'static str,
    /// CSS family name of the `@font-face` rule.
    pub css_family: String,
    /// `font-weight` of the rule (400 or 700).
    pub weight: u16,
    /// The subset font bytes.
    pub data: Vec<u8>,
}

/// What the stylesheet needs: the faces and, per role, the embedded families in fallback order.
#[derive(Debug, Clone, Default)]
pub struct Embedded {
    /// Subset faces, in a stable order.
    pub faces: Vec<EmbeddedFace>,
    /// Role → CSS family names of its embedded faces, fallback order.
    pub families: BTreeMap<FontRole, Vec<String>>,
}

/// Roles set in a bold face: the weight their `@font-face` rules declare (no synthetic bold).
pub fn is_bold(role: FontRole) -> bool {
    matches!(role, FontRole::SongBold | FontRole::Hei)
}

// ---- Font source. Until `crate::fonts::FontSet` is on main, the system Noto CJK / LXGW /
// DejaVu files stand in for the bundled fonts; `chain` is the one function to switch over.

fn load(path: &str, index: u32, family: &str) -> Option<Arc<FaceRef>> {
    let data = std::fs::read(path).ok()?;
    Some(Arc::new(FaceRef {
        key: format!("{path}#{index}"),
        family: family.to_string(),
        data: Arc::new(data),
        index,
    }))
}

fn system_faces() -> &'static BTreeMap<FontRole, Option<Arc<FaceRef>>> {
    static FACES: OnceLock<BTreeMap<FontRole, Option<Arc<FaceRef>>>> = OnceLock::new();
    FACES.get_or_init(|| {
        let noto = "/usr/share/fonts/opentype/noto";
        let song = load(
            &format!("{noto}/NotoSerifCJK-Regular.ttc"),
            2,
            "Noto Serif CJK SC",
        );
        let mut m = BTreeMap::new();
        m.insert(FontRole::Song, song.clone());
        m.insert(FontRole::Fang, song);
        let bold = load(
            &format!("{noto}/NotoSerifCJK-Bold.ttc"),
            2,
            "Noto Serif CJK SC",
        );
        m.insert(FontRole::SongBold, bold);
        m.insert(
            FontRole::Hei,
            load(
                &format!("{noto}/NotoSansCJK-Bold.ttc"),
                2,
                "Noto Sans CJK SC",
            ),
        );
        m.insert(
            FontRole::Kai,
            load(
                "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
                0,
                "LXGW WenKai",
            ),
        );
        m.insert(
            FontRole::Mono,
            load(
                "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
                0,
                "DejaVu Sans Mono",
            ),
        );
        m
    })
}

/// The faces of `role`, primary first, ending with the Song face (T27).
fn chain(role: FontRole) -> Vec<Arc<FaceRef>> {
    let faces = system_faces();
    let mut out: Vec<Arc<FaceRef>> = Vec::new();
    let fallback = if is_bold(role) {
        FontRole::SongBold
    } else {
        FontRole::Song
    };
    for r in [role, fallback, FontRole::Song] {
        if let Some(Some(f)) = faces.get(&r) {
            if !out.iter().any(|o| o.key == f.key) {
                out.push(f.clone());
            }
        }
    }
    out
}

// ---- Subsetting.

fn slug(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn font_err(msg: String) -> Error {
    Error::Font(msg)
}

/// Subsets `face` to `chars` (all of which it maps). Glyph 0 is kept first, then glyphs
/// in ascending order, so the same characters always give the same bytes.
pub fn subset_face(face: &FaceRef, chars: &BTreeSet<char>) -> Result<Vec<u8>> {
    let parsed = ttf_parser::Face::parse(&face.data, face.index)
        .map_err(|e| font_err(format!("{}: {e}", face.family)))?;
    let mut gids: BTreeSet<u16> = chars
        .iter()
        .filter_map(|c| parsed.glyph_index(*c))
        .map(|g| g.0)
        .collect();
    gids.remove(&0);
    let glyph_ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
    let scope = ReadScope::new(&face.data);
    let font_file = scope
        .read::<FontData<'_>>()
        .map_err(|e| font_err(format!("{}: {e}", face.family)))?;
    let provider = font_file
        .table_provider(face.index as usize)
        .map_err(|e| font_err(format!("{}: {e}", face.family)))?;
    subset(
        &provider,
        &glyph_ids,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(|e| font_err(format!("subsetting {}: {e}", face.family)))
}

/// Subsets, for every role with characters, the faces that render them.
pub fn embed(chars: &Chars, log: &mut Log) -> Result<Embedded> {
    // (face key, weight) → (face, chars it must cover)
    let mut groups: BTreeMap<(String, u16), (Arc<FaceRef>, BTreeSet<char>)> = BTreeMap::new();
    let mut families: BTreeMap<FontRole, Vec<String>> = BTreeMap::new();
    for (role, set) in chars {
        let weight = if is_bold(*role) { 700 } else { 400 };
        let faces = chain(*role);
        let parsed: Vec<Option<ttf_parser::Face<'_>>> = faces
            .iter()
            .map(|f| ttf_parser::Face::parse(&f.data, f.index).ok())
            .collect();
        let mut used = vec![false; faces.len()];
        let mut missing = BTreeSet::new();
        for &c in set {
            if c.is_control() {
                continue;
            }
            let hit = parsed
                .iter()
                .position(|p| p.as_ref().is_some_and(|p| p.glyph_index(c).is_some()));
            match hit {
                Some(i) => {
                    used[i] = true;
                    let f = &faces[i];
                    groups
                        .entry((f.key.clone(), weight))
                        .or_insert_with(|| (f.clone(), BTreeSet::new()))
                        .1
                        .insert(c);
                }
                None => {
                    missing.insert(c);
                }
            }
        }
        if !missing.is_empty() {
            let list: String = missing.iter().take(20).collect();
            log.warn("W-GLYPH", 0, format!("no {} font has {list}", role.name()));
        }
        let fams = faces
            .iter()
            .zip(&used)
            .filter(|(_, u)| **u)
            .map(|(f, _)| css_family(&f.family))
            .collect();
        families.insert(*role, fams);
    }
    let mut faces = Vec::new();
    for ((_, weight), (face, set)) in groups {
        let data = subset_face(&face, &set)?;
        let (ext, media_type) = if data.starts_with(b"OTTO") {
            ("otf", "font/otf")
        } else {
            ("ttf", "font/ttf")
        };
        let mut href = format!("fonts/{}-{weight}.{ext}", slug(&face.family));
        let mut n = 1;
        while faces.iter().any(|f: &EmbeddedFace| f.href == href) {
            n += 1;
            href = format!("fonts/{}-{weight}-{n}.{ext}", slug(&face.family));
        }
        faces.push(EmbeddedFace {
            href,
            media_type,
            css_family: css_family(&face.family),
            weight,
            data,
        });
    }
    Ok(Embedded { faces, families })
}

/// The `@font-face` family name of an embedded face: distinct from the installed font's
/// name so a reader never mixes our subset with a full system copy.
fn css_family(family: &str) -> String {
    format!("pb-{}", slug(family))
}
