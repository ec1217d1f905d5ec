//! `--from` / `--to` bounds: `YYYY-MM-DD` (whole UTC days) or RFC 3339 instants.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};

use crate::error::{Error, Result};

/// A half-open UTC interval `[from, until)`; a missing side is unbounded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

impl DateRange {
    /// Builds the range from the user's inclusive `--from` and `--to`.
    pub fn from_bounds(from: Option<&str>, to: Option<&str>) -> Result<DateRange> {
        let range = DateRange {
            from: from
                .map(|text| parse_bound(text, Bound::Start))
                .transpose()?,
            until: to.map(|text| parse_bound(text, Bound::End)).transpose()?,
        };
        if let (Some(start), Some(end)) = (range.from, range.until) {
            if start >= end {
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
        self.from.is_none() && self.until.is_none()
    }
}

#[derive(Clone, Copy)]
enum Bound {
    Start,
    End,
}

/// A day bound covers the whole day: `--to 2022-01-10` ends at the next midnight.
/// An instant bound is inclusive to the second.
fn parse_bound(text: &str, bound: Bound) -> Result<DateTime<Utc>> {
    let trimmed = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        let start = day.and_time(NaiveTime::MIN).and_utc();
        return Ok(match bound {
            Bound::Start => start,
            Bound::End => start + TimeDelta::days(1),
        });
    }
    if let Ok(instant) = DateTime::parse_from_rfc3339(trimmed) {
        let utc = instant.with_timezone(&Utc);
        return Ok(match bound {
            Bound::Start => utc,
            Bound::End => utc + TimeDelta::seconds(1),
        });
    }
    Err(Error::Date {
        text: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn bounds_are_inclusive() {
        let cases = [
            (
                Some("2022-01-10"),
                Some("2022-01-10"),
                Some("2022-01-10T00:00:00Z"),
                Some("2022-01-11T00:00:00Z"),
            ),
            (
                None,
                Some("2022-01-10T09:30:00+01:00"),
                None,
                Some("2022-01-10T08:30:01Z"),
            ),
            (
                Some("2022-01-10T09:30:00Z"),
                None,
                Some("2022-01-10T09:30:00Z"),
                None,
            ),
        ];
        for (from, to, expected_from, expected_until) in cases {
            let range = DateRange::from_bounds(from, to).unwrap();
            assert_eq!(range.from, expected_from.map(utc), "{from:?}");
            assert_eq!(range.until, expected_until.map(utc), "{to:?}");
        }
    }

    #[test]
    fn bad_bounds_are_errors_naming_the_text() {
        for (from, to, message) in [
            (Some("2022-13-45"), None, "2022-13-45"),
            (Some("yesterday"), None, "yesterday"),
            (Some("2022-02-01"), Some("2022-01-01"), "after --to"),
        ] {
            let error = DateRange::from_bounds(from, to).unwrap_err();
            assert!(error.to_string().contains(message), "{error}");
        }
    }
}
