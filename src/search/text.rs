//! Reading what a person typed: tantivy's query language when the text is
//! well formed, a lenient reading when it is not, so that no query fails for
//! its syntax. Apostrophes belong to words (`O'Brien`, `Europe's`), phrases
//! take double quotes, and what cannot be read is dropped with a note for
//! stderr. Limits on length, nesting and clauses keep one query from taking
//! the machine (Lucene caps clauses at 1,024 too).

use tantivy::query_grammar::{self, Occur, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::Schema;

use crate::error::{Error, Result};
use crate::index::schema::names;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 32_000;
/// Deepest nesting of parentheses read as grouping; deeper ones are ignored.
pub const MAX_NESTING: usize = 32;
/// Most words, phrases and ranges one query may hold (after duplicates fold).
pub const MAX_CLAUSES: usize = 1_024;
/// How much of a query an error message quotes.
const EXCERPT_CHARS: usize = 40;

/// The user's text as tantivy's grammar reads it.
#[derive(Debug, Clone)]
pub struct ReadText {
    pub ast: UserInputAst,
    /// What was changed or dropped to read the text, one line each.
    pub notes: Vec<String>,
}

/// The start of `text`, short enough to quote in a message.
pub fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let start: String = flat.chars().take(EXCERPT_CHARS).collect();
    format!("{start}…")
}

fn query_error(text: &str, reason: String) -> Error {
    Error::Query {
        query: excerpt(text),
        reason,
    }
}

/// Reads `text` strictly, else leniently; fails only for the limits.
pub fn read_text(text: &str, schema: &Schema) -> Result<ReadText> {
    let length = text.chars().count();
    if length > MAX_QUERY_CHARS {
        return Err(query_error(
            text,
            format!("the query is {length} characters long; at most {MAX_QUERY_CHARS} are read"),
        ));
    }
    let mut notes = Vec::new();
    let words = words_keep_apostrophes(text);
    let grouped = if nesting_depth(&words) > MAX_NESTING {
        notes.push(format!(
            "parentheses nested deeper than {MAX_NESTING} levels were ignored"
        ));
        words.replace(['(', ')'], " ")
    } else {
        words
    };
    let unchained = collapse_not_chains(&grouped, &mut notes);
    let ast = match query_grammar::parse_query(&unchained) {
        Ok(ast) => ast,
        Err(_) => {
            let (ast, errors) = query_grammar::parse_query_lenient(&unchained);
            if let Some(first) = errors.first() {
                notes.push(format!(
                    "query read leniently, some of it was dropped ({})",
                    first.message.to_lowercase()
                ));
            }
            ast
        }
    };
    let ast = unknown_fields_as_words(ast, schema, &mut notes);
    let clauses = count_clauses(&ast);
    if clauses > MAX_CLAUSES {
        return Err(query_error(
            text,
            format!(
                "the query has {clauses} words and operators; at most {MAX_CLAUSES} are allowed"
            ),
        ));
    }
    Ok(ReadText { ast, notes })
}

fn is_apostrophe(character: char) -> bool {
    character == '\'' || character == '’'
}

/// Makes apostrophes part of words, outside double-quoted phrases:
/// a possessive `'s` and a trailing `'` go (`Europe's` finds Europe), one
/// inside a word becomes `’`, which tantivy's grammar leaves in the word
/// (`O'Brien` reads as the phrase "o brien", as it is indexed), and one that
/// opens a word is a space (phrases take double quotes).
fn words_keep_apostrophes(text: &str) -> String {
    let characters: Vec<char> = text.chars().collect();
    let mut kept = String::with_capacity(text.len());
    let mut in_phrase = false;
    let mut skip_next = false;
    for (index, &character) in characters.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if character == '"' {
            in_phrase = !in_phrase;
        }
        if in_phrase || !is_apostrophe(character) {
            kept.push(character);
            continue;
        }
        let at = |offset: usize| characters.get(offset).copied();
        let before_is_letter = index
            .checked_sub(1)
            .and_then(at)
            .is_some_and(char::is_alphanumeric);
        let after = at(index + 1);
        let after_is_letter = after.is_some_and(char::is_alphanumeric);
        let ends_word_after = |offset: usize| !at(offset).is_some_and(char::is_alphanumeric);
        let possessive = matches!(after, Some('s' | 'S')) && ends_word_after(index + 2);
        match (before_is_letter, after_is_letter) {
            (true, true) if possessive => skip_next = true,
            (true, true) => kept.push('’'),
            (true, false) => {}
            _ => kept.push(' '),
        }
    }
    kept
}

