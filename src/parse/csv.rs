//! CSV: one article per data row, columns found by their usual names.
//!
//! The `csv` crate does the RFC 4180 work. This module owns the column
//! mapping and the recovery from unbalanced quotes: such a quote makes the
//! crate swallow every following line into one field, so a record that spans
//! lines with an odd number of quotes (or the wrong number of fields) is
//! reported in `skipped` and parsing resumes on its second line.

use csv::{ReaderBuilder, StringRecord};

use super::dates::parse_date;
use super::fields::looks_like_token;
use super::record::{find_name, is_usual_name, skip_reason, Field, RawRecord};
use super::{FieldOverrides, ParseError, ParsedFile};

/// Whether the first line of `text` is a CSV header with a recognisable body
/// column, for CSV files without a `.csv` extension.
pub fn looks_like_csv(text: &str) -> bool {
    let first_line = text.lines().next().unwrap_or_default();
    // A character no column name holds rules the line out whatever the
    // delimiter, before the delimiter sniffing builds its CSV readers (which
    // dominated reading plain-text news: a title holds an apostrophe or a colon).
    let only_name_characters = first_line.chars().all(|c| {
        is_delimiter(c)
            || c.is_ascii_alphanumeric()
            || c.is_whitespace()
            || matches!(c, '_' | '-' | '.' | '"')
    });
    // A header's names hold no delimiter, so each is a piece of the line
    // split at every delimiter: one of them must name the body.
    let names_a_body = first_line
        .split(is_delimiter)
        .any(|piece| is_usual_name(Field::Body, piece));
    if !only_name_characters || !names_a_body {
        return false;
    }
    let delimiter = char::from(sniff_delimiter(first_line));
    let names: Vec<&str> = first_line.split(delimiter).collect();
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

/// Parses a CSV or TSV file, with or without a header row; `part` is the
/// 1-based data row number. Without a header, the columns' roles come from
/// their values ([`columns_by_values`]).
pub fn parse_csv(text: &str, fields: &FieldOverrides) -> Result<ParsedFile, ParseError> {
    let delimiter = sniff_delimiter(text);
    let mut header_reader = ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers = header_reader
        .headers()
        .map_err(|error| ParseError::Malformed(format!("CSV header: {error}")))?
        .clone();
    let has_header = looks_like_header(&headers);
    let sample = sample_rows(text, delimiter, has_header);
    let (columns, mut offset) = if has_header {
        let columns = find_columns(&headers, &sample, fields)?;
        (columns, byte_offset(header_reader.position()))
    } else {
        (columns_by_values(&sample)?, 0)
    };
    let column_name = |index: usize| match (has_header, headers.get(index)) {
        (true, Some(name)) => name.to_string(),
        _ => format!("column {}", index + 1),
    };
    let mut parsed = ParsedFile {
        layout: if has_header {
            "CSV"
        } else {
            "CSV without header"
        }
        .to_string(),
        field_sources: field_sources(&columns, column_name),
        ..ParsedFile::default()
    };
    let mut row_number = 0;
    'resume: while offset < text.len() {
        let rest = &text[offset..];
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
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
                    match raw_record.into_record_article(Some(row_number)) {
                        Ok(article) => parsed.articles.push(article),
                        Err(problem) => parsed.skipped.push(skip_reason(&position, &problem)),
                    }
                }
            }
        }
    }
    Ok(parsed)
}

