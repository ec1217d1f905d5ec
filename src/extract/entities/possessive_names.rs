//! Companies named by a possessive: `McDonald's`, `Moody's`, `Sotheby's`.
//! The tagger stops a name before its `'s`, and a possessive's `'s` is no
//! part of a name (`Russia's army`), so `Moody's said` gave `Moody`, beside
//! `Moody's Investors Service Inc`, and `McDonald's` came out cut.
//!
//! A possessive is followed by what is owned. When an article writes a
//! name's `'s` where nothing owned can follow — before a verb (`Moody's
//! said`), a company's suffix (`McDonald's Corp`), a full stop or a clause
//! (`at Macy's, which …`) — the `'s` is part of the name, in every mention of
//! it in that article (`McDonald's chief executive`), unless the article
//! also writes the name without it (`than Clinton's,` after `Clinton`).
//! Persons are left out (`the car was John's.`), as are places the lexicon
//! knows (`Britain's.`).
//! A company the lexicon lists with its `'s` needs no such evidence.

use rustc_hash::FxHashSet as HashSet;

use crate::extract::words::{strip_possessive, POSSESSIVE_ENDINGS};

use super::lexicon::{is_known_place, is_possessive_company};
use super::tagger::Mention;

/// Kind index of persons in the tagger's kinds.
const PERSON: usize = 0;

/// Finite verbs after a name's `'s` that make it the subject of a clause,
/// not an owner; no participle, which also modifies a noun (`Marathon's
/// posted price`, `Continental's reported loss`).
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "said", "says", "is", "was", "has", "had", "will", "would", "could", "can", "also",
    "announced", "agreed", "expects", "declined", "did", "does",
];

/// Company suffixes that may follow a possessive-looking name (`McDonald's Corp`).
#[rustfmt::skip]
const SUFFIXES: &[&str] = &["inc", "corp", "corporation", "co", "ltd", "plc", "llc", "holdings"];

/// The lowercase names that an article writes with their `'s` as a name.
#[derive(Debug, Default)]
pub(super) struct PossessiveNames {
    stems: HashSet<String>,
}

impl PossessiveNames {
    /// Reads every mention of `text` for a name's `'s` that owns nothing.
    pub(super) fn new(text: &str, mentions: &[Mention]) -> Self {
        let mut stems = HashSet::default();
        for mention in mentions.iter().filter(|mention| mention.kind != PERSON) {
            let Some((stem, after)) = split_possessive(text, mention) else {
                continue;
            };
            let listed = is_possessive_company(stem);
            let evidence = owns_nothing(after) && may_end_in_s(stem) && !written_bare(text, stem);
            if listed || evidence {
                stems.insert(stem.to_lowercase());
            }
        }
        Self { stems }
    }

    /// The `'s` (as written) that `name`, cleaned from `mention`, takes back,
    /// if the article writes it as a name.
    pub(super) fn suffix_of<'t>(
        &self,
        text: &'t str,
        mention: &Mention,
        name: &str,
    ) -> Option<&'t str> {
        if self.stems.is_empty() {
            return None;
        }
        let (stem, _) = split_possessive(text, mention)?;
        let suffix_start = mention.start + stem.len();
        let suffix = text.get(suffix_start..suffix_start + possessive_len(text, suffix_start)?)?;
        let same_name = name.eq_ignore_ascii_case(stem) || stem.ends_with(name);
        (same_name && self.stems.contains(&name.to_lowercase())).then_some(suffix)
    }
}

/// Whether a name may be one written with a possessive: not a place the
/// lexicon knows (`Britain's.`), not a name already ended by a company
/// suffix (`Texas Air Corp's`) and not in capitals, whose `'s` makes a
/// plural (`125.9 mln SDR's to assist`, `CD-ROM's will`).
fn may_end_in_s(stem: &str) -> bool {
    let last = stem.rsplit(' ').next().unwrap_or(stem);
    let suffixed = SUFFIXES.contains(&last.trim_end_matches('.').to_lowercase().as_str());
    let capitals = !last.contains(char::is_lowercase);
    !is_known_place(stem) && !suffixed && !capitals
}

/// Whether `text` writes `stem` anywhere without an `'s` after it: then
/// the name is `stem`, and its `'s` a possessive left without its noun
/// (`as comprehensive as Clinton's, although`, `not the Republican Party's.`).
fn written_bare(text: &str, stem: &str) -> bool {
    text.match_indices(stem).any(|(at, _)| {
        let starts_word = !text[..at].ends_with(char::is_alphanumeric);
        let end = at + stem.len();
        let ends_word = !text[end..].starts_with(char::is_alphanumeric);
        starts_word && ends_word && possessive_len(text, end).is_none()
    })
}

