//! Subroutine compaction for CFF subsets (paiban patch).
//!
//! The stock subsetter keeps every subroutine INDEX at its original length, with the unused
//! entries empty, so the kept CharStrings can call subroutines by their old numbers. For a
//! CID-keyed CJK font that is ~20,000 local and ~2,500 global entries: a subset of 50 glyphs
//! carries ~60 KB of offset arrays, which then has to be written, compressed and read back.
//!
//! Here the kept glyphs are interpreted far enough to find every subroutine call (its operand
//! literal, the INDEX it refers to and the subroutine number), the used subroutines are
//! numbered afresh in their original order, and the glyphs and subroutines are copied with
//! the call operands re-encoded for the new numbers and biases. Everything else in every
//! CharString is copied byte for byte, so the outlines and hints do not change.
//!
//! Anything this does not understand (arithmetic or other rare operators, `seac`, a call
//! whose operand is not a literal of the same CharString, one literal or hint mask read two
//! ways in different contexts) returns `None`, and the caller keeps the stock behaviour.

use super::charstring::calc_subroutine_bias;
use super::{owned, MaybeOwnedIndex};

/// Nesting limit of subroutine calls (Type 2 CharString format, appendix B).
const MAX_DEPTH: u8 = 10;
/// Argument stack limit of Type 2 CharStrings.
const MAX_STACK: usize = 48;

/// A CharString the rewrite touches: a kept glyph (by its position in the subset), a local
/// subroutine (by font DICT and number) or a global one.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Body {
    Glyph(usize),
    Local(usize, usize),
    Global(usize),
}

/// The subroutine a call operand names.
#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Target {
    Local(usize, usize),
    Global(usize),
}

/// A call operand met while running the glyphs: the CharString holding the literal, its
/// byte range, and the subroutine it names. Every run of a CharString must give the same
/// target for the same literal.
type Call = (Body, usize, usize, Target);

/// A hint mask met while running the glyphs: CharString, byte position and mask length,
/// which must be the same in every context.
type Mask = (Body, usize, usize);

/// One argument on the interpreter's stack: its value when it is an integer literal, and
/// where that literal is (start and end in the CharString that pushed it).
#[derive(Copy, Clone)]
struct Arg {
    value: Option<i32>,
    body: Body,
    start: usize,
    end: usize,
}

/// The subset's CharStrings and subroutine INDEXes with the subroutines renumbered.
pub(crate) struct Compacted {
    /// The kept glyphs' CharStrings, in subset order.
    pub(crate) glyphs: Vec<Vec<u8>>,
    /// The global subroutines that are used, renumbered.
    pub(crate) global: owned::Index,
    /// Per font DICT, its used local subroutines renumbered; `None` where none is used.
    pub(crate) locals: Vec<Option<owned::Index>>,
}

struct Interpreter<'s, 'a> {
    char_strings: &'s MaybeOwnedIndex<'a>,
    locals: &'s [Option<&'s MaybeOwnedIndex<'a>>],
    global: &'s MaybeOwnedIndex<'a>,
    /// Calls in the glyphs' own CharStrings: each glyph runs once, so these come sorted
    /// and without repeats.
    glyph_calls: Vec<Call>,
    /// Calls in subroutines.
    calls: Vec<Call>,
    /// Hint masks in subroutines (a glyph's own masks are read once).
    masks: Vec<Mask>,
    stack: Vec<Arg>,
    stems: usize,
    width_done: bool,
    ended: bool,
    /// Subroutines run before, as bit sets (global ones, then each font DICT's local
    /// ones): the calls of a subroutine run again are only recorded where they could read
    /// differently (a global subroutine's local calls).
    seen_global: Vec<u64>,
    seen_local: Vec<Vec<u64>>,
}

