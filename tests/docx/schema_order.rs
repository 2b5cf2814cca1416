//! Children of the OOXML elements the backend writes come in ECMA-376 sequence order
//! (Word rejects or "repairs" out-of-order files; docx-rs got this wrong). Checked on every
//! part of every fixture and of the sample.

use crate::support::docx::{build, harness};
use paiban::backend::RenderOptions;
use quick_xml::events::Event;

/// Sequences from the ECMA-376 transitional schema (wml.xsd), local names without `w:`.
fn sequence(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        "pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        "rubyPr" => &[
            "rubyAlign",
            "hps",
            "hpsRaise",
            "hpsBaseText",
            "lid",
            "dirty",
        ],
        "ruby" => &["rubyPr", "rt", "rubyBase"],
        "rPr" => &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        ],
        "sectPr" => &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
        ],
        "style" => &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
        "tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
        ],
        "tbl" => &["bookmarkStart", "tblPr", "tblGrid", "tr"],
        "tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
        ],
        "font" => &[
            "altName",
            "panose1",
            "charset",
            "family",
            "notTrueType",
            "pitch",
            "sig",
        ],
        "lvl" => &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
        "numbering" => &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"],
        "abstractNum" => &[
            "nsid",
            "multiLevelType",
            "tmpl",
            "name",
            "styleLink",
            "numStyleLink",
            "lvl",
        ],
        "num" => &["abstractNumId", "lvlOverride"],
        "docDefaults" => &["rPrDefault", "pPrDefault"],
        "styles" => &["docDefaults", "latentStyles", "style"],
        "compat" => &[
            "useSingleBorderforContiguousCells",
            "wpJustification",
            "noTabHangInd",
            "noLeading",
            "spaceForUL",
            "noColumnBalance",
            "balanceSingleByteDoubleByteWidth",
            "noExtraLineSpacing",
            "doNotLeaveBackslashAlone",
            "ulTrailSpace",
            "doNotExpandShiftReturn",
            "compatSetting",
        ],
        "settings" => &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "printPostScriptOverText",
            "printFractionalCharacterWidth",
            "printFormsData",
            "embedTrueTypeFonts",
            "embedSystemFonts",
            "saveSubsetFonts",
            "saveFormsData",
            "mirrorMargins",
            "alignBordersAndEdges",
            "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter",
            "gutterAtTop",
            "hideSpellingErrors",
            "hideGrammaticalErrors",
            "activeWritingStyle",
            "proofState",
            "formsDesign",
            "attachedTemplate",
            "linkStyles",
            "stylePaneFormatFilter",
            "stylePaneSortMethod",
            "documentType",
            "mailMerge",
            "revisionView",
            "trackRevisions",
            "doNotTrackMoves",
            "doNotTrackFormatting",
            "documentProtection",
            "autoFormatOverride",
            "styleLockTheme",
            "styleLockQFSet",
            "defaultTabStop",
            "autoHyphenation",
            "consecutiveHyphenLimit",
            "hyphenationZone",
            "doNotHyphenateCaps",
            "showEnvelope",
            "summaryLength",
            "clickAndTypeStyle",
            "defaultTableStyle",
            "evenAndOddHeaders",
            "bookFoldRevPrinting",
            "bookFoldPrinting",
            "bookFoldPrintingSheets",
            "drawingGridHorizontalSpacing",
            "drawingGridVerticalSpacing",
            "displayHorizontalDrawingGridEvery",
            "displayVerticalDrawingGridEvery",
            "doNotUseMarginsForDrawingGridOrigin",
            "drawingGridHorizontalOrigin",
            "drawingGridVerticalOrigin",
            "doNotShadeFormData",
            "noPunctuationKerning",
            "characterSpacingControl",
            "printTwoOnOne",
            "strictFirstAndLastChars",
            "noLineBreaksAfter",
            "noLineBreaksBefore",
            "savePreviewPicture",
            "doNotValidateAgainstSchema",
            "saveInvalidXml",
            "ignoreMixedContent",
            "alwaysShowPlaceholderText",
            "doNotDemarcateInvalidXml",
            "saveXmlDataOnly",
            "useXSLTWhenSaving",
            "saveThroughXslt",
            "showXMLTags",
            "alwaysMergeEmptyNamespace",
            "updateFields",
            "hdrShapeDefaults",
            "footnotePr",
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "mathPr",
            "attachedSchema",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "readModeInkLockDown",
            "smartTagType",
            "schemaLibrary",
            "shapeDefaults",
            "doNotEmbedSmartTags",
            "decimalSymbol",
            "listSeparator",
        ],
        "inline" => &[
            "extent",
            "effectExtent",
            "docPr",
            "cNvGraphicFramePr",
            "graphic",
        ],
        _ => return None,
    })
}

fn check_order(part: &str, xml: &str) {
    let mut r = quick_xml::Reader::from_str(xml);
    // (parent local name, rank of the last child seen)
    let mut stack: Vec<(String, usize)> = Vec::new();
    let child = |stack: &mut Vec<(String, usize)>, name: &str| {
        if let Some((parent, last)) = stack.last_mut() {
            if let Some(seq) = sequence(parent) {
                // Same-rank references (header/footer) may interleave.
                let rank = match name {
                    "footerReference" => 0,
                    n => seq.iter().position(|s| *s == n).unwrap_or_else(|| {
                        panic!("{part}: <{n}> is not a known child of <{parent}>")
                    }),
                };
                assert!(
                    rank >= *last,
                    "{part}: <{name}> after a later sibling in <{parent}>"
                );
                *last = rank;
            }
        }
    };
    loop {
        match r.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) => {
                let n = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                child(&mut stack, &n);
                stack.push((n, 0));
            }
            Event::Empty(e) => {
                let n = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                child(&mut stack, &n);
            }
            Event::End(_) => {
                stack.pop();
            }
            _ => {}
        }
    }
}

/// Checks the child order of every `word/*.xml` part of a DOCX (also used by other modules).
pub(crate) fn check(name: &str, bytes: &[u8]) {
    for (part, data) in harness::unzip(bytes) {
        if part.starts_with("word/") && part.ends_with(".xml") {
            check_order(
                &format!("{name}:{part}"),
                std::str::from_utf8(&data).unwrap(),
            );
        }
    }
}

#[test]
fn fixtures_follow_schema_order() {
    let toc = RenderOptions {
        toc: true,
        ..RenderOptions::default()
    };
    for (name, doc) in build::all() {
        check(name, &harness::render(&doc));
        check(name, &harness::render_with(&doc, &toc).0);
    }
}

#[test]
fn sample_follows_schema_order() {
    let doc = crate::support::load(&crate::support::sample_path());
    check("sample", &harness::render(&doc));
}

#[test]
#[should_panic(expected = "after a later sibling")]
fn the_checker_catches_a_misordered_run() {
    check_order("self-test", "<w:r><w:rPr><w:lang/><w:b/></w:rPr></w:r>");
}
