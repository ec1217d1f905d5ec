//! Training of the entity tagger: an averaged structured perceptron over the
//! hashed features of [`super::features`], decoded with Viterbi.
//!
//! Owns reading CoNLL-2003 files, the gazetteer built from training names
//! (cross-fold while training, so the model does not learn to trust it
//! blindly), the training loop with a fixed seed and epoch count, and the
//! pruning and `i16` quantisation that keep `models/ner.bin` small.
//! Used by `examples/train_ner.rs`; nothing here runs at extraction time.

use super::case_copies::case_copies;
use super::features::{context_features, word_features, GazetteerBits};
use super::model::{
    gazetteer_bits, is_begin, sequence_hash, tag_kind, tag_of, viterbi, Gazetteer, Model, Position,
    NUM_TAGS, TAG_NAMES,
};
use super::tagger::{prepare, PreparedSentence};

/// One training sentence: words and their BILOU tag indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingSentence {
    pub words: Vec<String>,
    pub tags: Vec<usize>,
}

/// Reads CoNLL-2003 text (`WORD POS CHUNK TAG` lines) into documents of sentences.
pub fn parse_conll(text: &str) -> Vec<Vec<TrainingSentence>> {
    let mut docs: Vec<Vec<TrainingSentence>> = vec![Vec::new()];
    let mut current = TrainingSentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !current.words.is_empty() {
                let sentence = std::mem::replace(
                    &mut current,
                    TrainingSentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                );
                if let Some(doc) = docs.last_mut() {
                    doc.push(sentence);
                }
            }
            if line.starts_with("-DOCSTART-") {
                docs.push(Vec::new());
            }
            continue;
        }
        let mut fields = line.split(' ');
        let word = fields.next().unwrap_or("");
        let tag_name = fields.next_back().unwrap_or("O");
        let tag = TAG_NAMES
            .iter()
            .position(|name| *name == tag_name)
            .unwrap_or(0);
        current.words.push(word.to_string());
        current.tags.push(tag);
    }
    if !current.words.is_empty() {
        if let Some(doc) = docs.last_mut() {
            doc.push(current);
        }
    }
    docs.retain(|doc| !doc.is_empty());
    for sentence in docs.iter_mut().flatten() {
        bio_to_bilou(&mut sentence.tags);
    }
    docs
}

/// Rewrites CoNLL's `B-`/`I-` tags (read as [`Position::Begin`] and
/// [`Position::Inside`]) as BILOU: single words become `U-`, last words `L-`.
fn bio_to_bilou(tags: &mut [usize]) {
    let original = tags.to_vec();
    for (i, tag) in tags.iter_mut().enumerate() {
        let Some(kind) = tag_kind(original[i]) else {
            continue;
        };
        let continues = |j: usize| original[j] == tag_of(kind, Position::Inside);
        let starts = i == 0 || !continues(i) || tag_kind(original[i - 1]) != Some(kind);
        let ends = i + 1 == original.len() || !continues(i + 1);
        let position = match (starts, ends) {
            (true, true) => Position::Unit,
            (true, false) => Position::Begin,
            (false, true) => Position::Last,
            (false, false) => Position::Inside,
        };
        *tag = tag_of(kind, position);
    }
}

