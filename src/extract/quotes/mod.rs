//! Direct quotations and their speakers.
//!
//! Each step is linear in the article: [`marks`] pairs quotation marks into
//! passages, [`tokens`] splits the article into words once, and for each
//! passage [`attribution`] reads a bounded window of words on either side for
//! the speaker, which [`resolve`] turns into a name (pronouns to the person
//! they stand for, surnames to full names). A passage with no attribution of
//! its own continues the speaker of the quotation next to it. Passages that are
//! not speech — titles of works, one- or two-word scare quotes — are not
//! reported ([`reportable`]).

mod adverbials;
mod attribution;
mod descriptions;
mod genders;
mod introduction;
mod lexicon;
mod marks;
mod name_strings;
mod names;
mod phrases;
mod reportable;
mod reported;
mod resolve;
#[cfg(test)]
mod tests;
mod tokens;

use std::ops::Range;

use crate::article::{Entity, EntityKind, Quote};
use crate::extract::words::strip_possessive;

use attribution::{Attributor, Found};
use lexicon::is_nationality;
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
pub fn extract_quotes(body: &str, entities: &[Entity]) -> Vec<Quote> {
    let curly = marks::curly_from_backticks(body);
    let text: &str = &curly;
    let spans = marks::find_quoted_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let tokens = tokenize(text);
    let paragraph_of = paragraph_numbers(&tokens);
    let surnames = common_word_surnames(entities);
    let words = Words {
        text,
        tokens: &tokens,
        surnames: &surnames,
    };
    let located: Vec<Located> = spans
        .iter()
        .filter_map(|span| {
            let open = token_at(&tokens, span.open);
            let close = token_at(&tokens, span.close).checked_sub(1)?;
            // The comma before an attribution (`“…,” she said`) is no part of the words.
            let quote_text = span.text(text).trim_end_matches(',').to_string();
            Some(Located {
                span,
                open,
                close,
                first_paragraph: paragraph_of[open],
                last_paragraph: paragraph_of[close],
                // `<tweet pic="…">`: markup attribute values are no quotations, nor
                // is what the text calls a slogan or a title.
                reportable: reportable::is_reportable(&quote_text)
                    && !text[..span.open].ends_with('=')
                    && !reportable::introduced_as_name(&text[..span.open]),
                text: quote_text,
            })
        })
        .collect();
    let quoted_tokens: Vec<Range<usize>> = located.iter().map(|q| q.open..q.close + 1).collect();
    let mut resolver = Resolver::new(words, &quoted_tokens, entities);
    let attributor = Attributor { words };

    let reported: Vec<&Located> = located.iter().filter(|q| q.reportable).collect();
    let attributions = attribute_each(&attributor, &mut resolver, &reported);
    let speakers = continue_speakers(&reported, &attributions);
    let spoken = attributions.iter().map(|a| a.spoken);
    reported
        .iter()
        .zip(speakers)
        .zip(spoken)
        .filter(|(_, spoken)| *spoken)
        .map(|((quote, speaker), _)| {
            // `Officials said`, `the Head said`: introduced, but by no name.
            let (speaker, speaker_name) = match speaker {
                Some(Speaker { name, introduced })
                    if name_strings::names_no_one(&name, text, entities) =>
                {
                    (Some(introduced), None)
                }
                Some(Speaker { name, introduced }) => (Some(introduced), Some(name)),
                None => (None, None),
            };
            Quote {
                text: quote.text.clone(),
                speaker,
                speaker_name,
            }
        })
        .collect()
}

/// A speaker's canonical name and how the attribution introduces them.
#[derive(Debug, Clone)]
struct Speaker {
    name: String,
    introduced: String,
}

impl Speaker {
    fn bare(name: String) -> Self {
        Speaker {
            introduced: name.clone(),
            name,
        }
    }
}

/// What a quotation's own sentence says about its speaker.
struct Attribution {
    speaker: Option<Speaker>,
    /// Whether the sentence attributes the quotation at all (even to no name).
    attributed: bool,
    /// Whether the quotation is reported: single-quoted passages need a speech verb.
    spoken: bool,
}

