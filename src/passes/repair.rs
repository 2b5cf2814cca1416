//! Paragraphs cut by a page break of the PDF the text was copied from (`高能|级科创平台`):
//! the first part ends without sentence-final punctuation and the next paragraph continues
//! the sentence. Titles, headings (T21) and bylines are never joined.

use super::flat::{merge_text, plain};
use super::structure::{bylines, gaps, numbering};
use crate::ast::{map_blocks, Block, Document, Inline, Para};
use crate::log::Log;
use crate::text::chars::{is_closing_end, is_wide};

/// Pass name used in the log.
pub const NAME: &str = "repair";

/// A cut paragraph's first part is at least this long (characters), unless it is the
/// first body paragraph under an unnumbered heading.
const LONG: usize = 40;

/// Joins paragraphs cut by page breaks.
pub fn run(mut doc: Document, log: &mut Log) -> Document {
    map_blocks(&mut doc, &mut |blocks| join(blocks, log));
    doc
}

fn para_text(b: &Block) -> Option<String> {
    match b {
        Block::Para(p) => Some(plain(&p.content)),
        _ => None,
    }
}

fn ends_closed(s: &str) -> bool {
    s.trim_end().chars().last().is_none_or(is_closing_end)
}

fn special(s: &str) -> bool {
    numbering::parse(s).is_some() || bylines::parse(s).is_some()
}

/// Whether `b` continues `a`; `before` are the blocks already emitted before `a`.
fn is_cut(before: &[Block], a: &str, b: &str) -> bool {
    if ends_closed(a) || special(a) || special(b) || gaps::heading_like(b) {
        return false;
    }
    if a.chars().count() > LONG {
        return true;
    }
    // A short first part is body text (not a heading) when it sits right under an
    // unnumbered heading that itself follows finished body text (yiwu.txt 77–80:
    // `统筹协同…跃升` / `现代化的本质…必然要求经` / `济、民生…`). It must read like a clause.
    let clause = a.contains(['，', '、', ',']) && !a.contains([' ', '\u{3000}']);
    let n = before.len();
    let heading_above = n >= 2
        && para_text(&before[n - 1])
            .is_some_and(|p| gaps::heading_like(&p) && numbering::parse(&p).is_none())
        && para_text(&before[n - 2]).is_some_and(|p| ends_closed(&p) && !gaps::heading_like(&p));
    clause && heading_above
}

fn join(blocks: Vec<Block>, log: &mut Log) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // The plain text of the last block of `out` when it is a paragraph pushed unchanged:
    // it was made one step earlier as the next paragraph's text (issue 12: every
    // paragraph's text was made twice, on the one core the pass runs on).
    let mut last_text: Option<String> = None;
    for b in blocks {
        let next = match (out.last(), &b) {
            (Some(Block::Para(a)), Block::Para(nb)) => {
                let ta = last_text.take().unwrap_or_else(|| plain(&a.content));
                let tb = plain(&nb.content);
                if is_cut(&out[..out.len() - 1], &ta, &tb) {
                    Some((ta, tb))
                } else {
                    // `nb` is pushed as it is below.
                    last_text = Some(tb);
                    None
                }
            }
            _ => {
                last_text = None;
                None
            }
        };
        match (next, b) {
            (Some((ta, tb)), Block::Para(nb)) => {
                let Some(Block::Para(a)) = out.last_mut() else {
                    unreachable!("checked above")
                };
                log.change(
                    NAME,
                    a.line,
                    format!(
                        "joined paragraph cut by a page break: “…{}|{}…” (line {})",
                        tail(&ta, 6),
                        tb.chars().take(6).collect::<String>(),
                        nb.line
                    ),
                );
                merge(a, nb);
            }
            (_, b) => out.push(b),
        }
    }
    out
}

fn tail(s: &str, n: usize) -> String {
    let v: Vec<char> = s.chars().collect();
    v[v.len().saturating_sub(n)..].iter().collect()
}

/// Appends `b` to `a`: nothing between two wide characters (the cut fell inside a word,
/// as in T1), one space otherwise.
fn merge(a: &mut Para, b: Para) {
    let last = plain(&a.content).chars().last();
    let first = plain(&b.content).chars().next();
    let mut content = trim_end(std::mem::take(&mut a.content));
    if !(last.is_some_and(is_wide) && first.is_some_and(is_wide)) {
        content.push(Inline::Text(" ".into()));
    }
    content.extend(b.content);
    a.content = merge_text(content);
}

