//! Fuzz the whole pipeline to DOCX in memory: any bytes give DOCX bytes or a typed error,
//! never a panic, hang or abort.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| paiban_fuzz::convert(data, "docx"));
