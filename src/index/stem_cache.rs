//! A memoising English stemmer: tantivy's own [`Stemmer`] behind a per-thread
//! cache of word -> stem.
//!
//! Profiling `newsdex index` showed the snowball English algorithm taking
//! about 13 % of all CPU time, although news text repeats a small vocabulary
//! over and over. The stem of a word never depends on its context, so the
//! result of a first call can be reused for every later occurrence.
//!
//! Frequent words are served from a small table of inline entries that stays
//! in the core's cache; the rest from a map of every word seen so far.
//! A miss runs tantivy's `Stemmer::new(Language::English)` itself (over a
//! [`RawTokenizer`] holding just the word), so stems are byte-identical to the
//! plain filter's by construction: indexes written before and after this
//! filter, and the queries run against them, agree term for term.

use std::cell::RefCell;
use std::hash::{BuildHasherDefault, Hasher};

use rustc_hash::FxHasher;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Entries kept per thread before the cache starts over: 10–15 MB at most,
/// and far more than the distinct words of a news corpus segment.
const MAX_ENTRIES: usize = 1 << 17;

/// The uncached stemmer: tantivy's English filter over a one-token tokenizer.
type PlainStemmer = <Stemmer as TokenFilter>::Tokenizer<RawTokenizer>;

/// What stemming did to a word.
#[derive(Debug, Clone)]
enum Stem {
    /// The stem is the word's first `n` bytes (the common case: a suffix cut
    /// off, or nothing changed), applied by truncating in place.
    Prefix(usize),
    /// Anything else (`happy` -> `happi`).
    Other(Box<str>),
}

/// Keys are words already lowercased by earlier filters, from the user's own
/// corpus and queries; FxHash is several times faster than SipHash on them.
type StemMap = std::collections::HashMap<Box<str>, Stem, BuildHasherDefault<FxHasher>>;

/// Token filter: English stemming, memoised. Use in place of
/// `Stemmer::new(Language::English)`; it produces the same tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedEnglishStemmer;

impl TokenFilter for CachedEnglishStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

/// Slots of the first-level cache (a power of two): 512 KiB, so the hot words
/// of a thread stay in its core's L2 cache.
const SLOT_BITS: u32 = 13;

/// Longest word a slot holds; `RemoveLongFilter::limit(40)` runs before us,
/// so every indexed word fits, and longer ones simply skip the first level.
const SLOT_WORD: usize = 40;

/// Longest replacement tail a slot holds (`happy` -> `happi` needs 1 byte).
const SLOT_TAIL: usize = 21;

/// One first-level entry, in one cache line: the word inline (no pointer to
/// chase) and its stem as "keep the first `keep` bytes, then append `tail`".
#[derive(Clone, Copy)]
#[repr(align(64))]
struct Slot {
    /// 0 for an empty slot; empty words never get here.
    word_len: u8,
    keep: u8,
    tail_len: u8,
    word: [u8; SLOT_WORD],
    tail: [u8; SLOT_TAIL],
}

const EMPTY_SLOT: Slot = Slot {
    word_len: 0,
    keep: 0,
    tail_len: 0,
    word: [0; SLOT_WORD],
    tail: [0; SLOT_TAIL],
};

impl Slot {
    /// The slot for `word` -> `stem`, if both fit inline.
    fn new(word: &str, stem: &Stem) -> Option<Slot> {
        let (keep, tail) = match stem {
            Stem::Prefix(length) => (*length, ""),
            Stem::Other(stem) => split_stem(word, stem),
        };
        if word.is_empty() || word.len() > SLOT_WORD || tail.len() > SLOT_TAIL {
            return None;
        }
        let mut slot = EMPTY_SLOT;
        // Lengths fit in a byte: both are bounded by the array sizes above.
        slot.word_len = word.len() as u8;
        slot.keep = u8::try_from(keep).ok()?;
        slot.tail_len = tail.len() as u8;
        slot.word[..word.len()].copy_from_slice(word.as_bytes());
        slot.tail[..tail.len()].copy_from_slice(tail.as_bytes());
        Some(slot)
    }

    fn holds(&self, word: &str) -> bool {
        let length = usize::from(self.word_len);
        length == word.len() && self.word[..length] == *word.as_bytes()
    }

    /// Turns `word`, the word this slot holds, into its stem. False (and
    /// `word` untouched) if the slot's bytes are not what `new` put there.
    fn apply(&self, word: &mut String) -> bool {
        let keep = usize::from(self.keep);
        let Ok(tail) = std::str::from_utf8(&self.tail[..usize::from(self.tail_len)]) else {
            return false;
        };
        if !word.is_char_boundary(keep) {
            return false;
        }
        word.truncate(keep);
        word.push_str(tail);
        true
    }
}

/// `stem` as the longest prefix it shares with `word` (cut at a character
/// boundary) and the rest.
fn split_stem<'a>(word: &str, stem: &'a str) -> (usize, &'a str) {
    let mut keep = word
        .bytes()
        .zip(stem.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !stem.is_char_boundary(keep) {
        keep -= 1;
    }
    (keep, &stem[keep..])
}

/// Turns `text` into its stem.
fn apply_stem(text: &mut String, stem: &Stem) {
    match stem {
        Stem::Prefix(length) => text.truncate(*length),
        Stem::Other(stem) => {
            text.clear();
            text.push_str(stem);
        }
    }
}

/// Index of `word`'s slot.
fn slot_of(word: &str) -> usize {
    let mut hasher = FxHasher::default();
    hasher.write(word.as_bytes());
    (hasher.finish().wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOT_BITS)) as usize
}

