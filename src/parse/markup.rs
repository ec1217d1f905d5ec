//! A tolerant tag scanner for SGML-ish markup: elements, attributes, tags and
//! entity references found by plain string search.
//!
//! Used by the Reuters-21578 reader, whose files an XML parser rejects, and
//! for the HTML fragments of record fields ([`fragment_text`]). Every
//! function accepts broken input (unclosed elements, stray `&`) without panicking.

use std::sync::LazyLock;

use regex::Regex;

/// The content of the first `<NAME>...</NAME>` (without attributes).
pub fn element<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    element_with_attributes(text, name).map(|(_, content)| content)
}

/// The attribute text and content of the first `<NAME ...>...</NAME>`; an
/// unclosed element runs to the end of `text`.
pub fn element_with_attributes<'a>(text: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let open = format!("<{name}");
    let mut search_from = 0;
    let (attributes, content_start) = loop {
        let start = search_from + text.get(search_from..)?.find(&open)?;
        let after_name = &text[start + open.len()..];
        // `<TEXT` must not match `<TEXTS`: the name ends at `>` or whitespace.
        if after_name.starts_with(|c: char| c == '>' || c.is_whitespace()) {
            let close = after_name.find('>')?;
            break (&after_name[..close], start + open.len() + close + 1);
        }
        search_from = start + open.len();
    };
    let content = &text[content_start..];
    let end = content.find(&format!("</{name}>")).unwrap_or(content.len());
    Some((attributes, &content[..end]))
}

/// The value of `NAME="value"` in a tag's attribute text.
pub fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!("{name}=\"");
    let start = attributes.find(&marker)? + marker.len();
    let length = attributes[start..].find('"')?;
    Some(&attributes[start..start + length])
}

/// Removes `<...>` tags (used on UNPROC text, which may still hold a stray tag).
pub fn strip_tags(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        output.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    output.push_str(rest);
    output
}

/// Whether a field's text holds HTML tags rather than plain prose.
pub fn looks_like_markup(text: &str) -> bool {
    text.contains("</") || text.contains("<p") || text.contains("<br")
}

/// Elements whose content is never text: scripts, styles, templates, comments.
static HIDDEN: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<template\b.*?</template\s*>|<noscript\b.*?</noscript\s*>|<!--.*?-->").unwrap()
});
/// Tags that end a block of text: a paragraph, a heading, a list item, a cell.
static BLOCK_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?i)</(?:p|div|li|h[1-6]|tr|td|th|dd|dt|ul|ol|table|blockquote|section|article|header|footer|nav|aside|figure|figcaption|option|title)\s*>|<hr\s*/?>").unwrap()
});
static LINE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?i)<br\s*/?>").unwrap()
});

/// An HTML fragment (a field of a JSON record, a CSV cell, an RSS
/// description) -> text: scripts and styles dropped, each block (paragraph,
/// heading, list item, cell) a paragraph of its own, so that a menu's items
/// stay apart (`Afghanistan` and `Kerala`, not `AfghanistanKerala`), and the
/// usual entities decoded.
pub fn fragment_text(html: &str) -> String {
    let visible = HIDDEN.replace_all(html, " ");
    let with_blocks = BLOCK_BREAK.replace_all(&visible, "\n\n");
    let with_breaks = LINE_BREAK.replace_all(&with_blocks, "\n");
    let text = super::trec::unescape_sgml(&strip_tags(&with_breaks));
    let paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// `&lt; &gt; &amp; &quot;` -> characters; `&#N;` control references are
/// dropped (they are wire-service framing, not text), printable ones decoded.
pub fn unescape(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(ampersand) = rest.find('&') {
        output.push_str(&rest[..ampersand]);
        let candidate = &rest[ampersand..];
        let reference_len = candidate.find(';').filter(|&end| end <= 8);
        let Some(end) = reference_len else {
            output.push('&');
            rest = &candidate[1..];
            continue;
        };
        let name = &candidate[1..end];
        let replacement = match name {
            "lt" => Some(Some('<')),
            "gt" => Some(Some('>')),
            "amp" => Some(Some('&')),
            "quot" => Some(Some('"')),
            _ => name
                .strip_prefix('#')
                .and_then(|digits| digits.parse::<u32>().ok())
                .map(|code| char::from_u32(code).filter(|c| !c.is_control())),
        };
        match replacement {
            Some(character) => {
                output.extend(character);
                rest = &candidate[end + 1..];
            }
            None => {
                output.push('&');
                rest = &candidate[1..];
            }
        }
    }
    output.push_str(rest);
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_references() {
        let cases = [
            ("a &lt;b&gt; &amp; c", "a <b> & c"),
            ("x&#3;y&#31;z", "xyz"),
            ("caf&#233;", "caf\u{e9}"),
            ("AT&T; rose", "AT&T; rose"),
            ("fish & chips", "fish & chips"),
            ("trailing &", "trailing &"),
        ];
        for (text, expected) in cases {
            assert_eq!(unescape(text), expected, "{text:?}");
        }
    }

    #[test]
    fn fragment_text_keeps_blocks_apart_and_drops_scripts() {
        let menu = "<ul><li>Afghanistan</li><li>Kerala</li></ul><script>var story_id = 1;</script>\
                    <style>p{color:red}</style><!-- ad --><p>Talks &amp; more.</p><div>Next</div>";
        assert_eq!(
            fragment_text(menu),
            "Afghanistan\n\nKerala\n\nTalks & more.\n\nNext"
        );
        assert_eq!(
            fragment_text("<p>One<br>two</p><P>Three</P>"),
            "One two\n\nThree"
        );
    }

    #[test]
    fn finds_elements_and_attributes() {
        let text = "<TEXT TYPE=\"BRIEF\"><TITLE>A</TITLE><TEXTS>x</TEXTS>";
        assert_eq!(
            element_with_attributes(text, "TEXT"),
            Some((" TYPE=\"BRIEF\"", "<TITLE>A</TITLE><TEXTS>x</TEXTS>"))
        );
        assert_eq!(element(text, "TITLE"), Some("A"));
        assert_eq!(element(text, "TEXTS"), Some("x"));
        assert_eq!(element(text, "BODY"), None);
        assert_eq!(element("<BODY>unclosed", "BODY"), Some("unclosed"));
        assert_eq!(attribute(" TYPE=\"BRIEF\"", "TYPE"), Some("BRIEF"));
        assert_eq!(attribute(" TYPE=\"BRIEF", "TYPE"), None);
        assert_eq!(strip_tags("a<B>b</B>c<unclosed"), "abc<unclosed");
    }
}
