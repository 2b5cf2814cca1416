//! Shape stage: styled runs → atoms (one per cluster, with T12 nominal widths and T13
//! compression applied) and the glue between them (spaces, T15 gaps).
//!
//! Each same-face stretch of a run is shaped once with rustybuzz; line breaking and
//! justification then only add numbers, never reshape.

use super::collect::{classify, Class};
use super::types::{Face, FontSet, ParaSpec, Script};
use rustybuzz::{Feature, UnicodeBuffer};
use std::collections::HashMap;
use std::sync::Arc;

/// Shrink levels of T16 (index = level − 1).
pub(crate) const SHRINK_SPACE: usize = 0;
/// Outer blanks of OPEN/CLOSE.
pub(crate) const SHRINK_BRACKET: usize = 1;
/// `，、；：`.
pub(crate) const SHRINK_COMMA: usize = 2;
/// HAN–WEST gaps.
pub(crate) const SHRINK_AUTOSPACE: usize = 3;
/// `。？！`.
pub(crate) const SHRINK_STOP: usize = 4;

/// Half an em: the nominal width of MID and `–` and the removable blank of OPEN, CLOSE
/// and STOP (T12–T14). A definition of the rules, not a style choice.
const HALF_EM: f32 = 0.5;

/// How far a mark's ink may reach into its half-em blank, in em, and the blank still
/// counts as removable (T14): slack for fonts whose ink is a hair off the half-em line.
const BLANK_TOLERANCE_EM: f32 = 0.05;

/// How close to 1 em a glyph's advance must be for the font's `halt` values to apply
/// (T14); a fact of how `halt` is defined (for full-width glyphs), not style.
const FULL_WIDTH_TOLERANCE_EM: f32 = 0.01;

/// Overlap of the two 1-em dashes that stand in for a missing ⸺ glyph (T12): enough that
/// the ink of Noto's dash (0.07–0.93 em) joins into one stroke; a font fact, not style.
const DASH2_OVERLAP_EM: f32 = 0.1;

/// A face used in the paragraph, with the metrics the line needs.
pub(crate) struct FaceInfo {
    pub face: Arc<Face>,
    pub ascender: f32,
    pub descender: f32,
    pub upem: f32,
    /// Glyph id and advance (font units) of the hyphen `-`, for hyphenated lines (T8).
    pub hyphen: Option<(u16, u16)>,
}

/// One shaped glyph (pt, at the atom's size).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    pub id: u16,
    pub x_offset: f32,
    pub y_offset: f32,
    pub advance: f32,
}

/// One unbreakable box: a cluster (or a DASH2/ELL2 unit).
#[derive(Debug, Clone)]
pub(crate) struct Atom {
    /// Byte range in the paragraph text.
    pub start: usize,
    pub end: usize,
    /// Index of the styled run.
    pub run: usize,
    /// Index into [`Prepared::faces`].
    pub face: usize,
    /// Size the glyphs are set at (pt).
    pub size: f32,
    /// The run's size (em for the T12–T16 amounts).
    pub em: f32,
    pub class: Class,
    /// DASH2 / ELL2: one 2-em unit (T10, T12).
    pub double: bool,
    pub glyphs: std::ops::Range<usize>,
    /// Width of the box (T12) minus T13 compression.
    pub width: f32,
    /// x of the first glyph origin inside the box.
    pub shift: f32,
    /// Removable blank on the right (0.5 em for CLOSE/STOP unless T13 took it); T14 trims it.
    pub blank_r: f32,
    /// Removable blank on the left (OPEN).
    pub blank_l: f32,
    /// Width that may hang past the right edge when the atom ends a line: a STOP or CLOSE
    /// on the character grid, which kinsoku (T9) keeps off the start of the next line.
    pub hang: f32,
    /// Set in a cell of the character grid (GB/T 9704).
    pub on_grid: bool,
    /// T16 shrink level of the blanks.
    pub shrink_level: usize,
    /// Baseline shift (superscript footnote markers).
    pub rise: f32,
    pub synthetic_bold: bool,
    /// Synthetic oblique: WEST text in emphasis (T24), never HAN.
    pub oblique: bool,
    /// Horizontal stretch of the glyph outline (the ⸺ of DASH2, T12).
    pub x_scale: f32,
}

