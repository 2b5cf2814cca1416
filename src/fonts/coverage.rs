//! Characters no face has (T27 W-GLYPH): found before layout, reported with source lines,
//! so a missing glyph is a warning and never a silent `.notdef` box.

use std::collections::BTreeMap;

use super::FontSet;
use crate::log::Log;
use crate::style::FontRole;

/// A character no face of a role's chain (nor any system font) has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingChar {
    /// The character.
    pub ch: char,
    /// The 1-based source lines it occurs on, ascending, each once.
    pub lines: Vec<usize>,
}

impl MissingChar {
    /// One-line warning text, e.g. `no font has '𠀀' (U+20000) for role song; lines 3, 9`.
    pub fn message(&self, role: FontRole) -> String {
        let lines: Vec<String> = self.lines.iter().map(|l| l.to_string()).collect();
        format!(
            "no font has '{}' (U+{:04X}) for role {}; line{} {}",
            self.ch,
            self.ch as u32,
            role.name(),
            if lines.len() == 1 { "" } else { "s" },
            lines.join(", ")
        )
    }
}

/// Characters that are never drawn, so need no glyph: controls and default-ignorable
/// format characters (zero-width space and joiners, bidi marks, BOM, soft hyphen,
/// variation selectors). The layout engine drops or handles them itself.
pub fn needs_no_glyph(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

impl FontSet {
    /// The characters of `text_by_line` (1-based line, text) that no face has for `role`,
    /// each with the lines it occurs on; ordered by first line, then character.
    pub fn coverage_warnings<'a>(
        &self,
        text_by_line: impl IntoIterator<Item = (usize, &'a str)>,
        role: FontRole,
    ) -> Vec<MissingChar> {
        let chain = self.chain(role);
        // char → covered by some face, for characters the chain lacks.
        let mut known: BTreeMap<char, bool> = BTreeMap::new();
        let mut missing: BTreeMap<char, Vec<usize>> = BTreeMap::new();
        for (line, text) in text_by_line {
            for c in text.chars() {
                if needs_no_glyph(c) {
                    continue;
                }
                // The faces' per-character caches answer almost every character; only misses (and
                // the system-font search behind them) go through the map.
                let covered = chain.iter().any(|f| f.has_char(c))
                    || *known
                        .entry(c)
                        .or_insert_with(|| self.face_for(role, c).is_some());
                if !covered {
                    let lines = missing.entry(c).or_default();
                    if lines.last() != Some(&line) {
                        lines.push(line);
                    }
                }
            }
        }
        let mut out: Vec<MissingChar> = missing
            .into_iter()
            .map(|(ch, mut lines)| {
                lines.sort_unstable();
                lines.dedup();
                MissingChar { ch, lines }
            })
            .collect();
        out.sort_by_key(|m| (m.lines[0], m.ch));
        out
    }
}

/// Logs one `W-GLYPH` warning per missing character, at its first line.
pub fn log_missing(log: &mut Log, role: FontRole, missing: &[MissingChar]) {
    for m in missing {
        log.warn("W-GLYPH", m.lines[0], m.message(role));
    }
}
