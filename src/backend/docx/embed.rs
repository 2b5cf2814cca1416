//! Embedded fonts (`--embed-fonts`, style key `docx.embed-fonts`): for each East-Asian face
//! of the font table, a subset of the role's primary face to the characters the runs of
//! that role use, stored as Word stores it — an obfuscated `word/fonts/fontN.odttf` part
//! (ECMA-376 Part 1 §17.8.1) referenced from `word/fontTable.xml` by `w:embedRegular` or
//! `w:embedBold` with its `w:fontKey`.
//!
//! The font keeps the font table's name (`KaiTi`…): Word and LibreOffice register an embedded
//! font under the name of its `w:font` entry, not its internal family name (checked with
//! LibreOffice 7.4: the KaiTi entry carrying LXGW WenKai renders as LXGW WenKai). Latin faces
//! (Times New Roman…) are not embedded: every office suite has a metric-compatible one.

use crate::error::Result;
use crate::fonts::{subset_face, FontSet};
use crate::log::Log;
use crate::style::FontRole;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Content type of an obfuscated font part.
pub const OBFUSCATED_FONT: &str = "application/vnd.openxmlformats-officedocument.obfuscatedFont";

/// Relationship type from the font table to a font part.
pub const REL_FONT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

/// Characters the runs of each font role use (collected while writing runs).
pub type UsedChars = BTreeMap<FontRole, BTreeSet<char>>;

/// One embedded font: which font-table entry and slot it fills, and its part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedFont {
    /// `w:name` of the font-table entry (`SimSun`, `KaiTi`…).
    pub name: &'static str,
    /// `w:embedBold` rather than `w:embedRegular`.
    pub bold: bool,
    /// `w:fontKey`: a GUID in braces, upper-case hex.
    pub key: String,
    /// Part name below `word/`, e.g. `fonts/font1.odttf`.
    pub target: String,
    /// The obfuscated subset.
    pub data: Vec<u8>,
}

/// Where each role's characters go: the font-table entry, and whether the bold slot. Mono's
/// Han characters are set in SimSun (its `w:eastAsia`), so they join Song's subset.
fn slot(role: FontRole) -> (&'static str, bool, FontRole) {
    match role {
        FontRole::Song | FontRole::Mono => ("SimSun", false, FontRole::Song),
        FontRole::SongBold => ("SimSun", true, FontRole::SongBold),
        FontRole::Hei => ("SimHei", false, FontRole::Hei),
        FontRole::Kai => ("KaiTi", false, FontRole::Kai),
        FontRole::Fang => ("FangSong", false, FontRole::Fang),
    }
}

/// The 16 key bytes of a `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` font key in the order
/// §17.8.1 applies them: the GUID's 32 hex digits read as bytes from the last to the first.
pub fn key_bytes(guid: &str) -> Option<[u8; 16]> {
    let hex: String = guid.chars().filter(char::is_ascii_hexdigit).collect();
    if hex.len() != 32 {
        return None;
    }
    let mut key = [0u8; 16];
    for (i, k) in key.iter_mut().enumerate() {
        let at = 30 - 2 * i;
        *k = u8::from_str_radix(&hex[at..at + 2], 16).ok()?;
    }
    Some(key)
}

/// Obfuscates (or, applied again, restores) a font per §17.8.1: the first 32 bytes XOR the
/// key bytes, twice over.
pub fn obfuscate(font: &[u8], key: &[u8; 16]) -> Vec<u8> {
    let mut out = font.to_vec();
    for (i, b) in out.iter_mut().take(32).enumerate() {
        *b ^= key[i % 16];
    }
    out
}

/// A deterministic font key for a subset and its slot: a hash of the font bytes and the
/// entry's name, shaped as a GUID (so the same input gives byte-identical output).
fn font_key(data: &[u8], name: &str, bold: bool) -> String {
    let mut seed = data.to_vec();
    seed.extend_from_slice(name.as_bytes());
    seed.push(u8::from(bold));
    let uuid = crate::backend::epub::uuid_from(&seed);
    let bare = uuid.trim_start_matches("urn:uuid:").to_ascii_uppercase();
    format!("{{{bare}}}")
}

