//! Issue 9 case 13: memory stays proportional to the input. Peak memory is the resident set
//! of a real `paiban convert` process, read from the kernel when it ends (`wait4`): no
//! timing is measured.

use crate::support::sample_path;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

/// Peak resident memory in MiB of `paiban convert INPUT --to FORMATS -o OUT/`; the
/// conversion must succeed.
#[cfg(unix)]
fn peak_rss_mib(input: &Path, formats: &str, out: &Path) -> f64 {
    let log = out.join("stderr.txt");
    // Reaped by `wait4` below, which (unlike `Child::wait`) returns the child's rusage.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_paiban"))
        .arg("convert")
        .arg(input)
        .args(["--to", formats, "-o"])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(fs::File::create(&log).expect("stderr file"))
        .spawn()
        .expect("paiban runs");
    let pid = libc::pid_t::try_from(child.id()).expect("pid fits");
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child, not yet waited for; the pointers are to live locals.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid, "wait4 failed: {}", std::io::Error::last_os_error());
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "paiban convert {} failed: {}",
        input.display(),
        fs::read_to_string(&log).unwrap_or_default()
    );
    // Linux reports ru_maxrss in KiB.
    usage.ru_maxrss as f64 / 1024.0
}

/// A Chinese Markdown document of at least `bytes` bytes: the sample's paragraphs as
/// headings, body text, bullet and numbered lists, with a table, a code block and a quote
/// per copy, every number bumped so that no two copies are the same.
fn big_markdown(bytes: usize) -> String {
    let sample = fs::read_to_string(sample_path()).expect("sample");
    let paras: Vec<&str> = sample
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let bump = |s: &str, k: usize| -> String {
        let mut out = String::new();
        let mut digits = String::new();
        for c in s.chars().chain(std::iter::once('\0')) {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            if !digits.is_empty() {
                let n: u64 = digits.parse().unwrap_or(0);
                out.push_str(&(n + k as u64).to_string());
                digits.clear();
            }
            if c != '\0' {
                out.push(c);
            }
        }
        out
    };
    let mut doc = String::new();
    let mut k = 0;
    while doc.len() < bytes {
        k += 1;
        doc.push_str(&format!("# 第{k}篇 {}\n\n", bump(paras[0], k)));
        for (i, p) in paras[1..].iter().enumerate() {
            let p = bump(p, k);
            let sentences = p.split('。').filter(|s| !s.trim().is_empty());
            if p.chars().count() < 40 {
                doc.push_str(&format!("## {p}\n\n"));
            } else if i % 7 == 3 {
                sentences.for_each(|s| doc.push_str(&format!("- {s}。\n")));
                doc.push('\n');
            } else if i % 11 == 5 {
                for (n, s) in sentences.enumerate() {
                    doc.push_str(&format!("{}. {s}。\n", n + 1));
                }
                doc.push('\n');
            } else {
                doc.push_str(&format!("{p}\n\n"));
            }
        }
        doc.push_str(&format!(
            "| 项目 | 数值{k} | 说明 |\n|---|---|---|\n| 投资 | {} 亿元 | 同比增长 {}.{}% |\n\n",
            k * 17,
            k % 9,
            k % 7
        ));
        doc.push_str(&format!(
            "```\nfn main() {{ println!(\"copy {k}\"); }}\n```\n\n"
        ));
        doc.push_str(&format!("> 引文 {k}:{}\n\n", bump(paras[1], k)));
    }
    doc
}

/// Before the fix every page's glyphs were held twice until the PDF was done (and each
/// glyph's text was a heap string): ~72 MiB per MiB of Markdown. Now pages are written as
/// they are made: ~26 MiB per MiB. The bound sits between, so a return to holding the
/// pages, or to anything that grows faster than the input, fails here.
#[cfg(unix)]
#[test]
fn case13_memory_grows_linearly() {
    const MIB: usize = 1 << 20;
    /// Extra peak memory allowed per extra MiB of input.
    const MAX_MIB_PER_INPUT_MIB: f64 = 45.0;
    let dir = tempfile::tempdir().unwrap();
    let mut peaks = Vec::new();
    for (name, size) in [("half.md", MIB / 2), ("one.md", MIB)] {
        let input = dir.path().join(name);
        let text = big_markdown(size);
        fs::write(&input, &text).unwrap();
        let out = dir.path().join(name.replace(".md", ""));
        fs::create_dir_all(&out).unwrap();
        peaks.push((
            text.len() as f64 / MIB as f64,
            peak_rss_mib(&input, "pdf,epub,docx", &out),
        ));
        for ext in ["pdf", "epub", "docx"] {
            let made = out.join(name.replace(".md", &format!(".{ext}")));
            assert!(made.is_file(), "no {} written", made.display());
        }
    }
    let ((small_in, small_rss), (big_in, big_rss)) = (peaks[0], peaks[1]);
    let slope = (big_rss - small_rss) / (big_in - small_in);
    assert!(
        slope <= MAX_MIB_PER_INPUT_MIB,
        "peak memory grows {slope:.0} MiB per MiB of input ({small_in:.2} MiB → {small_rss:.0} \
         MiB, {big_in:.2} MiB → {big_rss:.0} MiB); at most {MAX_MIB_PER_INPUT_MIB} allowed"
    );
}

/// A list nested `depth` levels deep, each item a paragraph of about `para_bytes` bytes.
fn deep_list(depth: usize, para_bytes: usize) -> String {
    let text = "列表项目的正文，内容较长。".repeat(para_bytes / 39 + 1);
    let mut doc = String::new();
    for level in 0..depth {
        doc.push_str(&"  ".repeat(level));
        doc.push_str(&format!("- 第{level}层{text}\n"));
    }
    doc
}

/// DOCX `list()` copied the rest of each item at every level: memory grew with the square
/// of the depth (depth 60 held ~1,800 copies of a paragraph at once, depth 30 ~450; ~45
/// bytes of memory per extra byte of input, now ~5). Doubling the depth (and the input)
/// must cost about what the extra input costs.
#[cfg(unix)]
#[test]
fn case13_docx_deep_lists_are_not_quadratic() {
    /// Extra peak memory allowed per extra byte of input.
    const MAX_BYTES_PER_INPUT_BYTE: f64 = 16.0;
    const PARA_BYTES: usize = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let mut peaks = Vec::new();
    for depth in [30, 60] {
        let input = dir.path().join(format!("deep{depth}.md"));
        let text = deep_list(depth, PARA_BYTES);
        fs::write(&input, &text).unwrap();
        let out = dir.path().join(format!("out{depth}"));
        fs::create_dir_all(&out).unwrap();
        peaks.push((text.len() as f64, peak_rss_mib(&input, "docx", &out)));
    }
    let ((small_in, small_rss), (big_in, big_rss)) = (peaks[0], peaks[1]);
    let per_byte = (big_rss - small_rss) * (1 << 20) as f64 / (big_in - small_in);
    assert!(
        per_byte <= MAX_BYTES_PER_INPUT_BYTE,
        "depth 30 → 60 costs {per_byte:.0} bytes of peak memory per byte of input \
         ({small_rss:.0} → {big_rss:.0} MiB); at most {MAX_BYTES_PER_INPUT_BYTE} allowed"
    );
}
