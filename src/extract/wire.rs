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

/// A dateline without an agency, or with any agency (`BRISBANE - A storm
/// surge …`, `NEW DELHI (PTI) — …`): a place in capitals at a line's start,
/// a dash between spaces, then a sentence in ordinary case.
static PLAIN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern, exercised by the tests below.
    Regex::new(r"^(\s*)([A-Z][A-Z.'’ ]{2,40}?)(?:\s+\([A-Za-z]{2,12}\))?\s+[-–—]\s+")
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
    let plain_datelines = plain_dateline_ranges(text, dateline_end);
    let credits: Vec<_> = credit_ranges(text)
        .into_iter()
        .filter(|range| range.start >= dateline_end)
        .collect();
    if dateline.is_none() && credits.is_empty() && plain_datelines.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut cleaned = text.to_string();
    // Later ranges first, so earlier offsets stay valid; every credit and
    // plain dateline follows the agency dateline.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = credits
        .into_iter()
        .map(|range| (range, String::new()))
        .chain(plain_datelines)
        .collect();
    edits.sort_by_key(|(range, _)| range.start);
    for (range, replacement) in edits.into_iter().rev() {
        cleaned.replace_range(range, &replacement);
    }
    if let Some((range, replacement)) = dateline {
        cleaned.replace_range(range, &replacement);
    }
    Cow::Owned(cleaned)
}

/// The datelines of [`PLAIN_DATELINE`] after `from` (a digest of stories has
/// one per story) whose place the lexicon knows, each with its place in title
/// case: `BRISBANE - ` -> `Brisbane - `. A line in capitals after the dash is
/// a headline, not a story.
fn plain_dateline_ranges(text: &str, from: usize) -> Vec<(std::ops::Range<usize>, String)> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let opens_in_capitals = line
            .trim_start()
            .chars()
            .take(3)
            .all(|c| c.is_ascii_uppercase());
        if start < from || !opens_in_capitals {
            continue;
        }
        let Some(captures) = PLAIN_DATELINE.captures(line) else {
            continue;
        };
        let whole = captures.get(0).map_or(0..0, |found| found.range());
        let story: String = line[whole.end..].chars().take(20).collect();
        if !story.chars().any(char::is_lowercase) {
            continue;
        }
        // `RESEARCH ALERT - …` is a wire label: only a place general knowledge
        // knows is a dateline's.
        let place = title_case(captures[2].trim());
        if !super::entities::is_known_place(&place) {
            continue;
        }
        let replacement = format!("{}{place} - ", &captures[1]);
        found.push((start + whole.start..start + whole.end, replacement));
    }
    found
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
            // Regression: digests of agency stories open each with a plain
            // dateline (`BRISBANE - A storm …`), whose place was tagged an
            // organisation (found on the NITF layout sample).
            (
                "Storms\n\nBRISBANE - A storm surge hit.\n\nSYDNEY - Building products rose.",
                "Storms\n\nBrisbane - A storm surge hit.\n\nSydney - Building products rose.",
            ),
            (
                "NEW DELHI (PTI) — The court ruled.",
                "New Delhi - The court ruled.",
            ),
            // A headline in capitals, a dash inside a sentence: no dateline.
            (
                "SOCCER - JAPAN GET LUCKY WIN",
                "SOCCER - JAPAN GET LUCKY WIN",
            ),
            ("He left - quietly.", "He left - quietly."),
            (
                "RESEARCH ALERT - Acme cut to sell.",
                "RESEARCH ALERT - Acme cut to sell.",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(without_wire_furniture(text), expected, "{text}");
        }
    }
}
