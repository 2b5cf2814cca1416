//! The article title block (T23): balanced centred title, `——` subtitle, bylines at the end.

use super::blocks::{Builder, TextSpec, UNBOUNDED_WIDTH};
use super::page::{StructChild, StructKind, StructNode};
use super::types::Frame;
use super::types::Line;
use super::vlist::Mark;
use crate::ast::{self, Inline};
use crate::style::{Alignment, BlockStyle};

mod words;

/// Imbalance, in em of the title size, that one break inside a phrase weighs like when a
/// title is balanced (T23): a tuning of the balancing search that keeps phrases whole
/// unless that leaves the lines far apart, not a look of its own.
const PHRASE_BREAK_EM: f32 = 0.5;

/// Points a balanced line may exceed its measure (floating-point slack, not style).
const FIT_EPS: f32 = 0.01;

impl Builder<'_> {
    /// An article: new page (if the style says so), title block, body, bylines.
    pub fn article(&mut self, a: &ast::Article, out: &mut Vec<StructChild>) {
        self.article_with_body(a, &a.body, out);
    }

    /// [`Self::article`] with the body given apart from `a` (whose own body is not read):
    /// a document titled by its front matter lends its blocks without copying them.
    pub fn article_with_body(
        &mut self,
        a: &ast::Article,
        body: &[ast::Block],
        out: &mut Vec<StructChild>,
    ) {
        let chapter = self.chapter_level == 0;
        if self.style.article_page_break || (chapter && self.style.recto_chapters) {
            self.page_break();
        }
        let mut kids = Vec::new();
        // T30: the first article sets the official document's 版头 above its title.
        let official = self.official.take();
        if let Some(o) = &official {
            self.official_header(o, &mut kids);
        }
        let full = self.full_frame();
        let ts = self.style.title.clone();
        let title = ast::plain_text(&a.title);
        let mut marks = Self::marks(&a.id, title.clone(), 0);
        if chapter {
            marks.push(Mark::Chapter(title));
        }
        let first = self.boxes.len();
        let tag = self.title_line(&a.title, &ts, marks, true, true);
        kids.push(StructChild::Node(self.p_node(
            StructKind::Title,
            tag,
            first,
        )));
        if let Some(sub) = &a.subtitle {
            // T23: the subtitle is prefixed with a 2-em dash.
            let mut inl = vec![Inline::Text("——".into())];
            inl.extend(sub.iter().cloned());
            let ss = self.style.subtitle.clone();
            let first = self.boxes.len();
            let tag = self.title_line(&inl, &ss, Vec::new(), true, true);
            kids.push(StructChild::Node(self.p_node(StructKind::P, tag, first)));
        }
        // The title block never ends a page (T20): its last line keeps with two body lines.
        self.space(ts.space_after * self.pitch());
        if let Some(o) = &official {
            self.official_addressee(o, &mut kids);
        }
        self.blocks(body, full, self.style.body_font, &mut kids);
        if !a.bylines.is_empty() {
            let bs = self.style.byline.clone();
            self.space(bs.space_before * self.pitch());
            for (i, b) in a.bylines.iter().enumerate() {
                let text = if b.affiliation.is_empty() {
                    b.name.clone()
                } else {
                    format!("{}\u{3000}{}", b.name, b.affiliation)
                };
                let first = self.boxes.len();
                let tag = self.title_line(&[Inline::Text(text)], &bs, Vec::new(), false, false);
                // Bylines stay together.
                if i > 0 {
                    if let Some(b) = self.boxes.get_mut(first) {
                        b.keep_with_prev = true;
                    }
                }
                kids.push(StructChild::Node(self.p_node(StructKind::P, tag, first)));
            }
        }
        out.push(StructChild::Node(StructNode {
            kind: StructKind::Article,
            children: kids,
        }));
    }

    /// Sets a centred title-block element; titles and subtitles (`balance`) get lines of near-equal
    /// length (T23) by narrowing the measure as far as the line count allows.
    fn title_line(
        &mut self,
        inlines: &[Inline],
        bs: &BlockStyle,
        marks: Vec<super::vlist::Mark>,
        balance: bool,
        heading: bool,
    ) -> super::page::TagId {
        let rs = Self::block_style(bs);
        let mut runs = self.runs(inlines, &rs);
        let width = self.style.text_width();
        let count = |b: &Self, runs: &[super::types::StyledRun]| {
            b.set(&TextSpec::centred(runs.to_vec(), bs, b.style), width)
                .len()
        };
        let first = self.set(&TextSpec::centred(runs.clone(), bs, self.style), width);
        let natural = first.len();
        // The lines of `runs` as first set, kept while `runs` stays: setting them again for
        // the spec below or the balancing would give the same lines (issue 12).
        let mut first = Some(first);
        if balance && natural > 1 {
            // A title too long for one line breaks at the gaps the author typed between its
            // phrases (`经验” 加快打造`), which never splits a word; failing that, a two-line
            // title breaks at the punctuation nearest its middle (after `，` or `”`).
            let gapped = gaps_to_breaks(inlines);
            if gapped.len() > inlines.len() {
                first = None;
                runs = self.runs(&gapped, &rs);
            } else if let Some(split) = punct_split(inlines)
                .filter(|_| natural == 2)
                .filter(|split| count(self, &self.runs(split, &rs)) == 2)
            {
                first = None;
                runs = self.runs(&split, &rs);
            } else if let Some(split) = self.word_split(inlines, bs, natural) {
                // Failing that, near-equal lines broken between words only.
                first = None;
                runs = self.runs(&split, &rs);
            }
        }
        let spec = TextSpec {
            runs,
            first_indent: self.style.indent_of(bs.indent_em, bs.size),
            align: Alignment::Center,
            size: bs.size,
            pitch: self.style.pitch_of(bs.size),
            heading,
        };
        let full = self.full_frame();
        // `set` reads the runs, indent, alignment and pitch: the centred spec differs from
        // this one only where the style indents titles.
        let same = spec.first_indent.to_bits() == 0.0f32.to_bits() && full.width == width;
        let mut lines = match first {
            Some(lines) if same => lines,
            _ => self.set(&spec, full.width),
        };
        let mut frame = full;
        if balance && lines.len() > 1 {
            let count = lines.len();
            let (w, l) = self.balance(&spec, full.width, count, lines);
            frame = Frame {
                left: (full.width - w) / 2.0,
                width: w,
            };
            lines = l;
        }
        let tag = self.tag();
        self.push_lines(lines, &spec, frame, Some(tag), marks);
        tag
    }

    /// A one-text title broken into `lines` (or one more) lines of near-equal width at
    /// word boundaries only (T23: never inside a word); `None` when no such split fits.
    fn word_split(&self, inlines: &[Inline], bs: &BlockStyle, lines: usize) -> Option<Vec<Inline>> {
        let [Inline::Text(t)] = inlines else {
            return None;
        };
        let chars: Vec<char> = t.chars().collect();
        let breaks = words::title_breaks(&chars);
        let rs = Self::block_style(bs);
        let max = self.style.text_width();
        // Equal widths first; a break inside a phrase weighs like `PHRASE_BREAK_EM` of
        // imbalance.
        let pen = (PHRASE_BREAK_EM * bs.size).powi(2);
        let mut cache = std::collections::HashMap::new();
        let mut width = |a: usize, b: usize| {
            *cache.entry((a, b)).or_insert_with(|| {
                let piece: String = chars[a..b].iter().collect();
                let runs = self.runs(&[Inline::Text(piece)], &rs);
                let set = self.set(&TextSpec::centred(runs, bs, self.style), UNBOUNDED_WIDTH);
                set.iter().map(|l| l.width).fold(0.0, f32::max)
            })
        };
        let cuts = (lines..=lines + 1)
            .find_map(|k| words::balanced(chars.len(), &breaks, k, max, pen, &mut width))?;
        let mut out = Vec::new();
        let mut from = 0;
        for c in cuts.into_iter().chain([chars.len()]) {
            if from > 0 {
                out.push(Inline::LineBreak);
            }
            out.push(Inline::Text(chars[from..c].iter().collect()));
            from = c;
        }
        Some(out)
    }

    /// Narrowest measure (to 1 pt) that still sets `spec` in `count` lines, starting from
    /// `lines`, `spec` as set at `width`.
    fn balance(
        &self,
        spec: &TextSpec,
        width: f32,
        count: usize,
        lines: Vec<Line>,
    ) -> (f32, Vec<Line>) {
        let (mut lo, mut hi) = (width / count as f32, width);
        let mut best = lines;
        let shaped = self.shape(spec);
        while hi - lo > 1.0 {
            let mid = (lo + hi) / 2.0;
            let lines = self.set_shaped(&shaped, spec, mid);
            if lines.len() <= count && lines.iter().all(|l| l.width <= mid + FIT_EPS) {
                hi = mid;
                best = lines;
            } else {
                lo = mid;
            }
        }
        (hi, best)
    }
}

