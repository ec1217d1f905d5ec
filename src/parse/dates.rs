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
mod tests;
