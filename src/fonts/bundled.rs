//! The default faces, embedded in the binary so paiban works on a machine with no fonts
//! and away from the repository (`cargo install --path .`). Built by `fonts/build.sh`.

use std::sync::{Arc, OnceLock};

use super::face::{Face, FontData, Origin};
use crate::style::FontRole;

macro_rules! font_file {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/", $name))
                as &'static [u8],
        )
    };
}

/// Bundled files, in the order of [`Bundled`]'s fields.
const FILES: [(&str, &[u8]); 6] = [
    font_file!("NotoSerifCJKsc-Regular.otf"),
    font_file!("NotoSerifCJKsc-Bold.otf"),
    font_file!("NotoSansCJKsc-Bold.otf"),
    font_file!("LXGWWenKai-Regular.ttf"),
    font_file!("ZhuqueFangsong-Regular.ttf"),
    font_file!("DejaVuSansMono.ttf"),
];

/// The six parsed bundled faces.
pub(crate) struct Bundled {
    /// Noto Serif CJK SC Regular: Song, and the end of every chain (T27).
    pub song: Arc<Face>,
    /// Noto Serif CJK SC Bold: SongBold (titles).
    pub song_bold: Arc<Face>,
    /// Noto Sans CJK SC Bold: Hei.
    pub hei: Arc<Face>,
    /// LXGW WenKai Regular: Kai.
    pub kai: Arc<Face>,
    /// Zhuque Fangsong Regular (朱雀仿宋): Fang, the gongwen body.
    pub fang: Arc<Face>,
    /// DejaVu Sans Mono (Latin only): Mono.
    pub mono: Arc<Face>,
}

impl Bundled {
    /// Parsed once per process; parsing reads only the cmaps of memory the binary already holds.
    pub(crate) fn get() -> &'static Bundled {
        static BUNDLED: OnceLock<Bundled> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            let [song, song_bold, hei, kai, fang, mono] = FILES.map(|(name, bytes)| {
                let data: FontData = Arc::new(bytes);
                let face = Face::from_data(data, 0, Origin::Bundled(name))
                    .unwrap_or_else(|e| panic!("bundled font {name} is broken: {e}"));
                Arc::new(face)
            });
            Bundled {
                song,
                song_bold,
                hei,
                kai,
                fang,
                mono,
            }
        })
    }

    /// The bundled part of a role's chain; every chain ends with Noto Serif CJK SC (T27).
    pub(crate) fn chain(&self, role: FontRole) -> Vec<Arc<Face>> {
        let last = self.song.clone();
        match role {
            FontRole::Song => vec![last],
            // Characters Zhuque Fangsong lacks (it has 10,956 Han, all of GB 2312) come from
            // Song, with a W-FONT warning (T27).
            FontRole::Fang => vec![self.fang.clone(), last],
            FontRole::SongBold => vec![self.song_bold.clone(), last],
            FontRole::Hei => vec![self.hei.clone(), last],
            FontRole::Kai => vec![self.kai.clone(), last],
            FontRole::Mono => vec![self.mono.clone(), last],
        }
    }
}

/// The bundled faces as a font database, for text inside SVG images (issue 10): built once;
/// the bundled faces only, so an SVG's text looks the same on every machine.
pub fn svg_database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for (_, bytes) in FILES {
            db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
        }
        // Generic families an SVG may name: serif and the fallback → Song, sans → Hei.
        db.set_serif_family("Noto Serif CJK SC");
        db.set_sans_serif_family("Noto Sans CJK SC");
        db.set_monospace_family("DejaVu Sans Mono");
        Arc::new(db)
    })
    .clone()
}
