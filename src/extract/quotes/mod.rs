//! Direct quotations and their speakers.
//!
//! Three passes, each linear in the article: [`marks`] pairs quotation marks
//! into passages, [`tokens`] splits the article into words once, and for each
//! passage [`attribution`] reads a bounded window of words on either side for
//! the speaker, which [`resolve`] turns into a name (pronouns to the person
//! they stand for, surnames to full names). Passages that are not speech —
//! titles of works, one- or two-word scare quotes — are not reported.

mod attribution;
mod lexicon;
mod marks;
mod names;
mod reportable;
mod resolve;
#[cfg(test)]
mod tests;
mod tokens;

use std::ops::Range;

use crate::article::{Entity, Quote};

use attribution::{Attributor, Found};
use marks::QuotedSpan;
use names::Words;
use resolve::Resolver;
use tokens::{token_at, tokenize, TokenKind};

/// Most tokens read on either side of a quotation for its attribution.
const WINDOW_TOKENS: usize = 40;

/// A quoted passage located in the token stream.
struct Located<'s> {
    span: &'s QuotedSpan,
    /// Token index of the opening mark.
    open: usize,
    /// Token index of the closing mark.
    close: usize,
    /// Paragraph number of the opening and the closing mark.
    first_paragraph: usize,
    last_paragraph: usize,
    /// Whether the passage is speech worth reporting (not a title or a scare quote).
    reportable: bool,
    text: String,
}

/// All direct quotations of at least three words, with their speakers when known.
pub fn extract_quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    let spans = marks::find_quoted_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let paragraph_of = paragraph_numbers(&tokens);
    let words = Words {
        text,
        tokens: &tokens,
    };
    let located: Vec<Located> = spans
        .iter()
        .filter_map(|span| {
            let open = token_at(&tokens, span.open);
            let close = token_at(&tokens, span.close).checked_sub(1)?;
            let quote_text = span.text(text);
            Some(Located {
                span,
                open,
                close,
                first_paragraph: paragraph_of[open],
                last_paragraph: paragraph_of[close],
                reportable: reportable::is_reportable(&quote_text, span.single),
                text: quote_text,
            })
        })
        .collect();
    let quoted_tokens: Vec<Range<usize>> = located.iter().map(|q| q.open..q.close + 1).collect();
    let mut resolver = Resolver::new(words, &quoted_tokens, entities);
    let attributor = Attributor { words };

    let mut quotes = Vec::new();
    // The previous reported quotation's last paragraph and speaker, for continuations.
    let mut previous: Option<(usize, Option<String>)> = None;
    for (index, quote) in located.iter().enumerate() {
        if !quote.reportable {
            continue;
        }
        let previous_reported = located[..index].iter().rev().find(|q| q.reportable);
        let next_reported = located[index + 1..].iter().find(|q| q.reportable);
        let after = after_window(&attributor, quote, next_reported);
        let before = before_window(&attributor, quote, previous_reported);
        let found = attributor
            .after_quote(after)
            .or_else(|| attributor.before_quote(before.clone()))
            .map(Evidence::Found)
            .or_else(|| tweet_author(&words, quote).map(Evidence::Named))
            .or_else(|| {
                attributor
                    .sentence_subject(before.clone())
                    .map(Evidence::Found)
            })
            .or_else(|| {
                lead_in_paragraph(&attributor, quote, before.is_empty()).map(Evidence::Found)
            });
        let speaker = match found {
            Some(Evidence::Found(found)) => speaker_name(&mut resolver, &words, found),
            Some(Evidence::Named(name)) => Some(name),
            None => continuation(previous.as_ref(), quote),
        };
        previous = Some((quote.last_paragraph, speaker.clone()));
        debug_assert!(quote.span.close > quote.span.open);
        quotes.push(Quote {
            text: quote.text.clone(),
            speaker,
        });
    }
    quotes
}

/// Either attribution evidence still to be resolved, or a finished name.
enum Evidence {
    Found(Found),
    Named(String),
}

/// The speaker string for what attribution found.
fn speaker_name(resolver: &mut Resolver, words: &Words, found: Found) -> Option<String> {
    match found {
        Found::Name(run) => {
            resolver.note_speaker(run.start);
            Some(resolver.canonical_name(words.name_text(&run), run.start))
        }
        Found::Pronoun(token) => resolver.resolve_pronoun(token),
        Found::Unnamed => None,
    }
}

