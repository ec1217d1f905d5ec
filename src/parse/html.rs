//! Saved HTML article pages: the article's text without navigation and
//! boilerplate; title, date, author and url from `<meta>`, JSON-LD and `<time>`.
//!
//! The body comes from rs-trafilatura (a port of trafilatura's rules on an
//! html5ever DOM), called through [`extractor`] with bounds on size and
//! nesting and its panics caught, then cleaned of the site boilerplate it
//! leaves in ([`boilerplate`]). Measured on the article-extraction
//! benchmark's 91 dev pages (`scripts/score_html_pages.sh`), article-body
//! F1 / precision / recall: the regex scan this replaced 0.859 / 0.846 /
//! 0.873 at ~400 pages/s; rs-trafilatura alone 0.957 / 0.925 / 0.992;
//! with the boilerplate filter (this module) 0.960 / 0.930 / 0.992 at ~60
//! pages/s; dom_smoothie 0.19 (readability) measured 0.954 at ~270 pages/s.
//!
//! The page's own metadata wins over the crate's: `<meta>` (Open Graph,
//! Dublin Core, news sites' own keys), JSON-LD `datePublished` and
//! `<time datetime>` keep the date as written (offset or local time), where
//! the crate gives a UTC instant. The crate's title, author, date (as a
//! calendar day), url and site name fill what those leave empty.

mod boilerplate;
mod extractor;

use std::sync::LazyLock;

use regex::Regex;

use crate::article::ArticleDate;

use super::byline::author_from_byline;
use super::dates::parse_date;
use super::trec::unescape_sgml;
use super::{ParseError, ParsedArticle};

static META: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r#"(?is)<meta\s[^>]*>"#).unwrap()
});
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r#"(?is)([a-z:_.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).unwrap()
});
static JSON_LD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r#""datePublished"\s*:\s*"([^"]+)""#).unwrap()
});
static TIME_DATETIME: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r#"(?is)<time[^>]*\sdatetime\s*=\s*["']([^"']+)["']"#).unwrap()
});
/// Whether decoded text is an HTML page.
/// Whether decoded text is an HTML page, or a fragment of one that opens
/// with a block element (`<div ...><p>...`).
pub fn looks_like_html(text: &str) -> bool {
    let head = lowercase_head(text);
    let trimmed = head.trim_start();
    let is_fragment = ["<div", "<p>", "<p ", "<article", "<section", "<body"]
        .iter()
        .any(|open| trimmed.starts_with(open));
    opens_a_page(&head) || is_fragment
}

/// The first 2 KB of `text` in lowercase, where a page says it is one.
fn lowercase_head(text: &str) -> String {
    text.get(..text.len().min(2048))
        .unwrap_or(text)
        .to_ascii_lowercase()
}

/// Whether a lowercase head opens a whole page (a doctype or `<html>`).
fn opens_a_page(lower_head: &str) -> bool {
    lower_head.contains("<!doctype html") || lower_head.contains("<html")
}

/// The text of a record field that holds markup: a whole page (a crawler's
/// saved response) gives its article body, as a saved page does; a fragment,
/// or a page with no article in it, its text with blocks kept apart.
pub fn markup_text(markup: &str) -> String {
    let article_body = opens_a_page(&lowercase_head(markup))
        .then(|| parse_html_page(markup).ok())
        .flatten()
        .map(|article| article.body);
    article_body.unwrap_or_else(|| super::markup::fragment_text(markup))
}

/// A page whose body has no line of at least this many words is not an
/// article (a sign-up form, a login wall, a page of links).
const MIN_PROSE_LINE_WORDS: usize = 5;

/// Reads one saved article page.
pub fn parse_html_page(html: &str) -> Result<ParsedArticle, ParseError> {
    let extracted = extractor::extract(html)?;
    let lines = boilerplate::article_lines(&extracted.content_text);
    let has_prose = lines
        .iter()
        .any(|line| line.split_whitespace().count() >= MIN_PROSE_LINE_WORDS);
    if !has_prose {
        return Err(ParseError::NoBody);
    }
    let own = own_metadata(html);
    let found = extracted.metadata;
    let own_date = own.date_text.as_deref().and_then(parse_date);
    let found_day = found
        .date
        .map(|instant| ArticleDate::Day(instant.date_naive()));
    let date = own_date.or(found_day);
    let found_title = found.title.map(|title| clean_inline(&title));
    let title = own.title.or(found_title).or(own.document_title);
    let body = without_leading_title(&lines, title.as_deref()).join("\n\n");
    Ok(ParsedArticle {
        date,
        unreadable_date: own.date_text.filter(|_| date.is_none()),
        title,
        author: own
            .author
            .or(found.author)
            .and_then(|author| author_from_byline(&clean_inline(&author))),
        url: own.url.or(found.url),
        source: own.site_name.or(found.sitename),
        body,
        ..ParsedArticle::default()
    })
}

