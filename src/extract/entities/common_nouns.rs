//! Capitalised words the tagger takes for names where the text uses them as
//! something else:
//! - a label before a colon that opens the title (`Meta: too many numerical
//!   libraries …`, `News Guide: …`) and that the body never mentions: a
//!   section or a thread's tag, not what the story is about (with no body, as
//!   in a feed of headlines, the label is all there is, and it stays; a
//!   person's or a place's name there is an author or a topic, and stays);
//! - a one-word name of the title that the body writes as a common word, in
//!   lowercase within a sentence and capitalised nowhere else (`Sort , Complex
//!   array` over `an array of complex eigenvalues`, `Dakar Rally` over `this
//!   rally`);
//! - a word that a determiner opens, as the head of its noun phrase (`no Tdoc
//!   was`, `a Kazakhstani`): people and places are not counted or pointed at
//!   like things, so a name there that general knowledge does not hold is a
//!   thing's or a people's (kind other), not a person's or a place's. Before
//!   a noun it modifies, the determiner is the noun's (`a Calcutta court`,
//!   `this Tdoc number`);
//! - a word opened by one capital and a hyphen (`C-API`, `H-1B`, a party tag
//!   `R-Ky`): a thing's or a tag's, no person's nor place's; a company may
//!   be named so (`T-Mobile`), and keeps its kind.

use super::given_names::full_name_words;
use super::lexicon::known_kind;
use super::spans::{in_list, word_after};
use super::tagger::Mention;

/// Kind indices of the model (see [`Mention::kind`]).
const PERSON: usize = 0;
const PLACE: usize = 2;
const OTHER: usize = 3;

/// Words before a noun that count or point at it (`no`, `every`, `this`);
/// `that` is as often a conjunction (`said that Lyman fell`), and a
/// possessive opens a place or a person in speeches (`our Okhtyrka`, `your
/// Rugova`), so neither is one here.
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "this", "these", "those", "no", "every", "each", "any", "another",
];

/// Determiners a one-word person is not opened by either: a person is no one
/// of a kind (`a Kazakhstani`, `an Achilles' heel`), though a place may be
/// one of its several namesakes.
const PERSON_DETERMINERS: &[&str] = &["a", "an"];

/// Words that may follow the head of a noun phrase, not a noun it modifies
/// (`no Tdoc was given`, `a Kazakhstani who`).
#[rustfmt::skip]
const AFTER_A_HEAD: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "may",
    "might", "must", "should", "and", "or", "of", "in", "on", "at", "to", "for", "with", "from",
    "by", "as", "that", "which", "who", "whose", "said", "says",
];

/// Reply and forward marks before a mail's subject (`Re: Re: Meta: …`).
const REPLY_MARKS: &[&str] = &["re:", "fwd:", "fw:", "aw:", "sv:"];

/// A body shorter than this many words says too little to tell a label from a subject.
const MIN_BODY_WORDS: usize = 20;

/// Drops a title's opening label that the body never mentions (see the module comment).
pub(super) fn drop_title_labels(text: &str, mentions: &mut Vec<Mention>) {
    let title_end = text.find('\n').unwrap_or(text.len());
    let (title, body) = text.split_at(title_end);
    if body.split_whitespace().nth(MIN_BODY_WORDS).is_none() {
        return;
    }
    // A person's name is a column's author or a quote's speaker (`Ann Coulter:
    // And Then …`), a place's what the story is about (`POLAND: Walesa Fires …`).
    let Some(label) = mentions.iter().position(|mention| {
        !matches!(mention.kind, PERSON | PLACE)
            && mention.end < title_end
            && title[mention.end..].starts_with(':')
            && only_reply_marks(&title[..mention.start])
    }) else {
        return;
    };
    let surface = &title[mentions[label].start..mentions[label].end];
    let lower_body = body.to_ascii_lowercase();
    let echoed = surface
        .split_whitespace()
        .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .any(|word| mentions_word(&lower_body, word));
    if !echoed {
        mentions.remove(label);
    }
}

/// Drops the one-word names of the title that the body writes as a common
/// word (`Sort , Complex array` over `an array of complex eigenvalues`): a
/// word the article itself writes in lowercase, and never capitalised but at
/// the start of a sentence, is no name there. An acronym (`US` over `told us`)
/// is left alone: its capitals are its spelling, not the title's.
pub(super) fn drop_title_common_words(text: &str, mentions: &mut Vec<Mention>) {
    let title_end = text.find('\n').unwrap_or(text.len());
    let body = &text[title_end..];
    if body.split_whitespace().nth(MIN_BODY_WORDS).is_none() {
        return;
    }
    mentions.retain(|mention| {
        if mention.end > title_end {
            return true;
        }
        let surface = &text[mention.start..mention.end];
        !(capitalised_word(surface) && written_as_common_word(body, surface))
    });
}