/// Glue between atom i and i+1.
#[derive(Debug, Clone, Default)]
pub(crate) struct Gap {
    pub width: f32,
    pub shrink: f32,
    pub shrink_level: usize,
    pub stretch: f32,
    /// T16 stretch level 1 (spaces) or 2 (HAN–WEST); 0 = none.
    pub stretch_level: usize,
    /// May take level-3 stretch (inter-character justification).
    pub justifiable: bool,
    /// Breaking spaces sit here.
    pub space: bool,
    /// A `\n` (hard break) sits here.
    pub hard: bool,
    /// T15 gap.
    pub autospace: bool,
    /// Between two cells of the character grid: the line breaker counts no stretch here,
    /// so it fills lines cell for cell (GB/T 9704 5.2.1); a line kinsoku or a Latin word
    /// leaves short is still justified across all its gaps.
    pub grid: bool,
}

/// A shaped paragraph.
pub(crate) struct Prepared {
    pub text: String,
    pub atoms: Vec<Atom>,
    /// `gaps[i]` follows `atoms[i]`; the last one is unused.
    pub gaps: Vec<Gap>,
    pub glyphs: Vec<Glyph>,
    pub faces: Vec<FaceInfo>,
}

struct CharInfo {
    byte: usize,
    c: char,
    run: usize,
    class: Class,
    /// 0 = normal, 1 = first of DASH2/ELL2 pair, 2 = second.
    pair: u8,
}

/// The curly quotes, whose face and width T25 decides by context.
fn is_curly_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’')
}

