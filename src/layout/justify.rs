//! Justification and placement of one chosen line: T16 shrink/stretch order, T14 edge
//! trim, T17 indent, alignment, T24 dots, link areas.

use super::collect::Class;
use super::shape::Prepared;
use super::types::{
    ClusterText, Decoration, Dot, GlyphRun, Line, LinkArea, ParaSpec, PlacedGlyph, StyledRun,
};
use super::vlist::DESCENT_EM;
use crate::style::Alignment;

/// Points a line may differ from the measure and still count as set full (floating-point
/// slack of the sums, not a style choice).
const FULL_LINE_EPS: f32 = 0.01;

/// Atoms `start..end` form one line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineRange {
    pub start: usize,
    pub end: usize,
    /// First line of the paragraph (gets the T17 indent).
    pub first: bool,
    /// Ends the paragraph or a hard break: natural width (T16).
    pub last: bool,
    /// Ends inside an English word: a hyphen follows the last atom (T8).
    pub hyphen: bool,
}

/// How much of each T16 level a line uses.
struct Adjust {
    /// Fraction (0..=1) of each shrink level's capacity taken.
    shrink: [f32; 5],
    /// Fraction of stretch levels 1–2 taken.
    stretch: [f32; 2],
    /// Extra width per level-3 gap.
    extra: f32,
}

fn plan(p: &Prepared, r: &LineRange, delta: f32, justify: bool) -> Adjust {
    let mut adj = Adjust {
        shrink: [0.0; 5],
        stretch: [0.0; 2],
        extra: 0.0,
    };
    if delta < 0.0 {
        // Shrink is needed even in ragged or last lines that would otherwise overflow.
        let mut cap = [0.0f32; 5];
        for k in r.start..r.end {
            let a = &p.atoms[k];
            let right = if k + 1 == r.end { a.hang } else { a.blank_r };
            cap[a.shrink_level] += a.blank_l + right;
            if k + 1 < r.end {
                cap[p.gaps[k].shrink_level] += p.gaps[k].shrink;
            }
        }
        take_in_order(&cap, -delta, &mut adj.shrink);
    } else if justify && !r.last && delta > 0.0 {
        let mut cap = [0.0f32; 2];
        let mut count = 0usize;
        for g in &p.gaps[r.start..r.end - 1] {
            if g.stretch_level > 0 {
                cap[g.stretch_level - 1] += g.stretch;
            }
            count += g.justifiable as usize;
        }
        let need = take_in_order(&cap, delta, &mut adj.stretch);
        if count > 0 && need > 0.0 {
            adj.extra = need / count as f32;
        }
    }
    adj
}

/// Takes `need` from the levels in order, each exhausted before the next starts (T16);
/// writes the fraction used per level and returns what is still missing.
fn take_in_order(cap: &[f32], mut need: f32, used: &mut [f32]) -> f32 {
    for (c, u) in cap.iter().zip(used.iter_mut()) {
        if *c > 0.0 && need > 0.0 {
            let take = need.min(*c);
            *u = take / c;
            need -= take;
        }
    }
    need
}

