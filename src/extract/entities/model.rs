//! The tagger's model: BILOU tags, the weight table, the gazetteer, Viterbi
//! decoding and the binary file format of `models/ner.bin`.
//!
//! Weights live in a dense table of `2^bits` hashed feature rows times
//! [`NUM_TAGS`] columns of `i16`; the file stores only non-zero rows.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::features::{mix, GazetteerBits, IdentityHasher, TokenInfo};

/// Number of BILOU tags: `O`, then `B-`, `I-`, `L-`, `U-` for each of the four kinds.
pub const NUM_TAGS: usize = 17;
/// Tag names, in column order.
#[rustfmt::skip]
pub const TAG_NAMES: [&str; NUM_TAGS] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG",
    "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];
/// Longest gazetteer name, in tokens.
pub const GAZETTEER_MAX_TOKENS: usize = 6;

/// Where a tag sits in its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// The tag for `kind` (0 PER, 1 ORG, 2 LOC, 3 MISC) at `position`.
pub fn tag_of(kind: usize, position: Position) -> usize {
    1 + 4 * kind + position as usize
}

/// The kind index (0 PER, 1 ORG, 2 LOC, 3 MISC) of a tag, `None` for `O`.
pub fn tag_kind(tag: usize) -> Option<usize> {
    (tag > 0).then(|| (tag - 1) / 4)
}

/// Whether `tag` starts a name (`B-` or `U-`).
pub fn is_begin(tag: usize) -> bool {
    tag > 0 && matches!((tag - 1) % 4, 0 | 3)
}

/// Whether `tag` leaves a name open (`B-` or `I-`), so the next tag must continue it.
const fn is_open(tag: usize) -> bool {
    tag != usize::MAX && tag > 0 && tag < NUM_TAGS && matches!((tag - 1) % 4, 0 | 1)
}

/// Whether the tag sequence `previous -> tag` is valid BILOU (`usize::MAX` or
/// [`NUM_TAGS`] = sentence start).
pub const fn transition_allowed(previous: usize, tag: usize) -> bool {
    let starts_name = tag == 0 || matches!((tag - 1) % 4, 0 | 3);
    if starts_name {
        return !is_open(previous);
    }
    is_open(previous) && (previous - 1) / 4 == (tag - 1) / 4
}

/// For each tag, the tags allowed right before it, so Viterbi visits only those.
struct Predecessors {
    tags: [[u8; NUM_TAGS]; NUM_TAGS],
    counts: [usize; NUM_TAGS],
}

/// [`Predecessors`] of every tag, computed at compile time.
const PREDECESSORS: Predecessors = {
    let mut table = Predecessors {
        tags: [[0; NUM_TAGS]; NUM_TAGS],
        counts: [0; NUM_TAGS],
    };
    let mut tag = 0;
    while tag < NUM_TAGS {
        let mut previous = 0;
        while previous < NUM_TAGS {
            if transition_allowed(previous, tag) {
                table.tags[tag][table.counts[tag]] = previous as u8;
                table.counts[tag] += 1;
            }
            previous += 1;
        }
        tag += 1;
    }
    table
};

/// Gazetteer: hash of a lowercased token sequence -> kinds it was seen as (bit per kind).
pub type Gazetteer = HashMap<u64, u8, BuildHasherDefault<IdentityHasher>>;

/// Hash of a token sequence from the tokens' lowercase hashes.
pub fn sequence_hash(lower_hashes: &[u64]) -> u64 {
    lower_hashes
        .iter()
        .fold(0x9e37_79b9_7f4a_7c15, |hash, word| mix(hash, *word))
}

