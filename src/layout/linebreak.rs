//! Line selection: total fit (Knuth–Plass as in Typst) over precomputed prefix sums, so
//! each candidate line costs O(1): badness 100·|r|³, overfull lines infeasible, T11 runt
//! penalty, inactive nodes pruned.

use super::breaks::{breaks, may_end, may_start, Brk};
use super::collect::Class;
use super::justify::{finish_line, LineRange};
use super::shape::{prepare, Prepared};
use super::types::{FontSet, Line, ParaSpec};

// The tunable numbers (tolerance, T11 runt penalty, level-3 stretch) come from
// `Style::paragraph` through `ParaSpec::look`; the constants below are part of the
// algorithm, not of the look.

/// Demerits of a T9 last-resort break inside a run of ≥3 STOP/CLOSE: not style, it only
/// has to outweigh any layout without such a break (the pass runs only when none fits).
const KINSOKU_PENALTY: f64 = 1.0e8;
/// Demerits of an unavoidable overfull line (one unit wider than the measure): not style,
/// it only has to outweigh every feasible layout.
const OVERFULL_PENALTY: f64 = 1.0e12;
/// Demerits of an emergency break between two clusters of a run that has no break
/// opportunity and is wider than the measure (a long URL, base64, `[[[[…`): kinsoku (T9)
/// allows it. Costlier than a T9 last resort, cheaper than an overfull line that would run
/// off the page and lose text. Not style: only the order of the penalties matters.
const EMERGENCY_PENALTY: f64 = 1.0e9;
/// Demerits of such an emergency break that kinsoku (T9) forbids: taken only when no
/// cluster boundary nearby is allowed.
const EMERGENCY_KINSOKU_PENALTY: f64 = 1.0e10;
/// Using all punctuation shrink counts as ratio 0.5, not 1: squeezing blanks (T13, T16)
/// is what GB practice does routinely, so the breaker treats it as half as bad as the
/// same ratio of stretch.
const SHRINK_EASE: f64 = 2.0;
/// Badness of a line at stretch ratio 1 (Knuth–Plass: badness = 100·|r|³).
const BADNESS_AT_RATIO_1: f64 = 100.0;
/// Ratio given to a line that cannot stretch at all, and the cap on any stretch ratio:
/// larger than any tolerance worth using, so such lines end only in the second pass.
const MAX_RATIO: f64 = 10.0;
/// Extra ratio of a short line on the character grid at the start of a paragraph, falling
/// to 0 at its end: far less than one cell's shortfall in [`choose`], it only breaks ties.
const GRID_EARLY_SHORT: f64 = 1e-3;
/// Width slack in points below which a line counts as exactly full or overfull.
const WIDTH_EPS: f64 = 1e-3;
/// Stand-in for a line's total shrink when it has none, so a line a hair too long (within
/// [`WIDTH_EPS`]) gets a huge badness instead of a division by zero.
const MIN_SHRINK: f64 = 1e-9;

/// Prefix sums over atoms and gaps, so each candidate line is measured in O(1). The line
/// breaker needs only totals; the T16 level order matters when the line is justified.
/// One record per atom boundary (the five sums side by side: the line search reads them
/// together, issue 12).
type Sums = Vec<Sum>;

/// The sums of atoms and gaps before one atom boundary.
#[derive(Clone, Copy)]
struct Sum {
    atom_w: f64,
    gap_w: f64,
    atom_shrink: f64,
    gap_shrink: f64,
    /// Levels 1–2 stretch plus the nominal level-3 stretch of justifiable gaps.
    stretch: f64,
}