/// Names absent from (or spelled differently in) the 1996 training data that
/// modern news uses constantly, added to the shipped gazetteer only:
/// `(name, kind)` with kind 0 person, 1 organization, 2 place, 3 other.
#[rustfmt::skip]
const MODERN_NAMES: &[(&str, usize)] = &[
    ("Kyiv", 2), ("Kharkiv", 2), ("Odesa", 2), ("Lviv", 2), ("Dnipro", 2),
    ("Donetsk", 2), ("Luhansk", 2), ("Mariupol", 2), ("Kherson", 2), ("Zaporizhzhia", 2),
    ("Mykolaiv", 2), ("Bakhmut", 2), ("Avdiivka", 2), ("Bucha", 2), ("Irpin", 2), ("Chernihiv", 2),
    ("Sumy", 2), ("Donbas", 2), ("Crimea", 2), ("Belarus", 2), ("Minsk", 2), ("Moscow", 2),
    ("Kremlin", 1), ("Ukraine", 2), ("Russia", 2), ("Canada", 2), ("Ottawa", 2), ("Washington", 2),
    ("Brussels", 2), ("Beijing", 2), ("Taiwan", 2), ("Syria", 2), ("Moldova", 2), ("Georgia", 2),
    ("Kazakhstan", 2), ("NATO", 1), ("Nato", 1), ("EU", 1), ("European Union", 1), ("OSCE", 1),
    ("UN", 1), ("United Nations", 1), ("Pentagon", 1), ("White House", 1), ("Wagner", 1),
    ("Gazprom", 1), ("Rosneft", 1), ("IMF", 1), ("World Bank", 1), ("G7", 1), ("G20", 1),
    ("Twitter", 1), ("Facebook", 1), ("Google", 1), ("Amazon", 1), ("Apple", 1), ("Microsoft", 1),
    ("Telegram", 1), ("Verkhovna Rada", 1), ("Duma", 1), ("State Duma", 1), ("TASS", 1),
    ("Interfax", 1), ("Ukrinform", 1), ("CNN", 1), ("BBC", 1), ("Reuters", 1), ("Zelenskyy", 0),
    ("Zelensky", 0), ("Putin", 0), ("Lavrov", 0), ("Blinken", 0), ("Biden", 0), ("Scholz", 0),
    ("Macron", 0), ("Stoltenberg", 0), ("Kuleba", 0), ("Peskov", 0), ("Shoigu", 0),
    ("Lukashenko", 0), ("Joly", 0), ("Trudeau", 0), ("COVID-19", 3), ("Covid", 3),
];

/// Adds [`MODERN_NAMES`] to a gazetteer.
fn add_modern_names(gazetteer: &mut Gazetteer) {
    let mut scratch = Vec::new();
    for (name, kind) in MODERN_NAMES {
        let lower: Vec<u64> = name
            .split(' ')
            .map(|word| super::features::TokenInfo::new(word, false, &mut scratch).lower)
            .collect();
        *gazetteer.entry(sequence_hash(&lower)).or_insert(0) |= 1 << kind;
    }
}

/// Settings of one training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
    /// Averaged weights with a smaller magnitude are dropped.
    pub prune_below: f32,
    pub use_gazetteer: bool,
    /// Trains on headline-cased copies too ([`case_copies`]).
    pub case_copies: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 16,
            epochs: 12,
            seed: 2003,
            prune_below: 0.0,
            use_gazetteer: true,
            case_copies: true,
        }
    }
}

