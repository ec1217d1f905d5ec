//! CSV: one article per data row, columns found by their usual names.
//!
//! The `csv` crate does the RFC 4180 work. This module owns the column
//! mapping and the recovery from unbalanced quotes: such a quote makes the
//! crate swallow every following line into one field, so a record that spans
//! lines with an odd number of quotes (or the wrong number of fields) is
//! reported in `skipped` and parsing resumes on its second line.

use csv::{ReaderBuilder, StringRecord};

use super::record::{find_name, is_usual_name, skip_reason, Field, RawRecord};
use super::{FieldOverrides, ParseError, ParsedFile};

/// Whether the first line of `text` is a CSV header with a recognisable body
/// column, for CSV files without a `.csv` extension.
pub fn looks_like_csv(text: &str) -> bool {
    let first_line = text.lines().next().unwrap_or_default();
    let names: Vec<&str> = first_line.split(',').collect();
    let all_names_are_identifiers = names.iter().all(|name| {
        let bare = name.trim().trim_matches('"');
        !bare.is_empty()
            && bare.len() <= 40
            && bare
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'))
    });
    names.len() >= 2
        && all_names_are_identifiers
        && names.iter().any(|name| is_usual_name(Field::Body, name))
}

/// Parses a CSV file with a header row; `part` is the 1-based data row number.
pub fn parse_csv(text: &str, fields: &FieldOverrides) -> Result<ParsedFile, ParseError> {
    let mut header_reader = ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = header_reader
        .headers()
        .map_err(|error| ParseError::Malformed(format!("CSV header: {error}")))?
        .clone();
    let columns = find_columns(&headers, fields)?;
    let mut offset = byte_offset(header_reader.position());
    let mut parsed = ParsedFile::default();
    let mut row_number = 0;
    'resume: while offset < text.len() {
        let rest = &text[offset..];
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(rest.as_bytes());
        let mut record = StringRecord::new();
        loop {
            let start = byte_offset(reader.position());
            let read = reader.read_record(&mut record);
            let end = byte_offset(reader.position()).min(rest.len());
            row_number += 1;
            let position = format!("row {row_number}");
            match read {
                Ok(false) => break 'resume,
                Err(error) => {
                    // Only I/O and UTF-8 errors remain with `flexible`, and the
                    // input is an in-memory `str`: stop rather than loop.
                    parsed.skipped.push(format!("{position}: {error}"));
                    break 'resume;
                }
                Ok(true) => {
                    let raw = rest.get(start..end).unwrap_or_default();
                    if is_broken_record(raw, &record, headers.len()) {
                        parsed
                            .skipped
                            .push(format!("{position}: unbalanced quotes"));
                        let first_line_len = raw.find('\n').map_or(raw.len(), |index| index + 1);
                        offset += start + first_line_len.max(1);
                        continue 'resume;
                    }
                    let raw_record = record_from_row(&record, &columns);
                    match raw_record.into_article(Some(row_number)) {
                        Ok(article) => parsed.articles.push(article),
                        Err(problem) => parsed.skipped.push(skip_reason(&position, &problem)),
                    }
                }
            }
        }
    }
    Ok(parsed)
}

/// Column index of each field, or an error naming a column that the user
/// asked for but the header lacks.
fn find_columns(
    headers: &StringRecord,
    fields: &FieldOverrides,
) -> Result<Vec<(Field, usize)>, ParseError> {
    let names: Vec<&str> = headers.iter().collect();
    let mut columns = Vec::new();
    for field in Field::ALL {
        match find_name(field, &names, fields) {
            Some(index) => columns.push((field, index)),
            None if field == Field::Body => {
                return Err(ParseError::Malformed(format!(
                    "no body column among {names:?} (use --field body=NAME)"
                )))
            }
            None => {}
        }
    }
    let overrides = [
        &fields.date,
        &fields.title,
        &fields.url,
        &fields.author,
        &fields.source,
    ];
    for wanted in overrides.into_iter().flatten() {
        let present = names
            .iter()
            .any(|name| name.trim().eq_ignore_ascii_case(wanted));
        if !present {
            return Err(ParseError::Malformed(format!("no column named {wanted:?}")));
        }
    }
    Ok(columns)
}

