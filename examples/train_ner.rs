//! Trains the entity tagger: `cargo run --release --example train_ner -- TRAIN.txt models/ner.bin`.
//!
//! Reads CoNLL-2003 training data, trains with the fixed seed and epoch count
//! of `TrainOptions::default()` and writes the model that
//! `src/extract/entities` compiles in. Optional third argument: `key=value`
//! overrides (`epochs=10,bits=18,prune=0.01,gazetteer=0,case=0`) for experiments.

use std::process::ExitCode;

use newsdex::extract::entities::train::{parse_conll, train, TrainOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, rest @ ..] = args.as_slice() else {
        eprintln!(
            "usage: train_ner TRAIN.txt OUT.bin [epochs=N,bits=N,prune=X,gazetteer=0|1,case=0|1]"
        );
        return ExitCode::from(2);
    };
    let mut options = TrainOptions::default();
    for setting in rest.iter().flat_map(|arg| arg.split(',')) {
        let (key, value) = setting.split_once('=').unwrap_or((setting, ""));
        let parsed = match key {
            "epochs" => value.parse().map(|v| options.epochs = v).is_ok(),
            "bits" => value.parse().map(|v| options.bits = v).is_ok(),
            "prune" => value.parse().map(|v| options.prune_below = v).is_ok(),
            "gazetteer" => value
                .parse::<u8>()
                .map(|v| options.use_gazetteer = v != 0)
                .is_ok(),
            "seed" => value.parse().map(|v| options.seed = v).is_ok(),
            "case" => value
                .parse::<u8>()
                .map(|v| options.case_copies = v != 0)
                .is_ok(),
            _ => false,
        };
        if !parsed {
            eprintln!("bad setting {setting:?}");
            return ExitCode::from(2);
        }
    }
    let text = match std::fs::read_to_string(input) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {input}: {error}");
            return ExitCode::from(2);
        }
    };
    let docs = parse_conll(&text);
    eprintln!("{} documents, options {options:?}", docs.len());
    let model = train(&docs, &options, |line| eprintln!("{line}"));
    let bytes = model.to_bytes();
    if let Err(error) = std::fs::write(output, &bytes) {
        eprintln!("cannot write {output}: {error}");
        return ExitCode::from(2);
    }
    eprintln!("wrote {output}: {} bytes", bytes.len());
    ExitCode::SUCCESS
}
