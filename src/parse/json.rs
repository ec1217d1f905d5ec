//! JSON and JSON Lines: objects keyed by the usual field names -> articles.
//!
//! A `.json` file holds one object, an array of objects, or an object that
//! wraps such an array (`{"articles": [...]}`, as news APIs return). A
//! `.jsonl`/`.ndjson` file holds one object per line; a broken line is
//! reported in `skipped` and the rest of the file is kept.

use serde_json::{Map, Value};

use super::fields::{non_article_type, record_from_object};
use super::record::skip_reason;
use super::{FieldOverrides, ParseError, ParsedArticle, ParsedFile};

/// Whether text is JSON (an object, an array, or JSON Lines) whatever its
/// extension: it opens with `{` or `[` and its first line or whole parses.
pub fn looks_like_json(text: &str) -> bool {
    let trimmed = text.trim_start();
    if !trimmed.starts_with(['{', '[']) {
        return false;
    }
    let first_line = trimmed.lines().next().unwrap_or_default();
    serde_json::from_str::<Value>(first_line).is_ok()
        || serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok()
}

/// Parses a JSON Lines file; `part` is the 1-based line number.
pub fn parse_json_lines(text: &str, fields: &FieldOverrides) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        let position = format!("line {line_number}");
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(error) => {
                parsed.skipped.push(format!("{position}: {error}"));
                continue;
            }
        };
        let Value::Object(object) = value else {
            parsed
                .skipped
                .push(format!("{position}: not a JSON object"));
            continue;
        };
        match article_from_object(&object, fields, Some(line_number)) {
            Ok(article) => {
                note_sources(&mut parsed, &object, fields);
                parsed.articles.push(article);
            }
            Err(problem) => parsed.skipped.push(skip_reason(&position, &problem)),
        }
    }
    parsed
}

/// Parses a `.json` file: one object (one article), or an array of objects.
pub fn parse_json(text: &str, fields: &FieldOverrides) -> Result<ParsedFile, ParseError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|error| ParseError::Malformed(format!("invalid JSON: {error}")))?;
    match value {
        Value::Array(items) => Ok(parse_items(&items, fields)),
        Value::Object(object) => {
            let record = record_from_object(&object, fields);
            let is_a_record = record.title.is_some() && record.body.is_some();
            if !is_a_record {
                if let Some(items) = wrapped_array(&object, fields, 0) {
                    return Ok(parse_items(items, fields));
                }
            }
            let article = article_from_object(&object, fields, None)?;
            Ok(ParsedFile {
                articles: vec![article],
                field_sources: record.sources,
                ..ParsedFile::default()
            })
        }
        _ => Err(ParseError::Malformed(
            "JSON is neither an object nor an array of objects".into(),
        )),
    }
}

fn parse_items(items: &[Value], fields: &FieldOverrides) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    for (index, item) in items.iter().enumerate() {
        let item_number = index + 1;
        let position = format!("item {item_number}");
        let Value::Object(object) = item else {
            parsed
                .skipped
                .push(format!("{position}: not a JSON object"));
            continue;
        };
        match article_from_object(object, fields, Some(item_number)) {
            Ok(article) => {
                note_sources(&mut parsed, object, fields);
                parsed.articles.push(article);
            }
            Err(problem) => parsed.skipped.push(skip_reason(&position, &problem)),
        }
    }
    parsed
}

/// The first array of objects among an object's values, e.g. `"articles":
/// [...]`, or one level down (`{"data": {"items": [...]}}`).
fn wrapped_array<'a>(
    object: &'a Map<String, Value>,
    fields: &FieldOverrides,
    depth: usize,
) -> Option<&'a Vec<Value>> {
    let holds_records = |items: &Vec<Value>| {
        items.iter().take(8).any(|item| {
            item.as_object().is_some_and(|inner| {
                let record = record_from_object(inner, fields);
                record.title.is_some() || record.body.is_some()
            })
        })
    };
    let direct = object.values().find_map(|value| match value {
        Value::Array(items) if holds_records(items) => Some(items),
        _ => None,
    });
    if direct.is_some() || depth >= 1 {
        return direct;
    }
    object.values().find_map(|value| match value {
        Value::Object(inner) => wrapped_array(inner, fields, depth + 1),
        _ => None,
    })
}

/// One object as an article, unless it says it is something else (a picture).
fn article_from_object(
    object: &Map<String, Value>,
    fields: &FieldOverrides,
    part: Option<usize>,
) -> Result<ParsedArticle, ParseError> {
    if let Some(reason) = non_article_type(object) {
        return Err(ParseError::NotArticle(reason));
    }
    record_from_object(object, fields).into_record_article(part)
}

