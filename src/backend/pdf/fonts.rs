//! One krilla [`Font`] per layout face, created on first use.
//!
//! `Font::new` hashes the whole font file, so doing it once per face (not per glyph run)
//! keeps the writer fast; krilla then subsets each font with a ToUnicode CMap (T27).

use crate::layout::Face;
use krilla::text::Font;
use std::collections::HashMap;
use std::sync::Arc;

/// Maps faces (by their bytes and face index) to krilla fonts.
#[derive(Default)]
pub(crate) struct FontCache {
    fonts: HashMap<(usize, u32), Option<Font>>,
}

impl FontCache {
    /// The krilla font of `face`, or `None` if krilla cannot read it.
    pub(crate) fn get(&mut self, face: &Arc<Face>) -> Option<Font> {
        // The address of the shared bytes identifies the file; the index the face in it.
        let key = (face.data().as_ptr() as usize, face.index);
        self.fonts
            .entry(key)
            .or_insert_with(|| Font::new(krilla::Data::from(face.data.clone()), face.index))
            .clone()
    }
}
