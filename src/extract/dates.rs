//! Dates: the many ways news files write a publication date -> [`ArticleDate`].
//!
//! chrono does the parsing; this module only owns the list of layouts seen in
//! news corpora, the table of time-zone abbreviations (chrono has none outside
//! RFC 2822) and the plausibility check that rejects years a news archive
//! cannot hold. Pure functions, no I/O.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use regex::Regex;

use crate::article::ArticleDate;

/// Earliest and latest year accepted: anything outside is a typo or a
/// placeholder (`0000-00-00`, `99999-01-01`), not a publication date.
const MIN_YEAR: i32 = 1800;
const MAX_YEAR: i32 = 2100;

/// Layouts that carry a day only.
const DAY_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%B %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%d-%b-%Y",
    "%d.%m.%Y",
];

/// Layouts with a time of day but no offset; read as UTC (or as the offset of
/// a trailing time-zone abbreviation, see [`parse_with_zone_abbreviation`]).
const NAIVE_DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y%m%dT%H%M%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%d-%b-%Y %H:%M:%S%.f",
    "%d-%b-%Y %H:%M",
    "%b %d, %Y %I:%M%p",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y %H:%M",
    "%B %d, %Y %I:%M%p",
    "%B %d, %Y %I:%M %p",
    "%B %d, %Y %H:%M",
    "%d %B %Y %H:%M",
    "%d %B %Y %H:%M:%S",
];

/// Layouts with a numeric offset.
const OFFSET_DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M%z",
];

/// Time-zone abbreviations that news sites print after a time, with their UTC
/// offset in minutes. Ambiguous ones (IST, CST) take the reading news wires use.
const ZONE_ABBREVIATIONS: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("UT", 0),
    ("Z", 0),
    ("WET", 0),
    ("BST", 60),
    ("WEST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("IST", 330),
    ("HKT", 480),
    ("SGT", 480),
    ("JST", 540),
    ("KST", 540),
    ("AEST", 600),
    ("AEDT", 660),
    ("EST", -300),
    ("EDT", -240),
    ("CST", -360),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
];

/// Leading weekday (`Mon `, `Monday, `) that the layouts above do not expect.
static LEADING_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?i)^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+").unwrap()
});

/// File-name prefixes that carry a date: `20220125T090000Z_...`,
/// `2022-01-25-slug`, `20220125_...`.
static FILE_NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"^(?:(\d{8}T\d{6}Z)|(\d{4}-\d{2}-\d{2})|(\d{8}))(?:[_\-. ]|$)").unwrap()
});

/// Parses a publication date written in any of the usual news layouts.
///
/// Returns `None` for text that is not a date or is not a plausible
/// publication date (impossible day, year outside 1800–2100).
pub fn parse_date(text: &str) -> Option<ArticleDate> {
    let trimmed = text.trim().trim_end_matches('.');
    if trimmed.is_empty() || trimmed.len() > 80 {
        return None;
    }
    // `3-MAR-1987  09:15:05.40`: runs of spaces are layout, not meaning.
    let single_spaced = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    let date = parse_date_unchecked(&single_spaced)?;
    is_plausible(date).then_some(date)
}

/// The date encoded at the start of a file name, if any.
pub fn date_from_file_name(name: &str) -> Option<ArticleDate> {
    let captures = FILE_NAME_DATE.captures(name)?;
    let date = if let Some(basic) = captures.get(1) {
        let naive = NaiveDateTime::parse_from_str(basic.as_str(), "%Y%m%dT%H%M%SZ").ok()?;
        ArticleDate::Instant(utc_offset().from_utc_datetime(&naive))
    } else {
        let day_text = captures.get(2).or_else(|| captures.get(3))?.as_str();
        let format = if day_text.contains('-') {
            "%Y-%m-%d"
        } else {
            "%Y%m%d"
        };
        ArticleDate::Day(NaiveDate::parse_from_str(day_text, format).ok()?)
    };
    is_plausible(date).then_some(date)
}

fn parse_date_unchecked(text: &str) -> Option<ArticleDate> {
    if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
        return Some(ArticleDate::Instant(instant));
    }
    if let Ok(instant) = DateTime::parse_from_rfc2822(text) {
        return Some(ArticleDate::Instant(instant));
    }
    let without_weekday = LEADING_WEEKDAY.replace(text, "");
    let rest = without_weekday.as_ref();
    // `2022-01-10T09:00Z` and `20220125T090000Z`: forms RFC 3339 rejects.
    if let Some(stripped) = rest.strip_suffix('Z').or_else(|| rest.strip_suffix('z')) {
        if let Some(naive) = parse_naive_datetime(stripped) {
            return Some(ArticleDate::Instant(utc_offset().from_utc_datetime(&naive)));
        }
    }
    for format in OFFSET_DATETIME_FORMATS {
        if let Ok(instant) = DateTime::parse_from_str(rest, format) {
            return Some(ArticleDate::Instant(instant));
        }
    }
    if let Some(instant) = parse_with_zone_abbreviation(rest) {
        return Some(ArticleDate::Instant(instant));
    }
    if let Some(naive) = parse_naive_datetime(rest) {
        return Some(ArticleDate::Instant(utc_offset().from_utc_datetime(&naive)));
    }
    DAY_FORMATS
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(rest, format).ok())
        .map(ArticleDate::Day)
}

