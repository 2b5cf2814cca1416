//! Facts about text that every layer needs (readers, passes, layout, backends) and that
//! belong to none of them: the character classes of TYPOGRAPHY.md §0 and T7, and the T25
//! face of the marks Latin and CJK fonts share (T25), and English hyphenation (T8).

pub mod chars;
pub mod hyphenate;
pub mod quotes;
