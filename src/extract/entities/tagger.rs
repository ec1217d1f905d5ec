//! Sequence tagging of a whole article: tokens -> features -> Viterbi -> mentions.
//!
//! Owns the glue between [`super::tokenize`], [`super::features`] and
//! [`super::model`] at run time: it builds the article-wide context once,
//! skips the model for lowercase stretches that cannot hold a name, and turns
//! BILOU tags back into byte spans of the text.

use std::cell::RefCell;
use std::sync::LazyLock;

use super::features::{
    context_features, mix, sentence_case, word_features, DocContext, SentenceCase, TokenInfo,
};
use super::model::{
    gazetteer_bits, is_begin, sequence_hash, tag_kind, viterbi, Gazetteer, Model, NUM_TAGS,
};
use super::tokenize::{tokenize, Token, TokenKind};
use super::truecase::{title_cased_prose, truecased_infos};
use super::tweet_signature::tag_tweet_signature;

/// One tagged occurrence of a name in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// 0 person, 1 organization, 2 place, 3 other.
    pub kind: usize,
    /// Written as a hashtag (`#NATO`).
    pub hashtag: bool,
    /// Found in a sentence written in capitals (a headline).
    pub shouted: bool,
    /// One sentence-initial word that the article otherwise writes in
    /// lowercase and never capitalizes mid-sentence (`Spring`, `Hence`).
    pub common_word: bool,
}

impl Mention {
    /// A mention of `kind` over `start..end` with no flag set, as the passes
    /// after the tagger add them.
    pub(super) fn new(start: usize, end: usize, kind: usize) -> Mention {
        Mention {
            start,
            end,
            kind,
            hashtag: false,
            shouted: false,
            common_word: false,
        }
    }
}

/// Whether some mention of `mentions` (sorted by start, none inside another)
/// overlaps `start..end`: only the last mention starting before `end` can.
pub(super) fn covers(mentions: &[Mention], start: usize, end: usize) -> bool {
    let before_end = mentions.partition_point(|mention| mention.start < end);
    before_end > 0 && mentions[before_end - 1].end > start
}

/// A sentence ready for feature extraction.
pub struct PreparedSentence {
    pub infos: Vec<TokenInfo>,
    pub case: SentenceCase,
    /// Written in capitals (its `case` stays so unless [`truecase_shouted`]
    /// rewrote it): the passes after tagging read a headline's names apart.
    pub shouted: bool,
}

