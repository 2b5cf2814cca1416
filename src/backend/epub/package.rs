//! `container.xml` and the package document (`content.opf`), with an identifier derived
//! from the content and a modification date from `SOURCE_DATE_EPOCH` only.

use crate::backend::time::Civil;
use crate::backend::xhtml::esc;

/// `META-INF/container.xml`.
pub const CONTAINER: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n\
<rootfiles>\n<rootfile full-path=\"EPUB/content.opf\" media-type=\"application/oebps-package+xml\"/>\n\
</rootfiles>\n</container>\n";

/// `dcterms:modified`: from `SOURCE_DATE_EPOCH`, else a fixed date (never the clock).
pub fn modified(epoch: Option<i64>) -> String {
    Civil::from_unix(epoch.unwrap_or(946_684_800)).w3cdtf()
}

/// A UUID-shaped identifier that depends only on `data` (two FNV-1a 64 hashes; version 8,
/// "custom", per RFC 9562).
pub fn uuid_from(data: &[u8]) -> String {
    let fnv = |seed: u64| {
        data.iter().fold(seed, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    let a = fnv(0xcbf2_9ce4_8422_2325);
    let b = fnv(0x6c62_272e_07bb_0142);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&a.to_be_bytes());
    bytes[8..].copy_from_slice(&b.to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let h: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// One manifest item.
#[derive(Debug, Clone)]
pub struct Item {
    /// Manifest id (an NCName).
    pub id: String,
    /// Path relative to the package document.
    pub href: String,
    /// Media type.
    pub media_type: String,
    /// `properties` attribute, e.g. `nav`.
    pub properties: Option<&'static str>,
    /// In the spine, in manifest order.
    pub spine: bool,
}

/// Book-level metadata for the package document.
#[derive(Debug, Clone)]
pub struct PackageMeta<'a> {
    /// `dc:identifier` (`urn:uuid:…`).
    pub identifier: &'a str,
    /// `dc:title`.
    pub title: &'a str,
    /// One `dc:creator` each.
    pub creators: &'a [String],
    /// `dc:language`.
    pub language: &'a str,
    /// `dcterms:modified`.
    pub modified: &'a str,
}

/// `EPUB/content.opf`. `version="3.0"` because epubcheck 4.2.6 validates EPUB 3.2.
pub fn opf(meta: &PackageMeta<'_>, items: &[Item]) -> String {
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"bookid\" xml:lang=\"{lang}\">\n\
<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
<dc:identifier id=\"bookid\">{id}</dc:identifier>\n<dc:title id=\"title\">{title}</dc:title>\n",
        lang = esc(meta.language),
        id = esc(meta.identifier),
        title = esc(meta.title),
    );
    for (i, c) in meta.creators.iter().enumerate() {
        let n = i + 1;
        s.push_str(&format!(
            "<dc:creator id=\"creator{n}\">{}</dc:creator>\n\
<meta refines=\"#creator{n}\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n",
            esc(c)
        ));
    }
    s.push_str(&format!(
        "<dc:language>{}</dc:language>\n<meta property=\"dcterms:modified\">{}</meta>\n</metadata>\n<manifest>\n",
        esc(meta.language),
        esc(meta.modified)
    ));
    for it in items {
        let props = it
            .properties
            .map(|p| format!(" properties=\"{p}\""))
            .unwrap_or_default();
        s.push_str(&format!(
            "<item id=\"{}\" href=\"{}\" media-type=\"{}\"{props}/>\n",
            esc(&it.id),
            esc(&it.href),
            esc(&it.media_type)
        ));
    }
    s.push_str("</manifest>\n<spine toc=\"ncx\">\n");
    for it in items.iter().filter(|i| i.spine) {
        s.push_str(&format!("<itemref idref=\"{}\"/>\n", esc(&it.id)));
    }
    s.push_str("</spine>\n</package>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modified_dates() {
        assert_eq!(modified(Some(1_700_000_000)), "2023-11-14T22:13:20Z");
        assert_eq!(modified(None), "2000-01-01T00:00:00Z");
        assert_eq!(modified(Some(951_782_400)), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn uuid_is_stable_and_content_dependent() {
        let a = uuid_from(b"abc");
        assert_eq!(a, uuid_from(b"abc"));
        assert_ne!(a, uuid_from(b"abd"));
        assert_eq!(a.len(), "urn:uuid:".len() + 36);
        assert_eq!(&a[23..24], "8");
    }
}
