//! The EPUB 3 navigation document (nested TOC + landmarks) and the NCX for older readers.

use super::book::NavEntry;
use super::chapter::page;
use crate::backend::xhtml::{esc, href};

/// `nav.xhtml`: the nested table of contents under `toc_title` (`toc.title`) and the
/// landmarks.
pub fn nav_xhtml(
    lang: &str,
    title: &str,
    toc_title: &str,
    nav: &[NavEntry],
    body_start: &str,
) -> String {
    let mut body = format!(
        "<nav epub:type=\"toc\" id=\"toc\">\n<h1>{}</h1>\n",
        esc(toc_title)
    );
    ol(nav, &mut body);
    body.push_str("</nav>\n<nav epub:type=\"landmarks\" hidden=\"\">\n<h2>导览</h2>\n<ol>\n");
    body.push_str(&format!(
        "<li><a epub:type=\"bodymatter\" href=\"{}\">正文</a></li>\n</ol>\n</nav>\n",
        href(body_start)
    ));
    page(lang, title, None, &body)
}

fn ol(entries: &[NavEntry], out: &mut String) {
    out.push_str("<ol>\n");
    for e in entries {
        out.push_str(&format!(
            "<li><a href=\"{}\">{}</a>",
            href(&e.href),
            esc(&e.title)
        ));
        if !e.children.is_empty() {
            out.push('\n');
            ol(&e.children, out);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

fn depth(entries: &[NavEntry]) -> usize {
    entries
        .iter()
        .map(|e| 1 + depth(&e.children))
        .max()
        .unwrap_or(0)
}

/// `toc.ncx`: the same tree for EPUB 2 reading systems.
pub fn toc_ncx(lang: &str, uid: &str, title: &str, nav: &[NavEntry]) -> String {
    let mut points = String::new();
    let mut order = 0;
    fn go(entries: &[NavEntry], order: &mut usize, out: &mut String, indent: usize) {
        for e in entries {
            *order += 1;
            let pad = "  ".repeat(indent);
            out.push_str(&format!(
                "{pad}<navPoint id=\"np{o}\" playOrder=\"{o}\">\n{pad}  <navLabel><text>{t}</text></navLabel>\n{pad}  <content src=\"{s}\"/>\n",
                o = order,
                t = esc(&e.title),
                s = href(&e.href)
            ));
            go(&e.children, order, out, indent + 1);
            out.push_str(&format!("{pad}</navPoint>\n"));
        }
    }
    go(nav, &mut order, &mut points, 1);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"{lang}\">\n\
<head>\n<meta name=\"dtb:uid\" content=\"{uid}\"/>\n<meta name=\"dtb:depth\" content=\"{d}\"/>\n\
<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n\
<docTitle><text>{title}</text></docTitle>\n<navMap>\n{points}</navMap>\n</ncx>\n",
        lang = esc(lang),
        uid = esc(uid),
        d = depth(nav).max(1),
        title = esc(title),
    )
}
