//! Persons general knowledge settles: heads of state and government and the
//! few others news names by the surname alone (`Trump`, `Putin`, `Merkel`).
//! The tagger, trained on 1996 news, has never seen most of them, and with
//! nothing around a surname to go by (a headline: `Merrick Garland must put
//! Trump on trial`, `People in Trump areas`) it guesses an organisation, a
//! place or an other name; such a mention is the person.
//!
//! Only surnames no place, company or common word shares are listed, as the
//! lexicon leaves out the names people bear (`Jordan`, `Ford`): `Johnson`,
//! `Major`, `May`, `Brown`, `Bush`, `Harris` and `Xi` are not, nor the names
//! of towns (`Clinton, Tenn.`, `Cheney, Wash.`). The pass runs
//! last, so that no context rule turns the person back.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::lexicon::lowercase_hash;
use super::tagger::Mention;
use crate::extract::words::strip_possessive;

/// Kind index of a person (see [`Mention::kind`]).
const PERSON: usize = 0;

/// Surnames (and the one-word names) of persons news names alone.
#[rustfmt::skip]
const FAMOUS_SURNAMES: &[&str] = &[
    // United States
    "Trump", "Biden", "Obama", "Reagan", "Nixon", "Pelosi", "McConnell", "Schumer",
    "DeSantis", "Pence", "Gingrich", "Romney", "Giuliani", "Kissinger", "Rumsfeld",
    "Blinken", "Kavanaugh", "Zuckerberg", "Bezos",
    // Russia, Ukraine, Belarus
    "Putin", "Zelenskyy", "Zelensky", "Zelenskiy", "Lavrov", "Medvedev", "Peskov", "Shoigu",
    "Navalny", "Prigozhin", "Kuleba", "Gorbachev", "Yeltsin", "Lukashenko", "Kadyrov",
    // Europe
    "Merkel", "Macron", "Scholz", "Sarkozy", "Hollande", "Berlusconi", "Meloni", "Orban",
    "Orbán", "Erdogan", "Erdoğan", "Sunak", "Starmer", "Thatcher", "Stoltenberg", "Juncker",
    "Draghi",
    // Elsewhere
    "Netanyahu", "Modi", "Kishida", "Duterte", "Bolsonaro", "Lula", "Maduro", "Mugabe",
    "Mandela", "Gaddafi", "Qaddafi", "Khamenei", "Rouhani", "Arafat", "Guterres", "Trudeau",
];

/// Whether `surface` (any case, a possessive aside) is a surname of the list.
pub(super) fn is_famous_surname(surface: &str) -> bool {
    static HASHES: OnceLock<FxHashSet<u64>> = OnceLock::new();
    let hashes = HASHES.get_or_init(|| {
        FAMOUS_SURNAMES
            .iter()
            .map(|name| lowercase_hash(name))
            .collect()
    });
    hashes.contains(&lowercase_hash(strip_possessive(surface)))
}

/// Makes every one-word mention of a listed surname a person's, and no
/// common word.
pub(super) fn settle_famous_people(text: &str, mentions: &mut [Mention]) {
    for mention in mentions.iter_mut() {
        let famous = text
            .get(mention.start..mention.end)
            .is_some_and(|surface| !surface.contains(' ') && is_famous_surname(surface));
        if famous {
            // `Raskin: Pence should tell`: the surname, not the coin.
            mention.kind = PERSON;
            mention.common_word = false;
        }
    }
}
