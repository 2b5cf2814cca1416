//! Batches across machines (issue 12): `--files-from`, `--shard K/N` through GNU parallel,
//! `--report`, `--skip-existing`, the Kubernetes Indexed Job, and the in-memory API giving
//! the bytes the command line writes.

use crate::support::{root, sample_path};
use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Fixed timestamps: outputs of different runs compare byte for byte.
const EPOCH: &str = "1700000000";

fn paiban() -> Command {
    let mut cmd = Command::cargo_bin("paiban").expect("binary built");
    cmd.env("SOURCE_DATE_EPOCH", EPOCH);
    cmd
}

/// A small batch in `dir`: Markdown and plain text in nested folders, listed in
/// `dir/files.txt` (paths relative to `dir`), with inputs in each of 4 shards (0: d; 1: l;
/// 2: c, f, g; 3: a, b, e). Returns the listed paths.
fn small_batch(dir: &Path) -> Vec<String> {
    let files = [
        ("a.md", "# 第一篇\n\n正文，一段。\n"),
        ("b.txt", "标题\n\n第一段正文。\n\n第二段正文。\n"),
        ("books/c.md", "# 书\n\n## 一、章\n\n内容。\n"),
        ("books/d.txt", "通知\n\n各位同事：明天开会。\n"),
        ("books/deep/e.md", "正文 *强调* 与 `code`。\n"),
        ("notes/f.md", "- 一\n- 二\n- 三\n"),
        ("notes/g.txt", "记录\n\n今天晴。\n"),
        ("books/l.md", "# 附录\n\n> 引文。\n"),
    ];
    let mut listed = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        listed.push(rel.to_string());
    }
    fs::write(dir.join("files.txt"), listed.join("\n") + "\n").unwrap();
    listed
}

