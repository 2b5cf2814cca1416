//! Document facts worked out once: the title, subtitle, authors and language every backend
//! prints (PDF metadata, DOCX core properties, EPUB package and navigation), so the three
//! outputs of one input never disagree about them.

use super::{plain_text, Block, Document, Meta};

/// The title printed when a document has no title, article, heading or file name.
pub const UNTITLED: &str = "未命名";

/// What the articles say about the document: the first article's title and subtitle and
/// every byline name. The structure pass copies it into [`Meta`]; [`ResolvedMeta`] falls
/// back to it when the front matter is silent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleFacts {
    /// Plain text of the first article's title, if it is not blank.
    pub title: Option<String>,
    /// Plain text of the first article's subtitle, if it has one.
    pub subtitle: Option<String>,
    /// Byline names of all articles in order, each once.
    pub authors: Vec<String>,
}

/// The document facts every backend uses, each decided by one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedMeta {
    /// The front-matter title; else the first article's title; else the first top-level
    /// heading; else the input file's stem; else [`UNTITLED`]. Never blank, trimmed.
    pub title: String,
    /// The front-matter subtitle; else the first article's subtitle. Backends with a
    /// "subject" or "description" field (PDF, DOCX) write this there.
    pub subtitle: Option<String>,
    /// The front-matter authors when there are any, else the byline names of all articles;
    /// trimmed, blanks dropped, each name once, in order of first appearance.
    pub authors: Vec<String>,
    /// BCP 47 language tag, trimmed; `zh-CN` when blank.
    pub language: String,
}

/// `s` trimmed, or `None` when it is blank.
fn non_blank(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Trimmed, non-blank names, each once, in order of first appearance.
fn dedup_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names.into_iter().filter_map(non_blank) {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

impl Document {
    /// The first article's title and subtitle and all byline names (see [`ArticleFacts`]).
    pub fn article_facts(&self) -> ArticleFacts {
        let first = self.articles().next();
        ArticleFacts {
            title: first.and_then(|a| non_blank(&plain_text(&a.title))),
            subtitle: first
                .and_then(|a| a.subtitle.as_deref())
                .map(|s| plain_text(s).trim().to_string()),
            authors: dedup_names(
                self.articles()
                    .flat_map(|a| a.bylines.iter().map(|b| b.name.as_str())),
            ),
        }
    }

    /// What a chapter of the document is, for books (recto starts, running heads): 0 when it
    /// has two or more articles (each article is a chapter), else 1 (its level-1 headings).
    pub fn chapter_level(&self) -> u8 {
        if self.articles().nth(1).is_some() {
            0
        } else {
            1
        }
    }

    /// Title, subtitle, authors and language as every backend prints them (one rule per
    /// fact, documented on [`ResolvedMeta`]'s fields).
    pub fn resolved_meta(&self) -> ResolvedMeta {
        let meta = &self.meta;
        let facts = self.article_facts();
        let first_heading = || {
            self.blocks.iter().find_map(|b| match b {
                Block::Heading(h) => non_blank(&plain_text(&h.content)),
                _ => None,
            })
        };
        let file_stem = || {
            let stem = meta.source.as_ref()?.file_stem()?;
            non_blank(&stem.to_string_lossy())
        };
        let title = meta
            .title
            .as_deref()
            .and_then(non_blank)
            .or(facts.title)
            .or_else(first_heading)
            .or_else(file_stem)
            .unwrap_or_else(|| UNTITLED.to_string());
        let subtitle = meta.subtitle.clone().or(facts.subtitle);
        let authors = if meta.authors.is_empty() {
            facts.authors
        } else {
            dedup_names(meta.authors.iter().map(String::as_str))
        };
        let language = non_blank(&meta.language).unwrap_or_else(|| "zh-CN".to_string());
        ResolvedMeta {
            title,
            subtitle,
            authors,
            language,
        }
    }

    /// The front matter, when its title stands alone: a document with a non-blank
    /// front-matter title and no articles prints that title, subtitle and authors as one
    /// title block (T23), like an article's.
    pub fn title_block(&self) -> Option<&Meta> {
        let titled = self
            .meta
            .title
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty());
        (titled && self.articles().next().is_none()).then_some(&self.meta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{Article, Byline, Heading, HeadingScale, Inline};
    use std::path::PathBuf;

    fn t(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.to_string())]
    }

    fn article(title: &str, subtitle: Option<&str>, authors: &[&str]) -> Block {
        Block::Article(Article {
            title: t(title),
            subtitle: subtitle.map(t),
            body: Vec::new(),
            bylines: authors.iter().map(|n| Byline::of_author(n)).collect(),
            id: String::new(),
            line: 0,
        })
    }

    fn heading(text: &str) -> Block {
        Block::Heading(Heading {
            level: 1,
            scale: HeadingScale::Numbered(1),
            content: t(text),
            run_in: Vec::new(),
            id: String::new(),
            line: 0,
        })
    }

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            blocks,
            ..Default::default()
        }
    }

    #[test]
    fn front_matter_wins_over_articles() {
        let mut d = doc(vec![article("甲", Some("乙"), &["张三"])]);
        d.meta.title = Some(" 书名 ".into());
        d.meta.subtitle = Some("副题".into());
        d.meta.authors = vec!["李四".into()];
        let r = d.resolved_meta();
        assert_eq!(r.title, "书名");
        assert_eq!(r.subtitle.as_deref(), Some("副题"));
        assert_eq!(r.authors, ["李四"]);
    }

    #[test]
    fn articles_give_title_subtitle_of_the_first_and_every_author_once() {
        let d = doc(vec![
            article("第一篇", None, &["张三", "李四"]),
            article("第二篇", Some("后一篇的副题"), &["李四", " 王五 ", ""]),
        ]);
        let r = d.resolved_meta();
        assert_eq!(r.title, "第一篇", "the first article's title, never a join");
        assert_eq!(r.subtitle, None, "only the first article's subtitle");
        assert_eq!(r.authors, ["张三", "李四", "王五"]);
    }

    #[test]
    fn front_matter_authors_are_deduplicated_too() {
        let mut d = doc(Vec::new());
        d.meta.authors = vec!["张三".into(), "张三 ".into(), " ".into(), "李四".into()];
        assert_eq!(d.resolved_meta().authors, ["张三", "李四"]);
    }

    #[test]
    fn title_falls_back_to_heading_then_file_then_untitled() {
        let mut d = doc(vec![heading(" "), heading("第一章")]);
        d.meta.title = Some("  ".into());
        d.meta.source = Some(PathBuf::from("dir/讲稿.md"));
        assert_eq!(d.resolved_meta().title, "第一章");
        d.blocks.clear();
        assert_eq!(d.resolved_meta().title, "讲稿");
        d.meta.source = None;
        assert_eq!(d.resolved_meta().title, UNTITLED);
    }

    #[test]
    fn blank_language_is_zh_cn() {
        let mut d = doc(Vec::new());
        d.meta.language = " ".into();
        assert_eq!(d.resolved_meta().language, "zh-CN");
        d.meta.language = " en ".into();
        assert_eq!(d.resolved_meta().language, "en");
    }

    #[test]
    fn title_block_only_for_a_front_matter_title_without_articles() {
        let mut d = doc(vec![heading("一")]);
        assert!(d.title_block().is_none());
        d.meta.title = Some("书名".into());
        assert!(d.title_block().is_some());
        d.blocks.push(article("篇", None, &[]));
        assert!(d.title_block().is_none());
    }
}