/// Subsets and obfuscates the fonts for the characters each role used. The faces are the
/// `--font-dir` ones, then the bundled ones (never system fonts, so the output does not
/// depend on the machine); characters a role's primary face lacks are left to the reader's
/// fonts.
pub fn embed(used: &UsedChars, font_dirs: &[PathBuf], log: &mut Log) -> Result<Vec<EmbeddedFont>> {
    let set = if font_dirs.is_empty() {
        FontSet::bundled()
    } else {
        FontSet::load(font_dirs)?.without_system_fonts()
    };
    // (name, bold) → (role whose face is embedded, characters)
    let mut slots: BTreeMap<(&'static str, bool), (FontRole, BTreeSet<char>)> = BTreeMap::new();
    for (role, chars) in used {
        let (name, bold, face_role) = slot(*role);
        slots
            .entry((name, bold))
            .or_insert_with(|| (face_role, BTreeSet::new()))
            .1
            .extend(chars.iter().copied());
    }
    let mut out = Vec::new();
    for ((name, bold), (role, chars)) in slots {
        let face = set.primary(role);
        if face.embedding_restricted() {
            log.warn("W-FONT", 0, face.refuses_embedding());
            continue;
        }
        let covered: BTreeSet<char> = chars.into_iter().filter(|c| face.has_char(*c)).collect();
        if covered.is_empty() {
            continue;
        }
        let subset = subset_face(face, &covered)?;
        let key = font_key(&subset, name, bold);
        let bytes = key_bytes(&key).expect("font_key makes a GUID");
        out.push(EmbeddedFont {
            name,
            bold,
            target: format!("fonts/font{}.odttf", out.len() + 1),
            data: obfuscate(&subset, &bytes),
            key,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustybuzz::ttf_parser;

    #[test]
    fn key_bytes_are_the_guid_bytes_last_first() {
        // §17.8.1: the key is the GUID's hex digits as bytes, from the end of the string.
        let key = key_bytes("{00112233-4455-6677-8899-AABBCCDDEEFF}").unwrap();
        assert_eq!(
            key,
            [
                0xFF, 0xEE, 0xDD, 0xCC, 0xBB, 0xAA, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22,
                0x11, 0x00
            ]
        );
        assert_eq!(key_bytes("{0011}"), None);
    }

    #[test]
    fn obfuscation_xors_the_first_32_bytes_and_round_trips() {
        let font: Vec<u8> = (0..100u8).collect();
        let key = key_bytes("{00112233-4455-6677-8899-AABBCCDDEEFF}").unwrap();
        let hidden = obfuscate(&font, &key);
        assert_eq!(hidden[0], 0xFF);
        assert_eq!(hidden[15], 15);
        assert_eq!(hidden[16], 16 ^ 0xFF);
        assert_eq!(hidden[31], 31);
        assert_eq!(hidden[32..], font[32..]);
        assert_ne!(hidden[..32], font[..32]);
        assert_eq!(obfuscate(&hidden, &key), font);
    }

    #[test]
    fn subsets_are_deterministic_and_restore_to_a_font() {
        let mut used = UsedChars::new();
        used.insert(FontRole::Kai, "义乌发展".chars().collect());
        used.insert(FontRole::Song, "经验A".chars().collect());
        let mut log = Log::default();
        let a = embed(&used, &[], &mut log).unwrap();
        let b = embed(&used, &[], &mut log).unwrap();
        assert_eq!(a, b);
        let names: Vec<&str> = a.iter().map(|f| f.name).collect();
        assert_eq!(names, ["KaiTi", "SimSun"]);
        for f in &a {
            let font = obfuscate(&f.data, &key_bytes(&f.key).unwrap());
            let face = ttf_parser::Face::parse(&font, 0).expect("de-obfuscated subset parses");
            assert!(face.glyph_index('经').is_some() || face.glyph_index('义').is_some());
        }
    }
}
