//! Font names for DOCX (T27) and `word/fontTable.xml`.
//!
//! Runs name the Windows faces by their registered family name (SimSun, SimHei, KaiTi,
//! FangSong); the Chinese names Word users know (宋体…) and the bundled free faces are
//! listed in `w:altName` (a comma-separated list per ECMA-376 §17.8.3.1).
//!
//! Why the English names: LibreOffice ignores `w:altName`, and fontconfig knows `SimSun`
//! as a serif family but has no alias for `宋体`. With `宋体` LibreOffice fell back to
//! Noto Sans CJK **JP** for body text; with `SimSun` + `w:lang w:eastAsia="zh-CN"` it
//! picks Noto Serif CJK **SC** (checked with LibreOffice 7.4 + fonts-noto-cjk). Word and
//! WPS resolve SimSun and 宋体 to the same installed font.

use super::embed::EmbeddedFont;
use super::xml::{Xml, W_NS};
use crate::style::FontRole;

/// The faces a run of one role uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Face {
    /// `w:eastAsia`: the CJK face.
    pub east_asia: &'static str,
    /// `w:ascii`/`w:hAnsi`/`w:cs`: the Latin face.
    pub latin: &'static str,
}

/// The DOCX faces of a font role.
pub fn face(role: FontRole) -> Face {
    let (east_asia, latin) = match role {
        FontRole::Song | FontRole::SongBold => ("SimSun", "Times New Roman"),
        FontRole::Hei => ("SimHei", "Arial"),
        FontRole::Kai => ("KaiTi", "Times New Roman"),
        FontRole::Fang => ("FangSong", "Times New Roman"),
        FontRole::Mono => ("SimSun", "Consolas"),
    };
    Face { east_asia, latin }
}

/// One `w:font` entry of the font table.
struct Entry {
    name: &'static str,
    alt: &'static str,
    panose: &'static str,
    charset: &'static str,
    family: &'static str,
}

const ENTRIES: [Entry; 7] = [
    Entry {
        name: "SimSun",
        alt: "宋体,Noto Serif CJK SC",
        panose: "02010600030101010101",
        charset: "86",
        family: "roman",
    },
    Entry {
        name: "SimHei",
        alt: "黑体,Noto Sans CJK SC",
        panose: "02010609060101010101",
        charset: "86",
        family: "swiss",
    },
    Entry {
        name: "KaiTi",
        alt: "楷体,LXGW WenKai",
        panose: "02010609060101010101",
        charset: "86",
        family: "script",
    },
    Entry {
        name: "FangSong",
        // 仿宋_GB2312 is the face GB/T 9704 templates name; Zhuque Fangsong is the bundled one.
        alt: "仿宋,FangSong_GB2312,Zhuque Fangsong",
        panose: "02010609060101010101",
        charset: "86",
        family: "roman",
    },
    Entry {
        name: "Times New Roman",
        alt: "Liberation Serif",
        panose: "02020603050405020304",
        charset: "00",
        family: "roman",
    },
    Entry {
        name: "Arial",
        alt: "Liberation Sans",
        panose: "020B0604020202020204",
        charset: "00",
        family: "swiss",
    },
    Entry {
        name: "Consolas",
        alt: "DejaVu Sans Mono",
        panose: "020B0609020204030204",
        charset: "00",
        family: "modern",
    },
];

/// `word/fontTable.xml` (CT_Font children in schema order: altName, panose1, charset, family,
/// pitch, embedRegular, embedBold), each embedded font referenced by its relationship id
/// (`ids`, in the order of `embedded`).
pub fn font_table(embedded: &[EmbeddedFont], ids: &[String]) -> String {
    let mut x = Xml::part();
    x.open_ns("w:fonts", &[W_NS]);
    for e in &ENTRIES {
        x.open("w:font", &[("w:name", e.name)]);
        x.val("w:altName", e.alt)
            .val("w:panose1", e.panose)
            .val("w:charset", e.charset)
            .val("w:family", e.family)
            .val("w:pitch", "variable");
        for bold in [false, true] {
            let slot = embedded
                .iter()
                .zip(ids)
                .find(|(f, _)| f.name == e.name && f.bold == bold);
            if let Some((f, id)) = slot {
                let tag = if bold {
                    "w:embedBold"
                } else {
                    "w:embedRegular"
                };
                x.empty(tag, &[("r:id", id), ("w:fontKey", &f.key)]);
            }
        }
        x.close("w:font");
    }
    x.close("w:fonts");
    x.finish()
}

/// `<w:rFonts …/>` for a role, written into `x`.
pub fn rfonts(x: &mut Xml, role: FontRole) {
    rfonts_with_hint(x, role, false);
}

/// `<w:rFonts …/>` for a role, with `w:hint="eastAsia"` when `hint` (T25).
pub fn rfonts_with_hint(x: &mut Xml, role: FontRole, hint: bool) {
    let f = face(role);
    let mut attrs = vec![
        ("w:ascii", f.latin),
        ("w:hAnsi", f.latin),
        ("w:eastAsia", f.east_asia),
        ("w:cs", f.latin),
    ];
    if hint {
        attrs.push(("w:hint", "eastAsia"));
    }
    x.empty("w:rFonts", &attrs);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_is_in_the_font_table() {
        let table = font_table(&[], &[]);
        for role in FontRole::ALL {
            let f = face(role);
            assert!(table.contains(&format!("w:name=\"{}\"", f.east_asia)));
            assert!(table.contains(&format!("w:name=\"{}\"", f.latin)));
            // T27: the Chinese Windows name is an alternative name of the CJK face.
            if role != FontRole::Mono {
                assert!(table.contains(role.windows_name()), "{role:?}");
            }
        }
    }
}
