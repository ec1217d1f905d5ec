//! The pipeline from a source file to articles: read -> decode -> parse ->
//! article key -> extract, with the diagnostics of each step.
//!
//! Every failure here is one file's or one article's: a file that cannot be
//! read is reported, a file that holds no article is skipped, and a panic in
//! parsing or extraction (a bug) becomes a report for that file while the
//! article is kept with what could be extracted. Nothing in this module can
//! end an indexing run.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use crate::article::Article;
use crate::extract;
use crate::parse::{parse_file, FieldOverrides, ParseError, ParsedArticle};
use boilerplate::Boilerplate;

pub mod boilerplate;
mod read;

pub use read::{read_source, FileBytes};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Indexed with a caveat (no date, a skipped record).
    Warning,
    /// Not indexed, and that is wrong (unreadable, a bug).
    Error,
}

/// A message about a file or one of its articles, printed as `WHERE: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file's or the article's key.
    pub key: String,
    pub message: String,
    pub severity: Severity,
}

/// Most warnings of one kind a file reports article by article; more are
/// said once for the file (`no date found … (46 articles, from FILE#1)`), so
/// a CSV without dates gives one line, not one per row.
const WARNINGS_PER_KIND: usize = 3;

/// Folds repeated warnings of one file into one per message; errors stay one
/// per article (each may need a look).
pub fn fold_repeated_warnings(file_key: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut per_message: HashMap<&str, usize> = HashMap::new();
    for diagnostic in &diagnostics {
        if diagnostic.severity == Severity::Warning {
            *per_message.entry(diagnostic.message.as_str()).or_default() += 1;
        }
    }
    let repeated: HashMap<String, usize> = per_message
        .into_iter()
        .filter(|(_, count)| *count > WARNINGS_PER_KIND)
        .map(|(message, count)| (message.to_string(), count))
        .collect();
    if repeated.is_empty() {
        return diagnostics;
    }
    let mut folded = Vec::with_capacity(diagnostics.len());
    let mut said: HashSet<String> = HashSet::new();
    for diagnostic in diagnostics {
        let Some(count) = repeated.get(&diagnostic.message) else {
            folded.push(diagnostic);
            continue;
        };
        if !said.insert(diagnostic.message.clone()) {
            continue;
        }
        folded.push(Diagnostic {
            key: file_key.to_string(),
            message: format!(
                "{} ({count} articles, from {})",
                diagnostic.message, diagnostic.key
            ),
            severity: Severity::Warning,
        });
    }
    folded
}

/// What one file gave.
#[derive(Debug)]
pub enum FileArticles {
    /// Its articles (possibly none kept), with what went wrong along the way.
    Articles {
        articles: Vec<Article>,
        diagnostics: Vec<Diagnostic>,
        /// Ids of stories the file withdraws ([`crate::parse::ParsedFile::withdrawn`]).
        withdrawn: Vec<String>,
        /// The layout it was read as (`TREC SGML`, `plain text`, ...).
        layout: String,
    },
    /// It holds no article (empty, binary, a page without a story): skipped.
    NotArticle(String),
    /// It looked like articles but could not be read: a failure.
    Failed(String),
}

/// Whether a parse error means "holds no article" rather than "could not be read".
fn is_not_an_article(error: &ParseError) -> bool {
    error.is_skip()
}

/// What parsing a file gave: its articles before extraction, or why there are none.
#[derive(Debug)]
pub enum ParsedSource {
    Parsed {
        articles: Vec<ParsedArticle>,
        diagnostics: Vec<Diagnostic>,
        withdrawn: Vec<String>,
        layout: String,
    },
    NotArticle(String),
    Failed(String),
}

/// The parse step: a file's bytes -> its articles, before extraction.
pub fn parse_source(
    file_key: &str,
    path: &Path,
    bytes: &[u8],
    fields: &FieldOverrides,
) -> ParsedSource {
    let parsed = match catch_panic(|| parse_file(path, bytes, fields)) {
        Ok(Ok(parsed)) => parsed,
        Ok(Err(error)) if is_not_an_article(&error) => {
            return ParsedSource::NotArticle(format!("skipped: {error}"))
        }
        Ok(Err(error)) => return ParsedSource::Failed(error.to_string()),
        Err(panic) => {
            return ParsedSource::Failed(format!(
                "internal error in parsing (please report): {panic}"
            ))
        }
    };
    let skipped_records = parsed
        .skipped
        .iter()
        .map(|skipped| format!("skipped {skipped}"));
    let caveats = parsed.warnings.iter().cloned();
    let diagnostics = skipped_records
        .chain(caveats)
        .map(|message| Diagnostic {
            key: file_key.to_string(),
            message,
            severity: Severity::Warning,
        })
        .collect();
    ParsedSource::Parsed {
        articles: parsed.articles,
        diagnostics,
        withdrawn: parsed.withdrawn,
        layout: parsed.layout,
    }
}

