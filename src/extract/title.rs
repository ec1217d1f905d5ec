//! Titles for articles whose format has none: the first real sentence, cut at a word boundary.

/// Longest title we derive, in characters; longer first sentences are cut at a word boundary.
const MAX_TITLE_CHARS: usize = 120;

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
    line.chars().filter(|c| c.is_alphabetic()).count() < 3
        || debris_prefixes
            .iter()
            .any(|prefix| lower.starts_with(prefix))
}

/// The first sentence of the first non-debris line, cut under [`MAX_TITLE_CHARS`].
pub fn title_from_body(body: &str) -> String {
    let Some(line) = body
        .lines()
        .map(str::trim)
        .find(|line| !is_debris_line(line))
    else {
        return String::new();
    };
    let sentence = first_sentence(line);
    cut_at_word_boundary(sentence, MAX_TITLE_CHARS)
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
        // "U.S. officials" or "Mr. Smith": a one- or two-letter word before the dot is an abbreviation.
        let word_before = line[..index].rsplit(' ').next().unwrap_or("");
        let is_abbreviation = word_before.chars().filter(|c| c.is_alphabetic()).count() <= 2
            && word_before.chars().next().is_some_and(char::is_uppercase);
        if !is_abbreviation {
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
