//! Fuzz the plain-text reader and every pass: any bytes give a document or a typed error,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paiban::log::Log;
use paiban::passes::{self, PassOptions};
use paiban::read::{read_bytes, InputFormat};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = read_bytes(data, Path::new("fuzz.txt"), InputFormat::Text, None) {
        let _ = passes::run(doc, &PassOptions::default(), &mut Log::default());
    }
});