/// `NOT NOT … x` nests in tantivy's grammar like parentheses do, one stack
/// frame per `NOT`: a long chain reads as its parity (`NOT NOT x` is `x`).
fn collapse_not_chains(text: &str, notes: &mut Vec<String>) -> String {
    static CHAIN: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(chain) = CHAIN
        .get_or_init(|| regex::Regex::new(r"(?:\bNOT\s+){2,}").ok())
        .as_ref()
    else {
        return text.to_string();
    };
    let mut longest = 0;
    let collapsed = chain.replace_all(text, |found: &regex::Captures| {
        let count = found[0].split_whitespace().count();
        longest = longest.max(count);
        if count % 2 == 1 {
            "NOT "
        } else {
            ""
        }
    });
    if longest > MAX_NESTING {
        notes.push(format!("a chain of {longest} NOTs was read as its parity"));
    }
    collapsed.into_owned()
}

/// The deepest nesting of parentheses outside double-quoted phrases.
fn nesting_depth(text: &str) -> usize {
    let mut depth: usize = 0;
    let mut deepest = 0;
    let mut in_phrase = false;
    for character in text.chars() {
        match character {
            '"' => in_phrase = !in_phrase,
            '(' if !in_phrase => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' if !in_phrase => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// `note: meeting` or `Paris:` is text, not a field: a literal naming a field
/// the schema does not have becomes the words of both.
fn unknown_fields_as_words(
    ast: UserInputAst,
    schema: &Schema,
    notes: &mut Vec<String>,
) -> UserInputAst {
    match ast {
        UserInputAst::Clause(clauses) => UserInputAst::Clause(
            clauses
                .into_iter()
                .map(|(occur, clause)| (occur, unknown_fields_as_words(clause, schema, notes)))
                .collect(),
        ),
        UserInputAst::Boost(inner, boost) => UserInputAst::Boost(
            Box::new(unknown_fields_as_words(*inner, schema, notes)),
            boost,
        ),
        UserInputAst::Leaf(leaf) => match *leaf {
            UserInputLeaf::Literal(literal) => literal_with_known_field(literal, schema, notes),
            other => leaf_with_known_field(other, schema, notes),
        },
    }
}

/// `A:*`, `A:[1 TO 2]`, `A: IN [x]`, `A:/re/` on a field the schema does not
/// have: the field's name is read as a word, the operator is dropped.
fn leaf_with_known_field(
    leaf: UserInputLeaf,
    schema: &Schema,
    notes: &mut Vec<String>,
) -> UserInputAst {
    let field_name = match &leaf {
        UserInputLeaf::Exists { field } => Some(field.clone()),
        UserInputLeaf::Range { field, .. }
        | UserInputLeaf::Set { field, .. }
        | UserInputLeaf::Regex { field, .. } => field.clone(),
        UserInputLeaf::Literal(_) | UserInputLeaf::All => None,
    };
    let Some(field_name) = field_name else {
        return UserInputAst::Leaf(Box::new(leaf));
    };
    let known = schema.get_field(&field_name).ok();
    // `FIELD:*` needs a fast field; on a text field it cannot be answered.
    let exists_on_text = matches!(leaf, UserInputLeaf::Exists { .. })
        && known.is_some_and(|field| !schema.get_field_entry(field).is_fast());
    if known.is_some() && !exists_on_text {
        return UserInputAst::Leaf(Box::new(leaf));
    }
    let note = if exists_on_text {
        format!(
            "'{}:*' cannot be searched: read as a word",
            excerpt(&field_name)
        )
    } else {
        not_a_field(&field_name)
    };
    notes.push(note);
    UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(plain_word(field_name))))
}

/// The fields a query can name, as `--help` lists them.
pub const QUERY_FIELDS: &str = "title, body, entity, quote, speaker, author, source";

/// Fields that hold dates: a query word cannot match them.
const DATE_FIELDS: [&str; 3] = [names::DATE, names::DAY, "date_text"];

fn not_a_field(field_name: &str) -> String {
    format!(
        "'{}' is not a field (fields: {QUERY_FIELDS}): read as a word",
        excerpt(field_name)
    )
}

/// `word` as an unfielded, unquoted query word.
fn plain_word(word: String) -> UserInputLiteral {
    UserInputLiteral {
        field_name: None,
        phrase: word,
        delimiter: query_grammar::Delimiter::None,
        slop: 0,
        prefix: false,
    }
}

fn literal_with_known_field(
    literal: UserInputLiteral,
    schema: &Schema,
    notes: &mut Vec<String>,
) -> UserInputAst {
    let Some(field_name) = literal.field_name.clone() else {
        return UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(literal)));
    };
    if DATE_FIELDS.contains(&field_name.as_str()) {
        // Left as it is: building it fails and drops it; the note says what to do.
        notes.push(format!(
            "'{}:{}' dropped: dates are filtered with --from and --to, e.g. --from 2022-02-24 --to 2022-02-24 (a day, a month like 2022-02, or a year)",
            excerpt(&field_name),
            excerpt(&literal.phrase)
        ));
        return UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(literal)));
    }
    if schema.get_field(&field_name).is_ok() {
        return UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(literal)));
    }
    notes.push(not_a_field(&field_name));
    let field_word = plain_word(field_name);
    let value = UserInputLiteral {
        field_name: None,
        ..literal
    };
    let leaf = |literal| UserInputAst::Leaf(Box::new(UserInputLeaf::Literal(literal)));
    UserInputAst::Clause(vec![(None, leaf(field_word)), (None, leaf(value))])
}

