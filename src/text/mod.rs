//! Facts about text that every layer needs (readers, passes, layout, backends) and that
//! belong to none of them: the character classes of TYPOGRAPHY.md §0 and T7.

pub mod chars;
