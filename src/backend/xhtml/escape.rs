//! The one escaping helper every XHTML and EPUB package file goes through, plus XML name
//! checks.

/// Escapes text for XML element content and double-quoted attribute values.
/// Control characters XML 1.0 forbids are dropped (epubcheck rejects them).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// True when `s` is a valid XML NCName (so it can be an `id` in XHTML and the OPF).
pub fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    name_start(first) && chars.all(|c| name_start(c) || name_char(c))
}

fn name_start(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '_'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn name_char(c: char) -> bool {
    matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Percent-encodes what may not appear in an `href` (spaces, quotes, angle brackets, controls).
pub fn href(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if (c as u32) < 0x20 || c == '\u{7F}' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    esc(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(esc("a<b>&\"c\u{1}"), "a&lt;b&gt;&amp;&quot;c");
    }

    #[test]
    fn ncname() {
        assert!(is_ncname("总体要求"));
        assert!(is_ncname("h-1.2"));
        assert!(!is_ncname("1abc"));
        assert!(!is_ncname("a b"));
        assert!(!is_ncname("a:b"));
        assert!(!is_ncname(""));
    }

    #[test]
    fn href_encodes_spaces() {
        assert_eq!(
            href("https://a.cn/x y?a=1&b=2"),
            "https://a.cn/x%20y?a=1&amp;b=2"
        );
    }
}
