//! One loaded font face: its bytes, family, origin and a lazily filled character cache.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rustybuzz::ttf_parser;

use super::subset::Prepared;
use crate::{Error, Result};

/// Where a face comes from (shown by `paiban fonts`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary at build time from `fonts/<file name>`.
    Bundled(&'static str),
    /// Found in a `--font-dir` folder (the file's path).
    FontDir(PathBuf),
    /// An installed system font, found through fontdb (the file's path).
    System(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled(file) => write!(f, "bundled (fonts/{file}, embedded)"),
            Origin::FontDir(path) => write!(f, "font-dir {}", path.display()),
            Origin::System(path) => write!(f, "system {}", path.display()),
        }
    }
}

/// Font bytes shared between faces of one file and with the PDF writer
/// (`krilla::Data` converts from this type without a copy).
pub type FontData = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// One loaded font face.
#[derive(Clone)]
pub struct Face {
    /// English family name, e.g. "Noto Serif CJK SC" (typographic family when present).
    pub family: String,
    /// The whole font file (a collection holds several faces; see `index`).
    pub data: FontData,
    /// Face index in a collection (0 for a plain font file).
    pub index: u32,
    /// Where the face comes from.
    pub origin: Origin,
    /// OS/2 weight class (400 regular, 700 bold), so callers know when to embolden (T24).
    pub weight: u16,
    units_per_em: u16,
    /// The OS/2 embedding permissions (`fsType`), read at load: the EPUB and DOCX font
    /// embedding ask for every face of every chain (parsing a CFF face again each time was
    /// ~1% of a batch, issue 12).
    permissions: Option<ttf_parser::Permissions>,
    chars: Arc<CharCache>,
    /// What subsetting the face needs, read on its first subset and shared by the clones
    /// (the bundled faces serve every file of a batch).
    prepared: Arc<OnceLock<Prepared>>,
}

impl fmt::Debug for Face {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Face")
            .field("family", &self.family)
            .field("index", &self.index)
            .field("origin", &self.origin)
            .field("weight", &self.weight)
            .finish_non_exhaustive()
    }
}

impl Face {
    /// The warning for a face whose licence forbids embedding (OS/2 `fsType` restricted):
    /// EPUB and DOCX word it alike, so converting to both reports it once.
    pub fn refuses_embedding(&self) -> String {
        format!(
            "{} ({}) does not allow embedding; not embedded: readers show this text in their \
             own fonts (give a font that allows embedding with --font-dir)",
            self.family, self.origin
        )
    }

    /// Parses face `index` of `data`; fails if the bytes are not a font with a Unicode cmap.
    ///
    /// The cmap is not walked here: `has_char` looks characters up as the document asks
    /// for them (a CJK face maps ~30 000 characters, a document uses a few thousand).
    pub fn from_data(data: FontData, index: u32, origin: Origin) -> Result<Face> {
        let bytes: &[u8] = (*data).as_ref();
        let parsed = ttf_parser::Face::parse(bytes, index)
            .map_err(|e| Error::Font(format!("{origin}: face {index}: {e}")))?;
        if !maps_any_char(&parsed) {
            return Err(Error::Font(format!(
                "{origin}: face {index} maps no Unicode character"
            )));
        }
        let family = family_name(&parsed).unwrap_or_else(|| match &origin {
            Origin::Bundled(file) => file.to_string(),
            Origin::FontDir(p) | Origin::System(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        });
        Ok(Face {
            family,
            units_per_em: parsed.units_per_em(),
            permissions: parsed.permissions(),
            weight: parsed.weight().to_number(),
            data,
            index,
            origin,
            chars: Arc::default(),
            prepared: Arc::default(),
        })
    }

    /// The whole font file's bytes (pass `index` along with them).
    pub fn data(&self) -> &[u8] {
        (*self.data).as_ref()
    }

    /// Whether the face maps `c` to a real glyph (not `.notdef`).
    pub fn has_char(&self, c: char) -> bool {
        self.chars
            .get_or_insert(c, || lookup(self.data(), self.index, c))
    }

    /// The face's subsetting tables, read the first time a subset is made.
    pub(super) fn prepared(&self) -> &Prepared {
        self.prepared
            .get_or_init(|| Prepared::of(self.data(), self.index))
    }

    /// Whether the face's licence bits forbid embedding (OS/2 `fsType` "restricted").
    pub fn embedding_restricted(&self) -> bool {
        self.permissions == Some(ttf_parser::Permissions::Restricted)
    }

    /// Design units per em.
    pub fn units_per_em(&self) -> u16 {
        self.units_per_em
    }

    /// A ttf-parser view of the face (cheap: parses the table directory only).
    pub fn ttf(&self) -> ttf_parser::Face<'_> {
        // Parsed successfully in `from_data`, and the bytes never change.
        ttf_parser::Face::parse(self.data(), self.index).expect("face parsed at load time")
    }