fn prefix_sums(p: &Prepared, interchar_stretch_em: f64) -> Sums {
    let n = p.atoms.len();
    let mut s = Vec::with_capacity(n + 1);
    let (mut aw, mut gw, mut ash, mut gsh, mut st) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for i in 0..=n {
        s.push(Sum {
            atom_w: aw,
            gap_w: gw,
            atom_shrink: ash,
            gap_shrink: gsh,
            stretch: st,
        });
        if i == n {
            break;
        }
        let (a, g) = (&p.atoms[i], &p.gaps[i]);
        aw += a.width as f64;
        gw += g.width as f64;
        ash += (a.blank_l + a.blank_r) as f64;
        gsh += g.shrink as f64;
        st += g.stretch as f64;
        if g.justifiable && !g.grid {
            st += a.em as f64 * interchar_stretch_em;
        }
    }
    s
}

/// What measuring a line that ends before atom `e` needs of its end, read once for all the
/// lines that end there.
#[derive(Clone, Copy)]
struct LineEnd {
    at: Sum,
    before: Sum,
    /// T14: a final STOP/CLOSE is set 0.5 em.
    trim: f64,
    /// A final mark on the character grid may hang past the edge (`Atom::hang`).
    hang: f64,
}

impl LineEnd {
    fn new(p: &Prepared, sums: &Sums, e: usize) -> LineEnd {
        LineEnd {
            at: sums[e],
            before: sums[e - 1],
            trim: p.atoms[e - 1].blank_r as f64,
            hang: p.atoms[e - 1].hang as f64,
        }
    }

    /// Natural width, total shrink and total stretch of the atoms from the boundary whose
    /// sums are `s` to this end, as one line (T14 applied).
    #[inline]
    fn measure(&self, s: &Sum) -> (f64, f64, f64) {
        let (end, before) = (&self.at, &self.before);
        let width = end.atom_w - s.atom_w + before.gap_w - s.gap_w - self.trim;
        let shrink = end.atom_shrink - s.atom_shrink + before.gap_shrink - s.gap_shrink - self.trim
            + self.hang;
        let stretch = before.stretch - s.stretch;
        (width, shrink.max(0.0), stretch)
    }
}

/// Natural width, total shrink and total stretch of atoms `s..e` as one line (T14 applied).
#[inline]
fn measure(p: &Prepared, sums: &Sums, s: usize, e: usize) -> (f64, f64, f64) {
    LineEnd::new(p, sums, e).measure(&sums[s])
}

struct Node {
    start: usize,
    prev: usize,
    demerits: f64,
    line: usize,
}

