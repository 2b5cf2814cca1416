//! Plain-text reader and decoding on the reference input (issue 2, T1).

use crate::support::{fixture, sample_path};
use paiban::ast::{plain_text, Block, Document, Inline};
use paiban::read::{read_bytes, read_file, InputFormat, ReadOptions};
use paiban::Error;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn sample() -> (PathBuf, Vec<u8>) {
    let path = sample_path();
    let bytes = std::fs::read(&path).expect("tests/fixtures/yiwu.txt is part of the repository");
    (path, bytes)
}

fn paras(doc: &Document) -> Vec<(usize, String)> {
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Para(p) => (p.line, plain_text(&p.content)),
            other => panic!("the text reader made a non-paragraph block: {other:?}"),
        })
        .collect()
}

fn read_text(bytes: &[u8], name: &str) -> Document {
    read_bytes(bytes, Path::new(name), InputFormat::Text, None)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Lines checked by hand in the sample: every non-blank line starts a paragraph,
/// because 50, 59, 62, 65, 74, 76, 78, 83 and 86 begin with a space (T1) and 75, 77 with `- `.
const YIWU_LINES: &[usize] = &[
    3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 50,
    52, 54, 56, 58, 59, 61, 62, 64, 65, 67, 69, 71, 73, 74, 75, 76, 77, 78, 80, 82, 83, 85, 86, 88,
];

#[test]
fn t1_yiwu_paragraphs_and_lines() {
    let (path, _) = sample();
    let doc = read_file(&path, &ReadOptions::default()).unwrap();
    assert_eq!(doc.meta.source.as_deref(), Some(path.as_path()));
    assert_eq!(doc.meta.language, "zh-CN");
    assert!(doc.notes.is_empty());
    let p = paras(&doc);
    let lines: Vec<usize> = p.iter().map(|x| x.0).collect();
    assert_eq!(lines, YIWU_LINES);
    let text = |line: usize| p.iter().find(|x| x.0 == line).unwrap().1.clone();
    // Leading space stripped, the two bylines are two paragraphs.
    assert_eq!(text(49), "吴伟华 中共义乌市委党校副校长");
    assert_eq!(text(50), "徐应红 中共义乌市委党校校委委员");
    assert!(text(58).starts_with("1. “五个结合”是顶层方法论"));
    assert!(text(59).starts_with("推进中国式现代化"));
    // Unpaired `**` and the stray `- ` stay for the passes.
    assert!(text(73).starts_with("- 锚定全局") && text(73).ends_with("跃升**"));
    assert!(text(74).starts_with("对标落实"));
    // The paragraph broken by a blank line (78 / 80) is not repaired here.
    assert!(text(78).ends_with("必然要求经"));
    assert!(text(80).starts_with("济、民生"));
}

#[test]
fn yiwu_paired_bold_is_strong() {
    let (path, bytes) = sample();
    let doc = read_bytes(&bytes, &path, InputFormat::Text, None).unwrap();
    let para82 = doc.blocks.iter().find(|b| b.line() == 82).unwrap();
    let Block::Para(p) = para82 else {
        panic!("line 82 is not a paragraph")
    };
    assert_eq!(
        p.content,
        vec![
            Inline::Text("4. ".into()),
            Inline::Strong(vec![Inline::Text(
                "明晰边界协同赋能,实现基层治理效能跃升".into()
            )]),
        ]
    );
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let bytes = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&bytes);
    }
    out
}

#[test]
fn other_encodings_give_the_same_ast() {
    let (_, bytes) = sample();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let reference = read_text(&bytes, "yiwu.txt");
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable, "the sample is representable in GB18030");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&bytes);
    let crlf = text.replace('\n', "\r\n");
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("gb18030", gb.into_owned()),
        ("utf-16le", utf16(&text, false)),
        ("utf-16be", utf16(&text, true)),
        ("utf-8 bom", bom),
        ("crlf", crlf.into_bytes()),
        ("cr", text.replace('\n', "\r").into_bytes()),
    ];
    for (name, data) in variants {
        let doc = read_text(&data, "yiwu.txt");
        assert_eq!(doc, reference, "{name} copy differs from the UTF-8 file");
    }
}

#[test]
fn encoding_override() {
    let (_, bytes) = sample();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let forced = read_bytes(&gbk, Path::new("a.txt"), InputFormat::Text, Some("gbk")).unwrap();
    assert_eq!(forced, read_text(&bytes, "a.txt"));
    let err = read_bytes(
        &bytes,
        Path::new("a.txt"),
        InputFormat::Text,
        Some("no-such"),
    )
    .unwrap_err();
    assert!(
        matches!(err, Error::UnknownEncoding(ref n) if n == "no-such"),
        "{err}"
    );
}

#[test]
fn binary_input_is_a_decode_error_naming_the_file() {
    let path = fixture("read/tiny.png");
    let opts = ReadOptions {
        from: Some(InputFormat::Text),
        encoding: None,
        ..ReadOptions::default()
    };
    let err = read_file(&path, &opts).unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("tiny.png"), "{msg}");
    assert!(msg.contains("binary data (NUL byte at offset"), "{msg}");
    assert!(msg.contains("not a text file"), "{msg}");
}

fn han(s: &str) -> String {
    s.chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect()
}

proptest! {
    /// The text reader never loses or reorders Han characters of its input.
    #[test]
    fn text_reader_keeps_han_in_order(
        s in "([一二三甲乙丙中文]|[ \u{3000}\t\n*\\-。，a1]){0,200}"
    ) {
        let doc = read_text(s.as_bytes(), "p.txt");
        let mut all = String::new();
        for (_, t) in paras(&doc) {
            all.push_str(&t);
        }
        prop_assert_eq!(han(&all), han(&s));
    }
}