/// A record that spans lines and has an odd number of quotes or the wrong
/// number of fields is the work of an unbalanced quote.
fn is_broken_record(raw: &str, record: &StringRecord, header_len: usize) -> bool {
    let spans_lines = raw.trim_end_matches('\n').contains('\n');
    let odd_quotes = raw.matches('"').count() % 2 == 1;
    spans_lines && (odd_quotes || record.len() != header_len)
}

fn record_from_row(row: &StringRecord, columns: &[(Field, usize)]) -> RawRecord {
    let mut record = RawRecord::default();
    for &(field, index) in columns {
        record.set(field, row.get(index).map(str::to_string));
    }
    record
}

fn byte_offset(position: &csv::Position) -> usize {
    usize::try_from(position.byte()).unwrap_or(usize::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn none() -> FieldOverrides {
        FieldOverrides::default()
    }

    fn summary(parsed: &ParsedFile) -> Vec<(Option<usize>, String)> {
        parsed
            .articles
            .iter()
            .map(|article| (article.part, article.body.clone()))
            .collect()
    }

    #[test]
    fn reads_rows_by_usual_column_names() {
        let text = "link,headline,date,location,summary,body\n\
            https://example.org/1,Council meets,2022-06-24T17:30:00Z,Moscow Region,Short.,\"The council met, and \"\"agreed\"\" on a plan.\"\n\
            https://example.org/2,Empty,2022-06-25T10:00:00Z,Kyiv,Short.,\n\
            https://example.org/3,Bad date,2022-13-45,Kyiv,Short.,Body three.\n";
        let parsed = parse_csv(text, &none()).unwrap();
        assert_eq!(
            summary(&parsed),
            vec![(Some(1), "The council met, and \"agreed\" on a plan.".into())]
        );
        let article = &parsed.articles[0];
        assert_eq!(article.title.as_deref(), Some("Council meets"));
        assert_eq!(article.url.as_deref(), Some("https://example.org/1"));
        assert_eq!(
            article.date.unwrap().to_string(),
            "2022-06-24T17:30:00+00:00"
        );
        assert_eq!(
            parsed.skipped,
            vec![
                "row 2: no body text".to_string(),
                "row 3: invalid date \"2022-13-45\"".to_string()
            ]
        );
    }

    #[test]
    fn recovers_from_unbalanced_quotes() {
        let text = "title,date,text\n\
            One,2022-01-01,First body.\n\
            Two,2022-01-02,\"Second body never closes.\n\
            Three,2022-01-03,Third body.\n\
            Four,2022-01-04,\"Fourth, quoted.\"\n";
        let parsed = parse_csv(text, &none()).unwrap();
        assert_eq!(
            summary(&parsed),
            vec![
                (Some(1), "First body.".into()),
                (Some(3), "Third body.".into()),
                (Some(4), "Fourth, quoted.".into()),
            ]
        );
        assert_eq!(parsed.skipped, vec!["row 2: unbalanced quotes".to_string()]);
    }

    #[test]
    fn overrides_and_missing_columns() {
        let text = "Title,Published_At,Date,Story\nA,2022-02-02,2020-01-01,Body A.\n";
        let fields = FieldOverrides {
            date: Some("published_at".into()),
            body: Some("story".into()),
            ..FieldOverrides::default()
        };
        let parsed = parse_csv(text, &fields).unwrap();
        assert_eq!(parsed.articles[0].date.unwrap().to_string(), "2022-02-02");

        let missing = FieldOverrides {
            date: Some("seen".into()),
            ..fields
        };
        assert_eq!(
            parse_csv(text, &missing).unwrap_err(),
            ParseError::Malformed("no column named \"seen\"".into())
        );
        assert!(matches!(
            parse_csv("a,b\n1,2\n", &none()),
            Err(ParseError::Malformed(_))
        ));
    }

    #[test]
    fn sniffs_csv_headers() {
        let cases = [
            ("link,headline,date,body\n", true),
            ("\"title\",\"text\"\n", true),
            ("title,date\n", false),
            ("The body, in short, is text.\n", false),
            ("body\n", false),
        ];
        for (text, expected) in cases {
            assert_eq!(looks_like_csv(text), expected, "{text:?}");
        }
    }
}
