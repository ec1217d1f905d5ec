//! The signature line of an embedded tweet (`— Foreign Policy CAN
//! (@CanadaFP) January 7, 2022`), whose display name is one entity.

use super::model::{tag_kind, tag_of, Position};
use super::tokenize::{Token, TokenKind};

/// Makes the display name of an embedded tweet's signature one entity:
/// in `— Foreign Policy CAN (@CanadaFP) January 7, 2022` the words between
/// the dash and `(@handle)` name the account, an organization unless the
/// tagger saw a person in every word.
pub(super) fn tag_tweet_signature(tokens: &[Token], text: &str, tags: &mut [usize]) {
    let Some(handle) = tokens
        .iter()
        .position(|token| token.kind == TokenKind::Junk && token.text(text).starts_with('@'))
    else {
        return;
    };
    if handle < 3 || tokens[handle - 1].text(text) != "(" {
        return;
    }
    let Some(dash) = tokens[..handle - 1]
        .iter()
        .rposition(|token| matches!(token.text(text), "—" | "–" | "-" | "--"))
    else {
        return;
    };
    let name = dash + 1..handle - 1;
    let capitalized = tokens[name.clone()]
        .first()
        .is_some_and(|token| token.text(text).starts_with(char::is_uppercase));
    if name.is_empty() || name.len() > 6 || !capitalized {
        return;
    }
    let person_tokens = tags[name.clone()]
        .iter()
        .filter(|tag| tag_kind(**tag) == Some(0))
        .count();
    // Accounts of people usually show just the name, all tagged as a person;
    // an acronym in it (`Foreign Policy CAN`) is an organisation's.
    let acronym = tokens[name.clone()].iter().any(|token| {
        let word = token.text(text);
        word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase())
    });
    let kind = if person_tokens == name.len() && !acronym {
        0
    } else {
        1
    };
    let last = name.len() - 1;
    for (offset, tag) in tags[name].iter_mut().enumerate() {
        let position = match (offset == 0, offset == last) {
            (true, true) => Position::Unit,
            (true, false) => Position::Begin,
            (false, true) => Position::Last,
            (false, false) => Position::Inside,
        };
        *tag = tag_of(kind, position);
    }
}
