//! The reference text format: optional `date <DATE>` then the body, or a bare body.
//!
//! The reference article starts with ` date 2022-01-10 According to ...`: the
//! date token and the first paragraph share a line. This module also owns the
//! conservative removal of scraping debris (`Advertisement`, `Sign up ...`)
//! from the start of body-only texts.

use super::dates::parse_date;

use super::{ParseError, ParsedArticle};

/// The longest date written after `date`, in words: `Mon Jun 18, 2007 2:46am EDT`.
const MAX_DATE_WORDS: usize = 6;

/// Parses a one-article text file in the reference format.
pub fn parse_reference_text(text: &str) -> Result<ParsedArticle, ParseError> {
    let (keyword_date, unreadable_date, raw_body) = split_date_line(text);
    let mut body = strip_leading_debris(raw_body).trim().to_string();
    let mut date = keyword_date;
    if date.is_none() && unreadable_date.is_none() {
        if let Some((top_date, line)) = top_date_line(&body) {
            date = Some(top_date);
            body = format!("{}{}", &body[..line.start], &body[line.end..])
                .trim()
                .to_string();
        }
    }
    if body.is_empty() {
        return Err(ParseError::NoBody);
    }
    if date.is_none() && is_word_list(&body) {
        return Err(ParseError::NotArticle(
            "a list of words (no line holds three words)".to_string(),
        ));
    }
    Ok(ParsedArticle {
        date,
        unreadable_date,
        body,
        ..ParsedArticle::default()
    })
}

/// How many non-empty lines at the top of a text may hold its date line.
const TOP_LINES: usize = 5;

/// Labels a date line may start with (compared lowercase).
const DATE_LABELS: [&str; 9] = [
    "first published",
    "last updated",
    "published on",
    "posted on",
    "published",
    "updated",
    "posted",
    "dated",
    "date",
];

/// A line near the top that is a date and nothing else (saved pages and
/// scrapes put it under the headline): `2022-07-01`, `July 1, 2022 Friday`,
/// `Published: 1 July 2022 10:00`, `By Jane Doe | July 1, 2022`. Returns the
/// date and the byte range of the line, newline included. A date inside a
/// sentence is never taken.
fn top_date_line(body: &str) -> Option<(crate::ArticleDate, std::ops::Range<usize>)> {
    let mut offset = 0;
    let mut seen = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        seen += 1;
        if seen > TOP_LINES {
            return None;
        }
        if let Some(date) = date_of_line(trimmed) {
            return Some((date, start..offset));
        }
    }
    None
}

/// The date a short line consists of, if it is one (see [`top_date_line`]).
pub(super) fn date_of_line(line: &str) -> Option<crate::ArticleDate> {
    if line.chars().count() > 80 || line.ends_with(['.', '?', '!', '"', '\u{201d}']) {
        return None;
    }
    let lower = line.to_lowercase();
    let label_len = DATE_LABELS
        .iter()
        .find(|label| lower.starts_with(*label))
        .map_or(0, |label| label.len());
    let unlabelled = line
        .get(label_len..)?
        .trim_start_matches([':', ' ', '\t'])
        .trim();
    if let Some(date) = parse_date(unlabelled) {
        return Some(date);
    }
    let parts = unlabelled.split(['|', '\u{b7}', '\u{2022}']);
    if let Some(date) = parts.map(str::trim).find_map(parse_date) {
        return Some(date);
    }
    // `July 1, 2022 Friday`, `1 July 2022, Late Edition`: a date first, then
    // a few words of the edition; never a sentence that holds a date.
    let starts_like_a_date = unlabelled.starts_with(|c: char| c.is_ascii_digit())
        || MONTHS.iter().any(|month| {
            lower[label_len..]
                .trim_start_matches([':', ' '])
                .starts_with(month)
        });
    let few_words = unlabelled.split_whitespace().count() <= 6;
    if starts_like_a_date && few_words {
        return super::dates::find_date_in_text(unlabelled);
    }
    None
}

/// English month names, as the start of a date line (`jan` covers `january`).
const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Vocabulary files shipped beside corpora (one name per line) are not news:
/// many lines, and none with three words. A headline alone is still an article.
fn is_word_list(body: &str) -> bool {
    let lines: Vec<&str> = body
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    lines.len() >= 10 && lines.iter().all(|line| line.split_whitespace().count() < 3)
}

