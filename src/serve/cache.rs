//! Answers already given, kept while the index they were read from is the
//! one in view.
//!
//! The page asks the same things again and again (each keystroke's search
//! with its timeline and facets, a link opened twice), and a report over a
//! large result set costs far more than copying its bytes. An answer is kept
//! under its route and query string; it is valid for one set of segments
//! (tantivy's [`SearcherGeneration`] without its counter, which the reader
//! bumps on every reload even when nothing was committed). When a commit
//! changes the segments, every kept answer goes at once. Memory is bounded:
//! the least recently used answers go first once the answers' bytes pass the
//! budget, and an answer too large for a fair share of it is never kept.

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::body::Bytes;
use lru::LruCache;
use tantivy::index::SegmentId;
use tantivy::Opstamp;

/// What identifies the documents a searcher sees: its segments and their deletes.
pub type Segments = BTreeMap<SegmentId, Option<Opstamp>>;

/// The bytes an answer may take at most, as a share of the budget: one huge
/// answer must not push out hundreds of small ones.
const LARGEST_SHARE: usize = 16;

/// The kept answers of one set of segments.
pub struct AnswerCache {
    budget_bytes: usize,
    state: Mutex<CacheState>,
}

struct CacheState {
    segments: Option<Segments>,
    answers: LruCache<String, Bytes>,
    bytes: usize,
}

/// How much an entry takes: its key and its answer (the bookkeeping is small beside them).
fn entry_bytes(key: &str, answer: &Bytes) -> usize {
    key.len() + answer.len()
}

impl AnswerCache {
    /// A cache holding at most `budget_bytes` of answers (0 keeps none).
    pub fn new(budget_bytes: usize) -> AnswerCache {
        AnswerCache {
            budget_bytes,
            state: Mutex::new(CacheState {
                segments: None,
                answers: LruCache::unbounded(),
                bytes: 0,
            }),
        }
    }

    /// The answer kept for `key` over exactly `segments`; answers kept over
    /// other segments are dropped on the way.
    pub fn get(&self, segments: &Segments, key: &str) -> Option<Bytes> {
        let mut state = self.lock();
        if state.segments.as_ref() != Some(segments) {
            state.clear_for(segments.clone());
            return None;
        }
        state.answers.get(key).cloned()
    }

    /// Keeps `answer` for `key`, read over `segments`; an answer read over
    /// segments that are no longer the newest ones seen is not kept.
    pub fn put(&self, segments: &Segments, key: String, answer: Bytes) {
        let size = entry_bytes(&key, &answer);
        if size > self.budget_bytes / LARGEST_SHARE {
            return;
        }
        let mut state = self.lock();
        if state.segments.as_ref() != Some(segments) {
            return;
        }
        if let Some(replaced) = state.answers.put(key.clone(), answer) {
            state.bytes -= entry_bytes(&key, &replaced);
        }
        state.bytes += size;
        while state.bytes > self.budget_bytes {
            let Some((old_key, old_answer)) = state.answers.pop_lru() else {
                break;
            };
            state.bytes -= entry_bytes(&old_key, &old_answer);
        }
    }

    /// How many answers are kept, and their bytes.
    #[cfg(test)]
    fn usage(&self) -> (usize, usize) {
        let state = self.lock();
        (state.answers.len(), state.bytes)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, CacheState> {
        // A panic while holding the lock leaves whole entries only (every
        // change is one call on the map): the state is still sound.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl CacheState {
    fn clear_for(&mut self, segments: Segments) {
        self.answers.clear();
        self.bytes = 0;
        self.segments = Some(segments);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments_of(count: usize) -> Segments {
        (0..count).map(|_| (SegmentId::generate_random(), None)).collect()
    }

    #[test]
    fn answers_are_kept_per_segment_set() {
        let cache = AnswerCache::new(1 << 20);
        let first = segments_of(2);
        assert_eq!(cache.get(&first, "a"), None);
        cache.put(&first, "a".to_string(), Bytes::from_static(b"one"));
        assert_eq!(cache.get(&first, "a"), Some(Bytes::from_static(b"one")));
        let second = segments_of(3);
        assert_eq!(cache.get(&second, "a"), None, "a commit drops the answers");
        cache.put(&first, "a".to_string(), Bytes::from_static(b"stale"));
        assert_eq!(cache.get(&second, "a"), None, "an answer of old segments is not kept");
        assert_eq!(cache.usage(), (0, 0));
    }

    #[test]
    fn the_budget_bounds_the_bytes_kept() {
        let budget = 16 * 100;
        let cache = AnswerCache::new(budget);
        let segments = segments_of(1);
        assert_eq!(cache.get(&segments, "warm"), None);
        for number in 0..100 {
            cache.put(&segments, format!("k{number:02}"), Bytes::from(vec![b'x'; 90]));
        }
        let (kept, bytes) = cache.usage();
        assert!(bytes <= budget, "{bytes} bytes kept");
        assert!(kept > 0 && kept < 100, "{kept} kept");
        assert_eq!(cache.get(&segments, "k00"), None, "the oldest went first");
        assert!(cache.get(&segments, "k99").is_some(), "the newest stays");
        cache.put(&segments, "big".to_string(), Bytes::from(vec![b'x'; 200]));
        assert_eq!(cache.get(&segments, "big"), None, "over a fair share: not kept");
    }
}
