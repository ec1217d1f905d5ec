//! The Quickwit index configuration, generated from newsdex's own schema
//! (`index/schema.rs`), so that the two engines hold the same fields.
//!
//! Each tantivy field becomes a Quickwit field of the same name: `STRING`
//! fields use Quickwit's `raw` tokenizer, the `news` and `names` analyzers
//! become custom tokenizers (simple, lowercased, accents folded; Quickwit
//! has no stemmer to add), and the fields an article holds several of are
//! arrays. `date` is the timestamp field, so date ranges prune splits.

use serde_json::{json, Value};
use tantivy::schema::{FieldEntry, FieldType};

use crate::index::schema::{build_schema, names, NAMES_ANALYZER, NEWS_ANALYZER, SCHEMA_VERSION};

/// Bumped when the generated mapping changes for the same schema.
const MAPPING_VERSION: u32 = 1;

/// Fields an article holds several values of.
const ARRAY_FIELDS: [&str; 4] = ["entity", "entity_tag", "quote", "speaker"];

/// Engine-only field: the ingest request (batch) a document came in, so that
/// a batch whose fate is unknown (a killed run) can be deleted as a whole.
pub const BATCH_FIELD: &str = "batch";

/// Text an instant must be given as; a date before every article's (1678,
/// tantivy's first year) stands for "no date", since Quickwit's timestamp
/// field is required.
pub const NO_DATE: &str = "1678-01-01T00:00:00Z";

/// Seconds since 1970 of [`NO_DATE`]; real dates are after it.
pub const NO_DATE_SECONDS: i64 = -9_214_560_000;

