//! Code blocks (monospace, flush left, broken at spaces or anywhere) and figures (PNG/JPEG
//! scaled to the measure; a missing image becomes its alt text plus a warning).

use super::blocks::{Builder, TextSpec};
use super::page::{Item, ItemKind, StructChild, StructKind, StructNode};
use super::types::Frame;
use super::types::{Line, StyledRun};
use super::vlist::{BoxKind, VBox};
use crate::ast::{CodeBlock, Figure, Inline};
use crate::image::{self, ImageFile, ImageKind, PT_PER_PX as PX};
use crate::style::{Alignment, FontRole};

/// Advance of one monospace cell in em (DejaVu Sans Mono and the usual code faces): used
/// only when the code face's own space cannot be measured, and to estimate where to cut a
/// space-less code line. A fact of the fonts, not a style choice.
const MONO_CELL_EM: f32 = 0.6;

/// Points a set code line may overrun the measure before it is cut (floating-point slack
/// of the line width sums, not a style choice).
const OVERRUN_SLACK: f32 = 0.5;

impl Builder<'_> {
    /// A code block: every source line set flush left in Mono; a line too long for the
    /// measure breaks at spaces, and a space-less stretch is cut where it no longer fits.
    pub fn code(&mut self, c: &CodeBlock, frame: Frame, out: &mut Vec<StructChild>) {
        let size = self.style.code_size;
        let pitch = size * self.style.code.pitch_em;
        let spec_for = |text: &str| TextSpec {
            runs: vec![code_run(text, size)],
            first_indent: 0.0,
            align: Alignment::Left,
            size,
            pitch,
            heading: false,
        };
        // The paragraph engine drops spaces at line starts, so indentation is put back as
        // real space glyphs (cluster text " ") in front of the first line of each source
        // line: copy-paste and text extraction then keep it. A no-break space gives the
        // glyph and its advance (one monospace cell); run-over lines hang at the indent.
        let space = self
            .set(&spec_for("\u{a0}"), frame.width)
            .into_iter()
            .next()
            .and_then(|l| l.glyph_runs.into_iter().next())
            .filter(|r| r.glyphs.len() == 1);
        let cell = space
            .as_ref()
            .map_or(MONO_CELL_EM * size, |r| r.glyphs[0].advance);
        let mut lines: Vec<Line> = Vec::new();
        for src in c.text.split('\n') {
            let src = src.replace('\t', "    ");
            if src.trim().is_empty() {
                lines.push(blank_line());
                continue;
            }
            let indent = src.len() - src.trim_start_matches(' ').len();
            let shift = (indent as f32 * cell).min(frame.width / 2.0);
            let width = frame.width - shift;
            let body = &src[indent..];
            let mut set = self.set(&spec_for(body), width);
            if set.iter().any(|l| l.width > width + OVERRUN_SLACK) {
                // Break anywhere: cut into pieces that fit by estimated advance.
                set = cut(body, width, size)
                    .iter()
                    .flat_map(|piece| self.set(&spec_for(piece), width))
                    .collect();
            }
            lines.extend(set.into_iter().enumerate().map(|(i, mut l)| {
                l.x += shift;
                if let (0, Some(sp)) = (i, &space) {
                    indent_glyphs(
                        &mut l,
                        sp,
                        indent.min((shift / cell).round() as usize),
                        cell,
                    );
                }
                l
            }));
        }
        let tag = self.tag();
        let spec = TextSpec {
            runs: Vec::new(),
            ..spec_for("")
        };
        let space = pitch * self.style.code.space_lines;
        self.space(space);
        let first = self.boxes.len();
        self.push_lines(lines, &spec, frame, Some(tag), Vec::new());
        let mut node = self.p_node(StructKind::Code, tag, first);
        node.children.truncate(1);
        out.push(StructChild::Node(node));
        self.space(space);
    }

    /// A stand-alone image, centred and scaled down to the measure (and to
    /// `figure.max_height_frac` of the text height); its title, if any, is set below as a centred caption.
    pub fn figure(&mut self, f: &Figure, frame: Frame, out: &mut Vec<StructChild>) {
        let pitch = self.pitch();
        let Some((file, w, h)) = self.probe_image(&f.src, f.line) else {
            // Missing or unsupported: the alt text stands in, centred (warning logged).
            let text = format!("［图：{}］", f.alt);
            let runs = self.body_runs(&[Inline::Text(text)], self.style.body_font);
            let tag = self.tag();
            let spec = TextSpec {
                runs,
                first_indent: 0.0,
                align: Alignment::Center,
                size: self.style.body_size,
                pitch,
                heading: false,
            };
            let first = self.boxes.len();
            self.text(spec, frame, Some(tag));
            out.push(StructChild::Node(self.p_node(StructKind::P, tag, first)));
            return;
        };
        let (mut w, mut h) = (w as f32 * PX, h as f32 * PX);
        let scale = (frame.width / w)
            .min(self.style.text_height() * self.style.figure.max_height_frac / h)
            .min(1.0);
        w *= scale;
        h *= scale;
        let tag = self.tag();
        let pad = pitch * self.style.figure.pad_lines;
        let mut b = VBox::new(BoxKind::Solid, h + 2.0 * pad);
        b.items.push(Item {
            x: self.style.margin_left + frame.left + (frame.width - w) / 2.0,
            y: pad,
            kind: ItemKind::Image {
                file,
                width: w,
                height: h,
                alt: f.alt.clone(),
            },
            tag: Some(tag),
            line: f.line,
        });
        let mut kids = vec![StructChild::Content(tag)];
        if let Some(title) = f.title.as_ref().filter(|t| !t.trim().is_empty()) {
            b.keep_with_next = true;
            self.push(b);
            let size = self.style.note_size;
            let runs = self.runs(
                &[Inline::Text(title.clone())],
                &super::types::RunStyle {
                    font: self.style.body_font,
                    size,
                    bold: false,
                },
            );
            let ctag = self.tag();
            let spec = TextSpec {
                runs,
                first_indent: 0.0,
                align: Alignment::Center,
                size,
                pitch: self.style.pitch_of(size),
                heading: false,
            };
            let first = self.boxes.len();
            self.text(spec, frame, Some(ctag));
            if let Some(cb) = self.boxes.get_mut(first) {
                cb.keep_with_prev = true;
            }
            kids.push(StructChild::Content(ctag));
        } else {
            self.push(b);
        }
        out.push(StructChild::Node(StructNode {
            kind: StructKind::Figure { alt: f.alt.clone() },
            children: kids,
        }));
    }

    /// Reads and checks image `src` (see [`image::ImageSource::load`]) and its pixel size;
    /// PNG and JPEG only.
    fn probe_image(&mut self, src: &str, line: usize) -> Option<(ImageFile, usize, usize)> {
        let img = match self.images.load(src) {
            Ok(img) => img,
            Err(e) => {
                self.log.warn(image::WARNING, line, e.warning(src));
                return None;
            }
        };
        let ok = matches!(img.kind, Some(ImageKind::Png | ImageKind::Jpeg));
        match img.size_px {
            Some((w, h)) if ok => Some((img, w, h)),
            _ => {
                self.log.warn(
                    "W-IMAGE",
                    line,
                    format!(
                        "image {} is not a readable PNG or JPEG; alt text used: convert it to \
                         PNG or JPEG for the PDF",
                        img.path.display()
                    ),
                );
                None
            }
        }
    }
}

