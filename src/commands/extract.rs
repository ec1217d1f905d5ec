//! `newsdex extract FILE...`: parse and extract without an index, one JSON line per article.

use anyhow::Result;

use crate::cli::ExtractArgs;
use crate::commands::{field_overrides, with_stdout, Outcome};
use crate::extract::extract;
use crate::parse::parse_file;
use crate::render::json_line;

pub fn run(args: &ExtractArgs) -> Result<Outcome> {
    let fields = field_overrides(&args.fields)?;
    let mut failed = 0;
    let mut articles = 0;
    with_stdout(|out| {
        for path in &args.files {
            let bytes = match std::fs::read(path) {
                Ok(bytes) => bytes,
                Err(error) => {
                    eprintln!("{}: {error}", path.display());
                    failed += 1;
                    continue;
                }
            };
            let parsed = match parse_file(path, &bytes, &fields) {
                Ok(parsed) => parsed,
                Err(reason) => {
                    eprintln!("{}: {reason}", path.display());
                    failed += 1;
                    continue;
                }
            };
            for skipped in &parsed.skipped {
                eprintln!("{}: warning: skipped {skipped}", path.display());
            }
            for warning in &parsed.warnings {
                eprintln!("{}: warning: {warning}", path.display());
            }
            let key = path.to_string_lossy();
            for parsed_article in parsed.articles {
                let article_key = parsed_article.key(&key);
                json_line(out, &extract(article_key, parsed_article))?;
                articles += 1;
            }
        }
        Ok(())
    })?;
    Ok(if failed > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::from_count(articles)
    })
}
