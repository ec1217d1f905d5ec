//! Case-augmented training data: CoNLL-2003 is nearly all sentence case, so a
//! model trained on it alone learns that a capital means a name and fails on
//! Title Case headlines, shouted wire copy and lists. Copies of part of the
//! training documents with headline-cased sentences teach it what the words,
//! their neighbours and the gazetteer say when case says nothing; the features
//! that read case are kept apart per sentence case (`features::case_template`),
//! so running text keeps what it learnt from capitals.

use super::train::{next_random, TrainingSentence};

/// Copies of every third training document in which about half the sentences
/// are written as headlines are (a quarter ALL CAPS, a quarter Title Case, an
/// eighth Title Case with short words left lowercase), each with its
/// original's index; tags are unchanged, since case changes no name.
pub fn case_copies(
    docs: &[Vec<TrainingSentence>],
    seed: u64,
) -> Vec<(usize, Vec<TrainingSentence>)> {
    let mut random = seed.rotate_left(17) | 1;
    let mut copies = Vec::new();
    for (index, doc) in docs.iter().enumerate().filter(|(index, _)| index % 3 == 0) {
        let copy = doc
            .iter()
            .map(|sentence| {
                let words = match next_random(&mut random) % 8 {
                    0..=1 => sentence
                        .words
                        .iter()
                        .map(|word| word.to_uppercase())
                        .collect(),
                    2..=3 => title_case(&sentence.words, false),
                    4 => title_case(&sentence.words, true),
                    _ => sentence.words.clone(),
                };
                TrainingSentence {
                    words,
                    tags: sentence.tags.clone(),
                }
            })
            .collect();
        copies.push((index, copy));
    }
    copies
}

/// `words` in Title Case: every word's first letter capitalized, except words
/// of up to three letters when `small_words_lowercase` (`Rise of the Euro`).
pub fn title_case(words: &[String], small_words_lowercase: bool) -> Vec<String> {
    words
        .iter()
        .map(|word| {
            let mut chars = word.chars();
            let Some(first) = chars.next() else {
                return word.clone();
            };
            let small = word.chars().count() <= 3;
            if !first.is_lowercase() || (small && small_words_lowercase) {
                return word.clone();
            }
            first.to_uppercase().chain(chars).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::train::parse_conll;

    const DOCS: &str = "-DOCSTART- -X- O O

Anna NNP B-NP B-PER
Kovac NNP I-NP I-PER
visited VBD B-VP O
the DT B-NP O
port NN I-NP O
of IN B-PP O
Odesa NNP B-NP B-LOC
. . O O

-DOCSTART- -X- O O

Acme NNP B-NP B-ORG
sold VBD B-VP O
cars NNS B-NP O
";

    #[test]
    fn copies_keep_tags_and_change_only_case() {
        let docs = parse_conll(&DOCS.repeat(20));
        let copies = case_copies(&docs, 2003);
        assert_eq!(copies.len(), docs.len().div_ceil(3));
        assert_eq!(copies, case_copies(&docs, 2003));
        let mut shouted = 0;
        for (index, copy) in &copies {
            for (original, sentence) in docs[*index].iter().zip(copy) {
                assert_eq!(original.tags, sentence.tags);
                let lower = |words: &[String]| words.join(" ").to_lowercase();
                assert_eq!(lower(&original.words), lower(&sentence.words));
                shouted += usize::from(sentence.words.iter().any(|word| word == "VISITED"));
            }
        }
        assert!(shouted > 0, "some sentences are written in capitals");
    }

    #[test]
    fn title_case_capitalizes_words_and_may_spare_short_ones() {
        let words: Vec<String> = ["rise", "of", "the", "euro"].map(String::from).to_vec();
        assert_eq!(title_case(&words, false).join(" "), "Rise Of The Euro");
        assert_eq!(title_case(&words, true).join(" "), "Rise of the Euro");
    }
}