/// Puts `n` space glyphs (copied from the one-glyph run `sp`) in the `n` cells left of
/// the line's start, as a run of their own, and widens the line to start at them.
fn indent_glyphs(line: &mut Line, sp: &super::types::GlyphRun, n: usize, cell: f32) {
    if n == 0 {
        return;
    }
    let w = n as f32 * cell;
    // Glyph x values are measured from the line start, which moves left by `w`.
    for run in &mut line.glyph_runs {
        run.x += w;
        run.glyphs.iter_mut().for_each(|g| g.x += w);
    }
    line.dots.iter_mut().for_each(|d| d.x += w);
    for l in &mut line.links {
        l.x0 += w;
        l.x1 += w;
    }
    let mut run = sp.clone();
    run.x = 0.0;
    run.glyphs = (0..n)
        .map(|i| super::types::PlacedGlyph {
            x: i as f32 * cell,
            y_offset: 0.0,
            text: " ".into(),
            ..sp.glyphs[0].clone()
        })
        .collect();
    line.glyph_runs.insert(0, run);
    line.x -= w;
    line.width += w;
    line.text.insert_str(0, &" ".repeat(n));
}

/// A run of inline code text.
fn code_run(text: &str, size: f32) -> StyledRun {
    let mut r = StyledRun::plain(
        text,
        &super::types::RunStyle {
            font: FontRole::Mono,
            size,
            bold: false,
        },
    );
    r.code = true;
    r
}

/// An empty line (a blank source line of a code block).
fn blank_line() -> Line {
    Line {
        x: 0.0,
        glyph_runs: Vec::new(),
        dots: Vec::new(),
        decorations: Vec::new(),
        links: Vec::new(),
        width: 0.0,
        ascent: 0.0,
        descent: 0.0,
        text: String::new(),
        justified: false,
    }
}

/// Cuts `text` into pieces whose estimated width fits `width` (ASCII one monospace cell,
/// wide characters 1 em), preferring to cut after a space.
fn cut(text: &str, width: f32, size: f32) -> Vec<String> {
    let advance = |c: char| {
        if c.is_ascii() {
            MONO_CELL_EM * size
        } else {
            size
        }
    };
    let mut pieces = Vec::new();
    let mut cur = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let adv = advance(c);
        if w + adv > width - OVERRUN_SLACK && !cur.is_empty() {
            let split = cur.rfind(' ').filter(|&i| i > 0 && i + 1 < cur.len());
            match split {
                Some(i) => {
                    let rest = cur.split_off(i + 1);
                    pieces.push(std::mem::replace(&mut cur, rest));
                    w = cur.chars().map(advance).sum();
                }
                None => {
                    pieces.push(std::mem::take(&mut cur));
                    w = 0.0;
                }
            }
        }
        cur.push(c);
        w += adv;
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    pieces
}
