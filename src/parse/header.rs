//! Header formats: a leading block of `Key: value` lines, or YAML front matter.
//!
//! ```text
//! Title: Ferry service resumes        ---
//! Date: 2022-03-02                    title: "Ferry service resumes"
//! URL: https://example.org/ferry      date: 2022-03-02
//!                                     ---
//! Body text ...                       Body text ...
//! ```
//! Keys are the usual field names of [`super::record`], case-insensitive, and
//! `--field` overrides apply. The front matter is read as flat `key: value`
//! scalars only (no YAML crate: the maintained ones are heavy and a news header
//! never nests); other lines in it are ignored.

use super::record::{find_name, Field, RawRecord};
use super::text::strip_leading_debris;
use super::{FieldOverrides, ParseError, ParsedArticle};

/// Longest key accepted in a header line; longer "keys" are body sentences
/// (`The talks resumed on Monday: ...`).
const MAX_KEY_CHARS: usize = 30;
const MAX_KEY_WORDS: usize = 3;

/// Parses a file that starts with YAML front matter, if it does.
pub fn parse_front_matter(
    text: &str,
    fields: &FieldOverrides,
) -> Option<Result<ParsedArticle, ParseError>> {
    let after_open = text.strip_prefix("---\n")?;
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        offset += line.len();
        let content = line.trim_end();
        if content == "---" || content == "..." {
            let body = &after_open[offset..];
            return Some(record_from_pairs(&pairs, body, fields).into_article(None));
        }
        if let Some((key, value)) = split_key_value(content) {
            pairs.push((key, unquote(value)));
        }
    }
    // No closing line: not front matter after all.
    None
}

/// Parses a file that starts with a `Key: value` header block, if it does: every
/// line up to the first blank line must look like `Key: value` and at least one
/// key must name a field.
pub fn parse_header_block(
    text: &str,
    fields: &FieldOverrides,
) -> Option<Result<ParsedArticle, ParseError>> {
    let trimmed = text.trim_start_matches('\n');
    let (block, body) = trimmed.split_once("\n\n").unwrap_or((trimmed, ""));
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    for line in block.lines() {
        let (key, value) = split_key_value(line.trim_end())?;
        pairs.push((key, value));
    }
    let keys: Vec<&str> = pairs.iter().map(|(key, _)| *key).collect();
    let names_a_field = Field::ALL
        .iter()
        .filter(|field| **field != Field::Body)
        .any(|field| find_name(*field, &keys, fields).is_some());
    if !names_a_field {
        return None;
    }
    Some(record_from_pairs(&pairs, body, fields).into_article(None))
}

fn record_from_pairs(pairs: &[(&str, &str)], body: &str, fields: &FieldOverrides) -> RawRecord {
    let keys: Vec<&str> = pairs.iter().map(|(key, _)| *key).collect();
    let mut record = RawRecord::default();
    for field in Field::ALL {
        if let Some(index) = find_name(field, &keys, fields) {
            record.set(field, Some(pairs[index].1.to_string()));
        }
    }
    // The body of a header format is the text after the header, even if a key
    // happens to be called `text` or `body`.
    record.body = Some(strip_leading_debris(body).to_string());
    record
}

/// `Title: Ferry service resumes` -> (`Title`, `Ferry service resumes`).
fn split_key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key_is_a_name = !key.is_empty()
        && key.chars().count() <= MAX_KEY_CHARS
        && key.split_whitespace().count() <= MAX_KEY_WORDS
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-'));
    let value_is_separated = value.is_empty() || value.starts_with([' ', '\t']);
    (key_is_a_name && value_is_separated).then(|| (key.trim(), value.trim()))
}

/// `"Ferry service resumes"` or `'...'` -> the text inside the quotes.
fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn none() -> FieldOverrides {
        FieldOverrides::default()
    }

    #[test]
    fn reads_header_blocks() {
        let text = "Title: Ferry service resumes\nDATE: 2022-03-02\nurl: https://example.org/ferry\nAuthor: Ann Lee\nSource: Example Daily\n\nThe ferry ran again.\n";
        let article = parse_header_block(text, &none()).unwrap().unwrap();
        assert_eq!(article.title.as_deref(), Some("Ferry service resumes"));
        assert_eq!(article.date.unwrap().to_string(), "2022-03-02");
        assert_eq!(article.url.as_deref(), Some("https://example.org/ferry"));
        assert_eq!(article.author.as_deref(), Some("Ann Lee"));
        assert_eq!(article.source.as_deref(), Some("Example Daily"));
        assert_eq!(article.body, "The ferry ran again.");
    }

    #[test]
    fn header_block_outcomes() {
        let cases: [(&str, Option<Result<&str, ParseError>>); 7] = [
            ("Title: A\n\nBody.", Some(Ok("Body."))),
            ("Title: A\nDate: 2022-01-10", Some(Err(ParseError::NoBody))),
            // An unreadable date never drops the article.
            ("Title: A\nDate: soon\n\nBody.", Some(Ok("Body."))),
            ("Update: the ceasefire holds.\n\nMore.", None),
            (
                "Title: A\nThe talks resumed on Monday: both sides met.\n\nMore.",
                None,
            ),
            ("The talks resumed.\n\nTitle: late", None),
            ("Kyiv, 10 January: talks resumed.", None),
        ];
        for (text, expected) in cases {
            let result = parse_header_block(text, &none());
            let summary = result.map(|parsed| parsed.map(|article| article.body));
            let expected = expected.map(|outcome| outcome.map(str::to_string));
            assert_eq!(summary, expected, "{text:?}");
        }
    }

    #[test]
    fn reads_front_matter() {
        let text = "---\ntitle: \"Ferry: service resumes\"\ndate: 2022-03-02T10:00:00+01:00\ntags:\n  - transport\nauthor: 'Ann Lee'\n---\n\nThe ferry ran again.\n";
        let article = parse_front_matter(text, &none()).unwrap().unwrap();
        assert_eq!(article.title.as_deref(), Some("Ferry: service resumes"));
        assert_eq!(
            article.date.unwrap().to_string(),
            "2022-03-02T10:00:00+01:00"
        );
        assert_eq!(article.author.as_deref(), Some("Ann Lee"));
        assert_eq!(article.body, "The ferry ran again.");

        assert!(parse_front_matter("---\ntitle: x\nno closing line\n", &none()).is_none());
        assert!(parse_front_matter("Body only.", &none()).is_none());
        let header_only = parse_front_matter("---\ntitle: x\n---\n", &none()).unwrap();
        assert_eq!(header_only, Err(ParseError::NoBody));
    }

    #[test]
    fn overrides_apply_to_header_keys() {
        let fields = FieldOverrides {
            date: Some("Published".into()),
            ..FieldOverrides::default()
        };
        let text = "Title: A\nDate: 2020-01-01\nPublished: 2022-05-05\n\nBody.";
        let article = parse_header_block(text, &fields).unwrap().unwrap();
        assert_eq!(article.date.unwrap().to_string(), "2022-05-05");
    }
}
