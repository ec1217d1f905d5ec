//! Tokenizer and sentence splitter for entity tagging.
//!
//! Owns the step from raw article text to sentences of tokens with byte
//! offsets. It reproduces CoNLL-2003 tokenization on detokenized Reuters text
//! (`U.S.` and `Inc.` keep their dot, `'s` and `n't` split off, hyphenated
//! words stay whole) and copes with modern scraped news: curly quotes and
//! apostrophes, `#hashtags` (the `#` is dropped so `#NATO` tags as `NATO`),
//! `@handles`, URLs, `pic.twitter.com` links, e-mail addresses and the
//! `[email protected]` debris that scrapers leave, which all become
//! [`TokenKind::Junk`] tokens that are never part of an entity. The
//! character-level rules live in [`super::chunk_rules`].

use super::chunk_rules::{
    ends_with_ignore_case, inner_separator, is_instrument_code, is_junk_chunk, is_leading_punct,
    is_trailing_punct, keeps_final_dot, keeps_state_dot, CLITICS,
};

/// What a token is, as far as tagging cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word, number or punctuation mark, tagged by the model.
    Word,
    /// A word written as a hashtag; its span excludes the `#`.
    Hashtag,
    /// A URL, handle, e-mail or scraping debris: always outside any entity.
    Junk,
}

/// One token: a byte range of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text inside `text`, the string it was cut from.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Collects tokens into sentences, breaking after sentence-final punctuation.
struct SentenceBuilder {
    sentences: Vec<Vec<Token>>,
    current: Vec<Token>,
    /// Set after `.`, `!` or `?`; closing quotes keep it, the next word decides.
    pending_break: bool,
}

impl SentenceBuilder {
    fn push(&mut self, token: Token, text: &str) {
        let token_text = token.text(text);
        let first = token_text.chars().next().unwrap_or(' ');
        if self.pending_break {
            let attached = self
                .current
                .last()
                .is_some_and(|last| last.end == token.start);
            let straight_quote = matches!(first, '"' | '\'');
            let closes = matches!(first, '”' | '’' | ')' | ']') || (straight_quote && attached);
            if !closes {
                let opens_sentence = first.is_uppercase()
                    || first.is_ascii_digit()
                    || matches!(first, '"' | '“' | '‘' | '(' | '—' | '–');
                if opens_sentence {
                    self.end_sentence();
                }
                self.pending_break = false;
            }
        }
        self.current.push(token);
        if matches!(token_text, "." | "!" | "?" | "..." | "…") {
            self.pending_break = true;
        }
    }

    fn end_sentence(&mut self) {
        self.pending_break = false;
        if !self.current.is_empty() {
            let full = std::mem::replace(&mut self.current, Vec::with_capacity(32));
            self.sentences.push(full);
        }
    }
}

/// Splits `text` into sentences of tokens.
///
/// A blank line always ends a sentence; a single line break ends one when the
/// line before ends a sentence or is short (a headline, a byline), and
/// otherwise counts as a space (hard-wrapped text).
pub fn tokenize(text: &str) -> Vec<Vec<Token>> {
    let mut builder = SentenceBuilder {
        sentences: Vec::new(),
        current: Vec::new(),
        pending_break: false,
    };
    let mut offset = 0;
    let mut previous_line_short = true;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end();
        if content.trim().is_empty() {
            builder.end_sentence();
            previous_line_short = true;
            continue;
        }
        let ends_sentence = content.ends_with(['.', '!', '?', ':', '"', '”']);
        if previous_line_short {
            builder.end_sentence();
        }
        tokenize_line(content, line_start, text, &mut builder);
        previous_line_short = content.chars().count() < 60 || ends_sentence;
    }
    builder.end_sentence();
    builder.sentences
}

/// Tokenizes one line whose first byte sits at `line_start` of `text`.
fn tokenize_line(line: &str, line_start: usize, text: &str, builder: &mut SentenceBuilder) {
    let base = line.as_ptr() as usize;
    let offset_of = |chunk: &str| chunk.as_ptr() as usize - base;
    let mut chunks = line
        .split(char::is_whitespace)
        .filter(|chunk| !chunk.is_empty())
        .peekable();
    while let Some(chunk) = chunks.next() {
        let absolute = line_start + offset_of(chunk);
        // Cloudflare's e-mail obfuscation: `[email protected]` spans two chunks.
        let is_email_debris = chunk.ends_with("[email")
            && chunks
                .peek()
                .is_some_and(|next| next.starts_with("protected]"));
        let next = if is_email_debris { chunks.next() } else { None };
        let Some(next) = next else {
            split_chunk(chunk, absolute, text, builder);
            continue;
        };
        let lead = chunk.len() - "[email".len();
        split_chunk(&chunk[..lead], absolute, text, builder);
        let debris_end = line_start + offset_of(next) + "protected]".len();
        builder.push(
            Token {
                start: absolute + lead,
                end: debris_end,
                kind: TokenKind::Junk,
            },
            text,
        );
        split_chunk(&next["protected]".len()..], debris_end, text, builder);
    }
}

