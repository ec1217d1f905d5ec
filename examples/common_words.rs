//! Writes the list of common lowercase words the entity tagger consults:
//! `cargo run --release --example common_words -- ../shared/corpora/reuters-financial-2006-2013 models/common_words.txt`.
//!
//! Counts, over every plain-text file under the folder, how often each word is
//! written in lowercase inside a sentence and how often capitalised there (a
//! sentence's first word says nothing). A word news writes in lowercase at
//! least [`MIN_LOWERCASE`] times and capitalised inside a sentence at most
//! [`MAX_CAPITALIZED_SHARE`] as often is a common word: `season`, `data`,
//! `literally`, `building`, but not `target` (Target), `may` (May), `brown`.
//! Lines starting `--` (the Reuters files' header) are skipped.

use std::collections::HashMap;
use std::process::ExitCode;

use regex::Regex;
use walkdir::WalkDir;

/// Fewest lowercase uses inside sentences for a word to be listed.
const MIN_LOWERCASE: u32 = 10;

/// Most capitalised uses inside sentences, as a share of the lowercase ones.
const MAX_CAPITALIZED_SHARE: f64 = 0.05;

#[derive(Default)]
struct Counts {
    lowercase: u32,
    capitalized: u32,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: common_words CORPUS_DIR OUT.txt");
        return ExitCode::from(2);
    };
    let sentence_end = Regex::new(r#"[.!?:;"]\s+"#).unwrap_or_else(|_| unreachable!("valid"));
    let word = Regex::new(r"[A-Za-z]+").unwrap_or_else(|_| unreachable!("valid"));
    let mut counts: HashMap<String, Counts> = HashMap::new();
    let mut files = 0usize;
    for entry in WalkDir::new(input).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        files += 1;
        let text = String::from_utf8_lossy(&bytes);
        let body: String = text
            .lines()
            .filter(|line| !line.starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n");
        for sentence in sentence_end.split(&body) {
            for found in word.find_iter(sentence).skip(1) {
                count_word(found.as_str(), &mut counts);
            }
        }
    }
    let mut common: Vec<&String> = counts
        .iter()
        .filter(|(_, seen)| {
            seen.lowercase >= MIN_LOWERCASE
                && f64::from(seen.capitalized) <= MAX_CAPITALIZED_SHARE * f64::from(seen.lowercase)
        })
        .map(|(word, _)| word)
        .collect();
    common.sort();
    let mut out = String::from(
        "# Common lowercase words of English news, one a line: written in lowercase\n\
         # inside a sentence at least 10 times and capitalised there at most 5 % as\n\
         # often in the Reuters financial news of 2006-2013. Written by\n\
         # `cargo run --release --example common_words -- CORPUS_DIR models/common_words.txt`.\n",
    );
    for word in &common {
        out.push_str(word);
        out.push('\n');
    }
    if let Err(error) = std::fs::write(output, out) {
        eprintln!("cannot write {output}: {error}");
        return ExitCode::from(2);
    }
    eprintln!("{files} files, {} common words", common.len());
    ExitCode::SUCCESS
}

/// Counts one word found inside a sentence.
fn count_word(word: &str, counts: &mut HashMap<String, Counts>) {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return };
    let rest_lowercase = chars.all(|c| c.is_ascii_lowercase());
    if first.is_ascii_lowercase() && rest_lowercase {
        counts.entry(word.to_string()).or_default().lowercase += 1;
    } else if first.is_ascii_uppercase() && rest_lowercase {
        counts
            .entry(word.to_ascii_lowercase())
            .or_default()
            .capitalized += 1;
    }
}
