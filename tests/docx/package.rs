//! Package-level checks of the DOCX backend (issue 5), run on every fixture: well-formed
//! parts, resolvable relationships, complete content types, deterministic bytes.

use crate::support::docx::{build, harness};
use harness::{part, render, render_with, unzip};
use paiban::backend::RenderOptions;
use quick_xml::events::Event;
use std::collections::BTreeSet;

fn well_formed(name: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{name}: not UTF-8"));
    let mut r = quick_xml::Reader::from_str(text);
    let mut depth = 0i32;
    let mut roots = 0;
    loop {
        match r.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(_)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Empty(_)) if depth == 0 => roots += 1,
            Ok(_) => {}
            Err(e) => panic!("{name}: {e}"),
        }
    }
    assert_eq!((depth, roots), (0, 1), "{name}: unbalanced or not one root");
}

fn attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key.as_bytes())
        .map(|a| a.unescape_value().unwrap().into_owned())
}

/// Resolves `target` against the folder of the part that owns `rels_name`.
fn resolve(rels_name: &str, target: &str) -> String {
    let owner_dir = rels_name
        .strip_suffix(".rels")
        .and_then(|s| s.rsplit_once("_rels/"))
        .map(|(dir, _)| dir.to_string())
        .unwrap();
    let mut segs: Vec<&str> = owner_dir.split('/').filter(|s| !s.is_empty()).collect();
    for s in target.trim_start_matches('/').split('/') {
        match s {
            ".." => {
                segs.pop();
            }
            "." => {}
            s => segs.push(s),
        }
    }
    segs.join("/")
}

/// Asserts that `bytes` is a consistent package: content types, resolvable relationships,
/// well-formed XML parts, the required parts.
pub(crate) fn check_package(fixture: &str, bytes: &[u8]) {
    let files = unzip(bytes);
    assert_eq!(
        files[0].0, "[Content_Types].xml",
        "{fixture}: content types first"
    );
    let names: BTreeSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let mut defaults = BTreeSet::new();
    let mut overrides = BTreeSet::new();
    let ct = String::from_utf8(files[0].1.clone()).unwrap();
    let mut r = quick_xml::Reader::from_str(&ct);
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Empty(e) if e.name().as_ref() == b"Default" => {
                defaults.insert(attr(&e, "Extension").unwrap().to_ascii_lowercase());
            }
            Event::Empty(e) if e.name().as_ref() == b"Override" => {
                let p = attr(&e, "PartName").unwrap();
                assert!(
                    names.contains(&p[1..]),
                    "{fixture}: override for missing part {p}"
                );
                overrides.insert(p[1..].to_string());
            }
            _ => {}
        }
    }
    for (name, data) in &files {
        let ext = name.rsplit('.').next().unwrap().to_ascii_lowercase();
        if name != "[Content_Types].xml" {
            assert!(
                overrides.contains(name) || defaults.contains(&ext),
                "{fixture}: {name} has no content type"
            );
        }
        if ext == "xml" || ext == "rels" {
            well_formed(&format!("{fixture}:{name}"), data);
        }
        if ext == "rels" {
            let text = String::from_utf8(data.clone()).unwrap();
            let mut r = quick_xml::Reader::from_str(&text);
            loop {
                match r.read_event().unwrap() {
                    Event::Eof => break,
                    Event::Empty(e) if e.name().as_ref() == b"Relationship" => {
                        if attr(&e, "TargetMode").as_deref() == Some("External") {
                            continue;
                        }
                        let target = resolve(name, &attr(&e, "Target").unwrap());
                        assert!(
                            names.contains(&target),
                            "{fixture}: {name} → missing {target}"
                        );
                    }
                    _ => {}
                }
            }
        }
    }
    for required in [
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        assert!(names.contains(required), "{fixture}: {required} missing");
    }
}

#[test]
fn every_fixture_is_a_consistent_package() {
    for (name, doc) in build::all() {
        check_package(name, &render(&doc));
    }
}

#[test]
fn the_sample_is_a_consistent_package() {
    let doc = crate::support::load(&crate::support::sample_path());
    check_package("sample", &render(&doc));
    let toc = RenderOptions {
        toc: true,
        ..RenderOptions::default()
    };
    check_package("sample --toc", &render_with(&doc, &toc).0);
    assert_eq!(
        render(&doc),
        render(&doc),
        "sample bytes differ between runs"
    );
}

#[test]
fn output_is_deterministic() {
    for (name, doc) in build::all() {
        assert_eq!(render(&doc), render(&doc), "{name}");
    }
}

#[test]
fn dates_only_from_source_date_epoch() {
    let doc = build::articles();
    let core = part(&render(&doc), "docProps/core.xml");
    assert!(!core.contains("dcterms:created"), "{core}");
    let opts = RenderOptions {
        source_date_epoch: Some(1_700_000_000),
        ..RenderOptions::default()
    };
    let core = part(&render_with(&doc, &opts).0, "docProps/core.xml");
    assert!(
        core.contains(">2023-11-14T22:13:20Z</dcterms:created>"),
        "{core}"
    );
}

#[test]
fn core_properties_carry_title_creators_language_subject() {
    let core = part(&render(&build::articles()), "docProps/core.xml");
    assert!(
        core.contains("<dc:title>坚持和深化“义乌发展经验”"),
        "{core}"
    );
    assert!(
        core.contains("<dc:creator>吴伟华; 徐应红; 汪旺旺</dc:creator>"),
        "{core}"
    );
    assert!(core.contains("<dc:language>zh-CN</dc:language>"), "{core}");
    assert!(
        core.contains("<dc:subject>深学笃行重要指示精神</dc:subject>"),
        "{core}"
    );
}

#[test]
fn parts_only_when_needed() {
    let plain = unzip(&render(&build::table()));
    let names: Vec<&str> = plain.iter().map(|(n, _)| n.as_str()).collect();
    assert!(!names.contains(&"word/footnotes.xml") && !names.contains(&"word/numbering.xml"));
    let notes = unzip(&render(&build::footnotes()));
    assert!(notes.iter().any(|(n, _)| n == "word/footnotes.xml"));
    assert!(notes
        .iter()
        .any(|(n, _)| n == "word/_rels/footnotes.xml.rels"));
    let img = unzip(&render(&build::image()));
    // One file for two uses of the same image, one for the wide one; the missing one is left out.
    let media: Vec<&str> = img
        .iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| n.starts_with("word/media/"))
        .collect();
    assert_eq!(media, ["word/media/image1.png", "word/media/image2.png"]);
}
