//! Bytes → text: BOM sniffing, UTF-8, UTF-16, GB18030/GBK detection, binary rejection,
//! newline normalisation (CRLF/CR → LF, so line numbers stay the same for every input).

use crate::error::{Error, Result};
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::path::Path;

/// Decodes `bytes` read from `path` to text with LF line ends and no BOM.
///
/// `encoding` is the `--encoding` override (an encoding_rs / WHATWG label such as `gbk`,
/// `gb18030`, `utf-16le`); without it the encoding is detected.
pub fn decode(bytes: &[u8], path: &Path, encoding: Option<&str>) -> Result<String> {
    let fail_at = |line: usize, reason: String| Error::Decode {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let fail = |reason: String| fail_at(0, reason);
    let (enc, body) = match encoding {
        Some(name) => {
            let enc = Encoding::for_label_no_replacement(name.trim().as_bytes())
                .ok_or_else(|| Error::UnknownEncoding(name.to_string()))?;
            // A BOM that agrees with the requested encoding is not content.
            match Encoding::for_bom(bytes) {
                Some((bom_enc, len)) if bom_enc == enc => (enc, &bytes[len..]),
                _ => (enc, bytes),
            }
        }
        None => match Encoding::for_bom(bytes) {
            Some((enc, len)) => (enc, &bytes[len..]),
            None => (detect(bytes).map_err(fail)?, bytes),
        },
    };
    let text = decode_strict(enc, body).map_err(|offset| {
        fail_at(
            line_of(enc, body, offset),
            format!(
                "not valid {} text (malformed byte sequence at offset {}): name the file's \
                 encoding with --encoding NAME (e.g. gb18030, big5, utf-16le)",
                enc.name(),
                offset + (bytes.len() - body.len())
            ),
        )
    })?;
    check_text(&text, bytes, enc).map_err(fail)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut text = normalize_newlines(text);
    // The few control characters a text file may carry are invalid in XML (EPUB, DOCX)
    // and invisible in print: drop them. So are the noncharacters U+FDD0–U+FDEF, which the
    // Markdown reader uses as an internal marker.
    // Most text has none of them: a byte scan says so without rebuilding the string
    // (issue 12: the character-by-character rebuild was ~1 ms of a 200 KB input).
    if has_dropped_chars(text.as_bytes()) {
        text.retain(|c| {
            (!c.is_control() || c == '\n' || c == '\t') && !('\u{FDD0}'..='\u{FDEF}').contains(&c)
        });
    }
    Ok(text)
}

/// Whether `--encoding NAME` names an encoding [`decode`] knows (checked before any file
/// is read, so a typo is one usage error rather than one failure per file).
pub fn is_known_encoding(name: &str) -> bool {
    Encoding::for_label_no_replacement(name.trim().as_bytes()).is_some()
}

/// The 1-based line of byte `offset` of `body` in encoding `enc` (LF counted as a byte in
/// ASCII-compatible encodings, as a code unit in UTF-16).
fn line_of(enc: &'static Encoding, body: &[u8], offset: usize) -> usize {
    let before = &body[..offset.min(body.len())];
    let newlines = if enc == UTF_16LE || enc == UTF_16BE {
        let lf: [u8; 2] = if enc == UTF_16LE {
            [b'\n', 0]
        } else {
            [0, b'\n']
        };
        before.chunks_exact(2).filter(|u| *u == lf).count()
    } else {
        before.iter().filter(|&&b| b == b'\n').count()
    };
    newlines + 1
}

/// What to do about an input that is not text.
const NOT_TEXT_HINT: &str = "leave it out (paiban converts text files only)";

/// Guesses the encoding of BOM-less input, or says why it is not text.
fn detect(bytes: &[u8]) -> std::result::Result<&'static Encoding, String> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        // NUL bytes are normal only in UTF-16; accept BOM-less UTF-16 when every NUL
        // sits on the same byte of its code unit and the result decodes cleanly.
        if let Some(enc) = bomless_utf16(bytes) {
            return Ok(enc);
        }
        return Err(format!(
            "binary data (NUL byte at offset {nul}), not a text file: {NOT_TEXT_HINT}"
        ));
    }
    // encoding_rs's check, the same strict UTF-8 as `str::from_utf8`, is several times
    // faster on CJK text (issue 12).
    if Encoding::utf8_valid_up_to(bytes) == bytes.len() {
        return Ok(UTF_8);
    }
    if mostly_utf8(bytes) {
        // A UTF-8 file with a few broken bytes: report them rather than guess a legacy
        // encoding and silently produce mojibake.
        return Ok(UTF_8);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // The `cn` hint makes the detector prefer GBK (decoded as GB18030 by encoding_rs)
    // over Big5 / Shift_JIS for Chinese input.
    Ok(detector.guess(Some(b"cn"), Utf8Detection::Allow))
}

