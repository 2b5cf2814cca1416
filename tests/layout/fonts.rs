//! T27 font roles, bundled defaults, fallback chains and W-GLYPH coverage checks.

use std::path::PathBuf;
use std::time::Instant;

use paiban::fonts::{report, FontSet, Origin};
use paiban::style::FontRole;

const NOTO_SERIF: &str = "Noto Serif CJK SC";
/// A character of the bundled Noto subset that Zhuque Fangsong lacks (outside GB 2312).
const RARE: char = '丂';

fn manifest(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn t27_every_role_resolves_to_a_bundled_face_and_ends_with_noto_serif() {
    let set = FontSet::bundled();
    for role in FontRole::ALL {
        let primary = set.primary(role);
        assert!(
            matches!(primary.origin, Origin::Bundled(_)),
            "{role:?}: {:?}",
            primary.origin
        );
        assert!(primary.has_char('中') || role == FontRole::Mono, "{role:?}");
        let last = set.chain(role).last().expect("chain is never empty");
        assert_eq!(
            last.family, NOTO_SERIF,
            "{role:?} chain must end in Noto Serif CJK SC"
        );
        assert_eq!(last.weight, 400, "{role:?} chain ends in the Regular face");
        assert!(
            set.face_for(role, '中').is_some(),
            "{role:?} has no face for 中"
        );
    }
}

#[test]
fn t27_primary_families_per_role() {
    let set = FontSet::bundled();
    let family = |r| set.primary(r).family.clone();
    assert_eq!(family(FontRole::Song), NOTO_SERIF);
    assert_eq!(set.primary(FontRole::Song).weight, 400);
    assert_eq!(family(FontRole::SongBold), NOTO_SERIF);
    assert_eq!(set.primary(FontRole::SongBold).weight, 700);
    assert_eq!(family(FontRole::Hei), "Noto Sans CJK SC");
    assert_eq!(set.primary(FontRole::Hei).weight, 700);
    assert_eq!(family(FontRole::Kai), "LXGW WenKai");
    assert_eq!(family(FontRole::Mono), "DejaVu Sans Mono");
    // The bundled FangSong: Zhuque Fangsong (朱雀仿宋), then Song for what it lacks.
    assert_eq!(family(FontRole::Fang), "Zhuque Fangsong");
    assert_eq!(
        set.primary(FontRole::Fang).origin,
        Origin::Bundled("ZhuqueFangsong-Regular.ttf")
    );
    assert_eq!(
        set.chain(FontRole::Fang)[1].origin,
        Origin::Bundled("NotoSerifCJKsc-Regular.otf")
    );
    assert_eq!(set.primary(FontRole::Kai).units_per_em(), 1000);
    assert!(set.primary(FontRole::Song).data().len() > 5_000_000);
}

#[test]
fn t27_mono_has_latin_and_falls_back_to_noto_for_han() {
    let set = FontSet::bundled();
    let a = set.face_for(FontRole::Mono, 'A').expect("Mono has A");
    assert_eq!(a.family, "DejaVu Sans Mono");
    let han = set.face_for(FontRole::Mono, '排').expect("排 via fallback");
    assert_eq!(han.family, NOTO_SERIF);
    // The bundled subsets keep the T12/T14 punctuation the engine relies on.
    for c in ['⸺', '—', '…', '·', '⋯', '①', '、', '。', '（', '《', '「'] {
        for role in [
            FontRole::Song,
            FontRole::Hei,
            FontRole::Kai,
            FontRole::SongBold,
        ] {
            let face = set.face_for(role, c).expect("punctuation covered");
            assert!(
                set.chain(role)[0].has_char(c),
                "{role:?} primary lacks {c}, got {}",
                face.family
            );
        }
    }
}

#[test]
fn t27_w_glyph_reports_chars_outside_the_bundled_subset_with_lines() {
    let set = FontSet::bundled();
    let text = [
        "第一行：中文。",
        "生僻字𠀀在此",
        "한국어 and 𠀀 again",
        "\u{200B}零宽空格不算",
    ];
    let missing = set.coverage_warnings(
        text.iter().enumerate().map(|(i, s)| (i + 1, *s)),
        FontRole::Song,
    );
    let chars: Vec<char> = missing.iter().map(|m| m.ch).collect();
    assert_eq!(chars, vec!['𠀀', '국', '어', '한']);
    assert_eq!(missing[0].lines, vec![2, 3]);
    assert_eq!(missing[3].lines, vec![3]);
    assert_eq!(
        missing[0].message(FontRole::Song),
        "no font has '𠀀' (U+20000) for role song; lines 2, 3"
    );
    let mut log = paiban::log::Log::default();
    paiban::fonts::log_missing(&mut log, FontRole::Song, &missing);
    let warnings: Vec<_> = log.warnings().collect();
    assert_eq!(warnings.len(), 4);
    assert_eq!(warnings[0].source, "W-GLYPH");
    assert_eq!(warnings[0].line, 2);
}

#[test]
fn t27_system_fonts_serve_chars_the_chain_lacks() {
    let set = FontSet::load(&[]).expect("load");
    assert!(
        set.system_face_count() > 0,
        "no system fonts found by fontdb; install fonts-noto-cjk to run this test"
    );
    let face = set
        .face_for(FontRole::Song, '한')
        .expect("a system font with Hangul (fonts-noto-cjk is installed on the test machine)");
    assert!(
        matches!(face.origin, Origin::System(_)),
        "{:?}",
        face.origin
    );
    assert!(face.has_char('한'));
    let missing = set.coverage_warnings([(1, "한")], FontRole::Song);
    assert!(missing.is_empty(), "{missing:?}");
    // Bundled characters never touch the system fonts.
    let zhong = set.face_for(FontRole::Song, '中').unwrap();
    assert_eq!(zhong.origin, Origin::Bundled("NotoSerifCJKsc-Regular.otf"));
}

#[test]
fn t27_font_dir_faces_come_first_for_their_role() {
    let dir = tempfile::tempdir().unwrap();
    // DejaVu Sans Mono under a FangSong file name: matched to Fang by the file name.
    std::fs::copy(
        manifest("fonts/DejaVuSansMono.ttf"),
        dir.path().join("FangSong-test.ttf"),
    )
    .unwrap();
    let set = FontSet::load(&[dir.path().to_path_buf()])
        .unwrap()
        .without_system_fonts();
    let fang = set.primary(FontRole::Fang);
    assert_eq!(
        fang.origin,
        Origin::FontDir(dir.path().join("FangSong-test.ttf"))
    );
    // Per-character fallback (T27): Latin from the font-dir face, 镕 from the bundled
    // FangSong, and what that lacks (`RARE`) from Noto Serif.
    assert_eq!(
        set.face_for(FontRole::Fang, 'x').unwrap().origin,
        fang.origin
    );
    let rong = set.face_for(FontRole::Fang, '镕').unwrap();
    assert_eq!(rong.origin, Origin::Bundled("ZhuqueFangsong-Regular.ttf"));
    let rare = set.face_for(FontRole::Fang, RARE).unwrap();
    assert_eq!(rare.origin, Origin::Bundled("NotoSerifCJKsc-Regular.otf"));
    // Other roles keep their bundled primary.
    assert_eq!(set.primary(FontRole::Kai).family, "LXGW WenKai");
    assert!(FontSet::load(&[dir.path().join("missing")]).is_err());
}

#[test]
fn fonts_report_lists_every_role_with_origin() {
    let out = report(&FontSet::bundled());
    for role in FontRole::ALL {
        assert!(
            out.lines().any(|l| l.starts_with(role.name())),
            "{role:?} missing in:\n{out}"
        );
    }
    assert!(
        out.contains(
            "kai        LXGW WenKai (楷体) — bundled (fonts/LXGWWenKai-Regular.ttf, embedded)"
        ),
        "{out}"
    );
    assert!(out.contains("system fonts are not used"), "{out}");
    let described = FontSet::bundled().describe();
    assert_eq!(described.len(), FontRole::ALL.len());
    assert_eq!(described[0].1, NOTO_SERIF);
}

#[test]
fn coverage_check_of_a_200_kb_text_is_fast() {
    let set = FontSet::bundled();
    let line = "排版规则：中文与English之间加空格，标点“挤压”——见T12。";
    let text: Vec<String> = (0..4000).map(|i| format!("{line}{i}")).collect();
    assert!(text.iter().map(|s| s.len()).sum::<usize>() > 200_000);
    let start = Instant::now();
    let missing = set.coverage_warnings(
        text.iter().enumerate().map(|(i, s)| (i + 1, s.as_str())),
        FontRole::Song,
    );
    let took = start.elapsed();
    eprintln!(
        "coverage check of {} bytes: {took:?}",
        text.iter().map(|s| s.len()).sum::<usize>()
    );
    assert!(missing.is_empty(), "{missing:?}");
    assert!(took.as_millis() < 250, "coverage check took {took:?}");
}
