//! Named entities: people, organisations, places and other names (events,
//! nationalities, products), one canonical name per entity per article.
//!
//! An averaged-perceptron sequence tagger (BILOU tags, hashed features, Viterbi)
//! trained on CoNLL-2003 `train` by `examples/train_ner.rs`; its weights are
//! compiled in from `models/ner.bin`, so nothing is read at run time.
//!
//! - [`tokenize`]: text -> sentences of tokens (CoNLL-style, plus web debris),
//!   with its character rules in `chunk_rules`
//! - [`features`]: hashed feature templates shared by training and tagging
//! - [`model`]: weight table, gazetteer, Viterbi and the model file format
//! - [`tagger`]: article -> mentions (byte spans with a kind)
//! - `lexicon`: names whose kind general knowledge settles (countries, cities,
//!   companies), added to the gazetteer and overruling a contradicted kind
//! - `repair`: initials, suffixes, glued titles and head words fixed in the mentions
//! - `headline_names`: a headline's name run into common words (`Reagan Leaves`) cut
//!   where the article's own name ends
//! - `listed_titles`: whole lines of a list of titles (a set list) taken for names, dropped
//! - `common_nouns`: a title's label the body never mentions dropped, a name a determiner
//!   opens (`no Tdoc was`) or a capital and a hyphen open (`C-API`) a thing's
//! - `office_holders`: a holder's name split from the office or place before it
//! - `spans`: joined places split, offices cut off names, long organisation
//!   names taken whole (`long_names`) or found by their head word (`org_chunks`)
//! - `given_names`: a given name the tagger left out joined to the surname after it
//! - `full_names`: a name cut short where the text goes on with a longer name of the article
//! - `lone_names`: one-word "persons" with no sign of a person re-kinded by their context
//! - `language`: text that is not English keeps only the names the lexicon knows
//! - `known_mentions`: names of the lexicon the tagger left untagged (`on Twitter Tuesday`)
//! - `place_heads`: names ending in a place's head (`Huntington Beach`, `Orange County`)
//!   and towns before a state's abbreviation (`Gilroy, Calif.`) as places
//! - `teams`: towns, states and schools playing as teams (`Minnesota beat Buffalo`) as organisations
//! - `famous_people`: surnames of heads of state and government (`Trump`, `Putin`) as persons
//! - `other_names`: peoples, products, quoted titles, fields of study and descriptions
//!   written like names, kind other
//! - [`canonical`]: mentions -> cleaned, voted, merged [`Entity`] list, the
//!   shorter forms of a person's name folded into the longest (`person_names`),
//!   each shown by its preferred surface (`recase`)
//! - [`train`]: the training loop (used by the example, not at run time)

pub mod canonical;
mod case_copies;
mod chunk_rules;
mod common_nouns;
mod common_words;
mod famous_people;
pub mod features;
mod full_names;
mod given_names;
mod headline_names;
mod known_mentions;
mod language;
mod lexicon;
mod lines;
mod listed_titles;
mod lone_names;
mod long_names;
pub mod model;
mod office_holders;
mod org_chunks;
mod org_joins;
mod other_names;
mod person_names;
mod place_heads;
mod possessive_names;
mod recase;
mod repair;
mod spans;
pub mod tagger;
mod teams;
pub mod tokenize;
pub mod train;
mod truecase;
mod tweet_signature;

#[cfg(test)]
mod kinds_tests;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use crate::article::{Entity, EntityKind};

use model::Model;

/// The trained weights, compiled into the binary.
static MODEL_BYTES: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner.bin"));

/// The model, decoded once on first use, its gazetteer grown by the names of
/// [`lexicon`] (the training data is 1996 news); `None` if the compiled-in file
/// is empty or damaged.
fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| load_model(MODEL_BYTES)).as_ref()
}

/// A model from its file's bytes with the gazetteer grown by [`lexicon`], as
/// extraction uses it; `None` if the bytes are empty or damaged. Public so that
/// a freshly trained model can be scored before it is compiled in
/// (`examples/tag_entities.rs`).
pub fn load_model(bytes: &[u8]) -> Option<Model> {
    let mut model = Model::from_bytes(bytes)?;
    lexicon::add_to_gazetteer(&mut model.gazetteer);
    Some(model)
}