/// Chooses line ranges for the paragraph (T9–T11, T16 line selection).
///
/// `tolerance` bounds the stretch ratio of a non-last line (`Style::paragraph.tolerance`); it keeps only plausible line ends active, which makes the search
/// near-linear. Returns whether an overfull emergency line was needed.
fn choose(
    p: &Prepared,
    spec: &ParaSpec,
    brks: &[Brk],
    tolerance: f64,
    last_resort: bool,
) -> (Vec<LineRange>, bool) {
    let n = p.atoms.len();
    let sums = prefix_sums(p, spec.look.paragraph.interchar_stretch_em);
    // Widths and stretch never fall as a line grows (no negative advance, gap or stretch)
    // and the measure is positive: what lets the search skip loose nodes below.
    let monotone = spec.width > 0.0
        && sums.windows(2).all(|w| {
            w[1].atom_w >= w[0].atom_w && w[1].gap_w >= w[0].gap_w && w[1].stretch >= w[0].stretch
        });
    let grid = spec.look.grid_cell.is_some();
    // T11: the last line needs ≥2 characters besides trailing STOP/CLOSE.
    let mut tail = n;
    while tail > 0 && matches!(p.atoms[tail - 1].class, Class::Stop | Class::Close) {
        tail -= 1;
    }
    // At most one node per break opportunity, and nearly every CJK character is one.
    let mut nodes = Vec::with_capacity(n + 1);
    nodes.push(Node {
        start: 0,
        prev: usize::MAX,
        demerits: 0.0,
        line: 0,
    });
    let mut active: Vec<usize> = vec![0];
    let mut emergency = false;
    for (i, brk) in brks.iter().enumerate() {
        let penalty = match *brk {
            Brk::No => continue,
            Brk::LastResort if !last_resort => continue,
            Brk::LastResort => KINSOKU_PENALTY,
            Brk::Yes(pen) | Brk::Hyphen(pen) => pen,
            Brk::Must => 0.0,
        };
        let e = i + 1;
        let forced = *brk == Brk::Must;
        // T8: a hyphenated line also holds the hyphen.
        let hyphen_w = match brk {
            Brk::Hyphen(_) => p.hyphen(i).map_or(0.0, |(_, w)| w as f64),
            _ => 0.0,
        };
        let mut best: Option<(f64, usize)> = None;
        let mut last_removed = None;
        let line_end = LineEnd::new(p, &sums, e);
        // Keeps the active nodes in place (a hand-written `retain` that can stop early).
        let mut kept = 0;
        let mut r = 0;
        while r < active.len() {
            let ni = active[r];
            r += 1;
            let node = &nodes[ni];
            let avail = spec.width as f64
                - if node.line == 0 {
                    spec.first_indent as f64
                } else {
                    0.0
                };
            let (width, shrink, stretch) = line_end.measure(&sums[node.start]);
            let width = width + hyphen_w;
            let delta = match avail - width {
                // A line of whole grid cells fills the measure exactly; the sum of the
                // cells may miss it by a rounding hair either way.
                d if grid && d.abs() < WIDTH_EPS => 0.0,
                d => d,
            };
            if delta < -shrink - WIDTH_EPS {
                last_removed = Some(ni);
                continue;
            }
            active[kept] = ni;
            kept += 1;
            let ratio = if delta >= 0.0 {
                if forced {
                    0.0 // last lines are set at natural width (T16)
                } else if stretch > 0.0 {
                    (delta / stretch).min(MAX_RATIO)
                } else if delta > WIDTH_EPS && grid {
                    // On the character grid only kinsoku leaves a line short (an OPEN that
                    // would end it moves down): of the short choices the fuller line wins,
                    // then the later one, so the short line is the one kinsoku shortened
                    // rather than an earlier one that shifts the rest.
                    MAX_RATIO + delta / avail + GRID_EARLY_SHORT * (n - e) as f64 / n as f64
                } else if delta > WIDTH_EPS {
                    MAX_RATIO
                } else {
                    0.0
                }
            } else {
                delta / (SHRINK_EASE * shrink).max(MIN_SHRINK)
            };
            if ratio > tolerance {
                // Too loose to end a line here, but may start a later one. The nodes after
                // this one start later, so their lines are shorter: no wider, no more
                // stretch (nondecreasing sums; float rounding keeps that order), hence at
                // least as loose, and none is overfull. Skipping them changes nothing, and
                // saves re-measuring every loose node at every CJK break (issue 12). Not
                // for the first line (its own indent) nor a line within `WIDTH_EPS` of
                // full (which would count as full, ratio 0, without stretch).
                if monotone && node.line > 0 && delta > WIDTH_EPS {
                    let rest = active.len() - r;
                    active.copy_within(r.., kept);
                    kept += rest;
                    break;
                }
                continue;
            }
            let badness = BADNESS_AT_RATIO_1 * ratio.abs().powi(3);
            let mut demerits = node.demerits + (1.0 + badness).powi(2) + penalty;
            if e == n && node.start > 0 && tail.saturating_sub(node.start) < 2 {
                demerits += spec.look.paragraph.runt_penalty;
            }
            if best.is_none_or(|(d, _)| demerits < d) {
                best = Some((demerits, ni));
            }
        }
        active.truncate(kept);
        let (demerits, prev) = match (best, last_removed) {
            (Some(b), _) => b,
            // Nothing fits: the unit between the last feasible break and this one is wider
            // than the measure; set it overfull rather than lose text.
            (None, Some(r)) if active.is_empty() => {
                emergency = true;
                (nodes[r].demerits + OVERFULL_PENALTY, r)
            }
            _ => continue,
        };
        nodes.push(Node {
            start: e,
            prev,
            demerits,
            line: nodes[prev].line + 1,
        });
        if forced {
            active.clear();
        }
        active.push(nodes.len() - 1);
    }
    // Walk back from the paragraph end.
    let mut ranges = Vec::new();
    let mut ni = nodes.len() - 1;
    while nodes[ni].prev != usize::MAX {
        let prev = nodes[ni].prev;
        let end = nodes[ni].start;
        ranges.push(LineRange {
            start: nodes[prev].start,
            end,
            first: nodes[prev].line == 0,
            last: brks[end - 1] == Brk::Must,
            hyphen: matches!(brks[end - 1], Brk::Hyphen(_)),
        });
        ni = prev;
    }
    ranges.reverse();
    (ranges, emergency)
}