/// Computes token facts and sentence cases for every sentence of an article,
/// plus the article-wide context built from them. Each sentence is a sequence
/// of `(word, is_hashtag)`.
pub fn prepare<'a, I, S>(sentences: I) -> (Vec<PreparedSentence>, DocContext)
where
    I: IntoIterator<Item = S>,
    S: IntoIterator<Item = (&'a str, bool)>,
{
    let mut scratch = Vec::new();
    let mut doc = DocContext::default();
    let mut prepared = Vec::new();
    for sentence in sentences {
        let mut after_opening = false;
        let infos: Vec<TokenInfo> = sentence
            .into_iter()
            .map(|(word, hashtag)| {
                let mut info = TokenInfo::new(word, hashtag, &mut scratch);
                info.after_opening = after_opening;
                after_opening = matches!(word, ":" | "-" | "--" | "–" | "—");
                info
            })
            .collect();
        let case = sentence_case(&infos);
        doc.add_sentence(&infos, case);
        prepared.push(PreparedSentence {
            infos,
            case,
            shouted: case == SentenceCase::AllCaps,
        });
    }
    (prepared, doc)
}

/// Whether token `i` is plainly outside any name, so the model need not
/// score it: a capitalized word is always scored, a number only beside a
/// capitalized word (`Beograd 96`), and any other token only between
/// capitalized words within two tokens on each side (`Bank of the Ozarks`).
fn plainly_outside(infos: &[TokenInfo], i: usize) -> bool {
    let token = &infos[i];
    if token.has_capital {
        return false;
    }
    let capital_at = |position: usize| infos.get(position).is_some_and(|info| info.has_capital);
    if token.interesting {
        let beside = (i > 0 && capital_at(i - 1)) || capital_at(i + 1);
        return !beside;
    }
    let before = infos[i.saturating_sub(2)..i]
        .iter()
        .any(|info| info.has_capital);
    let after = capital_at(i + 1) || capital_at(i + 2);
    !(before && after)
}

/// Slots of the per-thread cache of word-feature scores (a power of two).
const WORD_CACHE_SLOTS: usize = 1 << 12;

/// A direct-mapped cache: slot `key % WORD_CACHE_SLOTS` holds the last token seen there.
type WordCache = Vec<(u64, [i32; NUM_TAGS])>;

thread_local! {
    /// Scores of [`word_features`], keyed by the token's cased hash, hashtag
    /// flag, sentence-initial flag and sentence case.
    static WORD_SCORES: RefCell<WordCache> = const { RefCell::new(Vec::new()) };
}

/// The model's scores for the token-only features of `token`, cached.
fn word_scores(
    model: &Model,
    token: &TokenInfo,
    (initial, case): (bool, SentenceCase),
    cache: &mut WordCache,
    features: &mut Vec<u64>,
) -> [i32; NUM_TAGS] {
    let flags = u64::from(token.hashtag) | u64::from(initial) << 1 | (case as u64) << 2;
    // Key 0 marks an empty slot, so a real key is never 0.
    let key = mix(token.cased, flags) | 1;
    if cache.is_empty() {
        cache.resize(WORD_CACHE_SLOTS, (0, [0; NUM_TAGS]));
    }
    let slot = (key >> 40) as usize % WORD_CACHE_SLOTS;
    if cache[slot].0 == key {
        return cache[slot].1;
    }
    features.clear();
    word_features(token, initial, case, features);
    let scores = model.raw_emission(features);
    cache[slot] = (key, scores);
    scores
}

/// Tags all mentions of `text`.
pub fn tag_text(model: &Model, text: &str) -> Vec<Mention> {
    let sentences: Vec<Vec<Token>> = tokenize(text);
    let words = sentences.iter().map(|sentence| {
        sentence
            .iter()
            .map(|token| (token.text(text), token.kind == TokenKind::Hashtag))
    });
    let (mut prepared, doc) = prepare(words);
    truecase_shouted(text, &sentences, &mut prepared, &doc, &model.gazetteer);
    WORD_SCORES.with(|cell| match cell.try_borrow_mut() {
        Ok(mut cache) => tag_prepared(model, text, &sentences, &prepared, &doc, &mut cache),
        Err(_) => tag_prepared(model, text, &sentences, &prepared, &doc, &mut Vec::new()),
    })
}

/// Fewest sentences of Title Case prose that make an article written in Title Case.
const MIN_TITLE_CASED_SENTENCES: usize = 3;

/// Tags an article written mostly in capitals or in Title Case as if in
/// ordinary case ([`truecased_infos`]); each sentence in capitals stays marked
/// `shouted` for the passes after tagging. A headline over a body in ordinary
/// case is what the training's news looks like, and is tagged as written.
fn truecase_shouted(
    text: &str,
    sentences: &[Vec<Token>],
    prepared: &mut [PreparedSentence],
    doc: &DocContext,
    gazetteer: &Gazetteer,
) {
    if prepared
        .iter()
        .all(|sentence| sentence.case == SentenceCase::Normal)
    {
        return;
    }
    // Title Case is read as running text in an article written so, which says
    // which of its words news writes in lowercase; a lone Title Case headline
    // (a feed's item) or a list of names (see `title_cased_prose`) is read as
    // written, as the training's headlines were.
    let prose: Vec<bool> = sentences
        .iter()
        .zip(prepared.iter())
        .map(|(tokens, sentence)| {
            sentence.case == SentenceCase::TitleCase
                && title_cased_prose(text, tokens, &sentence.infos)
        })
        .collect();
    let title_cased_article =
        prose.iter().filter(|prose| **prose).count() >= MIN_TITLE_CASED_SENTENCES;
    let recased: Vec<bool> = prepared
        .iter()
        .zip(&prose)
        .map(|(sentence, prose)| match sentence.case {
            SentenceCase::Normal => false,
            SentenceCase::AllCaps => true,
            SentenceCase::TitleCase => *prose && title_cased_article,
        })
        .collect();
    let headlines = recased.iter().filter(|recased| **recased).count();
    let with_letters = prepared
        .iter()
        .filter(|sentence| {
            sentence
                .infos
                .iter()
                .any(|info| info.capitalized || info.lowercase)
        })
        .count();
    if headlines == 0 || headlines * 2 <= with_letters {
        return;
    }
    let to_recase = sentences.iter().zip(prepared.iter_mut()).zip(recased);
    for ((tokens, sentence), _) in to_recase.filter(|(_, recased)| *recased) {
        let title_case = sentence.case == SentenceCase::TitleCase;
        truecased_infos(
            text,
            tokens,
            &mut sentence.infos,
            doc,
            gazetteer,
            title_case,
        );
        sentence.case = SentenceCase::Normal;
    }
}

/// Tags the prepared sentences of `text` (see [`tag_text`]).
fn tag_prepared(
    model: &Model,
    text: &str,
    sentences: &[Vec<Token>],
    prepared: &[PreparedSentence],
    doc: &DocContext,
    cache: &mut WordCache,
) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut features = Vec::with_capacity(64);
    let mut emissions: Vec<[f32; NUM_TAGS]> = Vec::new();
    let mut gazetteer = Vec::new();
    let mut forced_outside = [f32::NEG_INFINITY; NUM_TAGS];
    forced_outside[0] = 0.0;
    for (tokens, sentence) in sentences.iter().zip(prepared) {
        let infos = &sentence.infos;
        if infos.iter().all(|info| !info.has_capital) {
            continue;
        }
        gazetteer_bits(&model.gazetteer, infos, &mut gazetteer);
        emissions.clear();
        for (i, token) in tokens.iter().enumerate() {
            if token.kind == TokenKind::Junk || plainly_outside(infos, i) {
                emissions.push(forced_outside);
                continue;
            }
            let position = (i == 0, sentence.case);
            let mut scores = word_scores(model, &infos[i], position, cache, &mut features);
            features.clear();
            context_features(infos, &gazetteer, (i, sentence.case), doc, &mut features);
            for (total, part) in scores.iter_mut().zip(model.raw_emission(&features)) {
                *total += part;
            }
            emissions.push(scores.map(|total| total as f32 * model.scale));
        }
        let mut tags = decode_between_outside_runs(&emissions, &model.transitions);
        tag_tweet_signature(tokens, text, &mut tags);
        let sentence_facts = SentenceFacts {
            text,
            infos,
            doc,
            gazetteer: &model.gazetteer,
            shouted: sentence.shouted,
            title_case: sentence.case == SentenceCase::TitleCase,
        };
        collect_mentions(tokens, &tags, &sentence_facts, &mut mentions);
    }
    mentions
}

