//! T27 W-GLYPH: characters no face of the role's chain has, logged before layout so a
//! missing glyph is a warning with its source line, never a silent `.notdef`.

use crate::ast::{plain_text, Block, Document, Inline};
use crate::fonts::fontdir::role_for_names;
use crate::fonts::{log_missing, FontSet};
use crate::log::Log;
use crate::style::{FontRole, Style};
use std::collections::{BTreeMap, BTreeSet};

/// Logs one W-GLYPH warning per character that no face (nor system font) has.
pub(crate) fn check(doc: &Document, style: &Style, fonts: &FontSet, log: &mut Log) {
    let mut texts: BTreeMap<FontRole, Vec<(usize, String)>> = BTreeMap::new();
    let mut add = |role: FontRole, line: usize, text: String| {
        if !text.is_empty() {
            texts.entry(role).or_default().push((line, text));
        }
    };
    for b in &doc.blocks {
        block(b, style, style.body_font, &mut add);
    }
    for n in &doc.notes {
        for b in &n.blocks {
            block(b, style, style.body_font, &mut add);
        }
    }
    if let Some(lines) = texts.get(&FontRole::Fang) {
        fang_fallback(fonts, lines, log);
    }
    let mut seen = BTreeSet::new();
    for (role, lines) in &texts {
        let missing: Vec<_> = fonts
            .coverage_warnings(lines.iter().map(|(l, t)| (*l, t.as_str())), *role)
            .into_iter()
            .filter(|m| seen.insert(m.ch))
            .collect();
        log_missing(log, *role, &missing);
    }
}

/// T27 for the Fang role (仿宋, the gongwen body): one W-FONT warning when its face is no
/// FangSong (a `--font-dir` or style font that took its place), else one W-FONT warning
/// listing the characters the FangSong face lacks, which are set in the next face of the
/// chain (Song) instead — a mixed face in running text should not pass unnoticed.
fn fang_fallback(fonts: &FontSet, lines: &[(usize, String)], log: &mut Log) {
    let face = fonts.primary(FontRole::Fang);
    let first = lines.first().map_or(0, |(l, _)| *l);
    if role_for_names(std::slice::from_ref(&face.family), face.weight) != Some(FontRole::Fang) {
        log.warn(
            "W-FONT",
            first,
            format!(
                "no FangSong (仿宋) face: the fang role is set in {}; add a FangSong font with \
                 --font-dir",
                face.family
            ),
        );
        return;
    }
    let mut lacking: BTreeSet<char> = BTreeSet::new();
    let mut at = None;
    for (line, text) in lines {
        for c in text.chars() {
            if crate::fonts::needs_no_glyph(c) || c.is_whitespace() || face.has_char(c) {
                continue;
            }
            // Characters no face has are W-GLYPH warnings (below), not fallbacks.
            if fonts.face_for(FontRole::Fang, c).is_some() && lacking.insert(c) {
                at.get_or_insert(*line);
            }
        }
    }
    if let Some(line) = at {
        let list: String = lacking.iter().take(20).collect();
        let more = if lacking.len() > 20 { "…" } else { "" };
        log.warn(
            "W-FONT",
            line,
            format!(
                "{} lacks {} character(s) of the fang role ({list}{more}); they are set in the \
                 fallback face",
                face.family,
                lacking.len()
            ),
        );
    }
}

/// Text of inlines in `role`, with inline code split off to the mono role.
fn inlines(
    content: &[Inline],
    role: FontRole,
    line: usize,
    add: &mut dyn FnMut(FontRole, usize, String),
) {
    let mut code = String::new();
    // Ruby readings are set beside their base, in the text's face.
    let mut readings = String::new();
    crate::ast::visit_inlines(content, &mut |i| match i {
        Inline::Code(c) | Inline::Kbd(c) => code.push_str(c),
        Inline::Ruby(r) => readings.push_str(&r.text),
        _ => {}
    });
    add(FontRole::Mono, line, code);
    let text: String = plain_text(content) + &readings;
    add(role, line, text);
}

fn block(b: &Block, style: &Style, role: FontRole, add: &mut dyn FnMut(FontRole, usize, String)) {
    match b {
        Block::Article(a) => {
            inlines(&a.title, style.title.font, a.line, add);
            if let Some(s) = &a.subtitle {
                inlines(s, style.subtitle.font, a.line, add);
            }
            for by in &a.bylines {
                add(
                    style.byline.font,
                    by.line,
                    format!("{}{}", by.name, by.affiliation),
                );
            }
            a.body.iter().for_each(|b| block(b, style, role, add));
        }
        Block::Heading(h) => {
            inlines(&h.content, style.heading_of(h).font, h.line, add);
            inlines(&h.run_in, role, h.line, add);
        }
        Block::Para(p) => inlines(&p.content, role, p.line, add),
        Block::List(l) => l
            .items
            .iter()
            .flat_map(|i| &i.blocks)
            .for_each(|b| block(b, style, role, add)),
        Block::Quote(q) => q
            .blocks
            .iter()
            .for_each(|b| block(b, style, style.quote_font, add)),
        Block::Code(c) => add(FontRole::Mono, c.line, c.text.clone()),
        Block::Table(t) => t
            .header
            .iter()
            .chain(t.rows.iter().flatten())
            .for_each(|c| inlines(c, role, t.line, add)),
        // The caption, and the alt text that stands in for a missing or remote image.
        Block::Figure(f) => {
            let remote = crate::image::is_remote(&f.src);
            let src = if remote { f.src.as_str() } else { "" };
            let title = f.title.as_deref().unwrap_or_default();
            add(role, f.line, format!("［图：{}］{src}{title}", f.alt));
        }
        Block::Rule(_) | Block::PageBreak(_) => {}
    }
}
