//! The call into the extraction crate (rs-trafilatura, trafilatura's rules on
//! an html5ever DOM), kept safe for untrusted pages.
//!
//! Three guards, each because the crate can be driven into them by a page:
//! - its time grows with the square of the nesting depth (10,000 nested
//!   `<div>`s took 29 s, 1,000 took 0.4 s), and deep recursion can overflow
//!   a worker thread's stack, which no `catch_unwind` survives: a page is read
//!   only up to the point where its markup nests deeper than [`MAX_NESTING`];
//! - its time grows with the size of the page (about 0.4 s a megabyte): a
//!   page is read up to [`MAX_HTML_BYTES`];
//! - a panic inside it becomes this page's error, so that the other records
//!   of a WARC file are kept (a whole file's panic is caught in `ingest`).

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use rs_trafilatura::page_type::PageType;
use rs_trafilatura::{ExtractResult, Options};

use crate::parse::ParseError;

/// Bytes of markup read from one page. News pages are 50 KB to 1 MB.
pub const MAX_HTML_BYTES: usize = 4 << 20;

/// Open elements deeper than this end the part of the page that is read.
/// News pages nest 20 to 60 deep.
pub const MAX_NESTING: usize = 500;

/// Elements that never hold content (no end tag) or whose end tag is
/// usually left out; they are not counted as nesting.
const UNCOUNTED_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype", "param",
];

/// Runs the extractor on one page, guarded as the module says.
pub fn extract(html: &str) -> Result<ExtractResult, ParseError> {
    let bounded = within_bounds(html);
    let flowed = without_source_line_breaks(bounded);
    // The page is handed over as an article page: newsdex reads news, and the
    // crate's page-type classifier costs a third of its time.
    let options = Options {
        page_type: Some(PageType::Article),
        ..Options::default()
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        rs_trafilatura::extract_with_options(&flowed, &options)
    }));
    match outcome {
        Ok(Ok(result)) => Ok(result),
        Ok(Err(rs_trafilatura::Error::NoContent)) => Err(ParseError::NoBody),
        Ok(Err(error)) => Err(ParseError::Malformed(format!("html page: {error}"))),
        Err(_) => Err(ParseError::Malformed(
            "html page: the article extractor failed on it".to_string(),
        )),
    }
}

/// The part of the page the extractor reads: at most [`MAX_HTML_BYTES`],
/// and nothing from the first tag that nests deeper than [`MAX_NESTING`].
pub fn within_bounds(html: &str) -> &str {
    let size_cut = floor_char_boundary(html, MAX_HTML_BYTES);
    let sized = &html[..size_cut];
    match first_too_deep_tag(sized) {
        Some(cut) => &sized[..cut],
        None => sized,
    }
}

/// The page with the line breaks inside its text (between two characters of
/// text, outside tags) folded into a space, as a browser shows them: a
/// pretty-printed page breaks its paragraphs' source over several lines (`the
/// World Travel and Tourism\n Council`), and the extractor keeps those
/// breaks, so each line became a paragraph and names were cut in two. Breaks
/// next to a tag are kept: the extractor reads paragraphs apart by them. A
/// page with `<pre>` text, whose breaks are its content, is left as it is.
fn without_source_line_breaks(html: &str) -> Cow<'_, str> {
    let has_breaks = html.contains('\n') || html.contains('\r');
    if !has_breaks || contains_ignoring_case(html, "<pre") {
        return Cow::Borrowed(html);
    }
    let mut flowed = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut run = String::new();
    for character in html.chars() {
        if !in_tag && character.is_whitespace() {
            run.push(character);
            continue;
        }
        if !run.is_empty() {
            let after_text = flowed.chars().next_back().is_some_and(|c| c != '>');
            let before_text = character != '<';
            let breaks_line = run.contains(['\n', '\r']);
            if breaks_line && after_text && before_text {
                flowed.push(' ');
            } else {
                flowed.push_str(&run);
            }
            run.clear();
        }
        match character {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        flowed.push(character);
    }
    flowed.push_str(&run);
    Cow::Owned(flowed)
}

/// Whether `text` contains `needle` (ASCII) in any case.
fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The byte offset of the first start tag that opens element number
/// `MAX_NESTING + 1` of the open-element stack, counted from the tags' names
/// alone (a tolerant count: end tags close one level whatever their name).
fn first_too_deep_tag(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut position = 0;
    while let Some(found) = bytes[position..].iter().position(|byte| *byte == b'<') {
        let tag_start = position + found;
        position = tag_start + 1;
        let rest = &bytes[position..];
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|byte| byte.is_ascii_alphanumeric() || **byte == b'!')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[..name_len]).to_ascii_lowercase();
        if UNCOUNTED_ELEMENTS.contains(&name.as_str()) || name.starts_with('!') {
            continue;
        }
        if is_self_closing(&rest[name_len..]) {
            continue;
        }
        depth += 1;
        if depth > MAX_NESTING {
            return Some(tag_start);
        }
    }
    None
}

/// Whether the start tag whose remainder (after its name) is `rest` ends
/// with `/>`.
fn is_self_closing(rest: &[u8]) -> bool {
    let Some(end) = rest.iter().position(|byte| *byte == b'>') else {
        return false;
    };
    end > 0 && rest[end - 1] == b'/'
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|index| text.is_char_boundary(*index))
        .unwrap_or(0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_cut_where_it_nests_too_deep() {
        let opening = "<html><body><article><p>Kept text.</p>";
        let deep = "<div>".repeat(MAX_NESTING + 10);
        let page = format!("{opening}{deep}<p>Lost text.</p>");
        let read = within_bounds(&page);
        assert!(read.starts_with(opening));
        assert!(!read.contains("Lost text"));
        assert!(read.len() < page.len());
    }

    #[test]
    fn unclosed_paragraphs_and_void_elements_do_not_count_as_nesting() {
        let page = "<p>One<br>two<img src=x><hr/>".repeat(MAX_NESTING * 2);
        assert_eq!(within_bounds(&page), page);
        let closed = "<div><span>text</span></div>".repeat(MAX_NESTING * 2);
        assert_eq!(within_bounds(&closed), closed);
    }

    #[test]
    fn a_huge_page_is_cut_on_a_char_boundary() {
        let page = "é".repeat(MAX_HTML_BYTES);
        let read = within_bounds(&page);
        assert!(read.len() <= MAX_HTML_BYTES);
        assert!(read.len() > MAX_HTML_BYTES - 4);
    }
}
