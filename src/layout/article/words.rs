//! Candidate line breaks for multi-line titles (T23): a small word list and a rule set
//! instead of a full segmenter. `jieba-rs` was measured (0.11, default dictionary): about
//! 60 s more on a clean 2-core debug build, +8 MB of binary and ~1 s to load its
//! dictionary in a debug build — too much for breaking a handful of title lines.
//!
//! Forward maximum matching against [`WORDS`] splits a title into tokens; a run of
//! characters the list does not know stays **one** token, so a break never falls inside
//! a word the list cannot see. A break may fall between two tokens, never before a
//! closing mark, a stop or a bound particle (`的`, `之`), never after an opening mark.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Words common in Chinese official and academic titles (policy verbs, domains,
/// document kinds, party and state bodies). Longer compounds win over their parts.
const WORDS: &str = "关于 进一步 加强 加快 推进 推动 深化 坚持 打造 构建 建设 实施 促进 提升 \
全面 深入 持续 奋力 谱写 学习 贯彻 落实 着力 聚焦 围绕 健全 完善 优化 强化 巩固 拓展 做好 \
做强 提高 增强 保障 维护 防范 化解 统筹 协调 实现 坚定 引领 服务 管理 取得 开创 书写 深学笃行 \
笃行 践行 赓续 弘扬 传承 研究 报告 意见 通知 决定 方案 规划 纲要 办法 条例 规定 工作 任务 目标 \
措施 政策 制度 机制 体制 体系 能力 经验 典范 华章 篇章 新篇章 格局 新发展格局 战略 理论 实践 \
探索 思考 分析 调查 对策 建议 路径 问题 若干 成效 成果 意义 价值 习近平 总书记 重要 指示 讲话 \
论述 重要论述 精神 思想 新时代 时代 中国特色社会主义 中国式 现代化 高质量 发展 经济 社会 \
经济社会 县域 县域经济 乡村 振兴 乡村振兴 农业 农村 农民 城乡 融合 共同富裕 共同 富裕 改革 \
开放 创新 治理 基层 党建 人民 群众 获得感 幸福感 安全感 党的 中共 中央 国务院 中共中央 \
中共中央国务院 二十大 二十届 三中全会 四中全会 全会 义乌 浙江 中国 全国 地方 区域 城市 市场 \
产业 科技 教育 文化 生态 文明 生态文明 安全 民生 干部 队伍 作风 纪律 政治 组织 宣传 法治 \
依法治国 全面从严治党 从严治党 新质生产力 生产力 数字 数字化 转型 营商环境 环境 保护 绿色 低碳 \
新发展理念 理念 双循环 国内 国际 对外 贸易 小商品 世界 一带一路 丝绸之路 人类命运共同体 \
命运共同体 体制机制 高水平 高标准 高效能 深刻 领会 把握 内涵 要求 使命 担当 初心 奋进 新征程 \
征程 伟大 复兴 民族 事业 建设者 企业 民营 经济体 主体 平台 项目 资源 要素 人才 队伍建设";

/// Words that open a phrase of a title (verbs of action, `关于`): a break before one of
/// them is preferred when the line widths come out equal either way.
const PHRASE_START: &str = "关于 坚持 深化 加快 推进 推动 加强 打造 构建 奋力 谱写 持续 增强 深入 \
全面 实现 取得 开创 书写 践行 着力 聚焦 围绕 健全 完善 提升 促进 实施 深学笃行 学习 贯彻 落实 以";

/// Longest entry of [`WORDS`] in characters.
const MAX_WORD: usize = 9;

fn words() -> &'static HashSet<&'static str> {
    static W: OnceLock<HashSet<&'static str>> = OnceLock::new();
    W.get_or_init(|| WORDS.split_whitespace().collect())
}

/// Characters a line must not start with: closing marks, stops and bound particles.
fn no_start(c: char) -> bool {
    "，、：；。！？”’）》」』】…—的之".contains(c)
}

/// Characters a line must not end with: opening marks.
fn no_end(c: char) -> bool {
    "“‘（《「『【".contains(c)
}

/// Punctuation and stand-alone function characters: always tokens of their own.
fn single(c: char) -> bool {
    no_start(c) || no_end(c) || "和与及暨".contains(c)
}

/// Length (in characters) of the longest listed word starting at `i`, if any.
fn word_at(chars: &[char], i: usize) -> Option<usize> {
    let w = words();
    (2..=MAX_WORD.min(chars.len() - i))
        .rev()
        .find(|&n| w.contains(chars[i..i + n].iter().collect::<String>().as_str()))
}