/// Splits off a leading `date <DATE>`; the body may continue on the same line.
///
/// A first word after `date` that starts with a digit is taken as a date
/// attempt (so `date 2022-13-45` is an unreadable date, returned for the
/// warning, not body text); a word made of letters that does not begin a
/// date (`Date palms ...`) leaves a bare body.
fn split_date_line(text: &str) -> (Option<crate::ArticleDate>, Option<String>, &str) {
    let trimmed = text.trim_start();
    let Some(after_keyword) = strip_date_keyword(trimmed) else {
        return (None, None, text);
    };
    let (first_line, rest_of_file) = after_keyword
        .split_once('\n')
        .unwrap_or((after_keyword, ""));
    if let Some(date) = parse_date(first_line) {
        return (Some(date), None, rest_of_file);
    }
    let word_ends = word_end_offsets(first_line);
    for &end in word_ends.iter().take(MAX_DATE_WORDS).rev() {
        if let Some(date) = parse_date(&first_line[..end]) {
            // The body starts right after the date words, on the same line.
            let body = &after_keyword[end..];
            return (Some(date), None, body);
        }
    }
    let first_word = first_line.split_whitespace().next().unwrap_or_default();
    if first_word.starts_with(|c: char| c.is_ascii_digit()) {
        let word_start = after_keyword.find(first_word).unwrap_or(0);
        let body = &after_keyword[word_start + first_word.len()..];
        return (None, Some(first_word.to_string()), body);
    }
    (None, None, text)
}

/// `date `, `Date\t` or `Date: ` at the start (the keyword alone, not `dated`).
/// The colon form covers a lone `Date:` line directly followed by the body,
/// which is not a header block (that needs a blank line after the header).
fn strip_date_keyword(text: &str) -> Option<&str> {
    let keyword = text.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let after_keyword = &text[4..];
    let rest = after_keyword.strip_prefix(':').unwrap_or(after_keyword);
    let after_space = rest.trim_start_matches([' ', '\t']);
    if after_space.len() == rest.len() || after_space.is_empty() {
        return None;
    }
    Some(after_space)
}