    /// The glyph of `c`: what `ttf().glyph_index(c)` gives (the first Unicode cmap
    /// subtable that maps it), reading only the cmap: `ttf()` parses every table, a CFF
    /// face's charset among them (issue 12: ~1% of a batch's EPUB rendering).
    pub fn glyph_ids(&self, chars: impl IntoIterator<Item = char>) -> Vec<Option<u16>> {
        let cmap = cmap(self.data(), self.index);
        chars
            .into_iter()
            .map(|c| maps_to(cmap, c).map(|g| g.0))
            .collect()
    }

    /// The horizontal advance, in design units, of the glyph of `c` (`None` when the face
    /// does not map it), reading only cmap, hhea, maxp and hmtx: `ttf()` parses every
    /// table, a CFF face's charset among them (issue 12: ~4% of a batch's EPUBs).
    pub fn advance(&self, c: char) -> Option<u16> {
        let raw = ttf_parser::RawFace::parse(self.data(), self.index).ok()?;
        let table = |tag: &[u8; 4]| raw.table(ttf_parser::Tag::from_bytes(tag));
        let glyph = maps_to(ttf_parser::cmap::Table::parse(table(b"cmap")?), c)?;
        let metrics = ttf_parser::hhea::Table::parse(table(b"hhea")?)?.number_of_metrics;
        let glyphs = ttf_parser::maxp::Table::parse(table(b"maxp")?)?.number_of_glyphs;
        ttf_parser::hmtx::Table::parse(metrics, glyphs, table(b"hmtx")?)?.advance(glyph)
    }

    /// A rustybuzz face for shaping.
    pub fn shaper(&self) -> rustybuzz::Face<'_> {
        rustybuzz::Face::from_face(self.ttf())
    }

    /// Number of characters the face maps (walks the whole cmap: not for hot paths).
    pub fn char_count(&self) -> usize {
        Coverage::of(&self.ttf()).len()
    }

    /// The file name (bundled) or path (font-dir, system) the face comes from.
    pub fn file(&self) -> String {
        match &self.origin {
            Origin::Bundled(file) => file.to_string(),
            Origin::FontDir(p) | Origin::System(p) => p.display().to_string(),
        }
    }
}

/// The English family name: typographic family (name ID 16) if present, else family (ID 1).
/// Windows/Unicode records in US English are preferred; any decodable record is the fallback.
pub(crate) fn family_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    const TYPOGRAPHIC: u16 = 16;
    const FAMILY: u16 = 1;
    const EN_US: u16 = 0x0409;
    for id in [TYPOGRAPHIC, FAMILY] {
        let records = || face.names().into_iter().filter(move |n| n.name_id == id);
        let english = records()
            .filter(|n| n.language_id == EN_US)
            .find_map(|n| n.to_string());
        if let Some(name) = english.or_else(|| records().find_map(|n| n.to_string())) {
            return Some(name);
        }
    }
    None
}

/// Every family name of a face in every language (used to match `--font-dir` faces to roles).
pub(crate) fn all_names(face: &ttf_parser::Face<'_>) -> Vec<String> {
    face.names()
        .into_iter()
        .filter(|n| matches!(n.name_id, 1 | 4 | 6 | 16))
        .filter_map(|n| n.to_string())
        .collect()
}

/// Whether some Unicode cmap subtable of `face` maps `c` to a real glyph (not `.notdef`).
fn maps(face_cmap: Option<ttf_parser::cmap::Table<'_>>, c: char) -> bool {
    face_cmap.is_some_and(|cmap| {
        cmap.subtables
            .into_iter()
            .filter(|s| s.is_unicode())
            .any(|s| s.glyph_index(u32::from(c)).is_some_and(|g| g.0 != 0))
    })
}

/// The glyph of `c` as `ttf_parser::Face::glyph_index` finds it: the first Unicode
/// subtable that maps it.
fn maps_to(face_cmap: Option<ttf_parser::cmap::Table<'_>>, c: char) -> Option<ttf_parser::GlyphId> {
    face_cmap?
        .subtables
        .into_iter()
        .filter(|s| s.is_unicode())
        .find_map(|s| s.glyph_index(u32::from(c)))
}

/// The cmap of face `index` of `data`, reading only the table directory and the cmap.
fn cmap(data: &[u8], index: u32) -> Option<ttf_parser::cmap::Table<'_>> {
    ttf_parser::RawFace::parse(data, index)
        .ok()
        .and_then(|raw| raw.table(ttf_parser::Tag::from_bytes(b"cmap")))
        .and_then(ttf_parser::cmap::Table::parse)
}

