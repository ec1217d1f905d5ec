//! Entity-name folding, as pure rules: an acronym, its dotted form and its
//! expansion are one entity (`US`, `U.S.`, `United States`; `EU`, `European
//! Union`). Only same-kind names fold, and an acronym with two candidate
//! expansions (`SA`: South Africa or Saudi Arabia) folds into neither.
//!
//! Extraction keeps each article's names as written (a name is what the
//! article says, and what the gold data scores); reports and `--entity`
//! filters fold the spellings with these rules (`search::aliases`).

use std::collections::HashMap;

use crate::article::EntityKind;

/// Most letters of an acronym (`NATO`, `OSCE`, `UNESCO`).
const MAX_ACRONYM_LETTERS: usize = 6;

/// Small words skipped when taking initials (`Organization of the Petroleum …`).
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "and" | "for" | "de" | "du" | "des" | "la" | "le" | "&"
    )
}

/// The letters of an acronym written as one (`US`, `U.S.`), if `name` is one.
pub fn acronym_letters(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let count = letters.chars().count();
    let is_acronym = (2..=MAX_ACRONYM_LETTERS).contains(&count)
        && letters
            .chars()
            .all(|c| c.is_uppercase() && c.is_alphabetic());
    is_acronym.then_some(letters)
}

/// The initials of a name of several capitalised words (`United States` → `US`).
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|word| !is_connector(word))
        .collect();
    if words.len() < 2 || words.len() > MAX_ACRONYM_LETTERS {
        return None;
    }
    words
        .iter()
        .map(|word| word.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// Groups of indexes into `names` (each with the number of articles naming
/// it) that spell one entity; each group lists its expansion first when it
/// has one, then the acronyms in the order given. Names that fold with
/// nothing are left out.
///
/// An expansion that one article alone gives folds only an acronym no more
/// frequent than itself, unless general knowledge knows it: `Auth Protocol
/// (AP)`, spelt out once, is not the news agency `AP` of a hundred other
/// articles, while `Associated Press`, spelt out once, is.
pub fn alias_groups(names: &[(&str, EntityKind, usize)]) -> Vec<Vec<usize>> {
    let mut acronyms: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
    let mut expansions: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
    for (index, (name, kind, _)) in names.iter().enumerate() {
        if let Some(letters) = acronym_letters(name) {
            acronyms.entry((*kind, letters)).or_default().push(index);
        } else if let Some(letters) = initials(name) {
            expansions.entry((*kind, letters)).or_default().push(index);
        }
    }
    let mut groups: Vec<Vec<usize>> = acronyms
        .into_iter()
        .filter_map(|(key, forms)| {
            let acronym_articles = forms.iter().map(|&i| names[i].2).max().unwrap_or(0);
            let acronym_known = forms
                .iter()
                .any(|&i| super::entities::is_known_name(names[i].0));
            let group: Vec<usize> = match expansions.get(&key).map(Vec::as_slice) {
                Some([expansion])
                    if folds_acronym(names[*expansion], acronym_articles, acronym_known) =>
                {
                    std::iter::once(*expansion).chain(forms).collect()
                }
                _ => forms,
            };
            (group.len() > 1).then_some(group)
        })
        .collect();
    groups.sort();
    groups
}

/// Whether an expansion is evidence enough for an acronym named in
/// `acronym_articles` articles: a name general knowledge knows, or one named
/// in more than one article, or in at least as many as the acronym. An
/// acronym general knowledge knows folds only into a known expansion: the
/// network `CBS` is not the `County Board of Supervisors` of a Los Angeles
/// paper, however often that is spelt out.
fn folds_acronym(
    (name, _, expansion_articles): (&str, EntityKind, usize),
    acronym_articles: usize,
    acronym_known: bool,
) -> bool {
    let expansion_known = super::entities::is_known_name(name);
    if acronym_known {
        return expansion_known;
    }
    expansion_articles >= 2 || expansion_articles >= acronym_articles || expansion_known
}

/// The spelling key of a name: lowercase letters and digits only, so that
/// spellings of one name that differ in dots, spaces, hyphens and apostrophes
/// are one (`Mt. Gox`, `MtGox`, `Mt Gox`; `Al-Qaeda`, `Al Qaeda`).
pub fn spelling_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The letters `name` is or abbreviates, in capitals: `US` for `US`,
/// `U.S.`, `United States` or `united states`; `None` for one plain word.
pub fn letters_of(name: &str) -> Option<String> {
    acronym_letters(name).or_else(|| {
        let capitalised: String = name
            .split_whitespace()
            .map(|word| {
                if is_connector(word) {
                    return word.to_string();
                }
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect::<String>()
                })
            })
            .collect::<Vec<_>>()
            .join(" ");
        initials(&capitalised)
    })
}