/// Byte offsets just past each whitespace-separated word of `line`.
fn word_end_offsets(line: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut in_word = false;
    for (offset, character) in line.char_indices() {
        if character.is_whitespace() {
            if in_word {
                ends.push(offset);
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    if in_word {
        ends.push(line.len());
    }
    ends
}

/// Drops lines of pure site furniture from the start of a scraped body. Only
/// whole lines at the very start go, and only when they match a known pattern,
/// so real opening sentences (`Following the invasion, ...`) stay.
pub fn strip_leading_debris(body: &str) -> &str {
    let mut rest = body;
    loop {
        let without_blank = rest.trim_start_matches(|c: char| c.is_whitespace());
        let (line, after) = without_blank
            .split_once('\n')
            .unwrap_or((without_blank, ""));
        if line.is_empty() || !is_debris_line(line.trim()) {
            return rest;
        }
        rest = after;
    }
}

fn is_debris_line(line: &str) -> bool {
    let short = line.chars().count() <= 100;
    let no_sentence_end = !line.ends_with(['.', '"', '\u{201d}']);
    let lower = line.to_lowercase();
    lower == "advertisement"
        || lower == "view video"
        || (short && lower.starts_with("sign up"))
        || (short && lower.starts_with("subscribe to"))
        || (short && no_sentence_end && lower.starts_with("follow "))
        || (short && lower.starts_with("new you can now listen to"))
        || (short && no_sentence_end && lower.contains("newsletter"))
        // Sign-up boxes and newsletter teasers of news sites, matched by their
        // fixed wording (curly or straight apostrophe).
        || lower.starts_with("by submitting your email")
        || lower.starts_with("you\u{2019}re reading an excerpt from")
        || lower.starts_with("you're reading an excerpt from")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn splits_date_and_body() {
        let cases: [(&str, Option<&str>, &str); 10] = [
            (
                " date 2022-01-10 According to the minister, talks go on.\n\nSecond paragraph.",
                Some("2022-01-10"),
                "According to the minister, talks go on.\n\nSecond paragraph.",
            ),
            (
                "date 2022-01-10\nBody on the next line.",
                Some("2022-01-10"),
                "Body on the next line.",
            ),
            (
                "\n\ndate January 10, 2022\nBody.",
                Some("2022-01-10"),
                "Body.",
            ),
            (
                "date 10 January 2022 Troops moved north.",
                Some("2022-01-10"),
                "Troops moved north.",
            ),
            (
                "date Mon Jun 18, 2007 2:46am EDT Shares fell.",
                Some("2007-06-18T02:46:00-04:00"),
                "Shares fell.",
            ),
            (
                "date 2022-01-10T09:00:00Z Body.",
                Some("2022-01-10T09:00:00+00:00"),
                "Body.",
            ),
            (
                "Date palms grow in the south.",
                None,
                "Date palms grow in the south.",
            ),
            ("The talks resumed.\n", None, "The talks resumed."),
            (
                "Date: 2022-01-10\nTalks resumed.",
                Some("2022-01-10"),
                "Talks resumed.",
            ),
            ("Date:2022-01-10 Talks.", None, "Date:2022-01-10 Talks."),
        ];
        for (text, date, body) in cases {
            let article = parse_reference_text(text).unwrap();
            assert_eq!(
                article.date.map(|d| d.to_string()).as_deref(),
                date,
                "{text:?}"
            );
            assert_eq!(article.body, body, "{text:?}");
        }
    }

    #[test]
    fn a_date_line_under_the_headline_is_the_date() {
        let cases: [(&str, &str); 6] = [
            (
                "Talks resume in Istanbul\n2022-07-01\n\nOfficials met.",
                "2022-07-01",
            ),
            (
                "Talks resume\nJuly 1, 2022 Friday\nLate Edition - Final\n\nOfficials met.",
                "2022-07-01",
            ),
            (
                "Talks resume\nPublished: 1 July 2022\n\nOfficials met.",
                "2022-07-01",
            ),
            (
                "Talks resume\nBy Jane Doe | July 1, 2022\n\nOfficials met.",
                "2022-07-01",
            ),
            (
                "Talks resume\n\nUpdated 01 Jul 2022 10:00\nOfficials met.",
                "2022-07-01T10:00:00",
            ),
            ("2022-07-01\nTalks resume\n\nOfficials met.", "2022-07-01"),
        ];
        for (text, date) in cases {
            let article = parse_reference_text(text).unwrap();
            assert_eq!(
                article.date.map(|d| d.to_string()).as_deref(),
                Some(date),
                "{text:?}"
            );
            assert!(!article.body.contains("2022"), "{text:?}: {}", article.body);
            assert!(article.body.contains("Officials met."), "{text:?}");
        }
    }

    #[test]
    fn dates_in_headlines_and_sentences_are_not_the_date() {
        let texts = [
            "2022 World Cup: Argentina beat France\n\nThe final was played.",
            "10 things to know about the war\n\nFirst, the talks.",
            "Talks resume\n\nMarch 3, 2022 was a turning point.\nMore.",
            "May 2022 inflation figures\n\nPrices rose.",
            "One\nTwo\nThree\nFour\nFive\n2022-07-01\nSix.",
        ];
        for text in texts {
            let article = parse_reference_text(text).unwrap();
            assert_eq!(article.date, None, "{text:?}");
        }
    }

    #[test]
    fn reports_bad_dates_and_missing_bodies() {
        // Regression: an unreadable date dropped the article.
        for (text, value) in [
            ("date 2022-13-45 Body.", "2022-13-45"),
            ("date 0000-00-00\nBody.", "0000-00-00"),
        ] {
            let article = parse_reference_text(text).unwrap();
            assert_eq!((article.date, article.body.as_str()), (None, "Body."));
            assert_eq!(article.unreadable_date.as_deref(), Some(value));
        }
        let cases = [
            ("date 2022-01-10\n\n", ParseError::NoBody),
            ("date 2022-01-10", ParseError::NoBody),
            ("Advertisement\n\n", ParseError::NoBody),
            // A scraped page that was only a newsletter sign-up box.
            (
                "Newsletter As news happens\n\nThe Evening Brief: A newsletter for busy readers\n\n\
                 By submitting your email, you agree to our Terms of Service.",
                ParseError::NoBody,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_reference_text(text), Err(expected), "{text:?}");
        }
    }

    #[test]
    fn word_lists_are_not_articles_but_headlines_are() {
        let word_list = "alfonsin\namato\nbaker\nbrodersohn\nchirac\ndelors\nduisenberg\nfujioka\ngreenspan\nhaughey\n";
        assert!(matches!(
            parse_reference_text(word_list),
            Err(ParseError::NotArticle(_))
        ));
        let headline = "Grain shipments resume from the port";
        assert!(parse_reference_text(headline).is_ok());
        let dated_list = format!(" date 2022-01-10 {word_list}");
        assert!(parse_reference_text(&dated_list).is_ok());
    }

    #[test]
    fn strips_only_leading_debris() {
        let cases = [
            ("Advertisement\n\nKyiv was quiet.", "Kyiv was quiet."),
            (
                "Sign up to our free daily newsletter\nAdvertisement\nKyiv was quiet.\nAdvertisement",
                "Kyiv was quiet.\nAdvertisement",
            ),
            ("Follow this author Ann Lee's opinions Follow\n\nText.", "Text."),
            ("Newsletter As news happens\n\nText.", "Text."),
            (
                "Newsletter As news happens\n\nThe Morning Brief: A newsletter for busy readers\n\n\
                 By submitting your email, you agree to our Terms of Service.\n\nText.",
                "Text.",
            ),
            (
                "You\u{2019}re reading an excerpt from the Daily newsletter. Sign up to get the rest.\n\nText.",
                "Text.",
            ),
            (
                "The newsletter industry grew fast in 2021, analysts said.\n\nText.",
                "The newsletter industry grew fast in 2021, analysts said.\n\nText.",
            ),
            (
                "Following the invasion, the city emptied.\n\nText.",
                "Following the invasion, the city emptied.\n\nText.",
            ),
            ("Follow the money, she said.", "Follow the money, she said."),
            ("Kyiv was quiet.\n\nAdvertisement\n\nMore.", "Kyiv was quiet.\n\nAdvertisement\n\nMore."),
        ];
        for (body, expected) in cases {
            assert_eq!(strip_leading_debris(body).trim(), expected, "{body:?}");
        }
    }
}
