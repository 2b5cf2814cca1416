//! The GB/T 9704-2012 page the gongwen tests measure against, in PDF points.

/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;
/// Top margin (GB/T 9704 5.2.2: 37 mm ± 1 mm).
pub const TOP: f32 = 37.0 * MM;
/// Left margin (28 mm ± 1 mm).
pub const LEFT: f32 = 28.0 * MM;
/// Width of the text block: 156 mm.
pub const WIDTH: f32 = 156.0 * MM;
/// Height of the text block: 225 mm.
pub const HEIGHT: f32 = 225.0 * MM;
/// Lines per page (5.2.1).
pub const LINES: usize = 22;
/// Characters per full line (5.2.1).
pub const CHARS: usize = 28;
/// Share of the em box above the baseline that the layout centres in a line
/// (`vlist::ASCENT_EM`).
pub const ASCENT_EM: f32 = 0.88;
