//! News XML: RSS 2.0, RSS 1.0 (RDF), Atom, NITF, NewsML-G2, NewsML 1.x and
//! the `newsitem` files of Reuters Corpus Volume 1 (RCV1).
//!
//! `roxmltree` parses; this module owns which elements are the records
//! (`item`, `entry`, `newsItem`, `NewsItem`, `nitf`) and which element or
//! attribute of a record carries each field in each dialect, by local name
//! so namespaces and prefixes do not matter. A NewsML item whose status is
//! `stat:canceled` withdraws its story: it is skipped as not an article, and
//! within one file the latest version of a guid replaces earlier ones.

use roxmltree::{Document, Node};

use super::byline::author_from_byline;
use super::dates::parse_date;
use super::html::markup_text;
use super::record::skip_reason;
use super::{ParseError, ParsedArticle, ParsedFile};

/// Root elements that make a file news XML.
const NEWS_ROOTS: &[&str] = &[
    "rss",
    "feed",
    "RDF",
    "nitf",
    "newsMessage",
    "newsItem",
    "packageItem",
    "NewsML",
    "newsitem",
];

/// Record elements, by local name.
const RECORD_ELEMENTS: &[&str] = &["item", "entry", "newsItem", "NewsItem", "nitf", "newsitem"];

/// Title elements, best first: NITF `hl1` and NewsML `headline` beat the
/// slug-like `title` of NITF heads and NewsML item metadata.
const TITLE_ELEMENTS: &[&str] = &["hl1", "headline", "HeadLine", "title"];

/// Date elements or `element@attribute`s, publication first, last change last.
const DATE_SOURCES: &[&str] = &[
    "pubDate",
    "published",
    "date",
    "date.issue@norm",
    "date.release@norm",
    "pubdata@date.publication",
    "firstCreated",
    "contentCreated",
    "FirstCreated",
    "DateAndTime",
    "issued",
    "versionCreated",
    "ThisRevisionCreated",
    "updated",
    "modified",
    "@date",
];

/// Body elements, fullest first.
const BODY_ELEMENTS: &[&str] = &[
    "encoded",
    "body.content",
    "inlineXML",
    "DataContent",
    "content",
    "inlineData",
    "description",
    "summary",
    "text",
];

const AUTHOR_ELEMENTS: &[&str] = &["byline", "creator", "author", "by"];

const ID_SOURCES: &[&str] = &[
    "@guid",
    "guid",
    "id",
    "doc-id@id-string",
    "PublicIdentifier",
    "@about",
    "@itemid",
];

/// Whether decoded text is one of the news XML dialects.
pub fn looks_like_news_xml(text: &str) -> bool {
    let head = text.get(..text.len().min(4096)).unwrap_or(text);
    // Most files sniffed here are plain text: no markup, no search.
    if !head.contains('<') {
        return false;
    }
    let opens_or_prefixes =
        |(at, _): (usize, &str)| matches!(head.as_bytes()[..at].last(), Some(b'<' | b':'));
    NEWS_ROOTS
        .iter()
        .any(|root| head.match_indices(root).any(opens_or_prefixes))
}

/// Parses a news XML file into its records.
pub fn parse_news_xml(text: &str) -> Result<ParsedFile, ParseError> {
    let safe = xml_safe_entities(text);
    let document = Document::parse(&safe)
        .map_err(|error| ParseError::Malformed(format!("invalid XML: {error}")))?;
    let root = document.root_element();
    let records: Vec<Node> = root
        .descendants()
        .filter(|node| node.is_element() && RECORD_ELEMENTS.contains(&node.tag_name().name()))
        .filter(|node| !has_record_ancestor(*node))
        .collect();
    let records = if records.is_empty() {
        vec![root]
    } else {
        records
    };
    let mut parsed = ParsedFile {
        layout: dialect(root).to_string(),
        ..ParsedFile::default()
    };
    let one_record = records.len() == 1;
    let feed_author = feed_author(root);
    for (index, record) in records.iter().enumerate() {
        let number = index + 1;
        let part = (!one_record).then_some(number);
        if is_canceled(*record) {
            let guid = ID_SOURCES
                .iter()
                .find_map(|source| value_of(*record, source));
            match guid {
                Some(guid) => parsed.withdrawn.push(guid),
                None => parsed.skipped.push(format!(
                    "item {number}: not an article: a cancelled story without an id"
                )),
            }
            continue;
        }
        match read_record(*record, part, feed_author.as_deref()) {
            Ok(article) => parsed.articles.push(article),
            Err(problem) => parsed
                .skipped
                .push(skip_reason(&format!("item {number}"), &problem)),
        }
    }
    keep_latest_versions(&mut parsed.articles);
    Ok(parsed)
}

