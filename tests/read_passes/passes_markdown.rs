//! The passes on the real Markdown reader's output (structure inference off, as for
//! Markdown by default): T26 exclusions, ids kept, Latin sentences and tables untouched.

use crate::support::fixture;
use paiban::ast::{map_inlines, visit_blocks, visit_inlines, Block, Document, Inline};
use paiban::log::Log;
use paiban::passes::{self, flat::plain, PassOptions};
use paiban::read::{read_file, ReadOptions};

fn load() -> Document {
    let path = fixture("read/features.md");
    let doc = read_file(&path, &ReadOptions::default()).expect("features.md reads");
    let opts = PassOptions {
        cleanup: true,
        infer_structure: false,
    };
    passes::run(doc, &opts, &mut Log::default())
}

fn texts(doc: &Document) -> Vec<String> {
    let mut d = doc.clone();
    let mut out = Vec::new();
    map_inlines(&mut d, &mut |seq, _| out.push(plain(seq)));
    out
}

#[test]
fn markdown_heading_ids_kept_and_assigned() {
    let doc = load();
    let mut ids = Vec::new();
    visit_blocks(&doc, &mut |b| {
        if let Block::Heading(h) = b {
            ids.push(h.id.clone());
        }
    });
    assert_eq!(ids[0], "top", "reader's id kept");
    assert!(ids.iter().all(|i| !i.is_empty()));
}

#[test]
fn t26_code_links_and_latin_sentences_untouched() {
    let doc = load();
    let all = texts(&doc);
    assert!(all
        .iter()
        .any(|t| t.contains("He said: \"Stay hungry, stay foolish.\"")));
    let mut codes = Vec::new();
    let mut urls = Vec::new();
    let mut d = doc.clone();
    map_inlines(&mut d, &mut |seq, _| {
        visit_inlines(seq, &mut |i| match i {
            Inline::Code(c) => codes.push(c.clone()),
            Inline::Link(l) => urls.push(l.url.clone()),
            _ => {}
        })
    });
    assert!(codes.contains(&"a,b:c".to_string()));
    assert!(urls.contains(&"https://example.com/a?b=1,c:2".to_string()));
    let mut blocks_code = Vec::new();
    visit_blocks(&doc, &mut |b| {
        if let Block::Code(c) = b {
            blocks_code.push(c.text.clone());
        }
    });
    assert!(blocks_code[0].contains("println!(\"{}\", \"a,b:c\");   // tab and spaces kept"));
    // The table's number keeps its thousands separator.
    assert!(all.iter().any(|t| t == "1,234"));
    // T6 strong spans survive: no stray `**` removal inside real markup.
    assert!(all
        .iter()
        .any(|t| t.starts_with("这是“重点”内容，不如人意的《李茶的姑妈》已经下架。")));
}
