//! Boilerplate recognised statistically, per source: a short line that
//! recurs, word for word (digits aside), in many articles of one source is
//! the site's, not the story's: "Advertisement", "Read More", "Sign up for
//! our newsletter", "Photo: Getty Images", a share bar. No list of phrases can
//! know every site's; the corpus itself says which lines they are.
//!
//! A run first reads a sample of its files ([`learn`]: at most
//! [`SAMPLE_FILES`] per folder given, spread evenly, parsed but not extracted)
//! and counts, per source, in how many articles each short line occurs. A
//! line found in at least [`MIN_REPEATS`] articles and [`MIN_SHARE`] of its
//! source's sampled articles is boilerplate; [`Boilerplate::clean`] then takes
//! it out of every article of that source before extraction, so it never
//! becomes an entity, a quote's speaker, a title or a snippet.
//!
//! A source is the host of the article's url, else the source the layout
//! names, else the folder given to the run that holds the file (each corpus
//! of a run that indexes several is sampled and learned apart). What is never boilerplate, however often
//! it recurs: long lines (a syndicated paragraph, [`MAX_WORDS`]), quotations,
//! transcript lines (`Vladimir Putin: Thank you.`), datelines and table rows.

use std::hash::{Hash, Hasher};
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::parse::{FieldOverrides, ParsedArticle};

/// Files read to learn a run's boilerplate, spread evenly over its files.
pub const SAMPLE_FILES: usize = 1000;
/// Articles counted in all, spread over the sampled files and over the
/// articles of each (a JSON Lines file may hold millions).
const SAMPLE_ARTICLES: usize = 20_000;
/// Larger files are left out of the sample: they would be parsed twice.
const SAMPLE_MAX_FILE_BYTES: u64 = 8 << 20;
/// A source needs this many sampled articles before any line of it is boilerplate.
const MIN_SOURCE_ARTICLES: usize = 10;
/// A boilerplate line occurs in at least this many articles of its source ...
pub const MIN_REPEATS: usize = 5;
/// ... and in at least this share of them.
pub const MIN_SHARE: f64 = 0.02;
/// Longer lines are text even when repeated: a syndicated paragraph, a standard disclaimer
/// that carries content.
pub const MAX_WORDS: usize = 20;

/// One line recognised as boilerplate, with the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnedLine {
    /// The source it belongs to (a host, a source name, or empty for the whole run).
    pub source: String,
    /// The line as first seen (untrusted text: escape before printing).
    pub text: String,
    /// In how many sampled articles of the source it occurs.
    pub articles: usize,
    /// How many articles of the source were sampled.
    pub sampled: usize,
}

/// The boilerplate lines of a run's sources.
#[derive(Debug, Default)]
pub struct Boilerplate {
    by_source: FxHashMap<String, FxHashSet<u64>>,
    lines: Vec<LearnedLine>,
    /// The folders the run was given: an article without a url or a source
    /// name belongs to the one its file is under.
    roots: Vec<String>,
}

impl Boilerplate {
    /// No boilerplate: every line is kept (`--keep-boilerplate`, or too few articles).
    pub fn none() -> Boilerplate {
        Boilerplate::default()
    }

    /// The lines recognised, most frequent first.
    pub fn lines(&self) -> &[LearnedLine] {
        &self.lines
    }

    /// Takes the source's boilerplate lines out of the article's body;
    /// returns how many lines went. A recurring first line goes too: a
    /// line that opens many articles (`CNN —`, a column's name) says
    /// nothing about this one, and the title is then taken from what follows.
    pub fn clean(&self, article: &mut ParsedArticle, file_key: &str) -> usize {
        // Most runs learn nothing: no url parsed per article then.
        if self.by_source.is_empty() {
            return 0;
        }
        let folder = root_of(&self.roots, file_key);
        let Some(known) = self.by_source.get(&source_of(article, folder)) else {
            return 0;
        };
        let mut kept = String::with_capacity(article.body.len());
        let mut dropped = 0;
        for segment in article.body.split_inclusive('\n') {
            let line = segment.trim_end_matches(['\n', '\r']);
            let is_boilerplate = line_key(line).is_some_and(|key| known.contains(&key));
            if is_boilerplate {
                dropped += 1;
                continue;
            }
            kept.push_str(segment);
        }
        if dropped > 0 {
            article.body = kept;
        }
        dropped
    }
}

