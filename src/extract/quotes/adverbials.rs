//! Adverbials between a subject and its speech verb: when (`Putin on Tuesday
//! said`, `Kommersant-Daily on 10 February reported`, `The ministry late
//! Friday said`, `Smith last week told`) and where it was said (`Zelensky in
//! his nightly video address said`, `Smith in an interview with CNN said`).
//! News writes them there often; attribution reads past them to find the
//! subject next to the verb.

use std::ops::Range;

use super::names::Words;

/// Most tokens of the adverbials between a subject and its verb (`in a
/// televised address to the nation on Sunday night`).
const MAX_ADVERBIAL_TOKENS: usize = 14;

/// Most lowercase words between `in a` and the medium (`in a rare televised
/// address`).
const MAX_MEDIUM_MODIFIERS: usize = 3;

/// Nouns for where words were said or written (`in a statement`).
fn is_medium(word: &str) -> bool {
    matches!(
        word,
        "statement"
            | "statements"
            | "interview"
            | "interviews"
            | "address"
            | "speech"
            | "video"
            | "post"
            | "tweet"
            | "letter"
            | "briefing"
            | "message"
            | "remarks"
            | "comments"
            | "op-ed"
            | "column"
            | "editorial"
            | "article"
            | "release"
            | "conference"
            | "appearance"
            | "testimony"
            | "podcast"
            | "broadcast"
            | "email"
            | "e-mail"
            | "memo"
            | "note"
            | "report"
            | "study"
            | "survey"
            | "analysis"
            | "filing"
            | "notice"
    )
}

fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