/// A quotation with no attribution of its own continues the previous speaker's
/// words when it follows in the same or the next paragraph (`“…,” she said. “…”`).
fn continuation(previous: Option<&(usize, Option<String>)>, quote: &Located) -> Option<String> {
    let (paragraph, speaker) = previous?;
    let close_enough = quote.first_paragraph <= paragraph + 1;
    if close_enough {
        speaker.clone()
    } else {
        None
    }
}

/// Tokens after the closing mark up to the sentence end or the next quotation.
fn after_window(attributor: &Attributor, quote: &Located, next: Option<&Located>) -> Range<usize> {
    let tokens = attributor.words.tokens;
    let start = quote.close + 1;
    let limit = next
        .map_or(tokens.len(), |n| n.open)
        .min(start + WINDOW_TOKENS)
        .min(tokens.len());
    let end = (start..limit)
        .find(|&i| attributor.ends_sentence(i))
        .unwrap_or(limit);
    start..end
}

/// Tokens from the sentence start (or the previous quotation's end) to the opening mark.
fn before_window(
    attributor: &Attributor,
    quote: &Located,
    previous: Option<&Located>,
) -> Range<usize> {
    let end = quote.open;
    let floor = previous
        .map_or(0, |p| p.close + 1)
        .max(end.saturating_sub(WINDOW_TOKENS));
    let start = (floor..end)
        .rev()
        .find(|&i| attributor.ends_sentence(i))
        .map_or(floor, |i| i + 1);
    start.min(end)..end
}

/// A quotation that opens its paragraph after a lead-in ending in a colon
/// (`He listed his reasons:` then the quoted list) takes the lead-in's speaker.
fn lead_in_paragraph(
    attributor: &Attributor,
    quote: &Located,
    opens_sentence: bool,
) -> Option<Found> {
    let tokens = attributor.words.tokens;
    let starts_paragraph = quote.open == 0 || tokens[quote.open - 1].kind == TokenKind::Break;
    if !opens_sentence || !starts_paragraph || quote.open < 2 {
        return None;
    }
    let colon = quote.open - 2;
    if !tokens[colon].is_punct(':') {
        return None;
    }
    let floor = colon.saturating_sub(WINDOW_TOKENS);
    let start = (floor..colon)
        .rev()
        .find(|&i| attributor.ends_sentence(i))
        .map_or(floor, |i| i + 1);
    let lead_in = start..colon + 1;
    attributor
        .before_quote(lead_in.clone())
        .or_else(|| attributor.sentence_subject(lead_in))
}

/// The account of an embedded tweet: the `— Name (@handle) Date` line right after
/// the paragraph holding the quotation.
fn tweet_author(words: &Words, quote: &Located) -> Option<String> {
    let tokens = words.tokens;
    let after_close = quote.close + 1;
    let paragraph_end =
        (after_close..tokens.len()).find(|&i| tokens[i].kind == TokenKind::Break)?;
    let signature = paragraph_end + 1;
    let starts_with_dash = tokens
        .get(signature)
        .is_some_and(|t| matches!(t.kind, TokenKind::Punct('—' | '–' | '-')));
    if !starts_with_dash {
        return None;
    }
    let line_end = (signature..tokens.len())
        .find(|&i| tokens[i].kind == TokenKind::Break)
        .unwrap_or(tokens.len());
    let handle = (signature + 1..line_end).find(|&i| {
        tokens[i].is_punct('(') && words.word(i + 1).is_some_and(|w| w.starts_with('@'))
    })?;
    if handle <= signature + 1 {
        return None;
    }
    let name = words.text[tokens[signature].end..tokens[handle].start].trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The paragraph number of every token (a break belongs to the paragraph it ends).
fn paragraph_numbers(tokens: &[tokens::Token]) -> Vec<usize> {
    let mut paragraph = 0;
    let mut numbers = Vec::with_capacity(tokens.len() + 1);
    for token in tokens {
        numbers.push(paragraph);
        if token.kind == TokenKind::Break {
            paragraph += 1;
        }
    }
    numbers.push(paragraph);
    numbers
}