/// Every file below `dir` (relative, `/`-separated) with its bytes.
fn files_below(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn go(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                go(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    go(dir, dir, &mut out);
    out
}

/// A `--report` file, parsed; panics naming the file when it is not JSON.
fn report(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

/// The records of a report, by input path.
fn records(report: &Value) -> BTreeMap<String, Value> {
    report["inputs"]
        .as_array()
        .expect("an inputs array")
        .iter()
        .map(|r| (r["path"].as_str().expect("a path").to_string(), r.clone()))
        .collect()
}

/// The status of each input in a report.
fn statuses(report: &Value) -> BTreeMap<String, String> {
    records(report)
        .into_iter()
        .map(|(path, r)| (path, r["status"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn four_shards_through_gnu_parallel_write_exactly_what_one_run_writes() {
    let parallel = std::process::Command::new("parallel")
        .arg("--version")
        .output();
    assert!(
        parallel.is_ok_and(|o| o.status.success()),
        "GNU parallel is missing: install the Debian package `parallel` (scripts/test.sh does)"
    );
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let listed = small_batch(dir);

    paiban()
        .current_dir(dir)
        .args(["convert", "--files-from", "files.txt", "-o", "one"])
        .assert()
        .success();

    let bin = assert_cmd::cargo::cargo_bin("paiban");
    let sharded = std::process::Command::new("parallel")
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .args(["--will-cite", "--halt", "now,fail=1"])
        .arg(&bin)
        .args([
            "convert",
            "--shard",
            "{}/4",
            "--files-from",
            "files.txt",
            "--report",
            "reports/{}.json",
            "-o",
            "four",
            ":::",
            "0",
            "1",
            "2",
            "3",
        ])
        .output()
        .expect("parallel runs");
    assert!(
        sharded.status.success(),
        "parallel failed: {}",
        String::from_utf8_lossy(&sharded.stderr)
    );

    let one = files_below(&dir.join("one"));
    let four = files_below(&dir.join("four"));
    assert_eq!(one.len(), 3 * listed.len(), "{:?}", one.keys());
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        four.keys().collect::<Vec<_>>(),
        "the shards together make the same files"
    );
    for (name, bytes) in &one {
        assert!(
            four[name] == *bytes,
            "{name} differs between one run and four shards"
        );
    }

    // Every input in exactly one shard's report; every output made once.
    let mut seen_inputs = Vec::new();
    let mut seen_outputs = Vec::new();
    for k in 0..4 {
        let r = report(&dir.join(format!("reports/{k}.json")));
        assert_eq!(r["shard"], format!("{k}/4"));
        assert!(
            !records(&r).is_empty(),
            "shard {k} got no input: the batch no longer tests it"
        );
        for (path, rec) in records(&r) {
            assert_eq!(rec["status"], "ok", "{path}");
            seen_inputs.push(path);
            for out in rec["outputs"].as_array().unwrap() {
                seen_outputs.push(out.as_str().unwrap().to_string());
            }
        }
    }
    seen_inputs.sort();
    let mut want = listed.clone();
    want.sort();
    assert_eq!(
        seen_inputs, want,
        "each input converted by exactly one shard"
    );
    let total = seen_outputs.len();
    seen_outputs.sort();
    seen_outputs.dedup();
    assert_eq!(seen_outputs.len(), total, "an output was written twice");
    assert_eq!(total, one.len());
}

#[test]
fn the_report_has_one_record_per_input_the_failing_one_with_its_error() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    small_batch(dir);
    fs::write(dir.join("broken.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let mut list = fs::read_to_string(dir.join("files.txt")).unwrap();
    list.push_str("broken.txt\nmissing.md\n");
    // NUL-separated, from standard input.
    let nul_list = list.trim_end().replace('\n', "\0");

    paiban()
        .current_dir(dir)
        .args(["convert", "--files-from", "-", "-0", "--to", "pdf,docx"])
        .args(["--report", "out/report.json", "-o", "out"])
        .write_stdin(nul_list)
        .assert()
        .code(1);

    let r = report(&dir.join("out/report.json"));
    let recs = records(&r);
    assert_eq!(recs.len(), 10, "{:?}", recs.keys());
    for (path, rec) in &recs {
        let failed = path == "broken.txt" || path == "missing.md";
        assert_eq!(
            rec["status"],
            if failed { "failed" } else { "ok" },
            "{path}"
        );
        if failed {
            let error = rec["error"].as_str().expect("an error line");
            assert!(error.starts_with(path.as_str()), "{error}");
            assert_eq!(rec["outputs"].as_array().unwrap().len(), 0);
            assert!(rec["pages"].is_null());
        } else {
            assert!(rec["error"].is_null());
            let outputs: Vec<&str> = rec["outputs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_str().unwrap())
                .collect();
            let stem = path.rsplit_once('.').unwrap().0;
            assert_eq!(
                outputs,
                [format!("out/{stem}.pdf"), format!("out/{stem}.docx")]
            );
            assert_eq!(rec["pages"], 1, "{path}: a short input makes one page");
            assert!(rec["warnings"].is_u64());
            assert!(rec["milliseconds"].as_f64().unwrap() > 0.0);
        }
    }
    assert!(recs["broken.txt"]["error"]
        .as_str()
        .unwrap()
        .contains("not a text file"));
}

#[test]
fn skip_existing_converts_nothing_the_second_time_and_only_a_changed_input_the_third() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let listed = small_batch(dir);
    let run = |report_name: &str| {
        paiban()
            .current_dir(dir)
            .args(["convert", "--files-from", "files.txt", "--skip-existing"])
            .args(["--report", report_name, "-o", "out"])
            .assert()
            .success();
        statuses(&report(&dir.join(report_name)))
    };

    let first = run("r1.json");
    assert!(first.values().all(|s| s == "ok"), "{first:?}");
    assert_eq!(first.len(), listed.len());
    let made = files_below(&dir.join("out"));
    assert!(made.contains_key(".paiban-manifest.json"));

    let second = run("r2.json");
    assert!(second.values().all(|s| s == "skipped"), "{second:?}");
    assert_eq!(second.len(), listed.len());
    assert_eq!(
        files_below(&dir.join("out")),
        made,
        "a skipping run changes nothing"
    );

    fs::write(
        dir.join("books/c.md"),
        "# 书\n\n## 一、章\n\n改过的内容。\n",
    )
    .unwrap();
    let third = run("r3.json");
    for (path, status) in &third {
        let want = if path == "books/c.md" {
            "ok"
        } else {
            "skipped"
        };
        assert_eq!(status, want, "{path}");
    }

    // Other options (here --toc) make other bytes: nothing is current.
    paiban()
        .current_dir(dir)
        .args([
            "convert",
            "--files-from",
            "files.txt",
            "--skip-existing",
            "--toc",
        ])
        .args(["--report", "r4.json", "-o", "out"])
        .assert()
        .success();
    let fourth = statuses(&report(&dir.join("r4.json")));
    assert!(
        fourth.values().all(|s| s == "ok"),
        "--toc changes the settings: {fourth:?}"
    );
}

#[test]
fn shards_keep_their_own_manifests_and_skip_what_others_made() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let listed = small_batch(dir);
    for k in 0..2 {
        paiban()
            .current_dir(dir)
            .args([
                "convert",
                "--files-from",
                "files.txt",
                "--skip-existing",
                "--to",
                "pdf",
            ])
            .args(["--shard", &format!("{k}/2"), "-o", "out"])
            .assert()
            .success();
        assert!(dir
            .join(format!("out/.paiban-manifest-{k}-of-2.json"))
            .is_file());
    }
    // An unsharded run afterwards finds every output made by one shard or the other.
    paiban()
        .current_dir(dir)
        .args([
            "convert",
            "--files-from",
            "files.txt",
            "--skip-existing",
            "--to",
            "pdf",
        ])
        .args(["--report", "r.json", "-o", "out"])
        .assert()
        .success();
    let all = statuses(&report(&dir.join("r.json")));
    assert_eq!(all.len(), listed.len());
    assert!(all.values().all(|s| s == "skipped"), "{all:?}");
}

#[test]
fn bad_shards_and_missing_lists_are_usage_errors() {
    let work = tempfile::tempdir().unwrap();
    small_batch(work.path());
    for shard in ["4/4", "1/0", "-1/4", "x/4", "3"] {
        paiban()
            .current_dir(work.path())
            .args(["convert", "--files-from", "files.txt"])
            .arg(format!("--shard={shard}"))
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--shard"));
    }
    paiban()
        .current_dir(work.path())
        .args(["convert", "--files-from", "no-such-list.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--files-from no-such-list.txt"));
    assert!(!work.path().join("output").exists(), "nothing written");
}

#[test]
fn the_kubernetes_manifest_is_an_indexed_job_sharded_by_its_index() {
    let path = root().join("deploy/kubernetes/indexed-job.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let job: serde_norway::Value = serde_norway::from_str(&text).expect("valid YAML");
    assert_eq!(job["apiVersion"].as_str(), Some("batch/v1"));
    assert_eq!(job["kind"].as_str(), Some("Job"));
    let spec = &job["spec"];
    assert_eq!(spec["completionMode"].as_str(), Some("Indexed"));
    let completions = spec["completions"].as_u64().expect("completions: N");
    assert!(spec["parallelism"].as_u64().is_some_and(|p| p >= 1));
    let containers = spec["template"]["spec"]["containers"]
        .as_sequence()
        .expect("containers");
    assert_eq!(containers.len(), 1);
    let args: Vec<&str> = containers[0]["args"]
        .as_sequence()
        .expect("args")
        .iter()
        .map(|a| a.as_str().expect("string args"))
        .collect();
    assert_eq!(args[0], "convert");
    let after = |flag: &str| {
        let i = args.iter().position(|a| *a == flag);
        args[i.unwrap_or_else(|| panic!("no {flag} in {args:?}")) + 1]
    };
    assert_eq!(
        after("--shard"),
        format!("$(JOB_COMPLETION_INDEX)/{completions}"),
        "--shard uses the pod's index and the Job's completions"
    );
    assert!(after("--report").contains("$(JOB_COMPLETION_INDEX)"));
    assert!(after("--files-from").starts_with("/data/"));
    // The arguments the pod gets are ones `paiban convert` accepts.
    let work = tempfile::tempdir().unwrap();
    small_batch(work.path());
    let local: Vec<String> = args
        .iter()
        .map(|a| {
            a.replace("$(JOB_COMPLETION_INDEX)", "0")
                .replace("/data", &work.path().to_string_lossy())
        })
        .collect();
    paiban()
        .current_dir(work.path())
        .args(&local)
        .assert()
        .success();
    assert!(work.path().join("reports/0.json").is_file());
}

#[test]
fn the_library_api_gives_the_bytes_the_command_line_writes() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("yiwu.pdf");
    paiban()
        .arg("convert")
        .arg(sample_path())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let options = paiban::ConvertOptions {
        source_name: sample_path(),
        base_dir: sample_path().parent().map(PathBuf::from).unwrap(),
        render: paiban::backend::RenderOptions {
            source_date_epoch: Some(EPOCH.parse().unwrap()),
            ..Default::default()
        },
        ..Default::default()
    };
    let input = fs::read(sample_path()).unwrap();
    let pdf = paiban::convert_bytes(&input, paiban::read::InputFormat::Text, "pdf", &options)
        .expect("converts");
    assert!(
        pdf.bytes == fs::read(&out).unwrap(),
        "API and CLI bytes differ"
    );
    assert!(pdf.pages.is_some_and(|p| p > 1));
}

/// `--timings` (the benchmark's glyph rate reads it): one line per input naming its read
/// and render stages, each with a wall and a CPU time; the outputs do not change.
#[test]
fn timings_print_the_read_and_render_stages_of_each_input() {
    let work = tempfile::tempdir().unwrap();
    let listed = small_batch(work.path());
    let out = paiban()
        .arg("convert")
        .arg(work.path().join("a.md"))
        .arg(work.path().join("b.txt"))
        .args(["--to", "pdf", "--timings", "-o"])
        .arg(work.path().join("out"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": timings: "))
        .collect();
    assert_eq!(lines.len(), 2, "one timings line per input:\n{stderr}");
    for name in &listed[..2] {
        // Files finish in any order on the pool.
        assert_eq!(
            lines.iter().filter(|l| l.contains(name.as_str())).count(),
            1,
            "{name}:\n{stderr}"
        );
    }
    for line in &lines {
        let numbers: Vec<f64> = line
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter_map(|w| w.parse().ok())
            .collect();
        assert!(line.contains("read ") && line.contains("render "), "{line}");
        assert!(line.matches("(cpu ").count() == 2, "{line}");
        assert!(
            numbers.iter().all(|&n| n >= 0.0) && numbers.len() >= 4,
            "{line}"
        );
    }
    // Without the flag, no such line.
    let quiet = paiban()
        .arg("convert")
        .arg(work.path().join("a.md"))
        .args(["--to", "pdf", "-o"])
        .arg(work.path().join("out2"))
        .assert()
        .success();
    assert!(!String::from_utf8_lossy(&quiet.get_output().stderr).contains("timings"));
    assert_eq!(
        fs::read(work.path().join("out/a.pdf")).unwrap(),
        fs::read(work.path().join("out2/a.pdf")).unwrap(),
        "--timings changes no output"
    );
}
