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
    let mut full_names: Vec<(&str, usize)> = mentions
        .iter()
        .filter_map(|mention| Some((text.get(mention.start..mention.end)?, mention.kind)))
        .filter(|(surface, kind)| *kind == PERSON && surface.split(' ').count() <= MAX_WORDS)
        .filter(|(surface, _)| surface.contains(' '))
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
        let spelled_out = |name: &&(&str, usize)| {
            name.0.len() > surface.len()
                && name.0.starts_with(surface)
                && name.0[surface.len()..].starts_with(' ')
                && rest.starts_with(name.0)
                && !rest[name.0.len()..].starts_with(char::is_alphanumeric)
        };
        if let Some((name, kind)) = full_names.iter().find(spelled_out) {
            extended.push((index, mention.start + name.len(), *kind));
        }
    }
    if extended.is_empty() {
        return;
    }
    for (index, end, kind) in &extended {
        mentions[*index].end = *end;
        mentions[*index].kind = *kind;
    }
    let spans: Vec<(usize, usize, usize)> = extended
        .iter()
        .map(|(index, _, _)| (*index, mentions[*index].start, mentions[*index].end))
        .collect();
    let mut index = 0;
    mentions.retain(|mention| {
        let covered = spans.iter().any(|(owner, start, end)| {
            *owner != index && mention.start >= *start && mention.end <= *end
        });
        index += 1;
        !covered
    });
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