/// Shapes the paragraph into atoms and gaps.
pub(crate) fn prepare(spec: &ParaSpec, fonts: &FontSet) -> Prepared {
    let mut text = String::new();
    let mut chars: Vec<CharInfo> = Vec::new();
    let mut code = Vec::new();
    text.reserve(spec.runs.iter().map(|r| r.text.len()).sum());
    let count: usize = spec.runs.iter().map(|r| r.text.chars().count()).sum();
    chars.reserve(count);
    code.reserve(count);
    for (ri, run) in spec.runs.iter().enumerate() {
        for (b, c) in run.text.char_indices() {
            chars.push(CharInfo {
                byte: text.len() + b,
                c,
                run: ri,
                class: Class::Other,
                pair: 0,
            });
            code.push(run.code);
        }
        text.push_str(&run.text);
    }
    let cs: Vec<char> = chars.iter().map(|c| c.c).collect();
    for (ci, cl) in chars.iter_mut().zip(classify(&cs, &code)) {
        ci.class = cl;
    }
    // DASH2 / ELL2 pairs (T7), paired left to right so `————` is two units (T10).
    let mut i = 0;
    while i + 1 < chars.len() {
        let (a, b) = (chars[i].c, chars[i + 1].c);
        let pair = (a == '—' && b == '—') || (matches!(a, '…' | '⋯') && matches!(b, '…' | '⋯'));
        if pair && !code[i] && chars[i].run == chars[i + 1].run {
            chars[i].pair = 1;
            chars[i + 1].pair = 2;
            i += 2;
        } else {
            i += 1;
        }
    }

    // At most one atom and about one glyph per character: reserved once instead of grown
    // by doubling (issue 12).
    let mut out = Prepared {
        text,
        atoms: Vec::with_capacity(chars.len()),
        gaps: Vec::with_capacity(chars.len() + 1),
        glyphs: Vec::with_capacity(chars.len()),
        faces: Vec::new(),
    };
    // Pass 1: segments of one run in one face (spaces stick to the segment).
    let mut pending = Gap::default();
    let mut face_index: HashMap<*const Face, usize> = HashMap::new();
    let mut arcs: Vec<Arc<Face>> = Vec::new();
    let mut segments = Vec::new();
    let mut seg_start = 0;
    while seg_start < chars.len() {
        let run = &spec.runs[chars[seg_start].run];
        // T24: bold Song is the real bold face.
        let role = run.font.with_bold(run.bold);
        let face_of = |ch: &CharInfo| -> &Arc<Face> {
            if is_curly_quote(ch.c) && matches!(ch.class, Class::Open | Class::Close) {
                // T25: a CJK-context quote comes from the chain's first CJK face, even when
                // a Latin font with quotes stands before it.
                let cjk = fonts
                    .chain(role)
                    .iter()
                    .find(|f| f.has_char(ch.c) && f.has_char('中'));
                if let Some(f) = cjk {
                    return f;
                }
            }
            let probe = if matches!(ch.c, ' ' | '\n' | '\t') {
                'a'
            } else {
                ch.c
            };
            fonts
                .face_for(role, probe)
                .unwrap_or_else(|| fonts.primary(role))
        };
        let face = face_of(&chars[seg_start]);
        let mut seg_end = seg_start + 1;
        while seg_end < chars.len()
            && chars[seg_end].run == chars[seg_start].run
            && (matches!(chars[seg_end].c, ' ' | '\n' | '\t')
                || Arc::ptr_eq(face_of(&chars[seg_end]), face))
        {
            seg_end += 1;
        }
        // T24: faces without a bold weight get synthetic bold.
        let synth = run.bold && face.weight < 600;
        let fi = *face_index.entry(Arc::as_ptr(face)).or_insert_with(|| {
            arcs.push(face.clone());
            arcs.len() - 1
        });
        segments.push((seg_start, seg_end, fi, synth));
        seg_start = seg_end;
    }
    // Pass 2: shape each segment once.
    super::face_cache::with_shapers(&arcs, |hb_faces| {
        for (f, sh) in arcs.iter().zip(hb_faces) {
            let hb = sh.hb();
            let upem = hb.units_per_em() as f32;
            out.faces.push(FaceInfo {
                ascender: hb.ascender() as f32 / upem,
                descender: -(hb.descender() as f32) / upem,
                upem,
                hyphen: hb
                    .glyph_index('-')
                    .map(|g| (g.0, hb.glyph_hor_advance(g).unwrap_or(0))),
                face: f.clone(),
            });
        }
        for (a, b, fi, synth) in segments {
            shape_segment(
                &mut out,
                hb_faces[fi],
                fi,
                &chars[a..b],
                spec,
                synth,
                &mut pending,
            );
        }
    });
    out.gaps.push(pending);
    match spec.look.grid_cell {
        // GB/T 9704: on the character grid every mark keeps its full cell (no T13).
        Some(cell) => snap_to_grid(&mut out, cell, spec.look.grid_em),
        None => compress(&mut out),
    }
    glue(&mut out, spec);
    out
}

