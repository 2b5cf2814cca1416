//! Embedded fonts: for each font role, the faces of its chain (T27) that cover the characters the book uses,
//! cut down with `allsorts` to complete OpenType subsets (cmap, hmtx, CFF or glyf, OS/2, name,
//! post) that browsers and e-readers accept.
//!
//! Why allsorts: `subsetter` (krilla's) writes PDF-only fonts without a cmap; `fontcull`
//! (fontations' klippa) copies the CFF table whole, and Noto CJK is CFF (7 MB per face);
//! `hb-subset` needs bindgen/libclang and a C++ HarfBuzz build. allsorts subsets CFF and
//! glyf in pure Rust and writes a Unicode cmap. It drops GSUB/GPOS, so `fwid` and `halt`
//! are not available from the embedded subsets.

use super::resources::Chars;
use crate::error::Result;
use crate::fonts::{latin_quote_subset, needs_no_glyph, subset_face, Face, FontSet};
use crate::log::Log;
use crate::style::FontRole;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

/// Manifest media type of every embedded font: the EPUB 3.0.1 core type for OpenType
/// (CFF and TrueType outlines alike); older reading systems do not know `font/otf`/`font/ttf`.
pub const OPENTYPE: &str = "application/vnd.ms-opentype";

/// An embedded subset font.
#[derive(Debug, Clone)]
pub struct EmbeddedFace {
    /// Path relative to `EPUB/`, e.g. `fonts/noto-serif-cjk-sc-400.otf`.
    pub href: String,
    /// Media type ([`OPENTYPE`]).
    pub media_type: &'static str,
    /// CSS family name of the `@font-face` rule.
    pub css_family: String,
    /// `font-weight` of the rule (400 or 700).
    pub weight: u16,
    /// The subset font bytes.
    pub data: Vec<u8>,
    /// The `unicode-range` of the rule, ascending; empty for none.
    pub unicode_range: Vec<char>,
}

/// What the stylesheet needs: the faces and, per role, the embedded families in fallback order.
#[derive(Debug, Clone, Default)]
pub struct Embedded {
    /// Subset faces, in a stable order.
    pub faces: Vec<EmbeddedFace>,
    /// Role → CSS family names of its embedded faces, fallback order.
    pub families: BTreeMap<FontRole, Vec<String>>,
    /// T25: faces whose quotes are narrow get full-width quotes from the Song subset
    /// through an extra `@font-face` of the same family limited by `unicode-range`.
    pub quote_faces: Vec<QuoteFace>,
    /// T25: role → CSS family of its Latin quote face (a subset of [`Embedded::faces`]
    /// holding the Latin-width quotes), for the `lq-ROLE` class.
    pub latin_quote_families: BTreeMap<FontRole, String>,
}

/// An `@font-face` that lends one family the Song face's full-width quotes (T25).
#[derive(Debug, Clone)]
pub struct QuoteFace {
    /// Family name of the face with narrow quotes (e.g. LXGW WenKai's).
    pub css_family: String,
    /// Its weight.
    pub weight: u16,
    /// The Song subset that holds the quotes.
    pub href: String,
    /// The quote characters, ascending.
    pub chars: Vec<char>,
}

/// Quotes that must be 1 em wide in CJK text (T25).
const QUOTES: [char; 4] = ['\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}'];

/// Advance, in em, below which a quote glyph counts as proportional rather than
/// full-width (T25): between LXGW WenKai's 0.35 em quotes and a full-width 1 em. A test of
/// the font, not a style choice.
const FULL_WIDTH_MIN_EM: f32 = 0.9;

