//! A person's name the tagger cut short in one place and took whole in
//! another: in a Title Case headline `Lupita` alone (an organisation), in the
//! text `Lupita Nyong'o` (a person); in a byline `Francis` (a person) and
//! `Lights`, in the text the band `Francis & the Lights`. Where the text goes
//! on with the rest of a name the article holds, the short mention takes that
//! name and kind.

use std::cmp::Reverse;

use super::tagger::Mention;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const PLACE: usize = 2;

/// Most words of a person's name taken over (longer runs are more often a
/// description run into a name than a name).
const MAX_WORDS: usize = 3;

/// Most words of another kind's name taken over.
const MAX_OTHER_WORDS: usize = 5;

/// Lowercase words inside a name.
const JOINERS: &[&str] = &[
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "von", "van",
];

/// Extends each mention over the rest of a name of the article that
/// the text right after it spells out, and drops the mentions that the longer
/// name then covers.
pub(super) fn extend_to_full_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut full_names: Vec<(&str, usize)> = mentions
        .iter()
        .filter_map(|mention| Some((text.get(mention.start..mention.end)?, mention.kind)))
        .filter(|&(name, kind)| is_full_name(name, kind))
        .collect();
    if full_names.is_empty() {
        return;
    }
    full_names.sort_by_key(|(name, _)| Reverse(name.len()));
    let mut extended = Vec::new();
    for (index, mention) in mentions.iter().enumerate() {
        // `Severomuysky` before `Tunnel`: a place cut short is seldom a person.
        if mention.kind == PLACE {
            continue;
        }
        let (Some(surface), Some(rest)) = (
            text.get(mention.start..mention.end),
            text.get(mention.start..),
        ) else {
            continue;
        };
        let spelled_out = |&(name, _): &(&str, usize)| {
            name.len() > surface.len()
                && name.starts_with(surface)
                && name[surface.len()..].starts_with(' ')
                && rest.starts_with(name)
                && !rest[name.len()..].starts_with(char::is_alphanumeric)
        };
        if let Some((name, kind)) = full_names.iter().copied().find(spelled_out) {
            extended.push((index, mention.start + name.len(), kind));
        }
    }
    for &(index, end, kind) in &extended {
        mentions[index].end = end;
        mentions[index].kind = kind;
    }
    let covered: Vec<usize> = (0..mentions.len())
        .filter(|&index| {
            extended.iter().any(|&(owner, end, _)| {
                let (start, inner) = (mentions[owner].start, &mentions[index]);
                owner != index && inner.start >= start && inner.end <= end
            })
        })
        .collect();
    super::given_names::remove_indices(mentions, &covered);
}

/// Whether a mention's name is one a shorter mention may stand for: a
/// person's name of two or three words, or a longer name of two to five whose
/// lowercase words only join its capitalised ones (`Francis & the Lights`,
/// `Bank of England`).
fn is_full_name(name: &str, kind: usize) -> bool {
    let words = name.split(' ').count();
    if words < 2 {
        return false;
    }
    if kind == PERSON {
        return words <= MAX_WORDS;
    }
    words <= MAX_OTHER_WORDS
        && name
            .split(' ')
            .all(|word| !word.starts_with(char::is_lowercase) || JOINERS.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mention of `kind` over the first `needle` of `text` from byte `from`.
    fn at(text: &str, from: usize, needle: &str, kind: usize) -> Mention {
        let start = from + text[from..].find(needle).expect("in text");
        Mention::new(start, start + needle.len(), kind)
    }

    /// The surfaces and kinds of `mentions` once extended.
    fn extended(text: &str, mut mentions: Vec<Mention>) -> Vec<(&str, usize)> {
        extend_to_full_names(text, &mut mentions);
        mentions
            .iter()
            .map(|mention| (&text[mention.start..mention.end], mention.kind))
            .collect()
    }

    /// Regression (a saved TMZ page): `Lupita` alone in the Title Case
    /// headline was an organisation beside `Lupita Nyong'o` in the text.
    #[test]
    fn a_name_cut_short_takes_the_full_name_the_text_goes_on_with() {
        let text = "Lupita Nyong'o's Pearl Dress\n\nLupita Nyong'o said so. Lupita agreed.";
        let body = text.find("\n\n").expect("body");
        let mentions = vec![
            at(text, 0, "Lupita", 1),
            at(text, 0, "Nyong'o", 0),
            at(text, body, "Lupita Nyong'o", 0),
            at(text, body + 20, "Lupita", 0),
        ];
        // The last `Lupita` is followed by ` agreed`: it stays as it is.
        assert_eq!(
            extended(text, mentions),
            [("Lupita Nyong'o", 0), ("Lupita Nyong'o", 0), ("Lupita", 0)]
        );
    }

    /// Regression (warc layout sample): `Chance The Rapper, Francis & the
    /// Lights` in the byline gave a person `Francis` and an other name
    /// `Lights` beside the band (an organisation) the text names whole.
    #[test]
    fn a_name_of_any_kind_cut_short_takes_the_name_the_text_goes_on_with() {
        let text = "Francis & the Lights played.\n\nDuring Francis & the Lights' opening set.";
        let second = text.find("During").expect("in text");
        let mentions = vec![
            at(text, 0, "Francis", 0),
            at(text, 0, "Lights", 3),
            at(text, second, "Francis & the Lights", 1),
        ];
        assert_eq!(
            extended(text, mentions),
            [("Francis & the Lights", 1), ("Francis & the Lights", 1)]
        );
        // A lowercase word that joins nothing makes a description, not a name.
        assert!(!is_full_name("Minister said Putin", 1));
    }
}