/// Counts, per source, the articles each short line occurs in.
#[derive(Debug, Default)]
pub struct Learner {
    sources: FxHashMap<String, SourceTally>,
}

#[derive(Debug, Default)]
struct SourceTally {
    articles: usize,
    repeats: FxHashMap<u64, u32>,
    /// The text of each line as first seen, for reports (the sample is
    /// bounded, [`SAMPLE_ARTICLES`], and so is this).
    examples: FxHashMap<u64, String>,
}

impl Learner {
    /// Counts the lines of one article of a file under `folder` (a line
    /// repeated inside it counts once).
    pub fn add(&mut self, article: &ParsedArticle, folder: &str) {
        let tally = self.sources.entry(source_of(article, folder)).or_default();
        tally.articles += 1;
        let mut seen = FxHashSet::default();
        let lines: Vec<&str> = article
            .body
            .lines()
            .filter(|line| !line.trim().is_empty())
            .collect();
        for (position, line) in lines.iter().enumerate() {
            let before = position.checked_sub(1).map(|previous| lines[previous]);
            let after = lines.get(position + 1).copied();
            if before.is_some_and(is_figures) || after.is_some_and(is_figures) {
                // A row label of a table (`Year`, `Nine mths`): data, not the site's.
                continue;
            }
            let Some(key) = line_key(line) else {
                continue;
            };
            if !seen.insert(key) {
                continue;
            }
            *tally.repeats.entry(key).or_insert(0) += 1;
            tally
                .examples
                .entry(key)
                .or_insert_with(|| line.trim().to_string());
        }
    }

    /// Adds another learner's counts (learning runs in parallel).
    pub fn merge(mut self, other: Learner) -> Learner {
        for (source, theirs) in other.sources {
            let ours = self.sources.entry(source).or_default();
            ours.articles += theirs.articles;
            for (key, count) in theirs.repeats {
                *ours.repeats.entry(key).or_insert(0) += count;
            }
            for (key, text) in theirs.examples {
                ours.examples.entry(key).or_insert(text);
            }
        }
        self
    }

    /// The lines that recur often enough to be boilerplate, for a run
    /// given the folders `roots`.
    pub fn finish(self, roots: Vec<String>) -> Boilerplate {
        let mut boilerplate = Boilerplate {
            roots,
            ..Boilerplate::default()
        };
        for (source, tally) in self.sources {
            if tally.articles < MIN_SOURCE_ARTICLES {
                continue;
            }
            let share_needed = (tally.articles as f64 * MIN_SHARE).ceil() as usize;
            let needed = MIN_REPEATS.max(share_needed);
            let mut known = FxHashSet::default();
            for (key, count) in &tally.repeats {
                let articles = *count as usize;
                if articles < needed {
                    continue;
                }
                known.insert(*key);
                boilerplate.lines.push(LearnedLine {
                    source: source.clone(),
                    text: tally.examples.get(key).cloned().unwrap_or_default(),
                    articles,
                    sampled: tally.articles,
                });
            }
            if !known.is_empty() {
                boilerplate.by_source.insert(source, known);
            }
        }
        boilerplate.lines.sort_by(|a, b| {
            let share_a = a.articles as f64 / a.sampled as f64;
            let share_b = b.articles as f64 / b.sampled as f64;
            share_b
                .total_cmp(&share_a)
                .then_with(|| a.source.cmp(&b.source))
                .then_with(|| a.text.cmp(&b.text))
        });
        boilerplate
    }
}

/// One file a run may learn from.
#[derive(Debug, Clone, Copy)]
pub struct SampleFile<'a> {
    pub path: &'a Path,
    pub key: &'a str,
    pub size: u64,
}