/// Shapes `chars` (all of one run of `spec`) in one face, appending atoms (and space
/// widths to gaps).
fn shape_segment(
    out: &mut Prepared,
    sh: &super::face_cache::Shaper,
    fi: usize,
    chars: &[CharInfo],
    spec: &ParaSpec,
    synth: bool,
    pending: &mut Gap,
) {
    let Some(first) = chars.first() else {
        return;
    };
    let run = &spec.runs[first.run];
    let look = &spec.look;
    let marks = &look.emphasis;
    // `<small>` text is a smaller text in every respect, gaps included.
    let em = if run.small {
        run.size * marks.small_size_em
    } else {
        run.size
    };
    let size = if run.note_ref {
        em * look.note_marker_size_em
    } else if run.script != Script::Baseline {
        em * marks.script_size_em
    } else {
        em
    };
    let rise = if run.note_ref {
        em * look.note_marker_rise_em
    } else {
        match run.script {
            Script::Super => em * marks.superscript_rise_em,
            Script::Sub => -em * marks.subscript_drop_em,
            Script::Baseline | Script::Reading => 0.0,
        }
    };
    let scale = size / out.faces[fi].upem;
    let fwid = rustybuzz::ttf_parser::Tag::from_bytes(b"fwid");
    let pwid = rustybuzz::ttf_parser::Tag::from_bytes(b"pwid");
    let mut buf = UnicodeBuffer::new();
    let mut features = Vec::new();
    let hb = sh.hb();
    let two_em_dash = hb.glyph_index('\u{2E3A}').is_some();
    for ch in chars {
        if ch.pair == 2 && ch.c == '—' && two_em_dash {
            continue; // drawn by the ⸺ glyph of the first dash
        }
        let c = if ch.pair == 1 && ch.c == '—' && two_em_dash {
            '\u{2E3A}'
        } else {
            ch.c
        };
        if matches!(c, '—' | '\u{2E3A}' | '…' | '⋯' | '～') {
            // T12: OpenType fwid gives the full-width advance where the font has it.
            // Built by hand: rustybuzz 0.20's `Feature::new` turns `a..a + 1` into an
            // empty cluster range.
            features.push(Feature {
                tag: fwid,
                value: 1,
                start: ch.byte as u32,
                end: ch.byte as u32 + 1,
            });
        }
        if is_curly_quote(c) && ch.class == Class::Other && !run.code {
            // T25: a Latin-context quote (it’s) takes the Latin width; Noto CJK's default
            // quotes are full-width and `pwid` gives its proportional ones.
            features.push(Feature {
                tag: pwid,
                value: 1,
                start: ch.byte as u32,
                end: ch.byte as u32 + 1,
            });
        }
        buf.add(c, ch.byte as u32);
    }
    let shaped = sh.shape(buf, &features);
    let infos = shaped.glyph_infos();
    let pos = shaped.glyph_positions();
    let byte_end = |k: usize| chars.get(k).map(|c| c.byte);
    let seg_end_byte = chars.last().map(|c| c.byte + c.c.len_utf8()).unwrap_or(0);
    let mut g = 0;
    while g < infos.len() {
        let cluster = infos[g].cluster as usize;
        let k = chars
            .binary_search_by_key(&cluster, |c| c.byte)
            .unwrap_or(0);
        let ch = &chars[k];
        // A DASH2/ELL2 pair is one atom even when shaped as two clusters.
        let min_end = if ch.pair == 1 {
            chars.get(k + 1).map_or(cluster + 1, |c| c.byte + 1)
        } else {
            cluster + 1
        };
        let mut h = g;
        while h < infos.len()
            && (infos[h].cluster as usize == cluster || (infos[h].cluster as usize) < min_end)
        {
            h += 1;
        }
        let next_byte = if h < infos.len() {
            infos[h].cluster as usize
        } else {
            seg_end_byte
        };
        // The cluster covers chars k.. up to the next cluster (pairs: both dashes).
        let mut end_k = k + 1;
        while byte_end(end_k).is_some_and(|b| b < next_byte) {
            end_k += 1;
        }
        let end_byte = chars.get(end_k).map(|c| c.byte).unwrap_or(seg_end_byte);
        let adv: f32 = pos[g..h].iter().map(|p| p.x_advance as f32 * scale).sum();
        // A mark clustered onto a space or newline keeps its text: make it a box.
        let lone = end_k == k + 1 || ch.pair == 1;
        match ch.class {
            Class::Space if lone => {
                pending.width += adv;
                pending.space = true;
            }
            Class::Newline if lone => pending.hard = true,
            _ => {
                out.gaps.push(std::mem::take(pending));
                let first = out.glyphs.len();
                for (info, p) in infos[g..h].iter().zip(&pos[g..h]) {
                    out.glyphs.push(super::shape::Glyph {
                        id: info.glyph_id as u16,
                        x_offset: p.x_offset as f32 * scale,
                        y_offset: p.y_offset as f32 * scale,
                        advance: p.x_advance as f32 * scale,
                    });
                }
                let double = ch.pair == 1;
                let mut atom = Atom {
                    start: cluster,
                    end: end_byte,
                    run: ch.run,
                    face: fi,
                    size,
                    em,
                    class: if lone { ch.class } else { Class::Other },
                    double,
                    glyphs: first..out.glyphs.len(),
                    width: adv,
                    shift: 0.0,
                    blank_r: 0.0,
                    blank_l: 0.0,
                    hang: 0.0,
                    on_grid: false,
                    shrink_level: SHRINK_STOP,
                    rise,
                    synthetic_bold: synth,
                    // T24: WEST inside emphasis stays italic (synthetic oblique); HAN and
                    // full-width marks never do.
                    oblique: run.emph_dots
                        && !run.code
                        && lone
                        && (ch.class == Class::West
                            || ch.class == Class::Other && ch.c < '\u{2000}'),
                    x_scale: 1.0,
                };
                nominal_box(&mut atom, ch.c, sh, &mut out.glyphs[first..], scale);
                out.atoms.push(atom);
            }
        }
        g = h;
    }
    // A DASH2 without a ⸺ glyph: two 1-em dashes in one atom, overlapped so the stroke
    // has no gap (T12).
    if !two_em_dash {
        for k in 0..out.atoms.len() {
            let a = &out.atoms[k];
            if a.double
                && a.face == fi
                && a.glyphs.len() == 2
                && out.text_char(a.start) == Some('—')
            {
                let (first, em) = (a.glyphs.start, a.em);
                out.glyphs[first].advance = em * (1.0 - DASH2_OVERLAP_EM);
                out.atoms[k].shift = DASH2_OVERLAP_EM / 2.0 * em;
            }
        }
    }
}

