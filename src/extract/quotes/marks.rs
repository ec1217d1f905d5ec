//! Pairing quotation marks into quoted passages, in one linear pass.
//!
//! News text mixes curly (`“…”`) and straight (`"…"`) double marks, uses
//! curly single marks (`‘…’`) for headlines and nested quotes, and writes
//! the same `’` as an apostrophe. A quotation that runs over several
//! paragraphs repeats the opening mark at each paragraph start and closes
//! only at the end; it is one passage with one piece per paragraph.

use std::borrow::Cow;
use std::ops::Range;

/// A quoted passage: the marks' positions and the quoted text per paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark.
    pub close: usize,
    /// The text between the marks, one range per paragraph (opening marks excluded).
    pub pieces: Vec<Range<usize>>,
    /// Whether the marks were single (`‘…’`), which users see for headlines and slogans.
    pub single: bool,
}

impl QuotedSpan {
    /// The quoted words, paragraphs joined by a blank line.
    pub fn text(&self, text: &str) -> String {
        let mut joined = String::new();
        for piece in &self.pieces {
            let part = text[piece.clone()].trim();
            if part.is_empty() {
                continue;
            }
            if !joined.is_empty() {
                joined.push_str("\n\n");
            }
            joined.push_str(part);
        }
        joined
    }
}

/// The text with AP and Penn Treebank style marks (``` ``…'' ```, as the 1989
/// AP wire writes every quotation) turned into curly ones, so they pair like
/// any other; a text without a double backtick is borrowed as it is.
pub fn curly_from_backticks(text: &str) -> Cow<'_, str> {
    if !text.contains("``") {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("``", "“").replace("''", "”"))
}

/// What a mark can do, given its shape and neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// A double quotation still waiting for its closing mark.
struct OpenDouble {
    open: usize,
    /// The opening mark, which decides what closes it (`„…“`).
    mark: char,
    pieces: Vec<Range<usize>>,
    piece_start: usize,
    /// Paragraph index where the current piece started.
    paragraph: usize,
}

/// Finds every quoted passage in `text`, in order of their opening marks.
///
/// Unclosed marks are dropped rather than guessed at, so a stray mark never
/// swallows the rest of an article.
pub fn find_quoted_spans(text: &str) -> Vec<QuotedSpan> {
    let mut spans = Vec::new();
    let mut double: Option<OpenDouble> = None;
    // A single-quoted passage only lives inside one paragraph and outside double quotes.
    let mut single_open: Option<usize> = None;
    let mut paragraph = 0usize;
    // Whether the last paragraph break left a double quote open that the next paragraph may continue.
    let mut carried_over = false;
    let mut at_paragraph_start = true;
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();

    while let Some((index, ch)) = chars.next() {
        // Letters, digits and spaces, most of any text, only move the state on
        // as the last arm of the match below does.
        if ch.is_ascii_alphanumeric() || ch == ' ' {
            if ch != ' ' {
                at_paragraph_start = false;
                if carried_over {
                    carried_over = false;
                    double = None;
                }
            }
            previous = Some(ch);
            continue;
        }
        let next = chars.peek().map(|&(_, c)| c);
        if ch == '\n' && is_blank_line_ahead(text, index) {
            // Paragraph break: an open double quote survives only if the next paragraph reopens it.
            if let Some(open) = double.as_mut() {
                if open.paragraph == paragraph {
                    let piece_end = trim_end_index(text, open.piece_start, index);
                    open.pieces.push(open.piece_start..piece_end);
                }
                carried_over = true;
            }
            single_open = None;
            let skip_to = skip_blank_lines(text, index);
            while chars
                .peek()
                .is_some_and(|&(position, _)| position < skip_to)
            {
                chars.next();
            }
            paragraph += 1;
            at_paragraph_start = true;
            previous = Some('\n');
            continue;
        }
        let starts_paragraph = at_paragraph_start;
        if !ch.is_whitespace() {
            at_paragraph_start = false;
        }
        // `’’` and `''` typed for a closing double mark (`“… voters,’’ he said`).
        let doubled_single_close = double.is_some() && matches!(ch, '’' | '\'') && next == Some(ch);
        let (mark, mark_len) = if doubled_single_close {
            chars.next();
            ('”', 2 * ch.len_utf8())
        } else {
            (ch, ch.len_utf8())
        };
        match mark {
            '“' | '”' | '"' | '„' | '«' | '»' => {
                let open_mark = double.as_ref().map(|open| open.mark);
                let role = double_role(mark, previous, next, open_mark);
                match (role, double.take()) {
                    (Role::Open, Some(mut open)) if carried_over && starts_paragraph => {
                        // The same quotation goes on in a new paragraph.
                        open.piece_start = index + mark_len;
                        open.paragraph = paragraph;
                        double = Some(open);
                    }
                    (Role::Open, _) => {
                        // An unclosed quotation before this one is dropped, not guessed at.
                        double = Some(OpenDouble {
                            open: index,
                            mark,
                            pieces: Vec::new(),
                            piece_start: index + mark_len,
                            paragraph,
                        });
                    }
                    (Role::Close, Some(mut open)) if open.paragraph == paragraph => {
                        open.pieces.push(open.piece_start..index);
                        spans.push(QuotedSpan {
                            open: open.open,
                            close: index + mark_len,
                            pieces: open.pieces,
                            single: false,
                        });
                    }
                    // A closing mark with nothing open (or only a quotation that was
                    // left unclosed in an earlier paragraph) is a typo: skip it.
                    (Role::Close, _) => {}
                }
                carried_over = false;
                single_open = None;
            }
            '‘' if double.is_none() && previous.is_none_or(|c| !c.is_alphanumeric()) => {
                if next.is_some_and(char::is_alphanumeric) {
                    single_open = Some(index);
                }
            }
            '’' if double.is_none() && next.is_none_or(|c| !c.is_alphanumeric()) => {
                if let Some(open) = single_open.take() {
                    let piece = open + '‘'.len_utf8()..index;
                    spans.push(QuotedSpan {
                        open,
                        close: index + ch.len_utf8(),
                        pieces: vec![piece],
                        single: true,
                    });
                }
            }
            _ => {
                if carried_over && !ch.is_whitespace() {
                    // The new paragraph does not reopen the quotation: it was never closed.
                    carried_over = false;
                    double = None;
                }
            }
        }
        previous = Some(ch);
    }
    spans
}

