//! Per-thread cache of parsed rustybuzz faces: building one parses GSUB/GPOS (~0.1 ms for
//! a CJK face), far too slow to repeat for every paragraph of a long document.

use super::types::Face;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// Faces kept per thread; a document uses a handful.
const CAPACITY: usize = 16;

/// A parsed face plus a cache of glyph ink extents (CFF outlines are slow to parse).
pub(crate) struct Shaper {
    // Declared first so it is dropped before the face whose bytes it borrows. Private:
    // callers get it through `hb()`, whose lifetime is tied to the shaper, so the
    // `'static` borrow below can never escape.
    hb: rustybuzz::Face<'static>,
    ink: RefCell<HashMap<u16, Option<(i16, i16)>>>,
    halt: RefCell<HashMap<char, Option<(i32, i32)>>>,
    /// Shaping plans for text without user features, one per script: building a plan
    /// reads the face's GSUB/GPOS feature lists (~30k instructions), once per segment when
    /// `rustybuzz::shape` does it (issue 12).
    plans: RefCell<Vec<(rustybuzz::Script, rustybuzz::ShapePlan)>>,
    face: Arc<Face>,
}

impl Shaper {
    /// The parsed face, borrowed for no longer than the shaper lives.
    pub fn hb(&self) -> &rustybuzz::Face<'_> {
        &self.hb
    }

    /// Advance and x offset (font units) of `c` under OpenType `halt`, when the feature
    /// changes its advance (T14: the trim amount comes from the font).
    pub fn halt(&self, c: char) -> Option<(i32, i32)> {
        *self.halt.borrow_mut().entry(c).or_insert_with(|| {
            let shape = |features: &[rustybuzz::Feature]| {
                let mut buf = rustybuzz::UnicodeBuffer::new();
                buf.add(c, 0);
                buf.guess_segment_properties();
                let out = rustybuzz::shape(&self.hb, features, buf);
                out.glyph_positions()
                    .first()
                    .map(|p| (p.x_advance, p.x_offset))
            };
            let tag = rustybuzz::ttf_parser::Tag::from_bytes(b"halt");
            let plain = shape(&[])?;
            let halt = shape(&[rustybuzz::Feature::new(tag, 1, ..)])?;
            (halt != plain).then_some(halt)
        })
    }

    /// Shapes `buf` left to right as `rustybuzz::shape` does (same plan: the buffer's
    /// guessed script, no language), reusing the plan when there are no `features`.
    pub fn shape(
        &self,
        mut buf: rustybuzz::UnicodeBuffer,
        features: &[rustybuzz::Feature],
    ) -> rustybuzz::GlyphBuffer {
        buf.set_direction(rustybuzz::Direction::LeftToRight);
        buf.guess_segment_properties();
        if !features.is_empty() {
            // The plan holds the features' text ranges, which differ from call to call.
            return rustybuzz::shape(&self.hb, features, buf);
        }
        let script = buf.script();
        let mut plans = self.plans.borrow_mut();
        let k = match plans.iter().position(|(s, _)| *s == script) {
            Some(k) => k,
            None => {
                // The guess leaves the script unset (`UNKNOWN`) when no character has one.
                let known = (script != rustybuzz::script::UNKNOWN).then_some(script);
                let plan = rustybuzz::ShapePlan::new(
                    &self.hb,
                    rustybuzz::Direction::LeftToRight,
                    known,
                    None,
                    &[],
                );
                plans.push((script, plan));
                plans.len() - 1
            }
        };
        rustybuzz::shape_with_plan(&self.hb, &plans[k].1, buf)
    }

    /// Horizontal ink extent (x_min, x_max) of a glyph in font units.
    pub fn ink_x(&self, glyph: u16) -> Option<(i16, i16)> {
        *self.ink.borrow_mut().entry(glyph).or_insert_with(|| {
            self.hb
                .glyph_bounding_box(rustybuzz::ttf_parser::GlyphId(glyph))
                .map(|b| (b.x_min, b.x_max))
        })
    }
}

thread_local! {
    static CACHE: RefCell<Vec<Shaper>> = const { RefCell::new(Vec::new()) };
}

fn make(face: &Arc<Face>) -> Shaper {
    let bytes: &[u8] = face.data();
    // SAFETY: the bytes live in the font's shared buffer (`Face::data`, an Arc'd byte
    // store that is never mutated or moved), and `Shaper` holds an `Arc<Face>` to it for as
    // long as the shaper exists; the field order drops the shaper first.
    let bytes: &'static [u8] = unsafe { std::mem::transmute::<&[u8], &'static [u8]>(bytes) };
    let parsed =
        rustybuzz::ttf_parser::Face::parse(bytes, face.index).expect("face parsed at load time");
    Shaper {
        hb: rustybuzz::Face::from_face(parsed),
        ink: RefCell::new(HashMap::new()),
        halt: RefCell::new(HashMap::new()),
        plans: RefCell::new(Vec::new()),
        face: face.clone(),
    }
}

/// Runs `f` with a shaper for each of `faces` (same order).
pub(crate) fn with_shapers<R>(faces: &[Arc<Face>], f: impl FnOnce(&[&Shaper]) -> R) -> R {
    CACHE.with(|cache| {
        {
            let mut c = cache.borrow_mut();
            for face in faces {
                if !c.iter().any(|e| Arc::ptr_eq(&e.face, face)) {
                    c.push(make(face));
                }
            }
            // Evict the oldest shapers this call does not use, never one it does: every
            // render of a `--font-dir` or system face brings new `Arc`s, so a thread that
            // converts many files fills the cache with stale faces (found by fuzzing).
            // A call with more faces than CAPACITY keeps them all until the next call.
            let mut excess = c.len().saturating_sub(CAPACITY);
            c.retain(|e| {
                let evict = excess > 0 && !faces.iter().any(|face| Arc::ptr_eq(&e.face, face));
                excess -= usize::from(evict);
                !evict
            });
        }
        let c = cache.borrow();
        let shapers: Vec<&Shaper> = faces
            .iter()
            .map(|face| {
                c.iter()
                    .find(|e| Arc::ptr_eq(&e.face, face))
                    .expect("inserted above")
            })
            .collect();
        f(&shapers)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;
    use crate::style::FontRole;

    /// `n` distinct faces (distinct `Arc`s) over the bytes of one bundled face.
    fn distinct_faces(n: usize) -> Vec<Arc<Face>> {
        let set = FontSet::bundled();
        let base = set.primary(FontRole::Mono);
        (0..n).map(|_| Arc::new(Face::clone(base))).collect()
    }

    #[test]
    fn a_call_with_more_faces_than_the_capacity_gets_them_all() {
        let faces = distinct_faces(CAPACITY + 1);
        let found = with_shapers(&faces, |shapers| shapers.len());
        assert_eq!(found, faces.len());
    }

    #[test]
    fn a_full_cache_never_evicts_a_face_the_call_uses() {
        let old = distinct_faces(1);
        with_shapers(&old, |_| ());
        for fresh in distinct_faces(CAPACITY) {
            // `old` is the oldest entry when `fresh` overflows the cache.
            let faces = [old[0].clone(), fresh];
            let found = with_shapers(&faces, |shapers| shapers.len());
            assert_eq!(found, 2);
        }
    }
}
