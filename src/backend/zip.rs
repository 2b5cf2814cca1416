//! The deterministic zip writer of the zip-based formats (EPUB's OCF container, DOCX's
//! OPC package): entries in the given order, deflated, fixed permissions, and one
//! timestamp taken from `SOURCE_DATE_EPOCH` only, so the same input gives the same bytes.
//! The `zip` crate is vendored with a patch that deflates each entry with libdeflate and a
//! compressor reused across entries (`vendor/README.md`).

use crate::backend::time::Civil;
use crate::error::{Error, Result};
use ::zip::write::SimpleFileOptions;
use ::zip::{CompressionMethod, DateTime, ZipWriter};
use std::io::{Cursor, Write};

/// One file of the package: path inside the zip and its bytes.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Path inside the zip, e.g. `EPUB/c001.xhtml` or `word/document.xml`.
    pub path: String,
    /// File contents.
    pub data: Vec<u8>,
}

/// The zip timestamp: `SOURCE_DATE_EPOCH` when given (clamped to the DOS range), else 1980-01-01.
fn timestamp(epoch: Option<i64>) -> DateTime {
    let Some(epoch) = epoch else {
        return DateTime::default();
    };
    let c = Civil::from_unix(epoch);
    let y = c.year.clamp(1980, 2107) as u16;
    let (mo, d, h, mi, s) = (c.month, c.day, c.hour, c.minute, c.second);
    DateTime::from_date_and_time(y, mo as u8, d as u8, h as u8, mi as u8, s as u8)
        .unwrap_or_default()
}

/// Extensions of entries whose bytes are dense already: font subsets (CFF charstrings,
/// glyf outlines; DOCX's obfuscated `.odttf`) and compressed raster images.
const DENSE: [&str; 8] = [
    ".otf", ".ttf", ".odttf", ".png", ".jpg", ".jpeg", ".gif", ".webp",
];

/// The deflate level of entry `path`: [`FAST`] for [`DENSE`] entries, the default (6) for
/// text (XML, XHTML, CSS, SVG): font subsets and raster images gain little from a harder
/// level (issue 12: with zlib-rs, level 2 instead of 6 on the sample's EPUB took 47 M instead
/// of 64 M instructions for +0.7% size).
fn level(path: &str) -> Option<i64> {
    DENSE.iter().any(|ext| path.ends_with(ext)).then_some(FAST)
}

/// The deflate level of [`DENSE`] entries: libdeflate's fastest (the vendored zip's patch,
/// issue 12). On the bench's 120-file folder to all three formats it takes 5.2 G instead of
/// 5.6 G instructions at level 2, and the 42 EPUB and DOCX packages of the sample, corpus and
/// fixtures grow 1.7% (3,281,365 → 3,337,367 bytes; zlib-rs at level 2 made 3,348,597).
/// (zlib-rs's level 1, static Huffman codes only, had made the sample's EPUB 14% larger.)
const FAST: i64 = 1;

