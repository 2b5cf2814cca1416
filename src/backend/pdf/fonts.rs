//! One krilla [`Font`] per layout face, created on first use, with the metrics the writer
//! needs (advances, space glyph) read once.
//!
//! Parsing a CJK CFF face walks its whole charset, so doing it per glyph run cost more
//! than writing the run; the cache parses each face once. krilla then subsets each font
//! with a ToUnicode CMap (T27).

use crate::layout::Face;
use krilla::text::Font;
use rustybuzz::ttf_parser as ttf;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A face as the writer uses it.
pub(crate) struct FaceInfo {
    /// The krilla font.
    pub font: Font,
    /// Glyph id of U+0020, if the face has one.
    pub space: Option<u16>,
    /// Advance of each glyph in em (index = glyph id).
    advances: Vec<f32>,
}

impl FaceInfo {
    /// Reads `face`; `None` if krilla cannot use it.
    pub(crate) fn new(face: &Face) -> Option<FaceInfo> {
        let font = Font::new(krilla::Data::from(face.data.clone()), face.index)?;
        // Only head/hhea/maxp/hmtx/cmap are read: a full ttf-parser `Face` would also
        // parse the CFF table (the whole charset of a 65k-glyph CJK font).
        let raw = ttf::RawFace::parse(face.data(), face.index).ok()?;
        let table = |tag: &[u8; 4]| raw.table(ttf::Tag::from_bytes(tag));
        let upem = f32::from(
            ttf::head::Table::parse(table(b"head")?)?
                .units_per_em
                .max(1),
        );
        let metrics = ttf::hhea::Table::parse(table(b"hhea")?)?.number_of_metrics;
        let glyphs = ttf::maxp::Table::parse(table(b"maxp")?)?.number_of_glyphs;
        let advances = table(b"hmtx")
            .and_then(|d| ttf::hmtx::Table::parse(metrics, glyphs, d))
            .map(|h| {
                (0..glyphs.get())
                    .map(|g| {
                        h.advance(ttf::GlyphId(g))
                            .map_or(0.0, |a| f32::from(a) / upem)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let space = face.glyph_ids([' '])[0];
        Some(FaceInfo {
            font,
            space,
            advances,
        })
    }

    /// The font's own advance of glyph `id`, in em.
    pub(crate) fn advance(&self, id: u16) -> Option<f32> {
        self.advances.get(usize::from(id)).copied()
    }
}

/// Maps faces (by their bytes and face index) to [`FaceInfo`]s.
#[derive(Default)]
pub(crate) struct FontCache {
    faces: HashMap<(usize, u32), Option<Arc<FaceInfo>>>,
    /// Faces krilla rejected that a warning has named already.
    warned: HashSet<(usize, u32)>,
}

impl FontCache {
    /// The writer's view of `face`, or `None` if krilla cannot read it.
    pub(crate) fn get(&mut self, face: &Arc<Face>) -> Option<Arc<FaceInfo>> {
        // The address of the shared bytes identifies the file; the index the face in it.
        let key = (face.data().as_ptr() as usize, face.index);
        self.faces
            .entry(key)
            .or_insert_with(|| FaceInfo::new(face).map(Arc::new))
            .clone()
    }

    /// Starts computing, on the thread pool, what subsetting will need for the glyphs each
    /// face is known to draw (compiled charstrings, glyph boxes: krilla's per-font caches),
    /// so that `Document::finish`, which subsets every font after the last page, finds most
    /// of it done: the body face's subset was the longest serial step of a long document's
    /// PDF (issue 12). Largest sets first. The PDF does not change: the caches keep only
    /// what subsetting computes anyway.
    pub(crate) fn warm(&mut self, known: &[(Arc<Face>, Vec<u16>)]) {
        let mut jobs: Vec<(Font, Vec<u16>)> = known
            .iter()
            .filter_map(|(face, ids)| Some((self.get(face)?.font.clone(), ids.clone())))
            .collect();
        jobs.sort_by_key(|(_, ids)| std::cmp::Reverse(ids.len()));
        for (font, ids) in jobs {
            rayon::spawn(move || krilla::text::warm_font_caches(&font, ids));
        }
    }

    /// True the first time it is asked about `face`: a face krilla rejects is warned
    /// about once, at the first line set in it, not once per glyph run.
    pub(crate) fn first_refusal(&mut self, face: &Arc<Face>) -> bool {
        self.warned
            .insert((face.data().as_ptr() as usize, face.index))
    }
}
