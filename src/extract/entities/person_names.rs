//! One person, one name in an article's entity list: the shorter forms of a
//! person's name (a surname, the name without its middle names, a given name
//! alone, a description run into the name) fold into the longest.

use super::given_names::is_given_name;
use crate::extract::words::is_generational_suffix;

/// Folds short names into the longest person whose name ends with them:
/// `Joly` and `Minister Joly` into `Mélanie Joly`, whatever kind the short one got.
pub(super) fn merge_person_names(names: &mut Vec<(usize, String, usize)>) {
    let all_persons: Vec<(usize, Vec<String>)> = names
        .iter()
        .enumerate()
        .filter(|(_, (_, name, kind))| *kind == 0 && name.contains(' '))
        .map(|(index, (_, name, _))| {
            (
                index,
                name.to_lowercase().split(' ').map(str::to_string).collect(),
            )
        })
        .collect();
    let described = described_persons(names, &all_persons);
    let persons: Vec<(usize, Vec<String>)> = all_persons
        .into_iter()
        .filter(|(index, _)| !described.contains(index))
        .collect();
    let mut drop = vec![false; names.len()];
    for (index, (_, name, kind)) in names.iter().enumerate() {
        let words: Vec<String> = name.to_lowercase().split(' ').map(str::to_string).collect();
        // `Dees` after `Morris S. Dees Jr.`: the suffix is no part of the surname.
        let shorter_form = persons.iter().any(|(_, person)| {
            let core = without_suffix(person);
            (person.len() > words.len() && person.ends_with(&words))
                || (core.len() > words.len() && core.ends_with(&words))
        });
        // `Omar Mateen` beside `Omar Mir Seddique Mateen`: the middle names left
        // out, when one person alone has them (not `George H.W.` and `George W. Bush`).
        let middle_names_left_out = *kind == 0
            && words.len() == 2
            && persons
                .iter()
                .map(|(_, person)| without_suffix(person))
                .filter(|core| core.len() > 2 && core.first() == words.first())
                .filter(|core| core.last() == words.last())
                .count()
                == 1;
        // `Ukraine Volodymyr Zelenskyy` beside `Volodymyr Zelenskyy`: a
        // description run into the name, not another entity.
        // `Liu` after `Liu Xiaming`: a family name written first, when exactly one
        // person of the article starts with it and none ends with it; a given name
        // the tagger gave another kind too (`Nils` an organisation in a mail's subject).
        let given_name_alone = is_given_name(name) && super::lexicon::known_kind(name).is_none();
        let family_name_first = (*kind == 0 || given_name_alone)
            && words.len() == 1
            && persons
                .iter()
                .filter(|(_, person)| person.first() == words.first())
                .count()
                == 1
            && !persons.iter().any(|(_, person)| person.ends_with(&words));
        let run_into_person = *kind != 0
            && persons.iter().any(|(other, person)| {
                *other != index && words.len() > person.len() && words.ends_with(person)
            });
        let described_person = described.contains(&index);
        drop[index] = shorter_form
            || middle_names_left_out
            || run_into_person
            || family_name_first
            || described_person;
    }
    let mut index = 0;
    names.retain(|_| {
        let keep = !drop[index];
        index += 1;
        keep
    });
}

/// The persons of `names` (indices) whose name opens with what they are
/// before a name another person of `all_persons` has: `Psychologist Simonton`
/// beside `Dean Keith Simonton`, `Economist Paul Krugman` beside `Paul
/// Krugman`, the description capitalised to open a sentence. Such a name
/// folds into the other and is no longer form for the shorter ones to fold into.
fn described_persons(
    names: &[(usize, String, usize)],
    all_persons: &[(usize, Vec<String>)],
) -> Vec<usize> {
    // Whether each person's first word describes: looked at once, not per pair.
    let describing: Vec<bool> = all_persons
        .iter()
        .map(|(index, _)| describes_a_person(names[*index].1.split(' ').next().unwrap_or_default()))
        .collect();
    let plain_persons: Vec<&Vec<String>> = all_persons
        .iter()
        .zip(&describing)
        .filter(|(_, describing)| !**describing)
        .map(|((_, words), _)| words)
        .collect();
    all_persons
        .iter()
        .zip(&describing)
        .filter(|((_, words), describing)| {
            **describing
                && plain_persons
                    .iter()
                    .any(|person| person.first() != words.first() && person.ends_with(&words[1..]))
        })
        .map(|((index, _), _)| *index)
        .collect()
}

/// Whether `word` (a name's first word) says what someone is rather than
/// naming them: a common word of news (`Economist`) or a word made like an
/// occupation (`Psychologist`, `Historian`), and no given name (`Christian`,
/// `Adrian`) or name the lexicon knows. Not a nationality: `German Ortega`
/// is Germán Ortega, no German called Freddy Ortega.
fn describes_a_person(word: &str) -> bool {
    let lower = word.to_lowercase();
    let occupation_shaped = lower.len() >= 6 && (lower.ends_with("ist") || lower.ends_with("ian"));
    let describing =
        occupation_shaped || super::common_words::is_common(super::lexicon::lowercase_hash(word));
    describing && !is_given_name(word) && super::lexicon::known_kind(word).is_none()
}

/// A person's lowercase name words without a generational suffix (`jr.`, `iii`).
fn without_suffix(words: &[String]) -> &[String] {
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() && is_generational_suffix(last) => rest,
        _ => words,
    }
}
