//! Titles for articles whose format has none: the first real sentence, cut at a word boundary.
//!
//! The sentence never starts with a dateline or a site label (`WASHINGTON
//! (AP) --`, `Moscow CNN —`, `MINSK, 16 February (BelTA) –`), is never a
//! byline, is never cut at an abbreviation (`Sen.`, `Gen.`, `Jan.`) and keeps
//! no unbalanced quote mark.

use super::words::is_abbreviation;

/// Longest title we derive, in characters; longer first sentences are cut at a word boundary.
const MAX_TITLE_CHARS: usize = 120;

/// Agencies and sites whose name opens a lead paragraph before a dash.
const SITE_LABELS: &[&str] = &[
    "CNN",
    "AP",
    "AFP",
    "Reuters",
    "BelTA",
    "TASS",
    "Xinhua",
    "UPI",
    "dpa",
    "ANSA",
    "Bloomberg",
];

/// Dash-like separators between a dateline and the story.
const DATELINE_SEPARATORS: &[&str] = &[" — ", " – ", " -- ", " - ", " _ ", " —", " –"];

/// The longest dateline that is stripped, in characters.
const MAX_DATELINE_CHARS: usize = 70;

/// Lines that scrapers leave at the top of articles and that never make a title.
fn is_debris_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    let debris_prefixes = [
        "advertisement",
        "sign up",
        "follow ",
        "subscribe",
        "share this",
        "read more",
        "click here",
        "pic.twitter.com",
        "image:",
        "photo:",
    ];
    let is_byline = lower.starts_with("by ") && line.split_whitespace().count() <= 6;
    line.chars().filter(|c| c.is_alphabetic()).count() < 3
        || is_byline
        || debris_prefixes
            .iter()
            .any(|prefix| lower.starts_with(prefix))
}

/// The line without a leading dateline or site label: the text before a
/// dash is one when it is short and is a place in capitals, holds an
/// agency in parentheses, or ends with a known site label.
fn without_dateline(line: &str) -> &str {
    let Some((prefix_end, separator)) = DATELINE_SEPARATORS
        .iter()
        .filter_map(|separator| line.find(separator).map(|at| (at, *separator)))
        .min_by_key(|(at, _)| *at)
    else {
        return line;
    };
    let prefix = &line[..prefix_end];
    if prefix.chars().count() > MAX_DATELINE_CHARS || prefix.trim().is_empty() {
        return line;
    }
    let letters: Vec<char> = prefix.chars().filter(|c| c.is_alphabetic()).collect();
    let is_capitals = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let has_agency = prefix.contains('(') && prefix.ends_with(')');
    let last_word = prefix.split_whitespace().last().unwrap_or_default();
    let ends_with_label = SITE_LABELS.contains(&last_word);
    if !(is_capitals || has_agency || ends_with_label) {
        return line;
    }
    line[prefix_end + separator.len()..].trim_start()
}

/// Drops a quote mark that opens or closes the title without its partner.
fn without_stray_quotes(title: &str) -> String {
    const QUOTES: &[char] = &['"', '“', '”', '‘', '’', '`', '\''];
    let mut text = title.trim().to_string();
    let count = |text: &str, marks: &[char]| text.chars().filter(|c| marks.contains(c)).count();
    let double = ['"', '“', '”'];
    if count(&text, &double) % 2 == 1 {
        let trimmed_start = text.trim_start_matches(double);
        text = if trimmed_start.len() != text.len() {
            trimmed_start.to_string()
        } else {
            text.trim_end_matches(double).to_string()
        };
    }
    let only_quotes = text
        .chars()
        .all(|c| QUOTES.contains(&c) || c.is_whitespace());
    if only_quotes {
        return String::new();
    }
    text.trim_start_matches(['`', '\'']).trim().to_string()
}

/// The first sentence of the first non-debris line, cut under [`MAX_TITLE_CHARS`].
pub fn title_from_body(body: &str) -> String {
    // A line that is only a site label or a dateline (`CNN —`) names no story.
    let Some(story_line) = body
        .lines()
        .map(str::trim)
        .filter(|line| !is_debris_line(line))
        .map(without_dateline)
        .find(|rest| !rest.trim().is_empty())
    else {
        return String::new();
    };
    let sentence = first_sentence(story_line);
    without_stray_quotes(&cut_at_word_boundary(sentence, MAX_TITLE_CHARS))
}

/// The text up to the first sentence end (`. `, `! `, `? ` after a lowercase word or digit).
fn first_sentence(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        let ends_sentence = matches!(byte, b'.' | b'!' | b'?')
            && bytes.get(index + 1).is_none_or(|next| *next == b' ');
        if !ends_sentence {
            continue;
        }
        // "U.S. officials", "Mr. Smith", "Sen. Warren": an initial or a known
        // abbreviation before the dot does not end the sentence.
        let word_before = line[..index].rsplit(' ').next().unwrap_or("");
        let bare = word_before
            .trim_start_matches(['(', '"', '“'])
            .to_lowercase();
        let is_initial = word_before.chars().filter(|c| c.is_alphabetic()).count() <= 2
            && word_before.chars().next().is_some_and(char::is_uppercase);
        let abbreviated = is_initial || is_abbreviation(&bare);
        if !abbreviated {
            return &line[..=index];
        }
    }
    line
}

fn cut_at_word_boundary(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.trim_end_matches(['.', ' ']).to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > max_chars / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_real_first_lines() {
        let cases = [
            (
                "According to Mélanie Joly, Canada’s Foreign Minister, the country has not ruled out selling firearms to Ukraine. She stressed",
                "According to Mélanie Joly, Canada’s Foreign Minister, the country has not ruled out selling firearms to Ukraine",
            ),
            ("Advertisement\n\nU.S. officials met in Geneva. Talks went on.", "U.S. officials met in Geneva"),
            ("\n\n   \nShort line", "Short line"),
            ("", ""),
            // Regression: a title was cut at an abbreviation.
            ("EXCLUSIVE: Sen. Warren backs the bill. More.", "EXCLUSIVE: Sen. Warren backs the bill"),
            // Regression: titles were datelines, site labels and bylines.
            ("Moscow CNN — Russia said on Monday it would talk. More.", "Russia said on Monday it would talk"),
            ("CNN — Talks resumed in Geneva. More.", "Talks resumed in Geneva"),
            // Regression: a site label on a line of its own gave an empty title.
            ("CNN —\n\nTalks resumed in Geneva. More.", "Talks resumed in Geneva"),
            ("KYIV, Ukraine (AP) —\nShelling went on. More.", "Shelling went on"),
            ("MINSK, 16 February (BelTA) – The president met farmers. More.", "The president met farmers"),
            ("WASHINGTON (AP) -- Congress voted. More.", "Congress voted"),
            ("LOS ANGELES _ Merchant Street is a row of warehouses.", "Merchant Street is a row of warehouses"),
            ("By Ann Lee\n\nThe ferry returned.", "The ferry returned"),
            ("Prices rose - and fell - again.", "Prices rose - and fell - again"),
            // Regression: stray quote marks.
            ("\"We will not back down, the union said.", "We will not back down, the union said"),
            ("``Distance is important,'' he said.", "Distance is important,'' he said"),
        ];
        for (body, expected) in cases {
            assert_eq!(title_from_body(body), expected, "body: {body:?}");
        }
    }

    #[test]
    fn long_sentence_is_cut_at_a_word_boundary() {
        let body = "word ".repeat(60);
        let title = title_from_body(&body);
        assert!(title.chars().count() <= MAX_TITLE_CHARS + 1, "{title}");
        assert!(title.ends_with("word…"), "{title}");
    }
}
