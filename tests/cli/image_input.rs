//! Issue 9, reliability: images a hostile document points at (cases 4, 5 and 7, one test
//! each, named after the case). Images, FIFOs and folders are made at test time.

use crate::support::{pdf, unzip};
use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn paiban() -> Command {
    let mut cmd = Command::cargo_bin("paiban").expect("binary built");
    // A FIFO or /dev/zero must never make paiban wait or read forever.
    cmd.timeout(Duration::from_secs(20));
    cmd
}

/// A real `w` × `h` grey PNG, encoded with the `png` crate.
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut enc = png::Encoder::new(&mut bytes, w, h);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    let mut writer = enc.write_header().unwrap();
    writer
        .write_image_data(&vec![128; (w * h) as usize])
        .unwrap();
    writer.finish().unwrap();
    bytes
}

/// One PNG chunk: length, type, data and the CRC over type and data.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend(crc.sum().to_be_bytes());
    out
}

/// A PNG made by hand: a header claiming `w` × `h` 8-bit grey pixels and `idat` as its
/// (only) image data chunk, every CRC correct.
fn png_by_hand(w: u32, h: u32, idat: &[u8]) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    out.extend(chunk(b"IDAT", idat));
    out.extend(chunk(b"IEND", &[]));
    out
}

/// The images inside a PDF (`pdfimages -list`, after its two header lines).
fn pdf_images(file: &Path) -> usize {
    pdf::run("pdfimages", &["-list", file.to_str().unwrap()])
        .lines()
        .skip(2)
        .count()
}