/// First pass, in text order so that named speakers become antecedents for
/// later pronouns: each quotation's own attribution.
fn attribute_each(
    attributor: &Attributor,
    resolver: &mut Resolver,
    reported: &[&Located],
) -> Vec<Attribution> {
    let words = attributor.words;
    let mut attributions = Vec::with_capacity(reported.len());
    for (index, quote) in reported.iter().enumerate() {
        let previous = index.checked_sub(1).map(|i| reported[i]);
        let next = reported.get(index + 1).copied();
        let evidence = own_attribution(attributor, &words, quote, previous, next);
        // Single marks double as apostrophes and set off headlines and slogans:
        // a single-quoted passage counts only when a speech verb introduces it.
        let spoken = !quote.span.single || matches!(evidence, Some(Evidence::Spoken(_)));
        let attributed = evidence.is_some();
        let speaker = match evidence {
            Some(Evidence::Spoken(found)) => speaker_of(attributor, resolver, found),
            // A place found by weak cues (`Ukraine is …` before the quotation) said nothing.
            Some(Evidence::Found(found)) => speaker_of(attributor, resolver, found)
                .filter(|s| !resolver.is_place(&s.name) && !resolver.is_common_word(&s.introduced)),
            Some(Evidence::Named(name)) => Some(Speaker::bare(name)),
            None => None,
        };
        attributions.push(Attribution {
            speaker,
            attributed,
            spoken,
        });
    }
    attributions
}

/// Second pass: a quotation without attribution continues its neighbour's
/// words (`“…,” she said. “…”`, or a quoted paragraph before `“…,” X said.`
/// when no quotation comes right before it).
fn continue_speakers(reported: &[&Located], attributions: &[Attribution]) -> Vec<Option<Speaker>> {
    let mut speakers: Vec<Option<Speaker>> =
        attributions.iter().map(|a| a.speaker.clone()).collect();
    for index in 0..reported.len() {
        if attributions[index].attributed {
            continue;
        }
        let quote = reported[index];
        // An adjacent quotation before this one is what it continues, even
        // when its attribution names no one (`They called for “…”.` then
        // `The group also condemned … “…”.`): the next speaker is no better
        // guess. One with no attribution at all says nothing either way.
        let previous_adjacent = index
            .checked_sub(1)
            .filter(|&p| quote.first_paragraph <= reported[p].last_paragraph + 1);
        if let Some(previous) = previous_adjacent {
            let known = speakers[previous].is_some() || attributions[previous].attributed;
            if known {
                speakers[index] = speakers[previous].clone();
                continue;
            }
        }
        let next = index + 1;
        let next_is_adjacent = reported
            .get(next)
            .is_some_and(|n| n.first_paragraph <= quote.last_paragraph + 1);
        if next_is_adjacent && attributions[next].attributed {
            speakers[index] = speakers[next].clone();
        }
    }
    speakers
}

/// What a quotation's own sentence (and, for a sentence that is only the
/// quotation, the one before it) says about its speaker.
fn own_attribution(
    attributor: &Attributor,
    words: &Words,
    quote: &Located,
    previous: Option<&Located>,
    next: Option<&Located>,
) -> Option<Evidence> {
    let after = after_window(attributor, quote, next);
    let before = before_window(attributor, quote, previous);
    let ends_sentence = quote.text.ends_with(['.', '!', '?']);
    let continues_sentence = !ends_sentence
        && attributor
            .words
            .word(after.start)
            .is_some_and(|w| w.starts_with(char::is_lowercase));
    let found = attributor
        .quoted_as_saying(after.clone())
        .or_else(|| attributor.quoted_as_saying(before.clone()))
        .or_else(|| attributor.after_quote(after.clone(), quote.text.ends_with('.')))
        .or_else(|| attributor.before_quote(before.clone()))
        .or_else(|| {
            continues_sentence
                .then(|| attributor.closing_clause(after.clone()))
                .flatten()
        });
    if let Some(found) = found {
        return Some(Evidence::Spoken(found));
    }
    if let Some(account) = tweet_author(words, quote) {
        return Some(Evidence::Named(account));
    }
    let subject = match attributor.opens_with_participle(before.clone()) {
        true => None,
        false => attributor.sentence_subject(before.clone()),
    };
    let weaker = subject
        .or_else(|| lead_in_paragraph(attributor, quote, before.is_empty()))
        .or_else(|| previous_sentence(attributor, quote, &before, previous));
    weaker.map(Evidence::Found)
}