impl<'a> Interpreter<'_, 'a> {
    /// Clears the stack at a stack-clearing operator; a width, if any, came before it.
    fn clear(&mut self) {
        self.width_done = true;
        self.stack.clear();
    }

    /// Stem hints declared by a stem operator (or the implicit `vstem` of a hint mask) with
    /// the current stack: a first odd argument is the width.
    fn add_stems(&mut self) {
        let mut n = self.stack.len();
        if !self.width_done && n % 2 == 1 {
            n -= 1;
        }
        self.width_done = true;
        self.stems += n / 2;
        self.stack.clear();
    }

    /// Marks subroutine `body` run; true if it was run before.
    fn seen(&mut self, body: Body) -> bool {
        let (bits, i) = match body {
            Body::Glyph(_) => return false,
            Body::Global(i) => (&mut self.seen_global, i),
            Body::Local(fd, i) => match self.seen_local.get_mut(fd) {
                Some(bits) => (bits, i),
                None => return false,
            },
        };
        if bits.len() <= i / 64 {
            bits.resize(i / 64 + 1, 0);
        }
        let (word, bit) = (&mut bits[i / 64], 1u64 << (i % 64));
        let seen = *word & bit != 0;
        *word |= bit;
        seen
    }

    fn push(&mut self, arg: Arg) -> Option<()> {
        if self.stack.len() >= MAX_STACK {
            return None;
        }
        self.stack.push(arg);
        Some(())
    }

    /// Runs CharString `body` (of glyph `glyph_id`, whose font DICT is `fd`), recording its
    /// call sites and hint masks; `None` when it holds anything this module does not handle.
    fn run(&mut self, body: Body, glyph_id: u16, fd: usize, depth: u8) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let data = match body {
            Body::Glyph(_) => self.char_strings.read_object(usize::from(glyph_id))?,
            Body::Local(fd, i) => self.locals.get(fd).copied().flatten()?.read_object(i)?,
            Body::Global(i) => self.global.read_object(i)?,
        };
        let again = self.seen(body);
        let mut at = 0;
        while at < data.len() {
            let start = at;
            let b0 = data[at];
            at += 1;
            let literal = |value: Option<i32>, end: usize| Arg {
                value,
                body,
                start,
                end,
            };
            match b0 {
                32..=246 => self.push(literal(Some(i32::from(b0) - 139), at))?,
                247..=250 => {
                    let b1 = *data.get(at)?;
                    at += 1;
                    let v = (i32::from(b0) - 247) * 256 + i32::from(b1) + 108;
                    self.push(literal(Some(v), at))?;
                }
                251..=254 => {
                    let b1 = *data.get(at)?;
                    at += 1;
                    let v = -(i32::from(b0) - 251) * 256 - i32::from(b1) - 108;
                    self.push(literal(Some(v), at))?;
                }
                28 => {
                    let v = i16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]);
                    at += 2;
                    self.push(literal(Some(i32::from(v)), at))?;
                }
                255 => {
                    data.get(at..at + 4)?;
                    at += 4;
                    self.push(literal(None, at))?;
                }
                // hstem, vstem, hstemhm, vstemhm
                1 | 3 | 18 | 23 => self.add_stems(),
                // hintmask, cntrmask: an implicit vstem, then the mask bytes.
                19 | 20 => {
                    self.add_stems();
                    let len = self.stems.div_ceil(8);
                    data.get(at..at + len)?;
                    if !matches!(body, Body::Glyph(_)) {
                        self.masks.push((body, start, len));
                    }
                    at += len;
                }
                // Path construction: vmoveto, rlineto, hlineto, vlineto, rrcurveto,
                // rmoveto, hmoveto, rcurveline, rlinecurve, vvcurveto, hhcurveto,
                // vhcurveto, hvcurveto.
                4..=8 | 21 | 22 | 24..=27 | 30 | 31 => self.clear(),
                // callsubr, callgsubr
                10 | 29 => {
                    let arg = self.stack.pop()?;
                    let value = arg.value?;
                    // The operand must be a literal of this CharString, so it is the
                    // operand of this call in every context the CharString runs in.
                    if arg.body != body || arg.end > start {
                        return None;
                    }
                    // The number is biased by the length of the INDEX called into.
                    let local = b0 == 10;
                    let len = if local {
                        self.locals.get(fd).copied().flatten()?.len()
                    } else {
                        self.global.len()
                    };
                    let bias = i32::from(calc_subroutine_bias(len));
                    let number = usize::try_from(value + bias).ok().filter(|&n| n < len)?;
                    let (target, callee) = if local {
                        (Target::Local(fd, number), Body::Local(fd, number))
                    } else {
                        (Target::Global(number), Body::Global(number))
                    };
                    let call = (body, arg.start, arg.end, target);
                    match body {
                        Body::Glyph(_) => self.glyph_calls.push(call),
                        Body::Global(_) if local => self.calls.push(call),
                        _ if !again => self.calls.push(call),
                        _ => {}
                    }
                    self.run(callee, glyph_id, fd, depth + 1)?;
                    if self.ended {
                        return (at == data.len()).then_some(());
                    }
                }
                // return
                11 => return matches!(body, Body::Local(..) | Body::Global(_)).then_some(()),
                // endchar (with 4 or 5 arguments it is seac, which is not handled)
                14 => {
                    let n = self.stack.len();
                    if n >= 4 {
                        return None;
                    }
                    self.clear();
                    self.ended = true;
                    return (at == data.len()).then_some(());
                }
                12 => {
                    let b1 = *data.get(at)?;
                    at += 1;
                    match b1 {
                        // hflex, flex, hflex1, flex1
                        34..=37 => self.clear(),
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        // A subroutine may end without `return` only if it ends the glyph; a glyph must
        // end with `endchar`.
        None
    }
}

/// The shortest Type 2 encoding of integer `v` (−32768..=32767).
fn encode(v: i32, out: &mut Vec<u8>) {
    match v {
        -107..=107 => out.push((v + 139) as u8),
        108..=1131 => {
            let w = v - 108;
            out.extend([(w / 256 + 247) as u8, (w % 256) as u8]);
        }
        -1131..=-108 => {
            let w = -v - 108;
            out.extend([(w / 256 + 251) as u8, (w % 256) as u8]);
        }
        _ => {
            out.push(28);
            out.extend((v as i16).to_be_bytes());
        }
    }
}

