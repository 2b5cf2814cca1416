//! Layout glyph runs → krilla glyphs plus the text they stand for (ToUnicode / ActualText).
//!
//! The layout folds a breaking space into the cluster of the glyph before it (`"n "` with
//! the space's width added to the advance). Mapping that glyph to `"n "` would poison the
//! font's ToUnicode CMap (every later `n` would extract as `n `), so the space is written
//! as a real space glyph at the end of the advance when the face has one, and otherwise
//! left out of the glyph's text.

use super::fonts::FaceInfo;
use crate::layout::GlyphRun;
use krilla::text::{GlyphId, KrillaGlyph};
use std::ops::Range;

/// Points of extra advance below which trailing spaces get no space glyph (floating-point
/// slack of the layout's sums, not style).
const SPACE_EPS: f32 = 0.01;

/// One glyph to write: id, pen x from the run origin, advance, y offset (pt), text range.
struct Out {
    id: u16,
    x: f32,
    advance: f32,
    y_offset: f32,
    range: Range<usize>,
}

/// The run's text and its glyphs with em-relative metrics (krilla's convention).
pub(crate) fn krilla_glyphs(run: &GlyphRun, face: &FaceInfo) -> (String, Vec<KrillaGlyph>) {
    let size = run.size;
    let space = face.space;
    let natural = |id: u16| face.advance(id).map(|a| a * size);
    let mut text = String::with_capacity(run.glyphs.iter().map(|g| g.text.len()).sum());
    let mut out: Vec<Out> = Vec::with_capacity(run.glyphs.len());
    let mut i = 0;
    while i < run.glyphs.len() {
        // A cluster: a glyph with text plus the following glyphs without.
        let mut end = i + 1;
        while end < run.glyphs.len() && run.glyphs[end].text.is_empty() {
            end += 1;
        }
        let cluster = run.glyphs[i].text.as_str();
        let core = cluster.trim_matches(char::is_whitespace);
        let core = if core.is_empty() { cluster } else { core };
        // `core` is a slice of `cluster`: its offset is where the leading spaces end.
        let lead = core.as_ptr() as usize - cluster.as_ptr() as usize;
        let trail = &cluster[lead + core.len()..];
        let start = text.len();
        text.push_str(core);
        let k = end - i;
        if k == 1 {
            // One glyph (almost every cluster): it stands for the whole cluster.
            let g = &run.glyphs[i];
            out.push(Out {
                id: g.id,
                x: g.x,
                advance: g.advance,
                y_offset: g.y_offset,
                range: start..text.len(),
            });
        } else {
            let bounds: Vec<usize> = core
                .char_indices()
                .map(|(b, _)| start + b)
                .chain([text.len()])
                .collect();
            let n = bounds.len() - 1;
            for (j, g) in run.glyphs[i..end].iter().enumerate() {
                // Enough characters: share them out (`……` as two glyphs → one `…` each);
                // otherwise every glyph gets the whole cluster (krilla writes ActualText).
                let range = if n >= k {
                    bounds[j * n / k]..bounds[(j + 1) * n / k]
                } else {
                    start..text.len()
                };
                out.push(Out {
                    id: g.id,
                    x: g.x,
                    advance: g.advance,
                    y_offset: g.y_offset,
                    range,
                });
            }
        }
        // Trailing spaces of a one-glyph cluster become space glyphs in the extra advance.
        let last = &run.glyphs[end - 1];
        let spaces = trail.chars().count();
        if let (Some(sp), true, Some(nat)) = (space, spaces > 0 && k == 1, natural(last.id)) {
            let rest = last.advance - nat;
            if rest > SPACE_EPS {
                out.last_mut().expect("cluster has a glyph").advance = nat;
                let each = rest / spaces as f32;
                for (s, c) in trail.chars().enumerate() {
                    let from = text.len();
                    text.push(c);
                    out.push(Out {
                        id: sp,
                        x: last.x + nat + each * s as f32,
                        advance: each,
                        y_offset: 0.0,
                        range: from..text.len(),
                    });
                }
            }
        }
        i = end;
    }
    let mut pen = 0.0f32;
    let glyphs = out
        .into_iter()
        .map(|o| {
            let g = KrillaGlyph::new(
                GlyphId::new(u32::from(o.id)),
                o.advance / size,
                (o.x - pen) / size,
                o.y_offset / size,
                0.0,
                o.range,
                None,
            );
            pen += o.advance;
            g
        })
        .collect();
    (text, glyphs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FontSet;
    use crate::layout::PlacedGlyph;
    use crate::style::FontRole;
    use krilla::text::Glyph;

    fn glyph(id: u16, x: f32, advance: f32, text: &str) -> PlacedGlyph {
        PlacedGlyph {
            id,
            x,
            y_offset: 0.0,
            advance,
            text: text.into(),
        }
    }

    fn convert(glyphs: Vec<PlacedGlyph>) -> (String, Vec<KrillaGlyph>) {
        let r = run(glyphs);
        let info = FaceInfo::new(&r.face).expect("bundled mono face");
        krilla_glyphs(&r, &info)
    }

    fn run(glyphs: Vec<PlacedGlyph>) -> GlyphRun {
        GlyphRun {
            face: FontSet::bundled().primary(FontRole::Mono).clone(),
            size: 10.0,
            bold_stroke: 0.0,
            slant: 0.0,
            x_scale: 1.0,
            x: 0.0,
            colour: None,
            glyphs,
        }
    }

    #[test]
    fn trailing_space_becomes_a_space_glyph() {
        let (text, g) = convert(vec![
            glyph(79, 0.0, 12.04, "n "),
            glyph(78, 12.04, 6.02, "m"),
        ]);
        assert_eq!(text, "n m");
        assert_eq!(g.len(), 3);
        let texts: Vec<&str> = g.iter().map(|g| &text[g.text_range()]).collect();
        assert_eq!(texts, ["n", " ", "m"]);
        // Positions are kept: the three advances sum to the two layout advances.
        let sum: f32 = g.iter().map(|g| g.x_advance(10.0)).sum();
        assert!((sum - 18.06).abs() < 1e-3, "{sum}");
    }

    #[test]
    fn two_glyph_cluster_shares_its_characters() {
        let (text, g) = convert(vec![glyph(5, 0.0, 10.0, "……"), glyph(5, 10.0, 10.0, "")]);
        let texts: Vec<&str> = g.iter().map(|g| &text[g.text_range()]).collect();
        assert_eq!(texts, ["…", "…"]);
    }
}
