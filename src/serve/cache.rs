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
//!
//! Requests for the same answer that arrive while it is being computed wait
//! for that one computation ([`Gates`]) instead of each running it: a burst
//! of identical requests (several clients, or a page reloaded) costs one search.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

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

    fn lock(&self) -> MutexGuard<'_, CacheState> {
        // A panic while holding the lock leaves whole entries only (every
        // change is one call on the map): the state is still sound.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

type Gate = Arc<tokio::sync::Mutex<()>>;

/// One gate per answer being computed: the first request through computes,
/// the others wait at the gate and then find the answer kept.
#[derive(Default)]
pub struct Gates {
    open: Mutex<HashMap<String, Gate>>,
}

/// A request's passage through the gate of its answer; when the last
/// request of a key is through, the gate goes.
pub struct Turn<'a> {
    gates: &'a Gates,
    key: String,
    gate: Gate,
    passing: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Gates {
    /// Waits until no other request is computing the answer for `key`.
    pub async fn wait_turn(&self, key: &str) -> Turn<'_> {
        let gate = {
            let mut open = self.lock();
            Arc::clone(open.entry(key.to_string()).or_default())
        };
        let mut turn = Turn {
            gates: self,
            key: key.to_string(),
            gate,
            passing: None,
        };
        // Set only once held, so that a request dropped while waiting still
        // takes its gate away when it is the last one.
        turn.passing = Some(Arc::clone(&turn.gate).lock_owned().await);
        turn
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Gate>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    #[cfg(test)]
    fn open_count(&self) -> usize {
        self.lock().len()
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.passing.take();
        let mut open = self.gates.lock();
        // The map's reference and this one: nobody else waits at this gate.
        let last = Arc::strong_count(&self.gate) == 2;
        if last
            && open
                .get(&self.key)
                .is_some_and(|gate| Arc::ptr_eq(gate, &self.gate))
        {
            open.remove(&self.key);
        }
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
        (0..count)
            .map(|_| (SegmentId::generate_random(), None))
            .collect()
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
        assert_eq!(
            cache.get(&second, "a"),
            None,
            "an answer of old segments is not kept"
        );
        assert_eq!(cache.usage(), (0, 0));
    }

    #[test]
    fn the_budget_bounds_the_bytes_kept() {
        let budget = 16 * 100;
        let cache = AnswerCache::new(budget);
        let segments = segments_of(1);
        assert_eq!(cache.get(&segments, "warm"), None);
        for number in 0..100 {
            cache.put(
                &segments,
                format!("k{number:02}"),
                Bytes::from(vec![b'x'; 90]),
            );
        }
        let (kept, bytes) = cache.usage();
        assert!(bytes <= budget, "{bytes} bytes kept");
        assert!(kept > 0 && kept < 100, "{kept} kept");
        assert_eq!(cache.get(&segments, "k00"), None, "the oldest went first");
        assert!(cache.get(&segments, "k99").is_some(), "the newest stays");
        cache.put(&segments, "big".to_string(), Bytes::from(vec![b'x'; 200]));
        assert_eq!(
            cache.get(&segments, "big"),
            None,
            "over a fair share: not kept"
        );
    }

    #[tokio::test]
    async fn one_request_per_key_passes_at_a_time_and_gates_go_after() {
        let gates = Arc::new(Gates::default());
        let first = gates.wait_turn("a").await;
        let other_key = gates.wait_turn("b").await;
        let waiting_gates = Arc::clone(&gates);
        let second = tokio::spawn(async move {
            let _turn = waiting_gates.wait_turn("a").await;
        });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!second.is_finished(), "the same key waits");
        drop(first);
        second.await.expect("the second request passes");
        drop(other_key);
        assert_eq!(gates.open_count(), 0);
    }
}
