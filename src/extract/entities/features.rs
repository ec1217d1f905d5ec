//! Feature extraction for the entity tagger, shared by training and tagging.
//!
//! Owns the hashed feature templates: the lowercased word, its shape, prefixes
//! and suffixes, ±2 words of context, sentence-initial and headline flags,
//! whether the word is seen lowercase or capitalized elsewhere in the same
//! article, and gazetteer hits. Every feature is a 64-bit hash; the model maps
//! it into a fixed table, so no vocabulary is stored.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already good 64-bit hashes.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = mix(self.0, u64::from(*byte));
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A set of word hashes.
pub type HashSet64 = HashSet<u64, BuildHasherDefault<IdentityHasher>>;

/// Mixes `value` into `hash` (FxHash step followed by a rotation).
#[inline]
pub fn mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(5) ^ value).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Final avalanche so that the top bits used as bucket index are well spread.
#[inline]
pub fn finish(hash: u64) -> u64 {
    let mut x = hash;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Starting value of character hashes.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Hash of a character sequence.
fn hash_chars(chars: &[char]) -> u64 {
    chars
        .iter()
        .fold(FNV_OFFSET, |hash, c| mix(hash, u64::from(*c)))
}

/// Character used for features: curly quotes straightened, digits folded to `0`.
fn normalize_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '—' | '–' => '-',
        c if c.is_ascii_digit() => '0',
        c => c,
    }
}

/// Per-token facts computed once and reused by every template.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    pub lower: u64,
    pub cased: u64,
    pub shape: u64,
    /// First and last four normalized lowercase characters (`\0` padded),
    /// hashed into affix features only for tokens the model scores.
    pub head: [char; 4],
    pub tail: [char; 4],
    pub char_count: u8,
    pub length_bucket: u8,
    /// Starts with an uppercase letter.
    pub capitalized: bool,
    /// Starts with a lowercase letter.
    pub lowercase: bool,
    pub hashtag: bool,
    /// Contains an uppercase letter or a digit: a possible entity word.
    pub interesting: bool,
    /// Contains an uppercase letter.
    pub has_capital: bool,
    /// Follows a colon or a dash, where a clause opens (`Vladimir Putin: Go
    /// ahead`, `SYDNEY - Building products maker`).
    pub after_opening: bool,
    /// Uppercase and lowercase letters after the first letter, for [`sentence_case`].
    pub inner_upper: u16,
    pub inner_lower: u16,
}

impl TokenInfo {
    /// Computes the facts of one token; `scratch` is a reusable buffer.
    pub fn new(word: &str, hashtag: bool, scratch: &mut Vec<char>) -> TokenInfo {
        if !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_lowercase()) {
            return TokenInfo::new_ascii_lowercase(word, hashtag);
        }
        scratch.clear();
        let mut info = TokenInfo {
            hashtag,
            ..TokenInfo::default()
        };
        let mut cased = FNV_OFFSET;
        let mut lower = FNV_OFFSET;
        let mut shape = FNV_OFFSET;
        let mut last_class = '\0';
        let mut seen_letter = false;
        for raw in word.chars() {
            let mut c = normalize_char(raw);
            cased = mix(cased, u64::from(c));
            let class = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c == '0' {
                'd'
            } else {
                c
            };
            info.interesting |= class == 'X' || class == 'd';
            info.has_capital |= class == 'X';
            if class != last_class {
                shape = mix(shape, u64::from(class));
                last_class = class;
            }
            if class == 'X' || class == 'x' {
                if !seen_letter {
                    info.capitalized = class == 'X';
                    info.lowercase = class == 'x';
                    seen_letter = true;
                } else if class == 'X' {
                    info.inner_upper = info.inner_upper.saturating_add(1);
                } else {
                    info.inner_lower = info.inner_lower.saturating_add(1);
                }
            }
            if class == 'X' {
                c = c.to_lowercase().next().unwrap_or(c);
            }
            lower = mix(lower, u64::from(c));
            scratch.push(c);
        }
        info.cased = cased;
        let starts_with_letter = scratch.first().is_some_and(|c| c.is_alphabetic());
        info.capitalized &= starts_with_letter;
        info.lowercase &= starts_with_letter;
        info.shape = shape;
        info.lower = lower;
        let count = scratch.len();
        for n in 0..4.min(count) {
            info.head[n] = scratch[n];
            info.tail[n] = scratch[count - 1 - n];
        }
        info.char_count = count.min(255) as u8;
        info.length_bucket = match count {
            0..=4 => count as u8,
            5..=6 => 5,
            7..=10 => 6,
            _ => 7,
        };
        info
    }

    /// The same facts as [`TokenInfo::new`] for the most common token, a plain
    /// lowercase ASCII word, without per-character Unicode work.
    fn new_ascii_lowercase(word: &str, hashtag: bool) -> TokenInfo {
        debug_assert!(word.bytes().all(|byte| byte.is_ascii_lowercase()));
        let bytes = word.as_bytes();
        let hash = bytes
            .iter()
            .fold(FNV_OFFSET, |hash, byte| mix(hash, u64::from(*byte)));
        let count = bytes.len();
        let mut info = TokenInfo {
            lower: hash,
            cased: hash,
            shape: mix(FNV_OFFSET, u64::from('x')),
            lowercase: true,
            hashtag,
            inner_lower: u16::try_from(count - 1).unwrap_or(u16::MAX),
            char_count: count.min(255) as u8,
            length_bucket: match count {
                0..=4 => count as u8,
                5..=6 => 5,
                7..=10 => 6,
                _ => 7,
            },
            ..TokenInfo::default()
        };
        for n in 0..4.min(count) {
            info.head[n] = char::from(bytes[n]);
            info.tail[n] = char::from(bytes[count - 1 - n]);
        }
        info
    }

    /// Hash of the first `n` characters (1..=4).
    fn prefix(&self, n: usize) -> u64 {
        let take = n.min(usize::from(self.char_count)).min(4);
        mix(hash_chars(&self.head[..take]), n as u64)
    }

    /// Hash of the last `n` characters (1..=4), read backwards.
    fn suffix(&self, n: usize) -> u64 {
        let take = n.min(usize::from(self.char_count)).min(4);
        mix(hash_chars(&self.tail[..take]), 16 + n as u64)
    }
}

