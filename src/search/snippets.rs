//! Snippets: the passage of the body that best matches the query, shaped for
//! a terminal (starting at a word, on one line, `…` where the body is cut),
//! with the matched words marked by byte ranges.

use std::ops::Range;

use tantivy::snippet::SnippetGenerator;

use super::{Snippet, SNIPPET_CHARS};

/// The best passage of the body, or its opening when the match was elsewhere
/// (title, entities, quotes).
pub(super) fn make_snippet(generator: &SnippetGenerator, body: &str) -> Snippet {
    let snippet = generator.snippet(body);
    if snippet.fragment().trim().is_empty() {
        return Snippet {
            text: opening(body, SNIPPET_CHARS),
            highlights: Vec::new(),
        };
    }
    shape_snippet(body, snippet.fragment(), snippet.highlighted())
}

/// Turns tantivy's fragment of `body` into what users see: starting at a word,
/// with `…` where it cuts the body, on one line, highlights moved to match.
/// Every range stays on character boundaries of the returned text. The
/// Quickwit engine shapes its fragments here too.
pub(crate) fn shape_snippet(body: &str, fragment: &str, highlighted: &[Range<usize>]) -> Snippet {
    let mut highlights = highlighted.to_vec();
    // A fragment may begin inside a word ("s deputy" after "minister’"): start at the next word.
    let starts_mid_word = body
        .find(fragment)
        .and_then(|start| body[..start].chars().next_back())
        .is_some_and(|before| !before.is_whitespace());
    let first_highlight = highlights
        .first()
        .map_or(fragment.len(), |range| range.start);
    let first_space = fragment
        .char_indices()
        .find(|(_, character)| character.is_whitespace());
    // Regression: `space + 1` split a no-break space (two bytes) and panicked.
    let skip = match first_space {
        Some((space, character)) if starts_mid_word && space < first_highlight => {
            space + character.len_utf8()
        }
        _ => 0,
    };
    let starts_inside_body = !body.starts_with(fragment);
    let ends_inside_body = !body.trim_end().ends_with(fragment.trim_end());
    let prefix = if starts_inside_body { "…" } else { "" };
    let suffix = if ends_inside_body { "…" } else { "" };
    // Replacing line breaks by spaces keeps every byte offset valid.
    let kept = fragment[skip..].trim_end().replace(['\n', '\r', '\t'], " ");
    let text = format!("{prefix}{kept}{suffix}");
    highlights.retain(|range| range.start >= skip);
    for range in &mut highlights {
        let shift = |offset: usize| offset - skip + prefix.len();
        *range = shift(range.start)..shift(range.end);
    }
    highlights.retain(|range| range.end <= prefix.len() + kept.len());
    Snippet { text, highlights }
}

/// The first `max_chars` characters of `text`, cut at a word boundary.
fn opening(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        return flat;
    }
    let cut: String = flat.chars().take(max_chars).collect();
    match cut.rfind(' ') {
        Some(space) => format!("{}…", &cut[..space]),
        None => format!("{cut}…"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_cuts_at_a_word_boundary_without_splitting_characters() {
        assert_eq!(opening("Short  body\ntext", 50), "Short body text");
        let long = "Zoë ".repeat(100);
        let cut = opening(&long, 30);
        assert!(cut.ends_with("Zoë…"), "{cut}");
    }

    /// Highlight ranges of words in `fragment`, as tantivy would give them.
    fn word_ranges(fragment: &str) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        let mut start = None;
        for (index, character) in fragment.char_indices().chain([(fragment.len(), ' ')]) {
            match (start, character.is_alphanumeric()) {
                (None, true) => start = Some(index),
                (Some(begin), false) => {
                    ranges.push(begin..index);
                    start = None;
                }
                _ => {}
            }
        }
        ranges
    }

    #[test]
    fn snippet_after_a_no_break_space_does_not_split_it() {
        let body = "minister’s\u{a0}view: Ukraine’s sovereignty matters";
        let fragment = &body[body.find('s').unwrap()..];
        let no_break_space = fragment.find('\u{a0}').unwrap();
        let highlights: Vec<_> = word_ranges(fragment)
            .into_iter()
            .filter(|range| range.start > no_break_space)
            .collect();
        let snippet = shape_snippet(body, fragment, &highlights);
        assert!(snippet.text.starts_with("…view"), "{}", snippet.text);
    }

    proptest::proptest! {
        #[test]
        fn snippet_ranges_stay_on_character_boundaries(
            body in "[a-zé’“” \u{a0}\n.]{0,80}",
            start in 0usize..80,
            len in 0usize..80,
        ) {
            let mut begin = start.min(body.len());
            while !body.is_char_boundary(begin) { begin -= 1; }
            let mut end = (begin + len).min(body.len());
            while !body.is_char_boundary(end) { end -= 1; }
            let fragment = &body[begin..end];
            let highlights = word_ranges(fragment);
            let snippet = shape_snippet(&body, fragment, &highlights);
            for range in &snippet.highlights {
                proptest::prop_assert!(snippet.text.get(range.clone()).is_some(), "{range:?} in {:?}", snippet.text);
            }
        }
    }
}