/// Sets one paragraph: shape once, choose breaks, justify each line; warnings (W-KINSOKU)
/// go to `warnings`.
pub(crate) fn set_paragraph(
    spec: &ParaSpec,
    fonts: &FontSet,
    warnings: &mut Vec<String>,
) -> Vec<Line> {
    Shaped::new(spec, fonts).set(spec, warnings)
}

/// A paragraph shaped, with its break opportunities, ready to be set at any measure: neither
/// depends on the width or the indent, so a title balanced over many widths (T23) is
/// shaped once (issue 12).
pub(crate) struct Shaped {
    p: Prepared,
    brks: Vec<Brk>,
}

impl Shaped {
    /// Shapes `spec` and finds its break opportunities.
    pub(crate) fn new(spec: &ParaSpec, fonts: &FontSet) -> Shaped {
        let p = prepare(spec, fonts);
        let brks = if p.atoms.is_empty() {
            Vec::new()
        } else {
            breaks(&p, spec)
        };
        Shaped { p, brks }
    }

    /// Chooses breaks and justifies each line at `spec`'s measure: `spec` is the one shaped,
    /// its width and first-line indent aside. Warnings (W-KINSOKU) go to `warnings`.
    pub(crate) fn set(&self, spec: &ParaSpec, warnings: &mut Vec<String>) -> Vec<Line> {
        let (p, brks) = (&self.p, &self.brks[..]);
        if p.atoms.is_empty() {
            return Vec::new();
        }
        // Like TeX: a first pass with a tolerance, a second without one only if needed.
        let tolerance = spec.look.paragraph.tolerance;
        let (mut ranges, emergency) = choose(p, spec, brks, tolerance, false);
        if emergency {
            let mut overfull;
            (ranges, overfull) = choose(p, spec, brks, f64::INFINITY, false);
            // T9: no feasible layout keeps every ≥3 STOP/CLOSE run whole; allow a break before
            // the third mark, and say so.
            if overfull && brks.contains(&Brk::LastResort) {
                let (alt, still) = choose(p, spec, brks, f64::INFINITY, true);
                let split: Vec<&LineRange> = alt
                    .iter()
                    .filter(|r| !r.last && brks[r.end - 1] == Brk::LastResort)
                    .collect();
                if !still {
                    for r in split {
                        warnings.push(format!(
                            "W-KINSOKU: no feasible line breaks; `{}` split before its third mark (T9)",
                            &p.text[p.atoms[r.end - 2].start..p.atoms[r.end].end]
                        ));
                    }
                    ranges = alt;
                    overfull = false;
                }
            }
            // Still a line past the measure, where the page would cut its text off: break the
            // runs that cannot fit between clusters.
            if overfull {
                let mut relaxed = brks.to_vec();
                if allow_emergency_breaks(p, spec, &mut relaxed, warnings) {
                    (ranges, _) = choose(p, spec, &relaxed, f64::INFINITY, true);
                }
            }
        }
        ranges.iter().map(|r| finish_line(p, spec, r)).collect()
    }
}