/// Article-wide evidence about how each word is written elsewhere.
#[derive(Debug, Default)]
pub struct DocContext {
    /// Words seen starting lowercase in ordinary (not all-caps) sentences.
    pub seen_lowercase: HashSet64,
    /// Words seen capitalized, not sentence-initial, in ordinary sentences.
    pub seen_capitalized: HashSet64,
    /// Words seen capitalized in ordinary sentences where no clause opens
    /// (neither first nor after a colon or a dash): evidence of a name.
    pub capitalized_inside: HashSet64,
    /// Words of two letters or more seen written in capitals in ordinary
    /// sentences (`USDA`): an acronym, kept so in a shouted headline.
    pub seen_in_capitals: HashSet64,
}

impl DocContext {
    /// Records one sentence's words. A headline's (ALL CAPS or Title Case)
    /// say nothing of how the article writes them: a Title Case headline
    /// would mark `the` and `supported` as written capitalized.
    pub fn add_sentence(&mut self, tokens: &[TokenInfo], case: SentenceCase) {
        if case != SentenceCase::Normal {
            return;
        }
        for (position, token) in tokens.iter().enumerate() {
            if token.lowercase {
                self.seen_lowercase.insert(token.lower);
            } else if token.capitalized && position > 0 {
                if token.inner_upper > 0 && token.inner_lower == 0 {
                    self.seen_in_capitals.insert(token.lower);
                }
                self.seen_capitalized.insert(token.lower);
                if !token.after_opening {
                    self.capitalized_inside.insert(token.lower);
                }
            }
        }
    }
}

/// How a sentence is written as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceCase {
    Normal,
    /// A headline or heading in capitals: case says nothing.
    AllCaps,
    /// Most words capitalized (a title-case headline).
    TitleCase,
}

/// Classifies a sentence from its tokens.
pub fn sentence_case(tokens: &[TokenInfo]) -> SentenceCase {
    let (mut upper, mut lower) = (0usize, 0usize);
    let (mut capitalized_words, mut alphabetic_words) = (0usize, 0usize);
    for token in tokens {
        if !token.capitalized && !token.lowercase {
            continue;
        }
        alphabetic_words += 1;
        capitalized_words += usize::from(token.capitalized);
        upper += usize::from(token.inner_upper);
        lower += usize::from(token.inner_lower);
    }
    if upper >= 2 && lower * 10 < upper {
        return SentenceCase::AllCaps;
    }
    if alphabetic_words >= 4 && capitalized_words * 10 >= alphabetic_words * 8 {
        return SentenceCase::TitleCase;
    }
    SentenceCase::Normal
}

