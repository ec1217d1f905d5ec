//! Articles to Quickwit's JSON documents and back: the same fields as the
//! local index's documents (`index/document.rs`), as JSON.

use serde_json::{json, Map, Value};

use crate::article::{Article, ArticleDate, Entity, Quote};
use crate::engine::mapping::{BATCH_FIELD, NO_DATE};
use crate::index::document::{copy_fingerprint, FileStamp};
use crate::index::schema::{day_number, entity_tag, names};

/// The JSON document of one article of the file `source_file`, sent in `batch`.
pub fn to_engine_document(
    article: &Article,
    source_file: &str,
    stamp: FileStamp,
    batch: u64,
) -> Value {
    let date = article.date.map_or_else(
        || NO_DATE.to_string(),
        |date| date.to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    );
    let mut doc = Map::new();
    doc.insert("path".into(), json!(article.path));
    doc.insert("source_file".into(), json!(source_file));
    doc.insert("file_size".into(), json!(stamp.size));
    doc.insert("file_mtime".into(), json!(stamp.mtime));
    doc.insert("file_hash".into(), json!(stamp.hash));
    doc.insert(
        "body_hash".into(),
        json!(copy_fingerprint(&article.title, &article.body)),
    );
    doc.insert("date".into(), json!(date));
    doc.insert("title".into(), json!(article.title));
    doc.insert("body".into(), json!(article.body));
    doc.insert(BATCH_FIELD.into(), json!(batch));
    let optional = [
        ("id", &article.id),
        ("url", &article.url),
        ("author", &article.author),
        ("source", &article.source),
    ];
    for (field, value) in optional {
        if let Some(value) = value {
            doc.insert(field.into(), json!(value));
        }
    }
    if let Some(date) = article.date {
        doc.insert("date_text".into(), json!(date.to_string()));
        doc.insert(names::DAY.into(), json!(day_number(date.day())));
    }
    let entity_names: Vec<&str> = article.entities.iter().map(|e| e.name.as_str()).collect();
    let entity_tags: Vec<String> = article
        .entities
        .iter()
        .map(|entity| entity_tag(entity.kind, &entity.name))
        .collect();
    let quotes: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    // The name alone, as locally: `speaker:Clinton` must not find an aide's words.
    let speakers: Vec<&str> = article
        .quotes
        .iter()
        .filter_map(Quote::speaker_name)
        .collect();
    doc.insert("entity".into(), json!(entity_names));
    doc.insert("entity_tag".into(), json!(entity_tags));
    doc.insert("quote".into(), json!(quotes));
    doc.insert("speaker".into(), json!(speakers));
    // Serialising plain structs of strings cannot fail.
    doc.insert(
        "entities_json".into(),
        json!(serde_json::to_string(&article.entities).unwrap_or_default()),
    );
    doc.insert(
        "quotes_json".into(),
        json!(serde_json::to_string(&article.quotes).unwrap_or_default()),
    );
    Value::Object(doc)
}

fn text_of(hit: &Value, field: &str) -> Option<String> {
    match &hit[field] {
        Value::String(text) => Some(text.clone()),
        Value::Array(values) => values.first()?.as_str().map(str::to_string),
        _ => None,
    }
}

/// Rebuilds an article from a hit's stored fields.
pub fn article_from_hit(hit: &Value) -> Article {
    let entities: Vec<Entity> = text_of(hit, "entities_json")
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let quotes: Vec<Quote> = text_of(hit, "quotes_json")
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    Article {
        path: text_of(hit, "path").unwrap_or_default(),
        id: text_of(hit, "id"),
        date: text_of(hit, "date_text").and_then(|text| ArticleDate::parse_canonical(&text)),
        title: text_of(hit, "title").unwrap_or_default(),
        url: text_of(hit, "url"),
        author: text_of(hit, "author"),
        source: text_of(hit, "source"),
        entities,
        quotes,
        body: text_of(hit, "body").unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind;

    #[test]
    fn article_round_trips_through_an_engine_document() {
        let article = Article {
            path: "/corpus/a.csv#3".to_string(),
            id: Some("LA042990-0004".to_string()),
            date: ArticleDate::parse_canonical("2007-06-18T02:46:00-04:00"),
            title: "Title".to_string(),
            url: Some("http://example.com/a".to_string()),
            author: None,
            source: Some("Reuters".to_string()),
            entities: vec![Entity {
                name: "Renée Lacoste".to_string(),
                kind: EntityKind::Person,
            }],
            quotes: vec![Quote {
                text: "We will not back down".to_string(),
                speaker: Some("Renée Lacoste, the union's leader".to_string()),
                speaker_name: Some("Renée Lacoste".to_string()),
            }],
            body: "Body text.".to_string(),
        };
        let doc = to_engine_document(&article, "/corpus/a.csv", FileStamp::default(), 7);
        assert_eq!(doc["date"], "2007-06-18T06:46:00Z");
        assert_eq!(doc["speaker"], json!(["Renée Lacoste"]));
        assert_eq!(doc["entity_tag"], json!(["person/Renée Lacoste"]));
        assert_eq!(article_from_hit(&doc), article);
    }

    #[test]
    fn an_undated_article_gets_the_no_date_instant_and_no_date_back() {
        let article = Article {
            path: "a.txt".to_string(),
            id: None,
            date: None,
            title: "T".to_string(),
            url: None,
            author: None,
            source: None,
            entities: Vec::new(),
            quotes: Vec::new(),
            body: "B".to_string(),
        };
        let doc = to_engine_document(&article, "a.txt", FileStamp::default(), 1);
        assert_eq!(doc["date"], NO_DATE);
        assert_eq!(article_from_hit(&doc).date, None);
    }
}