/// Parses a file's bytes, takes the run's boilerplate out of each article
/// and extracts it: the whole pipeline after reading, as `index` and
/// `extract` run it.
pub fn articles_of_file(
    file_key: &str,
    path: &Path,
    bytes: &[u8],
    fields: &FieldOverrides,
    boilerplate: &Boilerplate,
) -> FileArticles {
    let (parsed_articles, mut diagnostics, withdrawn, layout) =
        match parse_source(file_key, path, bytes, fields) {
            ParsedSource::Parsed {
                articles,
                diagnostics,
                withdrawn,
                layout,
            } => (articles, diagnostics, withdrawn, layout),
            ParsedSource::NotArticle(reason) => return FileArticles::NotArticle(reason),
            ParsedSource::Failed(reason) => return FileArticles::Failed(reason),
        };
    let mut articles = Vec::with_capacity(parsed_articles.len());
    for mut parsed_article in parsed_articles {
        let key = parsed_article.key(file_key);
        boilerplate.clean(&mut parsed_article, file_key);
        articles.push(extract_article(key, parsed_article, &mut diagnostics));
    }
    FileArticles::Articles {
        articles,
        diagnostics: fold_repeated_warnings(file_key, diagnostics),
        withdrawn,
        layout,
    }
}

/// What a file's withdrawals say (`withdraws story "ID", story "ID2"`), or
/// `None` when it withdraws nothing: one wording for every command.
pub fn withdrawal_message(withdrawn: &[String]) -> Option<String> {
    if withdrawn.is_empty() {
        return None;
    }
    let stories: Vec<String> = withdrawn.iter().map(|id| format!("story {id:?}")).collect();
    Some(format!("withdraws {}", stories.join(", ")))
}

/// Extracts one article; a panic (a bug) keeps the article with its title,
/// date and body, and reports it.
pub fn extract_article(
    key: String,
    parsed: ParsedArticle,
    diagnostics: &mut Vec<Diagnostic>,
) -> Article {
    let body_bytes = parsed.body.len();
    let unreadable_date = parsed.unreadable_date.clone();
    let fallback = parsed.clone();
    let article = match catch_panic(|| extract::extract(key.clone(), parsed)) {
        Ok(article) => article,
        Err(panic) => {
            diagnostics.push(Diagnostic {
                key: key.clone(),
                message: format!(
                    "internal error in entity and quote extraction (please report): {panic}; indexed without entities and quotes"
                ),
                severity: Severity::Error,
            });
            unextracted_article(key.clone(), fallback)
        }
    };
    if body_bytes > extract::MAX_EXTRACTION_BYTES {
        diagnostics.push(Diagnostic {
            key: key.clone(),
            message: format!(
                "body of {:.0} MB: indexed whole, entities and quotes taken from its first {} MB",
                body_bytes as f64 / 1e6,
                extract::MAX_EXTRACTION_BYTES >> 20
            ),
            severity: Severity::Warning,
        });
    }
    // An unreadable date was already reported by parse, naming the value.
    if article.date.is_none() && unreadable_date.is_none() {
        diagnostics.push(Diagnostic {
            key,
            message: "no date found; indexed without a date".to_string(),
            severity: Severity::Warning,
        });
    }
    article
}

/// An article with what the source gave and nothing extracted from its text.
fn unextracted_article(key: String, parsed: ParsedArticle) -> Article {
    let title = parsed
        .title
        .as_deref()
        .map(str::trim)
        .filter(|title| !title.is_empty())
        .map(str::to_string)
        .or_else(|| {
            let first_line = parsed
                .body
                .lines()
                .map(str::trim)
                .find(|line| !line.is_empty())?;
            Some(first_line.chars().take(120).collect())
        })
        .unwrap_or_default();
    Article {
        path: key,
        id: parsed.id,
        date: parsed.date,
        title,
        url: parsed.url,
        author: parsed.author,
        source: parsed.source,
        entities: Vec::new(),
        quotes: Vec::new(),
        body: parsed.body,
    }
}

thread_local! {
    /// Set while [`catch_panic`] runs, so the panic hook stays quiet.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// Where the last caught panic happened, for the report.
    static LAST_PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Makes panics caught by this module silent (they are reported as the
/// file's diagnostic instead); every other panic prints as before. Called
/// once by the binary.
pub fn install_panic_hook() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.with(Cell::get) {
            let location = info
                .location()
                .map(|location| format!("{}:{}", location.file(), location.line()));
            LAST_PANIC_LOCATION.with(|last| *last.borrow_mut() = location);
            return;
        }
        default_hook(info);
    }));
}

/// Runs `work`, turning a panic into its message (with its location when
/// the hook of [`install_panic_hook`] is in place).
pub fn catch_panic<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let was_catching = CATCHING.with(|catching| catching.replace(true));
    LAST_PANIC_LOCATION.with(|last| last.borrow_mut().take());
    let outcome = catch_unwind(AssertUnwindSafe(work));
    CATCHING.with(|catching| catching.set(was_catching));
    outcome.map_err(|payload| {
        let message = panic_message(payload.as_ref());
        match LAST_PANIC_LOCATION.with(|last| last.borrow_mut().take()) {
            Some(location) => format!("{message} at {location}"),
            None => message,
        }
    })
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        return (*text).to_string();
    }
    if let Some(text) = payload.downcast_ref::<String>() {
        return text.clone();
    }
    "a panic without a message".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_message_and_the_thread_goes_on() {
        let outcome: Result<(), String> = catch_panic(|| panic!("index underflow in test"));
        assert!(outcome.unwrap_err().contains("index underflow in test"));
        assert_eq!(catch_panic(|| 7), Ok(7));
    }

    #[test]
    fn an_extraction_panic_keeps_the_article() {
        let parsed = ParsedArticle {
            body: "First line.\nSecond line.".to_string(),
            ..ParsedArticle::default()
        };
        let article = unextracted_article("a.txt".to_string(), parsed);
        assert_eq!(article.title, "First line.");
        assert!(article.entities.is_empty());
    }
}