/// Viterbi over each stretch of scored tokens separately: a token forced to
/// `O` splits the sentence exactly, since every path passes through `O` there.
/// Most of a sentence is forced, so this skips most of the decoding work.
fn decode_between_outside_runs(
    emissions: &[[f32; NUM_TAGS]],
    transitions: &[[f32; NUM_TAGS]; NUM_TAGS + 1],
) -> Vec<usize> {
    let forced = |scores: &[f32; NUM_TAGS]| scores[1..].iter().all(|s| *s == f32::NEG_INFINITY);
    let mut tags = vec![0; emissions.len()];
    let mut start = 0;
    while start < emissions.len() {
        if forced(&emissions[start]) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < emissions.len() && !forced(&emissions[end]) {
            end += 1;
        }
        // Pad with the forced `O` neighbours so transitions into and out of
        // the stretch count; the sentence start keeps its own start row.
        let lo = start.saturating_sub(1);
        let hi = (end + 1).min(emissions.len());
        let stretch = viterbi(&emissions[lo..hi], transitions);
        tags[lo..hi].copy_from_slice(&stretch);
        start = end;
    }
    tags
}

/// What [`collect_mentions`] needs to know about a sentence besides its tags.
struct SentenceFacts<'a> {
    text: &'a str,
    infos: &'a [TokenInfo],
    doc: &'a DocContext,
    gazetteer: &'a Gazetteer,
    shouted: bool,
    title_case: bool,
}