/// Writes `entries` in order into a zip. `stored` entries come first and uncompressed
/// (EPUB's `mimetype` must); the rest are deflated, fonts and raster images (dense already)
/// at a faster level than text. Errors name `format`.
pub fn write(
    format: &'static str,
    stored: &[Entry],
    entries: &[Entry],
    epoch: Option<i64>,
) -> Result<Vec<u8>> {
    let err = |e: &dyn std::fmt::Display| Error::Render {
        format,
        message: format!("zip: {e}"),
    };
    let stored_opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(timestamp(epoch))
        .unix_permissions(0o644);
    let deflated_opts = stored_opts.compression_method(CompressionMethod::Deflated);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let all = stored
        .iter()
        .map(|e| (e, stored_opts))
        .chain(entries.iter().map(|e| {
            let level = level(&e.path);
            (e, deflated_opts.compression_level(level))
        }));
    for (e, opts) in all {
        zip.start_file(e.path.as_str(), opts).map_err(|e| err(&e))?;
        zip.write_all(&e.data).map_err(|e| err(&e))?;
    }
    Ok(zip.finish().map_err(|e| err(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, data: &[u8]) -> Entry {
        Entry {
            path: path.into(),
            data: data.to_vec(),
        }
    }

    #[test]
    fn stored_entries_come_first_and_uncompressed() {
        let stored = [entry("mimetype", b"application/epub+zip")];
        let entries = [entry("META-INF/container.xml", b"<x/>")];
        let bytes = write("epub", &stored, &entries, None).unwrap();
        // Local file header: name at offset 30, stored (method 0) at offset 8, no extra field.
        assert_eq!(&bytes[0..4], b"PK\x03\x04");
        assert_eq!(&bytes[8..10], &[0, 0]);
        assert_eq!(&bytes[28..30], &[0, 0]);
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..58], b"application/epub+zip");
        assert_eq!(bytes, write("epub", &stored, &entries, None).unwrap());
    }

    #[test]
    fn fonts_and_raster_images_deflate_fast_text_at_the_default() {
        for dense in [
            "EPUB/fonts/noto-serif-cjk-sc-400.otf",
            "word/fonts/font1.odttf",
        ] {
            assert_eq!(level(dense), Some(FAST), "{dense}");
        }
        assert_eq!(level("EPUB/images/img001.png"), Some(FAST));
        for text in ["EPUB/c001.xhtml", "EPUB/css/style.css", "word/document.xml"] {
            assert_eq!(level(text), None, "{text}");
        }
        assert_eq!(level("EPUB/images/img002.svg"), None);
    }

    /// Issue 12: the vendored zip deflates entries with libdeflate, one compressor per thread
    /// and level reused across entries and packages. Every entry, small or large, text or
    /// dense, reads back whole, and the bytes do not depend on the thread or on what the
    /// thread compressed before.
    #[test]
    fn reused_compressors_give_whole_entries_and_the_same_bytes_on_any_thread() {
        let text: Vec<u8> = (0..200_000u32)
            .flat_map(|i| format!("<w:t>第{i}段</w:t>").into_bytes())
            .collect();
        let dense: Vec<u8> = (0..300_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let entries = [
            entry("word/document.xml", &text),
            entry("word/fonts/font1.odttf", &dense),
            entry("word/styles.xml", b"<w:styles/>"),
            entry("word/empty.xml", b""),
            entry("EPUB/fonts/a.otf", &dense[..1000]),
        ];
        let here = write("docx", &[], &entries, Some(1_700_000_000)).unwrap();
        let mut archive = ::zip::ZipArchive::new(Cursor::new(here.clone())).unwrap();
        for e in &entries {
            let mut got = Vec::new();
            std::io::Read::read_to_end(&mut archive.by_name(&e.path).unwrap(), &mut got).unwrap();
            assert!(got == e.data, "{} does not read back whole", e.path);
        }
        let there = std::thread::spawn(move || {
            // This thread's compressors have worked on other data first.
            write("epub", &[], &[entry("x.xml", &[7; 70_000])], None).unwrap();
            write("docx", &[], &entries, Some(1_700_000_000)).unwrap()
        })
        .join()
        .unwrap();
        assert!(here == there, "the package depends on the thread");
    }

    #[test]
    fn the_timestamp_follows_source_date_epoch() {
        let entries = [entry("a.xml", b"<a/>")];
        let at = |epoch| write("docx", &[], &entries, epoch).unwrap();
        // DOS time at offset 10, DOS date at offset 12 of the local header.
        let dos = |b: &[u8]| b[10..14].to_vec();
        assert_eq!(dos(&at(None)), [0, 0, 0x21, 0], "1980-01-01 00:00:00");
        // 2023-11-14T22:13:20Z: time 22:13:20 → 0xB1AA, date 2023-11-14 → 0x576E.
        assert_eq!(dos(&at(Some(1_700_000_000))), [0xAA, 0xB1, 0x6E, 0x57]);
        assert_eq!(at(Some(1_700_000_000)), at(Some(1_700_000_000)));
    }
}
