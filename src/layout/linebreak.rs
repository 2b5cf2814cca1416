//! Line selection: total fit (Knuth–Plass as in Typst) over precomputed prefix sums, so
//! each candidate line costs O(1): badness 100·|r|³, overfull lines infeasible, T11 runt
//! penalty, inactive nodes pruned.

use super::breaks::{breaks, may_end, may_start, Brk};
use super::collect::Class;
use super::justify::{finish_line, LineRange};
use super::shape::{prepare, Prepared};
use super::types::{FontSet, Line, ParaSpec};

/// Demerits added to a last line holding fewer than 2 characters (T11).
const RUNT_PENALTY: f64 = 1.0e6;
/// Demerits of a T9 last-resort break inside a run of ≥3 STOP/CLOSE.
const KINSOKU_PENALTY: f64 = 1.0e8;
/// Demerits of an unavoidable overfull line (one unit wider than the measure).
const OVERFULL_PENALTY: f64 = 1.0e12;
/// Demerits of an emergency break between two clusters of a run that has no break
/// opportunity and is wider than the measure (a long URL, base64, `[[[[…`): kinsoku (T9)
/// allows it. Costlier than a T9 last resort, cheaper than an overfull line that would run
/// off the page and lose text.
const EMERGENCY_PENALTY: f64 = 1.0e9;
/// Demerits of such an emergency break that kinsoku (T9) forbids: taken only when no
/// cluster boundary nearby is allowed.
const EMERGENCY_KINSOKU_PENALTY: f64 = 1.0e10;
/// Level-3 stretch (per gap, in em) that counts as ratio 1 for badness.
/// Letter-spacing Han is costlier than squeezing punctuation blanks, which GB practice
/// does routinely (T9 "the cheaper layout wins").
const INTERCHAR_STRETCH_EM: f64 = 0.2;
/// Largest stretch ratio of a non-last line in the first pass.
const TOLERANCE: f64 = 2.5;
/// Using all punctuation shrink counts as ratio 0.5, not 1.
const SHRINK_EASE: f64 = 2.0;

/// Prefix sums over atoms and gaps, so each candidate line is measured in O(1). The line
/// breaker needs only totals; the T16 level order matters when the line is justified.
struct Sums {
    atom_w: Vec<f64>,
    gap_w: Vec<f64>,
    atom_shrink: Vec<f64>,
    gap_shrink: Vec<f64>,
    /// Levels 1–2 stretch plus the nominal level-3 stretch of justifiable gaps.
    stretch: Vec<f64>,
}

fn prefix_sums(p: &Prepared) -> Sums {
    let n = p.atoms.len();
    let mut s = Sums {
        atom_w: Vec::with_capacity(n + 1),
        gap_w: Vec::with_capacity(n + 1),
        atom_shrink: Vec::with_capacity(n + 1),
        gap_shrink: Vec::with_capacity(n + 1),
        stretch: Vec::with_capacity(n + 1),
    };
    let (mut aw, mut gw, mut ash, mut gsh, mut st) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for i in 0..=n {
        s.atom_w.push(aw);
        s.gap_w.push(gw);
        s.atom_shrink.push(ash);
        s.gap_shrink.push(gsh);
        s.stretch.push(st);
        if i == n {
            break;
        }
        let (a, g) = (&p.atoms[i], &p.gaps[i]);
        aw += a.width as f64;
        gw += g.width as f64;
        ash += (a.blank_l + a.blank_r) as f64;
        gsh += g.shrink as f64;
        st += g.stretch as f64;
        if g.justifiable {
            st += a.em as f64 * INTERCHAR_STRETCH_EM;
        }
    }
    s
}

/// Natural width, total shrink and total stretch of atoms `s..e` as one line (T14 applied).
#[inline]
fn measure(p: &Prepared, sums: &Sums, s: usize, e: usize) -> (f64, f64, f64) {
    let trim = p.atoms[e - 1].blank_r as f64; // T14: a final STOP/CLOSE is set 0.5 em
    let width = sums.atom_w[e] - sums.atom_w[s] + sums.gap_w[e - 1] - sums.gap_w[s] - trim;
    let shrink = sums.atom_shrink[e] - sums.atom_shrink[s] + sums.gap_shrink[e - 1]
        - sums.gap_shrink[s]
        - trim;
    let stretch = sums.stretch[e - 1] - sums.stretch[s];
    (width, shrink.max(0.0), stretch)
}