/// Whether the one-token mention at `i` is a common word, capitalized only
/// where a clause opens or in a headline: one opening a sentence or following
/// a colon or a dateline's dash, or any in a headline in capitals or in title
/// case (`APPROVES STOCK SPLIT` over `approved a three-for-two stock split`,
/// `Vladimir Putin: Go ahead`, `Weak China Export Data`). Common is what the
/// article writes in lowercase, or else what news does
/// ([`super::common_words`]) unless the tagger's training named it (not a
/// verb's `-ing` form, see [`opening_gerund`]) or it heads a list of names or
/// a dateline (`HAVEN, Wis. --`); either way the article never capitalizes it
/// inside a clause.
fn is_common_word(facts: &SentenceFacts, tags: &[usize], i: usize, word: &str) -> bool {
    let info = &facts.infos[i];
    let sentence_initial = facts.infos[..i]
        .iter()
        .all(|before| !before.capitalized && !before.lowercase);
    let opens = sentence_initial || info.after_opening;
    if !(opens || facts.shouted || facts.title_case)
        || facts.doc.capitalized_inside.contains(&info.lower)
    {
        return false;
    }
    let common_in_news = || {
        let trained_name = facts.gazetteer.contains_key(&sequence_hash(&[info.lower]))
            && !opening_gerund(facts, word, i);
        let placed_as_name =
            in_list_of_names(facts, tags, i) || (sentence_initial && heads_a_dateline(facts, i));
        super::common_words::is_common(info.lower) && !trained_name && !placed_as_name
    };
    facts.doc.seen_lowercase.contains(&info.lower) || common_in_news()
}

/// Whether `word` at `i` (opening a clause) reads as a verb's `-ing` form
/// before the words it governs (`SYDNEY - Building products maker`,
/// `Following talks`), however often the training named it (`Reading`, a
/// club and a town): a lowercase word follows and general knowledge does not
/// know it as a name (`Beijing said`).
fn opening_gerund(facts: &SentenceFacts, word: &str, i: usize) -> bool {
    let lowercase_after = facts.infos.get(i + 1).is_some_and(|next| next.lowercase);
    let gerund = word.len() > 5 && word.ends_with("ing");
    gerund && lowercase_after && super::lexicon::known_kind(word).is_none()
}

/// Whether the token at `at` is a comma.
fn comma_at(facts: &SentenceFacts, at: usize) -> bool {
    static COMMA: LazyLock<u64> =
        LazyLock::new(|| TokenInfo::new(",", false, &mut Vec::new()).lower);
    facts.infos.get(at).is_some_and(|info| info.lower == *COMMA)
}

/// Whether the word at `i`, in capitals, is a dateline's town before its
/// state or country (`HAVEN, Wis. --`), not a subhead (`HOUSING, EUROPE ARE`).
fn heads_a_dateline(facts: &SentenceFacts, i: usize) -> bool {
    let info = &facts.infos[i];
    let in_capitals = info.inner_upper > 0 && info.inner_lower == 0;
    let region_after = facts
        .infos
        .get(i + 2)
        .is_some_and(|region| region.capitalized && region.inner_lower > 0);
    in_capitals && comma_at(facts, i + 1) && region_after
}

/// Whether the one-token mention at `i` heads a list of names: a comma, a
/// one-token mention, a comma (`Given, Breen, Staunton`).
fn in_list_of_names(facts: &SentenceFacts, tags: &[usize], i: usize) -> bool {
    let one_token_mention = tags.get(i + 2).is_some_and(|tag| tag_kind(*tag).is_some())
        && tags.get(i + 3).is_some_and(|tag| tag_kind(*tag).is_none());
    comma_at(facts, i + 1) && one_token_mention && comma_at(facts, i + 3)
}

/// Turns BILOU tags of one sentence into mentions.
fn collect_mentions(
    tokens: &[Token],
    tags: &[usize],
    facts: &SentenceFacts,
    out: &mut Vec<Mention>,
) {
    let mut i = 0;
    while i < tags.len() {
        let Some(kind) = tag_kind(tags[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < tags.len() && !is_begin(tags[end]) && tag_kind(tags[end]) == Some(kind) {
            end += 1;
        }
        out.push(Mention {
            start: tokens[i].start,
            end: tokens[end - 1].end,
            kind,
            hashtag: tokens[i].kind == TokenKind::Hashtag,
            shouted: facts.shouted,
            common_word: end == i + 1 && is_common_word(facts, tags, i, tokens[i].text(facts.text)),
        });
        i = end;
    }
}

/// Mentions of the `(needle, kind)` spans of `text` for the repair tests,
/// each needle looked for after the one before (anywhere, if not there).
#[cfg(test)]
pub(super) fn mentions_at(text: &str, spans: &[(&str, usize)]) -> Vec<Mention> {
    let mut from = 0;
    spans
        .iter()
        .map(|(needle, kind)| {
            let after = text[from..].find(needle).map(|at| from + at);
            let start = after.or_else(|| text.find(needle)).unwrap_or(0);
            from = start + needle.len();
            Mention::new(start, start + needle.len(), *kind)
        })
        .collect()
}
