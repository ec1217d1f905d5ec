//! `--from` / `--to` bounds. A calendar bound (`2022`, `2022-02`, `2022-02-24`)
//! means the article's own calendar day, the one its source prints, in its own
//! zone; an RFC 3339 instant (`2022-02-24T09:00:00+02:00`) means that instant.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};

use crate::error::{Error, Result};

/// Which articles a date filter keeps. Calendar bounds are inclusive days
/// (compared with each article's local day); instant bounds are a half-open
/// UTC interval `[from, until)`. A missing side is unbounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

/// One parsed `--from` or `--to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// Inclusive calendar days: a year, a month or a day.
    Days {
        first: NaiveDate,
        last: NaiveDate,
    },
    Instant(DateTime<Utc>),
}

impl DateRange {
    /// Builds the range from the user's inclusive `--from` and `--to`.
    pub fn from_bounds(from: Option<&str>, to: Option<&str>) -> Result<DateRange> {
        let start = from.map(parse_bound).transpose()?;
        let end = to.map(parse_bound).transpose()?;
        let mut range = DateRange::default();
        match start {
            Some(Bound::Days { first, .. }) => range.first_day = Some(first),
            Some(Bound::Instant(instant)) => range.from = Some(instant),
            None => {}
        }
        match end {
            Some(Bound::Days { last, .. }) => range.last_day = Some(last),
            Some(Bound::Instant(instant)) => {
                range.until = instant.checked_add_signed(TimeDelta::seconds(1))
            }
            None => {}
        }
        if let (Some(start), Some(end)) = (start, end) {
            if start_after_end(start, end) {
                return Err(Error::Usage(format!(
                    "--from {} is after --to {}",
                    from.unwrap_or_default(),
                    to.unwrap_or_default()
                )));
            }
        }
        Ok(range)
    }

    pub fn is_unbounded(&self) -> bool {
        self.from.is_none()
            && self.until.is_none()
            && self.first_day.is_none()
            && self.last_day.is_none()
    }
}

/// Whether no article can lie between the two bounds. A day and an instant
/// are compared in UTC, a day spanning every zone (±14 hours).
fn start_after_end(start: Bound, end: Bound) -> bool {
    let zone_slack = TimeDelta::hours(14);
    match (start, end) {
        (Bound::Days { first, .. }, Bound::Days { last, .. }) => first > last,
        (Bound::Instant(from), Bound::Instant(to)) => from > to,
        (Bound::Days { first, .. }, Bound::Instant(to)) => {
            first
                .and_hms_opt(0, 0, 0)
                .map(|at| at.and_utc() - zone_slack)
                > Some(to)
        }
        (Bound::Instant(from), Bound::Days { last, .. }) => {
            last.and_hms_opt(23, 59, 59)
                .map(|at| at.and_utc() + zone_slack)
                < Some(from)
        }
    }
}

const FORMS: &str = "expected a year (2022), a month (2022-02), a day (2022-02-24) or an RFC 3339 instant (2022-02-24T09:00:00Z)";

fn date_error(text: &str, reason: impl Into<String>) -> Error {
    Error::Date {
        text: text.to_string(),
        reason: reason.into(),
    }
}

