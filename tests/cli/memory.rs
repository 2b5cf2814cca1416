//! Issue 9 case 13: memory stays proportional to the input. What is measured is the heap a
//! conversion holds at its peak, counted by this test binary's allocator on the threads of
//! a pool of the test's own (other tests running at the same time are not counted). The
//! count is exact and the same on every run; no timing is measured.

use crate::support::sample_path;
use paiban::backend::{Backend, Context, RenderOptions};
use paiban::log::Log;
use paiban::style::Style;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fs;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::Mutex;

/// The system allocator, counting the bytes live on threads that asked to be counted.
struct Counting;

thread_local! {
    /// This thread's allocations are counted.
    static COUNTED: Cell<bool> = const { Cell::new(false) };
}

/// Bytes allocated minus bytes freed on counted threads.
static LIVE: AtomicIsize = AtomicIsize::new(0);
/// The highest `LIVE` since the last reset.
static PEAK: AtomicIsize = AtomicIsize::new(0);
/// One measurement at a time.
static MEASURING: Mutex<()> = Mutex::new(());

fn counted() -> bool {
    COUNTED.try_with(Cell::get).unwrap_or(false)
}

fn add(bytes: isize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is passed to `System` unchanged; only counters are updated besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if counted() {
            add(layout.size() as isize);
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if counted() {
            add(-(layout.size() as isize));
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if counted() {
            add(new_size as isize - layout.size() as isize);
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak heap in MiB held while `backend` renders `markdown` (read and passes run first,
/// not counted: the document is the same for every format), on a pool of two counted
/// threads like the machine's two cores.
fn render_peak_mib(markdown: &str, backend: &dyn Backend) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.md");
    fs::write(&input, markdown).unwrap();
    let doc = crate::support::load(&input);
    let style = Style::handout();
    let options = RenderOptions {
        source_date_epoch: Some(0),
        ..RenderOptions::default()
    };
    let ctx = Context {
        style: &style,
        options: &options,
        base_dir: dir.path(),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .start_handler(|_| COUNTED.with(|c| c.set(true)))
        .build()
        .unwrap();
    let _one_at_a_time = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let bytes = pool.install(|| {
        let mut log = Log::default();
        let bytes = backend.render(&doc, &ctx, &mut log);
        bytes.map(|b| b.len())
    });
    let peak = PEAK.load(Ordering::Relaxed) - before;
    assert!(
        bytes.as_ref().is_ok_and(|&n| n > 0),
        "{} did not render: {bytes:?}",
        backend.name()
    );
    peak as f64 / f64::from(1 << 20)
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
/// glyph's text was a heap string): the PDF held ~37 MiB of heap per MiB of Markdown. Now
/// pages are written as they are made. Measured from 512 KiB to 1 MiB of input, where the
/// fixed part (the font subsets made at the end) no longer hides the slope: the PDF grows
/// ~18 MiB per MiB (peak 19.8 MiB at 1 MiB, the same before and after the fonts were
/// subset in parallel, issue 12; from 256 to 512 KiB the old serial subsets made a larger
/// fixed part and the slope looked like ~6). The bound sits between, so a return to holding
/// the pages, or to anything that grows faster than the input, fails here.
#[test]
fn case13_memory_grows_linearly() {
    const KIB: usize = 1 << 10;
    /// Extra peak heap allowed per extra MiB of input, for each format.
    const MAX_MIB_PER_INPUT_MIB: f64 = 25.0;
    let small = big_markdown(512 * KIB);
    let big = big_markdown(1024 * KIB);
    let extra_input = (big.len() - small.len()) as f64 / f64::from(1 << 20);
    for backend in paiban::backend::registry() {
        let (small_peak, big_peak) = (
            render_peak_mib(&small, backend),
            render_peak_mib(&big, backend),
        );
        let slope = (big_peak - small_peak) / extra_input;
        assert!(
            slope <= MAX_MIB_PER_INPUT_MIB,
            "{}: peak heap grows {slope:.1} MiB per MiB of input ({small_peak:.1} MiB for \
             {} KiB, {big_peak:.1} MiB for {} KiB); at most {MAX_MIB_PER_INPUT_MIB} allowed",
            backend.name(),
            small.len() / KIB,
            big.len() / KIB
        );
    }
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
/// of the depth (depth 60 held ~1,800 copies of a paragraph at once, depth 30 ~450: ~47
/// bytes of heap per extra byte of input, now ~3). Doubling the depth (and the input) must
/// cost about what the extra input costs.
#[test]
fn case13_docx_deep_lists_are_not_quadratic() {
    /// Extra peak heap allowed per extra byte of input.
    const MAX_BYTES_PER_INPUT_BYTE: f64 = 12.0;
    const PARA_BYTES: usize = 20_000;
    let docx = paiban::backend::find("docx").expect("docx backend");
    let (small, big) = (deep_list(30, PARA_BYTES), deep_list(60, PARA_BYTES));
    let (small_peak, big_peak) = (render_peak_mib(&small, docx), render_peak_mib(&big, docx));
    let per_byte = (big_peak - small_peak) * f64::from(1 << 20) / (big.len() - small.len()) as f64;
    assert!(
        per_byte <= MAX_BYTES_PER_INPUT_BYTE,
        "depth 30 → 60 costs {per_byte:.1} bytes of peak heap per byte of input \
         ({small_peak:.1} → {big_peak:.1} MiB); at most {MAX_BYTES_PER_INPUT_BYTE} allowed"
    );
}
