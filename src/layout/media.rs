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
pub(crate) const MONO_CELL_EM: f32 = 0.6;

/// Points a set code line may overrun the measure before it is cut (floating-point slack
/// of the line width sums, not a style choice).
const OVERRUN_SLACK: f32 = 0.5;

impl Builder<'_> {
    /// A code block: every source line set flush left in Mono; a line too long for the
    /// measure breaks at spaces, and a space-less stretch is cut where it no longer fits.
    pub fn code(&mut self, c: &CodeBlock, frame: Frame, out: &mut Vec<StructChild>) {
        let size = self.style.code_size;
        let pitch = size * self.style.code.pitch_em;
        let cs = &self.style.code;
        let background = crate::highlight::parse_rgb(&cs.background);
        // Inside a background the text keeps `pad_em` from its edges on every side.
        let pad = if background.is_some() {
            cs.pad_em * size
        } else {
            0.0
        };
        let outer = frame;
        let frame = Frame {
            left: frame.left + pad,
            width: (frame.width - 2.0 * pad).max(size),
        };
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
        // Highlighting works on the text as set (tabs as four spaces), so offsets agree.
        let text = c.text.replace('\t', "    ");
        let spans = crate::highlight::highlight(c.lang.as_deref(), &text, &cs.theme);
        // A continuation line moves in by `HOOK_CELLS` cells, where its mark is drawn.
        let hook = HOOK_CELLS * cell;
        let mut lines: Vec<(Line, bool)> = Vec::new();
        let mut at = 0;
        for src in text.split('\n') {
            let base = at;
            at += src.len() + 1;
            if src.trim().is_empty() {
                lines.push((blank_line(), false));
                continue;
            }
            let indent = src.len() - src.trim_start_matches(' ').len();
            let shift = (indent as f32 * cell).min(frame.width / 2.0);
            let body = &src[indent..];
            let mut set = self.code_lines(body, frame.width - shift, size, &spec_for);
            if set.len() > 1 && self.style.code.continuation {
                set = self.code_lines(body, frame.width - shift - hook, size, &spec_for);
            }
            if let Some(spans) = &spans {
                colour_lines(&mut set, body, base + indent, spans);
            }
            lines.extend(set.into_iter().enumerate().map(|(i, mut l)| {
                l.x += shift;
                if i > 0 && self.style.code.continuation {
                    l.x += hook;
                }
                if let (0, Some(sp)) = (i, &space) {
                    indent_glyphs(
                        &mut l,
                        sp,
                        indent.min((shift / cell).round() as usize),
                        cell,
                    );
                }
                (l, i > 0)
            }));
        }
        let tag = self.tag();
        let spec = TextSpec {
            runs: Vec::new(),
            ..spec_for("")
        };
        let space = pitch * self.style.code.space_lines;
        self.space(space);
        let x_bg = self.style.margin_left + outer.left;
        let shade = |y: f32, height: f32, rgb| Item {
            x: x_bg,
            y,
            kind: ItemKind::Shade {
                width: outer.width,
                height,
                rgb,
            },
            tag: None,
            // Decoration: no warning is ever about it.
            line: 0,
        };
        if let Some(rgb) = background.filter(|_| pad > 0.0) {
            let mut b = VBox::new(BoxKind::Solid, pad);
            b.items.push(shade(0.0, pad, rgb));
            b.keep_with_next = true;
            self.push(b);
        }
        let padded = background.is_some() && pad > 0.0;
        let first = self.boxes.len();
        let marks: Vec<bool> = lines.iter().map(|(_, cont)| *cont).collect();
        let lines = lines.into_iter().map(|(l, _)| l).collect();
        self.push_lines(lines, &spec, frame, Some(tag), Vec::new());
        let x_text = self.style.margin_left + frame.left;
        for (i, (b, cont)) in self.boxes[first..].iter_mut().zip(marks).enumerate() {
            // One panel: no page-fill gap between its padding and lines (blank code lines
            // carry no tag, so the filler would take them for block boundaries).
            b.continues = i > 0 || padded;
            if let Some(rgb) = background {
                b.items.insert(0, shade(0.0, b.height, rgb));
            }
            if cont {
                // The mark fills the cells left of the line's first glyph.
                let x = b
                    .items
                    .iter()
                    .find_map(|it| matches!(it.kind, ItemKind::Glyphs(_)).then_some(it.x))
                    .unwrap_or(x_text + hook)
                    - hook;
                b.items.extend(hook_mark(x, b.height, size, cell));
            }
        }
        if let Some(rgb) = background.filter(|_| pad > 0.0) {
            let mut b = VBox::new(BoxKind::Solid, pad);
            b.items.push(shade(0.0, pad, rgb));
            b.keep_with_prev = true;
            b.continues = true;
            self.push(b);
        }
        let mut node = self.p_node(StructKind::Code, tag, first);
        node.children.truncate(1);
        out.push(StructChild::Node(node));
        self.space(space);
    }

    /// One source line of code set at `width`: broken at spaces, or cut anywhere when a
    /// space-less stretch does not fit.
    fn code_lines(
        &self,
        body: &str,
        width: f32,
        size: f32,
        spec_for: &dyn Fn(&str) -> TextSpec,
    ) -> Vec<Line> {
        let set = self.set(&spec_for(body), width);
        if set.iter().all(|l| l.width <= width + OVERRUN_SLACK) {
            return set;
        }
        // Break anywhere: cut into pieces that fit by estimated advance.
        cut(body, width, size)
            .iter()
            .flat_map(|piece| self.set(&spec_for(piece), width))
            .collect()
    }

    /// A stand-alone image, centred and scaled down to the measure (and to
    /// `figure.max_height_frac` of the text height); its caption (`Figure::title`, decided
    /// by the captions pass), if any, is set below it, centred, in the caption size. A
    /// remote image is its caption-like line with the link instead (issue 10).
    pub fn figure(&mut self, f: &Figure, frame: Frame, out: &mut Vec<StructChild>) {
        let pitch = self.pitch();
        if crate::image::is_remote(&f.src) {
            self.log.warn(
                "W-IMAGE",
                f.line,
                format!(
                    "remote image {} ({}) is not fetched; its alt text and link are printed",
                    f.src, f.alt
                ),
            );
            let mut kids = Vec::new();
            self.caption(&crate::image::remote_line(&f.alt, &f.src), frame, &mut kids);
            if let Some(title) = f.title.as_ref().filter(|t| !t.trim().is_empty()) {
                self.caption(&[Inline::Text(title.clone())], frame, &mut kids);
            }
            out.push(StructChild::Node(StructNode {
                kind: StructKind::P,
                children: kids,
            }));
            return;
        }
        let Some((file, w, h)) = self.probe_image(&f.src, f.line) else {
            // Missing or unsupported: the alt text (else the file name) stands in, centred
            // (warning logged), never an empty box.
            let alt = if f.alt.trim().is_empty() {
                &f.src
            } else {
                &f.alt
            };
            let text = format!("［图：{alt}］");
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
            let first = self.boxes.len();
            self.caption(&[Inline::Text(title.clone())], frame, &mut kids);
            if let Some(cb) = self.boxes.get_mut(first) {
                cb.keep_with_prev = true;
            }
        } else {
            self.push(b);
        }
        out.push(StructChild::Node(StructNode {
            kind: StructKind::Figure { alt: f.alt.clone() },
            children: kids,
        }));
    }

    /// Issue 10 gap a: the local pictures inside a paragraph's text (`文字![图](a.png)文字`)
    /// that the PDF can draw, lifted out: the paragraph without them, and one figure per
    /// picture to set after it. `None` when there is none (the paragraph stays as it is; a
    /// missing or unreadable picture keeps reading as its alt text, as before).
    ///
    /// pandoc's LaTeX keeps such a picture in the line at its natural size (bounded by
    /// `\linewidth`), which makes that one line as tall as the picture. On a page set on a
    /// fixed line pitch (T18) that breaks the grid and opens a gap the height of the
    /// picture inside a sentence; the picture goes instead right after its paragraph,
    /// centred at its natural size bounded by the measure, as a stand-alone image is (and
    /// as LaTeX's own line breaking puts a picture wider than what is left of the line on
    /// a line of its own). The EPUB and DOCX keep it in the line: a reflowing screen and a
    /// word processor grow that line themselves.
    pub fn lift_inline_images(
        &mut self,
        content: &[Inline],
        line: usize,
    ) -> Option<(Vec<Inline>, Vec<Figure>)> {
        let mut found: Vec<crate::ast::Image> = Vec::new();
        crate::ast::visit_inlines(content, &mut |i| {
            if let Inline::Image(img) = i {
                if !crate::image::is_remote(&img.src) {
                    found.push(img.clone());
                }
            }
        });
        let drawable: std::collections::BTreeSet<String> = found
            .iter()
            .map(|img| img.src.clone())
            .filter(|src| self.drawable(src))
            .collect();
        if drawable.is_empty() {
            return None;
        }
        let figures = found
            .into_iter()
            .filter(|img| drawable.contains(&img.src))
            .map(|img| Figure {
                src: img.src,
                alt: img.alt,
                title: img.title,
                line,
            })
            .collect();
        let mut text = content.to_vec();
        strip_images(&mut text, &drawable);
        Some((text, figures))
    }

    /// Whether image `src` loads as a format the PDF draws, without a warning (the figure
    /// that sets it warns, if anything goes wrong later).
    fn drawable(&self, src: &str) -> bool {
        self.images
            .load(src)
            .is_ok_and(|img| pdf_size(&img).is_some())
    }

    /// Warns about each remote image among `inlines` (printed as its caption-like line by
    /// the paragraph, see `collect`), as the EPUB and DOCX do.
    pub fn warn_remote_images(&mut self, inlines: &[Inline], line: usize) {
        crate::ast::visit_inlines(inlines, &mut |i| match i {
            Inline::Image(img) if crate::image::is_remote(&img.src) => self.log.warn(
                "W-IMAGE",
                line,
                format!(
                    "remote image {} ({}) is not fetched; its alt text and link are printed",
                    img.src, img.alt
                ),
            ),
            _ => {}
        });
    }

    /// A caption line: centred, body face at the note size (the caption style), links
    /// kept; its content tag (and link nodes) go to `kids`.
    fn caption(&mut self, inlines: &[Inline], frame: Frame, kids: &mut Vec<StructChild>) {
        let size = self.style.note_size;
        let runs = self.runs(
            inlines,
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
        let node = self.p_node(StructKind::P, ctag, first);
        kids.extend(node.children);
    }

    /// Reads and checks image `src` (see [`image::ImageSource::load`]) and its pixel size
    /// (an SVG's in CSS pixels); PNG, JPEG, GIF, WebP and SVG, the formats the PDF draws.
    fn probe_image(&mut self, src: &str, line: usize) -> Option<(ImageFile, usize, usize)> {
        let img = match self.images.load(src) {
            Ok(img) => img,
            Err(e) => {
                self.log.warn(image::WARNING, line, e.warning(src));
                return None;
            }
        };
        match pdf_size(&img) {
            Some((w, h)) => Some((img, w, h)),
            None => {
                self.log.warn(
                    "W-IMAGE",
                    line,
                    format!(
                        "image {} is not a readable PNG, JPEG, GIF, WebP or SVG; alt text used: \
                         convert it to PNG or JPEG",
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

/// Cells a continuation line of code moves in by, to hold its mark (PDF), or past the
/// line's own indent (the EPUB's and DOCX's hanging indent).
pub(crate) const HOOK_CELLS: f32 = 2.0;

/// Grey of the continuation mark: visible, quieter than the code.
const HOOK_GREY: [u8; 3] = [0x88, 0x88, 0x88];

/// The continuation mark (↳ drawn as two strokes, not text, so copying the code gives
/// its bytes only, T26) in the two cells from `x` of a code line box of `height`.
fn hook_mark(x: f32, height: f32, size: f32, cell: f32) -> Vec<Item> {
    let t = (size * 0.06).max(0.4);
    let mid = height / 2.0;
    let (x0, top) = (x + 0.3 * cell, mid - 0.35 * size);
    let shade = |x, y, width, height| Item {
        x,
        y,
        kind: ItemKind::Shade {
            width,
            height,
            rgb: HOOK_GREY,
        },
        tag: None,
        // Decoration: no warning is ever about it.
        line: 0,
    };
    vec![
        shade(x0, top, t, mid + 0.15 * size - top),
        shade(x0, mid + 0.15 * size - t, 1.1 * cell, t),
        // A small square tip reads as an arrowhead at this size.
        shade(
            x0 + 1.1 * cell - 1.5 * t,
            mid + 0.15 * size - 2.0 * t,
            2.0 * t,
            3.0 * t,
        ),
    ]
}

/// Gives every glyph of `lines` (the set lines of `body`, which starts at byte `base` of
/// the highlighted text) its span's colour, splitting glyph runs where the colour changes.
fn colour_lines(lines: &mut [Line], body: &str, base: usize, spans: &[crate::highlight::Span]) {
    let mut cursor = 0;
    for line in lines {
        let mut runs = Vec::new();
        for run in std::mem::take(&mut line.glyph_runs) {
            let mut cur: Option<super::types::GlyphRun> = None;
            let mut colour = None;
            for g in run.glyphs.iter() {
                if !g.text.is_empty() {
                    // Cluster text comes in source order; spaces at line edges may be gone.
                    if let Some(i) = body[cursor..].find(g.text.as_str()) {
                        colour = crate::highlight::colour_at(spans, base + cursor + i);
                        cursor += i + g.text.len();
                    }
                }
                match &mut cur {
                    Some(r) if r.colour == colour => r.glyphs.push(g.clone()),
                    _ => {
                        runs.extend(cur.take());
                        let mut r = run.clone();
                        r.colour = colour;
                        // A run is drawn from its first glyph by advances alone.
                        r.x = g.x;
                        r.glyphs = vec![g.clone()];
                        cur = Some(r);
                    }
                }
            }
            runs.extend(cur);
        }
        line.glyph_runs = runs;
    }
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

/// Removes the images whose source is in `srcs` from `inlines`, at any depth.
fn strip_images(inlines: &mut Vec<Inline>, srcs: &std::collections::BTreeSet<String>) {
    inlines.retain(|i| !matches!(i, Inline::Image(img) if srcs.contains(&img.src)));
    for i in inlines.iter_mut() {
        if let Some(c) = i.children_mut() {
            strip_images(c, srcs);
        }
    }
}

/// The pixel size of a loaded image the PDF can draw (PNG, JPEG, GIF, WebP or SVG with a
/// known size); `None` for anything else.
fn pdf_size(img: &ImageFile) -> Option<(usize, usize)> {
    let drawn = matches!(
        img.kind,
        Some(ImageKind::Png | ImageKind::Jpeg | ImageKind::Gif | ImageKind::Webp | ImageKind::Svg)
    );
    img.size_px.filter(|_| drawn)
}