fn parse_bound(text: &str) -> Result<Bound> {
    let trimmed = text.trim();
    if trimmed.contains('T') || trimmed.contains(' ') && trimmed.len() > 10 {
        return DateTime::parse_from_rfc3339(trimmed)
            .map(|instant| Bound::Instant(instant.with_timezone(&Utc)))
            .map_err(|error| date_error(text, format!("{error}; {FORMS}")));
    }
    let parts: Vec<&str> = trimmed.split('-').collect();
    let all_digits = parts
        .iter()
        .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()));
    if !all_digits || parts.len() > 3 || parts[0].len() != 4 {
        return Err(date_error(text, FORMS));
    }
    let number = |part: &str| part.parse::<u32>().unwrap_or(u32::MAX);
    let year = number(parts[0]) as i32;
    let month = parts.get(1).map(|part| number(part));
    let day = parts.get(2).map(|part| number(part));
    if let Some(month) = month.filter(|month| !(1..=12).contains(month)) {
        return Err(date_error(
            text,
            format!("there is no month {month} (months are 1 to 12)"),
        ));
    }
    let month_first = |month: u32| NaiveDate::from_ymd_opt(year, month, 1);
    let (first, last) = match (month, day) {
        (None, _) => (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ),
        (Some(month), None) => {
            let first = month_first(month);
            (first, first.and_then(last_day_of_month))
        }
        (Some(month), Some(day)) => {
            let days_in_month = month_first(month)
                .and_then(last_day_of_month)
                .map_or(31, |last| last.day());
            if day == 0 || day > days_in_month {
                let month_name = month_first(month)
                    .map(|first| first.format("%B %Y").to_string())
                    .unwrap_or_default();
                return Err(date_error(
                    text,
                    format!("there is no day {day} in {month_name} (it has {days_in_month} days)"),
                ));
            }
            let only = NaiveDate::from_ymd_opt(year, month, day);
            (only, only)
        }
    };
    match (first, last) {
        (Some(first), Some(last)) => Ok(Bound::Days { first, last }),
        _ => Err(date_error(text, FORMS)),
    }
}

fn last_day_of_month(first: NaiveDate) -> Option<NaiveDate> {
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn calendar_bounds_are_inclusive_days() {
        let cases = [
            (
                Some("2022-01-10"),
                Some("2022-01-10"),
                "2022-01-10",
                "2022-01-10",
            ),
            (Some("2022-02"), Some("2022-02"), "2022-02-01", "2022-02-28"),
            (Some("2024-02"), Some("2024"), "2024-02-01", "2024-12-31"),
            (Some("2022"), Some("2022"), "2022-01-01", "2022-12-31"),
        ];
        for (from, to, first, last) in cases {
            let range = DateRange::from_bounds(from, to).unwrap();
            assert_eq!(range.first_day, Some(day(first)), "{from:?}");
            assert_eq!(range.last_day, Some(day(last)), "{to:?}");
            assert_eq!((range.from, range.until), (None, None));
        }
    }

    #[test]
    fn instant_bounds_are_inclusive_to_the_second() {
        let range = DateRange::from_bounds(
            Some("2022-01-10T09:30:00Z"),
            Some("2022-01-10T09:30:00+01:00"),
        );
        assert!(range.is_err(), "09:30Z is after 08:30Z");
        let range = DateRange::from_bounds(
            Some("2022-01-10T09:30:00Z"),
            Some("2022-01-11T09:30:00+01:00"),
        )
        .unwrap();
        assert_eq!(range.from, Some(utc("2022-01-10T09:30:00Z")));
        assert_eq!(range.until, Some(utc("2022-01-11T08:30:01Z")));
    }

    #[test]
    fn bad_bounds_say_which_part_is_wrong() {
        for (from, to, message) in [
            (
                Some("2022-02-30"),
                None,
                "no day 30 in February 2022 (it has 28 days)",
            ),
            (Some("2024-02-30"), None, "it has 29 days"),
            (Some("2022-13-01"), None, "no month 13"),
            (Some("2022-00"), None, "no month 0"),
            (Some("yesterday"), None, "expected a year (2022)"),
            (Some("22-01-01"), None, "expected a year"),
            (Some("2022-01-10T25:00:00Z"), None, "2022-01-10T25:00:00Z"),
            (Some("2022-02-01"), Some("2022-01"), "after --to"),
            (Some("2023"), Some("2022-12-30T10:00:00Z"), "after --to"),
        ] {
            let error = DateRange::from_bounds(from, to).unwrap_err();
            assert!(error.to_string().contains(message), "{error}");
        }
    }
}
