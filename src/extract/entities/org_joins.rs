//! Mentions the tagger cut in two that are one organisation: a head word,
//! a connector and a name (`National Institute` on `Drug Abuse`), a company
//! the lexicon writes with `&` (`Standard` and `Poor's`), a firm named for
//! its partners (`Woolcott` and `Co`), a company named for its town (`Santa
//! Fe` `Southern Pacific Corp`).

use super::lexicon::{is_company_spelt_with_and, is_possessive_company};
use super::repair::{listed, ORGANISATION_HEADS};
use super::tagger::Mention;
use crate::extract::words::{strip_possessive, COMPANY_WORDS};

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const ORGANIZATION: usize = 1;
const PLACE: usize = 2;

/// Heads of a company's name, after which `of PLACE` says where it is
/// (`Kia Motor Corp of South Korea`), not more of the name.
#[rustfmt::skip]
pub(super) const COMPANY_HEADS: &[&str] = &[
    "inc", "corp", "corporation", "ltd", "llc", "plc", "company", "group",
];

/// What may join two mentions into one organisation's long name
/// (`National Institute` on `Drug Abuse`, `American University` of `Kabul`).
const ORGANISATION_CONNECTORS: &[&str] =
    &[" on ", " for ", " of ", " of the ", " on the ", " for the "];

/// `National Institute` + ` on ` + `Drug Abuse`: a mention ending in an
/// organisation's head word, a connector, then a capitalised mention are one
/// organisation (`U.S. Attorney’s Office for the Western District of New York`);
/// so are two mentions joined by `and` into a company the lexicon lists, and a
/// name before `and Co` (`Woolcott and Co`).
pub(super) fn join_organisation_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut index = 0;
    while index + 1 < mentions.len() {
        let (first, second) = (&mentions[index], &mentions[index + 1]);
        let gap = text.get(first.end..second.start).unwrap_or("");
        let head = text
            .get(first.start..first.end)
            .and_then(|surface| surface.split_whitespace().last())
            .map(|word| word.trim_end_matches(['.', ',']));
        let ends_in_head = head
            .is_some_and(|word| listed(ORGANISATION_HEADS, word) && !listed(COMPANY_HEADS, word));
        // `Standard` + ` and ` + `Poor's`: a company the list writes with `&`.
        let one_company = gap == " and "
            && text.get(first.start..second.end).is_some_and(|pair| {
                is_company_spelt_with_and(strip_possessive(pair)) || is_possessive_company(pair)
            });
        // `Woolcott` + ` and ` + `Co`: a firm named for its partners.
        let and_company = matches!(gap, " and " | " & ")
            && text
                .get(second.start..second.end)
                .is_some_and(|last| matches!(last, "Co" | "Co." | "Company" | "Sons"));
        let joined =
            ends_in_head && ORGANISATION_CONNECTORS.contains(&gap) && second.kind != PERSON;
        // `Santa Fe` + `Southern Pacific Corp`, `El Paso` + `Electric Co`: a
        // company named for its town, which the gazetteer cut off as a place.
        // Not a country's abbreviation before a company (`U.S. McDonnell Douglas Corp`).
        let named_for_town = gap == " "
            && first.kind == PLACE
            && text
                .get(first.start..first.end)
                .is_some_and(|place| place.contains(char::is_lowercase))
            && second.kind == ORGANIZATION
            && text
                .get(second.start..second.end)
                .and_then(|name| name.split_whitespace().last())
                .is_some_and(|word| listed(COMPANY_WORDS, word.trim_end_matches('.')));
        if joined || one_company || and_company || named_for_town {
            let end = second.end;
            mentions[index].end = end;
            mentions[index].kind = ORGANIZATION;
            mentions.remove(index + 1);
            continue;
        }
        index += 1;
    }
}