/// Byte length of the `'s` or `’s` at `at`, if one is there.
fn possessive_len(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    POSSESSIVE_ENDINGS
        .iter()
        .find(|ending| rest.starts_with(*ending))
        .map(|ending| ending.len())
}

/// The mention's name without its `'s` and the text after the `'s`, when
/// the mention holds or is followed by one and it ends the word.
fn split_possessive<'t>(text: &'t str, mention: &Mention) -> Option<(&'t str, &'t str)> {
    let surface = text.get(mention.start..mention.end)?;
    let stem = strip_possessive(surface);
    let suffix_start = mention.start + stem.len();
    let after = text.get(suffix_start + possessive_len(text, suffix_start)?..)?;
    let word_ends = !after.starts_with(char::is_alphanumeric);
    (word_ends && !stem.is_empty()).then_some((stem, after))
}

/// Whether the text after a name's `'s` leaves it owning nothing.
/// Wire text breaks its lines anywhere (`Commercial Union's` / `offer`): a
/// line's end says nothing, and neither does the end of the text.
fn owns_nothing(after: &str) -> bool {
    let rest = after.trim_start();
    let Some(first) = rest.chars().next() else {
        return false;
    };
    match first {
        '.' | ';' | ':' | '!' | '?' => return true,
        // `at Macy's, which …`; not a list of owners (`Apple's, Google's and
        // …`) nor an acronym between commas (`the European Community's, EC,`).
        ',' => {
            let next = rest[1..].split_whitespace().next().unwrap_or("");
            let owner = strip_possessive(next).len() < next.len();
            let acronym = !next.contains(char::is_lowercase);
            return !owner && !acronym && next != "and" && next != "or";
        }
        _ => {}
    }
    // The word's length as written: lowercase may be longer (`İ`).
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = rest[..word_len].to_lowercase();
    let followed_by_stop =
        rest[word_len..].is_empty() || rest[word_len..].starts_with(['.', ',', ' ', '\n']);
    VERBS.contains(&word.as_str()) || (SUFFIXES.contains(&word.as_str()) && followed_by_stop)
}

#[cfg(test)]
mod tests {
    use super::super::tests::names_and_kinds as names;

    fn has(text: &str, name: &str) -> bool {
        names(text).iter().any(|(found, _)| found == name)
    }

    #[test]
    fn a_company_named_by_a_possessive_keeps_its_s() {
        let text = "Moody's Investors Service cut the rating on Tuesday. Moody's said the outlook was negative, and Moody's analysts expect more cuts.";
        assert!(has(text, "Moody's"), "{:?}", names(text));
        assert!(!has(text, "Moody"), "{:?}", names(text));
        let text = "Shoppers crowded into a McDonald's on Sunday. McDonald's chief executive said sales rose.";
        assert!(has(text, "McDonald's"), "{:?}", names(text));
        assert!(!has(text, "McDonald"), "{:?}", names(text));
    }

    #[test]
    fn a_listed_company_keeps_its_s_and_its_and() {
        let text = "The notes were rated by both Moody's and Standard and Poor's.";
        assert!(has(text, "Moody's"), "{:?}", names(text));
        assert!(has(text, "Standard and Poor's"), "{:?}", names(text));
        assert!(!has(text, "Standard"), "{:?}", names(text));
    }

    #[test]
    fn a_word_whose_lowercase_is_longer_after_the_s_is_read_whole() {
        // `İ` lowercases to two characters: the word's end is found as written.
        let text =
            "Shares of Acme Corp rose. Acme's İ’ plan was sold, and Acme's İSTANBUL unit said so.";
        assert!(has(text, "Acme Corp"), "{:?}", names(text));
    }

    #[test]
    fn an_owner_keeps_its_name_without_the_s() {
        let text = "Russia's army advanced on Monday. Google's shares rose, and Apple's, Google's and Microsoft's results beat forecasts.";
        let found = names(text);
        assert!(has(text, "Russia"), "{found:?}");
        assert!(has(text, "Google"), "{found:?}");
        assert!(
            found.iter().all(|(name, _)| !name.ends_with("'s")),
            "{found:?}"
        );
        let text = "The car was John Smith's. The house was Britain's.";
        let found = names(text);
        assert!(
            found.iter().all(|(name, _)| !name.ends_with("'s")),
            "{found:?}"
        );
    }
}