/// True when `c` is narrower than [`FULL_WIDTH_MIN_EM`] in `face` (LXGW WenKai's quotes
/// are 0.35 em).
fn narrow(face: &Face, c: char) -> bool {
    face.advance(c)
        .is_some_and(|adv| f32::from(adv) < FULL_WIDTH_MIN_EM * f32::from(face.units_per_em()))
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

/// Subsets, for every role with characters, the faces of its chain that render them.
pub fn embed(
    chars: &Chars,
    latin_quotes: &Chars,
    font_dirs: &[PathBuf],
    log: &mut Log,
) -> Result<Embedded> {
    let set = font_set(font_dirs)?;
    // face key → (face, characters it must cover for any role)
    let mut groups: BTreeMap<String, (Arc<Face>, BTreeSet<char>)> = BTreeMap::new();
    let mut families: BTreeMap<FontRole, Vec<String>> = BTreeMap::new();
    // (family, weight) of a narrow-quote face → (Song face key, quotes it lends)
    let mut quote_map: BTreeMap<(String, u16), (String, BTreeSet<char>)> = BTreeMap::new();
    let song_wide = set
        .chain(FontRole::Song)
        .iter()
        .find(|f| QUOTES.iter().all(|&q| f.has_char(q) && !narrow(f, q)))
        .cloned();
    let song_key = song_wide.as_deref().map(key);
    let mut refused: BTreeSet<String> = BTreeSet::new();
    for (role, set_chars) in chars {
        // A face whose licence bits forbid embedding (OS/2 fsType "restricted") is skipped,
        // so the next face of the chain serves its characters.
        let chain: Vec<&Arc<Face>> = set
            .chain(*role)
            .iter()
            .filter(|f| {
                let ok = !f.embedding_restricted();
                if !ok && refused.insert(key(f)) {
                    log.warn("W-FONT", 0, f.refuses_embedding());
                }
                ok
            })
            .collect();
        // Keys once per face, not once per character (formatting them was ~1% of a batch).
        let keys: Vec<String> = chain.iter().map(|f| key(f)).collect();
        let mut used = vec![false; chain.len()];
        let mut missing = String::new();
        for &c in set_chars {
            if needs_no_glyph(c) {
                continue;
            }
            match chain.iter().position(|f| f.has_char(c)) {
                Some(i) => {
                    used[i] = true;
                    let (mut f, mut k) = (chain[i], keys[i].as_str());
                    let song = song_wide.as_ref().zip(song_key.as_ref());
                    if let Some((song, song_key)) = song.filter(|_| QUOTES.contains(&c)) {
                        if narrow(f, c) {
                            quote_map
                                .entry((css_family(&f.family), f.weight))
                                .or_insert_with(|| (song_key.clone(), BTreeSet::new()))
                                .1
                                .insert(c);
                            (f, k) = (song, song_key.as_str());
                        }
                    }
                    match groups.get_mut(k) {
                        Some(group) => group.1.insert(c),
                        None => groups
                            .entry(k.to_string())
                            .or_insert_with(|| (f.clone(), BTreeSet::new()))
                            .1
                            .insert(c),
                    };
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
    let mut href_of: BTreeMap<String, String> = BTreeMap::new();
    // The CSS `format()` hint follows the outlines: CFF → "opentype", glyf → "truetype".
    for (k, (face, set_chars)) in groups {
        let data = subset_face(&face, &set_chars)?;
        let (ext, media_type) = if data.starts_with(b"OTTO") {
            ("otf", OPENTYPE)
        } else {
            ("ttf", OPENTYPE)
        };
        let weight = if face.weight >= 600 { 700 } else { 400 };
        let mut href = format!("fonts/{}-{weight}.{ext}", slug(&face.family));
        let mut n = 1;
        while faces.iter().any(|f| f.href == href) {
            n += 1;
            href = format!("fonts/{}-{weight}-{n}.{ext}", slug(&face.family));
        }
        href_of.insert(k, href.clone());
        faces.push(EmbeddedFace {
            href,
            media_type,
            css_family: css_family(&face.family),
            weight,
            data,
            unicode_range: Vec::new(),
        });
    }
    let latin_quote_families = latin_quote_faces(&set, latin_quotes, &mut faces)?;
    faces.sort_by(|a, b| a.href.cmp(&b.href));
    let quote_faces = quote_map
        .into_iter()
        .filter_map(|((css_family, weight), (song, chars))| {
            let href = href_of.get(&song)?.clone();
            Some(QuoteFace {
                css_family,
                weight,
                href,
                chars: chars.into_iter().collect(),
            })
        })
        .collect();
    Ok(Embedded {
        faces,
        families,
        quote_faces,
        latin_quote_families,
    })
}

/// T25: for each role with Latin-context quotes, a subset of the first face of its chain
/// that has them, holding its Latin-width quotes ([`latin_quote_subset`]: Noto's `pwid`
/// glyphs), added to `faces` under a family of its own; returns role → family.
fn latin_quote_faces(
    set: &FontSet,
    latin_quotes: &Chars,
    faces: &mut Vec<EmbeddedFace>,
) -> Result<BTreeMap<FontRole, String>> {
    // face key → (face, quotes any role needs from it)
    let mut groups: BTreeMap<String, (Arc<Face>, BTreeSet<char>)> = BTreeMap::new();
    let mut role_face: BTreeMap<FontRole, String> = BTreeMap::new();
    for (role, quotes) in latin_quotes {
        let Some(face) = set
            .chain(*role)
            .iter()
            .find(|f| quotes.iter().all(|&q| f.has_char(q)) && !f.embedding_restricted())
        else {
            continue;
        };
        let k = key(face);
        groups
            .entry(k.clone())
            .or_insert_with(|| (face.clone(), BTreeSet::new()))
            .1
            .extend(quotes);
        role_face.insert(*role, k);
    }
    let mut family_of: BTreeMap<String, String> = BTreeMap::new();
    for (k, (face, quotes)) in groups {
        let quotes: Vec<char> = quotes.into_iter().collect();
        let data = latin_quote_subset(&face, &quotes)?;
        let ext = if data.starts_with(b"OTTO") {
            "otf"
        } else {
            "ttf"
        };
        let weight = if face.weight >= 600 { 700 } else { 400 };
        let href = format!("fonts/{}-{weight}-latin-quotes.{ext}", slug(&face.family));
        let css_family = format!("{}-latin-quotes", css_family(&face.family));
        family_of.insert(k, css_family.clone());
        faces.push(EmbeddedFace {
            href,
            media_type: OPENTYPE,
            css_family,
            weight,
            data,
            unicode_range: quotes,
        });
    }
    Ok(role_face
        .into_iter()
        .filter_map(|(role, k)| Some((role, family_of.get(&k)?.clone())))
        .collect())
}

/// The `@font-face` family name of an embedded face: distinct from the installed font's
/// name so a reader never mixes our subset with a full system copy.
fn css_family(family: &str) -> String {
    format!("pb-{}", slug(family))
}