/// All named entities of an article's text (title, blank line, body), one
/// canonical name per entity, in order of first mention.
pub fn extract_entities(text: &str) -> Vec<Entity> {
    extract_entities_in(text, looks_english(text))
}

/// [`extract_entities`] where the caller has already judged whether the text
/// reads as English ([`looks_english`]), as the quotes' speakers need it too.
pub fn extract_entities_in(text: &str, english: bool) -> Vec<Entity> {
    let Some(model) = model() else {
        return Vec::new();
    };
    extract_entities_with(model, text, english)
}

/// [`extract_entities_in`] with a given model.
pub fn extract_entities_with(model: &Model, text: &str, english: bool) -> Vec<Entity> {
    let mut mentions = tagger::tag_text(model, text);
    spans::repair_spans(text, &mut mentions);
    repair::repair_mentions(text, &mut mentions);
    headline_names::trim_headline_names(text, &mut mentions);
    listed_titles::drop_listed_titles(text, &mut mentions);
    common_nouns::drop_title_labels(text, &mut mentions);
    common_nouns::drop_title_common_words(text, &mut mentions);
    given_names::split_role_abbreviations(text, &mut mentions);
    given_names::join_given_names(text, &mut mentions);
    given_names::join_surnames_named_alone(text, &mut mentions);
    given_names::join_name_particles(text, &mut mentions);
    full_names::extend_to_full_names(text, &mut mentions);
    given_names::add_untagged_full_names(text, &mut mentions);
    given_names::settle_given_name_pairs(text, &mut mentions);
    lone_names::settle_lone_persons(text, &mut mentions);
    lone_names::settle_described_names(text, &mut mentions);
    lone_names::settle_listed_full_names(text, &mut mentions);
    common_nouns::settle_determined_names(text, &mut mentions);
    common_nouns::settle_lettered_names(text, &mut mentions);
    known_mentions::add_known_names(text, &mut mentions);
    place_heads::settle_place_heads(text, &mut mentions);
    place_heads::settle_party_tags(text, &mut mentions);
    place_heads::settle_towns_of_states(text, &mut mentions);
    teams::settle_teams(text, &mut mentions);
    famous_people::settle_famous_people(text, &mut mentions);
    if !english {
        keep_known_names(text, &mut mentions);
    }
    canonical::entities_from_mentions(text, &mentions)
}

/// Whether `text` reads as English (or is too short to tell): the tagger and
/// the attribution rules know English only.
pub fn looks_english(text: &str) -> bool {
    language::looks_english(text)
}

/// Whether general knowledge (the lexicon of `known_names.txt`) knows `name`
/// (`Associated Press`, `United States`).
pub fn is_known_name(name: &str) -> bool {
    lexicon::known_kind(name).is_some()
}

/// The kind general knowledge gives `name`, if any: the lexicon's
/// (`Philadelphia` a place, `Reuters` an organisation), or a person for a
/// surname news names alone (`Trump`). What a corpus report goes by when its
/// articles are split evenly over a name's kinds.
pub fn general_kind(name: &str) -> Option<EntityKind> {
    if famous_people::is_famous_surname(name) {
        return Some(EntityKind::Person);
    }
    lexicon::known_kind(name).map(canonical::entity_kind)
}

/// Whether `word` is a given name of the list (`Carl`, `Alexandria`): the
/// first word of a person's full name.
pub fn is_given_name(word: &str) -> bool {
    given_names::is_given_name(word)
}

/// Whether `word` is a common lowercase word of news (`Further`, `Below`,
/// `Officials`), by the list the tagger drops such words with.
pub fn is_common_word(word: &str) -> bool {
    let lower = features::TokenInfo::new(word, false, &mut Vec::new()).lower;
    common_words::is_common(lower)
}

/// Whether general knowledge knows `name` as a place (`Brisbane`, `Damascus`).
pub fn is_known_place(name: &str) -> bool {
    lexicon::is_known_place(name)
}

/// Keeps only the mentions whose name the lexicon knows, with its kind: the
/// tagger's other guesses in a text that is not English are mostly capitalized
/// nouns (see `language`).
fn keep_known_names(text: &str, mentions: &mut Vec<tagger::Mention>) {
    mentions.retain_mut(|mention| {
        let known = text
            .get(mention.start..mention.end)
            .and_then(lexicon::known_kind);
        if let Some(kind) = known {
            mention.kind = kind;
        }
        known.is_some()
    });
}
