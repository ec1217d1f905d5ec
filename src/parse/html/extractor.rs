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
    let plain = without_inline_formatting(&flowed);
    // The page is handed over as an article page: newsdex reads news, and the
    // crate's page-type classifier costs a third of its time.
    let options = Options {
        page_type: Some(PageType::Article),
        ..Options::default()
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        rs_trafilatura::extract_with_options(&plain, &options)
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

/// Elements that only style a run of text within a paragraph (`cite` is not
/// one: a site may style it apart, as CNN its `Hong Kong (CNN Business)`).
const INLINE_FORMATTING: &[&str] = &[
    "i", "em", "b", "strong", "u", "s", "mark", "small", "abbr", "font",
];

/// The page without the tags of [`INLINE_FORMATTING`], their text kept in
/// place: the extractor writes each text node with a space after it, so
/// `<i>Coloring Book</i>’s opening` became `Coloring Book ’s opening`, a
/// possessive cut off its name. A browser shows the run of text unbroken.
fn without_inline_formatting(html: &str) -> Cow<'_, str> {
    let mut kept = String::new();
    let mut copied_to = 0;
    let mut position = 0;
    while let Some(found) = html[position..].find('<') {
        let tag_start = position + found;
        position = tag_start + 1;
        let rest = &html[position..];
        let name_start = usize::from(rest.starts_with('/'));
        let name_length = rest[name_start..]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let name = &rest[name_start..name_start + name_length];
        let name_ends = matches!(
            rest.as_bytes().get(name_start + name_length),
            Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
        );
        let formatting = INLINE_FORMATTING
            .iter()
            .any(|element| element.eq_ignore_ascii_case(name));
        if !(formatting && name_ends) {
            continue;
        }
        let Some(tag_length) = rest.find('>') else {
            break;
        };
        kept.push_str(&html[copied_to..tag_start]);
        copied_to = position + tag_length + 1;
        position = copied_to;
    }
    if copied_to == 0 {
        return Cow::Borrowed(html);
    }
    kept.push_str(&html[copied_to..]);
    Cow::Owned(kept)
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

    /// Regression (a concert review in a WARC): `<i>Coloring Book</i>’s
    /// opening number` was read `Coloring Book ’s`, and `Book` became a person.
    #[test]
    fn inline_formatting_tags_go_and_their_text_stays_in_place() {
        let page = "<p>Of <I>Coloring Book</i>’s songs, <b class=x>two</B> <em>are</em> \
            <br><body><button>new</button>.</p>";
        let plain = without_inline_formatting(page);
        assert_eq!(
            plain,
            "<p>Of Coloring Book’s songs, two are <br><body><button>new</button>.</p>"
        );
        let untouched = "<p>No <a href=x>styling</a> here.</p>";
        assert!(matches!(
            without_inline_formatting(untouched),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_huge_page_is_cut_on_a_char_boundary() {
        let page = "é".repeat(MAX_HTML_BYTES);
        let read = within_bounds(&page);
        assert!(read.len() <= MAX_HTML_BYTES);
        assert!(read.len() > MAX_HTML_BYTES - 4);
    }
}