/// Gazetteer hits of one token: bit `2*k` = begins a name of kind `k`, `2*k+1` = inside one.
pub type GazetteerBits = u8;

/// Hash for a padding word outside the sentence.
const PAD_BEFORE: u64 = 0x1111_2222_3333_4444;
const PAD_AFTER: u64 = 0x5555_6666_7777_8888;

/// Hash of one feature: a template number and a value.
#[inline]
fn feature(template: u64, value: u64) -> u64 {
    mix(mix(template, value), template)
}

/// Appends the features that depend on the token alone (word, shape, affixes)
/// and on whether it opens its sentence and how the sentence is cased; the
/// tagger caches their scores per distinct combination.
pub fn word_features(token: &TokenInfo, initial: bool, case: SentenceCase, out: &mut Vec<u64>) {
    let cased_template = case_template(case);
    out.push(feature(1, 0));
    out.push(feature(2, token.lower));
    out.push(feature(cased_template(3), token.cased));
    out.push(feature(cased_template(4), token.shape));
    out.push(feature(
        cased_template(5),
        mix(token.shape, u64::from(token.length_bucket)),
    ));
    for n in 1..=4 {
        out.push(feature(cased_template(9 + n as u64), token.prefix(n)));
        out.push(feature(cased_template(19 + n as u64), token.suffix(n)));
    }
    out.push(feature(46, u64::from(token.hashtag)));
    let initial = u64::from(initial);
    let case_id = case as u64;
    out.push(feature(41, mix(initial, token.shape)));
    out.push(feature(42, mix(initial, token.lower)));
    out.push(feature(43, mix(case_id, token.shape)));
    out.push(feature(44, mix(case_id, token.lower)));
}

/// The template number of a feature that reads how a word is written (its
/// written form, shape, the shapes around it) or stands in for an unknown
/// word's look (affixes), kept apart per sentence case: in a headline in
/// capitals or Title Case every word looks like a name, and sharing these
/// weights with ordinary sentences would teach the model that a capital says
/// little in running text too. The word itself, its neighbours and the
/// gazetteer are shared: what they say holds in any case, and headlines learn
/// it from the case-augmented training copies (`train::case_copies`).
fn case_template(case: SentenceCase) -> impl Fn(u64) -> u64 {
    move |template| match case {
        SentenceCase::Normal => template,
        SentenceCase::AllCaps | SentenceCase::TitleCase => template + 100 * (case as u64 + 1),
    }
}

/// Appends the features of token `i` that depend on its sentence and article.
pub fn context_features(
    tokens: &[TokenInfo],
    gazetteer: &[GazetteerBits],
    (i, case): (usize, SentenceCase),
    doc: &DocContext,
    out: &mut Vec<u64>,
) {
    let cased_template = case_template(case);
    let token = &tokens[i];
    let word_at = |offset: isize| -> u64 {
        let position = i as isize + offset;
        if position < 0 {
            return PAD_BEFORE;
        }
        tokens.get(position as usize).map_or(PAD_AFTER, |t| t.lower)
    };
    let shape_at = |offset: isize| -> u64 {
        let position = i as isize + offset;
        if position < 0 {
            return PAD_BEFORE;
        }
        tokens.get(position as usize).map_or(PAD_AFTER, |t| t.shape)
    };
    let mut push = |template: u64, value: u64| out.push(feature(template, value));
    push(30, word_at(-1));
    push(31, word_at(1));
    push(32, word_at(-2));
    push(33, word_at(2));
    push(cased_template(34), shape_at(-1));
    push(cased_template(35), shape_at(1));
    push(36, mix(word_at(-1), token.lower));
    push(37, mix(token.lower, word_at(1)));
    push(
        cased_template(38),
        mix(mix(shape_at(-1), token.shape), shape_at(1)),
    );
    let seen_lower = doc.seen_lowercase.contains(&token.lower);
    let seen_capital = doc.seen_capitalized.contains(&token.lower);
    let seen = u64::from(seen_lower) | u64::from(seen_capital) << 1;
    push(cased_template(50), mix(seen, token.shape));
    let bits = gazetteer.get(i).copied().unwrap_or(0);
    if bits != 0 {
        push(60, u64::from(bits));
        push(cased_template(61), mix(u64::from(bits), token.shape));
        let before = if i > 0 { gazetteer[i - 1] } else { 0 };
        let after = gazetteer.get(i + 1).copied().unwrap_or(0);
        push(
            62,
            mix(mix(u64::from(before), u64::from(bits)), u64::from(after)),
        );
    }
}
