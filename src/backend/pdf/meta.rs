//! Document metadata: title, authors, subject, language and (only from
//! `SOURCE_DATE_EPOCH`) the date, so the same input gives byte-identical files.

use crate::ast::ResolvedMeta;
use krilla::metadata::{DateTime, Metadata};

/// The PDF metadata of the resolved document facts; the subtitle is the subject.
pub(crate) fn metadata(meta: &ResolvedMeta, epoch: Option<i64>) -> Metadata {
    let title = meta.title.clone();
    let authors = meta.authors.clone();
    let subject = meta.subtitle.clone().unwrap_or_default();
    // A stable document id: the same document keeps its id across re-renders.
    let id = format!("paiban:{title}:{}", authors.join(","));
    let mut m = Metadata::new()
        .title(title)
        .authors(authors)
        .description(subject)
        .language(meta.language.clone())
        .creator("paiban".to_string())
        .producer(format!("paiban {} (krilla)", env!("CARGO_PKG_VERSION")))
        .document_id(id);
    if let Some(secs) = epoch {
        m = m.creation_date(date_time(secs));
    }
    m
}

/// UTC calendar date and time of a Unix timestamp.
fn date_time(secs: i64) -> DateTime {
    let c = crate::backend::time::Civil::from_unix(secs);
    DateTime::new(c.year.clamp(0, 9999) as u16)
        .month(c.month as u8)
        .day(c.day as u8)
        .hour(c.hour as u8)
        .minute(c.minute as u8)
        .second(c.second as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

#[cfg(test)]
mod tests {
    use super::date_time;

    #[test]
    fn epoch_to_utc_date() {
        let d = format!("{:?}", date_time(1_700_000_000));
        // 2023-11-14T22:13:20Z
        for part in ["2023", "11", "14", "22", "13", "20"] {
            assert!(d.contains(part), "{d}");
        }
    }
}
