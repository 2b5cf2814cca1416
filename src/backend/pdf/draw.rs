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
    pub images: HashMap<PathBuf, Option<Picture>>,
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

/// An image ready to draw: a krilla bitmap, or an SVG drawn as vectors (issue 10).
#[derive(Clone)]
pub(crate) enum Picture {
    /// PNG, JPEG, GIF (first frame) or WebP, embedded as an image XObject.
    Raster(Image),
    /// An SVG tree, drawn as paths and text by krilla-svg.
    Vector(std::sync::Arc<resvg::usvg::Tree>),
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
                self.glyphs(item, run, surface);
            }
            ItemKind::Rule { width, height } => {
                if let Some(rect) = Rect::from_xywh(item.x, item.y, *width, *height) {
                    let mut pb = PathBuilder::new();
                    pb.push_rect(rect);
                    fill_path(surface, pb);
                }
            }
            ItemKind::Shade { width, height, rgb } => {
                if let Some(rect) = Rect::from_xywh(item.x, item.y, *width, *height) {
                    let mut pb = PathBuilder::new();
                    pb.push_rect(rect);
                    if let Some(path) = pb.finish() {
                        // A grey (r = g = b, `<mark>`) is written as a grey level.
                        let fill = match rgb {
                            [r, g, b] if r == g && g == b => Fill {
                                paint: luma::Color::new(*r).into(),
                                ..Fill::default()
                            },
                            _ => colour_fill(*rgb),
                        };
                        surface.set_fill(Some(fill));
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
            } => self.image(item, file, *width, *height, surface),
            ItemKind::Link { .. } => {}
        }
    }

    /// Writes the run's glyphs at their layout positions (no reshaping); each glyph carries
    /// its cluster text so copying text out of the PDF gives the source (see [`super::text`]).
    fn glyphs(&mut self, item: &Item, run: &GlyphRun, surface: &mut Surface<'_>) {
        let (x, y) = (item.x, item.y);
        let run_x = run.x;
        if run.glyphs.is_empty() || run.size.is_nan() || run.size <= 0.0 {
            return;
        }
        let Some(info) = self.fonts.get(&run.face) else {
            if self.fonts.first_refusal(&run.face) {
                self.log.warn(
                    "pdf",
                    item.line,
                    format!(
                        "font {} ({}) cannot be embedded in the PDF, so its text is left out; \
                         use another font for this text (--font-dir or the style's font keys)",
                        run.face.family, run.face.origin
                    ),
                );
            }
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
        // krilla starts a page with no fill, which it reads as "fill black" for plain text
        // but as "stroke only" once a stroke is set: a synthetic-bold run drawn before any
        // rule or shade on its page came out hollow (issue 10, code in a heading).
        let unfilled = bold && surface.get_fill().is_none();
        if unfilled {
            surface.set_fill(Some(Fill::default()));
        }
        if bold {
            // T24: faces without a bold get fill + a stroke.
            surface.set_stroke(Some(Stroke {
                width: run.bold_stroke,
                line_join: LineJoin::Round,
                ..black_stroke()
            }));
        }
        // Highlighted code: the run's colour, then the fill that was in force.
        let saved = run.colour.map(|rgb| {
            let saved = surface.get_fill().cloned();
            surface.set_fill(Some(colour_fill(rgb)));
            saved
        });
        surface.draw_glyphs(start, &glyphs, info.font.clone(), &text, size, false);
        if let Some(fill) = saved {
            surface.set_fill(fill);
        }
        if bold {
            surface.set_stroke(None);
        }
        if unfilled {
            // Back to krilla's own state, so what follows is written as before.
            surface.set_fill(None);
        }
        if framed {
            surface.pop();
        }
    }

    fn image(
        &mut self,
        item: &Item,
        file: &ImageFile,
        width: f32,
        height: f32,
        surface: &mut Surface<'_>,
    ) {
        let (x, y) = (item.x, item.y);
        let log = &mut *self.log;
        let image = self
            .images
            .entry(file.path.clone())
            .or_insert_with(|| match krilla_image(file) {
                Ok(img) => Some(img),
                Err(e) => {
                    log.warn(
                        "pdf",
                        item.line,
                        format!(
                            "image {}: {e}; left out of the PDF: convert it to PNG or JPEG",
                            file.path.display()
                        ),
                    );
                    None
                }
            })
            .clone();
        let (Some(image), Some(size)) = (image, Size::from_wh(width, height)) else {
            return;
        };
        surface.push_transform(&Transform::from_translate(x, y));
        match image {
            Picture::Raster(image) => surface.draw_image(image, size),
            Picture::Vector(tree) => {
                use krilla_svg::{SurfaceExt, SvgSettings};
                // Text stays text (searchable, in the bundled faces the tree was parsed with).
                if surface
                    .draw_svg(&tree, size, SvgSettings::default())
                    .is_none()
                {
                    self.log.warn(
                        "pdf",
                        0,
                        format!("image {}: SVG not drawn", file.path.display()),
                    );
                }
            }
        }
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

/// The picture of a PNG, JPEG, GIF, WebP or SVG the layout has read and checked (the bytes
/// are not read again: the file on disk may have changed since). krilla embeds the first
/// frame of an animated GIF or WebP.
fn krilla_image(file: &ImageFile) -> Result<Picture, String> {
    use crate::image::ImageKind;
    let data = krilla::Data::from(file.bytes.clone());
    match file.kind {
        Some(ImageKind::Png) => Image::from_png(data, true).map(Picture::Raster),
        Some(ImageKind::Jpeg) => Image::from_jpeg(data, true).map(Picture::Raster),
        Some(ImageKind::Gif) => Image::from_gif(data, true).map(Picture::Raster),
        Some(ImageKind::Webp) => Image::from_webp(data, true).map(Picture::Raster),
        Some(ImageKind::Svg) => file
            .svg
            .clone()
            .map(Picture::Vector)
            .ok_or_else(|| "SVG not parsed".to_string()),
        _ => Err("not a PNG, JPEG, GIF, WebP or SVG image".into()),
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

/// A solid fill in `rgb`.
fn colour_fill(rgb: [u8; 3]) -> Fill {
    Fill {
        paint: krilla::color::rgb::Color::new(rgb[0], rgb[1], rgb[2]).into(),
        ..Fill::default()
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
