//! Embedded images (`word/media/`), sized from the file (imagesize, 96 dpi) and scaled
//! down to the text area.

use super::document::Writer;
use super::xml::{emu, Xml, EMU_PER_PT};
use crate::image::{self, ImageKind};

/// EMU of a length, rounded down.
fn emu_floor(pt: f32) -> i64 {
    (f64::from(pt) * EMU_PER_PT).floor() as i64
}
use std::collections::HashMap;

/// The `a:ext` URI under which Word 2016+ looks for an SVG picture.
const SVG_BLIP_EXT: &str = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";

/// Namespace of `asvg:svgBlip`.
const SVG_NS: &str = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";

/// The part name of the SVG beside PNG fallback `png_name` (`image3.png` → `image3.svg`).
pub fn svg_name(png_name: &str) -> String {
    format!("{}.svg", png_name.trim_end_matches(".png"))
}

/// One embedded image file.
#[derive(Debug, Clone)]
pub struct Item {
    /// Name inside `word/media/`.
    pub name: String,
    /// File bytes.
    pub bytes: Vec<u8>,
    /// Width and height in points at 96 dpi.
    pub size: (f32, f32),
    /// For an SVG: the SVG itself (`imageN.svg`), shown by Word 2016+ through `asvg:svgBlip`;
    /// `bytes` is then its rasterised PNG, which older Word and LibreOffice show.
    pub svg: Option<Vec<u8>>,
}

/// The images of one document, each file stored once.
#[derive(Debug, Default)]
pub struct Media {
    /// Stored images, in order of first use.
    pub items: Vec<Item>,
    by_src: HashMap<String, usize>,
}

/// The `word/media/` extension of the formats Word displays (see [`super::package::TYPES`]).
fn extension(kind: Option<ImageKind>) -> Option<&'static str> {
    Some(match kind? {
        ImageKind::Png => "png",
        ImageKind::Jpeg => "jpeg",
        ImageKind::Gif => "gif",
        ImageKind::Bmp => "bmp",
        ImageKind::Tiff => "tiff",
        // Converted to PNG by `Media::load` (an SVG keeps its own part beside the PNG).
        ImageKind::Svg | ImageKind::Webp => return None,
    })
}

impl Media {
    /// Loads `src` (see [`image::ImageSource::load`]) once; returns its index or why it
    /// cannot be embedded, as the source and text of a warning (an image no output can use
    /// is worded as every output words it, see [`image::ImageError::warning`]).
    pub fn load(
        &mut self,
        src: &str,
        images: image::ImageSource<'_>,
    ) -> Result<usize, (&'static str, String)> {
        if let Some(&i) = self.by_src.get(src) {
            return Ok(i);
        }
        let img = images
            .load(src)
            .map_err(|e| (image::WARNING, e.warning(src)))?;

        let size = img.size_pt().ok_or_else(|| {
            (
                "docx",
                format!("image {src}: no readable size; alt text used: convert it to PNG or JPEG"),
            )
        })?;
        let n = self.items.len() + 1;
        let item = match extension(img.kind) {
            Some(ext) => Item {
                name: format!("image{n}.{ext}"),
                bytes: std::sync::Arc::unwrap_or_clone(img.bytes),
                size,
                svg: None,
            },
            None if matches!(img.kind, Some(ImageKind::Svg | ImageKind::Webp)) => {
                let png = image::to_png(&img, images.rules.max_pixels)
                    .map_err(|e| ("docx", format!("image {src}: {e}")))?;
                Item {
                    name: format!("image{n}.png"),
                    bytes: png.png,
                    size,
                    // As in the EPUB: no scripts, no references to files left behind.
                    svg: img
                        .svg
                        .as_deref()
                        .map(|tree| image::self_contained_svg(&img.bytes, tree)),
                }
            }
            None => {
                return Err((
                    "docx",
                    format!(
                        "image {src}: unsupported format; alt text used: convert it to PNG or JPEG"
                    ),
                ))
            }
        };
        self.items.push(item);
        self.by_src.insert(src.to_string(), self.items.len() - 1);
        Ok(self.items.len() - 1)
    }
}

