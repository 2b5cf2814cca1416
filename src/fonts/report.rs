//! The text of `paiban fonts`: per role, the face used and where it comes from.

use std::fmt::Write;

use super::FontSet;
use crate::style::FontRole;

/// Lists, per role, the primary face (family, file, origin) and its fallbacks.
pub fn report(set: &FontSet) -> String {
    let mut out = String::new();
    for role in FontRole::ALL {
        let chain = set.chain(role);
        let primary = &chain[0];
        let _ = writeln!(
            out,
            "{:<10} {} ({}) — {}",
            role.name(),
            primary.family,
            role.windows_name(),
            primary.origin
        );
        for face in &chain[1..] {
            let _ = writeln!(out, "{:<10}   then {} — {}", "", face.family, face.origin);
        }
    }
    let _ = writeln!(
        out,
        "{}",
        if set.uses_system_fonts() {
            "then system fonts (fontdb) for characters none of these has"
        } else {
            "system fonts are not used"
        }
    );
    out
}