/// The word -> stem memo and the stemmer that fills it: a small direct-mapped
/// table of inline slots for the frequent words, in front of a map of every
/// word seen (profiling showed the map alone missing the CPU caches on most
/// lookups), in front of the real stemmer.
struct StemCache {
    /// Allocated on a thread's first stem, once per thread.
    slots: Vec<Slot>,
    map: StemMap,
    plain: PlainStemmer,
}

impl StemCache {
    fn new() -> StemCache {
        StemCache {
            slots: Vec::new(),
            map: StemMap::default(),
            plain: Stemmer::new(Language::English).transform(RawTokenizer::default()),
        }
    }

    /// Replaces `text` by its stem.
    fn stem_in_place(&mut self, text: &mut String) {
        if self.slots.is_empty() {
            self.slots = vec![EMPTY_SLOT; 1 << SLOT_BITS];
        }
        let slot = slot_of(text);
        if self.slots[slot].holds(text) && self.slots[slot].apply(text) {
            return;
        }
        let stem = match self.map.get(text.as_str()) {
            Some(stem) => stem,
            None => {
                let stem = self.compute(text);
                if self.map.len() >= MAX_ENTRIES {
                    self.map.clear();
                }
                self.map.entry(text.as_str().into()).or_insert(stem)
            }
        };
        if let Some(filled) = Slot::new(text, stem) {
            self.slots[slot] = filled;
        }
        apply_stem(text, stem);
    }

    /// Runs tantivy's stemmer on one word.
    fn compute(&mut self, word: &str) -> Stem {
        let mut stream = self.plain.token_stream(word);
        // A raw tokenizer always yields exactly one token; keep the word
        // unchanged should that ever not hold.
        if !stream.advance() {
            return Stem::Prefix(word.len());
        }
        let stem = stream.token().text.as_str();
        if word.starts_with(stem) {
            Stem::Prefix(stem.len())
        } else {
            Stem::Other(stem.into())
        }
    }
}

thread_local! {
    /// One memo per thread. tantivy clones the registered analyzer for every
    /// field of every segment writer and every query; a memo per clone made
    /// each query allocate and zero the slot table again (query latency
    /// doubled), while a thread's words are the same whatever the clone.
    static CACHE: RefCell<StemCache> = RefCell::new(StemCache::new());
}

/// The tokenizer `CachedEnglishStemmer` wraps around the one before it.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// Token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<S> {
    tail: S,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let text = &mut self.tail.token_mut().text;
        let memoised = CACHE.try_with(|cache| match cache.try_borrow_mut() {
            Ok(mut cache) => {
                cache.stem_in_place(text);
                true
            }
            Err(_) => false,
        });
        // Without the memo (a thread being torn down, or a stemmer re-entered
        // from inside itself), stem the plain way rather than fail.
        if !matches!(memoised, Ok(true)) {
            let stem = StemCache::new().compute(text);
            apply_stem(text, &stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{
        AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    };

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |token| out.push(token.clone()));
        out
    }

    fn analyzer(cached: bool) -> TextAnalyzer {
        let builder = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter);
        if cached {
            builder.filter(CachedEnglishStemmer).build()
        } else {
            builder.filter(Stemmer::new(Language::English)).build()
        }
    }

    #[test]
    fn same_tokens_as_tantivys_stemmer_twice_over() {
        let text = concat!(
            "Happy companies generously reported running sanctions; the happiest company's ",
            "sanction ran. Mélanie's naïve généralisations happily ran, running, runs: ",
            "Happy HAPPY happy 1990s U.S. dying lying skies news news'"
        );
        let mut plain = analyzer(false);
        let mut cached = analyzer(true);
        let expected = tokens(&mut plain, text);
        // The first pass fills the cache, the second reads from it.
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(tokens(&mut cached, text), expected);
        assert!(expected.iter().any(|token| token.text == "happi"));
    }

    #[test]
    fn words_sharing_a_slot_or_too_long_for_one_stay_right() {
        let mut plain = analyzer(false);
        let mut cached = analyzer(true);
        // Far more words than slots, so many share one; some longer than a slot.
        let mut text = String::new();
        for n in 0..(3usize << SLOT_BITS) {
            text.push_str(&format!("generously{n}ies happiness{n} "));
        }
        text.push_str("counterrevolutionarinesses antidisestablishmentarianisms ");
        let expected = tokens(&mut plain, &text);
        assert_eq!(tokens(&mut cached, &text), expected);
        assert_eq!(tokens(&mut cached, &text), expected);
    }

    #[test]
    fn a_stem_splits_at_a_character_boundary() {
        assert_eq!(split_stem("happy", "happi"), (4, "i"));
        assert_eq!(split_stem("running", "run"), (3, ""));
        // Same first byte, different characters: the cut backs off to 0.
        assert_eq!(split_stem("é", "è"), (0, "è"));
    }

    #[test]
    fn a_full_cache_starts_over_and_stays_right() {
        let mut cache = StemCache::new();
        for n in 0..MAX_ENTRIES + 10 {
            let mut word = format!("word{n}s");
            cache.stem_in_place(&mut word);
            assert_eq!(word, format!("word{n}"));
        }
        assert!(cache.map.len() < MAX_ENTRIES);
    }
}
