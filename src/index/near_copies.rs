//! Near copies: the same story sent again with a few words changed (a wire
//! update, a syndicated rewrite, a corrected version) is one article, as an
//! exact copy is.
//!
//! Each long enough body gets a MinHash signature over its word 5-shingles
//! ([`Signature`]); signatures are cut into bands, and two bodies that share a
//! band are candidates (locality-sensitive hashing). A candidate whose
//! estimated resemblance (the share of equal signature slots, an estimate of
//! the Jaccard similarity of the two shingle sets) reaches the threshold
//! joins its copy group: the new article takes the group's `body_hash`, so
//! every count and listing treats both as one article, as for exact copies.
//! Short bodies (headlines, briefs, one-line descriptions) never group by
//! resemblance: two different stories can share a short text.
//!
//! Candidates are looked up among the articles of this run (in memory) and
//! among those already committed (the `near_band` field; a candidate's
//! signature is computed again from its stored body).

use std::sync::Mutex;

use rustc_hash::FxHashMap;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::index::schema::{names, Fields};

/// Signature slots: 64 minimum hashes.
pub const SIGNATURE_SLOTS: usize = 64;
/// 16 bands of 4 slots: bodies of resemblance 0.5 share a band with
/// probability 0.64, of resemblance 0.8 with probability 0.9999.
const BANDS: usize = 16;
const ROWS: usize = SIGNATURE_SLOTS / BANDS;
/// Words per shingle.
const SHINGLE_WORDS: usize = 5;
/// Bodies with fewer words never group by resemblance.
pub const MIN_WORDS: usize = 50;
/// The resemblance from which two long bodies are one story, measured on the
/// Reuters financial corpus (see BENCHMARKS.md, "Near copies").
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// The MinHash signature of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature([u32; SIGNATURE_SLOTS]);

impl Signature {
    /// The signature of `body`, or `None` when it is too short to compare.
    ///
    /// One-permutation hashing: each shingle is hashed once, its high bits
    /// pick a slot and the slot keeps the smallest value; a slot no shingle
    /// fell in takes the next filled slot's value (rotation densification,
    /// Shrivastava and Li 2014), so that equal slots still estimate resemblance.
    pub fn of(body: &str) -> Option<Signature> {
        let words = word_hashes(body);
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut slots = [u32::MAX; SIGNATURE_SLOTS];
        let mut filled = [false; SIGNATURE_SLOTS];
        for shingle in words.windows(SHINGLE_WORDS) {
            let hash = shingle.iter().fold(0u64, |hash, word| mix(hash ^ word));
            // The top 6 bits choose the slot (64 slots), the next 32 the value.
            let slot = (hash >> 58) as usize;
            let value = (hash >> 26) as u32;
            slots[slot] = slots[slot].min(value);
            filled[slot] = true;
        }
        for slot in 0..SIGNATURE_SLOTS {
            if filled[slot] {
                continue;
            }
            let donor = (1..SIGNATURE_SLOTS)
                .map(|step| (slot + step) % SIGNATURE_SLOTS)
                .find(|candidate| filled[*candidate]);
            if let Some(donor) = donor {
                // The donor's distance keeps borrowed values of different
                // slots apart.
                let distance = (donor + SIGNATURE_SLOTS - slot) as u32;
                slots[slot] = slots[donor].wrapping_add(distance.wrapping_mul(0x9E37_79B9));
            }
        }
        Some(Signature(slots))
    }

    /// The share of equal slots: an estimate of the two bodies' resemblance.
    pub fn resemblance(&self, other: &Signature) -> f64 {
        let equal = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b)
            .count();
        equal as f64 / SIGNATURE_SLOTS as f64
    }

    /// One key per band, the terms of the `near_band` field.
    pub fn band_keys(&self) -> [u64; BANDS] {
        let mut keys = [0u64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let rows = &self.0[band * ROWS..(band + 1) * ROWS];
            let mut value = band as u64;
            for row in rows {
                value = mix(value ^ u64::from(*row));
            }
            *key = value;
        }
        keys
    }
}

/// splitmix64's finaliser: a fast, well-mixed 64-bit permutation.
fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One hash per word, case folded: words are runs of letters and digits.
fn word_hashes(body: &str) -> Vec<u64> {
    const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;
    const FNV_PRIME: u64 = 0x0100_0000_01B3;
    let mut hashes = Vec::with_capacity(body.len() / 5);
    let mut current = FNV_OFFSET;
    let mut in_word = false;
    for character in body.chars() {
        if !character.is_alphanumeric() {
            if in_word {
                hashes.push(current);
            }
            current = FNV_OFFSET;
            in_word = false;
            continue;
        }
        in_word = true;
        let folded = if character.is_ascii() {
            u64::from(character.to_ascii_lowercase())
        } else {
            character
                .to_lowercase()
                .fold(0u64, |sum, lower| sum ^ u64::from(lower))
        };
        current = (current ^ folded).wrapping_mul(FNV_PRIME);
    }
    if in_word {
        hashes.push(current);
    }
    hashes
}