impl Prepared {
    /// The hyphen to draw after atom `k` when a line breaks inside its word (T8): glyph id
    /// and width in pt, from the atom's face at its size.
    pub(crate) fn hyphen(&self, k: usize) -> Option<(u16, f32)> {
        let a = &self.atoms[k];
        let f = &self.faces[a.face];
        f.hyphen.map(|(id, adv)| (id, adv as f32 * a.size / f.upem))
    }

    fn text_char(&self, byte: usize) -> Option<char> {
        self.text.get(byte..).and_then(|s| s.chars().next())
    }
}

/// T12 nominal widths and box placement; T7 blanks (checked against the glyph's ink so
/// centred punctuation is never trimmed, T14).
fn nominal_box(
    a: &mut Atom,
    c: char,
    sh: &super::face_cache::Shaper,
    glyphs: &mut [Glyph],
    scale: f32,
) {
    let em = a.em;
    let adv = a.width;
    let nominal = match a.class {
        Class::Open | Class::Close | Class::Stop => em,
        Class::Mid => HALF_EM * em,
        Class::Conn if c == '–' => HALF_EM * em,
        Class::Conn | Class::Ellipsis if a.double => 2.0 * em,
        Class::Conn | Class::Ellipsis => em,
        Class::IdeoSpace => em,
        _ => return,
    };
    a.width = nominal;
    a.shift = match a.class {
        Class::Open => nominal - adv,
        Class::Close | Class::Stop => 0.0,
        _ => (nominal - adv) / 2.0,
    };
    if a.double && glyphs.len() == 2 {
        a.shift = 0.0; // two boxed glyphs: placed by their own advances
    }
    if a.class == Class::Conn && a.double && glyphs.len() == 1 {
        // T12: the ⸺ glyph's ink stops short of its box (and Noto's is narrower than
        // 2 em), so stretch the outline until the ink fills the 2-em box: one unbroken
        // stroke, and the glyph's advance reaches the next character, so text extraction
        // sees no gap (no spurious spaces around `——`).
        if let Some((x0, x1)) = sh.ink_x(glyphs[0].id).filter(|(x0, x1)| x1 > x0) {
            let ink = (x1 - x0) as f32 * scale;
            a.x_scale = nominal / ink;
            a.shift = -(x0 as f32) * scale * a.x_scale;
            glyphs[0].x_offset = 0.0;
            glyphs[0].advance = nominal - a.shift;
        }
    }
    if a.class == Class::Ellipsis && glyphs.len() == if a.double { 2 } else { 1 } {
        // T12: each `…` centred (by its ink) in its own 1-em cell, so `……` reads as six
        // evenly spaced dots across 2 em.
        a.shift = 0.0;
        for g in glyphs.iter_mut() {
            if let Some((x0, x1)) = sh.ink_x(g.id).filter(|(x0, x1)| x1 > x0) {
                let centre = (x0 as f32 + x1 as f32) / 2.0 * scale;
                g.x_offset = HALF_EM * em - centre;
            }
            // The pen moves one cell per glyph; the last glyph reaches the box end.
            g.advance = em;
        }
    }
    // Removable blank on each side (T14): from the font's `halt` GPOS values when the
    // glyph is a full em and the font has them, else from the glyph's ink in its box.
    let upem = a.size / scale;
    let halt = sh
        .halt(c)
        .filter(|_| (adv - em).abs() < FULL_WIDTH_TOLERANCE_EM * em && glyphs.len() == 1);
    let (blank_l, blank_r) = match halt {
        Some((h_adv, h_off)) => {
            let left = -h_off as f32 / upem * em;
            let right = (upem - h_adv as f32) / upem * em - left;
            (left, right)
        }
        None => match glyphs.first().and_then(|g| sh.ink_x(g.id)) {
            Some((x0, x1)) => (
                a.shift + x0 as f32 * scale,
                nominal - (a.shift + x1 as f32 * scale),
            ),
            None => (0.0, 0.0),
        },
    };
    let (ink_l, ink_r) = (blank_l, nominal - blank_r);
    let half = HALF_EM * em;
    let tol = BLANK_TOLERANCE_EM * em;
    match a.class {
        Class::Open if ink_l >= half - tol => {
            a.blank_l = half;
            a.shrink_level = SHRINK_BRACKET;
        }
        Class::Close if nominal - ink_r >= half - tol => {
            a.blank_r = half;
            a.shrink_level = SHRINK_BRACKET;
        }
        Class::Stop if nominal - ink_r >= half - tol => {
            a.blank_r = half;
            a.shrink_level = if matches!(c, '，' | '、' | '；' | '：') {
                SHRINK_COMMA
            } else {
                SHRINK_STOP
            };
        }
        _ => {}
    }
}

