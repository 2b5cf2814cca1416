//! The tag tree (tagged PDF) from the layout's logical structure.
//!
//! The article title becomes `H1` and heading level n becomes `H(n+1)` (capped at 6), so a
//! screen reader's heading list nests like the outline; the PDF 1.7 `Title` role krilla
//! offers is role-mapped to `P` and would drop out of that list.

use crate::layout::page::{StructChild, StructKind, StructNode, TagId};
use krilla::tagging::{
    Identifier, ListNumbering, Node, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use std::collections::{HashMap, HashSet};
use std::num::NonZeroU16;

/// Every tag the structure refers to (items with other tags are drawn as artifacts).
pub(crate) fn tags_in(structure: &[StructNode]) -> HashSet<TagId> {
    fn go(n: &StructNode, out: &mut HashSet<TagId>) {
        for c in &n.children {
            match c {
                StructChild::Node(n) => go(n, out),
                StructChild::Content(t) => {
                    out.insert(*t);
                }
            }
        }
    }
    let mut out = HashSet::new();
    structure.iter().for_each(|n| go(n, &mut out));
    out
}

/// The tags whose text titles a `Title` or heading element (see [`text_of`]): only their
/// text is kept while the pages are drawn, not the whole document's.
pub(crate) fn title_tags(structure: &[StructNode]) -> HashSet<TagId> {
    fn go(n: &StructNode, titled: bool, out: &mut HashSet<TagId>) {
        let titled = titled || matches!(n.kind, StructKind::Title | StructKind::Heading(_));
        for c in &n.children {
            match c {
                StructChild::Node(n) => go(n, titled, out),
                StructChild::Content(t) if titled => {
                    out.insert(*t);
                }
                StructChild::Content(_) => {}
            }
        }
    }
    let mut out = HashSet::new();
    structure.iter().for_each(|n| go(n, false, &mut out));
    out
}

/// Builds the tree; `ids` are consumed so that each identifier gets exactly one parent.
pub(crate) fn tag_tree(
    structure: &[StructNode],
    ids: &mut HashMap<TagId, Vec<Identifier>>,
    texts: &HashMap<TagId, String>,
    lang: &str,
) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(lang.to_string()));
    for n in structure {
        tree.push(group(n, ids, texts));
    }
    tree
}

fn group(
    n: &StructNode,
    ids: &mut HashMap<TagId, Vec<Identifier>>,
    texts: &HashMap<TagId, String>,
) -> TagGroup {
    let mut g = TagGroup::new(kind(n, texts));
    for c in &n.children {
        match c {
            StructChild::Node(child) => g.push(group(child, ids, texts)),
            StructChild::Content(t) => {
                for id in ids.remove(t).unwrap_or_default() {
                    g.push(Node::Leaf(id));
                }
            }
        }
    }
    g
}

fn kind(n: &StructNode, texts: &HashMap<TagId, String>) -> TagKind {
    let heading = |level: u16| {
        let level = NonZeroU16::new(level.clamp(1, 6)).expect("clamped to 1..=6");
        Tag::Hn(level, Some(text_of(n, texts))).into()
    };
    match &n.kind {
        StructKind::Article => Tag::Article.into(),
        StructKind::Title => heading(1),
        StructKind::Heading(l) => heading(u16::from(*l) + 1),
        StructKind::P => Tag::P.into(),
        StructKind::L => Tag::L(ListNumbering::None).into(),
        StructKind::LI => Tag::LI.into(),
        StructKind::Lbl => Tag::Lbl.into(),
        StructKind::LBody => Tag::LBody.into(),
        StructKind::Table => Tag::Table.into(),
        StructKind::TR => Tag::TR.into(),
        StructKind::TH => Tag::TH(TableHeaderScope::Column).into(),
        StructKind::TD => Tag::TD.into(),
        StructKind::Figure { alt } => Tag::Figure(Some(alt.clone())).into(),
        StructKind::Note => Tag::Note.into(),
        StructKind::Code => Tag::Code.into(),
        StructKind::Caption => Tag::Caption.into(),
        StructKind::Quote => Tag::BlockQuote.into(),
        StructKind::Link => Tag::Link.into(),
    }
}

/// The drawn text of a node (its own content, then its children's), for heading titles.
fn text_of(n: &StructNode, texts: &HashMap<TagId, String>) -> String {
    let mut out = String::new();
    for c in &n.children {
        match c {
            StructChild::Content(t) => out.push_str(texts.get(t).map_or("", String::as_str)),
            StructChild::Node(child) => out.push_str(&text_of(child, texts)),
        }
    }
    out
}