/// `data` with the call operands `calls` (its own, ascending) replaced by their new numbers.
fn rewrite(
    data: &[u8],
    calls: &[Call],
    new_number: &dyn Fn(Target) -> Option<i32>,
) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() + 2 * calls.len());
    let mut at = 0;
    for &(_, start, end, target) in calls {
        out.extend_from_slice(data.get(at..start)?);
        encode(new_number(target)?, &mut out);
        at = end;
    }
    out.extend_from_slice(data.get(at..)?);
    Some(out)
}

/// The calls of CharString `body`, the next group of `calls` (sorted, without repeats)
/// when the CharStrings are asked for in the order [`Body`] sorts in.
fn calls_of<'c>(calls: &mut &'c [Call], body: Body) -> &'c [Call] {
    let skip = calls.iter().take_while(|c| c.0 < body).count();
    let len = calls[skip..].iter().take_while(|c| c.0 == body).count();
    let (this, rest) = calls[skip..].split_at(len);
    *calls = rest;
    this
}

/// Sorts `records` and drops repeats; false when two are left for the same CharString and
/// position (`key`), i.e. one literal or mask read two ways in different contexts.
fn one_reading<T: Ord, K: PartialEq>(records: &mut Vec<T>, key: impl Fn(&T) -> K) -> bool {
    records.sort_unstable();
    records.dedup();
    records.windows(2).all(|w| key(&w[0]) != key(&w[1]))
}

/// Compacts the subroutines of the subset `glyphs` (original glyph id and font DICT index
/// into `locals`, in subset order); `None` when the CharStrings are not all understood.
pub(crate) fn compact(
    glyphs: &[(u16, u8)],
    char_strings: &MaybeOwnedIndex<'_>,
    locals: &[Option<&MaybeOwnedIndex<'_>>],
    global: &MaybeOwnedIndex<'_>,
) -> Option<Compacted> {
    let mut int = Interpreter {
        char_strings,
        locals,
        global,
        glyph_calls: Vec::new(),
        calls: Vec::new(),
        masks: Vec::new(),
        stack: Vec::with_capacity(MAX_STACK),
        stems: 0,
        width_done: false,
        ended: false,
        seen_global: Vec::new(),
        seen_local: vec![Vec::new(); locals.len()],
    };
    for (i, &(glyph_id, fd)) in glyphs.iter().enumerate() {
        int.stack.clear();
        int.stems = 0;
        int.width_done = false;
        int.ended = false;
        int.run(Body::Glyph(i), glyph_id, usize::from(fd), 0)?;
        if !int.ended {
            return None;
        }
    }
    let Interpreter {
        glyph_calls,
        mut calls,
        mut masks,
        ..
    } = int;
    // One reading of every literal and every mask, whatever the context.
    if !one_reading(&mut calls, |c| (c.0, c.1)) || !one_reading(&mut masks, |m| (m.0, m.1)) {
        return None;
    }
    // The used subroutines in their original order, numbered afresh.
    let mut global_used: Vec<usize> = Vec::new();
    let mut local_used: Vec<Vec<usize>> = vec![Vec::new(); locals.len()];
    for &(_, _, _, target) in glyph_calls.iter().chain(&calls) {
        match target {
            Target::Global(i) => global_used.push(i),
            Target::Local(fd, i) => local_used.get_mut(fd)?.push(i),
        }
    }
    global_used.sort_unstable();
    global_used.dedup();
    for used in &mut local_used {
        used.sort_unstable();
        used.dedup();
    }
    let number_in = |used: &[usize], old: usize| -> Option<i32> {
        let new = used.binary_search(&old).ok()?;
        Some(new as i32 - i32::from(calc_subroutine_bias(used.len())))
    };
    let new_number = |t: Target| match t {
        Target::Global(i) => number_in(&global_used, i),
        Target::Local(fd, i) => number_in(local_used.get(fd)?, i),
    };
    let mut glyph_rest: &[Call] = &glyph_calls;
    let glyph_data = glyphs
        .iter()
        .enumerate()
        .map(|(i, &(glyph_id, _))| {
            let data = char_strings.read_object(usize::from(glyph_id))?;
            rewrite(data, calls_of(&mut glyph_rest, Body::Glyph(i)), &new_number)
        })
        .collect::<Option<Vec<_>>>()?;
    // Local subroutines by font DICT, then global ones: the order the calls sort in.
    let mut rest: &[Call] = &calls;
    let mut local_indices = Vec::with_capacity(locals.len());
    for (fd, used) in local_used.iter().enumerate() {
        if used.is_empty() {
            local_indices.push(None);
            continue;
        }
        let index = locals[fd]?;
        let data = used
            .iter()
            .map(|&i| {
                let data = index.read_object(i)?;
                rewrite(data, calls_of(&mut rest, Body::Local(fd, i)), &new_number)
            })
            .collect::<Option<Vec<_>>>()?;
        local_indices.push(Some(owned::Index { data }));
    }
    let global_data = global_used
        .iter()
        .map(|&i| {
            let data = global.read_object(i)?;
            rewrite(data, calls_of(&mut rest, Body::Global(i)), &new_number)
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Compacted {
        glyphs: glyph_data,
        global: owned::Index { data: global_data },
        locals: local_indices,
    })
}
