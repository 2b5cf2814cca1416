//! Sets the plain body paragraphs of a document on the other cores while the (sequential)
//! block builder walks the document: paragraph setting is nearly all of the layout time,
//! and body paragraphs do not depend on each other. The builder takes each paragraph's
//! lines from this cache when it reaches it: set already, being set (it waits for that one),
//! or not yet started (it sets the paragraph itself, and the filler skips it). Every
//! paragraph is set exactly once, by the same function whichever thread runs it, so the
//! layout does not depend on the threads (issue 12: the builder's own work — titles,
//! headings, lists — no longer waits for all paragraphs to be set first).

use super::types::{FontSet, Frame, Kinsoku, Line, ParaSpec, RunStyle, TextLook};
use super::{collect, set_paragraph_logged};
use crate::ast::{Block, Inline, Para};
use crate::style::{Alignment, Style};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// The lines of one paragraph and the warnings of setting it (W-BREAK…).
type SetLines = (Vec<Line>, Vec<String>);

/// The body paragraphs to set and their lines once set, keyed by the address of their
/// [`Para`] in the document.
#[derive(Default)]
pub(crate) struct ParaCache<'d> {
    paras: Vec<&'d Para>,
    index: HashMap<usize, usize>,
    /// One slot per paragraph: set once (by a filler or the builder); `None` inside once
    /// the builder took or discarded the lines.
    slots: Vec<OnceLock<Mutex<Option<SetLines>>>>,
    /// The first paragraph no filler has claimed yet: fillers claim them in document
    /// order, so the builder mostly finds its next paragraph set or being set.
    next: AtomicUsize,
}

impl<'d> ParaCache<'d> {
    /// The cache of every top-level or article-body paragraph without footnote references
    /// (their markers are numbered by the builder in reading order), none set yet.
    pub fn new(blocks: &'d [Block]) -> ParaCache<'d> {
        let mut paras: Vec<&Para> = Vec::new();
        for b in blocks {
            match b {
                Block::Para(p) => paras.push(p),
                Block::Article(a) => paras.extend(a.body.iter().filter_map(|b| match b {
                    Block::Para(p) => Some(p),
                    _ => None,
                })),
                _ => {}
            }
        }
        paras.retain(|p| !has_note_ref(&p.content));
        let index = paras.iter().enumerate().map(|(i, p)| (key(p), i)).collect();
        let slots = paras.iter().map(|_| OnceLock::new()).collect();
        ParaCache {
            paras,
            index,
            slots,
            next: AtomicUsize::new(0),
        }
    }

    /// Sets the paragraphs nobody has claimed yet, one at a time in document order, until
    /// none is left: each thread of the pool but the builder's runs one of these.
    pub fn fill(&self, style: &Style, fonts: &FontSet) {
        while self.set_next(style, fonts) {}
    }

    /// Claims the next unclaimed paragraph and sets it (unless the builder already did);
    /// false when every paragraph is claimed.
    fn set_next(&self, style: &Style, fonts: &FontSet) -> bool {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        let Some(p) = self.paras.get(i) else {
            return false;
        };
        self.slots[i].get_or_init(|| Mutex::new(Some(set_body(p, style, fonts))));
        true
    }

    /// The lines of `p` and their warnings, if it is cached and set in the full frame
    /// (`frame`) in the body font. While a filler is still setting it, this thread sets
    /// later paragraphs instead of waiting; one nobody claimed yet it sets itself.
    pub fn take(
        &self,
        p: &Para,
        frame: Frame,
        style: &Style,
        fonts: &FontSet,
        font: crate::style::FontRole,
    ) -> Option<SetLines> {
        if frame.left != 0.0 || frame.width != style.text_width() || font != style.body_font {
            return None;
        }
        let i = *self.index.get(&key(p))?;
        let slot = &self.slots[i];
        let set = loop {
            if let Some(set) = slot.get() {
                break set;
            }
            // Unclaimed: set it here. Claimed by a filler and everything after it claimed
            // too: wait for it (`get_or_init` blocks while another thread initialises).
            if self.next.load(Ordering::Relaxed) <= i || !self.set_next(style, fonts) {
                break slot.get_or_init(|| Mutex::new(Some(set_body(p, style, fonts))));
            }
        };
        set.lock().unwrap_or_else(|e| e.into_inner()).take()
    }

    /// Says the lines of `p` will not be used: unset, they never will be; set, they are
    /// freed.
    pub fn discard(&self, p: &Para) {
        if let Some(&i) = self.index.get(&key(p)) {
            let set = self.slots[i].get_or_init(|| Mutex::new(None));
            drop(set.lock().unwrap_or_else(|e| e.into_inner()).take());
        }
    }
}

/// `p` set as a body paragraph in the full frame.
fn set_body(p: &Para, style: &Style, fonts: &FontSet) -> SetLines {
    let base = RunStyle {
        font: style.body_font,
        size: style.body_size,
        bold: false,
    };
    let spec = body_spec(collect(&p.content, &base), style);
    let mut warnings = Vec::new();
    let lines = set_paragraph_logged(&spec, fonts, &mut warnings);
    (lines, warnings)
}

/// The ParaSpec of a body paragraph (T16 justified, T17 indent, T18 pitch).
pub(crate) fn body_spec(runs: Vec<super::types::StyledRun>, style: &Style) -> ParaSpec {
    ParaSpec {
        runs,
        width: style.text_width(),
        first_indent: style.indent_of(style.indent_em, style.body_size),
        align: Alignment::Justify,
        kinsoku: Kinsoku::Gb,
        line_pitch: style.line_pitch(),
        look: TextLook::of(style),
    }
}

fn key(p: &Para) -> usize {
    p as *const Para as usize
}

fn has_note_ref(inlines: &[Inline]) -> bool {
    inlines.iter().any(|i| match i {
        Inline::NoteRef(_) => true,
        _ => i.children().is_some_and(has_note_ref),
    })
}