/// The articles of this run: their groups and signatures, and for each band
/// key the first article that has it (one lookup, no list per key).
#[derive(Default)]
struct ThisRun {
    articles: Vec<(u64, Signature)>,
    first_with_band: FxHashMap<u64, u32>,
}

/// The copy groups of one indexing run: finds the group a new article joins.
pub struct NearCopies {
    threshold: f64,
    fields: Fields,
    /// The index as committed before the run; `None` on a rebuild (every
    /// article is read again) or when near copies are off.
    committed: Option<Searcher>,
    this_run: Mutex<ThisRun>,
}

impl NearCopies {
    /// `threshold` of 0 or less turns resemblance grouping off (exact copies
    /// still group by their `body_hash`).
    pub fn new(threshold: f64, fields: Fields, committed: Option<Searcher>) -> NearCopies {
        NearCopies {
            threshold,
            fields,
            committed,
            this_run: Mutex::new(ThisRun::default()),
        }
    }

    pub fn is_on(&self) -> bool {
        self.threshold > 0.0
    }

    /// The `body_hash` of a new article: the group of an earlier article it
    /// resembles, or its own `exact` copy fingerprint.
    pub fn group_of(&self, exact: u64, signature: Option<&Signature>) -> u64 {
        let Some(signature) = signature.filter(|_| self.is_on()) else {
            return exact;
        };
        let keys = signature.band_keys();
        let mut this_run = self
            .this_run
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let in_this_run = keys.iter().find_map(|key| {
            let index = *this_run.first_with_band.get(key)? as usize;
            let (group, other) = this_run.articles.get(index)?;
            (signature.resemblance(other) >= self.threshold).then_some(*group)
        });
        let group = in_this_run
            .or_else(|| self.committed_group(&keys, signature))
            .unwrap_or(exact);
        let Ok(index) = u32::try_from(this_run.articles.len()) else {
            return group;
        };
        this_run.articles.push((group, signature.clone()));
        for key in keys {
            this_run.first_with_band.entry(key).or_insert(index);
        }
        group
    }

    /// The group of a committed article that shares a band and resembles.
    fn committed_group(&self, keys: &[u64; BANDS], signature: &Signature) -> Option<u64> {
        let searcher = self.committed.as_ref()?;
        let clauses: Vec<(Occur, Box<dyn Query>)> = keys
            .iter()
            .map(|key| {
                let term = Term::from_field_u64(self.fields.near_band, *key);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        let candidates = searcher
            .search(&BooleanQuery::new(clauses), &DocSetCollector)
            .ok()?;
        let mut sorted: Vec<_> = candidates.into_iter().collect();
        sorted.sort();
        sorted.into_iter().find_map(|address| {
            let doc: TantivyDocument = searcher.doc(address).ok()?;
            // The signature is not stored (it would cost every article its
            // bytes): a candidate's is computed again from its stored body.
            let body = doc.get_first(self.fields.body)?.as_str()?;
            let other = Signature::of(body)?;
            let group = searcher
                .segment_reader(address.segment_ord)
                .fast_fields()
                .u64(names::BODY_HASH)
                .ok()?
                .first(address.doc_id)?;
            (signature.resemblance(&other) >= self.threshold).then_some(group)
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn story(words: usize, changed_every: Option<usize>) -> String {
        (0..words)
            .map(|index| match changed_every {
                Some(every) if index % every == 0 => format!("changed{index}"),
                _ => format!("word{index}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn resemblance_follows_the_shared_text() {
        let original = Signature::of(&story(400, None)).unwrap();
        let update = Signature::of(&story(400, Some(100))).unwrap();
        let other = Signature::of(&story(400, Some(3))).unwrap();
        assert_eq!(original.resemblance(&original), 1.0);
        assert!(
            original.resemblance(&update) >= 0.8,
            "{}",
            original.resemblance(&update)
        );
        assert!(
            original.resemblance(&other) < 0.2,
            "{}",
            original.resemblance(&other)
        );
    }

    #[test]
    fn short_bodies_never_group_by_resemblance() {
        assert_eq!(Signature::of("Markets rallied on Monday."), None);
    }

    #[test]
    fn a_resembling_article_of_the_same_run_joins_the_first_ones_group() {
        let schema = crate::index::schema::build_schema();
        let fields = Fields::from_schema(&schema).unwrap();
        let groups = NearCopies::new(DEFAULT_THRESHOLD, fields, None);
        let original = Signature::of(&story(400, None));
        let update = Signature::of(&story(400, Some(100)));
        let other = Signature::of(&story(400, Some(3)));
        assert_eq!(groups.group_of(1, original.as_ref()), 1);
        assert_eq!(groups.group_of(2, update.as_ref()), 1);
        assert_eq!(groups.group_of(3, other.as_ref()), 3);
        let off = NearCopies::new(0.0, fields, None);
        assert_eq!(off.group_of(1, original.as_ref()), 1);
        assert_eq!(off.group_of(2, update.as_ref()), 2);
    }
}
