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

static CREDITS: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern, exercised by the tests below.
    Regex::new(r"\((?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited) by [^)]{0,300}\)")
        .unwrap_or_else(|_| unreachable!("valid regex"))
});

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

/// The text without datelines' agency marks and credits; the place of an
/// all-capitals dateline is written in title case.
pub fn without_wire_furniture(text: &str) -> Cow<'_, str> {
    let has_dateline = DATELINE.is_match(text);
    let has_credits = CREDITS.is_match(text);
    if !has_dateline && !has_credits {
        return Cow::Borrowed(text);
    }
    let datelines_done = DATELINE.replace_all(text, |captures: &regex::Captures<'_>| {
        format!("{}{} - ", &captures[1], title_case(captures[2].trim()))
    });
    Cow::Owned(CREDITS.replace_all(&datelines_done, "").into_owned())
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