/// Where each field comes from, for `newsdex inspect`; without a body
/// column the title is the text.
fn field_sources(
    columns: &[(Field, usize)],
    column_name: impl Fn(usize) -> String,
) -> Vec<(&'static str, String)> {
    let mut sources: Vec<(&'static str, String)> = columns
        .iter()
        .map(|&(field, index)| (field.name(), column_name(index)))
        .collect();
    let has_body = columns.iter().any(|(field, _)| *field == Field::Body);
    let title = columns.iter().find(|(field, _)| *field == Field::Title);
    if let (false, Some(&(_, index))) = (has_body, title) {
        sources.push(("body", format!("{} (headline only)", column_name(index))));
    }
    sources
}

/// Rows read to judge what the columns hold.
const SAMPLE_ROWS: usize = 50;

/// Delimiters tried, the most usual first (it wins a tie).
const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Whether `c` is one of the [`DELIMITERS`].
fn is_delimiter(c: char) -> bool {
    u8::try_from(c).is_ok_and(|byte| DELIMITERS.contains(&byte))
}

/// Rows read per delimiter to judge which one the file uses.
const SNIFF_ROWS: usize = 20;

/// The delimiter that splits the first rows into the same number of fields
/// (at least two) most often: comma, tab, semicolon (spreadsheets saved in
/// most European locales) or pipe. Bodies hold commas, so a semicolon file
/// read with commas gives rows of uneven length.
fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (b',', (0, 0));
    for delimiter in DELIMITERS {
        let score = delimiter_score(text, delimiter);
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// (rows with as many fields as the first, fields of the first row), or
/// zeros when the first row does not split.
fn delimiter_score(text: &str, delimiter: u8) -> (usize, usize) {
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let lengths: Vec<usize> = reader
        .records()
        .take(SNIFF_ROWS)
        .map_while(std::result::Result::ok)
        .map(|record| record.len())
        .collect();
    let Some(&first) = lengths.first() else {
        return (0, 0);
    };
    if first < 2 {
        return (0, 0);
    }
    let alike = lengths.iter().filter(|&&length| length == first).count();
    (alike, first)
}

/// A header row holds names: short, not numbers, not URLs, not sentences.
fn looks_like_header(first: &StringRecord) -> bool {
    first.iter().all(|value| {
        let trimmed = value.trim();
        !trimmed.is_empty()
            && trimmed.len() <= 40
            && trimmed.split_whitespace().count() <= 3
            && !trimmed.starts_with("http")
            && !trimmed
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    })
}

fn sample_rows(text: &str, delimiter: u8, has_header: bool) -> Vec<StringRecord> {
    ReaderBuilder::new()
        .has_headers(has_header)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .records()
        .take(SAMPLE_ROWS)
        .filter_map(Result::ok)
        .collect()
}

/// What one column's sampled values look like.
#[derive(Debug, Default, Clone, Copy)]
struct ColumnProfile {
    mean_words: f64,
    prose_share: f64,
    token_share: f64,
    date_share: f64,
    url_share: f64,
}

fn profile(sample: &[StringRecord], column: usize) -> ColumnProfile {
    let values: Vec<&str> = sample
        .iter()
        .filter_map(|row| row.get(column))
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .collect();
    if values.is_empty() {
        return ColumnProfile::default();
    }
    let count = values.len() as f64;
    let share =
        |test: &dyn Fn(&str) -> bool| values.iter().filter(|v| test(v)).count() as f64 / count;
    ColumnProfile {
        mean_words: values
            .iter()
            .map(|value| value.split_whitespace().count())
            .sum::<usize>() as f64
            / count,
        prose_share: share(&|value| value.contains(char::is_whitespace)),
        token_share: share(&|value| looks_like_token(value)),
        date_share: share(&|value| {
            !value.chars().all(|c| c.is_ascii_digit()) && parse_date(value).is_some()
        }),
        url_share: share(&|value| value.starts_with("http://") || value.starts_with("https://")),
    }
}

/// Roles of the columns of a file without header: the wordiest column is
/// the body, the next wordiest the title, a column of dates the date, a
/// column of URLs the url.
fn columns_by_values(sample: &[StringRecord]) -> Result<Vec<(Field, usize)>, ParseError> {
    let width = sample.iter().map(StringRecord::len).max().unwrap_or(0);
    let profiles: Vec<ColumnProfile> = (0..width).map(|column| profile(sample, column)).collect();
    let mut columns = Vec::new();
    let is_text =
        |p: &ColumnProfile| p.url_share < 0.5 && p.date_share < 0.5 && p.prose_share >= 0.5;
    let mut by_words: Vec<usize> = (0..width).filter(|&c| is_text(&profiles[c])).collect();
    by_words.sort_by(|&a, &b| profiles[b].mean_words.total_cmp(&profiles[a].mean_words));
    if let Some(&body) = by_words.first() {
        columns.push((Field::Body, body));
    }
    if let Some(&title) = by_words.get(1) {
        columns.push((Field::Title, title));
    }
    if let Some(date) = (0..width).find(|&c| profiles[c].date_share >= 0.8) {
        columns.push((Field::Date, date));
    }
    if let Some(url) = (0..width).find(|&c| profiles[c].url_share >= 0.8) {
        columns.push((Field::Url, url));
    }
    if columns.is_empty() {
        return Err(ParseError::Malformed(
            "CSV without header and no column of text".to_string(),
        ));
    }
    Ok(columns)
}

/// Column index of each field, or an error naming a column that the user
/// asked for but the header lacks. A body column must hold prose: a column
/// named `STORY` that holds cluster ids is not the body.
fn find_columns(
    headers: &StringRecord,
    sample: &[StringRecord],
    fields: &FieldOverrides,
) -> Result<Vec<(Field, usize)>, ParseError> {
    let names: Vec<&str> = headers.iter().collect();
    let mut columns = Vec::new();
    for field in Field::ALL {
        let mut candidates: Vec<&str> = names.clone();
        while let Some(index) = find_name(field, &candidates, fields) {
            let is_prose = profile(sample, index).token_share < 0.5;
            if field != Field::Body || is_prose || fields.body.is_some() {
                columns.push((field, index));
                break;
            }
            // Hide this name and look for the next-best body column.
            candidates[index] = "";
        }
    }
    let has_text = columns
        .iter()
        .any(|(field, _)| matches!(field, Field::Body | Field::Title));
    if !has_text {
        return Err(ParseError::Malformed(format!(
            "no body or title column among {names:?} (use --field body=NAME)"
        )));
    }
    let overrides = [
        &fields.date,
        &fields.title,
        &fields.body,
        &fields.url,
        &fields.author,
        &fields.source,
        &fields.id,
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
        record.set_cell(field, row.get(index));
    }
    record
}

fn byte_offset(position: &csv::Position) -> usize {
    usize::try_from(position.byte()).unwrap_or(usize::MAX)
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