/// Sets every Han character and full-width mark of body size `em` in cells of `cell`
/// points (GB/T 9704 5.2.1): a 1-em box becomes one cell, a 2-em DASH2/ELL2 two, a
/// half-em MID half a cell; the glyph is centred in its cell, so with a cell a little
/// narrower than the em (28 × 16 pt in 156 mm) the glyph overhangs both sides by a hair,
/// as in Word's character grid. Marks keep their whole cell: no T13, no T14 edge trim, no
/// T16 squeezing; a STOP or CLOSE that kinsoku (T9) keeps off the start of a line hangs
/// past the right edge instead (Word's 允许标点溢出边界), so every other character stays
/// in its cell.
fn snap_to_grid(p: &mut Prepared, cell: f32, em: f32) {
    for a in &mut p.atoms {
        let on_grid = a.class == Class::Han || a.class.is_full_width_punct();
        if !on_grid || (a.em - em).abs() > f32::EPSILON * em {
            continue;
        }
        let scale = cell / em;
        let width = a.width * scale;
        a.shift += (width - a.width) / 2.0;
        a.width = width;
        a.on_grid = true;
        a.blank_l = 0.0;
        a.blank_r = 0.0;
        if matches!(a.class, Class::Stop | Class::Close) {
            a.hang = width;
        }
    }
}