/// Places the glyphs of one line.
pub(crate) fn finish_line(p: &Prepared, spec: &ParaSpec, r: &LineRange) -> Line {
    let indent = if r.first { spec.first_indent } else { 0.0 };
    let avail = spec.width - indent;
    let natural: f32 = (r.start..r.end)
        .map(|k| {
            let a = &p.atoms[k];
            if k + 1 == r.end {
                a.width - a.blank_r // T14
            } else {
                a.width + p.gaps[k].width
            }
        })
        .sum();
    // T8: the hyphen of a hyphenated line, in the face and size of the letter before it.
    let hyphen = r.hyphen.then(|| p.hyphen(r.end - 1)).flatten();
    let natural = natural + hyphen.map_or(0.0, |(_, w)| w);
    let justify = spec.align == Alignment::Justify;
    let adj = plan(p, r, avail - natural, justify);

    // Pen positions of every glyph, plus per-atom boxes.
    struct Placed {
        atom: usize,
        glyph: usize,
        x: f32,
    }
    // At least one glyph per atom: reserved once, not grown by doubling (issue 12).
    let mut placed: Vec<Placed> = Vec::with_capacity(r.end - r.start);
    let mut boxes: Vec<(f32, f32)> = Vec::with_capacity(r.end - r.start);
    let mut x = 0.0f32;
    for k in r.start..r.end {
        let a = &p.atoms[k];
        let is_last = k + 1 == r.end;
        let shrink_l = a.blank_l * adj.shrink[a.shrink_level];
        let shrink_r = if is_last {
            a.blank_r + a.hang * adj.shrink[a.shrink_level]
        } else {
            a.blank_r * adj.shrink[a.shrink_level]
        };
        let w = a.width - shrink_l - shrink_r;
        let mut pen = x + a.shift - shrink_l;
        for gi in a.glyphs.clone() {
            let g = &p.glyphs[gi];
            placed.push(Placed {
                atom: k,
                glyph: gi,
                x: pen + g.x_offset,
            });
            pen += g.advance;
        }
        boxes.push((x, w));
        x += w;
        if !is_last {
            let g = &p.gaps[k];
            let mut gw = g.width - g.shrink * adj.shrink[g.shrink_level];
            if g.stretch_level > 0 {
                gw += g.stretch * adj.stretch[g.stretch_level - 1];
            }
            if g.justifiable {
                gw += adj.extra;
            }
            x += gw;
        }
    }
    let hyphen_x = x;
    let used = x + hyphen.map_or(0.0, |(_, w)| w);

    // Group glyphs into runs of one face, size and bold mode.
    let mut glyph_runs: Vec<GlyphRun> = Vec::new();
    let mut ascent = 0.0f32;
    let mut descent = 0.0f32;
    let mut prev_atom = usize::MAX;
    for (idx, pg) in placed.iter().enumerate() {
        let a = &p.atoms[pg.atom];
        let fi = &p.faces[a.face];
        let slant = if a.oblique {
            spec.look.emphasis.oblique_slant
        } else {
            0.0
        };
        let bold_stroke = if a.synthetic_bold {
            spec.look.emphasis.bold_stroke_em * a.size
        } else {
            0.0
        };
        ascent = ascent.max(fi.ascender * a.size + a.rise);
        descent = descent.max(fi.descender * a.size - a.rise);
        let same = glyph_runs.last().is_some_and(|gr| {
            std::sync::Arc::ptr_eq(&gr.face, &fi.face)
                && gr.size == a.size
                && gr.bold_stroke == bold_stroke
                && gr.slant == slant
                && gr.x_scale == a.x_scale
                && a.x_scale == 1.0
        });
        if !same {
            glyph_runs.push(GlyphRun {
                face: fi.face.clone(),
                size: a.size,
                bold_stroke,
                slant,
                x_scale: a.x_scale,
                x: pg.x,
                colour: None,
                // The rest of the line at most; trimmed below.
                glyphs: Vec::with_capacity(placed.len() - idx),
            });
        }
        // Cluster text on the atom's first glyph; an inner space rides along so text
        // extraction keeps word spaces.
        let text = if pg.atom != prev_atom {
            // The cluster and the space after it are adjacent in the paragraph's text.
            let end = if pg.atom + 1 < r.end && p.gaps[pg.atom].space {
                p.atoms[pg.atom + 1].start
            } else {
                a.end
            };
            ClusterText::from(&p.text[a.start..end])
        } else {
            ClusterText::default()
        };
        prev_atom = pg.atom;
        // advance = distance to the next glyph in the line (or the end of the atom box),
        // so consumers can draw a run with pen advances alone.
        let next_x = placed.get(idx + 1).map(|n| n.x).unwrap_or_else(|| {
            let (bx, bw) = boxes[pg.atom - r.start];
            bx + bw
        });
        let gr = glyph_runs.last_mut().expect("pushed above");
        gr.glyphs.push(PlacedGlyph {
            id: p.glyphs[pg.glyph].id,
            x: pg.x,
            y_offset: p.glyphs[pg.glyph].y_offset + a.rise,
            advance: next_x - pg.x,
            text,
        });
    }
    if let (Some((id, w)), Some(gr)) = (hyphen, glyph_runs.last_mut()) {
        // The last run holds the last atom's glyphs: same face and size as the hyphen.
        if let Some(g) = gr.glyphs.last_mut() {
            g.advance = hyphen_x - g.x;
        }
        gr.glyphs.push(PlacedGlyph {
            id,
            x: hyphen_x,
            y_offset: 0.0,
            advance: w,
            text: ClusterText::from("-"),
        });
    }
    // Runs grow by doubling; a line's glyphs live until its page is written, so the unused
    // capacity (up to half of each run) is handed back (memory, issue 9 case 13).
    for gr in &mut glyph_runs {
        gr.glyphs.shrink_to_fit();
    }
    // The last glyph of each run advances to the next run's start.
    for i in 0..glyph_runs.len().saturating_sub(1) {
        let next = glyph_runs[i + 1].x;
        if let Some(g) = glyph_runs[i].glyphs.last_mut() {
            g.advance = next - g.x;
        }
    }

    // T24 dots and link areas.
    let marks = &spec.look.emphasis;
    let mut dots = Vec::new();
    let mut decorations: Vec<Decoration> = Vec::new();
    let mut links: Vec<LinkArea> = Vec::new();
    for k in r.start..r.end {
        let a = &p.atoms[k];
        let run = &spec.runs[a.run];
        let (bx, bw) = boxes[k - r.start];
        if run.emph_dots && a.class == Class::Han {
            // The dot hangs `dot_gap_em` under the bottom of the CJK em box.
            let r = marks.dot_diameter_em / 2.0;
            dots.push(Dot {
                x: bx + bw / 2.0,
                y: -(DESCENT_EM + marks.dot_gap_em + r) * a.em,
                r: r * a.em,
            });
            let bottom = DESCENT_EM + marks.dot_gap_em + marks.dot_diameter_em;
            descent = descent.max(bottom * a.em);
        }
        // Consecutive decorated atoms join, spaces between them included.
        let prev = (k > r.start).then(|| &spec.runs[p.atoms[k - 1].run]);
        let mut decorate = |on: fn(&StyledRun) -> bool, y: f32, thickness: f32, grey| {
            let joined = prev.is_some_and(on);
            match decorations
                .iter_mut()
                .rev()
                .find(|d| d.grey == grey && d.y == y && d.thickness == thickness)
            {
                Some(d) if joined => d.x1 = bx + bw,
                _ => decorations.push(Decoration {
                    x0: bx,
                    x1: bx + bw,
                    y,
                    thickness,
                    grey,
                }),
            }
        };
        if run.strike {
            // By default 0.35 em above the baseline: near the middle of the CJK em box
            // (−0.12…0.88 em) and of Han ink, a little above the Latin x-height centre.
            let y = marks.strike_height_em * a.em;
            decorate(|r| r.strike, y, marks.strike_thickness_em * a.em, None);
        }
        if run.underline {
            let y = -marks.underline_drop_em * a.em;
            decorate(|r| r.underline, y, marks.strike_thickness_em * a.em, None);
            descent = descent.max((marks.underline_drop_em + marks.strike_thickness_em) * a.em);
        }
        if run.mark {
            // The CJK em box: DESCENT_EM below the baseline, 1 em tall.
            let y = (0.5 - DESCENT_EM) * a.em;
            decorate(|r| r.mark, y, a.em, Some(marks.mark_grey));
        }
        if let Some(url) = &run.link {
            match links.last_mut() {
                Some(l)
                    if &l.url == url
                        && k > r.start
                        && spec.runs[p.atoms[k - 1].run].link.as_ref() == Some(url) =>
                {
                    l.x1 = bx + bw
                }
                _ => links.push(LinkArea {
                    x0: bx,
                    x1: bx + bw,
                    url: url.clone(),
                }),
            }
        }
    }

    let line_x = match spec.align {
        Alignment::Center => indent + ((avail - used) / 2.0).max(0.0),
        _ => indent,
    };
    Line {
        x: line_x,
        glyph_runs,
        dots,
        decorations,
        links,
        width: used,
        ascent,
        descent,
        text: p.text[p.atoms[r.start].start..p.atoms[r.end - 1].end].to_string(),
        justified: justify && !r.last && (used - avail).abs() < FULL_LINE_EPS,
    }
}
