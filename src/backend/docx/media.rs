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

/// One embedded image file.
#[derive(Debug, Clone)]
pub struct Item {
    /// Name inside `word/media/`.
    pub name: String,
    /// File bytes.
    pub bytes: Vec<u8>,
    /// Width and height in points at 96 dpi.
    pub size: (f32, f32),
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
        ImageKind::Svg => return None,
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
        let ext = extension(img.kind).ok_or_else(|| {
            (
                "docx",
                format!(
                    "image {src}: unsupported format; alt text used: convert it to PNG or JPEG"
                ),
            )
        })?;
        let size = img.size_pt().ok_or_else(|| {
            (
                "docx",
                format!("image {src}: no readable size; alt text used: convert it to PNG or JPEG"),
            )
        })?;
        let item = Item {
            name: format!("image{}.{ext}", self.items.len() + 1),
            bytes: std::sync::Arc::unwrap_or_clone(img.bytes),
            size,
        };
        self.items.push(item);
        self.by_src.insert(src.to_string(), self.items.len() - 1);
        Ok(self.items.len() - 1)
    }
}

impl Writer<'_> {
    /// An inline picture run (`wp:inline`), or the alt text when the image cannot be embedded.
    pub fn image(&mut self, x: &mut Xml, src: &str, alt: &str) {
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
        let rid = self.rels.add(super::package::REL_IMAGE, &target, false);
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
        x.empty("a:blip", &[("r:embed", &rid)]);
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
