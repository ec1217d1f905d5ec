//! The article-body metric of the public article-extraction benchmark, ported
//! from its `score_html.py`: per page, 4-word shingles (`\w+` tokens) of the
//! predicted and gold text give true and false positives and negatives;
//! precision and recall are averaged over pages and F1 is computed from the
//! two averages. `tests/html_pages.rs` checks the port against the script.

use std::collections::{BTreeMap, HashMap};

use regex::Regex;

/// The 4-word shingles of a text with their counts (`\w+` tokens).
fn shingles(words: &Regex, text: &str) -> HashMap<Vec<String>, usize> {
    let tokens: Vec<String> = words
        .find_iter(text)
        .map(|token| token.as_str().to_string())
        .collect();
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let windows = tokens.len().saturating_sub(3).max(1);
    for start in 0..windows {
        let end = (start + 4).min(tokens.len());
        *counts.entry(tokens[start..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Precision and recall averaged over pages, and the F1 of the two, as
/// `score_html.py` computes them.
pub fn score(
    gold: &BTreeMap<String, String>,
    predicted: &BTreeMap<String, String>,
) -> (f64, f64, f64) {
    // Python's `\w` is a letter, a number or `_` (`str.isalnum`); the regex
    // crate's `\w` also takes combining marks, which splits Hindi and Thai
    // words differently.
    let words = Regex::new(r"[\p{L}\p{N}_]+").expect("literal pattern");
    let mut precisions = Vec::new();
    let mut recalls = Vec::new();
    for (id, gold_body) in gold {
        let gold_shingles = shingles(&words, gold_body);
        let predicted_body = predicted.get(id).map_or("", String::as_str);
        let predicted_shingles = shingles(&words, predicted_body);
        let (mut true_positives, mut false_positives, mut false_negatives) = (0, 0, 0);
        for (shingle, &gold_count) in &gold_shingles {
            let predicted_count = predicted_shingles.get(shingle).copied().unwrap_or(0);
            true_positives += gold_count.min(predicted_count);
            false_negatives += gold_count.saturating_sub(predicted_count);
        }
        for (shingle, &predicted_count) in &predicted_shingles {
            let gold_count = gold_shingles.get(shingle).copied().unwrap_or(0);
            false_positives += predicted_count.saturating_sub(gold_count);
        }
        if false_positives == 0 && false_negatives == 0 {
            precisions.push(1.0);
            recalls.push(1.0);
            continue;
        }
        let share = |part: usize, other: usize| part as f64 / (part + other) as f64;
        if true_positives + false_positives > 0 {
            precisions.push(share(true_positives, false_positives));
        }
        if true_positives + false_negatives > 0 {
            recalls.push(share(true_positives, false_negatives));
        }
    }
    let mean = |values: &[f64]| {
        if values.is_empty() {
            return 0.0;
        }
        values.iter().sum::<f64>() / values.len() as f64
    };
    let (precision, recall) = (mean(&precisions), mean(&recalls));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}