/// The parts of a zip (EPUB, DOCX) whose names start with `prefix`.
fn zip_parts(file: &Path, prefix: &str) -> Vec<String> {
    unzip(&std::fs::read(file).unwrap())
        .into_keys()
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Runs `paiban convert` on `doc` into `out` with `extra` arguments; returns (exit code,
/// stderr).
fn convert(doc: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let output = paiban()
        .arg("convert")
        .arg(doc)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .expect("paiban runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Warning lines of `stderr` about `doc.md` line `line`.
fn warnings_at(stderr: &str, line: usize) -> Vec<&str> {
    let place = format!("doc.md:{line}: warning:");
    stderr.lines().filter(|l| l.contains(&place)).collect()
}

fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo (coreutils) is needed for this test; install it");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn case04_images_from_outside_the_input_tree_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (docs, outside) = (tmp.path().join("docs"), tmp.path().join("outside"));
    std::fs::create_dir_all(docs.join("img")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let secret = outside.join("secret.png");
    std::fs::write(&secret, png(4, 4)).unwrap();
    std::os::unix::fs::symlink(&secret, docs.join("img/link.png")).unwrap();
    // A text file that mentions `<svg` is not an SVG image.
    std::fs::write(docs.join("notes.svg"), "draw it with an <svg> element\n").unwrap();
    std::fs::write(docs.join("img/ok.png"), png(4, 4)).unwrap();
    let doc = docs.join("doc.md");
    std::fs::write(
        &doc,
        format!(
            "# 图\n\n![上级](../outside/secret.png)\n\n![绝对]({})\n\n![链接](img/link.png)\n\n![文本](notes.svg)\n\n![好图](img/ok.png)\n",
            secret.display()
        ),
    )
    .unwrap();
    let out = tmp.path().join("out");
    let (code, stderr) = convert(&doc, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    // Each refused image: one warning for the three formats (case 14), on its source
    // line, naming the image.
    for (line, name) in [(3, "secret.png"), (5, "secret.png"), (7, "link.png")] {
        let w = warnings_at(&stderr, line);
        assert_eq!(w.len(), 1, "line {line}: {stderr}");
        assert!(
            w.iter()
                .all(|l| l.contains(name) && l.contains("--resource-path")),
            "line {line}: {stderr}"
        );
    }
    assert_eq!(warnings_at(&stderr, 9).len(), 1, "notes.svg: {stderr}");
    // Only the good image is embedded, in every format; the others give their alt text.
    assert_eq!(pdf_images(&out.join("doc.pdf")), 1);
    assert_eq!(zip_parts(&out.join("doc.epub"), "EPUB/images/").len(), 1);
    assert_eq!(zip_parts(&out.join("doc.docx"), "word/media/").len(), 1);
    let text = pdf::run("pdftotext", &[out.join("doc.pdf").to_str().unwrap(), "-"]);
    assert!(text.contains("上级") && text.contains("链接"), "{text}");

    // Allowed with --resource-path: the outside folder's images are embedded, and a bare
    // name is looked up there too.
    std::fs::write(
        &doc,
        "# 图\n\n![上级](../outside/secret.png)\n\n![名字](secret.png)\n",
    )
    .unwrap();
    let out2 = tmp.path().join("out2");
    let dir = outside.to_str().unwrap();
    let (code, stderr) = convert(&doc, &out2, &["--resource-path", dir]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert!(pdf_images(&out2.join("doc.pdf")) >= 1);
    assert_eq!(zip_parts(&out2.join("doc.epub"), "EPUB/images/").len(), 2);
    // A missing --resource-path folder is a usage error.
    let (code, stderr) = convert(&doc, &out2, &["--resource-path", "/no/such/dir"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn case05_special_files_and_huge_images_never_hang_or_exhaust_memory() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("docs");
    std::fs::create_dir_all(&dir).unwrap();
    let out = tmp.path().join("out");

    // A FIFO as input: refused at once (opening it would wait for a writer).
    let fifo_doc = dir.join("fifo.md");
    make_fifo(&fifo_doc);
    let (code, stderr) = convert(&fifo_doc, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("fifo.md") && stderr.contains("not a regular file"),
        "{stderr}"
    );
    std::fs::remove_file(&fifo_doc).unwrap();

    // A FIFO, /dev/zero and a 20,000 × 20,000 PNG (a tiny IDAT: nothing must be decoded)
    // as images: each becomes its alt text with a warning; the document is converted.
    make_fifo(&dir.join("pipe.png"));
    std::fs::write(
        dir.join("huge.png"),
        png_by_hand(
            20_000,
            20_000,
            &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
        ),
    )
    .unwrap();
    let doc = dir.join("doc.md");
    std::fs::write(
        &doc,
        "# 图\n\n![管道](pipe.png)\n\n![零](/dev/zero)\n\n![巨图](huge.png)\n",
    )
    .unwrap();
    let (code, stderr) = convert(&doc, &out, &["--resource-path", "/dev"]);
    assert_eq!(code, 0, "{stderr}");
    // One warning each for the three formats (case 14).
    let pipe = warnings_at(&stderr, 3);
    assert_eq!(pipe.len(), 1, "{stderr}");
    assert!(
        pipe.iter().all(|l| l.contains("not a regular file")),
        "{stderr}"
    );
    let zero = warnings_at(&stderr, 5);
    assert_eq!(zero.len(), 1, "{stderr}");
    assert!(zero.iter().all(|l| l.contains("/dev/zero")), "{stderr}");
    let huge = warnings_at(&stderr, 7);
    assert_eq!(huge.len(), 1, "{stderr}");
    assert!(huge.iter().all(|l| l.contains("20000 × 20000")), "{stderr}");
    assert_eq!(pdf_images(&out.join("doc.pdf")), 0);

    // The input size cap: --max-input-size, with a usage error for a bad value.
    let big = dir.join("big.md");
    std::fs::write(&big, "正文。\n".repeat(200)).unwrap();
    let (code, stderr) = convert(&big, &out, &["--max-input-size", "1K"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("big.md") && stderr.contains("--max-input-size"),
        "{stderr}"
    );
    let (code, _) = convert(&big, &out, &["--max-input-size", "4K"]);
    assert_eq!(code, 0);
    for bad in ["0", "lots", "12Q"] {
        let (code, stderr) = convert(&big, &out, &["--max-input-size", bad]);
        assert_eq!(code, 2, "{bad}: {stderr}");
        assert!(stderr.contains("--max-input-size"), "{stderr}");
    }
}

#[test]
fn case07_a_corrupt_image_costs_only_itself_and_formats_fail_independently() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("docs");
    std::fs::create_dir_all(&dir).unwrap();
    // A PNG whose CRCs are right but whose deflate stream is not (block type 3 is invalid).
    std::fs::write(
        dir.join("bad.png"),
        png_by_hand(8, 8, &[0x78, 0x9c, 0xff, 0xff, 0xff, 0xff]),
    )
    .unwrap();
    std::fs::write(dir.join("good.png"), png(6, 3)).unwrap();
    let doc = dir.join("doc.md");
    std::fs::write(&doc, "# 图\n\n![坏图](bad.png)\n\n![好图](good.png)\n").unwrap();
    let out = tmp.path().join("out");
    let (code, stderr) = convert(&doc, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    // One line for the bad image, though all three formats met it (case 14).
    let bad = warnings_at(&stderr, 3);
    assert_eq!(bad.len(), 1, "{stderr}");
    assert!(
        bad.iter()
            .all(|l| l.contains("bad.png") && l.contains("not a valid PNG")),
        "{stderr}"
    );
    assert_eq!(pdf_images(&out.join("doc.pdf")), 1);
    assert_eq!(zip_parts(&out.join("doc.epub"), "EPUB/images/").len(), 1);
    assert_eq!(zip_parts(&out.join("doc.docx"), "word/media/").len(), 1);

    // One format failing (its output path is a folder) never stops the others: EPUB and
    // DOCX are written, the PDF failure is one line naming the file and the format, exit 1.
    let out2 = tmp.path().join("out2");
    std::fs::create_dir_all(out2.join("doc.pdf/x")).unwrap();
    let (code, stderr) = convert(&doc, &out2, &[]);
    assert_eq!(code, 1, "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("doc.md") && errors[0].contains("no pdf written"),
        "{stderr}"
    );
    let written: Vec<PathBuf> = ["doc.epub", "doc.docx"].map(|f| out2.join(f)).into();
    assert!(written.iter().all(|p| p.is_file()), "{stderr}");
}
