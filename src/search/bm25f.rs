//! BM25F: one BM25 score per query word over several fields at once.
//!
//! Summing a BM25 score per field (what a multi-field query parser does)
//! saturates each field on its own, so a word found once in the title and
//! once in the body scores almost twice a word found twice in the body, and
//! a field holding copies of body text counts the same word again. BM25F
//! (Robertson, Zaragoza and Taylor, 2004) first adds the word's weighted,
//! length-normalised frequencies over the fields, then saturates once.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// BM25's term-frequency saturation.
const K1: Score = 1.2;
/// BM25's length normalisation, for every field.
const B: Score = 0.75;

/// Scores the documents holding any of `words` in any of `fields`.
#[derive(Debug, Clone)]
pub struct Bm25fQuery {
    /// Each field with the weight of one of its occurrences.
    fields: Vec<(Field, Score)>,
    /// The query words as the fields' analyzer indexes them.
    words: Vec<String>,
}

impl Bm25fQuery {
    pub fn new(fields: Vec<(Field, Score)>, words: Vec<String>) -> Bm25fQuery {
        Bm25fQuery { fields, words }
    }
}

/// The statistics of one search: per field the average length, per word the IDF.
struct Bm25fWeight {
    fields: Vec<(Field, Score, Score)>,
    words: Vec<(String, Score)>,
}

impl Query for Bm25fQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let EnableScoring::Enabled {
            statistics_provider,
            ..
        } = enable_scoring
        else {
            let fields = self
                .fields
                .iter()
                .map(|&(field, _)| (field, 0.0, 1.0))
                .collect();
            let words = self.words.iter().map(|word| (word.clone(), 0.0)).collect();
            return Ok(Box::new(Bm25fWeight { fields, words }));
        };
        let documents = statistics_provider.total_num_docs()?.max(1);
        let mut fields = Vec::new();
        for &(field, weight) in &self.fields {
            let tokens = statistics_provider.total_num_tokens(field)?;
            let average_length = (tokens as Score / documents as Score).max(1.0);
            fields.push((field, weight, average_length));
        }
        let mut words = Vec::new();
        for word in &self.words {
            // A document holds the word when any field does; the most
            // frequent field is the closest estimate of that count.
            let mut doc_freq = 0;
            for &(field, _) in &self.fields {
                let term = Term::from_field_text(field, word);
                doc_freq = doc_freq.max(statistics_provider.doc_freq(&term)?);
            }
            words.push((word.clone(), idf(doc_freq.min(documents), documents)));
        }
        Ok(Box::new(Bm25fWeight { fields, words }))
    }
}

/// BM25's IDF, as tantivy computes it.
fn idf(doc_freq: u64, documents: u64) -> Score {
    let rest = (documents - doc_freq) as Score + 0.5;
    (1.0 + rest / (doc_freq as Score + 0.5)).ln()
}

impl Weight for Bm25fWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut postings = Vec::new();
        let mut norms = Vec::new();
        for (field_index, &(field, _, _)) in self.fields.iter().enumerate() {
            let inverted_index = reader.inverted_index(field)?;
            norms.push(reader.get_fieldnorms_reader(field)?);
            for (word_index, (word, _)) in self.words.iter().enumerate() {
                let term = Term::from_field_text(field, word);
                if let Some(list) =
                    inverted_index.read_postings(&term, IndexRecordOption::WithFreqs)?
                {
                    postings.push(WordPostings {
                        word_index,
                        field_index,
                        postings: list,
                    });
                }
            }
        }
        let mut scorer = Bm25fScorer {
            postings,
            norms,
            fields: self.fields.clone(),
            idfs: self.words.iter().map(|&(_, idf)| idf * boost).collect(),
            frequencies: vec![0.0; self.words.len()],
            doc: TERMINATED,
        };
        scorer.doc = scorer.smallest_doc();
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("BM25F", scorer.score()))
    }
}

struct WordPostings {
    word_index: usize,
    field_index: usize,
    postings: SegmentPostings,
}

