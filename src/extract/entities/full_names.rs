//! A person's name the tagger cut short in one place and took whole in
//! another: in a Title Case headline `Lupita` alone (an organisation), in the
//! text `Lupita Nyong'o` (a person). Where the text goes on with the rest of a
//! person's name the article holds, the short mention takes that name and kind.

use std::cmp::Reverse;

use super::tagger::Mention;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const PLACE: usize = 2;

/// Most words of a person's name taken over (longer runs are more often a
/// description run into a name than a name).
const MAX_WORDS: usize = 3;

/// Extends each mention over the rest of a person's name of the article that
/// the text right after it spells out, and drops the mentions that the longer
/// name then covers.
pub(super) fn extend_to_full_names(text: &str, mentions: &mut Vec<Mention>) {
    let mut full_names: Vec<&str> = mentions
        .iter()
        .filter(|mention| mention.kind == PERSON)
        .filter_map(|mention| text.get(mention.start..mention.end))
        .filter(|name| name.contains(' ') && name.split(' ').count() <= MAX_WORDS)
        .collect();
    if full_names.is_empty() {
        return;
    }
    full_names.sort_by_key(|name| Reverse(name.len()));
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
        let spelled_out = |name: &&str| {
            name.len() > surface.len()
                && name.starts_with(surface)
                && name[surface.len()..].starts_with(' ')
                && rest.starts_with(name)
                && !rest[name.len()..].starts_with(char::is_alphanumeric)
        };
        if let Some(name) = full_names.iter().copied().find(spelled_out) {
            extended.push((index, mention.start + name.len()));
        }
    }
    for &(index, end) in &extended {
        mentions[index].end = end;
        mentions[index].kind = PERSON;
    }
    let covered: Vec<usize> = (0..mentions.len())
        .filter(|&index| {
            extended.iter().any(|&(owner, end)| {
                let (start, inner) = (mentions[owner].start, &mentions[index]);
                owner != index && inner.start >= start && inner.end <= end
            })
        })
        .collect();
    super::given_names::remove_indices(mentions, &covered);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (a saved TMZ page): `Lupita` alone in the Title Case
    /// headline was an organisation beside `Lupita Nyong'o` in the text.
    #[test]
    fn a_name_cut_short_takes_the_full_name_the_text_goes_on_with() {
        let text = "Lupita Nyong'o's Pearl Dress\n\nLupita Nyong'o said so. Lupita agreed.";
        let at = |from: usize, needle: &str, kind: usize| {
            let start = from + text[from..].find(needle).expect("in text");
            Mention::new(start, start + needle.len(), kind)
        };
        let body = text.find("\n\n").expect("body");
        let mut mentions = vec![
            at(0, "Lupita", 1),
            at(0, "Nyong'o", 0),
            at(body, "Lupita Nyong'o", 0),
            at(body + 20, "Lupita", 0),
        ];
        extend_to_full_names(text, &mut mentions);
        let found: Vec<(&str, usize)> = mentions
            .iter()
            .map(|mention| (&text[mention.start..mention.end], mention.kind))
            .collect();
        // The last `Lupita` is followed by ` agreed`: it stays as it is.
        assert_eq!(
            found,
            [("Lupita Nyong'o", 0), ("Lupita Nyong'o", 0), ("Lupita", 0)]
        );
    }
}
