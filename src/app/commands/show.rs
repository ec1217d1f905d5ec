//! `newsdex show PATH`: one stored article.

use anyhow::{bail, Result};

use crate::app::cli::{Format, ShowArgs};
use crate::app::commands::{with_stdout, Outcome};
use crate::app::render;
use newsdex::corpus;
use newsdex::index::NewsIndex;
use newsdex::search::find_article;

/// The index key for what the user typed: `FILE` or `FILE#N`, made absolute.
fn article_key(typed: &str) -> String {
    let (file, part) = match typed.rsplit_once('#') {
        Some((file, part)) if part.parse::<usize>().is_ok() => (file, Some(part)),
        _ => (typed, None),
    };
    let absolute = corpus::absolute(std::path::Path::new(file))
        .map(|path| corpus::path_key(&path))
        .unwrap_or_else(|_| file.to_string());
    match part {
        Some(part) => format!("{absolute}#{part}"),
        None => absolute,
    }
}

pub fn run(news_index: &NewsIndex, args: &ShowArgs) -> Result<Outcome> {
    let key = article_key(&args.path);
    let Some(article) = find_article(news_index, &key)? else {
        bail!(
            "{}: not in the index {}",
            args.path,
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