/// A value inside a Quickwit query, quoted.
pub fn quoted(value: &str) -> String {
    let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

/// The query deleting what was sent of a file, or of one version of it.
pub fn file_delete_query(file_key: &str, version: Option<u64>) -> String {
    match version {
        Some(hash) => format!("source_file:{} AND file_hash:{hash}", quoted(file_key)),
        None => format!("source_file:{}", quoted(file_key)),
    }
}

/// The query matching the documents sent in any of the batches `ids`.
pub fn batch_query(ids: &[u64]) -> String {
    let listed: Vec<String> = ids.iter().map(u64::to_string).collect();
    format!("{BATCH_FIELD}:IN [{}]", listed.join(" "))
}

/// The marker stored as the description of the `path` field: which schema
/// and mapping wrote the index.
pub fn mapping_marker() -> String {
    format!("newsdex schema {SCHEMA_VERSION}, quickwit mapping {MAPPING_VERSION}")
}

fn tokenizer_name(analyzer: &str) -> &str {
    match analyzer {
        "default" => "raw",
        other => other,
    }
}

/// One tantivy field as a Quickwit field mapping.
fn field_mapping(entry: &FieldEntry) -> Value {
    let name = entry.name();
    let array = ARRAY_FIELDS.contains(&name);
    let typed = |base: &str| {
        if array {
            format!("array<{base}>")
        } else {
            base.to_string()
        }
    };
    let mut mapping = match entry.field_type() {
        FieldType::Str(options) => {
            let indexing = options.get_indexing_options();
            let mut text = json!({
                "name": name,
                "type": typed("text"),
                "stored": options.is_stored(),
                "indexed": indexing.is_some(),
                "fast": options.is_fast(),
            });
            if let Some(indexing) = indexing {
                let tokenizer = tokenizer_name(indexing.tokenizer());
                text["tokenizer"] = json!(tokenizer);
                let analyzed = tokenizer == NEWS_ANALYZER || tokenizer == NAMES_ANALYZER;
                if analyzed {
                    text["record"] = json!("position");
                    text["fieldnorms"] = json!(true);
                }
            }
            text
        }
        FieldType::Date(options) => json!({
            "name": name,
            "type": typed("datetime"),
            "input_formats": ["rfc3339"],
            "output_format": "unix_timestamp_secs",
            "fast_precision": "seconds",
            "stored": options.is_stored(),
            "indexed": options.is_indexed(),
            "fast": options.is_fast(),
        }),
        FieldType::U64(options) => json!({
            "name": name,
            "type": typed("u64"),
            "stored": true,
            "indexed": options.is_indexed() || options.is_fast(),
            "fast": options.is_fast(),
        }),
        // `day`: calendar-day ranges (`--from 2022-02`) are ranges of it.
        FieldType::I64(options) => json!({
            "name": name,
            "type": typed("i64"),
            "stored": false,
            "indexed": true,
            "fast": options.is_fast(),
        }),
        other => {
            json!({ "name": name, "type": typed(&format!("{:?}", other.value_type()).to_lowercase()) })
        }
    };
    if name == "path" {
        mapping["description"] = json!(mapping_marker());
    }
    mapping
}

/// A custom tokenizer as newsdex's analyzers read text, less stemming.
fn folding_tokenizer(name: &str) -> Value {
    json!({
        "name": name,
        "type": "simple",
        "filters": ["remove_long", "lower_caser", "ascii_folding"],
    })
}

/// Fields of the local index that Quickwit does not get: near copies are
/// grouped by the local engine only (Quickwit groups exact copies).
const LOCAL_ONLY_FIELDS: &[&str] = &[names::NEAR_BAND];

/// The whole index configuration for `index_id`.
pub fn index_config(index_id: &str) -> Value {
    let schema = build_schema();
    let mut field_mappings: Vec<Value> = schema
        .fields()
        .filter(|(_, entry)| !LOCAL_ONLY_FIELDS.contains(&entry.name()))
        .map(|(_, entry)| field_mapping(entry))
        .collect();
    field_mappings.push(json!({
        "name": BATCH_FIELD, "type": "u64", "stored": true, "indexed": true, "fast": false,
    }));
    json!({
        "version": "0.8",
        "index_id": index_id,
        "doc_mapping": {
            "mode": "lenient",
            "tokenizers": [folding_tokenizer(NEWS_ANALYZER), folding_tokenizer(NAMES_ANALYZER)],
            "field_mappings": field_mappings,
            "timestamp_field": "date",
        },
        "indexing_settings": {
            // Searchable within seconds of being sent; the last batch of a run
            // is committed at once.
            "commit_timeout_secs": 10,
            // Splits are mature at once, so that Quickwit's delete tasks
            // (edited and removed files) apply to them without waiting.
            "merge_policy": { "type": "no_merge" },
        },
        "search_settings": { "default_search_fields": ["title", "body"] },
    })
}

/// What must agree between the node's index and ours: each field's name,
/// type and tokenizer, and the marker.
fn mapping_signature(config: &Value) -> Vec<String> {
    let fields = config["doc_mapping"]["field_mappings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut signature: Vec<String> = fields
        .iter()
        .map(|field| {
            format!(
                "{} {} {}",
                field["name"].as_str().unwrap_or_default(),
                field["type"].as_str().unwrap_or_default(),
                field["tokenizer"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let marker = fields
        .iter()
        .find(|field| field["name"] == "path")
        .and_then(|field| field["description"].as_str())
        .unwrap_or_default()
        .to_string();
    signature.sort();
    signature.push(marker);
    signature
}

/// The first difference between the node's index configuration and ours, if any.
pub fn mapping_difference(existing: &Value, wanted: &Value) -> Option<String> {
    let existing_config = existing.get("index_config").unwrap_or(existing);
    let theirs = mapping_signature(existing_config);
    let ours = mapping_signature(wanted);
    if theirs == ours {
        return None;
    }
    let missing = ours.iter().find(|field| !theirs.contains(field));
    let extra = theirs.iter().find(|field| !ours.contains(field));
    Some(match (missing, extra) {
        (Some(field), _) => format!("it lacks {field:?}"),
        (None, Some(field)) => format!("it has {field:?}, which newsdex does not write"),
        (None, None) => "its fields differ".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_field_is_mapped_with_its_analyzer() {
        let config = index_config("news");
        let fields = config["doc_mapping"]["field_mappings"].as_array().unwrap();
        let field = |name: &str| fields.iter().find(|field| field["name"] == name).unwrap();
        let local_only = LOCAL_ONLY_FIELDS.len();
        assert_eq!(
            fields.len(),
            build_schema().fields().count() + 1 - local_only
        );
        assert_eq!(field("title")["tokenizer"], "news");
        assert_eq!(field("title")["record"], "position");
        assert_eq!(field("speaker")["type"], "array<text>");
        assert_eq!(field("speaker")["tokenizer"], "names");
        assert_eq!(field("entity_tag")["tokenizer"], "raw");
        assert_eq!(field("entity_tag")["fast"], true);
        assert_eq!(field("path")["tokenizer"], "raw");
        assert_eq!(field("url")["indexed"], false);
        assert_eq!(field("date")["type"], "datetime");
        assert_eq!(field("body_hash")["type"], "u64");
        assert_eq!(config["doc_mapping"]["timestamp_field"], "date");
    }

    #[test]
    fn a_differing_mapping_is_named_and_the_same_one_passes() {
        let ours = index_config("news");
        assert_eq!(mapping_difference(&ours, &ours), None);
        let mut theirs = ours.clone();
        theirs["doc_mapping"]["field_mappings"][0]["description"] = json!("someone else's");
        assert!(mapping_difference(&theirs, &ours).is_some());
        let mut other_tokenizer = ours.clone();
        let fields = other_tokenizer["doc_mapping"]["field_mappings"]
            .as_array_mut()
            .unwrap();
        for field in fields.iter_mut() {
            if field["name"] == "body" {
                field["tokenizer"] = json!("default");
            }
        }
        let difference = mapping_difference(&other_tokenizer, &ours).unwrap();
        assert!(difference.contains("body"), "{difference}");
    }

    #[test]
    fn the_no_date_instant_is_what_its_text_says() {
        let parsed = chrono::DateTime::parse_from_rfc3339(NO_DATE).unwrap();
        assert_eq!(parsed.timestamp(), NO_DATE_SECONDS);
    }

    #[test]
    fn delete_queries_quote_file_keys() {
        assert_eq!(
            file_delete_query("/c/a \"b\".txt", Some(7)),
            "source_file:\"/c/a \\\"b\\\".txt\" AND file_hash:7"
        );
        assert_eq!(
            file_delete_query("/c/x\\y", None),
            "source_file:\"/c/x\\\\y\""
        );
        assert_eq!(batch_query(&[5, 7]), "batch:IN [5 7]");
    }
}
