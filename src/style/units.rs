//! Quantities a style file may write with a unit: font sizes (points or Chinese size
//! names), lengths (`25mm`, `71pt`) and em-relative amounts (`2em`, `2字`). They are
//! read straight into plain `f32` points or em (`serde(deserialize_with)`), so the
//! in-memory [`Style`](super::Style) never carries units; a printed style writes points.

use super::MM;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// Chinese font size names (字号) and their sizes in points, largest first.
pub const SIZE_NAMES: [(&str, f32); 16] = [
    ("初号", 42.0),
    ("小初", 36.0),
    ("一号", 26.0),
    ("小一", 24.0),
    ("二号", 22.0),
    ("小二", 18.0),
    ("三号", 16.0),
    ("小三", 15.0),
    ("四号", 14.0),
    ("小四", 12.0),
    ("五号", 10.5),
    ("小五", 9.0),
    ("六号", 7.5),
    ("小六", 6.5),
    ("七号", 5.5),
    ("八号", 5.0),
];

/// What a quantity field accepts.
#[derive(Clone, Copy)]
enum Kind {
    /// A font size: points, `12pt`, or a Chinese size name.
    Size,
    /// A length in points: points, `12pt` or `25mm`.
    Length,
    /// An amount in em: a number, `2em` or `2字`.
    Em,
}

impl Kind {
    /// The accepted forms, for error messages.
    fn allowed(self) -> &'static str {
        match self {
            Kind::Size => {
                "a size: points (12, \"12pt\") or a Chinese size name (\"小四\", \"三号\", …)"
            }
            Kind::Length => "a length: points (71, \"71pt\") or millimetres (\"25mm\")",
            Kind::Em => "an amount in em: a number (2), \"2em\" or \"2字\"",
        }
    }

    /// Reads the string form; `None` if it is not one this kind accepts.
    fn parse(self, text: &str) -> Option<f32> {
        let text = text.trim();
        let number = |s: &str| s.trim().parse::<f32>().ok().filter(|v| v.is_finite());
        match self {
            Kind::Size => SIZE_NAMES
                .iter()
                .find(|(name, _)| *name == text)
                .map(|&(_, pt)| pt)
                .or_else(|| number(text.strip_suffix("pt")?)),
            Kind::Length => {
                if let Some(mm) = text.strip_suffix("mm") {
                    // `n * MM` in f32, as the presets always computed millimetres.
                    number(mm).map(|v| v * MM)
                } else {
                    number(text.strip_suffix("pt")?)
                }
            }
            Kind::Em => number(
                text.strip_suffix("em")
                    .or_else(|| text.strip_suffix('字'))?,
            ),
        }
    }
}

struct QuantityVisitor(Kind);

impl Visitor<'_> for QuantityVisitor {
    type Value = f32;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0.allowed())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f32, E> {
        Ok(v as f32)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f32, E> {
        Ok(v as f32)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f32, E> {
        Ok(v as f32)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f32, E> {
        self.0
            .parse(v)
            .ok_or_else(|| E::custom(format!("'{v}' is not {}", self.0.allowed())))
    }
}

/// A font size in points: a number, `"12pt"` or a Chinese size name (`"小四"`).
pub fn size<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    d.deserialize_any(QuantityVisitor(Kind::Size))
}

/// A length in points: a number, `"71pt"` or `"25mm"`.
pub fn length<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    d.deserialize_any(QuantityVisitor(Kind::Length))
}

/// An optional length in points, as [`length`] (the field is `None` when left out).
pub fn optional_length<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f32>, D::Error> {
    length(d).map(Some)
}

/// An amount in em: a number, `"2em"` or `"2字"` (one 字 is one em of the text's size).
pub fn em<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    d.deserialize_any(QuantityVisitor(Kind::Em))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_lengths_and_em_read_their_units() {
        assert_eq!(Kind::Size.parse("小四"), Some(12.0));
        assert_eq!(Kind::Size.parse("五号"), Some(10.5));
        assert_eq!(Kind::Size.parse("10.5pt"), Some(10.5));
        assert_eq!(Kind::Size.parse("10.5mm"), None);
        assert_eq!(Kind::Length.parse("25mm"), Some(25.0 * MM));
        assert_eq!(Kind::Length.parse("71pt"), Some(71.0));
        assert_eq!(Kind::Length.parse("2em"), None);
        assert_eq!(Kind::Em.parse("2字"), Some(2.0));
        assert_eq!(Kind::Em.parse("1.5em"), Some(1.5));
        assert_eq!(Kind::Em.parse("2"), None);
    }
}
