//! Sequence tagging of a whole article: tokens -> features -> Viterbi -> mentions.
//!
//! Owns the glue between [`super::tokenize`], [`super::features`] and
//! [`super::model`] at run time: it builds the article-wide context once,
//! skips the model for lowercase stretches that cannot hold a name, and turns
//! BIO tags back into byte spans of the text.

use super::features::{sentence_case, token_features, DocContext, SentenceCase, TokenInfo};
use super::model::{gazetteer_bits, is_begin, tag_kind, viterbi, Model, NUM_TAGS};
use super::tokenize::{tokenize, Token, TokenKind};

/// One tagged occurrence of a name in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// 0 person, 1 organization, 2 place, 3 other.
    pub kind: usize,
    /// Written as a hashtag (`#NATO`).
    pub hashtag: bool,
}

/// A sentence ready for feature extraction.
pub struct PreparedSentence {
    pub infos: Vec<TokenInfo>,
    pub case: SentenceCase,
}

/// Computes token facts and sentence cases for every sentence of an article,
/// plus the article-wide context built from them.
pub fn prepare<'a, I>(sentences: I) -> (Vec<PreparedSentence>, DocContext)
where
    I: IntoIterator<Item = Vec<(&'a str, bool)>>,
{
    let mut scratch = Vec::new();
    let mut doc = DocContext::default();
    let mut prepared = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for sentence in sentences {
        words.clear();
        words.extend(sentence.iter().map(|(word, _)| *word));
        let case = sentence_case(&words);
        let infos: Vec<TokenInfo> = sentence
            .iter()
            .map(|(word, hashtag)| TokenInfo::new(word, *hashtag, &mut scratch))
            .collect();
        doc.add_sentence(&infos, case == SentenceCase::AllCaps);
        prepared.push(PreparedSentence { infos, case });
    }
    (prepared, doc)
}

/// Whether token `i` and both its neighbours lack capitals and digits, so it
/// is outside any name and the model need not score it.
fn plainly_outside(infos: &[TokenInfo], i: usize) -> bool {
    let lo = i.saturating_sub(1);
    let hi = (i + 2).min(infos.len());
    infos[lo..hi].iter().all(|info| !info.interesting)
}

/// Tags all mentions of `text`.
pub fn tag_text(model: &Model, text: &str) -> Vec<Mention> {
    let sentences: Vec<Vec<Token>> = tokenize(text);
    let words = sentences.iter().map(|sentence| {
        sentence
            .iter()
            .map(|token| (token.text(text), token.kind == TokenKind::Hashtag))
            .collect::<Vec<_>>()
    });
    let (prepared, doc) = prepare(words);
    let mut mentions = Vec::new();
    let mut features = Vec::with_capacity(64);
    let mut emissions: Vec<[f32; NUM_TAGS]> = Vec::new();
    let mut lower_hashes = Vec::new();
    let mut gazetteer = Vec::new();
    let mut forced_outside = [f32::NEG_INFINITY; NUM_TAGS];
    forced_outside[0] = 0.0;
    for (tokens, sentence) in sentences.iter().zip(&prepared) {
        let infos = &sentence.infos;
        if infos.iter().all(|info| !info.interesting) {
            continue;
        }
        lower_hashes.clear();
        lower_hashes.extend(infos.iter().map(|info| info.lower));
        gazetteer_bits(&model.gazetteer, &lower_hashes, &mut gazetteer);
        emissions.clear();
        for (i, token) in tokens.iter().enumerate() {
            if token.kind == TokenKind::Junk || plainly_outside(infos, i) {
                emissions.push(forced_outside);
                continue;
            }
            features.clear();
            token_features(infos, &gazetteer, i, sentence.case, &doc, &mut features);
            emissions.push(model.emission(&features));
        }
        let tags = viterbi(&emissions, &model.transitions);
        collect_mentions(tokens, &tags, &mut mentions);
    }
    mentions
}

/// Turns BIO tags of one sentence into mentions.
fn collect_mentions(tokens: &[Token], tags: &[usize], out: &mut Vec<Mention>) {
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
        });
        i = end;
    }
}