/// Marks each token that begins (`2*kind`) or continues (`2*kind+1`) a gazetteer
/// name; names only start at tokens with a capital or a digit.
pub fn gazetteer_bits(gazetteer: &Gazetteer, tokens: &[TokenInfo], out: &mut Vec<GazetteerBits>) {
    out.clear();
    out.resize(tokens.len(), 0);
    if gazetteer.is_empty() {
        return;
    }
    for start in 0..tokens.len() {
        if !tokens[start].interesting {
            continue;
        }
        let longest = GAZETTEER_MAX_TOKENS.min(tokens.len() - start);
        let mut hash = 0x9e37_79b9_7f4a_7c15;
        for length in 1..=longest {
            hash = mix(hash, tokens[start + length - 1].lower);
            let Some(kinds) = gazetteer.get(&hash) else {
                continue;
            };
            for kind in 0..4 {
                if kinds & (1 << kind) != 0 {
                    out[start] |= 1 << (2 * kind);
                    for inside in &mut out[start + 1..start + length] {
                        *inside |= 1 << (2 * kind + 1);
                    }
                }
            }
        }
    }
}

/// Best tag sequence for per-token emission scores under `transitions`
/// (`transitions[NUM_TAGS]` is the row for the sentence start). A token whose
/// only finite score is `O` takes a fast path.
pub fn viterbi(
    emissions: &[[f32; NUM_TAGS]],
    transitions: &[[f32; NUM_TAGS]; NUM_TAGS + 1],
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; NUM_TAGS]; n];
    let mut score = [f32::NEG_INFINITY; NUM_TAGS];
    for tag in 0..NUM_TAGS {
        if transition_allowed(usize::MAX, tag) {
            score[tag] = transitions[NUM_TAGS][tag] + emissions[0][tag];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NUM_TAGS];
        let only_outside = emissions[i][1..]
            .iter()
            .all(|value| *value == f32::NEG_INFINITY);
        let tags = if only_outside { 1 } else { NUM_TAGS };
        for tag in 0..tags {
            let mut best = f32::NEG_INFINITY;
            let mut best_previous = 0;
            let allowed = &PREDECESSORS.tags[tag][..PREDECESSORS.counts[tag]];
            for &previous in allowed {
                let previous = usize::from(previous);
                let candidate = score[previous] + transitions[previous][tag];
                if candidate > best {
                    best = candidate;
                    best_previous = previous;
                }
            }
            next[tag] = best + emissions[i][tag];
            back[i][tag] = best_previous as u8;
        }
        score = next;
    }
    let mut best_tag = 0;
    for tag in 1..NUM_TAGS {
        if !is_open(tag) && score[tag] > score[best_tag] {
            best_tag = tag;
        }
    }
    let mut tags = vec![0; n];
    tags[n - 1] = best_tag;
    for i in (1..n).rev() {
        tags[i - 1] = usize::from(back[i][tags[i]]);
    }
    tags
}

const MAGIC: &[u8; 4] = b"NER2";

/// A trained tagger ready to score features.
pub struct Model {
    pub bits: u32,
    /// `2^bits` rows of [`NUM_TAGS`] weights, each worth `scale`.
    pub weights: Vec<i16>,
    pub scale: f32,
    pub transitions: [[f32; NUM_TAGS]; NUM_TAGS + 1],
    pub gazetteer: Gazetteer,
}

impl Model {
    /// Row index of a feature hash.
    #[inline]
    pub fn bucket(&self, feature: u64) -> usize {
        (super::features::finish(feature) >> (64 - self.bits)) as usize
    }

    /// Sums the quantised weights of `features` (multiply by `scale` for scores).
    pub fn raw_emission(&self, features: &[u64]) -> [i32; NUM_TAGS] {
        let mut sum = [0i32; NUM_TAGS];
        for feature in features {
            let row = self.bucket(*feature) * NUM_TAGS;
            // A fixed-size row lets the compiler unroll and vectorise the sum.
            let row: Option<&[i16; NUM_TAGS]> = self
                .weights
                .get(row..row + NUM_TAGS)
                .and_then(|weights| weights.try_into().ok());
            if let Some(weights) = row {
                for tag in 0..NUM_TAGS {
                    sum[tag] += i32::from(weights[tag]);
                }
            }
        }
        sum
    }