/// `has_char` without the cache.
fn lookup(data: &[u8], index: u32, c: char) -> bool {
    maps(cmap(data, index), c)
}

/// Whether the face maps any Unicode character: a few common ones are tried before the
/// whole cmap is walked (only fonts without them pay for the walk).
fn maps_any_char(face: &ttf_parser::Face<'_>) -> bool {
    let cmap = face.tables().cmap;
    ['a', '0', '中', '。', ' '].iter().any(|&c| maps(cmap, c)) || !Coverage::of(face).is_empty()
}

/// The answers of `has_char` so far, shared by the clones of a face.
///
/// Layout asks for every character of the document, from several threads: the Basic
/// Multilingual Plane is two atomic bitmaps (known, has; 16 KiB), the rare characters
/// beyond it a locked map.
struct CharCache {
    known: Box<[AtomicU64]>,
    has: Box<[AtomicU64]>,
    astral: Mutex<HashMap<char, bool>>,
}

impl Default for CharCache {
    fn default() -> CharCache {
        const WORDS: usize = 0x1_0000 / 64;
        let words = || (0..WORDS).map(|_| AtomicU64::new(0)).collect();
        CharCache {
            known: words(),
            has: words(),
            astral: Mutex::default(),
        }
    }
}

impl CharCache {
    /// The cached answer for `c`, computing it with `look` the first time. Two threads
    /// racing on the same character both compute the same answer, so no lock is needed.
    fn get_or_insert(&self, c: char, look: impl FnOnce() -> bool) -> bool {
        let cp = c as usize;
        let Some(known) = self.known.get(cp / 64) else {
            let mut astral = self.astral.lock().unwrap_or_else(|e| e.into_inner());
            return *astral.entry(c).or_insert_with(look);
        };
        let bit = 1u64 << (cp % 64);
        if known.load(Ordering::Acquire) & bit != 0 {
            return self.has[cp / 64].load(Ordering::Relaxed) & bit != 0;
        }
        let has = look();
        if has {
            self.has[cp / 64].fetch_or(bit, Ordering::Relaxed);
        }
        // Release: whoever sees the known bit also sees the has bit set before it.
        known.fetch_or(bit, Ordering::Release);
        has
    }
}

/// Which characters a face maps, as a bitmap over code points: the whole cmap walked
/// once (`char_count`; tests compare the per-character lookups with it).
#[derive(Clone, Default)]
pub(crate) struct Coverage {
    bits: Arc<[u64]>,
}

impl Coverage {
    /// Reads every Unicode cmap subtable; code points mapped to glyph 0 do not count.
    pub(crate) fn of(face: &ttf_parser::Face<'_>) -> Coverage {
        let mut bits: Vec<u64> = Vec::new();
        let Some(cmap) = face.tables().cmap else {
            return Coverage::default();
        };
        for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            sub.codepoints(|cp| {
                let real_glyph = sub.glyph_index(cp).is_some_and(|g| g.0 != 0);
                if char::from_u32(cp).is_none() || !real_glyph {
                    return;
                }
                let word = cp as usize / 64;
                if bits.len() <= word {
                    bits.resize(word + 1, 0);
                }
                bits[word] |= 1 << (cp % 64);
            });
        }
        Coverage { bits: bits.into() }
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, c: char) -> bool {
        let cp = c as usize;
        self.bits
            .get(cp / 64)
            .is_some_and(|w| w & (1 << (cp % 64)) != 0)
    }

    pub(crate) fn len(&self) -> usize {
        self.bits.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bits.iter().all(|w| *w == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;
    use crate::style::FontRole;

    /// The lazy per-character answers equal the whole-cmap bitmap, for every character
    /// the bundled faces could be asked about (T27: same faces chosen as before).
    #[test]
    fn t27_lazy_lookup_matches_full_coverage() {
        let set = FontSet::bundled();
        for role in [
            FontRole::Song,
            FontRole::SongBold,
            FontRole::Hei,
            FontRole::Kai,
            FontRole::Mono,
        ] {
            let face = set.primary(role);
            let full = Coverage::of(&face.ttf());
            let planes = (0..0x3_0000u32).filter_map(char::from_u32);
            let mut n = 0;
            for c in planes {
                assert_eq!(face.has_char(c), full.contains(c), "{role:?} {c:?}");
                // Asked twice: the second answer comes from the cache.
                assert_eq!(face.has_char(c), full.contains(c), "{role:?} {c:?} cached");
                n += usize::from(full.contains(c));
            }
            assert_eq!(n, face.char_count(), "{role:?}");
        }
    }
}
