//! Character and chunk rules of the tokenizer: which punctuation splits off
//! a word, which dots belong to an abbreviation, which clitics split off, what
//! counts as a link or handle, and where a chunk must be cut although no space
//! separates its parts (a scraper's lost space).

/// Abbreviations that keep their final dot, lowercased and without the dot.
#[rustfmt::skip]
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "inc", "corp", "co", "ltd", "jr", "sr", "gen", "col", "lt",
    "sgt", "capt", "rep", "sen", "gov", "prof", "rev", "fr", "jan", "feb", "mar", "apr", "aug",
    "sep", "sept", "oct", "nov", "dec", "vs", "etc", "bros", "cos", "mt", "ft", "adm", "messrs",
    "pty", "plc", "cie", "ave", "u.s", "u.k", "u.n", "e.u",
];

/// US states as the AP abbreviates them (`Dekalb, Ill.`, `Calif.`), lowercased
/// and without the dot; they keep the dot only when capitalised (`ill.` and
/// `mass.` end sentences), see [`keeps_state_dot`].
#[rustfmt::skip]
const STATE_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "vt", "va", "wash", "wis", "wyo",
];

/// Whether `core` is a capitalised state abbreviation with its dot (`Ill.`)
/// that keeps the dot before `after`, the text after it: unless a sentence
/// ends there (a line end or a capital follows), where CoNLL-2003 writes the
/// dot as the sentence's full stop (`… in Pittsburgh, Pa. The`).
pub(super) fn keeps_state_dot(core: &str, after: &str) -> bool {
    let Some(stem) = core.strip_suffix('.') else {
        return false;
    };
    let state = stem.starts_with(|c: char| c.is_ascii_uppercase())
        && STATE_ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.eq_ignore_ascii_case(stem));
    let next = after.trim_start_matches([' ', '\t']).chars().next();
    let sentence_ends = next.is_none_or(|c| c == '\n' || c == '\r' || c.is_uppercase());
    state && !sentence_ends
}

/// Characters split off the front of a word, each as its own token.
pub(super) fn is_leading_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '`'
            | '«'
            | '„'
            | '<'
            | '*'
            | '—'
            | '–'
            | '…'
    )
}

/// Characters split off the end of a word, each as its own token.
pub(super) fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '-'
            | '}'
            | '"'
            | '\''
            | '”'
            | '’'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '.'
            | '»'
            | '>'
            | '*'
            | '—'
            | '–'
            | '…'
    )
}

/// Whether `chunk` (a whitespace-free run) is a link, handle or e-mail address.
pub(super) fn is_junk_chunk(chunk: &str) -> bool {
    let bytes = chunk.as_bytes();
    let (mut slashes, mut dots, mut uppercase) = (0usize, 0usize, false);
    for byte in bytes {
        match byte {
            b'@' => return true,
            b'/' => slashes += 1,
            b'.' => dots += 1,
            b'A'..=b'Z' => uppercase = true,
            _ => {}
        }
    }
    if slashes == 0 && dots == 0 {
        return false;
    }
    let bare_domain = !uppercase
        && [".com", ".org", ".net"]
            .iter()
            .any(|tld| chunk.ends_with(tld));
    if bare_domain {
        return true;
    }
    // Every link pattern below has a slash or at least two dots.
    (slashes > 0 || dots >= 2)
        && ["://", "www.", "pic.twitter.com", ".com/", ".org/"]
            .iter()
            .any(|pattern| chunk.contains(pattern))
}

/// Whether `core` ending in a dot keeps it: `U.S.`, `J.`, `Inc.`, `Mr.`.
pub(super) fn keeps_final_dot(core: &str) -> bool {
    let Some(stem) = core.strip_suffix('.') else {
        return false;
    };
    if stem.is_empty() || stem.ends_with('.') {
        return false;
    }
    let letters_and_dots = stem.chars().all(|c| c.is_alphabetic() || c == '.');
    let single_letter = stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic);
    let dotted = letters_and_dots && stem.contains('.');
    single_letter
        || dotted
        || ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.eq_ignore_ascii_case(stem))
}

/// Clitics split off the end of a word, CoNLL style.
#[rustfmt::skip]
pub(super) const CLITICS: &[&str] = &[
    "'s", "’s", "n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
];

/// Where a chunk must be cut although no space separates its parts: a double
/// quote inside it (`Europe."He`, a scraper's lost space), a dot between a
/// lowercase and an uppercase letter (`Russia.He`) or a slash between letters
/// (`Kwan/Bloomberg`). Returns the byte range of the separator.
pub(super) fn inner_separator(chunk: &str) -> Option<(usize, usize)> {
    // `“` and `”` start with the byte 0xE2 in UTF-8.
    if !chunk
        .bytes()
        .any(|byte| matches!(byte, b'"' | b'/' | b'.' | 0xE2))
    {
        return None;
    }
    let mut previous = ' ';
    // Letters since the last dot: `U.S.Army` is not cut, `NATO.Stoltenberg` is.
    let mut run_letters = 0usize;
    for (index, c) in chunk.char_indices() {
        let inside = index > 0 && index + c.len_utf8() < chunk.len();
        let mut after = chunk[index + c.len_utf8()..].chars();
        let next = after.next().unwrap_or(' ');
        let next_next = after.next().unwrap_or(' ');
        let quote = matches!(c, '"' | '“' | '”') && inside;
        let slash = c == '/' && previous.is_alphabetic() && next.is_alphabetic();
        let lost_space = c == '.'
            && next.is_uppercase()
            && (previous.is_lowercase() || (run_letters >= 2 && next_next.is_lowercase()));
        if quote || slash || lost_space {
            return Some((index, index + c.len_utf8()));
        }
        run_letters = if c.is_alphabetic() {
            run_letters + 1
        } else {
            0
        };
        previous = c;
    }
    None
}

/// ASCII-case-insensitive `ends_with` for the clitic table.
pub(super) fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}
