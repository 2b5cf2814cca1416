//! T27: the bundled fonts load with no usable home, config or working directory
//! (a binary installed away from the repository, on a machine with no fonts of its own).

use paiban::fonts::{FontSet, Origin};
use paiban::style::FontRole;

#[test]
fn t27_fonts_load_with_empty_home_and_cwd() {
    let empty = tempfile::tempdir().unwrap();
    // One test in this binary, so changing the environment races with nothing.
    std::env::set_var("HOME", empty.path());
    std::env::set_var("XDG_DATA_HOME", empty.path());
    std::env::set_var("XDG_CONFIG_HOME", empty.path());
    std::env::set_var("XDG_DATA_DIRS", empty.path());
    std::env::set_current_dir(empty.path()).unwrap();

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