fn dialect(root: Node) -> &'static str {
    match root.tag_name().name() {
        "rss" => "RSS",
        "RDF" => "RSS 1.0",
        "feed" => "Atom",
        "nitf" => "NITF",
        "NewsML" => "NewsML 1",
        "newsitem" => "RCV1 newsitem",
        _ => "NewsML-G2",
    }
}

/// A NITF inside a NewsML item is part of that item, not a record of its own.
fn has_record_ancestor(node: Node) -> bool {
    node.ancestors()
        .skip(1)
        .any(|ancestor| RECORD_ELEMENTS.contains(&ancestor.tag_name().name()))
}

/// An Atom feed's `author/name`, for entries without their own.
fn feed_author(root: Node) -> Option<String> {
    let author = root
        .children()
        .find(|child| child.tag_name().name() == "author")?;
    let name = author
        .children()
        .find(|child| child.tag_name().name() == "name")?;
    non_empty(text_of(name, " "))
}

fn read_record(
    record: Node,
    part: Option<usize>,
    feed_author: Option<&str>,
) -> Result<ParsedArticle, ParseError> {
    let title = TITLE_ELEMENTS
        .iter()
        .find_map(|name| first_element(record, name).and_then(|node| non_empty(title_text(node))));
    let body = BODY_ELEMENTS
        .iter()
        .find_map(|name| first_element(record, name).and_then(body_text));
    let body = match (body, &title) {
        (Some(body), _) => body,
        (None, Some(headline)) => headline.clone(),
        (None, None) => return Err(ParseError::NoBody),
    };
    let date_text = DATE_SOURCES
        .iter()
        .find_map(|source| value_of(record, source));
    let date = date_text.as_deref().and_then(parse_date);
    let author = AUTHOR_ELEMENTS
        .iter()
        .find_map(|name| first_element(record, name).and_then(author_text))
        .or_else(|| feed_author.map(str::to_string));
    Ok(ParsedArticle {
        part,
        id: ID_SOURCES
            .iter()
            .find_map(|source| value_of(record, source)),
        date,
        unreadable_date: date_text.filter(|_| date.is_none()),
        title,
        url: link(record),
        author,
        body,
        ..ParsedArticle::default()
    })
}

fn is_canceled(record: Node) -> bool {
    record.descendants().any(|node| {
        node.tag_name().name() == "pubStatus"
            && node
                .attribute("qcode")
                .is_some_and(|qcode| qcode.ends_with("canceled") || qcode.ends_with("cancelled"))
    })
}

/// Within one file, a later version of a guid replaces earlier ones.
fn keep_latest_versions(articles: &mut Vec<ParsedArticle>) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut keep = vec![true; articles.len()];
    for (index, article) in articles.iter().enumerate() {
        let Some(id) = &article.id else {
            continue;
        };
        if let Some(earlier) = seen.insert(id.clone(), index) {
            keep[earlier] = false;
        }
    }
    let mut flags = keep.into_iter();
    articles.retain(|_| flags.next().unwrap_or(true));
}

