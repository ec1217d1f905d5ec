//! Wire-service furniture that is not news: the `NEW YORK (Reuters) -`
//! dateline and the `(Reporting by ...; Editing by ...)` credits. Entity
//! extraction reads the text without them, so every wire story does not name
//! its agency and its editors, and a capitalised dateline reads as the place it is.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern, exercised by the tests below.
    Regex::new(
        r"(?m)^(\s*)([A-Z][A-Z.,/'’ -]{1,60}?)\s*\((?:Reuters|AP|AFP|Bloomberg|UPI)\)\s*[-–—]+\s*",
    )
    .unwrap_or_else(|_| unreachable!("valid regex"))
});

/// How credits open: `(Reporting by`, `(Additional reporting by`, `(Editing by` ...
const CREDIT_OPENINGS: [&str; 7] = [
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "edited by",
    "reporting and writing by",
];

/// The longest credit we remove, in bytes; a longer parenthesis is prose.
const MAX_CREDIT_BYTES: usize = 300;

/// Byte ranges of `(Reporting by ...)`-style credits, found with a plain scan
/// (a regex with a bounded repetition here cost a tenth of all extraction time).
fn credit_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find('(') {
        let open = from + offset;
        from = open + 1;
        let after = &text[open + 1..];
        let head: String = after
            .chars()
            .take(26)
            .flat_map(char::to_lowercase)
            .collect();
        if !CREDIT_OPENINGS
            .iter()
            .any(|opening| head.starts_with(opening))
        {
            continue;
        }
        let Some(close) = after.find(')') else {
            break;
        };
        if close <= MAX_CREDIT_BYTES {
            ranges.push(open..open + 1 + close + 1);
            from = open + 1 + close + 1;
        }
    }
    ranges
}

/// `NEW YORK` -> `New York`, `ST. LOUIS` -> `St. Louis`.
fn title_case(caps: &str) -> String {
    let mut out = String::with_capacity(caps.len());
    let mut at_word_start = true;
    for character in caps.chars() {
        if at_word_start {
            out.push(character);
        } else {
            out.extend(character.to_lowercase());
        }
        at_word_start = !character.is_alphanumeric() && character != '\'' && character != '’';
    }
    out
}

/// Datelines open a story, so only the first lines (title, blank, dateline) are looked at.
const DATELINE_LINES: usize = 6;

/// The text without datelines' agency marks and credits; the place of an
/// all-capitals dateline is written in title case.
pub fn without_wire_furniture(text: &str) -> Cow<'_, str> {
    let mut dateline = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n').take(DATELINE_LINES) {
        if let Some(captures) = DATELINE.captures(line) {
            let whole = captures.get(0).map_or(0..0, |found| found.range());
            let replacement = format!("{}{} - ", &captures[1], title_case(captures[2].trim()));
            dateline = Some((
                line_start + whole.start..line_start + whole.end,
                replacement,
            ));
            break;
        }
        line_start += line.len();
    }
    let dateline_end = dateline.as_ref().map_or(0, |(range, _)| range.end);
    let credits: Vec<_> = credit_ranges(text)
        .into_iter()
        .filter(|range| range.start >= dateline_end)
        .collect();
    if dateline.is_none() && credits.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut cleaned = text.to_string();
    // Later ranges first, so earlier offsets stay valid; every credit follows the dateline.
    for range in credits.into_iter().rev() {
        cleaned.replace_range(range, "");
    }
    if let Some((range, replacement)) = dateline {
        cleaned.replace_range(range, &replacement);
    }
    Cow::Owned(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_and_credits_are_removed() {
        let cases = [
            (
                "NEW YORK  (Reuters) - Stocks rose on Monday.",
                "New York - Stocks rose on Monday.",
            ),
            (
                " ST. LOUIS (Reuters) - The Fed held rates.",
                " St. Louis - The Fed held rates.",
            ),
            (
                "WASHINGTON/LONDON (Reuters) — Talks resumed.",
                "Washington/London - Talks resumed.",
            ),
            (
                "Shares fell. (Reporting by  Caroline Copley ; Editing by  Jan Paschal )",
                "Shares fell. ",
            ),
            (
                "Nothing to remove (Reuters said).",
                "Nothing to remove (Reuters said).",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(without_wire_furniture(text), expected, "{text}");
        }
    }
}