struct Bm25fScorer {
    postings: Vec<WordPostings>,
    norms: Vec<FieldNormReader>,
    /// Field, weight, average length.
    fields: Vec<(Field, Score, Score)>,
    idfs: Vec<Score>,
    /// Scratch: each word's weighted frequency in the current document.
    frequencies: Vec<Score>,
    doc: DocId,
}

impl Bm25fScorer {
    fn smallest_doc(&self) -> DocId {
        self.postings
            .iter()
            .map(|word| word.postings.doc())
            .min()
            .unwrap_or(TERMINATED)
    }
}

impl DocSet for Bm25fScorer {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        for word in &mut self.postings {
            if word.postings.doc() == current {
                word.postings.advance();
            }
        }
        self.doc = self.smallest_doc();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        for word in &mut self.postings {
            if word.postings.doc() < target {
                word.postings.seek(target);
            }
        }
        self.doc = self.smallest_doc();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.postings
            .iter()
            .map(|word| word.postings.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for Bm25fScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        self.frequencies
            .iter_mut()
            .for_each(|frequency| *frequency = 0.0);
        for word in &self.postings {
            if word.postings.doc() != doc {
                continue;
            }
            let (Some(&(_, weight, average_length)), Some(norms)) = (
                self.fields.get(word.field_index),
                self.norms.get(word.field_index),
            ) else {
                continue;
            };
            let length = norms.fieldnorm(doc) as Score;
            let normalised =
                word.postings.term_freq() as Score / (1.0 - B + B * length / average_length);
            if let Some(frequency) = self.frequencies.get_mut(word.word_index) {
                *frequency += weight * normalised;
            }
        }
        self.frequencies
            .iter()
            .zip(&self.idfs)
            .filter(|(frequency, _)| **frequency > 0.0)
            .map(|(frequency, idf)| idf * frequency * (K1 + 1.0) / (K1 + frequency))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    /// An in-memory index of (title, body) pairs.
    fn index_of(articles: &[(&str, &str)]) -> (Index, Field, Field) {
        let mut builder = Schema::builder();
        let title = builder.add_text_field("title", TEXT);
        let body = builder.add_text_field("body", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for (title_text, body_text) in articles {
            writer
                .add_document(doc!(title => *title_text, body => *body_text))
                .unwrap();
        }
        writer.commit().unwrap();
        (index, title, body)
    }

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn matches_every_article_holding_a_word_in_any_field() {
        let (index, title, body) = index_of(&[
            ("grain prices", "nothing here"),
            ("weather", "exports of grain"),
            ("weather", "rain all week"),
            ("exports", "exports fell"),
        ]);
        let searcher = index.reader().unwrap().searcher();
        let query = Bm25fQuery::new(vec![(title, 2.0), (body, 1.0)], words("grain exports"));
        assert_eq!(searcher.search(&query, &Count).unwrap(), 3);
        let top = searcher
            .search(&query, &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        assert_eq!(top.len(), 3);
        assert!(top.iter().all(|(score, _)| *score > 0.0), "{top:?}");
        // Both words beat one word, however often it is repeated.
        assert_eq!(top[0].1.doc_id, 1, "{top:?}");
    }

    #[test]
    fn a_word_in_two_fields_saturates_once() {
        let (index, title, body) =
            index_of(&[("grain", "grain"), ("other", "filler"), ("other", "filler")]);
        let searcher = index.reader().unwrap().searcher();
        let score = |fields: Vec<(Field, Score)>| {
            let query = Bm25fQuery::new(fields, words("grain"));
            let top = searcher
                .search(&query, &TopDocs::with_limit(1).order_by_score())
                .unwrap();
            top.first().map(|(score, _)| *score).unwrap()
        };
        let one_field = score(vec![(body, 1.0)]);
        let two_fields = score(vec![(title, 1.0), (body, 1.0)]);
        // Summed per-field BM25 would double; BM25F adds frequencies, then saturates.
        assert!(two_fields > one_field, "{two_fields} {one_field}");
        assert!(two_fields < 1.6 * one_field, "{two_fields} {one_field}");
    }
}