/// Token boundaries of `chars` (character indices, strictly inside the text).
fn tokens(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let len = if single(chars[i]) {
            1
        } else if let Some(n) = word_at(chars, i) {
            n
        } else {
            // An unknown run ends where a listed word or a single token begins.
            let mut j = i + 1;
            while j < chars.len() && !single(chars[j]) && word_at(chars, j).is_none() {
                j += 1;
            }
            j - i
        };
        i += len;
        if i < chars.len() {
            out.push(i);
        }
    }
    out
}

/// Character indices where a title may break between two lines (T23), each with whether
/// a phrase starts there (after a mark, or before a [`PHRASE_START`] word).
pub(super) fn title_breaks(chars: &[char]) -> Vec<(usize, bool)> {
    let toks = tokens(chars);
    let starts: HashSet<&str> = PHRASE_START.split_whitespace().collect();
    let ends = toks.iter().skip(1).copied().chain([chars.len()]);
    toks.iter()
        .copied()
        .zip(ends)
        .filter(|&(i, _)| !no_start(chars[i]) && !no_end(chars[i - 1]))
        .filter(|&(i, _)| !chars[i - 1].is_whitespace() && !chars[i].is_whitespace())
        .map(|(i, j)| {
            let word: String = chars[i..j].iter().collect();
            let phrase =
                starts.contains(word.as_str()) || "，、：；。！？”’）》".contains(chars[i - 1]);
            (i, phrase)
        })
        .collect()
}

/// Chooses `lines - 1` of the candidate `breaks` so that every line (width from
/// `width(from, to)`) fits `max` and the widths are as equal as possible (least squares
/// around the mean), each break inside a phrase costing `penalty` more. `None` when no
/// choice fits.
pub(super) fn balanced(
    n: usize,
    breaks: &[(usize, bool)],
    lines: usize,
    max: f32,
    penalty: f32,
    width: &mut dyn FnMut(usize, usize) -> f32,
) -> Option<Vec<usize>> {
    let mut pts = vec![0];
    let mut pen = vec![0.0];
    for &(b, phrase) in breaks.iter().filter(|&&(b, _)| b > 0 && b < n) {
        pts.push(b);
        pen.push(if phrase { 0.0 } else { penalty });
    }
    pts.push(n);
    pen.push(0.0);
    let m = pts.len();
    let total = width(0, n);
    let mean = total / lines as f32;
    // best[k][j]: cost of setting pts[0]..pts[j] in k lines, with the previous point.
    let mut best = vec![vec![None::<(f32, usize)>; m]; lines + 1];
    best[0][0] = Some((0.0, 0));
    for k in 1..=lines {
        for j in 1..m {
            for i in 0..j {
                let Some((c, _)) = best[k - 1][i] else {
                    continue;
                };
                let w = width(pts[i], pts[j]);
                if w > max + super::FIT_EPS {
                    continue;
                }
                let cost = c + (w - mean).powi(2) + pen[j];
                if best[k][j].is_none_or(|(b, _)| cost < b) {
                    best[k][j] = Some((cost, i));
                }
            }
        }
    }
    best[lines][m - 1]?;
    let mut out = Vec::new();
    let (mut k, mut j) = (lines, m - 1);
    while k > 0 {
        let (_, i) = best[k][j]?;
        if i > 0 {
            out.push(pts[i]);
        }
        j = i;
        k -= 1;
    }
    out.reverse();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn unknown_runs_stay_whole_and_particles_never_start_a_line() {
        let c = chars("关于甲乙丙丁的研究加快发展");
        // 关于 | 甲乙丙丁 | 的 | 研究 | 加快 | 发展: no break before 的.
        assert_eq!(
            title_breaks(&c),
            vec![(2, false), (7, false), (9, true), (11, false)]
        );
    }

    #[test]
    fn balanced_picks_the_most_equal_split_then_a_phrase_start() {
        let mut w = |a: usize, b: usize| (b - a) as f32;
        let plain = [(2, false), (4, false), (6, false), (8, false)];
        assert_eq!(balanced(10, &plain, 2, 10.0, 0.5, &mut w), Some(vec![4]));
        let phrase = [(2, false), (4, false), (6, true), (8, false)];
        assert_eq!(balanced(10, &phrase, 2, 10.0, 0.5, &mut w), Some(vec![6]));
        assert_eq!(
            balanced(10, &[(2, false), (8, false)], 2, 7.0, 0.5, &mut w),
            None
        );
    }
}