/// True when invalid UTF-8 is rare compared with valid multi-byte characters.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            bad += 1;
        }
    }
    good >= 10 * bad.max(1)
}

/// BOM-less UTF-16. When every NUL byte is at an odd offset (LE) or every one at an even
/// offset (BE), that byte order is tried first. NULs on both sides are normal too: ASCII has
/// its NUL in the high byte, while U+xx00 characters such as 一 (U+4E00) and 最 (U+6700) have
/// it in the low byte; then both orders are decoded and the one that reads more like text wins.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let nul_even = bytes.iter().step_by(2).any(|&b| b == 0);
    let nul_odd = bytes.iter().skip(1).step_by(2).any(|&b| b == 0);
    let decodes = |enc: &'static Encoding| {
        let text = decode_strict(enc, bytes).ok()?;
        check_text(&text, bytes, enc).ok()?;
        Some(text)
    };
    match (nul_even, nul_odd) {
        (false, true) => decodes(UTF_16LE).map(|_| UTF_16LE),
        (true, false) => decodes(UTF_16BE).map(|_| UTF_16BE),
        _ => {
            let le = decodes(UTF_16LE).map(|t| text_likeness(&t));
            let be = decodes(UTF_16BE).map(|t| text_likeness(&t));
            match (le, be) {
                (Some(l), Some(b)) => Some(if l >= b { UTF_16LE } else { UTF_16BE }),
                (Some(_), None) => Some(UTF_16LE),
                (None, Some(_)) => Some(UTF_16BE),
                (None, None) => None,
            }
        }
    }
}

/// How many characters of `text` are of the kinds Chinese and English text is made of
/// (ASCII, CJK ideographs and punctuation, full-width forms). The byte-swapped reading of
/// such text turns most of them into characters from unrelated scripts.
fn text_likeness(text: &str) -> usize {
    text.chars()
        .filter(|&c| {
            c.is_ascii_graphic()
                || c.is_ascii_whitespace()
                || matches!(c, '\u{3000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
        })
        .count()
}

/// Decodes without replacement; on a malformed sequence returns its byte offset.
fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> std::result::Result<String, usize> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut out = String::with_capacity(cap);
    let mut read_total = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            DecoderResult::InputEmpty => return Ok(out),
            DecoderResult::OutputFull => out.reserve(bytes.len() - read_total + 16),
            DecoderResult::Malformed(bad, extra) => {
                return Err(read_total - bad as usize - extra as usize)
            }
        }
    }
}

/// Rejects decoded text that is really binary: NUL characters, or many control characters.
fn check_text(text: &str, bytes: &[u8], enc: &'static Encoding) -> std::result::Result<(), String> {
    // Decoded text is UTF-8 whatever the input's encoding: its bytes say what its
    // characters are (U+0000 is the byte 0, U+0080–U+009F the bytes C2 80–C2 9F), and a
    // scan of bytes is several times faster than one of chars (issue 12).
    let utf8 = text.as_bytes();
    if utf8.contains(&0) {
        let idx = text.chars().position(|c| c == '\0').unwrap_or(0);
        let offset = if enc == UTF_16LE || enc == UTF_16BE {
            // Code-unit position; exact for BMP text, which is what binary garbage looks like.
            idx * 2
        } else {
            bytes.iter().position(|&b| b == 0).unwrap_or(idx)
        };
        return Err(format!(
            "binary data (NUL byte at offset {offset}), not a text file: {NOT_TEXT_HINT}"
        ));
    }
    let total = text.chars().count();
    let mut controls = 0;
    control_candidates(utf8, |i| {
        controls += usize::from(is_binary_control_byte(utf8[i]) || is_c1_at(utf8, i));
    });
    // Copy-pasted text may carry a stray control character or two; binary data has many.
    if controls > total / 50 + 2 {
        return Err(format!(
            "binary data ({controls} control characters in {total}), not a text file: \
             {NOT_TEXT_HINT}"
        ));
    }
    Ok(())
}