/// The first descendant element (or the record itself) with this local name.
/// A title's text; an escaped-HTML title (Atom `type="html"`, RSS titles
/// holding `&amp;amp;` or `<b>`) is unescaped and stripped to text.
fn title_text(node: Node) -> String {
    let text = text_of(node, " ");
    let holds_markup = text.contains('<') || text.contains('&');
    if !holds_markup {
        return text;
    }
    markup_text(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The record's first element named `name`, outside Media RSS: a feed
/// item's `media:content`, `media:description` and `media:credit` describe
/// its pictures (`Photograph: Alex Wong/Getty Images`), not the article.
fn first_element<'a, 'input>(record: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    record.descendants().find(|node| {
        let in_media = node
            .ancestors()
            .any(|ancestor| ancestor.tag_name().namespace() == Some(MEDIA_RSS));
        node.is_element() && node.tag_name().name() == name && !in_media
    })
}

/// The Media RSS namespace (`xmlns:media`), whose elements describe pictures and video.
const MEDIA_RSS: &str = "http://search.yahoo.com/mrss/";

/// `element` (its text), `element@attribute`, or `@attribute` of the record.
fn value_of(record: Node, source: &str) -> Option<String> {
    let (element, attribute) = match source.split_once('@') {
        Some((element, attribute)) => (element, Some(attribute)),
        None => (source, None),
    };
    let node = if element.is_empty() {
        Some(record)
    } else {
        first_element(record, element)
    }?;
    let value = match attribute {
        Some(name) => node
            .attributes()
            .find(|candidate| candidate.name() == name)
            .map(|found| found.value().to_string()),
        None => Some(text_of(node, " ")),
    };
    non_empty(value?)
}

/// The article's link: RSS `link` text, FeedBurner `origLink`, or Atom's
/// `link@href` (the `alternate` one when several).
fn link(record: Node) -> Option<String> {
    if let Some(original) =
        first_element(record, "origLink").and_then(|node| non_empty(text_of(node, "")))
    {
        return Some(original);
    }
    let links: Vec<Node> = record
        .children()
        .filter(|child| child.tag_name().name() == "link")
        .collect();
    let alternate = links
        .iter()
        .find(|node| node.attribute("rel").is_none_or(|rel| rel == "alternate"));
    let chosen = alternate.or(links.first())?;
    match chosen.attribute("href") {
        Some(href) => non_empty(href.to_string()),
        None => non_empty(text_of(*chosen, "")),
    }
}

/// A body element's paragraphs: its `<p>` elements when it has any, else its
/// text, with escaped HTML (RSS descriptions) unescaped and stripped.
fn body_text(node: Node) -> Option<String> {
    let paragraphs: Vec<String> = node
        .descendants()
        .filter(|child| child.is_element() && child.tag_name().name() == "p")
        .filter_map(|paragraph| non_empty(text_of(paragraph, "")))
        .collect();
    if !paragraphs.is_empty() {
        return Some(paragraphs.join("\n\n"));
    }
    let text = text_of_raw(node);
    non_empty(markup_text(&text))
}

/// `By BERNARD CONDON<byttl>AP Business Writer</byttl>` -> words kept apart,
/// the leading `By` dropped.
fn author_text(node: Node) -> Option<String> {
    let name = node
        .children()
        .find(|child| child.tag_name().name() == "name");
    author_from_byline(&text_of(name.unwrap_or(node), " "))
}

/// The text of every descendant text node, joined by `separator`, white
/// space collapsed.
fn text_of(node: Node, separator: &str) -> String {
    let pieces: Vec<&str> = node
        .descendants()
        .filter(|child| child.is_text())
        .filter_map(|child| child.text())
        .collect();
    pieces
        .join(separator)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text nodes as they are (line breaks kept), for markup stripping.
fn text_of_raw(node: Node) -> String {
    node.descendants()
        .filter(|child| child.is_text())
        .filter_map(|child| child.text())
        .collect::<Vec<_>>()
        .join("\n")
}

fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// HTML named entities (`&nbsp;`, `&eacute;`) that an XML parser rejects
/// unless declared: the common ones as numeric references, others dropped.
fn xml_safe_entities(text: &str) -> std::borrow::Cow<'_, str> {
    const NAMED: &[(&str, &str)] = &[
        ("nbsp", "&#160;"),
        ("eacute", "&#233;"),
        ("egrave", "&#232;"),
        ("agrave", "&#224;"),
        ("ouml", "&#246;"),
        ("uuml", "&#252;"),
        ("auml", "&#228;"),
        ("szlig", "&#223;"),
        ("ccedil", "&#231;"),
        ("mdash", "&#8212;"),
        ("ndash", "&#8211;"),
        ("rsquo", "&#8217;"),
        ("lsquo", "&#8216;"),
        ("rdquo", "&#8221;"),
        ("ldquo", "&#8220;"),
        ("hellip", "&#8230;"),
        ("copy", "&#169;"),
        ("pound", "&#163;"),
        ("euro", "&#8364;"),
    ];
    let xml_names = ["lt", "gt", "amp", "quot", "apos"];
    let needs_work = text.match_indices('&').any(|(at, _)| {
        let rest = &text[at + 1..];
        let name: String = rest
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        !name.is_empty()
            && rest[name.len()..].starts_with(';')
            && !xml_names.contains(&name.as_str())
    });
    if !needs_work {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        output.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name: String = after
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let is_named = !name.is_empty() && after[name.len()..].starts_with(';');
        if !is_named || xml_names.contains(&name.as_str()) {
            output.push('&');
            rest = after;
            continue;
        }
        if let Some((_, numeric)) = NAMED.iter().find(|(known, _)| *known == name) {
            output.push_str(numeric);
        }
        rest = &after[name.len() + 1..];
    }
    output.push_str(rest);
    std::borrow::Cow::Owned(output)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
