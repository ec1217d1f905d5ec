//! The article model: what every parser produces and every later stage consumes.
//!
//! Plain data with serde derives and no I/O, so parsers, extractors, the indexer
//! and the renderers all speak the same types.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// When an article was published, as precisely as its source says.
///
/// A bare day (`date 2022-01-10`), an instant with a known offset
/// (`Mon Jun 18, 2007 2:46am EDT`) and a local time without offset
/// (`1999-06-12 15:10:11` on a wire) render differently: `YYYY-MM-DD`, RFC
/// 3339 keeping the source's offset, and `YYYY-MM-DDTHH:MM:SS` with no offset,
/// so nothing claims a time zone the source did not give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleDate {
    Day(NaiveDate),
    Instant(DateTime<FixedOffset>),
    /// Wall-clock time as written, zone unknown; indexed as if it were UTC.
    Local(NaiveDateTime),
}

impl ArticleDate {
    /// The instant used for indexing, filtering and sorting: midnight UTC for a bare day.
    pub fn to_utc(self) -> DateTime<Utc> {
        match self {
            ArticleDate::Day(day) => day.and_time(NaiveTime::MIN).and_utc(),
            ArticleDate::Instant(instant) => instant.with_timezone(&Utc),
            ArticleDate::Local(local) => local.and_utc(),
        }
    }

    /// The calendar day as the source wrote it.
    pub fn day(self) -> NaiveDate {
        match self {
            ArticleDate::Day(day) => day,
            ArticleDate::Instant(instant) => instant.date_naive(),
            ArticleDate::Local(local) => local.date(),
        }
    }

    /// Parses the form produced by `Display`: `YYYY-MM-DD`, RFC 3339, or a
    /// local `YYYY-MM-DDTHH:MM:SS`.
    pub fn parse_canonical(text: &str) -> Option<ArticleDate> {
        if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(ArticleDate::Day(day));
        }
        if let Ok(local) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
            return Some(ArticleDate::Local(local));
        }
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(ArticleDate::Instant)
    }
}

impl fmt::Display for ArticleDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleDate::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            ArticleDate::Instant(instant) => write!(f, "{}", instant.to_rfc3339()),
            ArticleDate::Local(local) => write!(f, "{}", local.format("%Y-%m-%dT%H:%M:%S%.f")),
        }
    }
}

impl Serialize for ArticleDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ArticleDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ArticleDate::parse_canonical(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date: {text:?}")))
    }
}

/// The kind of a named entity, as users filter and count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One named entity of an article, under its canonical (longest) name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
}

/// A direct quotation and, when it could be attributed, who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    /// Who said it, as the article introduces them where it attributes the
    /// quotation: the canonical name with the titles before it and the party
    /// tag or description after it ("Rep. G.K. Butterfield (D-N.C.), head of
    /// the Congressional Black Caucus").
    pub speaker: Option<String>,
    /// The speaker's canonical name alone ("G.K. Butterfield"): what speaker
    /// filters and counts match, so a description naming someone else
    /// ("an aide to Clinton") never makes the quote Clinton's.
    #[serde(default)]
    pub speaker_name: Option<String>,
}

impl Quote {
    /// The canonical speaker name; indexes written before `speaker_name`
    /// existed stored the name alone in `speaker`.
    pub fn speaker_name(&self) -> Option<&str> {
        self.speaker_name.as_deref().or(self.speaker.as_deref())
    }
}

/// A fully parsed and extracted article, ready to index or print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Unique key: the file's path, or `FILE#N` for the N-th article of a multi-article file.
    pub path: String,
    /// The source's own id of the article (TREC `DOCNO`, a record's `id`,
    /// `Message-ID`, NewsML guid), when it has one: `newsdex show ID` finds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub date: Option<ArticleDate>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub body: String,
}

/// An article's key in the index, and the one owner of its convention: the
/// file's key alone for a one-article file, `FILE#N` for the N-th article of
/// a multi-article file, `FILE#MEMBER` for an archive member (whose own key
/// may go on with `#N`). Keys are built, split and shown only here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleKey {
    file: String,
    /// What follows the file's key after `#`, if anything.
    within: Option<String>,
}

impl ArticleKey {
    /// The separator between a file's key and the article's place in it.
    pub const SEPARATOR: char = '#';

    /// A file holding one article.
    pub fn whole_file(file_key: &str) -> ArticleKey {
        ArticleKey {
            file: file_key.to_string(),
            within: None,
        }
    }

    /// The `part`-th (1-based) article of a multi-article file.
    pub fn part(file_key: &str, part: usize) -> ArticleKey {
        ArticleKey {
            file: file_key.to_string(),
            within: Some(part.to_string()),
        }
    }

    /// An article of an archive member, `member` being the member's own key.
    pub fn member(file_key: &str, member: &str) -> ArticleKey {
        ArticleKey {
            file: file_key.to_string(),
            within: Some(member.to_string()),
        }
    }

    /// The key of the file the article came from.
    pub fn file_key(&self) -> &str {
        &self.file
    }

    /// The ways to read typed text as a key: (file part, the rest from its
    /// `#` on), the shortest file part first. A file name may itself hold a
    /// `#`, so only the file system can tell which reading is meant.
    pub fn readings(typed: &str) -> impl Iterator<Item = (&str, &str)> {
        typed
            .match_indices(ArticleKey::SEPARATOR)
            .map(|(index, _)| index)
            .chain(std::iter::once(typed.len()))
            .map(move |end| typed.split_at(end))
    }
}

impl fmt::Display for ArticleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.within {
            Some(within) => write!(f, "{}{}{within}", self.file, ArticleKey::SEPARATOR),
            None => f.write_str(&self.file),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn article_keys_build_and_read_back() {
        assert_eq!(ArticleKey::whole_file("/c/a.txt").to_string(), "/c/a.txt");
        assert_eq!(
            ArticleKey::part("/c/a.jsonl", 3).to_string(),
            "/c/a.jsonl#3"
        );
        let member = ArticleKey::member("/c/a.zip", "b/c.sgml#2");
        assert_eq!(member.to_string(), "/c/a.zip#b/c.sgml#2");
        assert_eq!(member.file_key(), "/c/a.zip");
        let readings: Vec<_> = ArticleKey::readings("a#1.txt#2").collect();
        assert_eq!(
            readings,
            [("a", "#1.txt#2"), ("a#1.txt", "#2"), ("a#1.txt#2", "")]
        );
    }

    use super::*;

    #[test]
    fn day_and_instant_render_and_parse_back() {
        let cases = [
            "2022-01-10",
            "2007-06-18T02:46:00-04:00",
            "1987-02-26T15:01:01+00:00",
            "1999-06-12T15:10:11",
        ];
        for text in cases {
            let date = ArticleDate::parse_canonical(text).unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn instant_converts_to_utc() {
        let date = ArticleDate::parse_canonical("2007-06-18T22:46:00-04:00").unwrap();
        assert_eq!(date.to_utc().to_rfc3339(), "2007-06-19T02:46:00+00:00");
    }
}