fn trim_end(mut seq: Vec<Inline>) -> Vec<Inline> {
    while let Some(Inline::Text(t)) = seq.last_mut() {
        let kept = t.trim_end().len();
        t.truncate(kept);
        if t.is_empty() {
            seq.pop();
        } else {
            break;
        }
    }
    seq
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, line: usize) -> Block {
        Block::Para(Para {
            content: vec![Inline::Text(s.into())],
            line,
        })
    }

    fn texts(doc: &Document) -> Vec<String> {
        doc.blocks.iter().filter_map(para_text).collect()
    }

    fn fix(blocks: Vec<Block>) -> (Document, Log) {
        let mut log = Log::default();
        let doc = run(
            Document {
                blocks,
                ..Default::default()
            },
            &mut log,
        );
        (doc, log)
    }

    const LONG_A: &str = "凭借坚如磐石的战略定力，义乌在复杂形势下乘风破浪，2025年GDP达2693.3亿元，培育两大千亿级产业集群，高能";

    #[test]
    fn long_cut_paragraph_is_joined() {
        let (doc, log) = fix(vec![
            p(LONG_A, 19),
            p("级科创平台持续落地，走出一条新路。", 21),
        ]);
        assert_eq!(
            texts(&doc),
            vec![format!("{LONG_A}级科创平台持续落地，走出一条新路。")]
        );
        assert_eq!(doc.blocks[0].line(), 19);
        assert!(log.entries[0].message.contains("高能|级科创"));
    }

    #[test]
    fn short_lines_are_never_joined() {
        let blocks = vec![
            p("坚持和深化“义乌发展经验” 加快打造中国式现代化县域典范", 3),
            p("深学笃行习近平总书记重要指示精神 奋力谱写“义乌发展经验”新时代华章", 5),
            p("近日，习近平总书记对进一步总结好、运用好“义乌发展经验”作出重要指示。", 7),
            p("一、心怀“国之大者”，以政治忠诚践行嘱托，在服务国家大局中彰显义乌担当", 11),
            p("习近平总书记重要指示要求我们更好服务和融入全国发展大局，这与经验一脉相承的核心要义", 13),
            p("吴伟华 中共义乌市委党校副校长", 49),
            p("徐应红 中共义乌市委党校校委委员", 50),
            p("深入践行“五个结合” 加快打造中国式现代化县域典范", 52),
        ];
        let n = blocks.len();
        let (doc, _) = fix(blocks);
        assert_eq!(doc.blocks.len(), n);
    }

    #[test]
    fn short_first_part_under_unnumbered_heading_is_joined() {
        let (doc, _) = fix(vec![
            p("推动传统商贸向数字贸易转型，逐步构建起现代化产业体系。", 76),
            p("统筹协同均衡发展，实现民生价值内涵跃升", 77),
            p("现代化的本质是人的现代化，高质量发展必然要求经", 78),
            p(
                "济、民生、城乡、生态协同均衡发展。义乌坚决摒弃重经济轻民生的片面发展模式。",
                80,
            ),
        ]);
        let t = texts(&doc);
        assert_eq!(t.len(), 3);
        assert!(t[2].starts_with("现代化的本质是人的现代化，高质量发展必然要求经济、民生"));
    }

    #[test]
    fn heading_then_subheading_not_joined() {
        let (doc, _) = fix(vec![
            p("正文结束了。", 1),
            p("锚定全局靶向发力，实现城市战略定位跃升", 2),
            p("对标落实上级决策部署是县域发展的根本方向，立足自身特色优势精准发力是高质量发展的关键支撑。", 3),
        ]);
        assert_eq!(doc.blocks.len(), 3);
    }

    #[test]
    fn latin_cut_gets_a_space() {
        let a =
            "This paragraph was cut by a page break in the middle of a long English sentence and";
        let (doc, _) = fix(vec![
            p(a, 1),
            p("it continues here without any doubt at all.", 3),
        ]);
        assert_eq!(
            texts(&doc),
            vec![format!("{a} it continues here without any doubt at all.")]
        );
    }
}
