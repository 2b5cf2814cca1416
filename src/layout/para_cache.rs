//! Sets the plain body paragraphs of a document in parallel before the (sequential) block
//! builder runs: paragraph setting is nearly all of the layout time, and body paragraphs
//! do not depend on each other. The builder then takes the lines from this cache.

use super::types::{FontSet, Frame, Kinsoku, Line, ParaSpec, RunStyle, TextLook};
use super::{collect, set_paragraph_logged};
use crate::ast::{Block, Inline, Para};
use crate::style::{Alignment, Style};
use rayon::prelude::*;
use std::collections::HashMap;

/// Lines of body paragraphs and the warnings of setting them (W-BREAK…), keyed by the
/// address of their [`Para`] in the document.
#[derive(Default)]
pub(crate) struct ParaCache {
    lines: HashMap<usize, (Vec<Line>, Vec<String>)>,
}

impl ParaCache {
    /// Sets every top-level or article-body paragraph without footnote references (their
    /// markers are numbered by the builder in reading order) in the full frame.
    pub fn new(blocks: &[Block], style: &Style, fonts: &FontSet) -> ParaCache {
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
        let base = RunStyle {
            font: style.body_font,
            size: style.body_size,
            bold: false,
        };
        let lines = paras
            .par_iter()
            .map(|p| {
                let spec = body_spec(collect(&p.content, &base), style);
                let mut warnings = Vec::new();
                let lines = set_paragraph_logged(&spec, fonts, &mut warnings);
                (key(p), (lines, warnings))
            })
            .collect();
        ParaCache { lines }
    }

    /// The cached lines of `p` and their warnings, if it was set in the full frame
    /// (`frame`) in the body font.
    pub fn take(
        &mut self,
        p: &Para,
        frame: Frame,
        style: &Style,
        font: crate::style::FontRole,
    ) -> Option<(Vec<Line>, Vec<String>)> {
        if frame.left != 0.0 || frame.width != style.text_width() || font != style.body_font {
            return None;
        }
        self.lines.remove(&key(p))
    }
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
