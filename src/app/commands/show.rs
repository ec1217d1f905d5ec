//! `newsdex show ID|PATH`: one stored article, found by the source's own id
//! (`LA042990-0004`, a Message-ID) or by its key (`FILE`, `FILE#N`,
//! `ARCHIVE#MEMBER`).

use std::path::Path;

use anyhow::{bail, Result};

use crate::app::cli::{Format, ShowArgs};
use crate::app::commands::{with_stdout, Outcome};
use crate::app::render;
use newsdex::article::ArticleKey;
use newsdex::corpus;
use newsdex::index::NewsIndex;
use newsdex::search::{find_article, find_article_by_id, keys_of_file};

/// The index keys that what the user typed may stand for, most likely
/// first: `FILE`, `FILE#N` or `FILE#MEMBER#N` with the file part keyed as
/// the walk may have keyed it ([`corpus::key_candidates`]). The file part
/// ends at the first `#` after which the typed text names an existing file.
pub(super) fn article_keys(typed: &str) -> Vec<String> {
    for (file, rest) in ArticleKey::readings(typed) {
        let file_keys = corpus::key_candidates(Path::new(file));
        if file_keys.is_empty() {
            continue;
        }
        return file_keys
            .into_iter()
            .map(|file_key| format!("{file_key}{rest}"))
            .collect();
    }
    vec![typed.to_string()]
}

/// The first of `keys` that `find` finds.
pub(super) fn find_first<T>(
    keys: &[String],
    mut find: impl FnMut(&str) -> newsdex::error::Result<Option<T>>,
) -> newsdex::error::Result<Option<T>> {
    for key in keys {
        if let Some(found) = find(key)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// When the typed text names a file that gave several articles (or a
/// wrong `#N` of one), the keys to use instead.
fn file_hint(news_index: &NewsIndex, typed: &str) -> Result<Option<String>> {
    for (file, _) in ArticleKey::readings(typed) {
        let mut file_keys = corpus::key_candidates(Path::new(file)).into_iter();
        let Some((file_key, keys)) = file_keys.find_map(|file_key| {
            let keys = keys_of_file(news_index, &file_key).ok()?;
            (!keys.is_empty()).then_some((file_key, keys))
        }) else {
            continue;
        };
        let shown_file = render::display_path(&file_key);
        if let [only] = keys.as_slice() {
            let shown_key = render::display_path(only);
            return Ok(Some(format!(
                "{shown_file} holds one article: show it as {shown_key}"
            )));
        }
        let numbers: Vec<usize> = keys
            .iter()
            .filter_map(|key| key.get(file_key.len() + 1..)?.parse().ok())
            .collect();
        if numbers.len() == keys.len() {
            let first = numbers.iter().min().copied().unwrap_or(1);
            let last = numbers.iter().max().copied().unwrap_or(1);
            return Ok(Some(format!(
                "{shown_file} holds {} articles: show one as {shown_file}#N, N from {first} to {last}",
                keys.len()
            )));
        }
        let mut examples: Vec<String> = keys.iter().map(|key| render::display_path(key)).collect();
        examples.sort();
        examples.truncate(3);
        return Ok(Some(format!(
            "{shown_file} holds {} articles, e.g. {}",
            keys.len(),
            examples.join(", ")
        )));
    }
    Ok(None)
}

pub fn run(news_index: &NewsIndex, args: &ShowArgs) -> Result<Outcome> {
    let typed_lossy = args.path.to_string_lossy();
    let found = match args.path.to_str() {
        Some(typed) => {
            let by_path = find_first(&article_keys(typed), |key| find_article(news_index, key))?;
            match by_path {
                Some(article) => Some(article),
                None => find_article_by_id(news_index, typed.trim())?,
            }
        }
        // A name that is not UTF-8 is a file, keyed as the walk keys it
        // (`path_key` writes the odd bytes as `\xNN`).
        None => find_first(&corpus::key_candidates(Path::new(&args.path)), |key| {
            find_article(news_index, key)
        })?,
    };
    let Some(article) = found else {
        let shown = render::display_path(&typed_lossy);
        if let Some(hint) = args
            .path
            .to_str()
            .map(|typed| file_hint(news_index, typed))
            .transpose()?
            .flatten()
        {
            bail!(
                "{shown}: not in the index {}; {hint}",
                news_index.dir.display()
            );
        }
        bail!(
            "{shown}: not in the index {} (no article has this id or path)",
            news_index.dir.display()
        );
    };
    with_stdout(|out| match args.format {
        Format::Text => render::article_text(out, &article),
        Format::Json | Format::Jsonl => {
            let mut shown = article.clone();
            shown.path = render::display_path(&article.path);
            render::json_line(out, &shown)
        }
    })?;
    Ok(Outcome::Found)
}