struct Node {
    start: usize,
    prev: usize,
    demerits: f64,
    line: usize,
}

/// Chooses line ranges for the paragraph (T9–T11, T16 line selection).
///
/// `tolerance` bounds the stretch ratio of a non-last line (r = 2.5 is 0.5 em per Han gap,
/// the T16 limit); it keeps only plausible line ends active, which makes the search
/// near-linear. Returns whether an overfull emergency line was needed.
fn choose(
    p: &Prepared,
    spec: &ParaSpec,
    brks: &[Brk],
    tolerance: f64,
    last_resort: bool,
) -> (Vec<LineRange>, bool) {
    let n = p.atoms.len();
    let sums = prefix_sums(p);
    // T11: the last line needs ≥2 characters besides trailing STOP/CLOSE.
    let mut tail = n;
    while tail > 0 && matches!(p.atoms[tail - 1].class, Class::Stop | Class::Close) {
        tail -= 1;
    }
    let mut nodes = vec![Node {
        start: 0,
        prev: usize::MAX,
        demerits: 0.0,
        line: 0,
    }];
    let mut active: Vec<usize> = vec![0];
    let mut emergency = false;
    for (i, brk) in brks.iter().enumerate() {
        let penalty = match *brk {
            Brk::No => continue,
            Brk::LastResort if !last_resort => continue,
            Brk::LastResort => KINSOKU_PENALTY,
            Brk::Yes(pen) => pen,
            Brk::Must => 0.0,
        };
        let e = i + 1;
        let forced = *brk == Brk::Must;
        let mut best: Option<(f64, usize)> = None;
        let mut last_removed = None;
        active.retain(|&ni| {
            let node = &nodes[ni];
            let avail = spec.width as f64
                - if node.line == 0 {
                    spec.first_indent as f64
                } else {
                    0.0
                };
            let (width, shrink, stretch) = measure(p, &sums, node.start, e);
            let delta = avail - width;
            if delta < -shrink - 1e-3 {
                last_removed = Some(ni);
                return false;
            }
            let ratio = if delta >= 0.0 {
                if forced {
                    0.0 // last lines are set at natural width (T16)
                } else if stretch > 0.0 {
                    (delta / stretch).min(10.0)
                } else if delta > 1e-3 {
                    10.0
                } else {
                    0.0
                }
            } else {
                delta / (SHRINK_EASE * shrink).max(1e-9)
            };
            if ratio > tolerance {
                return true; // too loose to end a line here, but may start a later one
            }
            let badness = 100.0 * ratio.abs().powi(3);
            let mut demerits = node.demerits + (1.0 + badness).powi(2) + penalty;
            if e == n && node.start > 0 && tail.saturating_sub(node.start) < 2 {
                demerits += RUNT_PENALTY;
            }
            if best.is_none_or(|(d, _)| demerits < d) {
                best = Some((demerits, ni));
            }
            true
        });
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
    let p = prepare(spec, fonts);
    if p.atoms.is_empty() {
        return Vec::new();
    }
    let brks = breaks(&p, spec);
    // Like TeX: a first pass with a tolerance, a second without one only if needed.
    let (mut ranges, emergency) = choose(&p, spec, &brks, TOLERANCE, false);
    if emergency {
        let mut overfull;
        (ranges, overfull) = choose(&p, spec, &brks, f64::INFINITY, false);
        // T9: no feasible layout keeps every ≥3 STOP/CLOSE run whole; allow a break before
        // the third mark, and say so.
        if overfull && brks.contains(&Brk::LastResort) {
            let (alt, still) = choose(&p, spec, &brks, f64::INFINITY, true);
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
            let mut relaxed = brks.clone();
            if allow_emergency_breaks(&p, spec, &mut relaxed, warnings) {
                (ranges, _) = choose(&p, spec, &relaxed, f64::INFINITY, true);
            }
        }
    }
    ranges.iter().map(|r| finish_line(&p, spec, r)).collect()
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
    let sums = prefix_sums(p);
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
        if width - shrink > avail + 1e-3 && end - start > 1 {
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