/// Learns the boilerplate of a run's files from an even sample of the
/// files under each of the folders given (`roots`, as file keys), parsed in
/// parallel on the current rayon pool. A file that cannot be read or parsed
/// is simply not in the sample: its report comes from the run itself.
pub fn learn(files: &[SampleFile], roots: &[String], fields: &FieldOverrides) -> Boilerplate {
    let mut by_folder: FxHashMap<&str, Vec<&SampleFile>> = FxHashMap::default();
    for file in files {
        by_folder
            .entry(root_of(roots, file.key))
            .or_default()
            .push(file);
    }
    let mut sample: Vec<(&str, &SampleFile)> = Vec::new();
    for (folder, folder_files) in &by_folder {
        let step = folder_files.len().div_ceil(SAMPLE_FILES).max(1);
        let chosen = folder_files
            .iter()
            .step_by(step)
            .filter(|file| file.size <= SAMPLE_MAX_FILE_BYTES)
            .map(|file| (*folder, *file));
        sample.extend(chosen);
    }
    let per_file = (SAMPLE_ARTICLES / sample.len().max(1)).max(1);
    let learner = sample
        .par_iter()
        .map(|(folder, file)| {
            let mut learner = Learner::default();
            let super::FileBytes::Read(bytes) =
                super::read_source(file.path, file.size, SAMPLE_MAX_FILE_BYTES)
            else {
                return learner;
            };
            let parsed = super::parse_source(file.key, file.path, &bytes, fields);
            if let super::ParsedSource::Parsed { articles, .. } = parsed {
                let stride = articles.len().div_ceil(per_file).max(1);
                for article in articles.iter().step_by(stride) {
                    learner.add(article, folder);
                }
            }
            learner
        })
        .reduce(Learner::default, Learner::merge);
    learner.finish(roots.to_vec())
}

/// The folder given to the run that holds the file (the longest that does),
/// or `""` for a file given by itself.
fn root_of<'r>(roots: &'r [String], file_key: &str) -> &'r str {
    roots
        .iter()
        .filter(|root| {
            let root = root.trim_end_matches(['/', '\\']);
            file_key.len() > root.len()
                && file_key.starts_with(root)
                && file_key[root.len()..].starts_with(['/', '\\'])
        })
        .max_by_key(|root| root.len())
        .map_or("", String::as_str)
}

/// The source an article's boilerplate is learned within: the host of its
/// url (`www.` aside), else the source its layout names, else the folder
/// given to the run that holds its file.
fn source_of(article: &ParsedArticle, folder: &str) -> String {
    let host = article
        .url
        .as_deref()
        .and_then(|url| url::Url::parse(url.trim()).ok())
        .and_then(|url| url.host_str().map(str::to_ascii_lowercase));
    if let Some(host) = host {
        return host.trim_start_matches("www.").to_string();
    }
    let named = article
        .source
        .as_deref()
        .map(|source| source.trim().to_lowercase())
        .filter(|source| !source.is_empty());
    named.unwrap_or_else(|| folder.to_string())
}

/// A line's identity for counting, or `None` when the line can never be
/// boilerplate: blank, no letter, long, mostly figures, a quotation, a
/// transcript line.
fn line_key(line: &str) -> Option<u64> {
    let trimmed = line.trim();
    let has_letter = trimmed.chars().any(char::is_alphabetic);
    if !has_letter || trimmed.split_whitespace().count() > MAX_WORDS {
        return None;
    }
    // Datelines (`LONDON 1996-08-31`) and table rows are the story's.
    if is_figures(trimmed) || is_quotation(trimmed) || is_transcript_line(trimmed) {
        return None;
    }
    let mut hasher = FxHasher::default();
    normalise(trimmed).hash(&mut hasher);
    Some(hasher.finish())
}

/// Lower case, runs of white space as one space. Digits are kept: lines
/// that differ only in their figures (table rows, prices) are data.
fn normalise(line: &str) -> String {
    let mut normalised = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !normalised.is_empty() {
            normalised.push(' ');
        }
        normalised.extend(word.chars().flat_map(char::to_lowercase));
    }
    normalised
}

/// Whether a line is mostly figures (a table row): a quarter of its
/// characters or more are digits.
fn is_figures(line: &str) -> bool {
    let characters = line.chars().filter(|character| !character.is_whitespace());
    let (digits, all) = characters.fold((0, 0), |(digits, all), character| {
        (digits + usize::from(character.is_ascii_digit()), all + 1)
    });
    all > 0 && digits * 4 >= all
}

/// Whether the line holds a quotation (an opening and a closing mark): what
/// people said is content, however often it is repeated.
fn is_quotation(line: &str) -> bool {
    let marks = line
        .chars()
        .filter(|character| matches!(character, '"' | '“' | '”' | '«' | '»' | '„'))
        .count();
    marks >= 2
}

/// Whether the line is a speaker's turn in a transcript: two to four
/// capitalised words, a colon, then speech (`Vladimir Putin: Thank you.`).
fn is_transcript_line(line: &str) -> bool {
    let Some((label, speech)) = line.split_once(':') else {
        return false;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    let is_name = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|word| word.chars().next().is_some_and(char::is_uppercase));
    is_name && !speech.trim().is_empty()
}

#[cfg(test)]
mod tests;