/// Adds the names of `sentences` to `gazetteer`.
fn add_names(gazetteer: &mut Gazetteer, sentence: &TrainingSentence, lower_hashes: &[u64]) {
    let mut i = 0;
    while i < sentence.tags.len() {
        let Some(kind) = tag_kind(sentence.tags[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < sentence.tags.len()
            && !is_begin(sentence.tags[end])
            && tag_kind(sentence.tags[end]) == Some(kind)
        {
            end += 1;
        }
        if end - i <= super::model::GAZETTEER_MAX_TOKENS {
            *gazetteer
                .entry(sequence_hash(&lower_hashes[i..end]))
                .or_insert(0) |= 1 << kind;
        }
        i = end;
    }
}

/// A sentence with its feature rows precomputed.
struct Example {
    /// Feature bucket indices of each token, flattened; `offsets[i]..offsets[i+1]`.
    buckets: Vec<u32>,
    offsets: Vec<usize>,
    tags: Vec<usize>,
}

/// Small deterministic generator for shuffling.
pub(super) fn next_random(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Trains a model on `docs` and returns it.
pub fn train(
    docs: &[Vec<TrainingSentence>],
    options: &TrainOptions,
    mut log: impl FnMut(&str),
) -> Model {
    let prepared: Vec<Prepared> = docs.iter().map(|doc| prepare_doc(doc)).collect();
    let (full, folds) = gazetteers(docs, &prepared, options);
    let mut model = Model {
        bits: options.bits,
        weights: Vec::new(),
        scale: 1.0,
        transitions: [[0.0; NUM_TAGS]; NUM_TAGS + 1],
        gazetteer: Gazetteer::default(),
    };
    let copies = if options.case_copies {
        case_copies(docs, options.seed)
    } else {
        Vec::new()
    };
    let copies_prepared: Vec<Prepared> = copies.iter().map(|(_, doc)| prepare_doc(doc)).collect();
    // A copy keeps its original's fold, so it too sees only the other half's names.
    let originals = docs.iter().zip(&prepared).enumerate();
    let copied = copies
        .iter()
        .zip(&copies_prepared)
        .map(|((index, doc), prepared)| (*index, (doc, prepared)));
    let all: Vec<(usize, (&Vec<TrainingSentence>, &Prepared))> = originals.chain(copied).collect();
    let examples = examples(&all, &folds, &model);
    let (weights, transitions) = averaged_perceptron(&examples, options, &mut log);
    let max_abs = weights
        .iter()
        .fold(0f32, |max, weight| max.max(weight.abs()));
    let scale = if max_abs > 0.0 {
        max_abs / 32767.0
    } else {
        1.0
    };
    model.weights = weights
        .iter()
        .map(|weight| (weight / scale).round() as i16)
        .collect();
    model.scale = scale;
    model.transitions = transitions;
    model.gazetteer = full;
    model
}

/// A document's sentences ready for features, with its article-wide context.
type Prepared = (Vec<PreparedSentence>, super::features::DocContext);

fn prepare_doc(doc: &[TrainingSentence]) -> Prepared {
    prepare(
        doc.iter()
            .map(|sentence| sentence.words.iter().map(|word| (word.as_str(), false))),
    )
}

/// Gazetteers: one from all documents for the model, and two folds so that a
/// training document only sees names from the other half.
fn gazetteers(
    docs: &[Vec<TrainingSentence>],
    prepared: &[Prepared],
    options: &TrainOptions,
) -> (Gazetteer, [Gazetteer; 2]) {
    let mut full = Gazetteer::default();
    let mut folds = [Gazetteer::default(), Gazetteer::default()];
    for (index, (doc, (sentences, _))) in docs.iter().zip(prepared).enumerate() {
        for (sentence, info) in doc.iter().zip(sentences) {
            let lower: Vec<u64> = info.infos.iter().map(|token| token.lower).collect();
            add_names(&mut full, sentence, &lower);
            add_names(&mut folds[index % 2], sentence, &lower);
        }
    }
    add_modern_names(&mut full);
    if !options.use_gazetteer {
        full.clear();
        folds.iter_mut().for_each(Gazetteer::clear);
    }
    (full, folds)
}

/// Each training sentence as feature buckets per token, with the gazetteer
/// of the other fold (`docs`: each document with its fold number).
fn examples(
    docs: &[(usize, (&Vec<TrainingSentence>, &Prepared))],
    folds: &[Gazetteer; 2],
    model: &Model,
) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut features = Vec::new();
    let mut gazetteer = Vec::<GazetteerBits>::new();
    for &(index, (doc, (sentences, context))) in docs {
        let other_fold = &folds[1 - index % 2];
        for (sentence, info) in doc.iter().zip(sentences) {
            gazetteer_bits(other_fold, &info.infos, &mut gazetteer);
            let mut example = Example {
                buckets: Vec::new(),
                offsets: vec![0],
                tags: sentence.tags.clone(),
            };
            for i in 0..info.infos.len() {
                features.clear();
                word_features(&info.infos[i], i == 0, info.case, &mut features);
                context_features(
                    &info.infos,
                    &gazetteer,
                    (i, info.case),
                    context,
                    &mut features,
                );
                example
                    .buckets
                    .extend(features.iter().map(|feature| model.bucket(*feature) as u32));
                example.offsets.push(example.buckets.len());
            }
            examples.push(example);
        }
    }
    examples
}

type Transitions = [[f32; NUM_TAGS]; NUM_TAGS + 1];

/// The weights being learnt and their running sums, for averaging.
struct Perceptron {
    weights: Vec<f32>,
    accumulated: Vec<f32>,
    transitions: Transitions,
    transitions_accumulated: Transitions,
    step: f32,
}

/// The averaged structured perceptron over `examples`, shuffled each epoch
/// with the options' seed: the averaged, pruned weights and transitions.
fn averaged_perceptron(
    examples: &[Example],
    options: &TrainOptions,
    log: &mut impl FnMut(&str),
) -> (Vec<f32>, Transitions) {
    let size = (1usize << options.bits) * NUM_TAGS;
    let mut learner = Perceptron {
        weights: vec![0f32; size],
        accumulated: vec![0f32; size],
        transitions: [[0f32; NUM_TAGS]; NUM_TAGS + 1],
        transitions_accumulated: [[0f32; NUM_TAGS]; NUM_TAGS + 1],
        step: 1f32,
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut random = options.seed | 1;
    let mut emissions = Vec::new();
    for epoch in 0..options.epochs {
        for i in (1..order.len()).rev() {
            let j = (next_random(&mut random) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut mistakes = 0usize;
        for &index in &order {
            mistakes += learner.learn(&examples[index], &mut emissions);
            learner.step += 1.0;
        }
        log(&format!("epoch {}: {mistakes} token mistakes", epoch + 1));
    }
    learner.averaged(options.prune_below)
}

impl Perceptron {
    /// Tags one example and, where it is wrong, moves the weights towards
    /// the gold tags; returns the number of wrongly tagged tokens.
    fn learn(&mut self, example: &Example, emissions: &mut Vec<[f32; NUM_TAGS]>) -> usize {
        emissions.clear();
        for token in 0..example.tags.len() {
            let mut score = [0f32; NUM_TAGS];
            for &bucket in &example.buckets[example.offsets[token]..example.offsets[token + 1]] {
                let row = bucket as usize * NUM_TAGS;
                for (total, weight) in score.iter_mut().zip(&self.weights[row..row + NUM_TAGS]) {
                    *total += weight;
                }
            }
            emissions.push(score);
        }
        let predicted = viterbi(emissions, &self.transitions);
        if predicted == example.tags {
            return 0;
        }
        let step = self.step;
        let mut mistakes = 0;
        for token in 0..example.tags.len() {
            let (gold, guess) = (example.tags[token], predicted[token]);
            let gold_previous = if token == 0 {
                NUM_TAGS
            } else {
                example.tags[token - 1]
            };
            let guess_previous = if token == 0 {
                NUM_TAGS
            } else {
                predicted[token - 1]
            };
            if gold != guess || gold_previous != guess_previous {
                self.transitions[gold_previous][gold] += 1.0;
                self.transitions_accumulated[gold_previous][gold] += step;
                self.transitions[guess_previous][guess] -= 1.0;
                self.transitions_accumulated[guess_previous][guess] -= step;
            }
            if gold == guess {
                continue;
            }
            mistakes += 1;
            for &bucket in &example.buckets[example.offsets[token]..example.offsets[token + 1]] {
                let row = bucket as usize * NUM_TAGS;
                self.weights[row + gold] += 1.0;
                self.accumulated[row + gold] += step;
                self.weights[row + guess] -= 1.0;
                self.accumulated[row + guess] -= step;
            }
        }
        mistakes
    }

    /// Averaging: w_avg = w - accumulated / step; small weights pruned.
    fn averaged(mut self, prune_below: f32) -> (Vec<f32>, Transitions) {
        for (weight, sum) in self.weights.iter_mut().zip(&self.accumulated) {
            *weight -= sum / self.step;
            if weight.abs() < prune_below {
                *weight = 0.0;
            }
        }
        for (row, sums) in self
            .transitions
            .iter_mut()
            .zip(&self.transitions_accumulated)
        {
            for (weight, sum) in row.iter_mut().zip(sums) {
                *weight -= sum / self.step;
            }
        }
        (self.weights, self.transitions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY_CONLL: &str = "-DOCSTART- -X- -X- O

Anna NNP B-NP B-PER
Kovac NNP I-NP I-PER
visited VBD B-VP O
Kyiv NNP B-NP B-LOC
with IN B-PP O
Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
. . O O

-DOCSTART- -X- -X- O

Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
hired VBD B-VP O
Mark NNP B-NP B-PER
Smith NNP I-NP I-PER
in IN B-PP O
Lviv NNP B-NP B-LOC
. . O O
";

    fn tiny_model() -> Model {
        let options = TrainOptions {
            bits: 12,
            ..TrainOptions::default()
        };
        train(&parse_conll(TINY_CONLL), &options, |_| {})
    }

    #[test]
    fn training_is_deterministic_and_learns_its_data() {
        let model = tiny_model();
        assert_eq!(model.to_bytes(), tiny_model().to_bytes());
        let mentions =
            super::super::tagger::tag_text(&model, "Anna Kovac visited Kyiv with Acme Corp .");
        let kinds: Vec<usize> = mentions.iter().map(|mention| mention.kind).collect();
        assert_eq!(kinds, [0, 2, 1]);
    }
}
