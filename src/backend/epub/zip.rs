//! The OCF container: `mimetype` first and stored, everything else deflated, fixed
//! timestamps and permissions so the same book always gives the same bytes.

use crate::backend::time::Civil;
use crate::error::{Error, Result};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// One file of the book: path inside the container and its bytes.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Path inside the container, e.g. `EPUB/c001.xhtml`.
    pub path: String,
    /// File contents.
    pub data: Vec<u8>,
}

fn err(e: impl std::fmt::Display) -> Error {
    Error::Render {
        format: "epub",
        message: format!("zip: {e}"),
    }
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

/// Writes the container. `entries` must not contain `mimetype`; it is added first.
pub fn write(entries: &[Entry], epoch: Option<i64>) -> Result<Vec<u8>> {
    let time = timestamp(epoch);
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(time)
        .unix_permissions(0o644);
    let deflated = stored.compression_method(CompressionMethod::Deflated);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("mimetype", stored).map_err(err)?;
    zip.write_all(b"application/epub+zip").map_err(err)?;
    for e in entries {
        zip.start_file(e.path.as_str(), deflated).map_err(err)?;
        zip.write_all(&e.data).map_err(err)?;
    }
    Ok(zip.finish().map_err(err)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mimetype_is_first_and_stored() {
        let entries = [Entry {
            path: "META-INF/container.xml".into(),
            data: b"<x/>".to_vec(),
        }];
        let bytes = write(&entries, None).unwrap();
        // Local file header: name at offset 30, stored (method 0) at offset 8, no extra field.
        assert_eq!(&bytes[0..4], b"PK\x03\x04");
        assert_eq!(&bytes[8..10], &[0, 0]);
        assert_eq!(&bytes[28..30], &[0, 0]);
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..58], b"application/epub+zip");
        assert_eq!(bytes, write(&entries, None).unwrap());
    }
}