/// Never lose text: a run of atoms without a break opportunity (not even a T9 last
/// resort) that is wider than the measure would be set overfull and run off the page.
/// Inside such a run every cluster boundary becomes an emergency break (no hyphen); an atom
/// is a cluster or a T10 unit (`——`, `……`), which therefore stays whole. Runs that fit are
/// left alone. One W-BREAK warning per paragraph names the first run; returns whether any
/// run was found.
fn allow_emergency_breaks(
    p: &Prepared,
    spec: &ParaSpec,
    brks: &mut [Brk],
    warnings: &mut Vec<String>,
) -> bool {
    let sums = prefix_sums(p, spec.look.paragraph.interchar_stretch_em);
    let mut too_wide: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for end in 1..=brks.len() {
        if brks[end - 1] == Brk::No {
            continue;
        }
        let avail = spec.width as f64
            - if start == 0 {
                spec.first_indent as f64
            } else {
                0.0
            };
        let (width, shrink, _) = measure(p, &sums, start, end);
        // A run ending at a hyphenation point also holds the hyphen there (T8), as in
        // `choose`: without it a run a hair narrower than the line passed as fitting and
        // its line was set past the measure.
        let hyphen_w = match brks[end - 1] {
            Brk::Hyphen(_) => p.hyphen(end - 1).map_or(0.0, |(_, w)| w as f64),
            _ => 0.0,
        };
        if width + hyphen_w - shrink > avail + WIDTH_EPS && end - start > 1 {
            too_wide.push((start, end));
        }
        start = end;
    }
    let Some(&(first_start, first_end)) = too_wide.first() else {
        return false;
    };
    for &(s, e) in &too_wide {
        for (j, brk) in brks.iter_mut().enumerate().take(e - 1).skip(s) {
            if *brk != Brk::No {
                continue;
            }
            let (a, b) = (&p.atoms[j], &p.atoms[j + 1]);
            let kinsoku_ok =
                may_end(a.class, spec.kinsoku) && may_start(b.class, b.double, spec.kinsoku);
            *brk = Brk::Yes(if kinsoku_ok {
                EMERGENCY_PENALTY
            } else {
                EMERGENCY_KINSOKU_PENALTY
            });
        }
    }
    let text = &p.text[p.atoms[first_start].start..p.atoms[first_end - 1].end];
    let shown: String = text.chars().take(24).collect();
    let more = if shown.len() < text.len() { "…" } else { "" };
    warnings.push(format!(
        "W-BREAK: {} run(s) without a break opportunity wider than the line, the first \
         `{shown}{more}` ({} characters), broken between characters without a hyphen; \
         add spaces or break it in the source",
        too_wide.len(),
        text.chars().count()
    ));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::Inline;
    use crate::layout::collect;
    use crate::layout::para_cache::body_spec;
    use crate::layout::types::RunStyle;
    use crate::style::Style;

    /// Title balancing sets one `Shaped` at many widths: each must be the paragraph a fresh
    /// `set_paragraph` gives at that width (shaping and breaks do not depend on it).
    #[test]
    fn a_shaped_paragraph_sets_as_a_fresh_one_at_any_width() {
        let style = Style::handout();
        let fonts = FontSet::bundled();
        let base = RunStyle {
            font: style.body_font,
            size: style.body_size,
            bold: false,
        };
        let text = "坚持和深化“义乌发展经验”，加快打造中国式现代化县域典范。Rust 写的排版程序，\
                    一行行地排出这段文字（T16），看看每个宽度是否都一样。";
        let spec = body_spec(collect(&[Inline::Text(text.into())], &base), &style);
        let shaped = Shaped::new(&spec, &fonts);
        for width in [60.0, 97.5, 150.0, 233.3, spec.width] {
            let at = ParaSpec {
                width,
                ..spec.clone()
            };
            let fresh = set_paragraph(&at, &fonts, &mut Vec::new());
            let reused = shaped.set(&at, &mut Vec::new());
            assert_eq!(format!("{fresh:?}"), format!("{reused:?}"), "width {width}");
        }
    }
}
