//! Tags text files with a model file instead of the compiled-in one, so that a
//! model just trained by `train_ner` can be scored without rebuilding newsdex:
//! `cargo run --release --example tag_entities -- MODEL.bin FILE... > PRED.jsonl`,
//! then `python3 ../shared/eval/score.py entities GOLD.jsonl PRED.jsonl`.
//! Prints one JSON line per file: `{"path", "entities"}` (the scorer's shape).
//! The text is read whole as the title-and-body text that extraction sees, so
//! figures can differ slightly from `newsdex extract`, which parses layouts first.

use std::process::ExitCode;

use newsdex::extract::entities::{extract_entities_with, load_model, looks_english};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model_path, files @ ..] = args.as_slice() else {
        eprintln!("usage: tag_entities MODEL.bin FILE...");
        return ExitCode::from(2);
    };
    let Some(model) = std::fs::read(model_path)
        .ok()
        .and_then(|bytes| load_model(&bytes))
    else {
        eprintln!("cannot load a model from {model_path}");
        return ExitCode::from(2);
    };
    for path in files {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("cannot read {path}: {error}");
                continue;
            }
        };
        let entities = extract_entities_with(&model, &text, looks_english(&text));
        let line = serde_json::json!({ "path": path, "entities": entities });
        println!("{line}");
    }
    ExitCode::SUCCESS
}