/// A quotation that is a whole sentence takes the speaker of the sentence
/// before it in the same paragraph (`Lynch announced the suit. “We are …”`).
fn previous_sentence(
    attributor: &Attributor,
    quote: &Located,
    before: &Range<usize>,
    previous: Option<&Located>,
) -> Option<Found> {
    let tokens = attributor.words.tokens;
    if !before.is_empty() || before.start == 0 {
        return None;
    }
    let sentence_end = before.start - 1;
    if tokens[sentence_end].kind == TokenKind::Break {
        return None;
    }
    let floor = previous
        .map_or(0, |p| p.close + 1)
        .max(sentence_end.saturating_sub(WINDOW_TOKENS));
    let start = (floor..sentence_end)
        .rev()
        .find(|&i| attributor.ends_sentence(i))
        .map_or(floor, |i| i + 1);
    // A sentence holding the previous quotation is that quotation's business.
    if start == floor && previous.is_some_and(|p| p.close + 1 == floor) {
        return None;
    }
    debug_assert!(quote.open >= sentence_end);
    let window = start..sentence_end;
    // `…, said Deputy Head of the Office Ihor Zhovkva. “…”`: a paraphrase
    // closed by its attribution, then the words themselves.
    // Only a name: in `…, said it seems that …` the pronoun opens what was said.
    attributor
        .closing_clause(window.clone())
        .filter(|found| matches!(found, Found::Name(_)))
        .or_else(|| attributor.before_quote(window.clone()))
        .or_else(|| attributor.sentence_subject(window))
}

/// Either attribution evidence still to be resolved, or a finished name.
enum Evidence {
    /// Found next to a speech verb (`X said`, `according to X`).
    Spoken(Found),
    /// Found by weaker cues: the sentence's subject, a lead-in, the previous sentence.
    Found(Found),
    /// A finished name, such as a tweet's account.
    Named(String),
}

/// The speaker for what attribution found: a name is introduced as the
/// attribution writes it; a pronoun's person by name alone.
fn speaker_of(attributor: &Attributor, resolver: &mut Resolver, found: Found) -> Option<Speaker> {
    match found {
        Found::Name(run) => {
            let words = attributor.words;
            let written = words.name_text(&run);
            let holder = resolver.office_holder(written, run.start);
            // A name wrapped over two lines (`George\nMucibabici`) is one name.
            let name = holder
                .unwrap_or_else(|| resolver.canonical_name(written, run.start))
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // "Chinese students destroyed property and shouted, “…”": a people's
            // adjective names no one, unless a person of the article bears it
            // (`Mark Cuban ... Cuban said`).
            if name == written && is_nationality(written) {
                return None;
            }
            resolver.note_speaker(run.start);
            let token = run.start;
            let introduction = attributor.introduction(run);
            let introduced = attributor.introduced(&introduction, &name);
            resolver.note_person_speaker(token, &name);
            Some(Speaker { name, introduced })
        }
        Found::Pronoun(token) => {
            let name = resolver.resolve_pronoun(token)?;
            resolver.note_person_speaker(token, &name);
            Some(Speaker::bare(name))
        }
        Found::Role(token) => resolver.resolve_role(token, false).map(Speaker::bare),
        Found::Epithet { role, possessor } => {
            let owner = strip_possessive(attributor.words.name_text(&possessor));
            // `UNCTAD's spokesman said`: a body speaks through its spokesman.
            let body = || resolver.is_organisation(owner).then(|| owner.to_string());
            resolver
                .resolve_role(role, false)
                .or_else(|| resolver.resolve_epithet(role, owner))
                .or_else(body)
                .map(Speaker::bare)
        }
        Found::Described { role, qualifier } => {
            if let Some(holder) = resolver.resolve_role(role, true) {
                return Some(Speaker::bare(holder));
            }
            let name = attributor.words.strip_titles(qualifier)?;
            let written = attributor.words.name_text(&name);
            // `the Florida senator said`: a place or a people says nothing.
            if is_nationality(written) || resolver.is_place(written) {
                return None;
            }
            speaker_of(attributor, resolver, Found::Name(name))
        }
        Found::Unnamed => None,
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

/// The surnames of the article's people named in full that are also common
/// capitalised words (`May` of `Theresa May`, see [`Words::surnames`]).
fn common_word_surnames(entities: &[Entity]) -> Vec<&str> {
    entities
        .iter()
        .filter(|entity| entity.kind == EntityKind::Person)
        .filter_map(|entity| entity.name.rsplit_once(' '))
        .map(|(_, surname)| surname)
        .filter(|surname| lexicon::is_non_name_capital(surname))
        .collect()
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