    /// Serializes the model: header, transitions, gazetteer, then non-zero rows.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.transitions {
            for value in row {
                out.extend_from_slice(&value.to_le_bytes());
            }
        }
        let mut gazetteer: Vec<(&u64, &u8)> = self.gazetteer.iter().collect();
        gazetteer.sort_unstable();
        out.extend_from_slice(&(gazetteer.len() as u32).to_le_bytes());
        for (hash, kinds) in gazetteer {
            out.extend_from_slice(&hash.to_le_bytes());
            out.push(*kinds);
        }
        let mut previous_row = 0usize;
        for (row, weights) in self.weights.chunks_exact(NUM_TAGS).enumerate() {
            let mask = weights
                .iter()
                .enumerate()
                .filter(|(_, weight)| **weight != 0)
                .fold(0u32, |mask, (tag, _)| mask | 1 << tag);
            if mask == 0 {
                continue;
            }
            write_varint(&mut out, (row - previous_row) as u64);
            previous_row = row;
            out.extend_from_slice(&mask.to_le_bytes());
            for weight in weights.iter().filter(|weight| **weight != 0) {
                out.extend_from_slice(&weight.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`]; `None` if it is empty or damaged.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut reader = Reader { bytes, position: 0 };
        if reader.take(4)? != MAGIC {
            return None;
        }
        let bits = u32::from_le_bytes(reader.take(4)?.try_into().ok()?);
        if !(8..=26).contains(&bits) {
            return None;
        }
        let scale = f32::from_le_bytes(reader.take(4)?.try_into().ok()?);
        let mut transitions = [[0f32; NUM_TAGS]; NUM_TAGS + 1];
        for row in transitions.iter_mut() {
            for value in row.iter_mut() {
                *value = f32::from_le_bytes(reader.take(4)?.try_into().ok()?);
            }
        }
        let gazetteer_len = u32::from_le_bytes(reader.take(4)?.try_into().ok()?) as usize;
        let mut gazetteer = Gazetteer::with_capacity_and_hasher(gazetteer_len, Default::default());
        for _ in 0..gazetteer_len {
            let hash = u64::from_le_bytes(reader.take(8)?.try_into().ok()?);
            gazetteer.insert(hash, reader.take(1)?[0]);
        }
        let rows = 1usize << bits;
        let mut weights = vec![0i16; rows * NUM_TAGS];
        let mut row = 0usize;
        while reader.position < bytes.len() {
            row += usize::try_from(reader.varint()?).ok()?;
            let mask = u32::from_le_bytes(reader.take(4)?.try_into().ok()?);
            for tag in 0..NUM_TAGS {
                if mask & (1 << tag) != 0 {
                    let weight = i16::from_le_bytes(reader.take(2)?.try_into().ok()?);
                    *weights.get_mut(row * NUM_TAGS + tag)? = weight;
                }
            }
        }
        Some(Model {
            bits,
            weights,
            scale,
            transitions,
            gazetteer,
        })
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A cursor over the model bytes that fails softly at the end.
struct Reader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.position..self.position + n)?;
        self.position += n;
        Some(slice)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_starts_inside() {
        let mut emissions = [[0.0; NUM_TAGS]; 2];
        emissions[0][2] = 5.0; // I-PER first: forbidden
        emissions[1][2] = 5.0;
        let transitions = [[0.0; NUM_TAGS]; NUM_TAGS + 1];
        let tags = viterbi(&emissions, &transitions);
        assert!(transition_allowed(usize::MAX, tags[0]), "{tags:?}");
    }

    #[test]
    fn model_round_trips() {
        let mut weights = vec![0i16; (1 << 8) * NUM_TAGS];
        weights[5] = 7;
        weights[200 * NUM_TAGS + 8] = -3;
        let mut gazetteer = Gazetteer::default();
        gazetteer.insert(42, 0b101);
        let model = Model {
            bits: 8,
            weights,
            scale: 0.5,
            transitions: [[1.0; NUM_TAGS]; NUM_TAGS + 1],
            gazetteer,
        };
        let back = Model::from_bytes(&model.to_bytes()).expect("round trip");
        assert_eq!(back.weights, model.weights);
        assert_eq!(back.gazetteer, model.gazetteer);
        assert_eq!(back.transitions, model.transitions);
        assert!(Model::from_bytes(b"").is_none());
    }
}
