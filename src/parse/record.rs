//! Records: the shared step of every format, raw field texts -> [`ParsedArticle`].
//!
//! Owns the usual key and column names (`date`, `published_at`, `headline`, ...),
//! how [`FieldOverrides`] win over them, and the checks every record passes
//! (a body must exist, a present date must parse), so JSON, JSON Lines, CSV and
//! header blocks agree on what a field means.

use super::byline::author_from_byline;
use super::dates::parse_date;
use super::html::markup_text;
use super::markup::looks_like_markup;

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
    Id,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Date,
        Field::Title,
        Field::Body,
        Field::Url,
        Field::Author,
        Field::Source,
        Field::Id,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Title => "title",
            Field::Body => "body",
            Field::Url => "url",
            Field::Author => "author",
            Field::Source => "source",
            Field::Id => "id",
        }
    }

    /// Names under which the field appears in real-world data (news-please,
    /// newspaper3k, news APIs, Kaggle sets, ninjs, RSS-to-JSON, crawler
    /// dumps), best first, in the form of [`normalise_key`]: lowercase
    /// letters and digits only, so `publishedAt`, `published_at` and
    /// `Published-At` are one name.
    fn usual_names(self) -> &'static [&'static str] {
        match self {
            Field::Date => &[
                "datepublish",
                "datepublished",
                "publishedat",
                "publishedate",
                "publisheddate",
                "publishdate",
                "publicationdate",
                "pubdate",
                "published",
                "firstpublished",
                "date",
                "datetime",
                "publishedtime",
                "timestamp",
                "createdat",
                "created",
                "firstcreated",
                "time",
                "issued",
                "versioncreated",
                "updatedat",
                "updated",
                "datemodify",
                "modified",
            ],
            Field::Title => &[
                "title",
                "headline",
                "headlinetext",
                "head",
                "hl",
                "subject",
                "titlepage",
                "titlerss",
            ],
            Field::Body => &[
                "body",
                "text",
                "maintext",
                "content",
                "contents",
                "article",
                "articlebody",
                "articletext",
                "story",
                "fulltext",
                "bodytext",
                "bodyhtml",
                "html",
                "description",
                "shortdescription",
                "descriptiontext",
                "summary",
                "abstract",
                "lead",
                "leadparagraph",
                "lede",
                "standfirst",
                "excerpt",
                "teaser",
                "dek",
                "snippet",
            ],
            Field::Url => &[
                "url",
                "link",
                "canonicallink",
                "canonicalurl",
                "articleurl",
                "weburl",
                "permalink",
                "href",
                "uri",
                "sourceurl",
            ],
            Field::Author => &[
                "author",
                "authors",
                "byline",
                "creator",
                "writer",
                "by",
                "authorname",
                "dccreator",
            ],
            Field::Source => &[
                "source",
                "publisher",
                "sourcename",
                "sourcedomain",
                "publication",
                "site",
                "sitename",
                "outlet",
                "domain",
                "hostname",
                "feed",
            ],
            Field::Id => &[
                "id",
                "guid",
                "docid",
                "docno",
                "articleid",
                "itemid",
                "uuid",
                "oid",
                "messageid",
                "storyid",
            ],
        }
    }

    /// Rank of `name` among the usual names (0 is best), if it is one.
    /// Whether a body name of this rank names a summary (`description`,
    /// `abstract`, `lead_paragraph`, ...) rather than the full text: among
    /// summaries the longest present is the body.
    pub fn is_summary_rank(self, rank: usize) -> bool {
        let first_summary = self.rank_of("description");
        self == Field::Body && first_summary.is_some_and(|first| rank >= first)
    }

    pub fn rank_of(self, name: &str) -> Option<usize> {
        let normalised = normalise_key(name);
        self.usual_names()
            .iter()
            .position(|usual| *usual == normalised)
    }

    pub fn overridden_name(self, overrides: &FieldOverrides) -> Option<&str> {
        let name = match self {
            Field::Date => &overrides.date,
            Field::Title => &overrides.title,
            Field::Body => &overrides.body,
            Field::Url => &overrides.url,
            Field::Author => &overrides.author,
            Field::Source => &overrides.source,
            Field::Id => &overrides.id,
        };
        name.as_deref()
    }
}