/// Words, phrases, ranges and set members in the query.
fn count_clauses(ast: &UserInputAst) -> usize {
    match ast {
        UserInputAst::Clause(clauses) => clauses
            .iter()
            .map(|(_, clause)| count_clauses(clause))
            .sum(),
        UserInputAst::Boost(inner, _) => count_clauses(inner),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Set { elements, .. } => elements.len().max(1),
            _ => 1,
        },
    }
}

/// The words a person asked for, in order: unfielded, not excluded, outside
/// phrases. Proximity and expansion work on these.
pub fn plain_words(ast: &UserInputAst) -> Vec<String> {
    let mut words = Vec::new();
    collect_plain_words(ast, &mut words);
    words
}

/// Whether the query is nothing but plain words (no phrase, field, operator
/// or exclusion): then a ranking may score the words its own way.
pub fn only_plain_words(ast: &UserInputAst) -> bool {
    let is_plain_leaf = |ast: &UserInputAst| match ast {
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(literal) => {
                literal.field_name.is_none()
                    && literal.delimiter == query_grammar::Delimiter::None
                    && !literal.prefix
            }
            _ => false,
        },
        _ => false,
    };
    match ast {
        UserInputAst::Clause(clauses) => {
            !clauses.is_empty()
                && clauses
                    .iter()
                    .all(|(occur, clause)| occur.is_none() && is_plain_leaf(clause))
        }
        leaf => is_plain_leaf(leaf),
    }
}

fn collect_plain_words(ast: &UserInputAst, words: &mut Vec<String>) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, clause) in clauses {
                if *occur != Some(Occur::MustNot) {
                    collect_plain_words(clause, words);
                }
            }
        }
        UserInputAst::Boost(inner, _) => collect_plain_words(inner, words),
        UserInputAst::Leaf(leaf) => {
            if let UserInputLeaf::Literal(literal) = leaf.as_ref() {
                let plain = literal.field_name.is_none()
                    && literal.delimiter == query_grammar::Delimiter::None
                    && !literal.prefix;
                if plain {
                    words.push(literal.phrase.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_belong_to_words() {
        let cases = [
            ("O'Brien", "O’Brien"),
            ("Europe's arsenal", "Europe arsenal"),
            ("Europe’s arsenal", "Europe arsenal"),
            ("the students' union", "the students union"),
            ("'tis rock 'n' roll", " tis rock  n roll"),
            ("\"O'Brien's dog\" cat's", "\"O'Brien's dog\" cat"),
            ("it's", "it"),
            ("'", " "),
        ];
        for (typed, read) in cases {
            assert_eq!(words_keep_apostrophes(typed), read, "{typed}");
        }
    }

    #[test]
    fn nesting_depth_ignores_phrases_and_stray_closers() {
        let cases = [("a (b (c))", 2), ("))((", 2), ("\"((\" (x)", 1), ("", 0)];
        for (text, depth) in cases {
            assert_eq!(nesting_depth(text), depth, "{text}");
        }
    }

    #[test]
    fn not_chains_read_as_their_parity() {
        let cases = [
            ("a NOT b", "a NOT b"),
            ("a NOT NOT b", "a b"),
            ("a NOT NOT NOT b", "a NOT b"),
            ("NOTE NOT", "NOTE NOT"),
        ];
        for (text, read) in cases {
            let mut notes = Vec::new();
            assert_eq!(collapse_not_chains(text, &mut notes), read, "{text}");
        }
        let mut notes = Vec::new();
        collapse_not_chains(&"NOT ".repeat(100), &mut notes);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn excerpt_is_short_and_flat() {
        assert_eq!(excerpt("a\n b"), "a b");
        let long = "word ".repeat(100);
        assert!(excerpt(&long).chars().count() <= EXCERPT_CHARS + 1);
        assert!(excerpt(&long).ends_with('…'));
    }
}
