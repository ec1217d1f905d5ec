//! `newsdex extract PATH...`: run the ingest pipeline without an index, one
//! JSON line per article. Folders are walked as `index` walks them.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::app::cli::ExtractArgs;
use crate::app::commands::{field_overrides, with_stdout, Outcome};
use crate::app::render::{display_path, json_line, line};
use newsdex::corpus;
use newsdex::ingest::boilerplate::{self, Boilerplate, SampleFile};
use newsdex::ingest::{self, FileArticles, FileBytes, Severity};

/// What `extract` reads: files (path, key, size), the folders walked (as
/// keys), and how many could not be walked.
struct Inputs {
    files: Vec<(PathBuf, String, u64)>,
    folders: Vec<String>,
    failed: usize,
}

/// Files to read: plain files as given (their key is the path as typed),
/// folders walked.
fn inputs(paths: &[PathBuf]) -> Inputs {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    let mut failed = 0;
    for path in paths {
        if !path.is_dir() {
            let size = std::fs::metadata(path).map_or(0, |metadata| metadata.len());
            files.push((path.clone(), path.to_string_lossy().into_owned(), size));
            continue;
        }
        let walk = corpus::walk(std::slice::from_ref(path));
        folders.extend(walk.folder_keys);
        for error in &walk.errors {
            say(&line(&error.to_string()));
            failed += 1;
        }
        files.extend(
            walk.files
                .into_iter()
                .map(|file| (file.path, file.key, file.size)),
        );
    }
    Inputs {
        files,
        folders,
        failed,
    }
}

fn say(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

fn shown(path: &Path) -> String {
    display_path(&path.to_string_lossy())
}

pub fn run(args: &ExtractArgs) -> Result<Outcome> {
    let fields = field_overrides(&args.fields)?;
    let Inputs {
        files,
        folders,
        mut failed,
    } = inputs(&args.files);
    let boilerplate = match args.keep_boilerplate {
        true => Boilerplate::none(),
        false => {
            let sample: Vec<SampleFile> = files
                .iter()
                .map(|(path, key, size)| SampleFile {
                    path,
                    key,
                    size: *size,
                })
                .collect();
            boilerplate::learn(&sample, &folders, &fields)
        }
    };
    let mut articles_written = 0;
    with_stdout(|out| {
        for (path, key, size) in &files {
            let bytes = match ingest::read_source(path, *size, u64::MAX) {
                FileBytes::Read(bytes) => bytes,
                FileBytes::NotArticle(reason) => {
                    say(&format!("{}: {}", shown(path), line(&reason)));
                    continue;
                }
                FileBytes::Failed(error) => {
                    say(&format!("{}: {}", shown(path), line(&error.to_string())));
                    failed += 1;
                    continue;
                }
            };
            let (articles, diagnostics) =
                match ingest::articles_of_file(key, path, &bytes, &fields, &boilerplate) {
                    FileArticles::Articles {
                        articles,
                        diagnostics,
                        withdrawn,
                        ..
                    } => {
                        if let Some(message) = ingest::withdrawal_message(&withdrawn) {
                            say(&format!("{}: {}", shown(path), line(&message)));
                        }
                        (articles, diagnostics)
                    }
                    FileArticles::NotArticle(reason) => {
                        say(&format!("{}: {}", shown(path), line(&reason)));
                        continue;
                    }
                    FileArticles::Failed(reason) => {
                        say(&format!("{}: {}", shown(path), line(&reason)));
                        failed += 1;
                        continue;
                    }
                };
            for diagnostic in &diagnostics {
                let prefix = match diagnostic.severity {
                    Severity::Warning => "warning: ",
                    Severity::Error => "",
                };
                say(&format!(
                    "{}: {prefix}{}",
                    display_path(&diagnostic.key),
                    line(&diagnostic.message)
                ));
            }
            for article in &articles {
                json_line(out, article)?;
                articles_written += 1;
            }
        }
        Ok(())
    })?;
    Ok(if failed > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::from_count(articles_written)
    })
}
