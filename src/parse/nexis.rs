//! LexisNexis text exports: many articles in one file, the way journalists
//! and researchers most often get news from a library.
//!
//! Two shapes. LexisNexis Academic starts each document with a line
//! `1 of 100 DOCUMENTS`, then the publication, the date (`January 4, 2010
//! Monday`), an edition, the headline, a block of `BYLINE:`, `SECTION:`,
//! `LENGTH:` lines, the body, and a tail of `LOAD-DATE:`, `LANGUAGE:`,
//! `PUBLICATION-TYPE:` and the copyright. Nexis Uni puts the headline first,
//! then the publication and the date, `Section:`, `Length:`, `Byline:` lines,
//! a line `Body` before the text, `Load-Date:` after it, and ends each
//! document with `End of Document`.

use super::byline::author_from_byline;
use super::text::date_of_line;
use super::{ParsedArticle, ParsedFile};

/// Keys of the block between the headline and the body (compared uppercase).
const HEAD_KEYS: &[&str] = &[
    "BYLINE",
    "SECTION",
    "LENGTH",
    "DATELINE",
    "HIGHLIGHT",
    "DOCUMENT-TYPE",
];

/// Keys that end the body.
const TAIL_KEYS: &[&str] = &[
    "LOAD-DATE",
    "LANGUAGE",
    "PUBLICATION-TYPE",
    "GRAPHIC",
    "CORRECTION-DATE",
    "URL",
    "JOURNAL-CODE",
    "SUBJECT",
    "CLASSIFICATION",
    "NOTES",
];

/// How many lines at the top of a document may hold its publication and date.
const TOP_LINES: usize = 8;

/// `1 of 100 DOCUMENTS` (Academic's document separator).
fn is_academic_marker(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    matches!(words.as_slice(), [number, of, total, documents]
        if number.bytes().all(|b| b.is_ascii_digit())
            && of.eq_ignore_ascii_case("of")
            && total.bytes().all(|b| b.is_ascii_digit())
            && documents.to_ascii_uppercase().starts_with("DOCUMENT"))
}

fn is_end_marker(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("end of document")
}

/// `KEY: value` with a known key: the key (uppercase) and the value.
fn key_line(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.trim().split_once(':')?;
    let upper = key.trim().to_ascii_uppercase();
    let known = HEAD_KEYS.contains(&upper.as_str()) || TAIL_KEYS.contains(&upper.as_str());
    known.then(|| (upper, value.trim()))
}

/// Whether `text` is a LexisNexis export: a document separator and the
/// `LENGTH:` or `LOAD-DATE:` lines every document has.
pub fn looks_like_nexis(text: &str) -> bool {
    // Every plain-text file passes here: most are ruled out by one substring
    // search before any line is looked at.
    if !text.contains("OCUMENT") && !text.contains("ocument") {
        return false;
    }
    let mut separators = 0;
    let mut keys = 0;
    for line in text.lines().take(2_000) {
        if is_academic_marker(line) || is_end_marker(line) {
            separators += 1;
        }
        if key_line(line).is_some_and(|(key, _)| key == "LENGTH" || key == "LOAD-DATE") {
            keys += 1;
        }
    }
    separators >= 1 && keys >= 1
}

/// Splits the export into its documents' lines.
fn documents(text: &str) -> Vec<Vec<&str>> {
    let academic = text.lines().any(is_academic_marker);
    let mut documents = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let starts_next = academic && is_academic_marker(line);
        let ends_this = !academic && is_end_marker(line);
        if starts_next || ends_this {
            documents.push(std::mem::take(&mut current));
            continue;
        }
        current.push(line);
    }
    documents.push(current);
    documents.retain(|lines| lines.iter().any(|line| !line.trim().is_empty()));
    documents
}