/// Whether `word` is one word of letters, a capital then lowercase (`Complex`).
fn capitalised_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// Whether `body` writes the capitalised `word` in lowercase as a whole word
/// within a sentence, and capitalised only where a sentence or a line starts.
/// A lowercase word opening a sentence says the text lost its case
/// (`venezuela's biggest private company`), not what the word is.
fn written_as_common_word(body: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    let whole = |at: usize, length: usize| {
        let before = body[..at].chars().next_back();
        let after = body[at + length..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let within_a_sentence = |at: usize| {
        !body[..at]
            .trim_end_matches(['"', '“', '‘', '\'', '('])
            .trim_end_matches([' ', '\t'])
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '>' | '-' | '*'))
    };
    let common = body
        .match_indices(lower.as_str())
        .any(|(at, found)| whole(at, found.len()) && within_a_sentence(at));
    common
        && !body
            .match_indices(word)
            .any(|(at, found)| whole(at, found.len()) && within_a_sentence(at))
}

/// Whether `before` holds nothing but reply marks and spaces.
fn only_reply_marks(before: &str) -> bool {
    before
        .split_whitespace()
        .all(|word| in_list(REPLY_MARKS, word))
}

/// Whether `word` occurs as a whole word, in any case of its ASCII letters,
/// in `lower_text` (ASCII-lowercased once by the caller).
fn mentions_word(lower_text: &str, word: &str) -> bool {
    let lower_word = word.to_ascii_lowercase();
    lower_text.match_indices(&lower_word).any(|(at, _)| {
        let before = lower_text[..at].chars().next_back();
        let after = lower_text[at + lower_word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Gives the kind other to the one-word persons and the places that a
/// determiner opens and that general knowledge does not hold,
/// unless the article names a person in full with that word (`the Mueller
/// probe` after `Robert Mueller`).
pub(super) fn settle_determined_names(text: &str, mentions: &mut [Mention]) {
    let full_name_words = full_name_words(text, mentions);
    for mention in mentions.iter_mut() {
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        let lone_person = mention.kind == PERSON && !surface.contains(char::is_whitespace);
        if !(lone_person || mention.kind == PLACE) || mention.hashtag {
            continue;
        }
        let Some(before) = text[..mention.start].strip_suffix(' ') else {
            continue;
        };
        let previous = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or(before);
        let determined = in_list(DETERMINERS, previous)
            || (lone_person && in_list(PERSON_DETERMINERS, previous));
        if determined
            && heads_its_phrase(&text[mention.end..])
            && known_kind(surface).is_none()
            && !full_name_words.contains(&surface)
        {
            mention.kind = OTHER;
        }
    }
}

/// Gives the kind other to the persons and places whose first word is one
/// capital, a hyphen and more (`in your C-API`, `R-Ky`), unless general
/// knowledge holds the name.
pub(super) fn settle_lettered_names(text: &str, mentions: &mut [Mention]) {
    for mention in mentions.iter_mut() {
        if !matches!(mention.kind, PERSON | PLACE) {
            continue;
        }
        let Some(surface) = text.get(mention.start..mention.end) else {
            continue;
        };
        let lettered = matches!(
            surface.as_bytes(),
            [letter, b'-', next, ..] if letter.is_ascii_uppercase() && next.is_ascii_alphanumeric()
        );
        if lettered && known_kind(surface).is_none() {
            mention.kind = OTHER;
        }
    }
}

/// Whether a name followed by `after` heads its noun phrase: punctuation or a
/// word of [`AFTER_A_HEAD`] follows, not a noun it modifies (`a Calcutta
/// court`, `this Tdoc number`) nor the state of a town (`a Lakeland, Fla.,
/// group`).
fn heads_its_phrase(after: &str) -> bool {
    if let Some(rest) = after.strip_prefix(", ") {
        return !rest.starts_with(char::is_uppercase);
    }
    if !after.starts_with(' ') {
        return !after.starts_with(['\'', '’', '-']);
    }
    AFTER_A_HEAD.contains(&word_after(after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::tagger::mentions_at;

    const BODY: &str = "We have Numeric, numarray and SciPy, each with its own array type, and \
        every new package picks one of them; could the three projects agree on one?";

    fn surfaces<'t>(text: &'t str, mentions: &[Mention]) -> Vec<(&'t str, usize)> {
        mentions
            .iter()
            .map(|mention| (&text[mention.start..mention.end], mention.kind))
            .collect()
    }

    /// Regression (a numpy mailing list): the thread `Meta: too many
    /// numerical libraries doing the same thing?` made `Meta` the list's
    /// most frequent organisation, in every reply.
    #[test]
    fn a_title_label_the_body_never_mentions_is_no_name() {
        for title in [
            "Meta: too many numerical libraries",
            "Re: Re: Meta: too many numerical libraries",
        ] {
            let text = format!("{title}\n\n{BODY}");
            let mut mentions = mentions_at(&text, &[("Meta", 1), ("Numeric", 3), ("SciPy", 3)]);
            drop_title_labels(&text, &mut mentions);
            assert_eq!(
                surfaces(&text, &mentions),
                [("Numeric", 3), ("SciPy", 3)],
                "{title}"
            );
        }
    }

    #[test]
    fn a_title_label_the_body_mentions_or_a_bare_headline_stays() {
        let echoed = format!("Bundestag: election called\n\n{BODY} The BUNDESTAG votes in May.");
        let mut mentions =
            mentions_at(&echoed, &[("Bundestag", 1), ("SciPy", 3), ("BUNDESTAG", 1)]);
        drop_title_labels(&echoed, &mut mentions);
        assert_eq!(mentions.len(), 3);
        let headline_only = "Meta: profits fall\n\n";
        let mut mentions = mentions_at(headline_only, &[("Meta", 1)]);
        drop_title_labels(headline_only, &mut mentions);
        assert_eq!(mentions.len(), 1);
        // An author, a topic.
        for title in [
            "Ann Coulter: And Then There Was One",
            "POLAND: Walesa Fires Chairman",
        ] {
            let text = format!("{title}\n\n{BODY}");
            let (name, kind) = if title.starts_with('A') {
                ("Ann Coulter", 0)
            } else {
                ("POLAND", 2)
            };
            let mut mentions = mentions_at(&text, &[(name, kind)]);
            drop_title_labels(&text, &mut mentions);
            assert_eq!(mentions.len(), 1, "{title}");
        }
        // Not a label: the colon is not right after the name, or the name is not first.
        let inside = format!("Talks with Meta: no deal\n\n{BODY}");
        let mut mentions = mentions_at(&inside, &[("Meta", 1)]);
        drop_title_labels(&inside, &mut mentions);
        assert_eq!(mentions.len(), 1);
    }

    /// Regression (a 3GPP mailing list): `this Tdoc number`, `no Tdoc was
    /// mentioned` made the document type a person.
    #[test]
    fn a_name_a_determiner_opens_is_a_thing() {
        let text = "No Tdoc was given for any Foobar, said a Kazakhstani.";
        let mut mentions = mentions_at(text, &[("Tdoc", 0), ("Foobar", 2), ("Kazakhstani", 0)]);
        settle_determined_names(text, &mut mentions);
        assert_eq!(
            surfaces(text, &mentions),
            [("Tdoc", 3), ("Foobar", 3), ("Kazakhstani", 3)]
        );
    }

    /// Regression (a numpy mailing list): `in your C-API` was a place, the
    /// list's fifth most frequent; party tags outside brackets were persons.
    #[test]
    fn a_capital_and_a_hyphen_open_a_thing() {
        let text = "In your C-API, R-Ky said of H-1B visas at T-Mobile in Kyiv.";
        let mut mentions = mentions_at(
            text,
            &[
                ("C-API", 2),
                ("R-Ky", 0),
                ("H-1B", 2),
                ("T-Mobile", 1),
                ("Kyiv", 2),
            ],
        );
        settle_lettered_names(text, &mut mentions);
        assert_eq!(
            surfaces(text, &mentions),
            [
                ("C-API", 3),
                ("R-Ky", 3),
                ("H-1B", 3),
                ("T-Mobile", 1),
                ("Kyiv", 2)
            ]
        );
    }

    #[test]
    fn known_or_fully_named_after_a_determiner_keep_their_kind() {
        let text = "Robert Mueller met this Mueller. In this Paris, any Acme, a Calcutta court, \
            a Lakeland, Fla., group, our Okhtyrka, so that Lyman fell.";
        let spans = [
            ("Robert Mueller", 0),
            ("Mueller", 0),
            ("Paris", 2),
            ("Acme", 1),
            ("Calcutta", 2),
            ("Lakeland", 2),
            ("Okhtyrka", 2),
            ("Lyman", 0),
        ];
        let mut mentions = mentions_at(text, &spans);
        settle_determined_names(text, &mut mentions);
        assert_eq!(surfaces(text, &mentions), spans);
    }

    /// Regression (a numpy mailing list): the thread `Sort , Complex array`
    /// made `Complex` an organisation in every reply, where the body asks how
    /// to sort `an array of complex eigenvalues`.
    #[test]
    fn a_title_word_the_body_writes_in_lowercase_is_no_name() {
        let body = "How can I sort an array of complex eigenvalues with respect to the \
            imaginary part in Numpy? All of them appear in pairs, and I need them in order.";
        let text = format!("Sort , Complex array\n\n{body}");
        let mut mentions = mentions_at(&text, &[("Complex", 1), ("Numpy", 3)]);
        drop_title_common_words(&text, &mut mentions);
        assert_eq!(surfaces(&text, &mentions), [("Numpy", 3)]);
    }

    #[test]
    fn a_title_name_the_body_capitalises_or_an_acronym_stays() {
        // `Apple` capitalised within a sentence; `US` is an acronym; a body
        // that lost its case (`venezuela's` opening it) says nothing.
        let text = "Apple Sues US Firm as Venezuela Waits\n\nvenezuela's debt aside, shares of \
            Apple fell as the apple growers told us their pie was a complex affair, and the \
            firm said nothing more about it on Monday.";
        let spans = [("Apple", 1), ("US", 2), ("Venezuela", 2), ("Apple", 1)];
        let mut mentions = mentions_at(text, &spans);
        drop_title_common_words(text, &mut mentions);
        assert_eq!(surfaces(text, &mentions), spans);
    }
}
