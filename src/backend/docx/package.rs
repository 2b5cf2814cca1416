//! The OPC package: relationships, `[Content_Types].xml` with the image types Word
//! displays, and document properties. The zip container is [`crate::backend::zip`].

use super::xml::Xml;

const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Relationship type of a hyperlink.
pub const REL_HYPERLINK: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
/// Relationship type of an image.
pub const REL_IMAGE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/// Extension and MIME type of the image formats Word displays.
pub const TYPES: [(&str, &str); 5] = [
    ("png", "image/png"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("bmp", "image/bmp"),
    ("tiff", "image/tiff"),
];

/// Content type of a WordprocessingML part (`main`, `styles`, `settings`…).
pub fn wml(kind: &str) -> String {
    let prefix = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    if kind == "main" {
        format!("{prefix}.document.main+xml")
    } else {
        format!("{prefix}.{kind}+xml")
    }
}

/// One relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rel {
    /// `rIdN`.
    pub id: String,
    /// Relationship type URI.
    pub kind: String,
    /// Target, relative to the source part's folder (or an external URL).
    pub target: String,
    /// `TargetMode="External"`.
    pub external: bool,
}

/// The relationships of one part.
#[derive(Debug, Default, Clone)]
pub struct Rels {
    /// In order of creation.
    pub list: Vec<Rel>,
}

impl Rels {
    /// Adds (or reuses) a relationship and returns its id.
    pub fn add(&mut self, kind: &str, target: &str, external: bool) -> String {
        if let Some(r) = self
            .list
            .iter()
            .find(|r| r.kind == kind && r.target == target && r.external == external)
        {
            return r.id.clone();
        }
        let id = format!("rId{}", self.list.len() + 1);
        self.list.push(Rel {
            id: id.clone(),
            kind: kind.to_string(),
            target: target.to_string(),
            external,
        });
        id
    }

    /// Adds an officeDocument relationship of `kind` (`styles`, `settings`…).
    pub fn add_office(&mut self, kind: &str, target: &str) -> String {
        self.add(&format!("{R}/{kind}"), target, false)
    }

    /// The `.rels` part.
    pub fn xml(&self) -> String {
        let mut x = Xml::part();
        x.open_ns(
            "Relationships",
            &["xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""],
        );
        for r in &self.list {
            let mut attrs = vec![
                ("Id", r.id.as_str()),
                ("Type", r.kind.as_str()),
                ("Target", r.target.as_str()),
            ];
            if r.external {
                attrs.push(("TargetMode", "External"));
            }
            x.empty("Relationship", &attrs);
        }
        x.close("Relationships");
        x.finish()
    }
}

/// `[Content_Types].xml`: defaults for rels/xml and the image types, an override per part.
pub fn content_types(overrides: &[(String, String)]) -> String {
    let mut x = Xml::part();
    x.open_ns(
        "Types",
        &["xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\""],
    );
    x.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    );
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    for (ext, mime) in TYPES {
        x.empty("Default", &[("Extension", ext), ("ContentType", mime)]);
    }
    for (part, ct) in overrides {
        x.empty("Override", &[("PartName", part), ("ContentType", ct)]);
    }
    x.close("Types");
    x.finish()
}

/// Document properties for `docProps/core.xml`.
#[derive(Debug, Default, Clone)]
pub struct Core {
    /// `dc:title`.
    pub title: Option<String>,
    /// `dc:subject`.
    pub subject: Option<String>,
    /// `dc:creator`, authors joined by `; `.
    pub creators: Vec<String>,
    /// `dc:language`.
    pub language: String,
    /// `SOURCE_DATE_EPOCH`, the only source of dates.
    pub epoch: Option<i64>,
}

/// Civil date-time (UTC) of a Unix time, W3CDTF.
pub fn w3cdtf(t: i64) -> String {
    crate::backend::time::Civil::from_unix(t).w3cdtf()
}

impl Core {
    /// The core properties part.
    pub fn xml(&self) -> String {
        let mut x = Xml::part();
        x.open_ns(
            "cp:coreProperties",
            &[
                "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\"",
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
                "xmlns:dcterms=\"http://purl.org/dc/terms/\"",
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            ],
        );
        if let Some(t) = &self.title {
            x.leaf("dc:title", &[], t);
        }
        if let Some(s) = &self.subject {
            x.leaf("dc:subject", &[], s);
        }
        if !self.creators.is_empty() {
            x.leaf("dc:creator", &[], &self.creators.join("; "));
        }
        x.leaf("dc:language", &[], &self.language);
        if let Some(t) = self.epoch {
            let d = w3cdtf(t);
            for tag in ["dcterms:created", "dcterms:modified"] {
                x.leaf(tag, &[("xsi:type", "dcterms:W3CDTF")], &d);
            }
        }
        x.close("cp:coreProperties");
        x.finish()
    }
}

/// `docProps/app.xml`.
pub fn app() -> String {
    let mut x = Xml::part();
    x.open_ns(
        "Properties",
        &[
            "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"",
            "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"",
        ],
    );
    x.leaf(
        "Application",
        &[],
        concat!("paiban ", env!("CARGO_PKG_VERSION")),
    );
    x.leaf("DocSecurity", &[], "0");
    x.close("Properties");
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w3cdtf_known_dates() {
        assert_eq!(w3cdtf(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3cdtf(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(w3cdtf(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn rels_are_reused() {
        let mut r = Rels::default();
        let a = r.add(REL_HYPERLINK, "https://a.cn", true);
        let b = r.add(REL_HYPERLINK, "https://a.cn", true);
        assert_eq!(a, b);
        assert!(r.xml().contains("TargetMode=\"External\""));
    }
}