/// Inline text with every run of spaces (U+0020 or U+3000) between two non-ASCII
/// characters turned into a forced line break.
fn gaps_to_breaks(inlines: &[Inline]) -> Vec<Inline> {
    let mut out = Vec::new();
    for inl in inlines {
        let Inline::Text(t) = inl else {
            out.push(inl.clone());
            continue;
        };
        let chars: Vec<char> = t.chars().collect();
        let mut cur = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == ' ' || c == '\u{3000}' {
                let j = (i..chars.len()).find(|&j| chars[j] != ' ' && chars[j] != '\u{3000}');
                let before = i.checked_sub(1).map(|k| chars[k]);
                let after = j.map(|j| chars[j]);
                if before.is_some_and(|b| !b.is_ascii()) && after.is_some_and(|a| !a.is_ascii()) {
                    out.push(Inline::Text(std::mem::take(&mut cur)));
                    out.push(Inline::LineBreak);
                    i = j.unwrap_or(chars.len());
                    continue;
                }
            }
            cur.push(c);
            i += 1;
        }
        out.push(Inline::Text(cur));
    }
    out
}

/// A one-text title split into two lines at the phrase boundary nearest its middle: after
/// a STOP or CLOSE mark, or before an OPEN mark, within the middle 30–70 % of the title.
fn punct_split(inlines: &[Inline]) -> Option<Vec<Inline>> {
    let [Inline::Text(t)] = inlines else {
        return None;
    };
    let chars: Vec<char> = t.chars().collect();
    let n = chars.len();
    let after = |c: char| "，、：；。！？”’）》」』】".contains(c);
    let before = |c: char| "“‘（《「『【".contains(c);
    let best = (1..n)
        .filter(|&i| after(chars[i - 1]) || before(chars[i]))
        .filter(|&i| i * 10 >= n * 3 && i * 10 <= n * 7)
        .min_by_key(|&i| (2 * i).abs_diff(n))?;
    let left: String = chars[..best].iter().collect();
    let right: String = chars[best..].iter().collect();
    Some(vec![
        Inline::Text(left),
        Inline::LineBreak,
        Inline::Text(right),
    ])
}