impl Writer<'_> {
    /// An inline picture run (`wp:inline`), or the alt text when the image cannot be embedded.
    pub fn image(&mut self, x: &mut Xml, src: &str, alt: &str) {
        if image::is_remote(src) {
            // Issue 10: never fetched; the alt text and link stand in for it.
            let line = self.line;
            let message = format!(
                "remote image {src} ({alt}) is not fetched; its alt text and link are printed"
            );
            self.log.warn("docx", line, message);
            return self.inlines(x, &image::remote_line(alt, src));
        }
        let idx = match self.media.load(src, self.ctx.images()) {
            Ok(i) => i,
            Err((source, message)) => {
                let line = self.line;
                self.log.warn(source, line, message);
                let text = if alt.is_empty() { src } else { alt };
                return self.inlines(x, &[crate::ast::Inline::Text(text.to_string())]);
            }
        };
        let item = &self.media.items[idx];
        let (mut w, mut h) = item.size;
        let style = self.ctx.style;
        let scale = (style.text_width() / w)
            .min(style.text_height() * style.docx.figure_max_height_frac / h)
            .min(1.0);
        // Never wider than the text: rounding up by one EMU would make Word rescale.
        w = (w * scale).min(style.text_width());
        h *= scale;
        let target = format!("media/{}", item.name);
        let name = item.name.clone();
        let has_svg = item.svg.is_some();
        let rid = self.rels.add(super::package::REL_IMAGE, &target, false);
        let svg_rid = has_svg.then(|| {
            let target = format!("media/{}", svg_name(&name));
            self.rels.add(super::package::REL_IMAGE, &target, false)
        });
        let id = self.next_drawing.to_string();
        self.next_drawing += 1;
        let cx = emu(w).min(emu_floor(style.text_width())).to_string();
        let cy = emu(h).to_string();
        let zero = [("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")];
        x.open("w:r", &[]).open("w:drawing", &[]);
        x.open(
            "wp:inline",
            &[
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
            ],
        );
        x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
        x.empty("wp:effectExtent", &zero);
        x.empty(
            "wp:docPr",
            &[
                ("id", &id),
                ("name", &format!("Picture {id}")),
                ("descr", alt),
            ],
        );
        x.open("wp:cNvGraphicFramePr", &[]);
        x.empty("a:graphicFrameLocks", &[("noChangeAspect", "1")]);
        x.close("wp:cNvGraphicFramePr");
        x.open("a:graphic", &[]);
        x.open(
            "a:graphicData",
            &[(
                "uri",
                "http://schemas.openxmlformats.org/drawingml/2006/picture",
            )],
        );
        x.open("pic:pic", &[]).open("pic:nvPicPr", &[]);
        x.empty("pic:cNvPr", &[("id", "0"), ("name", &name)]);
        x.empty("pic:cNvPicPr", &[]).close("pic:nvPicPr");
        x.open("pic:blipFill", &[]);
        match &svg_rid {
            None => {
                x.empty("a:blip", &[("r:embed", &rid)]);
            }
            Some(svg_rid) => {
                // Word 2016+ draws the SVG; everything else the PNG of `r:embed`.
                x.open("a:blip", &[("r:embed", &rid)]).open("a:extLst", &[]);
                x.open("a:ext", &[("uri", SVG_BLIP_EXT)]);
                x.empty(
                    "asvg:svgBlip",
                    &[("xmlns:asvg", SVG_NS), ("r:embed", svg_rid.as_str())],
                );
                x.close("a:ext").close("a:extLst").close("a:blip");
            }
        }
        x.open("a:stretch", &[])
            .empty("a:fillRect", &[])
            .close("a:stretch");
        x.close("pic:blipFill");
        x.open("pic:spPr", &[]).open("a:xfrm", &[]);
        x.empty("a:off", &[("x", "0"), ("y", "0")]);
        x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
        x.close("a:xfrm");
        x.open("a:prstGeom", &[("prst", "rect")])
            .empty("a:avLst", &[])
            .close("a:prstGeom");
        x.close("pic:spPr").close("pic:pic");
        x.close("a:graphicData").close("a:graphic");
        x.close("wp:inline").close("w:drawing").close("w:r");
    }
}
