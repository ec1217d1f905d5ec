//! JSON and JSON Lines: objects keyed by the usual field names -> articles.
//!
//! A `.json` file holds one object, an array of objects, or an object that
//! wraps such an array (`{"articles": [...]}`, as news APIs return). A
//! `.jsonl`/`.ndjson` file holds one object per line; a broken line is
//! reported in `skipped` and the rest of the file is kept.

use chrono::DateTime;
use serde_json::{Map, Value};

use super::record::{find_name, skip_reason, Field, RawRecord};
use super::{FieldOverrides, ParseError, ParsedFile};

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
        match record_from_object(&object, fields).into_article(Some(line_number)) {
            Ok(article) => parsed.articles.push(article),
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
            let has_body = find_name(Field::Body, &keys(&object), fields).is_some();
            if !has_body {
                if let Some(items) = wrapped_array(&object) {
                    return Ok(parse_items(items, fields));
                }
            }
            let article = record_from_object(&object, fields).into_article(None)?;
            Ok(ParsedFile {
                articles: vec![article],
                skipped: Vec::new(),
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
        match record_from_object(object, fields).into_article(Some(item_number)) {
            Ok(article) => parsed.articles.push(article),
            Err(problem) => parsed.skipped.push(skip_reason(&position, &problem)),
        }
    }
    parsed
}

/// The first array of objects among an object's values, e.g. `"articles": [...]`.
fn wrapped_array(object: &Map<String, Value>) -> Option<&Vec<Value>> {
    object.values().find_map(|value| match value {
        Value::Array(items) if items.iter().any(Value::is_object) => Some(items),
        _ => None,
    })
}

fn keys(object: &Map<String, Value>) -> Vec<&str> {
    object.keys().map(String::as_str).collect()
}

fn record_from_object(object: &Map<String, Value>, fields: &FieldOverrides) -> RawRecord {
    let names = keys(object);
    let mut record = RawRecord::default();
    for field in Field::ALL {
        let Some(index) = find_name(field, &names, fields) else {
            continue;
        };
        let value = &object[names[index]];
        record.set(field, value_to_text(field, value));
    }
    record
}

/// Flattens a JSON value into the text of one field: arrays of paragraphs or
/// authors are joined, `{"name": ...}` objects (a source, an author) give their
/// name, and a numeric date is read as a Unix timestamp.
fn value_to_text(field: Field, value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) if field == Field::Date => {
            let timestamp = number.as_i64()?;
            // Millisecond timestamps are 1000 times larger than any plausible second count.
            let seconds = if timestamp.abs() > 100_000_000_000 {
                timestamp / 1000
            } else {
                timestamp
            };
            DateTime::from_timestamp(seconds, 0).map(|instant| instant.to_rfc3339())
        }
        Value::Number(number) => Some(number.to_string()),
        Value::Array(items) => {
            let separator = if field == Field::Body { "\n\n" } else { ", " };
            let parts: Vec<String> = items
                .iter()
                .filter_map(|item| value_to_text(field, item))
                .filter(|text| !text.trim().is_empty())
                .collect();
            Some(parts.join(separator))
        }
        Value::Object(object) => ["name", "text", "value"]
            .iter()
            .find_map(|key| object.get(*key))
            .and_then(|inner| value_to_text(field, inner)),
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
                (Some(8), None, Some("2022-01-10T09:00:00+00:00".into())),
            ]
        );
        let first = &parsed.articles[0];
        assert_eq!(first.author.as_deref(), Some("Ann Lee, Bo Chen"));
        assert_eq!(first.source.as_deref(), Some("Example Wire"));
        assert_eq!(first.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(
            parsed.articles[2].body,
            "First paragraph.\n\nSecond paragraph."
        );
        assert_eq!(parsed.skipped.len(), 4, "{:?}", parsed.skipped);
        assert!(
            parsed.skipped[0].starts_with("line 4: EOF while parsing"),
            "{:?}",
            parsed.skipped
        );
        assert_eq!(parsed.skipped[1], "line 5: no body text");
        assert_eq!(parsed.skipped[2], "line 6: invalid date \"2022-13-45\"");
        assert_eq!(parsed.skipped[3], "line 7: not a JSON object");
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
            (r#"{"title":"Header only"}"#, ParseError::NoBody),
            (
                r#"{"date":"0000-00-00","body":"x"}"#,
                ParseError::BadDate("0000-00-00".into()),
            ),
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
    }
}