fn is_month(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

fn is_part_of_day(word: &str) -> bool {
    matches!(word, "morning" | "afternoon" | "evening" | "night")
}

fn is_day_number(word: &str) -> bool {
    let digits = word
        .strip_suffix("th")
        .or_else(|| word.strip_suffix("st"))
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .unwrap_or(word);
    (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The token after a time adverbial that starts at `index` and ends before
/// `end`, or `None` when none starts there.
pub fn time_phrase_end(words: &Words, index: usize, end: usize) -> Option<usize> {
    let word_at = |i: usize| (i < end).then(|| words.word(i)).flatten();
    let mut position = index;
    // `on Tuesday`, `late Friday`, `earlier this week`, `last week`.
    let mut modified = false;
    while let Some(word) = word_at(position) {
        let modifier = matches!(
            word,
            "on" | "late" | "early" | "earlier" | "later" | "last" | "this" | "next"
        );
        if !modifier || position - index >= 2 {
            break;
        }
        modified = true;
        position += 1;
    }
    let core = word_at(position)?;
    if is_weekday(core) {
        let after = position + 1;
        return Some(match word_at(after) {
            Some(part) if is_part_of_day(part) => after + 1,
            _ => after,
        });
    }
    // `on February 10`, `on Feb. 10`, `on 10 February`.
    if is_month(core) {
        let mut after = position + 1;
        let abbreviated = core.len() <= 4;
        if abbreviated && after < end && words.tokens[after].is_punct('.') {
            after += 1;
        }
        return word_at(after)
            .filter(|w| is_day_number(w))
            .map(|_| after + 1);
    }
    if is_day_number(core) && modified {
        return word_at(position + 1)
            .filter(|w| is_month(w))
            .map(|_| position + 2);
    }
    let relative_unit =
        matches!(core, "week" | "month" | "year" | "weekend") || is_part_of_day(core);
    if relative_unit && modified {
        return Some(position + 1);
    }
    matches!(core, "yesterday" | "today" | "tonight").then_some(position + 1)
}

/// The first medium noun from `start`, after at most a few lowercase
/// modifiers (`rare televised address`), or `None`.
fn medium_at(words: &Words, start: usize, end: usize) -> Option<usize> {
    let word_at = |i: usize| (i < end).then(|| words.word(i)).flatten();
    let mut position = start;
    let mut modifiers = 0;
    while !word_at(position).is_some_and(is_medium) {
        let lowercase_word = word_at(position)?.starts_with(char::is_lowercase);
        if !lowercase_word || modifiers == MAX_MEDIUM_MODIFIERS {
            return None;
        }
        modifiers += 1;
        position += 1;
    }
    Some(position)
}

/// The token after the medium of `in a statement`, `in his nightly video
/// address`, `in remarks`, `in an interview with CNN`, or `None`.
fn medium_phrase_end(words: &Words, index: usize, end: usize) -> Option<usize> {
    let word_at = |i: usize| (i < end).then(|| words.word(i)).flatten();
    if word_at(index)? != "in" {
        return None;
    }
    let determined = word_at(index + 1).is_some_and(|w| {
        matches!(
            w,
            "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our"
        )
    });
    let mut position = medium_at(words, index + 1 + usize::from(determined), end)? + 1;
    // `video address`: the last of a compound noun.
    while word_at(position).is_some_and(is_medium) {
        position += 1;
    }
    // `in an interview with CNN`, `in a letter to Congress`.
    let addressee = word_at(position)
        .filter(|w| matches!(*w, "with" | "to" | "on"))
        .and_then(|_| words.run_starting_at(position + 1, end));
    Some(addressee.map_or(position, |run| run.end))
}

/// The name of the source of `a report from Kotak Institutional Equities`, `a
/// statement by the ministry`, `the note from Goldman Sachs` starting at
/// `start`: what speaks through the medium.
pub fn medium_source(words: &Words, start: usize, upper: usize) -> Option<Range<usize>> {
    let word_at = |i: usize| (i < upper).then(|| words.word(i)).flatten();
    let determined = word_at(start)
        .is_some_and(|w| matches!(w, "a" | "an" | "the" | "its" | "their" | "his" | "her"));
    if !determined {
        return None;
    }
    let from = medium_at(words, start + 1, upper)? + 1;
    if !word_at(from).is_some_and(|w| matches!(w, "from" | "by")) {
        return None;
    }
    let source = from + 1 + usize::from(word_at(from + 1) == Some("the"));
    let run = words.run_starting_at(source, upper)?;
    words.strip_titles(run)
}

/// The token after the adverbials (of time, of medium, one after another)
/// that start at `index` and end before `end`, or `None` when none starts there.
pub fn adverbial_end(words: &Words, index: usize, end: usize) -> Option<usize> {
    let mut position = index;
    while let Some(next) = time_phrase_end(words, position, end)
        .or_else(|| medium_phrase_end(words, position, end))
        .filter(|&next| next > position)
    {
        position = next;
    }
    (position > index).then_some(position)
}

/// The first token of adverbials that end just before `end` and start at or
/// after `lower`, or `None` when none ends there.
pub fn adverbial_start(words: &Words, end: usize, lower: usize) -> Option<usize> {
    let floor = end.saturating_sub(MAX_ADVERBIAL_TOKENS).max(lower);
    (floor..end).find(|&start| adverbial_end(words, start, end) == Some(end))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The words of `text` that adverbials starting at its word `first` cover.
    fn phrase_from(text: &str, first: usize) -> Option<String> {
        let tokens = tokenize(text);
        let words = Words::new(text, &tokens);
        let end = adverbial_end(&words, first, tokens.len())?;
        let start = adverbial_start(&words, end, 0)?;
        let covered: Vec<&str> = (start..end)
            .map(|i| &text[tokens[i].start..tokens[i].end])
            .collect();
        Some(covered.join(" "))
    }

    #[test]
    fn reads_when_and_where_between_a_subject_and_its_verb() {
        let cases: &[(&str, usize, Option<&str>)] = &[
            ("Putin on Tuesday said", 1, Some("on Tuesday")),
            (
                "Kommersant on 10 February reported",
                1,
                Some("on 10 February"),
            ),
            (
                "The ministry late Friday night said",
                2,
                Some("late Friday night"),
            ),
            ("Smith last week told", 1, Some("last week")),
            ("Smith on Feb. 10 said", 1, Some("on Feb . 10")),
            ("Smith yesterday said", 1, Some("yesterday")),
            ("Smith earlier this week said", 1, Some("earlier this week")),
            ("Smith on the plan said", 1, None),
            ("Smith on May said", 1, None),
            ("Smith week said", 1, None),
            (
                "Zelensky in his nightly video address said",
                1,
                Some("in his nightly video address"),
            ),
            (
                "Smith in an interview with CNN said",
                1,
                Some("in an interview with CNN"),
            ),
            (
                "Smith in a statement on Monday said",
                1,
                Some("in a statement on Monday"),
            ),
            ("Smith in remarks said", 1, Some("in remarks")),
            ("Smith in Kyiv said", 1, None),
            ("Smith in the long run said", 1, None),
        ];
        for (text, first, expected) in cases {
            assert_eq!(
                phrase_from(text, *first).as_deref(),
                *expected,
                "text: {text}"
            );
        }
    }
}
