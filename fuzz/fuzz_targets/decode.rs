//! Fuzz the byte decoder (BOM sniffing, encoding detection, binary rejection): any bytes
//! give text or a typed error, never a panic; the text it returns has
//! LF line ends and no control characters, as the readers and XML writers rely on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paiban::read::decode;
use std::path::Path;

/// Encodings a user may name with `--encoding`, chosen by the input's first byte; most
/// inputs go through detection.
const FORCED: [&str; 5] = ["utf-8", "gb18030", "big5", "utf-16le", "utf-16be"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let encoding = FORCED.get(usize::from(selector) % 16).copied();
    if let Ok(text) = decode(body, Path::new("fuzz.txt"), encoding) {
        // The readers count lines on LF only and write the text into XML.
        assert!(!text.contains('\r'), "a CR survived newline normalisation");
        assert!(
            text.chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t'),
            "a control character survived decoding"
        );
    }
});
