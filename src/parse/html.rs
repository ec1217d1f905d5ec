//! Saved HTML article pages: the article's text without navigation and
//! boilerplate; title, date, author and url from `<meta>`, JSON-LD and `<time>`.
//!
//! A tolerant scan, not a DOM: page chrome (`script`, `style`, `nav`,
//! `header`, `footer`, `aside`, `form`, `figure`, ...) is cut out, the
//! `<article>` element is preferred when the page has one, and the body is
//! its paragraphs (`<p>`, headings inside the article, list items) that read
//! as prose. Measured with `score_html.py` on the benchmark's dev pages (see
//! the report of the commit that added it); a readability-grade extractor is
//! the next step.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::parse_date;
use super::fields::strip_markup;
use super::trec::unescape_sgml;
use super::{ParseError, ParsedArticle};

/// Elements whose whole content is page chrome, never article text.
const CHROME_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure", "svg",
    "iframe", "button", "select", "template",
];

/// Paragraphs further apart than this many bytes of markup belong to
/// different blocks of the page; the block with the most words is the article.
const MAX_PARAGRAPH_GAP: usize = 20000;

/// A paragraph shorter than this many words counts only inside `<article>`.
const MIN_PARAGRAPH_WORDS: usize = 4;

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
static PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?is)<(p|h2|h3|li|blockquote)(?:\s[^>]*)?>(.*?)</(?:p|h2|h3|li|blockquote)>")
        .unwrap()
});

/// Whether decoded text is an HTML page.
/// Whether decoded text is an HTML page, or a fragment of one that opens
/// with a block element (`<div ...><p>...`).
pub fn looks_like_html(text: &str) -> bool {
    let head = text
        .get(..text.len().min(2048))
        .unwrap_or(text)
        .to_ascii_lowercase();
    let trimmed = head.trim_start();
    let is_fragment = ["<div", "<p>", "<p ", "<article", "<section", "<body"]
        .iter()
        .any(|open| trimmed.starts_with(open));
    head.contains("<!doctype html") || head.contains("<html") || is_fragment
}

