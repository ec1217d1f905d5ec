//! When a `--entity`, `--speaker` or `--source` filter matches nothing: the
//! values the index does hold that come closest to what was typed, as a
//! search box's "did you mean" does.

use std::collections::HashMap;

use tantivy::collector::Count;
use tantivy::schema::Field;
use tantivy::Searcher;

use crate::article::EntityKind;
use crate::error::Result;
use crate::index::schema::parse_entity_tag;
use crate::index::NewsIndex;
use crate::search::query::{self, Filters};

/// A filter that no article passes, and the nearest values the index holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    /// `--entity`, `--speaker` or `--source`.
    pub flag: &'static str,
    pub value: String,
    /// Closest first; empty when nothing comes close.
    pub closest: Vec<String>,
    /// How many distinct values of this kind the index holds (0: none at all,
    /// e.g. a corpus without sources).
    pub known_values: usize,
}

/// How many values a suggestion names.
const SUGGESTIONS: usize = 3;

/// How alike two names must be (Jaro-Winkler, lowercased) to be suggested.
const ALIKE: f64 = 0.85;

/// A name that is like one word of a candidate is a little less alike than
/// one like the whole candidate.
const WORD_LIKENESS: f64 = 0.97;

/// The filters of `filters` that match no article on their own, each with
/// the closest values the index holds.
pub fn unmatched_filters(news_index: &NewsIndex, filters: &Filters) -> Result<Vec<Unmatched>> {
    let reader = news_index.reader()?;
    let searcher = reader.searcher();
    let mut alone: Vec<(&'static str, String, Filters)> = Vec::new();
    for entity in &filters.entities {
        let only = Filters {
            entities: vec![entity.clone()],
            ..Filters::default()
        };
        alone.push(("--entity", entity.clone(), only));
    }
    if let Some(speaker) = &filters.speaker {
        let only = Filters {
            speaker: Some(speaker.clone()),
            ..Filters::default()
        };
        alone.push(("--speaker", speaker.clone(), only));
    }
    if let Some(source) = &filters.source {
        let only = Filters {
            source: Some(source.clone()),
            ..Filters::default()
        };
        alone.push(("--source", source.clone(), only));
    }
    let mut unmatched = Vec::new();
    for (flag, value, only) in alone {
        // A value that analyses to no word is already an error of its own.
        let Ok(query) = query::with_filters(news_index, None, &only) else {
            continue;
        };
        let matches = searcher
            .search(&*query, &Count)
            .map_err(|source| news_index.error(source))?;
        if matches > 0 {
            continue;
        }
        let candidates = match flag {
            "--source" => field_words(&searcher, news_index.fields.source),
            "--speaker" => entity_names(&searcher, news_index.fields.entity_tag, true),
            _ => entity_names(&searcher, news_index.fields.entity_tag, false),
        };
        let mut nearest = closest(&value, &candidates);
        if nearest.is_empty() && flag == "--source" {
            // Sources are few: name the commonest, so the user sees how they are spelt.
            nearest = most_frequent(&candidates);
        }
        unmatched.push(Unmatched {
            flag,
            closest: nearest,
            known_values: candidates.len(),
            value,
        });
    }
    Ok(unmatched)
}

/// Entity names and in how many articles each occurs; people and
/// organisations only for speakers.
fn entity_names(searcher: &Searcher, field: Field, speakers_only: bool) -> HashMap<String, u32> {
    let mut names: HashMap<String, u32> = HashMap::new();
    for (tag, articles) in dictionary(searcher, field) {
        let Some((kind, name)) = parse_entity_tag(&tag) else {
            continue;
        };
        let can_speak = matches!(kind, EntityKind::Person | EntityKind::Organization);
        if speakers_only && !can_speak {
            continue;
        }
        *names.entry(name.to_string()).or_default() += articles;
    }
    names
}

/// The indexed words of a text field and in how many articles each occurs.
fn field_words(searcher: &Searcher, field: Field) -> HashMap<String, u32> {
    let mut words: HashMap<String, u32> = HashMap::new();
    for (word, articles) in dictionary(searcher, field) {
        *words.entry(word).or_default() += articles;
    }
    words
}

/// Every term of `field` in every segment with its document frequency.
fn dictionary(searcher: &Searcher, field: Field) -> Vec<(String, u32)> {
    let mut terms = Vec::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().stream() else {
            continue;
        };
        while stream.advance() {
            if let Ok(term) = std::str::from_utf8(stream.key()) {
                terms.push((term.to_string(), stream.value().doc_freq));
            }
        }
    }
    terms
}

/// The candidates most like `typed`: those holding it as a word first, then
/// by likeness, then the more frequent.
fn closest(typed: &str, candidates: &HashMap<String, u32>) -> Vec<String> {
    let wanted = typed.trim().to_lowercase();
    let mut scored: Vec<(f64, u32, &String)> = candidates
        .iter()
        .filter_map(|(name, &articles)| {
            let lower = name.to_lowercase();
            let words = || {
                lower
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|word| !word.is_empty())
            };
            let holds_word = words().any(|word| word == wanted);
            // A misspelt surname (`Zelensky`) is like one word of the full name.
            let like_a_word = words()
                .map(|word| strsim::jaro_winkler(&wanted, word) * WORD_LIKENESS)
                .fold(0.0, f64::max);
            let likeness = if holds_word {
                1.0
            } else {
                strsim::jaro_winkler(&wanted, &lower).max(like_a_word)
            };
            (likeness >= ALIKE).then_some((likeness, articles, name))
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| b.1.cmp(&a.1))
            .then_with(|| a.2.cmp(b.2))
    });
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, _, name)| name.clone())
        .collect()
}

fn most_frequent(candidates: &HashMap<String, u32>) -> Vec<String> {
    let mut by_count: Vec<(&String, &u32)> = candidates.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    by_count
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(name, _)| name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_prefers_names_holding_the_word_then_likeness_then_frequency() {
        let candidates: HashMap<String, u32> = [
            ("Vladimir Putin", 40),
            ("Putin", 10),
            ("Pushkin", 3),
            ("Joe Biden", 50),
        ]
        .into_iter()
        .map(|(name, count)| (name.to_string(), count))
        .collect();
        assert_eq!(closest("putin", &candidates), ["Vladimir Putin", "Putin"]);
        assert_eq!(closest("Putn", &candidates)[0], "Putin");
        assert!(closest("Putn", &candidates).contains(&"Vladimir Putin".to_string()));
        assert!(closest("Nobody", &candidates).is_empty());
    }
}
