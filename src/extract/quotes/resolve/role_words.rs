//! The words a description by role is read with: the title words that tell
//! holders apart, abbreviated titles, heads' titles, and peoples' adjectives
//! with their countries and states.

use crate::extract::words::{abbreviates_state, is_nationality};

/// The words of a description's role that tell its holders apart (`the
/// British prime minister` is no foreign minister; `the former Russian
/// president` is not the one in office); other title words describe (`the
/// presidential candidate`, `the top diplomat`).
pub(super) const ROLE_DISTINGUISHERS: [&str; 16] = [
    "former", "prime", "foreign", "deputy", "vice", "defence", "defense", "finance", "interior",
    "health", "economy", "homeland", "first", "security", "majority", "minority",
];

/// Roles and the abbreviated titles that introduce their holders (`the
/// Florida senator` … `Sen. Marco Rubio`).
pub(super) const ROLE_ABBREVIATIONS: [(&str, &str); 11] = [
    ("senator", "sen"),
    ("governor", "gov"),
    ("representative", "rep"),
    ("congressman", "rep"),
    ("congresswoman", "rep"),
    ("general", "gen"),
    ("secretary", "sec"),
    ("professor", "prof"),
    ("reverend", "rev"),
    ("captain", "capt"),
    ("colonel", "col"),
];

/// Whether `word` is the abbreviated title of `role` (`Sen.` of `senator`).
pub(super) fn abbreviates(word: &str, role: &str) -> bool {
    let bare = word.trim_end_matches('.');
    ROLE_ABBREVIATIONS
        .iter()
        .any(|(full, short)| full.eq_ignore_ascii_case(role) && short.eq_ignore_ascii_case(bare))
}

/// The titles of a head of state, for `the head of state`.
pub(super) const STATE_HEADS: &[&str] = &["president", "king", "queen", "emir", "monarch"];

/// The titles of a head of government, for `the head of government`.
pub(super) const GOVERNMENT_HEADS: &[&str] = &["prime", "premier", "chancellor", "taoiseach"];

/// The titles `the leader` may stand for: either head's, or leader.
pub(super) const LEADERS: &[&str] = &[
    "president",
    "king",
    "queen",
    "emir",
    "monarch",
    "prime",
    "premier",
    "chancellor",
    "taoiseach",
    "leader",
];

/// Countries whose people's adjective shares no stem with their name.
pub(super) const PEOPLES_OF_COUNTRIES: [(&str, &str); 12] = [
    ("US", "American"),
    ("U.S.", "American"),
    ("USA", "American"),
    ("UK", "British"),
    ("U.K.", "British"),
    ("Britain", "British"),
    ("France", "French"),
    ("Spain", "Spanish"),
    ("Netherlands", "Dutch"),
    ("Denmark", "Danish"),
    ("Switzerland", "Swiss"),
    ("Ireland", "Irish"),
];

/// Whether `word` is `wanted`, or for a people's adjective its country or
/// another of its forms (`Russia’s` for `Russian`, by a shared stem).
pub(super) fn same_people(word: &str, wanted: &str) -> bool {
    if word.eq_ignore_ascii_case(wanted) || abbreviates_state(word, wanted) {
        return true;
    }
    let listed = |a: &str, b: &str| a.eq_ignore_ascii_case(word) && b.eq_ignore_ascii_case(wanted);
    if PEOPLES_OF_COUNTRIES
        .iter()
        .any(|(country, people)| listed(country, people) || listed(people, country))
    {
        return true;
    }
    if !is_nationality(wanted) || !word.starts_with(char::is_uppercase) {
        return false;
    }
    let stem = people_stem(wanted);
    word.len() >= stem.len()
        && word.is_char_boundary(stem.len())
        && word[..stem.len()].eq_ignore_ascii_case(stem)
}

/// The letters a people's adjective shares with its country's name: all but
/// its last three (`Russ|ian`, `Ukrain|ian`, `Belarus|ian`), at least three
/// (`Pol|ish`); a few countries differ sooner (`French`, `France`).
fn people_stem(adjective: &str) -> &str {
    let keep = adjective.chars().count().saturating_sub(3).max(3);
    let end = adjective
        .char_indices()
        .nth(keep)
        .map_or(adjective.len(), |(index, _)| index);
    &adjective[..end]
}
