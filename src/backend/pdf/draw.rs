//! Draws the items of one laid-out page onto a krilla page: glyph runs (no reshaping —
//! the layout's glyph ids and positions are written as they are), emphasis dots as filled
//! circles, rules as filled rectangles, images, and link annotations. Consecutive items
//! with the same structure tag share one marked-content sequence; untagged items are
//! artifacts.

use super::fonts::FontCache;
use crate::image::ImageFile;
use crate::layout::page::{Anchor, Item, ItemKind, LinkTarget, Page, TagId};
use crate::layout::GlyphRun;
use crate::log::Log;
use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::luma;
use krilla::destination::{Destination, NamedDestination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

/// The miter limit PDF readers assume when none is set (ISO 32000-1, 8.4.3.5): a fact of
/// the format, not style (the one stroke drawn, synthetic bold, uses round joins).
const PDF_DEFAULT_MITER_LIMIT: f32 = 4.0;

/// State shared by all pages of one document.
pub(crate) struct Drawer<'a> {
    /// krilla fonts per face.
    pub fonts: FontCache,
    /// Decoded images per file (an image used twice is embedded once).
    pub images: HashMap<PathBuf, Option<Image>>,
    /// Tags that occur in the structure tree; other tags are drawn as artifacts.
    pub tagged: &'a HashSet<TagId>,
    /// Marked-content and annotation identifiers of each tag, in page order.
    pub ids: HashMap<TagId, Vec<Identifier>>,
    /// Tags whose text titles a heading in the tag tree ([`super::tags::title_tags`]).
    pub titled: &'a HashSet<TagId>,
    /// Text of the glyphs of each tag in `titled` (heading titles in the tag tree).
    pub texts: HashMap<TagId, String>,
    /// Named destinations for internal links.
    pub anchors: &'a BTreeMap<String, Anchor>,
    /// Warnings (unreadable images, faces krilla rejects).
    pub log: &'a mut Log,
}

/// What a marked-content sequence is: a structure tag, or an artifact of some type.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Tag(TagId),
    Artifact(ArtifactType),
}