/// Notes where the first record's fields came from, for `newsdex inspect`.
fn note_sources(parsed: &mut ParsedFile, object: &Map<String, Value>, fields: &FieldOverrides) {
    if parsed.field_sources.is_empty() {
        parsed.field_sources = record_from_object(object, fields).sources;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn none() -> FieldOverrides {
        FieldOverrides::default()
    }

    #[test]
    fn reads_usual_keys_from_lines() {
        let text = concat!(
            r#"{"headline":"Talks in Geneva","published_at":"2022-01-10T09:00:00Z","text":"Diplomats met on Monday.","link":"https://example.org/a","author":["Ann Lee","Bo Chen"],"publisher":{"name":"Example Wire"}}"#,
            "\n\n",
            r#"{"title":"Second","pubDate":"Mon, 10 Jan 2022 10:00:00 GMT","content":"Another story."}"#,
            "\n",
            r#"{"title":"Broken", "body": "never closed"#,
            "\n",
            r#"{"title":"No body"}"#,
            "\n",
            r#"{"date":"2022-13-45","body":"Bad date."}"#,
            "\n",
            "[1, 2]\n",
            r#"{"date":1641805200,"body":["First paragraph.","Second paragraph."]}"#,
        );
        let parsed = parse_json_lines(text, &none());
        let summary: Vec<(Option<usize>, Option<String>, Option<String>)> = parsed
            .articles
            .iter()
            .map(|article| {
                (
                    article.part,
                    article.title.clone(),
                    article.date.map(|d| d.to_string()),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    Some(1),
                    Some("Talks in Geneva".into()),
                    Some("2022-01-10T09:00:00+00:00".into())
                ),
                (
                    Some(3),
                    Some("Second".into()),
                    Some("2022-01-10T10:00:00+00:00".into())
                ),
                // A headline-only record is an article whose text is its title.
                (Some(5), Some("No body".into()), None),
                // An unreadable date leaves the article undated.
                (Some(6), None, None),
                (Some(8), None, Some("2022-01-10T09:00:00+00:00".into())),
            ]
        );
        assert_eq!(
            parsed.articles[3].unreadable_date.as_deref(),
            Some("2022-13-45")
        );
        let first = &parsed.articles[0];
        assert_eq!(first.author.as_deref(), Some("Ann Lee, Bo Chen"));
        assert_eq!(first.source.as_deref(), Some("Example Wire"));
        assert_eq!(first.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(
            parsed.articles[4].body,
            "First paragraph.\n\nSecond paragraph."
        );
        assert_eq!(parsed.skipped.len(), 2, "{:?}", parsed.skipped);
        assert!(
            parsed.skipped[0].starts_with("line 4: EOF while parsing"),
            "{:?}",
            parsed.skipped
        );
        assert_eq!(parsed.skipped[1], "line 7: not a JSON object");
    }

    #[test]
    fn overrides_win_over_usual_names() {
        let text =
            r#"{"date":"2022-01-01","seen":"2022-02-02","story":"Body here.","body":"Not this."}"#;
        let fields = FieldOverrides {
            date: Some("seen".into()),
            body: Some("story".into()),
            ..FieldOverrides::default()
        };
        let parsed = parse_json_lines(text, &fields);
        assert_eq!(parsed.articles[0].date.unwrap().to_string(), "2022-02-02");
        assert_eq!(parsed.articles[0].body, "Body here.");
    }

    #[test]
    fn reads_objects_arrays_and_wrapped_arrays() {
        let object = r#"{"title":"One","date":"2022-01-10","body":"Only story."}"#;
        let parsed = parse_json(object, &none()).unwrap();
        assert_eq!(parsed.articles.len(), 1);
        assert_eq!(parsed.articles[0].part, None);

        let array = r#"[{"body":"A."},{"body":""},{"body":"C."}]"#;
        let parsed = parse_json(array, &none()).unwrap();
        let parts: Vec<_> = parsed.articles.iter().map(|a| a.part).collect();
        assert_eq!(parts, vec![Some(1), Some(3)]);
        assert_eq!(parsed.skipped, vec!["item 2: no body text".to_string()]);

        let wrapped = r#"{"status":"ok","articles":[{"content":"Wrapped."}]}"#;
        let parsed = parse_json(wrapped, &none()).unwrap();
        assert_eq!(parsed.articles[0].body, "Wrapped.");
    }

    #[test]
    fn reports_whole_file_problems() {
        let cases = [
            (r#"{"id":7,"lang":"en"}"#, ParseError::NoBody),
            (
                "42",
                ParseError::Malformed("JSON is neither an object nor an array of objects".into()),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_json(text, &none()).unwrap_err(), expected, "{text}");
        }
        assert!(matches!(
            parse_json("{oops", &none()),
            Err(ParseError::Malformed(_))
        ));
        let undated = parse_json(r#"{"date":"0000-00-00","body":"x"}"#, &none()).unwrap();
        assert_eq!(undated.articles[0].date, None);
    }
}
