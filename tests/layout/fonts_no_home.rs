//! T27: the bundled fonts load with no usable home, config or working directory
//! (a binary installed away from the repository, on a machine with no fonts of its own).
//!
//! The environment and the working directory belong to the whole process, which this test
//! shares with the rest of its binary; so it runs its check in a child process (this same
//! test binary, filtered to this one test) started with them emptied.

use paiban::fonts::{FontSet, Origin};
use paiban::style::FontRole;
use std::process::Command;

/// Set in the child process: run the check instead of starting a child.
const IN_CHILD: &str = "PAIBAN_TEST_FONTS_NO_HOME_CHILD";

#[test]
fn t27_fonts_load_with_empty_home_and_cwd() {
    if std::env::var_os(IN_CHILD).is_some() {
        bundled_fonts_serve_every_role();
        return;
    }
    let empty = tempfile::tempdir().unwrap();
    // The test's name as the harness knows it: the module path without the binary's name.
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let name = format!("{module}::t27_fonts_load_with_empty_home_and_cwd");
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", &name, "--nocapture"])
        .env(IN_CHILD, "1")
        .env("HOME", empty.path())
        .env("XDG_DATA_HOME", empty.path())
        .env("XDG_CONFIG_HOME", empty.path())
        .env("XDG_DATA_DIRS", empty.path())
        .current_dir(empty.path())
        .output()
        .expect("the test binary runs itself");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "child failed:\n{report}");
    assert!(
        report.contains("1 passed"),
        "the child ran no test named {name}:\n{report}"
    );
}

fn bundled_fonts_serve_every_role() {
    let bundled = FontSet::bundled();
    let loaded = FontSet::load(&[]).expect("load with no font dirs");
    for set in [&bundled, &loaded] {
        for role in FontRole::ALL {
            let face = set.primary(role);
            assert!(matches!(face.origin, Origin::Bundled(_)), "{role:?}");
            assert!(set.face_for(role, '字').is_some(), "{role:?}");
        }
    }
    assert_eq!(loaded.primary(FontRole::Kai).family, "LXGW WenKai");
}
