//! Dates: the many ways news files write a publication date -> [`ArticleDate`].
//!
//! chrono does the parsing; this module only owns the list of layouts seen in
//! news corpora (RFC 3339, RFC 822/2822 with its obsolete forms, wire and
//! newspaper layouts, epoch seconds and milliseconds, compact `20031231`), the
//! table of time-zone abbreviations (chrono has none outside RFC 2822), the
//! month and weekday names of a few other languages, and the plausibility
//! check that rejects years a news archive cannot hold. A time without an
//! offset stays local ([`ArticleDate::Local`]): nothing is labelled UTC that
//! the source did not say was UTC. Pure functions, no I/O.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
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
    "%d %b %y",
    "%d %b %Y",
    "%d.%m.%Y",
    // Month first, the US order of wire services; a day above 12 falls
    // through to the day-first forms below.
    "%m/%d/%y",
    "%m/%d/%Y",
    "%d/%m/%y",
    "%d/%m/%Y",
    "%d-%m-%Y",
];

/// Layouts with a time of day but no offset; kept local (or given the offset
/// of a trailing time-zone abbreviation, see [`parse_with_zone_abbreviation`]).
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
    "%d %b %y %H:%M:%S",
    "%d %b %Y %H:%M:%S",
    "%d %b %y %H:%M",
    "%d %b %Y %H:%M",
    "%b %d %H:%M:%S %Y",
    "%b %d %Y %H:%M:%S",
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M",
    "%Y%m%d%H%M%S",
];

/// Layouts with a numeric offset.
const OFFSET_DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M:%S%.f %z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M%z",
    "%Y-%m-%d %H:%M %z",
    "%d %b %y %H:%M:%S %z",
    "%d %b %Y %H:%M:%S %z",
    "%d %b %y %H:%M %z",
    "%d %b %Y %H:%M %z",
    "%b %d %H:%M:%S %Y %z",
    "%d-%m-%Y %H:%M %z",
    "%Y%m%dT%H%M%S%z",
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
    ("AST", -240),
    ("ADT", -180),
    ("NST", -210),
    ("NDT", -150),
    ("AKST", -540),
    ("AKDT", -480),
    ("HST", -600),
    ("MET", 60),
    ("MEZ", 60),
    ("MEST", 120),
    ("MESZ", 120),
    ("SAST", 120),
    ("IDT", 180),
    ("EAT", 180),
    ("PKT", 300),
    ("WIB", 420),
    ("ICT", 420),
    ("CCT", 480),
    ("PHT", 480),
    ("AWST", 480),
    ("ACST", 570),
    ("ACDT", 630),
    ("NZST", 720),
    ("NZDT", 780),
];

/// Month and weekday names of other languages (Portuguese, Spanish, French,
/// German, Italian, Dutch) that feeds print in RFC 822 dates, mapped to the
/// English abbreviations chrono reads. Compared lowercase, without a final dot.
const FOREIGN_MONTHS: &[(&str, &str)] = &[
    ("janv", "Jan"),
    ("ene", "Jan"),
    ("gen", "Jan"),
    ("fev", "Feb"),
    ("fév", "Feb"),
    ("févr", "Feb"),
    ("mär", "Mar"),
    ("märz", "Mar"),
    ("mrz", "Mar"),
    ("mars", "Mar"),
    ("abr", "Apr"),
    ("avr", "Apr"),
    ("mai", "May"),
    ("mei", "May"),
    ("mag", "May"),
    ("juin", "Jun"),
    ("giu", "Jun"),
    ("juil", "Jul"),
    ("lug", "Jul"),
    ("ago", "Aug"),
    ("août", "Aug"),
    ("set", "Sep"),
    ("sept", "Sep"),
    ("out", "Oct"),
    ("okt", "Oct"),
    ("ott", "Oct"),
    ("dez", "Dec"),
    ("dic", "Dec"),
    ("déc", "Dec"),
];

/// Leading weekday (`Mon `, `Monday, `, or any word before a comma, as in
/// the Portuguese `Seg, `) that the layouts above do not expect.
static LEADING_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?i)^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+|\p{L}{2,12}\.?,\s*)")
        .unwrap()
});

/// A trailing comment (`(IDT)`), `at` between day and time, and a numeric
/// zone without minutes (`+02`): RFC 822 debris normalised before parsing.
static TRAILING_COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"\s*\([^()]*\)$").unwrap()
});
static SHORT_OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(\d{2}:\d{2}(?::\d{2})?)(\s*)([+-])(\d{2})$").unwrap()
});

