//! Break opportunities: UAX #14 with the T8 tailoring, T9 kinsoku, T10 units, T26 code.

use super::collect::Class;
use super::shape::Prepared;
use super::types::{Kinsoku, ParaSpec};
use crate::style::Alignment;
use crate::text::hyphenate;
use std::collections::BTreeSet;
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// T8 URLs: a break after `/ ? & = . - _`, never inside the scheme (`https://`).
fn url_break_after(text: &str, start: usize, end: usize, next: usize) -> bool {
    let mark = &text[start..end];
    let looks_like_url = text[..end]
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.contains("://") || w.starts_with("www."));
    let in_scheme = mark == "/" && (text[..start].ends_with(':') || text[..start].ends_with(":/"));
    let before_slash = text[next..].starts_with('/');
    looks_like_url
        && !in_scheme
        && !before_slash
        && matches!(mark, "/" | "?" | "&" | "=" | "." | "-" | "_")
}

/// Whether a line may end after an atom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Brk {
    /// No break.
    No,
    /// A break with this penalty.
    Yes(f64),
    /// A break inside an English word with this penalty: the line ends in a hyphen (T8).
    Hyphen(f64),
    /// A forced break (hard line break, paragraph end).
    Must,
    /// Forbidden by kinsoku, but the T9 last resort: before the third mark of a run of
    /// ≥3 STOP/CLOSE, taken only when no feasible layout exists (logs W-KINSOKU).
    LastResort,
}

/// May the atom of class `c` start a line at `level` (T9)?
pub(crate) fn may_start(c: Class, double: bool, level: Kinsoku) -> bool {
    let basic =
        matches!(c, Class::Stop | Class::Close | Class::Mid) || (c == Class::Conn && !double);
    match level {
        Kinsoku::None => true,
        Kinsoku::Basic => !basic,
        Kinsoku::Gb => !basic && !matches!(c, Class::Sol | Class::Ellipsis),
        Kinsoku::Strict => !basic && !matches!(c, Class::Sol | Class::Ellipsis | Class::Conn),
    }
}

/// May the atom of class `c` end a line at `level` (T9)?
pub(crate) fn may_end(c: Class, level: Kinsoku) -> bool {
    match level {
        Kinsoku::None => true,
        Kinsoku::Basic => c != Class::Open,
        Kinsoku::Gb | Kinsoku::Strict => !matches!(c, Class::Open | Class::Sol),
    }
}

/// One entry per atom: may a line end after it? The last atom always ends the paragraph.
pub(crate) fn breaks(p: &Prepared, spec: &ParaSpec) -> Vec<Brk> {
    let n = p.atoms.len();
    // T8: CJK-context curly quotes act as OP/CL, not QU (which forbids `，|“` and `”|汉`).
    // The stand-ins have the same UTF-8 length, so byte offsets stay valid.
    let mut tailored = p.text.clone().into_bytes();
    for a in &p.atoms {
        let stand_in = match (&p.text[a.start..a.end], a.class) {
            ("“", Class::Open) => "（",
            ("‘", Class::Open) => "「",
            ("”", Class::Close) => "）",
            ("’", Class::Close) => "」",
            _ => continue,
        };
        tailored[a.start..a.end].copy_from_slice(stand_in.as_bytes());
    }
    let tailored = String::from_utf8(tailored).expect("same-length UTF-8 substitution");
    let mut allowed = vec![false; tailored.len() + 1];
    for (pos, op) in linebreaks(&tailored) {
        allowed[pos] = matches!(op, BreakOpportunity::Allowed | BreakOpportunity::Mandatory);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if i + 1 == n {
            out.push(Brk::Must);
            continue;
        }
        let (a, b) = (&p.atoms[i], &p.atoms[i + 1]);
        let gap = &p.gaps[i];
        if gap.hard {
            out.push(Brk::Must);
            continue;
        }
        let (ra, rb) = (&spec.runs[a.run], &spec.runs[b.run]);
        if ra.code && rb.code && a.run == b.run {
            // T8/T26: code breaks at spaces; inside a token only as a last resort.
            out.push(if gap.space {
                Brk::Yes(0.0)
            } else {
                Brk::Yes(spec.look.paragraph.code_break_penalty)
            });
            continue;
        }
        if rb.note_ref && !ra.note_ref {
            out.push(Brk::No); // a footnote marker never starts a line
            continue;
        }
        if ra.link.is_some() && a.run == b.run && url_break_after(&p.text, a.start, a.end, b.start)
        {
            out.push(Brk::Yes(spec.look.paragraph.url_break_penalty));
            continue;
        }
        // T8: a break before a full-width OPEN (UAX #14 LB30 keeps `word《` together in
        // older tables; Unicode 13 exempts East Asian brackets).
        let before_open = b.class == Class::Open && matches!(a.class, Class::West | Class::Mid);
        let ok = (allowed[b.start] || before_open)
            && may_end(a.class, spec.kinsoku)
            && may_start(b.class, b.double, spec.kinsoku);
        out.push(if ok { Brk::Yes(0.0) } else { Brk::No });
    }
    hyphenate(p, spec, &mut out);
    // T9: a run of ≥3 STOP/CLOSE (`。”）`) may break before its third mark, as a last resort.
    let mark = |k: usize| matches!(p.atoms[k].class, Class::Stop | Class::Close);
    let joined = |k: usize| !p.gaps[k].space && !p.gaps[k].hard;
    for j in 0..n.saturating_sub(2) {
        let starts_run = j == 0 || !mark(j - 1) || !joined(j - 1);
        let run3 = mark(j) && mark(j + 1) && mark(j + 2) && joined(j) && joined(j + 1);
        if starts_run && run3 && out[j + 1] == Brk::No {
            out[j + 1] = Brk::LastResort;
        }
    }
    out
}

/// T8 (option) and T16: in justified paragraphs, a hyphen break at the Knuth–Liang points
/// of English words ([`hyphenate::words`]: never Chinese, URLs, numbers or acronyms), between
/// two WEST letters of one run that is not code or a footnote marker, in a face with a
/// hyphen glyph.
fn hyphenate(p: &Prepared, spec: &ParaSpec, out: &mut [Brk]) {
    let para = &spec.look.paragraph;
    if !para.hyphenate || spec.align != Alignment::Justify {
        return;
    }
    let limits = para.hyphen_limits();
    let mut points = BTreeSet::new();
    for w in hyphenate::words(&p.text, &limits) {
        for b in hyphenate::points(&p.text[w.clone()], &limits) {
            points.insert(w.start + b);
        }
    }
    if points.is_empty() {
        return;
    }
    for (i, brk) in out
        .iter_mut()
        .enumerate()
        .take(p.atoms.len().saturating_sub(1))
    {
        let (a, b) = (&p.atoms[i], &p.atoms[i + 1]);
        let run = &spec.runs[a.run];
        let inside_word = a.class == Class::West
            && b.class == Class::West
            && a.run == b.run
            && a.end == b.start
            && !run.code
            && !run.note_ref;
        if *brk == Brk::No && inside_word && points.contains(&b.start) && p.hyphen(i).is_some() {
            *brk = Brk::Hyphen(para.hyphen_penalty);
        }
    }
}