/// The one-byte C0 controls (and DEL) that never occur in text: tab, LF, CR, form feed
/// and ESC are allowed. With C1 (U+0080–U+009F, two bytes in UTF-8) they are the controls
/// that tell binary data from text.
fn is_binary_control_byte(b: u8) -> bool {
    matches!(b, 0x01..=0x08 | 0x0B | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// Whether the UTF-8 bytes at `i` are a C1 control (U+0080–U+009F: C2 80–C2 9F).
fn is_c1_at(text: &[u8], i: usize) -> bool {
    text[i] == 0xC2 && text.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n))
}

/// Calls `f` with the index of every byte of UTF-8 `text` where a control character can
/// start: below 0x20, DEL, or C2 (the lead byte of U+0080–U+00BF). Text has few of them
/// (a line feed per line), so the bytes are tested a block at a time with a test the
/// compiler vectorises, and only a block that has one is looked at byte by byte.
fn control_candidates(text: &[u8], mut f: impl FnMut(usize)) {
    const BLOCK: usize = 64;
    let candidate = |b: u8| (b < 0x20) | (b == 0x7F) | (b == 0xC2);
    for (k, block) in text.chunks(BLOCK).enumerate() {
        if block.iter().fold(false, |any, &b| any | candidate(b)) {
            for (j, &b) in block.iter().enumerate() {
                if candidate(b) {
                    f(k * BLOCK + j);
                }
            }
        }
    }
}

