//! Embedded fonts: for each font role, the faces of its chain (T27) that cover the characters the book uses,
//! cut down with `allsorts` to complete OpenType subsets (cmap, hmtx, CFF or glyf, OS/2, name,
//! post) that browsers and e-readers accept.

use super::resources::Chars;
use crate::error::{Error, Result};
use crate::fonts::{needs_no_glyph, Face, FontSet};
use crate::log::Log;
use crate::style::FontRole;
use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use rustybuzz::ttf_parser;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

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

/// The faces to embed from: `--font-dir` faces, then the bundled ones. System fonts are
/// left out so the book does not depend on the machine that made it.
fn font_set(font_dirs: &[PathBuf]) -> Result<FontSet> {
    if font_dirs.is_empty() {
        Ok(FontSet::bundled())
    } else {
        Ok(FontSet::load(font_dirs)?.without_system_fonts())
    }
}

/// Identity of a face (file and index), to merge roles that share it.
fn key(face: &Face) -> String {
    format!("{}#{}", face.origin, face.index)
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
pub fn subset_face(face: &Face, chars: &BTreeSet<char>) -> Result<Vec<u8>> {
    let parsed = ttf_parser::Face::parse(face.data(), face.index)
        .map_err(|e| font_err(format!("{}: {e}", face.family)))?;
    let mut gids: BTreeSet<u16> = chars
        .iter()
        .filter_map(|c| parsed.glyph_index(*c))
        .map(|g| g.0)
        .collect();
    gids.remove(&0);
    let glyph_ids: Vec<u16> = std::iter::once(0).chain(gids).collect();
    let scope = ReadScope::new(face.data());
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

/// Subsets, for every role with characters, the faces of its chain that render them.
pub fn embed(chars: &Chars, font_dirs: &[PathBuf], log: &mut Log) -> Result<Embedded> {
    let set = font_set(font_dirs)?;
    // face key → (face, characters it must cover for any role)
    let mut groups: BTreeMap<String, (Arc<Face>, BTreeSet<char>)> = BTreeMap::new();
    let mut families: BTreeMap<FontRole, Vec<String>> = BTreeMap::new();
    for (role, set_chars) in chars {
        let chain = set.chain(*role);
        let mut used = vec![false; chain.len()];
        let mut missing = String::new();
        for &c in set_chars {
            if needs_no_glyph(c) {
                continue;
            }
            match chain.iter().position(|f| f.has_char(c)) {
                Some(i) => {
                    used[i] = true;
                    let f = &chain[i];
                    groups
                        .entry(key(f))
                        .or_insert_with(|| (f.clone(), BTreeSet::new()))
                        .1
                        .insert(c);
                }
                None => missing.push(c),
            }
        }
        if !missing.is_empty() {
            log.warn(
                "W-GLYPH",
                0,
                format!(
                    "no {} font has {missing}; the reader's own fonts will show them",
                    role.name()
                ),
            );
        }
        let mut fams: Vec<String> = Vec::new();
        for (f, _) in chain.iter().zip(&used).filter(|(_, u)| **u) {
            let fam = css_family(&f.family);
            if !fams.contains(&fam) {
                fams.push(fam);
            }
        }
        families.insert(*role, fams);
    }
    let mut faces: Vec<EmbeddedFace> = Vec::new();
    for (face, set_chars) in groups.into_values() {
        let data = subset_face(&face, &set_chars)?;
        let (ext, media_type) = if data.starts_with(b"OTTO") {
            ("otf", "font/otf")
        } else {
            ("ttf", "font/ttf")
        };
        let weight = if face.weight >= 600 { 700 } else { 400 };
        let mut href = format!("fonts/{}-{weight}.{ext}", slug(&face.family));
        let mut n = 1;
        while faces.iter().any(|f| f.href == href) {
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
    faces.sort_by(|a, b| a.href.cmp(&b.href));
    Ok(Embedded { faces, families })
}

/// The `@font-face` family name of an embedded face: distinct from the installed font's
/// name so a reader never mixes our subset with a full system copy.
fn css_family(family: &str) -> String {
    format!("pb-{}", slug(family))
}