impl Drawer<'_> {
    /// Draws `page`'s items on `surface`; returns the link annotations to add afterwards
    /// (krilla adds annotations to the page, which the surface borrows).
    pub(crate) fn draw_page(
        &mut self,
        page: &Page,
        surface: &mut Surface<'_>,
    ) -> Vec<(Annotation, Option<TagId>)> {
        let mut annots = Vec::new();
        let mut open: Option<Mark> = None;
        for item in &page.items {
            if let ItemKind::Link {
                width,
                height,
                target,
            } = &item.kind
            {
                if let Some(a) = self.link(item, *width, *height, target) {
                    annots.push((a, item.tag.filter(|t| self.tagged.contains(t))));
                }
                continue;
            }
            let mark = self.mark_of(item);
            if open != Some(mark) {
                if open.is_some() {
                    surface.end_tagged();
                }
                let content = match mark {
                    Mark::Artifact(kind) => ContentTag::Artifact(Artifact::with_kind(kind)),
                    Mark::Tag(_) if matches!(item.kind, ItemKind::Glyphs(_)) => {
                        ContentTag::Span(SpanTag::empty())
                    }
                    Mark::Tag(_) => ContentTag::Other,
                };
                let id = surface.start_tagged(content);
                if let Mark::Tag(t) = mark {
                    self.ids.entry(t).or_default().push(id);
                }
                open = Some(mark);
            }
            self.draw_item(item, surface);
        }
        if open.is_some() {
            surface.end_tagged();
        }
        annots
    }

    fn mark_of(&self, item: &Item) -> Mark {
        match item.tag {
            Some(t) if self.tagged.contains(&t) => Mark::Tag(t),
            // Untagged rules are decoration; other untagged items are page furniture
            // (page numbers, running headers, repeated table headers).
            _ if matches!(item.kind, ItemKind::Rule { .. } | ItemKind::Shade { .. }) => {
                Mark::Artifact(ArtifactType::Layout)
            }
            _ => Mark::Artifact(ArtifactType::PaginationOther),
        }
    }

    fn draw_item(&mut self, item: &Item, surface: &mut Surface<'_>) {
        match &item.kind {
            ItemKind::Glyphs(run) => {
                if let Some(t) = item.tag.filter(|t| self.titled.contains(t)) {
                    let text = self.texts.entry(t).or_default();
                    run.glyphs.iter().for_each(|g| text.push_str(&g.text));
                }
                self.glyphs(item.x, item.y, run, surface);
            }
            ItemKind::Rule { width, height } => {
                if let Some(rect) = Rect::from_xywh(item.x, item.y, *width, *height) {
                    let mut pb = PathBuilder::new();
                    pb.push_rect(rect);
                    fill_path(surface, pb);
                }
            }
            ItemKind::Shade {
                width,
                height,
                grey,
            } => {
                if let Some(rect) = Rect::from_xywh(item.x, item.y, *width, *height) {
                    let mut pb = PathBuilder::new();
                    pb.push_rect(rect);
                    if let Some(path) = pb.finish() {
                        let level = (grey.clamp(0.0, 1.0) * 255.0).round() as u8;
                        surface.set_fill(Some(Fill {
                            paint: luma::Color::new(level).into(),
                            ..Fill::default()
                        }));
                        surface.draw_path(&path);
                        // Glyphs and rules are drawn with the default black fill.
                        surface.set_fill(Some(Fill::default()));
                    }
                }
            }
            ItemKind::Dot { r } => fill_path(surface, circle(item.x, item.y, *r)),
            ItemKind::Image {
                file,
                width,
                height,
                ..
            } => self.image(item.x, item.y, file, *width, *height, surface),
            ItemKind::Link { .. } => {}
        }
    }

    /// Writes the run's glyphs at their layout positions (no reshaping); each glyph carries
    /// its cluster text so copying text out of the PDF gives the source (see [`super::text`]).
    fn glyphs(&mut self, x: f32, y: f32, run: &GlyphRun, surface: &mut Surface<'_>) {
        let run_x = run.x;
        if run.glyphs.is_empty() || run.size.is_nan() || run.size <= 0.0 {
            return;
        }
        let Some(info) = self.fonts.get(&run.face) else {
            self.log.warn(
                "pdf",
                0,
                format!("font {} cannot be embedded; text skipped", run.face.family),
            );
            return;
        };
        let size = run.size;
        // Oblique (T24) and the stretched ⸺ (T12) are drawn in a transformed frame whose
        // origin is the run's pen position on the baseline; x positions are divided by the
        // scale so they land where the layout put them.
        let framed = run.slant != 0.0 || run.x_scale != 1.0;
        let sx = if run.x_scale > 0.0 { run.x_scale } else { 1.0 };
        let local;
        let run = if framed {
            let mut r = run.clone();
            for g in &mut r.glyphs {
                g.x = (g.x - run.x) / sx;
                g.advance /= sx;
            }
            r.x = 0.0;
            local = r;
            &local
        } else {
            run
        };
        let (text, glyphs) = super::text::krilla_glyphs(run, &info);
        let start = if framed {
            // y grows downwards on the page: skewing x by −tan θ · y leans glyphs right.
            // (Upright runs get +0, not −0, which would print differently.)
            let kx = if run.slant != 0.0 { -run.slant } else { 0.0 };
            let ox = x + run_x;
            surface.push_transform(&Transform::from_row(sx, 0.0, kx, 1.0, ox, y));
            Point::from_xy(0.0, 0.0)
        } else {
            Point::from_xy(x + run.x, y)
        };
        let bold = run.bold_stroke > 0.0;
        if bold {
            // T24: faces without a bold get fill + a stroke.
            surface.set_stroke(Some(Stroke {
                width: run.bold_stroke,
                line_join: LineJoin::Round,
                ..black_stroke()
            }));
        }
        surface.draw_glyphs(start, &glyphs, info.font.clone(), &text, size, false);
        if bold {
            surface.set_stroke(None);
        }
        if framed {
            surface.pop();
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn image(
        &mut self,
        x: f32,
        y: f32,
        file: &ImageFile,
        width: f32,
        height: f32,
        surface: &mut Surface<'_>,
    ) {
        let log = &mut *self.log;
        let image = self
            .images
            .entry(file.path.clone())
            .or_insert_with(|| match krilla_image(file) {
                Ok(img) => Some(img),
                Err(e) => {
                    log.warn("pdf", 0, format!("image {}: {e}", file.path.display()));
                    None
                }
            })
            .clone();
        let (Some(image), Some(size)) = (image, Size::from_wh(width, height)) else {
            return;
        };
        surface.push_transform(&Transform::from_translate(x, y));
        surface.draw_image(image, size);
        surface.pop();
    }

    fn link(
        &mut self,
        item: &Item,
        width: f32,
        height: f32,
        target: &LinkTarget,
    ) -> Option<Annotation> {
        let rect = Rect::from_xywh(item.x, item.y, width, height)?;
        let (target, alt) = match target {
            LinkTarget::Url(url) => (
                Target::Action(LinkAction::new(url.clone()).into()),
                url.clone(),
            ),
            LinkTarget::Dest(id) => {
                let a = self.anchors.get(id)?;
                let xyz = XyzDestination::new(a.page, Point::from_xy(0.0, a.y));
                let named = NamedDestination::new(id.clone(), xyz);
                (
                    Target::Destination(Destination::Named(named)),
                    format!("#{id}"),
                )
            }
        };
        Some(Annotation::new_link(
            LinkAnnotation::new(rect, target),
            Some(alt),
        ))
    }
}

/// A krilla image of a PNG, JPEG or GIF the layout has read and checked (the bytes are
/// not read again: the file on disk may have changed since).
fn krilla_image(file: &ImageFile) -> Result<Image, String> {
    use crate::image::ImageKind;
    let data = krilla::Data::from(file.bytes.clone());
    match file.kind {
        Some(ImageKind::Png) => Image::from_png(data, true),
        Some(ImageKind::Jpeg) => Image::from_jpeg(data, true),
        Some(ImageKind::Gif) => Image::from_gif(data, true),
        _ => Err("not a PNG, JPEG or GIF image".into()),
    }
}

fn black_stroke() -> Stroke {
    Stroke {
        paint: luma::Color::black().into(),
        width: 1.0,
        miter_limit: PDF_DEFAULT_MITER_LIMIT,
        line_cap: Default::default(),
        line_join: LineJoin::Miter,
        opacity: NormalizedF32::ONE,
        dash: None,
    }
}

fn fill_path(surface: &mut Surface<'_>, pb: PathBuilder) {
    if let Some(path) = pb.finish() {
        surface.set_fill(Some(Fill::default()));
        surface.draw_path(&path);
    }
}

/// A circle of radius `r` around `(cx, cy)` from four cubic Béziers.
fn circle(cx: f32, cy: f32, r: f32) -> PathBuilder {
    const K: f32 = 0.552_284_8;
    let k = K * r;
    let mut pb = PathBuilder::new();
    pb.move_to(cx + r, cy);
    pb.cubic_to(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    pb.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    pb.cubic_to(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    pb.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    pb.close();
    pb
}