/// `Mon Jun 18, 2007 2:46am EDT`: a naive time followed by a known abbreviation.
fn parse_with_zone_abbreviation(text: &str) -> Option<DateTime<FixedOffset>> {
    let (local_part, zone) = text.rsplit_once(char::is_whitespace)?;
    let offset_minutes = ZONE_ABBREVIATIONS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(zone))
        .map(|(_, minutes)| *minutes)?;
    let offset = FixedOffset::east_opt(offset_minutes * 60)?;
    let naive = parse_naive_datetime(local_part.trim_end())?;
    offset.from_local_datetime(&naive).single()
}

fn parse_naive_datetime(text: &str) -> Option<NaiveDateTime> {
    NAIVE_DATETIME_FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}

fn utc_offset() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!("zero is a valid offset"))
}

fn is_plausible(date: ArticleDate) -> bool {
    let year = match date {
        ArticleDate::Day(day) => day.year(),
        ArticleDate::Instant(instant) => instant.year(),
    };
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_layouts() {
        let cases = [
            ("2022-01-10", "2022-01-10"),
            ("  2022-01-10 ", "2022-01-10"),
            ("2022/01/10", "2022-01-10"),
            ("January 10, 2022", "2022-01-10"),
            ("Jan 10, 2022", "2022-01-10"),
            ("Jan. 10, 2022", "2022-01-10"),
            ("10 Jan 2022", "2022-01-10"),
            ("2022-01-10 09:30:00 UTC", "2022-01-10T09:30:00+00:00"),
            (
                "Monday, 10 January 2022 09:30 GMT",
                "2022-01-10T09:30:00+00:00",
            ),
            ("10 January 2022", "2022-01-10"),
            ("Monday, January 10, 2022", "2022-01-10"),
            ("26-FEB-1987", "1987-02-26"),
            ("2022-06-24T23:23:00Z", "2022-06-24T23:23:00+00:00"),
            ("2022-06-24T23:23Z", "2022-06-24T23:23:00+00:00"),
            ("2022-06-24T23:23:00+03:00", "2022-06-24T23:23:00+03:00"),
            ("2022-06-24T23:23:00+0300", "2022-06-24T23:23:00+03:00"),
            ("2022-06-24T23:23:00.250Z", "2022-06-24T23:23:00.250+00:00"),
            ("2022-06-24 23:23:00", "2022-06-24T23:23:00+00:00"),
            ("2022-06-24T23:23:00", "2022-06-24T23:23:00+00:00"),
            (
                "Mon, 10 Jan 2022 09:30:00 +0100",
                "2022-01-10T09:30:00+01:00",
            ),
            ("Mon, 10 Jan 2022 09:30:00 GMT", "2022-01-10T09:30:00+00:00"),
            ("Mon Jun 18, 2007 2:46am EDT", "2007-06-18T02:46:00-04:00"),
            ("Sun May 16, 2010 5:52pm EDT", "2010-05-16T17:52:00-04:00"),
            ("Tue Jan 8, 2008 11:05AM EST", "2008-01-08T11:05:00-05:00"),
            ("Wed Mar 4, 2009 9:00am GMT", "2009-03-04T09:00:00+00:00"),
            ("Thu Jul 5, 2012 3:10pm BST", "2012-07-05T15:10:00+01:00"),
            ("Fri Nov 2, 2012 12:30pm IST", "2012-11-02T12:30:00+05:30"),
            ("Fri Nov 2, 2012 8:15am JST", "2012-11-02T08:15:00+09:00"),
            ("Fri Nov 2, 2012 8:15am PST", "2012-11-02T08:15:00-08:00"),
            ("Sat Aug 4, 2012 8:15am CEST", "2012-08-04T08:15:00+02:00"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.790+00:00"),
            ("1-MAR-1987 01:30:29.50", "1987-03-01T01:30:29.500+00:00"),
            ("3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05.400+00:00"),
            ("20220125T090000Z", "2022-01-25T09:00:00+00:00"),
        ];
        for (text, expected) in cases {
            let parsed = parse_date(text).map(|date| date.to_string());
            assert_eq!(parsed.as_deref(), Some(expected), "{text:?}");
        }
    }

    #[test]
    fn rejects_impossible_and_implausible_dates() {
        let cases = [
            "",
            "   ",
            "0000-00-00",
            "2022-13-45",
            "2022-02-30",
            "99999-01-01",
            "1700-01-01",
            "2101-01-01",
            "yesterday",
            "According to officials",
            "Mon Jun 18, 2007 2:46am XYZ",
            "2022-01-10 and then some words",
        ];
        for text in cases {
            assert_eq!(parse_date(text), None, "{text:?}");
        }
    }

    #[test]
    fn reads_dates_from_file_names() {
        let cases = [
            (
                "20220125T090000Z_GB_en_7d015e6984.txt",
                Some("2022-01-25T09:00:00+00:00"),
            ),
            ("2022-01-25-troops-gather.txt", Some("2022-01-25")),
            ("20220125_kyiv_talks.txt", Some("2022-01-25")),
            ("20220125", Some("2022-01-25")),
            ("20221345_bad.txt", None),
            ("us-dexia-sale-idUSTRE78O30320110926", None),
            ("article.txt", None),
            ("202201251_long_number.txt", None),
        ];
        for (name, expected) in cases {
            let parsed = date_from_file_name(name).map(|date| date.to_string());
            assert_eq!(parsed.as_deref(), expected, "{name:?}");
        }
    }
}