/// Splits one whitespace-free chunk starting at byte `start` into tokens.
fn split_chunk(chunk: &str, start: usize, text: &str, builder: &mut SentenceBuilder) {
    if chunk.is_empty() {
        return;
    }
    // Most chunks are plain words: no rule below applies to letters and digits.
    if chunk.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
        let word = Token {
            start,
            end: start + chunk.len(),
            kind: TokenKind::Word,
        };
        builder.push(word, text);
        return;
    }
    // `( DE.N )`, `KARG.DE,`, `.DJI.`: a market's instrument code is junk;
    // the brackets and punctuation around it stay tokens.
    let opened = chunk.trim_start_matches(['(', '<', '[']);
    let code = opened.trim_end_matches([')', '>', ']', ',', ';', ':', '.']);
    if code.contains('.') && is_instrument_code(code) {
        let lead = chunk.len() - opened.len();
        split_chunk(&chunk[..lead], start, text, builder);
        let junk = Token {
            start: start + lead,
            end: start + lead + code.len(),
            kind: TokenKind::Junk,
        };
        builder.push(junk, text);
        split_chunk(
            &chunk[lead + code.len()..],
            start + lead + code.len(),
            text,
            builder,
        );
        return;
    }
    if let Some((cut, cut_end)) = inner_separator(chunk) {
        // Links keep their slashes and dots.
        if !is_junk_chunk(chunk) {
            split_chunk(&chunk[..cut], start, text, builder);
            let separator = Token {
                start: start + cut,
                end: start + cut_end,
                kind: TokenKind::Word,
            };
            builder.push(separator, text);
            split_chunk(&chunk[cut_end..], start + cut_end, text, builder);
            return;
        }
    }
    let mut lo = 0;
    let mut hi = chunk.len();
    let mut hashtag = false;
    // Leading punctuation, one token per character.
    while let Some(c) = chunk[lo..hi].chars().next() {
        if c == '#'
            && chunk[lo + 1..hi]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            hashtag = true;
            lo += 1;
            break;
        }
        let dot_before_word = c == '.'
            && chunk[lo + 1..hi]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if !(is_leading_punct(c) || dot_before_word) || lo + c.len_utf8() == hi {
            break;
        }
        let word = Token {
            start: start + lo,
            end: start + lo + c.len_utf8(),
            kind: TokenKind::Word,
        };
        builder.push(word, text);
        lo += c.len_utf8();
    }
    // Trailing punctuation, collected right to left.
    let mut trailing: Vec<Token> = Vec::new();
    loop {
        let core = &chunk[lo..hi];
        let Some(c) = core.chars().next_back() else {
            break;
        };
        if core.len() == c.len_utf8() {
            break;
        }
        let may_have_clitic = core.contains(['\'', '’']);
        if let Some(clitic) = CLITICS
            .iter()
            .filter(|_| may_have_clitic)
            .find(|clitic| ends_with_ignore_case(core, clitic))
        {
            let word_part = &core[..core.len() - clitic.len()];
            if word_part.chars().any(char::is_alphanumeric) {
                hi -= clitic.len();
                trailing.push(Token {
                    start: start + hi,
                    end: start + hi + clitic.len(),
                    kind: TokenKind::Word,
                });
                continue;
            }
        }
        if !is_trailing_punct(c) {
            break;
        }
        let keeps_dot =
            c == '.' && (keeps_final_dot(core) || keeps_state_dot(core, &text[start + hi..]));
        if keeps_dot && !is_junk_chunk(core) {
            break;
        }
        hi -= c.len_utf8();
        trailing.push(Token {
            start: start + hi,
            end: start + hi + c.len_utf8(),
            kind: TokenKind::Word,
        });
    }
    let core = &chunk[lo..hi];
    if !core.is_empty() {
        let kind = if is_junk_chunk(core) {
            TokenKind::Junk
        } else if hashtag {
            TokenKind::Hashtag
        } else {
            TokenKind::Word
        };
        push_core(core, start + lo, kind, text, builder);
    }
    for token in trailing.into_iter().rev() {
        builder.push(token, text);
    }
}

/// Pushes a word, splitting it at dashes and slashes between words (`word—word`).
fn push_core(core: &str, start: usize, kind: TokenKind, text: &str, builder: &mut SentenceBuilder) {
    if kind == TokenKind::Junk {
        builder.push(
            Token {
                start,
                end: start + core.len(),
                kind,
            },
            text,
        );
        return;
    }
    let mut piece_start = 0;
    for (index, c) in core.char_indices() {
        if matches!(c, '—' | '–' | '…') {
            if index > piece_start {
                builder.push(
                    Token {
                        start: start + piece_start,
                        end: start + index,
                        kind,
                    },
                    text,
                );
            }
            let dash_end = index + c.len_utf8();
            builder.push(
                Token {
                    start: start + index,
                    end: start + dash_end,
                    kind: TokenKind::Word,
                },
                text,
            );
            piece_start = dash_end;
        }
    }
    if piece_start < core.len() {
        builder.push(
            Token {
                start: start + piece_start,
                end: start + core.len(),
                kind,
            },
            text,
        );
    }
}

#[cfg(test)]
#[path = "tokenize_tests.rs"]
mod tests;