/// What the page's own markup says of itself, by the rules newsdex keeps
/// whatever the extractor finds.
#[derive(Debug, Default)]
struct OwnMetadata {
    /// `og:title`, `twitter:title` or a `headline` meta.
    title: Option<String>,
    /// `<title>` without the site's name: the last resort.
    document_title: Option<String>,
    date_text: Option<String>,
    author: Option<String>,
    url: Option<String>,
    site_name: Option<String>,
}

fn own_metadata(html: &str) -> OwnMetadata {
    let metas = meta_values(html);
    let meta = |names: &[&str]| {
        names.iter().find_map(|name| {
            metas
                .iter()
                .find(|(key, value)| key.eq_ignore_ascii_case(name) && !value.trim().is_empty())
                .map(|(_, value)| clean_inline(value))
        })
    };
    let date_text = meta(&[
        "article:published_time",
        "datePublished",
        "pubdate",
        "publishdate",
        "date",
        "dc.date.issued",
        "dc.date",
        "sailthru.date",
        "parsely-pub-date",
    ])
    .or_else(|| {
        JSON_LD_DATE
            .captures(html)
            .map(|found| found[1].to_string())
    })
    .or_else(|| {
        TIME_DATETIME
            .captures(html)
            .map(|found| found[1].to_string())
    });
    OwnMetadata {
        title: meta(&["og:title", "twitter:title", "headline"]),
        document_title: element_text(html, "title").map(|title| without_site_suffix(&title)),
        date_text,
        author: meta(&["author", "article:author", "byl", "sailthru.author"])
            .filter(|author| !author.starts_with("http")),
        url: meta(&["og:url"]).or_else(|| canonical_link(html)),
        site_name: meta(&["og:site_name"]),
    }
}

/// The body's lines without the headline when the extractor's fallback
/// glued it to the first paragraph (`Ferry returnsThe ferry returned ...`):
/// the title is the article's title, not its text.
fn without_leading_title(lines: &[String], title: Option<&str>) -> Vec<String> {
    let mut kept = lines.to_vec();
    let (Some(title), Some(first)) = (title, kept.first_mut()) else {
        return kept;
    };
    let rest = first
        .strip_prefix(title)
        .map(|rest| rest.trim().to_string())
        .filter(|rest| !rest.is_empty());
    if let Some(rest) = rest {
        *first = rest;
    }
    kept
}

/// `(name or property, content)` of every `<meta>`.
fn meta_values(html: &str) -> Vec<(String, String)> {
    META.find_iter(html)
        .filter_map(|tag| {
            let mut key = None;
            let mut content = None;
            for found in ATTRIBUTE.captures_iter(tag.as_str()) {
                let name = found[1].to_ascii_lowercase();
                let value = found
                    .get(2)
                    .or_else(|| found.get(3))
                    .map_or("", |m| m.as_str());
                match name.as_str() {
                    "name" | "property" | "itemprop" => key = Some(value.to_string()),
                    "content" => content = Some(value.to_string()),
                    _ => {}
                }
            }
            Some((key?, content?))
        })
        .collect()
}

fn canonical_link(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let at = lower.find("rel=\"canonical\"")?;
    let tag_start = lower[..at].rfind('<')?;
    let tag_end = at + lower[at..].find('>')?;
    let tag = html.get(tag_start..tag_end)?;
    ATTRIBUTE
        .captures_iter(tag)
        .find(|found| found[1].eq_ignore_ascii_case("href"))
        .and_then(|found| {
            found
                .get(2)
                .or_else(|| found.get(3))
                .map(|m| m.as_str().to_string())
        })
}

/// `Ferry returns | Example News` -> `Ferry returns`: a short last part after
/// a separator is the site's name.
fn without_site_suffix(title: &str) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((headline, site)) = title.rsplit_once(separator) {
            if site.split_whitespace().count() <= 4 && headline.split_whitespace().count() >= 2 {
                return headline.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

fn element_text(html: &str, name: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find(&format!("<{name}"))?;
    let content_start = open + lower[open..].find('>')? + 1;
    let content_end = content_start + lower[content_start..].find(&format!("</{name}"))?;
    let text = clean_inline(html.get(content_start..content_end)?);
    (!text.is_empty()).then_some(text)
}

fn clean_inline(text: &str) -> String {
    unescape_sgml(&super::markup::strip_tags(text))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
