//! The XHTML writer shared by the XHTML-based backends (EPUB now, HTML later): AST blocks
//! and inlines to XHTML body markup, with TYPOGRAPHY §10 classes (T10 nowrap units, T15
//! autospace, T19 list markers, T22 run-in headings, T24 strong and emphasis, T25 Latin
//! quotes, T8 English words marked for hyphenation).
//!
//! What depends on how a format packages its pages (which file an anchor lives in, where
//! images are copied to, how footnotes are numbered and printed, which characters the
//! embedded fonts must cover) is asked of an [`XhtmlHost`]. The writer never imports from
//! a backend; backends depend on it.

mod blocks;
mod escape;
mod inline;
mod official;

use crate::ast::{Article, Document, Heading, HeadingScale};
use crate::backend::marks::MarkFaces;
use crate::log::Log;
use crate::style::{FontRole, Style};

pub use escape::{esc, href, is_ncname};

/// What the writer asks of the backend that owns the output files.
pub trait XhtmlHost {
    /// Source tag of the warnings the writer logs, e.g. `epub`.
    const LOG_TAG: &'static str;
    /// Name of the output format in warnings, e.g. `EPUB`.
    const FORMAT_NAME: &'static str;
    /// What the reader holds, in warnings about links that lead outside it, e.g. `book`.
    const CONTAINER: &'static str;

    /// The anchor id the host gave article `a`, if any.
    fn article_id<'a>(&'a self, a: &'a Article) -> Option<&'a str>;
    /// The anchor id the host gave heading `h`, if any.
    fn heading_id<'a>(&'a self, h: &'a Heading) -> Option<&'a str>;
    /// True when headings in the current file sit under an article title (`h1`), so each
    /// heading tag moves one level down.
    fn headings_below_title(&self) -> bool;
    /// The escaped `href` of anchor `fragment` of this document, seen from the current
    /// file (`""` means the start of the document); `None` when no anchor has that id.
    fn fragment_href(&self, fragment: &str) -> Option<String>;
    /// The (unescaped) `src` of image `src` as written in the input, or `None` (after a
    /// warning) when it cannot be shown; the writer then prints the alt text.
    fn image_src(&mut self, src: &str, log: &mut Log, line: usize) -> Option<String>;
    /// Notes that `text` is printed in `role` (for font subsets).
    fn record_chars(&mut self, role: FontRole, text: &str);
    /// The markup of a reference to the defined footnote `label`, printed in `role`.
    fn note_ref(&mut self, label: &str, role: FontRole) -> String;
    /// Notes that the Latin-context quote `c` is printed in `role`'s Latin quote face
    /// (class `lq-ROLE`, T25).
    fn record_latin_quote(&mut self, _role: FontRole, _c: char) {}
    /// Notes that an English word was marked `lang="en"` for hyphenation (T8).
    fn record_english_word(&mut self) {}
}

/// The class of a heading with this [`crate::ast::Heading::style_key`]: `h1`… for the
/// numbered T23 styles (as before Markdown headings had scales), `u1`… for the depth-based
/// scale, `d1`… for statute divisions, `art` for statute articles (T21/T23).
pub fn heading_class((scale, level): (HeadingScale, u8)) -> String {
    match scale {
        HeadingScale::Numbered(rank) => format!("h{}", rank.clamp(1, 6)),
        HeadingScale::Unnumbered => format!("u{}", level.clamp(1, 6)),
        HeadingScale::Division(rank) => format!("d{}", rank.clamp(1, 6)),
        HeadingScale::Article => "art".to_string(),
    }
}

/// The class a `<strong>` inside text of role `from` needs, naming the role it switches to:
/// `<strong>` itself only makes the text bold, which is enough where the strong face is the
/// bold weight of the same family (Song → SongBold), not where the family changes (T24:
/// strong in Kai or Fang is Hei). The stylesheet has a rule for each such class.
pub fn strong_class(from: FontRole) -> Option<&'static str> {
    let role = from.strong();
    (role != from.with_bold(true)).then(|| role.name())
}

/// Writes the `<body>` content of one XHTML file, block by block.
pub struct Writer<'w, H> {
    /// The backend's answers to format questions (ids, files, images, notes, fonts).
    pub host: H,
    /// The document (its footnotes and source file name).
    pub doc: &'w Document,
    /// The style (heading, title and quote fonts; title measure).
    pub style: &'w Style,
    /// Where warnings go.
    pub log: &'w mut Log,
    /// The markup written so far.
    pub out: String,
    /// Font roles in force, innermost last.
    pub roles: Vec<FontRole>,
    /// Depth of emphasis (T24: WEST runs inside stay italic without dots).
    pub emph: usize,
    /// Source line of the block being written, for warnings.
    pub line: usize,
    /// The last character written, for soft breaks between wide characters (T1).
    pub last: Option<char>,
    /// T25 faces of the marks of the paragraph being written.
    pub marks: MarkFaces,
    /// Nesting of [`Writer::inlines`]: 0 outside a paragraph's inlines.
    pub inline_depth: usize,
    /// Depth of the list being written (0 outside lists): picks the bullet.
    pub list_depth: usize,
}

impl<'w, H: XhtmlHost> Writer<'w, H> {
    /// A writer with nothing written yet, in the style's body font.
    pub fn new(host: H, doc: &'w Document, style: &'w Style, log: &'w mut Log) -> Self {
        Writer {
            host,
            doc,
            style,
            log,
            out: String::new(),
            roles: vec![style.body_font],
            emph: 0,
            line: 0,
            last: None,
            marks: MarkFaces::default(),
            inline_depth: 0,
            list_depth: 0,
        }
    }

    /// The font role in force.
    fn role(&self) -> FontRole {
        *self.roles.last().unwrap_or(&FontRole::Song)
    }

    /// Runs `f` with `role` in force.
    fn with_role(&mut self, role: FontRole, f: impl FnOnce(&mut Self)) {
        self.roles.push(role);
        f(self);
        self.roles.pop();
    }
}

#[cfg(test)]
mod tests;
