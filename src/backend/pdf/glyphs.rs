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
    if let Some((line, _)) = texts.get(&FontRole::Fang).and_then(|l| l.first()) {
        fang_fallback(fonts, *line, log);
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

/// Logs one W-FONT warning when text set in the Fang role (仿宋, the gongwen body) gets a
/// face that is no FangSong: none is bundled yet, so the role falls back to Song (T27).
fn fang_fallback(fonts: &FontSet, line: usize, log: &mut Log) {
    let face = fonts.primary(FontRole::Fang);
    if role_for_names(std::slice::from_ref(&face.family), face.weight) != Some(FontRole::Fang) {
        log.warn(
            "W-FONT",
            line,
            format!(
                "no FangSong (仿宋) face: the fang role is set in {}; add a FangSong font with \
                 --font-dir",
                face.family
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
    crate::ast::visit_inlines(content, &mut |i| {
        if let Inline::Code(c) = i {
            code.push_str(c);
        }
    });
    add(FontRole::Mono, line, code);
    let text: String = plain_text(content);
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
        Block::Figure(f) => add(role, f.line, f.title.clone().unwrap_or_default()),
        Block::Html(_) | Block::Rule(_) | Block::PageBreak(_) => {}
    }
}