/// Decides whether a double mark opens or closes, from its shape, its
/// neighbours and the mark of the quotation still open, if any.
fn double_role(
    mark: char,
    previous: Option<char>,
    next: Option<char>,
    open_mark: Option<char>,
) -> Role {
    let is_open = open_mark.is_some();
    match mark {
        // German `„…“` closes with the mark English opens with.
        '“' if open_mark == Some('„') => Role::Close,
        '“' | '„' | '«' => Role::Open,
        '”' | '»' => Role::Close,
        _ => {
            let space_before = previous.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
            let space_after = next.is_none_or(char::is_whitespace);
            match (space_before, space_after) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                // Glued on both sides or loose on both: only the state can tell.
                _ if is_open => Role::Close,
                _ => Role::Open,
            }
        }
    }
}

/// Whether the newline at `index` starts a blank line (a paragraph break).
fn is_blank_line_ahead(text: &str, index: usize) -> bool {
    let rest = &text[index + 1..];
    for ch in rest.chars() {
        match ch {
            '\n' => return true,
            ' ' | '\t' | '\r' => continue,
            _ => return false,
        }
    }
    // Trailing blank lines at the end of the text are also a break.
    true
}

/// The offset of the first non-whitespace character after a paragraph break.
fn skip_blank_lines(text: &str, index: usize) -> usize {
    let rest = &text[index..];
    let skipped = rest.len() - rest.trim_start().len();
    index + skipped
}

/// The end of `text[start..end]` without trailing whitespace.
fn trim_end_index(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        find_quoted_spans(text)
            .iter()
            .map(|span| span.text(text))
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_single_marks() {
        let cases: &[(&str, &[&str])] = &[
            (
                "He said “we will win the vote” today.",
                &["we will win the vote"],
            ),
            (
                "He said \"we will win the vote\" today.",
                &["we will win the vote"],
            ),
            (
                "“One thing,” she said. “Another thing.”",
                &["One thing,", "Another thing."],
            ),
            ("Headline: Smith ‘Not Fit To Serve’", &["Not Fit To Serve"]),
            ("Canada’s minister and the voters’ choice", &[]),
            (
                "“Nested ‘single quote’ stays inside,” he said.",
                &["Nested ‘single quote’ stays inside,"],
            ),
            (
                "a \"scare\" quote and \"another one here\"",
                &["scare", "another one here"],
            ),
            ("“Unclosed quote runs on", &[]),
            (
                "“It was an attempt to mislead,’’ he said. “And more here.”",
                &["It was an attempt to mislead,", "And more here."],
            ),
            (
                "„Wir schaffen das jetzt“, sagte sie.",
                &["Wir schaffen das jetzt"],
            ),
            (
                "« Nous allons gagner ici », dit-il.",
                &["Nous allons gagner ici"],
            ),
            ("it’’s odd ’’ and '' stray", &[]),
            ("stray ” mark then “a real quote”", &["a real quote"]),
        ];
        for (text, expected) in cases {
            assert_eq!(quoted(text), *expected, "text: {text}");
        }
    }

    #[test]
    fn joins_a_quotation_running_over_paragraphs() {
        let text =
            "“First paragraph of the speech.\n\n“Second paragraph ends it,” he said.\n\nAfter.";
        let spans = find_quoted_spans(text);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].pieces.len(), 2);
        assert_eq!(
            spans[0].text(text),
            "First paragraph of the speech.\n\nSecond paragraph ends it,"
        );
    }

    #[test]
    fn drops_a_quotation_that_the_next_paragraph_does_not_continue() {
        let text = "“Never closed here.\n\nPlain text with “a closed one” after.";
        assert_eq!(quoted(text), ["a closed one"]);
    }

    #[test]
    fn straight_marks_over_paragraphs() {
        let text = "\"One part of it.\n\n\"The other part of it.\"\n\nDone.";
        assert_eq!(quoted(text), ["One part of it.\n\nThe other part of it."]);
    }
}