/// Parses every document of a LexisNexis export.
pub fn parse_nexis(text: &str) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    for (index, lines) in documents(text).iter().enumerate() {
        let part = index + 1;
        match parse_document(lines) {
            Some(mut article) => {
                article.part = Some(part);
                parsed.articles.push(article);
            }
            None => parsed
                .skipped
                .push(format!("document {part}: no body text")),
        }
    }
    parsed.layout = "LexisNexis export".to_string();
    parsed
}

/// The paragraph (lines since the last blank one) that ends just before `end`.
fn paragraph_before(lines: &[&str], end: usize) -> Option<String> {
    let last = (0..end).rev().find(|&at| !lines[at].trim().is_empty())?;
    let first = (0..=last)
        .rev()
        .take_while(|&at| !lines[at].trim().is_empty())
        .last()?;
    let joined: Vec<&str> = lines[first..=last].iter().map(|line| line.trim()).collect();
    Some(joined.join(" "))
}

fn parse_document(lines: &[&str]) -> Option<ParsedArticle> {
    let non_empty: Vec<usize> = (0..lines.len())
        .filter(|&at| !lines[at].trim().is_empty())
        .collect();
    let dated = non_empty
        .iter()
        .take(TOP_LINES)
        .find_map(|&at| date_of_line(lines[at].trim()).map(|date| (at, date)));
    let head_key_at = |from: usize| {
        (from..lines.len()).find(|&at| {
            key_line(lines[at]).is_some_and(|(key, _)| HEAD_KEYS.contains(&key.as_str()))
        })
    };
    let date_at = dated.map(|(at, _)| at);
    let lines_above_date = date_at.map_or(0, |at| non_empty.iter().filter(|&&l| l < at).count());
    // Nexis Uni: headline, publication, date. Academic: publication, date,
    // edition, headline, then the key block.
    let (title, source) = match date_at {
        Some(_) if lines_above_date >= 2 => {
            let source_at = non_empty[lines_above_date - 1];
            let title = paragraph_before(lines, source_at);
            (title, Some(lines[source_at].trim().to_string()))
        }
        Some(at) => {
            let source = (lines_above_date == 1).then(|| lines[non_empty[0]].trim().to_string());
            let title = head_key_at(at + 1).and_then(|key_at| paragraph_before(lines, key_at));
            (title, source)
        }
        None => (
            non_empty.first().map(|&at| lines[at].trim().to_string()),
            None,
        ),
    };
    let body_line = lines.iter().position(|line| line.trim() == "Body");
    let body_start = match body_line {
        Some(at) => at + 1,
        None => last_head_key(lines)? + 1,
    };
    let body_end = (body_start..lines.len())
        .find(|&at| key_line(lines[at]).is_some_and(|(key, _)| TAIL_KEYS.contains(&key.as_str())))
        .unwrap_or(lines.len());
    let body = lines[body_start..body_end].join("\n").trim().to_string();
    if body.is_empty() {
        return None;
    }
    let author = lines
        .iter()
        .filter_map(|line| key_line(line))
        .find(|(key, _)| key == "BYLINE")
        .and_then(|(_, value)| author_from_byline(value));
    Some(ParsedArticle {
        date: dated.map(|(_, date)| date),
        title: title.filter(|title| !title.is_empty()),
        author,
        source,
        body,
        ..ParsedArticle::default()
    })
}

/// The last line of the key block before the body (Academic has no `Body` line).
fn last_head_key(lines: &[&str]) -> Option<usize> {
    let first = lines.iter().position(|line| {
        key_line(line).is_some_and(|(key, _)| HEAD_KEYS.contains(&key.as_str()))
    })?;
    let mut last = first;
    for (at, line) in lines.iter().enumerate().skip(first + 1) {
        match key_line(line) {
            Some((key, _)) if HEAD_KEYS.contains(&key.as_str()) => last = at,
            Some(_) => break,
            None if line.trim().is_empty() => {}
            None => break,
        }
    }
    Some(last)
}

#[cfg(test)]
mod tests;
