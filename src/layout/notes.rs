//! Footnotes: numbering in order of first reference (①②…, the usual 页下注 markers), finding
//! which line holds a marker, and setting the note bodies for the foot of the page.

use super::blocks::{Builder, TextSpec};
use super::page::{StructChild, StructKind, StructNode};
use super::types::{RunStyle, StyledRun};
use super::vlist::VBox;
use crate::ast::{Block, Footnote, Inline};
use crate::style::Alignment;
use std::cell::RefCell;
use std::collections::HashMap;

/// One footnote body, set and ready to be placed at the foot of a page.
#[derive(Debug, Clone, Default)]
pub(crate) struct NoteBody {
    /// Lines of the note; `y` of items is relative to the note's top.
    pub boxes: Vec<VBox>,
    /// Total height in points.
    pub height: f32,
}

/// Footnote numbering and bodies of one document.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    /// Labels in order of first reference; note index = position.
    labels: RefCell<Vec<String>>,
    /// Marker text → note index.
    by_marker: RefCell<HashMap<String, usize>>,
    /// Bodies, by note index (filled by [`Builder::note_bodies`]).
    pub bodies: Vec<NoteBody>,
    /// Tag-tree nodes of the notes, in note order.
    pub structure: Vec<StructChild>,
}

/// Marker of note number `n` (1-based): ①–⑳, then `[21]`…
pub(crate) fn marker(n: usize) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n as u32 - 1).unwrap().to_string(),
        _ => format!("[{n}]"),
    }
}

impl Notes {
    /// The marker of `label`, numbering it on first use.
    pub fn marker_for(&self, label: &str) -> String {
        let mut labels = self.labels.borrow_mut();
        let idx = match labels.iter().position(|l| l == label) {
            Some(i) => i,
            None => {
                labels.push(label.to_string());
                labels.len() - 1
            }
        };
        let m = marker(idx + 1);
        self.by_marker.borrow_mut().insert(m.clone(), idx);
        m
    }

    /// Number of notes referenced so far.
    pub fn len(&self) -> usize {
        self.labels.borrow().len()
    }

    /// `(note index, marker)` of every footnote-marker run, in order.
    pub fn refs_in(&self, runs: &[StyledRun]) -> Vec<(usize, String)> {
        let map = self.by_marker.borrow();
        runs.iter()
            .filter(|r| r.note_ref)
            .filter_map(|r| map.get(&r.text).map(|&i| (i, r.text.clone())))
            .collect()
    }

    /// Notes whose markers (from `refs[*cursor..]`, in order) appear in `line_text`.
    pub fn take_refs_in_line(
        &self,
        line_text: &str,
        refs: &[(usize, String)],
        cursor: &mut usize,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        let mut pos = 0;
        while let Some((idx, m)) = refs.get(*cursor) {
            match line_text[pos..].find(m.as_str()) {
                Some(p) => {
                    pos += p + m.len();
                    found.push(*idx);
                    *cursor += 1;
                }
                None => break,
            }
        }
        found
    }
}

impl Builder<'_> {
    /// Sets the bodies of all referenced notes at the note size (五号), no first-line
    /// indent, the marker first. Undefined labels log a warning and get an empty body.
    pub fn note_bodies(&mut self, defs: &[Footnote]) {
        let main = std::mem::take(&mut self.boxes);
        let size = self.style.note_size;
        let base = RunStyle {
            font: self.style.body_font,
            size,
            bold: false,
        };
        let mut i = 0;
        // Notes may reference further notes, so the count can grow while we go.
        while i < self.notes.len() {
            let label = self.notes.labels.borrow()[i].clone();
            let Some(def) = defs.iter().find(|d| d.label == label) else {
                self.log.warn(
                    "pdf",
                    0,
                    format!("footnote [^{label}] is referenced but not defined"),
                );
                self.notes.bodies.push(NoteBody::default());
                self.notes.structure.push(StructChild::Node(StructNode {
                    kind: StructKind::Note,
                    children: vec![],
                }));
                i += 1;
                continue;
            };
            let mut kids = Vec::new();
            for (k, block) in def.blocks.iter().enumerate() {
                self.line = block.line();
                let inlines: Vec<Inline> = match block {
                    Block::Para(p) => p.content.clone(),
                    // Lists, code, quotes… inside a note keep their own layout (at the
                    // body size); a note opening with one gets its marker on a line of its own.
                    other => {
                        if k == 0 {
                            self.note_line(vec![StyledRun::plain(marker(i + 1), &base)], &mut kids);
                        }
                        let full = self.full_frame();
                        self.block(other, full, self.style.body_font, &mut kids);
                        continue;
                    }
                };
                let mut runs: Vec<StyledRun> = Vec::new();
                if k == 0 {
                    runs.push(StyledRun::plain(
                        format!("{}\u{2002}", marker(i + 1)),
                        &base,
                    ));
                }
                runs.extend(self.runs(&inlines, &base));
                self.note_line(runs, &mut kids);
            }
            self.line = 0;
            let boxes = std::mem::take(&mut self.boxes);
            let height = boxes.iter().map(|b| b.height).sum();
            self.notes.bodies.push(NoteBody { boxes, height });
            self.notes.structure.push(StructChild::Node(StructNode {
                kind: StructKind::Note,
                children: kids,
            }));
            i += 1;
        }
        self.boxes = main;
    }

    /// One note paragraph at the note size: no first-line indent, justified.
    fn note_line(&mut self, runs: Vec<StyledRun>, kids: &mut Vec<StructChild>) {
        let size = self.style.note_size;
        let tag = self.tag();
        let spec = TextSpec {
            runs,
            first_indent: 0.0,
            align: Alignment::Justify,
            size,
            pitch: size * self.style.notes.pitch_em,
            heading: false,
        };
        let first = self.boxes.len();
        let frame = self.full_frame();
        self.text(spec, frame, Some(tag));
        kids.push(StructChild::Node(self.p_node(StructKind::P, tag, first)));
    }
}