/// Reads one saved article page.
pub fn parse_html_page(html: &str) -> Result<ParsedArticle, ParseError> {
    let metas = meta_values(html);
    let meta = |names: &[&str]| {
        names.iter().find_map(|name| {
            metas
                .iter()
                .find(|(key, value)| key.eq_ignore_ascii_case(name) && !value.trim().is_empty())
                .map(|(_, value)| clean_inline(value))
        })
    };
    let title = meta(&["og:title", "twitter:title", "headline"])
        .or_else(|| element_text(html, "title").map(|title| without_site_suffix(&title)));
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
    let date = date_text.as_deref().and_then(parse_date);
    let body = article_text(html);
    if body.is_empty() {
        return Err(ParseError::NoBody);
    }
    Ok(ParsedArticle {
        date,
        unreadable_date: date_text.filter(|_| date.is_none()),
        title,
        author: meta(&["author", "article:author", "byl", "sailthru.author"])
            .filter(|author| !author.starts_with("http")),
        url: meta(&["og:url"]).or_else(|| canonical_link(html)),
        source: meta(&["og:site_name"]),
        body,
        ..ParsedArticle::default()
    })
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

/// The article's paragraphs: chrome cut out, `<article>` preferred.
fn article_text(html: &str) -> String {
    let without_chrome = remove_elements(html, CHROME_ELEMENTS);
    let lower = without_chrome.to_ascii_lowercase();
    let article = lower.find("<article").and_then(|start| {
        let end = lower.rfind("</article>").filter(|&end| end > start)?;
        without_chrome.get(start..end)
    });
    let (scope, in_article) = match article {
        Some(inner) => (inner, true),
        None => (without_chrome.as_str(), false),
    };
    let mut clusters: Vec<Vec<String>> = Vec::new();
    let mut last_end = 0;
    for found in PARAGRAPH.captures_iter(scope) {
        let Some(whole) = found.get(0) else {
            continue;
        };
        let tag = found[1].to_ascii_lowercase();
        let text = strip_markup(&found[2]).replace("\n\n", " ");
        let words = text.split_whitespace().count();
        let is_prose = match tag.as_str() {
            "p" | "blockquote" => words >= MIN_PARAGRAPH_WORDS || (in_article && words >= 1),
            "h2" | "h3" => in_article && words >= 2,
            _ => in_article && words >= 8,
        };
        if !is_prose {
            continue;
        }
        let gap = whole.start().saturating_sub(last_end);
        last_end = whole.end();
        let starts_cluster = clusters.is_empty() || gap > MAX_PARAGRAPH_GAP;
        if starts_cluster {
            clusters.push(Vec::new());
        }
        if let Some(cluster) = clusters.last_mut() {
            if !cluster.contains(&text) {
                cluster.push(text);
            }
        }
    }
    let word_count = |cluster: &Vec<String>| -> usize {
        cluster
            .iter()
            .map(|text| text.split_whitespace().count())
            .sum()
    };
    clusters
        .into_iter()
        .max_by_key(word_count)
        .unwrap_or_default()
        .join("\n\n")
}

/// Cuts every `<NAME ...>...</NAME>` of the given names (case-insensitive).
fn remove_elements(html: &str, names: &[&str]) -> String {
    let mut text = html.to_string();
    for name in names {
        let lower = text.to_ascii_lowercase();
        let open = format!("<{name}");
        let close = format!("</{name}>");
        let mut output = String::with_capacity(text.len());
        let mut position = 0;
        while let Some(found) = lower[position..].find(&open) {
            let start = position + found;
            let after_name = lower.as_bytes().get(start + open.len()).copied();
            let is_element =
                after_name.is_some_and(|byte| byte == b'>' || byte.is_ascii_whitespace());
            if !is_element {
                output.push_str(&text[position..start + open.len()]);
                position = start + open.len();
                continue;
            }
            output.push_str(&text[position..start]);
            position = match lower[start..].find(&close) {
                Some(end) => start + end + close.len(),
                None => lower[start..]
                    .find('>')
                    .map_or(text.len(), |end| start + end + 1),
            };
        }
        output.push_str(&text[position..]);
        text = output;
    }
    text
}

fn clean_inline(text: &str) -> String {
    unescape_sgml(&super::markup::strip_tags(text))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Written for this test in the shape of a saved news page.
    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Ferry returns after storm | Example News</title>
<meta property="article:published_time" content="2022-06-24T17:30:00+02:00">
<meta name="author" content="Ann Lee"><link rel="canonical" href="https://example.org/ferry">
<script>var x = "<p>not text</p>";</script></head><body>
<nav><p>Home News Sport Weather and more links here</p></nav>
<article><h1>Ferry returns after storm</h1><p>The ferry returned to service on Sunday, officials said.</p>
<figure><p>Photo: the ferry in port, taken by a reader</p></figure>
<p>Crews &amp; passengers cheered as it <a href="/x">docked</a>.</p></article>
<footer><p>Copyright Example News, all rights reserved worldwide</p></footer></body></html>"#;

    #[test]
    fn reads_the_article_without_page_chrome() {
        assert!(looks_like_html(PAGE));
        let article = parse_html_page(PAGE).unwrap();
        assert_eq!(article.title.as_deref(), Some("Ferry returns after storm"));
        assert_eq!(
            article.date.map(|date| date.to_string()).as_deref(),
            Some("2022-06-24T17:30:00+02:00")
        );
        assert_eq!(article.author.as_deref(), Some("Ann Lee"));
        assert_eq!(article.url.as_deref(), Some("https://example.org/ferry"));
        assert_eq!(
            article.body,
            "The ferry returned to service on Sunday, officials said.\n\nCrews & passengers cheered as it docked."
        );
    }

    #[test]
    fn a_page_without_text_is_not_an_article() {
        let stub = "<html><head><title>Sign up</title></head><body><form><p>Your e-mail address please</p></form></body></html>";
        assert_eq!(parse_html_page(stub), Err(ParseError::NoBody));
    }
}