/// Whether UTF-8 `text` holds a character [`decode`] drops: a control character other than
/// LF and tab (C0, DEL, C1 = C2 80–C2 9F), or a noncharacter U+FDD0–U+FDEF (EF B7 90–EF B7 AF).
fn has_dropped_chars(text: &[u8]) -> bool {
    let mut control = false;
    control_candidates(text, |i| {
        let b = text[i];
        control |= (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F || is_c1_at(text, i);
    });
    control
        || memchr::memmem::find_iter(text, b"\xEF\xB7")
            .any(|i| text.get(i + 2).is_some_and(|n| (0x90..=0xAF).contains(n)))
}

/// CRLF and lone CR become LF; every other character is kept.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8], enc: Option<&str>) -> Result<String> {
        decode(bytes, Path::new("in.txt"), enc)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(dec("中文".as_bytes(), None).unwrap(), "中文");
        assert_eq!(dec(b"\xEF\xBB\xBFabc", None).unwrap(), "abc");
        assert_eq!(dec(b"\xEF\xBB\xBFabc", Some("utf-8")).unwrap(), "abc");
    }

    #[test]
    fn utf16_with_bom_and_without() {
        // encoding_rs never encodes to UTF-16 (WHATWG), so build the bytes by hand.
        let units: Vec<u16> = "甲乙a\r\nb".encode_utf16().collect();
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in &units {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(dec(&le, None).unwrap(), "甲乙a\nb");
        assert_eq!(dec(&be, None).unwrap(), "甲乙a\nb");
        assert_eq!(dec(&le[2..], None).unwrap(), "甲乙a\nb");
        assert_eq!(dec(&be[2..], None).unwrap(), "甲乙a\nb");
    }

    #[test]
    fn bomless_utf16_with_nul_low_bytes() {
        // 一 U+4E00 and 最 U+6700 put a NUL on the other byte than ASCII does.
        let text = "一个\n最后 a1\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(dec(&le, None).unwrap(), text);
        assert_eq!(dec(&be, None).unwrap(), text);
    }

    #[test]
    fn gbk_detected() {
        let text = "坚持和深化“义乌发展经验”，加快打造中国式现代化县域典范。习近平总书记对进一步总结好、运用好“义乌发展经验”作出重要指示。";
        let (gbk, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(dec(&gbk, None).unwrap(), text);
    }

    #[test]
    fn short_and_mostly_ascii_gbk_detected() {
        for text in ["你好世界", "中文", "Version 2.0 发布说明\nAuthor: Li\n"] {
            let (gbk, _, _) = encoding_rs::GBK.encode(text);
            assert_eq!(dec(&gbk, None).unwrap(), text);
        }
    }

    #[test]
    fn gb18030_four_byte_sequences() {
        let text = "吉祥的𠮷字和€符号，还有䶮、〇等字。这些都属于中文汉字。";
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
        assert!(!unmappable);
        assert!(
            bytes.len() > text.chars().count() * 2,
            "has 4-byte sequences"
        );
        assert_eq!(dec(&bytes, None).unwrap(), text);
    }

    #[test]
    fn stray_controls_dropped() {
        assert_eq!(dec(b"a\x0cb\x01c\td\x1be", None).unwrap(), "abc\tde");
        assert_eq!(dec("a\u{FDD0}b".as_bytes(), None).unwrap(), "ab");
    }

    /// The byte scans of decoded text (issue 12) say what the character definitions say.
    mod byte_scans {
        use super::super::*;
        use proptest::prelude::*;

        fn dropped(c: char) -> bool {
            (c.is_control() && c != '\n' && c != '\t') || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        }

        fn binary_control(c: char) -> bool {
            matches!(c, '\u{1}'..='\u{8}' | '\u{B}' | '\u{E}'..='\u{1A}' | '\u{1C}'..='\u{1F}'
                | '\u{7F}'..='\u{9F}')
        }

        /// Text of the characters near every edge the scans test, and others.
        fn text() -> impl Strategy<Value = String> {
            let near = prop_oneof![
                0u32..0xA0,
                0xFDC0u32..0xFE00,
                0xFF00u32..0xFF10,
                0x4E00u32..0x4E10,
                0u32..0x11_0000,
            ];
            prop::collection::vec(near.prop_filter_map("a char", char::from_u32), 0..120)
                .prop_map(|cs| cs.into_iter().collect())
        }

        proptest! {
            #[test]
            fn scans_agree_with_the_characters(s in text()) {
                prop_assert_eq!(has_dropped_chars(s.as_bytes()), s.chars().any(dropped));
                let controls = s.chars().filter(|&c| binary_control(c)).count();
                let total = s.chars().count();
                let expected = if s.contains('\0') {
                    Some("NUL")
                } else if controls > total / 50 + 2 {
                    Some("control characters")
                } else {
                    None
                };
                match (check_text(&s, s.as_bytes(), UTF_8), expected) {
                    (Ok(()), None) => {}
                    (Err(e), Some(what)) => prop_assert!(e.contains(what), "{}", e),
                    (got, want) => prop_assert!(false, "{:?} for {:?}, expected {:?}", got, s, want),
                }
            }
        }
    }

    #[test]
    fn override_and_unknown_name() {
        let (gbk, _, _) = encoding_rs::GBK.encode("中文");
        assert_eq!(dec(&gbk, Some("GB18030")).unwrap(), "中文");
        assert!(matches!(
            dec(b"x", Some("klingon")),
            Err(Error::UnknownEncoding(n)) if n == "klingon"
        ));
    }

    #[test]
    fn binary_rejected() {
        let err = dec(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", None).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("in.txt"), "{msg}");
        assert!(msg.contains("NUL byte at offset 8"), "{msg}");
        let controls: Vec<u8> = (1u8..40).collect();
        assert!(dec(&controls, None)
            .unwrap_err()
            .to_string()
            .contains("control"));
    }

    #[test]
    fn broken_utf8_reported() {
        let mut bytes = "中文中文中文中文中文中文中文".as_bytes().to_vec();
        bytes.insert(6, 0xFF);
        let msg = dec(&bytes, None).unwrap_err().to_string();
        assert!(msg.contains("UTF-8") && msg.contains("offset 6"), "{msg}");
    }

    #[test]
    fn newlines_normalised() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