/// T13 adjacent punctuation, and the GB 5.1.2 `？！` groups.
fn compress(p: &mut Prepared) {
    let n = p.atoms.len();
    let punct = |a: &Atom| matches!(a.class, Class::Open | Class::Close | Class::Stop);
    let bang = |p: &Prepared, a: &Atom| matches!(p.text_char(a.start), Some('？' | '！'));
    // `？！` groups: all but the last mark 0.5 em; a pair is 1 em in all.
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && bang(p, &p.atoms[j]) && (j == i || !p.gaps[j].space) {
            j += 1;
        }
        if j - i >= 2 {
            for k in i..j {
                let a = &mut p.atoms[k];
                if k + 1 < j || j - i == 2 {
                    a.width = HALF_EM * a.em;
                    a.blank_r = 0.0;
                }
            }
        }
        i = j.max(i + 1);
    }
    for i in 0..n.saturating_sub(1) {
        if p.gaps[i + 1].space
            || p.gaps[i + 1].hard
            || !punct(&p.atoms[i])
            || !punct(&p.atoms[i + 1])
        {
            continue;
        }
        let (l, r) = p.atoms.split_at_mut(i + 1);
        let (a, b) = (&mut l[i], &mut r[0]);
        if a.blank_r > 0.0 {
            a.width -= a.blank_r;
            a.blank_r = 0.0;
        } else if b.blank_l > 0.0 {
            b.width -= b.blank_l;
            b.shift -= b.blank_l;
            b.blank_l = 0.0;
        }
    }
}

/// Fills in the glue between atoms: spaces (T16 level 1), T15 gaps, level-3 flags.
fn glue(p: &mut Prepared, spec: &ParaSpec) {
    let look = &spec.look.paragraph;
    // gaps[0] is the (dropped) glue before the first atom; shift so gaps[i] follows atom i.
    if !p.gaps.is_empty() {
        p.gaps.remove(0);
    }
    let n = p.atoms.len();
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&p.atoms[i], &p.atoms[i + 1]);
        let (ra, rb) = (&spec.runs[a.run], &spec.runs[b.run]);
        let em = a.em.max(b.em);
        let g = &mut p.gaps[i];
        let wide = |c: Class| matches!(c, Class::Han | Class::IdeoSpace);
        let full_punct = Class::is_full_width_punct;
        let westish = |x: &Atom, r: &super::types::StyledRun| x.class == Class::West || r.code;
        if g.space {
            let w = g.width;
            g.shrink = (w - look.space_min_em * em).max(0.0);
            g.shrink_level = SHRINK_SPACE;
            g.stretch = (look.space_max_em * em - w).max(0.0);
            g.stretch_level = 1;
            g.justifiable = true;
            continue;
        }
        if g.hard {
            continue;
        }
        let same_code = ra.code && rb.code && a.run == b.run;
        // Footnote markers and `<sup>`/`<sub>` text sit against their neighbours.
        let shifted = |s: Script| matches!(s, Script::Super | Script::Sub);
        let superscript = ra.note_ref
            || rb.note_ref
            || (ra.script != rb.script && (shifted(ra.script) || shifted(rb.script)));
        // T15: HAN–WEST in either order; code counts as WEST at its edges (T26).
        let detected =
            (a.class == Class::Han && westish(b, rb)) || (westish(a, ra) && b.class == Class::Han);
        let explicit =
            rb.autospace_before && a.run != b.run && !full_punct(a.class) && !full_punct(b.class);
        if !same_code && !superscript && (detected || explicit) {
            g.autospace = true;
            g.width = look.autospace_em * em;
            g.shrink = (look.autospace_em - look.autospace_min_em) * em;
            g.shrink_level = SHRINK_AUTOSPACE;
            g.stretch = (look.autospace_max_em - look.autospace_em) * em;
            g.stretch_level = 2;
            g.justifiable = true;
            continue;
        }
        // Level 3: never inside DASH2/ELL2 (one atom), WEST words/numbers, code, or beside CONN/SOL.
        let conn = |c: Class| matches!(c, Class::Conn | Class::Sol);
        let inside_word =
            !wide(a.class) && !wide(b.class) && !full_punct(a.class) && !full_punct(b.class);
        g.justifiable =
            !same_code && !conn(a.class) && !conn(b.class) && !inside_word && !superscript;
        g.grid = a.on_grid && b.on_grid;
    }
}
