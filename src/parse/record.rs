//! Records: the shared step of every format, raw field texts -> [`ParsedArticle`].
//!
//! Owns the usual key and column names (`date`, `published_at`, `headline`, ...),
//! how [`FieldOverrides`] win over them, and the checks every record passes
//! (a body must exist, a present date must parse), so JSON, JSON Lines, CSV and
//! header blocks agree on what a field means.

use crate::extract::dates::parse_date;

use super::{FieldOverrides, ParseError, ParsedArticle};

/// One article field that a structured format may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Date,
    Title,
    Body,
    Url,
    Author,
    Source,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Date,
        Field::Title,
        Field::Body,
        Field::Url,
        Field::Author,
        Field::Source,
    ];

    /// Names under which the field usually appears, best first; compared
    /// case-insensitively.
    fn usual_names(self) -> &'static [&'static str] {
        match self {
            Field::Date => &[
                "date",
                "published",
                "publication_date",
                "published_at",
                "pubdate",
                "pub_date",
                "publish_date",
                "published_date",
                "datetime",
                "date_published",
            ],
            Field::Title => &["title", "headline"],
            Field::Body => &[
                "body",
                "text",
                "content",
                "article",
                "maintext",
                "full_text",
            ],
            Field::Url => &["url", "link"],
            Field::Author => &["author", "authors", "byline"],
            Field::Source => &["source", "publisher", "source_name"],
        }
    }

    fn overridden_name(self, overrides: &FieldOverrides) -> Option<&str> {
        let name = match self {
            Field::Date => &overrides.date,
            Field::Title => &overrides.title,
            Field::Body => &overrides.body,
            Field::Url => &overrides.url,
            Field::Author => &overrides.author,
            Field::Source => &overrides.source,
        };
        name.as_deref()
    }
}

/// Finds which of `names` holds `field`: the user's override if given (and only
/// it), else the first usual name present. Returns an index into `names`.
pub fn find_name<S: AsRef<str>>(
    field: Field,
    names: &[S],
    overrides: &FieldOverrides,
) -> Option<usize> {
    let position_of = |wanted: &str| {
        names
            .iter()
            .position(|name| name.as_ref().trim().eq_ignore_ascii_case(wanted))
    };
    if let Some(overridden) = field.overridden_name(overrides) {
        return position_of(overridden);
    }
    field
        .usual_names()
        .iter()
        .find_map(|usual| position_of(usual))
}

/// Whether `name` is one of the usual names of `field` (for content sniffing).
pub fn is_usual_name(field: Field, name: &str) -> bool {
    let trimmed = name.trim().trim_matches('"');
    field
        .usual_names()
        .iter()
        .any(|usual| usual.eq_ignore_ascii_case(trimmed))
}

/// The raw texts of one record, before validation.
#[derive(Debug, Default)]
pub struct RawRecord {
    pub date: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
}

impl RawRecord {
    pub fn set(&mut self, field: Field, value: Option<String>) {
        let slot = match field {
            Field::Date => &mut self.date,
            Field::Title => &mut self.title,
            Field::Body => &mut self.body,
            Field::Url => &mut self.url,
            Field::Author => &mut self.author,
            Field::Source => &mut self.source,
        };
        *slot = value;
    }

    /// Validates the record: a body is required, a present date must parse.
    pub fn into_article(self, part: Option<usize>) -> Result<ParsedArticle, ParseError> {
        let body = non_empty(self.body).ok_or(ParseError::NoBody)?;
        let date = match non_empty(self.date) {
            None => None,
            Some(text) => Some(parse_date(&text).ok_or(ParseError::BadDate(text))?),
        };
        Ok(ParsedArticle {
            part,
            date,
            title: non_empty(self.title),
            url: non_empty(self.url),
            author: non_empty(self.author),
            source: non_empty(self.source),
            body,
        })
    }
}

/// The reason pushed into `ParsedFile::skipped` for a record of a multi-article
/// file, e.g. `line 7: no body text`.
pub fn skip_reason(position: &str, problem: &ParseError) -> String {
    match problem {
        ParseError::NoBody => format!("{position}: no body text"),
        other => format!("{position}: {other}"),
    }
}

/// Trimmed text, or `None` when nothing is left.
pub fn non_empty(maybe_text: Option<String>) -> Option<String> {
    let text = maybe_text?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.len() == text.len() {
        return Some(text);
    }
    Some(trimmed.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn finds_usual_names_and_honours_overrides() {
        let names = ["Link", "Headline", "published_at", "Body", "date"];
        let none = FieldOverrides::default();
        let overrides = FieldOverrides {
            date: Some("PUBLISHED_AT".into()),
            ..FieldOverrides::default()
        };
        let missing = FieldOverrides {
            body: Some("story".into()),
            ..FieldOverrides::default()
        };
        let cases = [
            (Field::Date, &none, Some(4)),
            (Field::Date, &overrides, Some(2)),
            (Field::Title, &none, Some(1)),
            (Field::Url, &none, Some(0)),
            (Field::Body, &none, Some(3)),
            (Field::Body, &missing, None),
            (Field::Author, &none, None),
        ];
        for (field, fields, expected) in cases {
            assert_eq!(find_name(field, &names, fields), expected, "{field:?}");
        }
    }

    #[test]
    fn validates_records() {
        let good = RawRecord {
            date: Some(" 2022-01-10 ".into()),
            body: Some("Talks resumed in Geneva.".into()),
            title: Some("  ".into()),
            ..RawRecord::default()
        };
        let article = good.into_article(Some(2)).unwrap();
        assert_eq!(article.part, Some(2));
        assert_eq!(article.date.unwrap().to_string(), "2022-01-10");
        assert_eq!(article.title, None);

        let no_body = RawRecord {
            body: Some(" \n ".into()),
            ..RawRecord::default()
        };
        assert_eq!(no_body.into_article(None), Err(ParseError::NoBody));

        let bad_date = RawRecord {
            date: Some("2022-13-45".into()),
            body: Some("Talks resumed.".into()),
            ..RawRecord::default()
        };
        let problem = bad_date.into_article(None).unwrap_err();
        assert_eq!(problem, ParseError::BadDate("2022-13-45".into()));
        assert_eq!(
            skip_reason("row 3", &problem),
            "row 3: invalid date \"2022-13-45\""
        );
    }
}
