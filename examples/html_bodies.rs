//! Prints the article body newsdex reads from each saved page of a folder, as
//! the PRED.json of the article-extraction benchmark's scorer
//! (`score_html.py GOLD.json PRED.json`), and how fast the pages were read:
//!
//! `cargo run --release --example html_bodies -- ../shared/eval/article-html/html > pred.json`
//!
//! A page is read by the same path `newsdex index` reads it
//! ([`newsdex::parse::parse_file`]: gzip opened, text decoded, layout found),
//! without entity extraction, so the speed is the reading alone. A page that
//! gives no article has an empty body (the scorer counts it as missed).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsdex::parse::{parse_file, FieldOverrides};

/// The page id of `ID.html.gz` or `ID.html`.
fn page_id(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let id = name
        .strip_suffix(".html.gz")
        .or_else(|| name.strip_suffix(".html"))?;
    Some(id.to_string())
}

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: html_bodies FOLDER_OF_PAGES > PRED.json");
        return ExitCode::from(2);
    };
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(error) => {
            eprintln!("cannot read {}: {error}", folder.display());
            return ExitCode::from(2);
        }
    };
    let mut pages: Vec<(String, Vec<u8>, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(id) = page_id(&path) else {
            continue;
        };
        match std::fs::read(&path) {
            Ok(bytes) => pages.push((id, bytes, path)),
            Err(error) => eprintln!("cannot read {}: {error}", path.display()),
        }
    }
    pages.sort();
    let started = Instant::now();
    let mut predictions = BTreeMap::new();
    for (id, bytes, path) in &pages {
        let body = match parse_file(path, bytes, &FieldOverrides::default()) {
            Ok(parsed) => parsed
                .articles
                .into_iter()
                .next()
                .map(|article| article.body)
                .unwrap_or_default(),
            Err(error) => {
                eprintln!("{id}: {error}");
                String::new()
            }
        };
        predictions.insert(id.clone(), serde_json::json!({ "articleBody": body }));
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "read {} pages in {seconds:.2} s: {:.1} pages/s",
        pages.len(),
        pages.len() as f64 / seconds.max(f64::EPSILON)
    );
    match serde_json::to_string_pretty(&predictions) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cannot write the predictions: {error}");
            ExitCode::from(2)
        }
    }
}