/// A key as compared with the usual names: lowercase ASCII letters and
/// digits only (`date_publish` -> `datepublish`, `pubDate` -> `pubdate`).
pub fn normalise_key(name: &str) -> String {
    name.trim()
        .trim_matches('"')
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Finds which of `names` holds `field`: the user's override if given (and only
/// it), else the best usual name present. Returns an index into `names`.
pub fn find_name<S: AsRef<str>>(
    field: Field,
    names: &[S],
    overrides: &FieldOverrides,
) -> Option<usize> {
    if let Some(overridden) = field.overridden_name(overrides) {
        return names
            .iter()
            .position(|name| name.as_ref().trim().eq_ignore_ascii_case(overridden));
    }
    let mut best: Option<(usize, usize)> = None;
    for (index, name) in names.iter().enumerate() {
        let Some(rank) = field.rank_of(name.as_ref()) else {
            continue;
        };
        if best.is_none_or(|(best_rank, _)| rank < best_rank) {
            best = Some((rank, index));
        }
    }
    best.map(|(_, index)| index)
}

/// Whether `name` is one of the usual names of `field` (for content sniffing).
pub fn is_usual_name(field: Field, name: &str) -> bool {
    field.rank_of(name).is_some()
}

/// The raw texts of one record, before validation.
#[derive(Debug, Default)]
pub struct RawRecord {
    /// Where each field was found (a key, a column, a dotted path).
    pub sources: Vec<(&'static str, String)>,
    pub id: Option<String>,
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
            Field::Id => &mut self.id,
        };
        *slot = value;
    }

    /// Sets `field` from a data set's cell, an HTML body read as HTML (see
    /// [`readable_field`]).
    pub fn set_cell(&mut self, field: Field, cell: Option<&str>) {
        self.set(field, cell.map(|text| readable_field(field, text)));
    }

    /// Validates the record of a one-article file: a body is required (a
    /// header with no story is not an article); a date that does not read
    /// leaves the article undated, with the value kept for the warning.
    pub fn into_article(self, part: Option<usize>) -> Result<ParsedArticle, ParseError> {
        if non_empty(self.body.clone()).is_none() {
            return Err(ParseError::NoBody);
        }
        self.into_record_article(part)
    }

    /// Validates one record of a data set (JSON, CSV): a headline-only
    /// record (headline data sets, feeds without content) is an article
    /// whose text is its title.
    pub fn into_record_article(self, part: Option<usize>) -> Result<ParsedArticle, ParseError> {
        let title = non_empty(self.title);
        let body = non_empty(self.body)
            .or_else(|| title.clone())
            .ok_or(ParseError::NoBody)?;
        let date_text = non_empty(self.date);
        let date = date_text.as_deref().and_then(parse_date);
        let unreadable_date = date_text.filter(|_| date.is_none());
        Ok(ParsedArticle {
            part,
            id: non_empty(self.id),
            date,
            title,
            url: non_empty(self.url),
            author: self.author.as_deref().and_then(author_from_byline),
            source: non_empty(self.source),
            body,
            unreadable_date,
            ..ParsedArticle::default()
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

/// A data set's field value as text: an HTML body (a JSON key, a CSV cell, a
/// crawler's whole saved page) is read as HTML; other fields, and a body of
/// plain text, are kept as they are. Header-block files are plain text, so a
/// `<script>` in their body is text.
pub fn readable_field(field: Field, text: &str) -> String {
    if field != Field::Body || !looks_like_markup(text) {
        return text.to_string();
    }
    markup_text(text)
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
            // `published_at` ranks above the generic `date`.
            (Field::Date, &none, Some(2)),
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
        let undated = bad_date.into_article(None).unwrap();
        assert_eq!(undated.date, None);
        assert_eq!(undated.unreadable_date.as_deref(), Some("2022-13-45"));
        assert_eq!(
            skip_reason("row 3", &ParseError::NoBody),
            "row 3: no body text"
        );
    }

    #[test]
    fn headline_only_record_is_an_article_of_a_data_set_but_not_of_a_header() {
        let headline_only = || RawRecord {
            title: Some("Ferry returns".into()),
            ..RawRecord::default()
        };
        let article = headline_only().into_record_article(Some(1)).unwrap();
        assert_eq!(article.body, "Ferry returns");
        assert_eq!(headline_only().into_article(None), Err(ParseError::NoBody));
    }
}
