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

/// Whether `word` is a US state as the AP abbreviates it, capitalised, its
/// dot aside (`Calif`, `Tenn.`, `N.Y.`, `W.Va.`).
pub(super) fn is_state_abbreviation(word: &str) -> bool {
    let stem = word.strip_suffix('.').unwrap_or(word);
    let dotted = matches!(
        stem,
        "N.Y" | "N.J" | "N.M" | "N.C" | "S.C" | "N.D" | "S.D" | "N.H" | "R.I" | "W.Va" | "D.C"
    );
    dotted || is_listed_state(stem)
}

/// Whether `stem` (no dot) is a capitalised abbreviation of [`STATE_ABBREVIATIONS`].
fn is_listed_state(stem: &str) -> bool {
    stem.starts_with(|c: char| c.is_ascii_uppercase())
        && STATE_ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.eq_ignore_ascii_case(stem))
}

/// Whether `core` is a capitalised state abbreviation with its dot (`Ill.`)
/// that keeps the dot before `after`, the text after it: unless a sentence
/// ends there (a line end or a capital follows), where CoNLL-2003 writes the
/// dot as the sentence's full stop (`… in Pittsburgh, Pa. The`).
pub(super) fn keeps_state_dot(core: &str, after: &str) -> bool {
    let Some(stem) = core.strip_suffix('.') else {
        return false;
    };
    let state = is_listed_state(stem);
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

/// Exchange suffixes of Reuters instrument codes (`IBM.N`, `VOD.L`, `7203.T`).
#[rustfmt::skip]
const EXCHANGES: &[&str] = &[
    "N", "O", "OQ", "A", "P", "K", "L", "DE", "PA", "T", "HK", "AS", "MI", "TO", "SS", "SZ", "KS",
    "KQ", "BO", "NS", "AX", "SI", "MC", "ST", "CO", "HE", "OL", "BR", "VI", "S", "SW", "VX", "F",
    "MX", "SA", "TW", "J", "TA", "IS", "BK", "KL", "JK", "PS", "NZ", "I", "LS", "AT", "WA", "PR",
    "BU", "MM", "Z", "CA", "QA", "AD", "DU", "KW", "SE", "BA", "LM", "CN", "V", "MCX", "IL",
];

/// Whether `code` is a market's code for an instrument, which names nothing
/// (`KARG.DE`, `DCXGn.DE`, `7203.T` for shares, `.DJI`, `.N225` for indices):
/// a ticker of capitals or digits (one lowercase letter for a share class) and
/// an exchange's suffix, or an index's code after a dot. `U.S`, `U.N` and
/// `ST.LOUIS` are not: a ticker of one letter is left to initials, and a
/// suffix must be an exchange's.
pub(super) fn is_instrument_code(code: &str) -> bool {
    let Some((ticker, exchange)) = code.split_once('.') else {
        return false;
    };
    let capitals_or_digits = |part: &str| {
        part.bytes()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
    };
    if ticker.is_empty() {
        let index = exchange.len() >= 2 && exchange.len() <= 12;
        let opens_with_letter = exchange.starts_with(|c: char| c.is_ascii_uppercase());
        return index && opens_with_letter && capitals_or_digits(exchange);
    }
    let class_letters = ticker.bytes().filter(u8::is_ascii_lowercase).count();
    let share = ticker.len() >= 2
        && ticker.len() <= 8
        && class_letters <= 1
        && !ticker.starts_with(|c: char| c.is_ascii_lowercase())
        && ticker
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_');
    let ticker_capitals = ticker
        .bytes()
        .filter(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        .count();
    share && ticker_capitals >= 2 && EXCHANGES.contains(&exchange)
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
