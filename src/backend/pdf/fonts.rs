//! One krilla [`Font`] per layout face, created on first use, with the metrics the writer
//! needs (advances, space glyph) read once.
//!
//! Parsing a CJK CFF face walks its whole charset, so doing it per glyph run cost more
//! than writing the run; the cache parses each face once. krilla then subsets each font
//! with a ToUnicode CMap (T27).

use crate::layout::Face;
use krilla::text::Font;
use std::collections::HashMap;
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
        let ttf = face.ttf();
        let upem = f32::from(ttf.units_per_em().max(1));
        let advances = (0..ttf.number_of_glyphs())
            .map(|g| {
                ttf.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g))
                    .map_or(0.0, |a| f32::from(a) / upem)
            })
            .collect();
        Some(FaceInfo {
            font,
            space: ttf.glyph_index(' ').map(|g| g.0),
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
}