/// Dates inside longer text: `April 29, 1990, Sunday, Home Edition`,
/// `AP-NR-01-01-89 2358EST`, `Posted 06/16/1998 21:38`.
static DATE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    // The pattern is a literal; it is checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(
        r"(?ix)
        (?P<iso>\b\d{4}-\d{2}-\d{2}(?:[T\ ]\d{2}:\d{2}(?::\d{2})?)?)
        | (?P<wire>\b\d{2}-\d{2}-\d{2}\ \d{4}[A-Z]{3}\b)
        | (?P<slashed>\b\d{1,2}/\d{1,2}/\d{2,4}(?:\ \d{1,2}:\d{2}(?::\d{2})?)?)
        | (?P<month_first>\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\ \d{1,2},?\ \d{4})
        | (?P<day_first>\b\d{1,2}\ (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\ \d{4})",
    )
    .unwrap()
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

/// Finds a date inside longer text (a TREC `<DATE>` line, a wire slug), for
/// fields that hold more than a date. The first date that reads wins.
pub fn find_date_in_text(text: &str) -> Option<ArticleDate> {
    for found in DATE_IN_TEXT.captures_iter(text) {
        let date = if let Some(wire) = found.name("wire") {
            parse_wire_file_id(wire.as_str())
        } else {
            found.get(0).and_then(|whole| parse_date(whole.as_str()))
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

/// `01-01-89 2358EST` (AP's `<FILEID>`): month, day, two-digit year, time, zone.
fn parse_wire_file_id(text: &str) -> Option<ArticleDate> {
    let (day_part, time_and_zone) = text.split_once(' ')?;
    let day = NaiveDate::parse_from_str(day_part, "%m-%d-%y").ok()?;
    let time = NaiveTime::parse_from_str(time_and_zone.get(..4)?, "%H%M").ok()?;
    let local = day.and_time(time);
    let date = match time_and_zone.get(4..).and_then(zone_offset) {
        Some(offset) => ArticleDate::Instant(offset.from_local_datetime(&local).single()?),
        None => ArticleDate::Local(local),
    };
    is_plausible(date).then_some(date)
}

/// The offset of a time-zone abbreviation (`EST`, `NZST`), if known.
fn zone_offset(name: &str) -> Option<FixedOffset> {
    let minutes = ZONE_ABBREVIATIONS
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(name))
        .map(|(_, minutes)| *minutes)?;
    FixedOffset::east_opt(minutes * 60)
}

/// Digits alone: compact `20031231` (`YYYYMMDD`), Unix seconds (9–10 digits)
/// or Unix milliseconds (12–13 digits).
fn parse_digits(text: &str) -> Option<ArticleDate> {
    if !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    match text.len() {
        8 => NaiveDate::parse_from_str(text, "%Y%m%d")
            .ok()
            .map(ArticleDate::Day),
        9 | 10 => epoch_date(text.parse().ok()?, 1),
        12 | 13 => epoch_date(text.parse().ok()?, 1000),
        _ => None,
    }
}

/// A Unix timestamp in seconds (`units_per_second` 1) or milliseconds (1000).
pub fn epoch_date(timestamp: i64, units_per_second: i64) -> Option<ArticleDate> {
    let seconds = timestamp.div_euclid(units_per_second);
    let nanos = timestamp.rem_euclid(units_per_second) * (1_000_000_000 / units_per_second);
    let instant = DateTime::from_timestamp(seconds, u32::try_from(nanos).ok()?)?;
    let date = ArticleDate::Instant(instant.with_timezone(&utc_offset()));
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
    if let Some(date) = parse_digits(text) {
        return Some(date);
    }
    if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
        return Some(ArticleDate::Instant(instant));
    }
    if let Ok(instant) = DateTime::parse_from_rfc2822(text) {
        return Some(ArticleDate::Instant(instant));
    }
    let normalised = normalise(text);
    let rest = normalised.as_str();
    if let Ok(instant) = DateTime::parse_from_rfc2822(rest) {
        return Some(ArticleDate::Instant(instant));
    }
    // `2022-01-10T09:00Z` and `20220125T090000Z`: forms RFC 3339 rejects.
    if let Some(stripped) = rest.strip_suffix('Z').or_else(|| rest.strip_suffix('z')) {
        if let Some(naive) = parse_naive_datetime(stripped) {
            return Some(ArticleDate::Instant(utc_offset().from_utc_datetime(&naive)));
        }
    }
    for format in OFFSET_DATETIME_FORMATS {
        let Ok(instant) = DateTime::parse_from_str(rest, format) else {
            continue;
        };
        if (MIN_YEAR..=MAX_YEAR).contains(&instant.year()) {
            return Some(ArticleDate::Instant(instant));
        }
    }
    if let Some(instant) = parse_with_zone_abbreviation(rest) {
        return Some(ArticleDate::Instant(instant));
    }
    if let Some(naive) = parse_naive_datetime(rest) {
        return Some(ArticleDate::Local(naive));
    }
    DAY_FORMATS
        .iter()
        .find_map(|format| {
            NaiveDate::parse_from_str(rest, format)
                .ok()
                .filter(|day| (MIN_YEAR..=MAX_YEAR).contains(&day.year()))
        })
        .map(ArticleDate::Day)
}

/// Drops a leading weekday and a trailing `(comment)`, reads ` at ` as a
/// space, pads `+02` to `+0200`, and puts other languages' month names in
/// English, so the layouts above apply.
fn normalise(text: &str) -> String {
    let without_comment = TRAILING_COMMENT.replace(text, "");
    let without_weekday = LEADING_WEEKDAY.replace(&without_comment, "");
    let without_at = without_weekday.replace(" at ", " ");
    let padded = SHORT_OFFSET.replace(without_at.trim(), "${1}${2}${3}${4}00");
    padded
        .split(' ')
        .map(|word| {
            let bare = word.trim_end_matches(['.', ',']).to_lowercase();
            FOREIGN_MONTHS
                .iter()
                .find(|(foreign, _)| *foreign == bare)
                .map_or(word, |(_, english)| english)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Mon Jun 18, 2007 2:46am EDT`: a naive time followed by a known abbreviation.
fn parse_with_zone_abbreviation(text: &str) -> Option<DateTime<FixedOffset>> {
    let (local_part, zone) = text.rsplit_once(char::is_whitespace)?;
    let offset = zone_offset(zone)?;
    let naive = parse_naive_datetime(local_part.trim_end())?;
    offset.from_local_datetime(&naive).single()
}

/// chrono's `%Y` also reads `93` as the year 93: such a reading is skipped
/// so that the two-digit `%y` layouts further down get their turn.
fn parse_naive_datetime(text: &str) -> Option<NaiveDateTime> {
    NAIVE_DATETIME_FORMATS.iter().find_map(|format| {
        NaiveDateTime::parse_from_str(text, format)
            .ok()
            .filter(|naive| (MIN_YEAR..=MAX_YEAR).contains(&naive.year()))
    })
}

fn utc_offset() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!("zero is a valid offset"))
}

fn is_plausible(date: ArticleDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.day().year())
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
            ("2022-06-24 23:23:00", "2022-06-24T23:23:00"),
            ("2022-06-24T23:23:00", "2022-06-24T23:23:00"),
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
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01.790"),
            ("1-MAR-1987 01:30:29.50", "1987-03-01T01:30:29.500"),
            ("3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05.400"),
            ("20220125T090000Z", "2022-01-25T09:00:00+00:00"),
            // RFC 822 / e-mail forms.
            ("22 Apr 93 17:54:27", "1993-04-22T17:54:27"),
            ("Wed, 22 Apr 93 17:54:27 IDT", "1993-04-22T17:54:27+03:00"),
            (
                "Thu, 23 Apr 1993 09:01:02 NZST",
                "1993-04-23T09:01:02+12:00",
            ),
            ("Thu, 23 Apr 1993 09:01:02 +02", "1993-04-23T09:01:02+02:00"),
            (
                "Thu, 23 Apr 1993 09:01:02 +0000 (GMT)",
                "1993-04-23T09:01:02+00:00",
            ),
            ("Thu Nov  1 11:19:12 2001", "2001-11-01T11:19:12"),
            (
                "Seg, 24 Set 2018 10:00:00 -0300",
                "2018-09-24T10:00:00-03:00",
            ),
            ("22-03-2023 at 14:52 IST ", "2023-03-22T14:52:00+05:30"),
            ("2017-08-24T01:58:40+0000", "2017-08-24T01:58:40+00:00"),
            // Wire and TREC forms.
            ("06/16/1998 21:38:00", "1998-06-16T21:38:00"),
            ("16/06/1998", "1998-06-16"),
            ("12/02/87", "1987-12-02"),
            ("20141126T152703", "2014-11-26T15:27:03"),
            // Digits alone: compact day, epoch seconds and milliseconds.
            ("20031231", "2003-12-31"),
            ("1656391612", "2022-06-28T04:46:52+00:00"),
            ("1394470370698", "2014-03-10T16:52:50.698+00:00"),
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
    fn finds_dates_inside_longer_text() {
        let cases = [
            ("April 29, 1990, Sunday, Home Edition", Some("1990-04-29")),
            ("AP-NR-01-01-89 2358EST", Some("1989-01-01T23:58:00-05:00")),
            (
                "Posted 06/16/1998 21:38 by the desk",
                Some("1998-06-16T21:38:00"),
            ),
            ("Sunday, Home Edition", None),
        ];
        for (text, expected) in cases {
            let found = find_date_in_text(text).map(|date| date.to_string());
            assert_eq!(found.as_deref(), expected, "{text:?}");
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
