//! T25 (with T0/T7): which face draws an ambiguous mark — the curly quotes, `…`, `⋯`, `—`
//! and `·` that Latin and CJK fonts both have. The one decision the PDF layout, the EPUB
//! writer and the DOCX writer read, so the three backends never disagree about a mark.

use super::chars::{is_ambiguous_mark, is_cjk_letter, is_fullwidth_form, is_fw_punct};

/// The face an ambiguous mark is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkFace {
    /// CJK context (T0): the CJK face, in a 1 em box (T12, T25).
    Cjk,
    /// Latin context (it’s, “English sentence”): the Latin face at its Latin width (T25).
    Latin,
}

/// A character that puts a neighbouring mark in CJK context (§0): a CJK letter or
/// full-width punctuation other than the ambiguous marks themselves.
fn cjk_neighbour(c: char) -> bool {
    is_cjk_letter(c) || is_fullwidth_form(c) || (is_fw_punct(c) && !is_ambiguous_mark(c))
}

/// The face of every ambiguous mark of `chars` (`None` for other characters). `opaque[i]`
/// marks characters of code, URLs and the like (T26): they are never marks and end the
/// search for context.
///
/// A mark is CJK when the nearest character on either side that is neither a space nor
/// another ambiguous mark is a CJK letter or full-width punctuation (T0); the search skips
/// ambiguous marks so nested quotes (`“‘`, `’”`) and `……”` take the context of the text
/// they enclose. A mark with no such character on either side (a paragraph of marks only)
/// is CJK, the document language being Chinese. The two quotes of a pair share one face,
/// CJK when either is (`他说：“Hello”` encloses English in Chinese quotes): a 1 em box on
/// one side and a Latin quote on the other would look lopsided.
pub fn mark_faces(chars: &[char], opaque: &[bool]) -> Vec<Option<MarkFace>> {
    let mut faces = single_faces(chars, opaque);
    for (a, b) in quote_pairs(chars, opaque) {
        if faces[a] == Some(MarkFace::Cjk) || faces[b] == Some(MarkFace::Cjk) {
            faces[a] = Some(MarkFace::Cjk);
            faces[b] = Some(MarkFace::Cjk);
        }
    }
    faces
}

/// Each mark's face from its own neighbours.
fn single_faces(chars: &[char], opaque: &[bool]) -> Vec<Option<MarkFace>> {
    let skip = |j: &usize| !chars[*j].is_whitespace() && !is_ambiguous_mark(chars[*j]);
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if opaque[i] || !is_ambiguous_mark(c) {
                return None;
            }
            let before = (0..i).rev().take_while(|&j| !opaque[j]).find(skip);
            let after = (i + 1..chars.len()).take_while(|&j| !opaque[j]).find(skip);
            let cjk = |j: Option<usize>| j.is_some_and(|j| cjk_neighbour(chars[j]));
            let cjk = cjk(before) || cjk(after) || (before.is_none() && after.is_none());
            Some(if cjk { MarkFace::Cjk } else { MarkFace::Latin })
        })
        .collect()
}

/// Matching quotes, `“…”` and `‘…’`, nested; a `’` between two letters or digits is an
/// apostrophe (it’s), not a closing quote.
fn quote_pairs(chars: &[char], opaque: &[bool]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (mut double, mut single) = (Vec::new(), Vec::new());
    for (i, &c) in chars.iter().enumerate() {
        if opaque[i] {
            continue;
        }
        match c {
            '“' => double.push(i),
            '‘' => single.push(i),
            '”' => pairs.extend(double.pop().map(|a| (a, i))),
            '’' => {
                let letter = |j: Option<usize>| {
                    j.and_then(|j| chars.get(j))
                        .is_some_and(|c| c.is_alphanumeric())
                };
                if !(letter(i.checked_sub(1)) && letter(Some(i + 1))) {
                    pairs.extend(single.pop().map(|a| (a, i)));
                }
            }
            _ => {}
        }
    }
    pairs
}

/// [`mark_faces`] of a text with nothing opaque in it.
pub fn mark_faces_of(text: &str) -> Vec<Option<MarkFace>> {
    let chars: Vec<char> = text.chars().collect();
    mark_faces(&chars, &vec![false; chars.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faces(s: &str) -> String {
        mark_faces_of(s)
            .iter()
            .filter_map(|f| *f)
            .map(|f| if f == MarkFace::Cjk { 'C' } else { 'L' })
            .collect()
    }

    #[test]
    fn t25_apostrophes_in_latin_words_are_latin() {
        assert_eq!(faces("他说 it’s fine，don’t 走"), "LL");
        assert_eq!(faces("it’s"), "L");
    }

    #[test]
    fn t25_quotes_beside_han_or_full_width_marks_are_cjk() {
        assert_eq!(faces("他说“好”。"), "CC");
        assert_eq!(faces("叫“Hello”，"), "CC");
        assert_eq!(faces("“‘好’”"), "CCCC");
        assert_eq!(faces("好……”"), "CCC");
        assert_eq!(faces("人名·人名"), "C");
    }

    #[test]
    fn t25_quotes_between_latin_words_are_latin() {
        assert_eq!(faces("He said “no ‘way’” today"), "LLLL");
        assert_eq!(faces("1949—1986"), "L");
        assert_eq!(faces("wait… what"), "L");
    }

    #[test]
    fn t25_a_pair_of_quotes_shares_one_face() {
        assert_eq!(faces("他说：“Hello world”"), "CC");
        assert_eq!(faces("他读了‘it’s fine’这句"), "CLC");
    }

    #[test]
    fn t25_a_paragraph_of_marks_only_is_cjk() {
        assert_eq!(faces("“”"), "CC");
    }

    #[test]
    fn t26_opaque_text_is_no_context_and_no_mark() {
        let chars: Vec<char> = "中`’`a’b".chars().collect();
        let mut opaque = vec![false; chars.len()];
        opaque[1..4].iter_mut().for_each(|o| *o = true);
        let f = mark_faces(&chars, &opaque);
        assert_eq!(f[2], None);
        // Context stops at the code span: the mark sits between two Latin letters.
        assert_eq!(f[5], Some(MarkFace::Latin));
    }
}
