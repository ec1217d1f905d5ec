//! The index schema: field names, analyzers, and the schema version check.
//!
//! One tantivy document per article. Text fields use the `news` analyzer
//! (lowercase, accent folding, English stemming) so that `Melanie` finds
//! `Mélanie` and `sanction` finds `sanctions`; name fields (`entity`,
//! `speaker`, `source`) use `names`, the same without stemming.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::Index;

use crate::index::stem_cache::CachedEnglishStemmer;

/// Bumped whenever the schema or the meaning of a field changes; an index
/// written with another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 2;

pub const NEWS_ANALYZER: &str = "news";
pub const NAMES_ANALYZER: &str = "names";

/// Every field handle, resolved once from the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Unique article key: `FILE` or `FILE#N`.
    pub path: Field,
    /// The file an article came from; one file may hold many articles.
    pub source_file: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    /// The source's own article id (DOCNO, Message-ID, ...): exact, stored.
    pub id: Field,
    /// Hash of the normalised title and body, to spot syndicated copies.
    pub body_hash: Field,
    /// UTC instant (midnight UTC for a bare day): filters and sorting.
    pub date: Field,
    /// The date as the source gave it (`YYYY-MM-DD` or RFC 3339 with offset): display.
    pub date_text: Field,
    pub title: Field,
    pub body: Field,
    pub url: Field,
    pub author: Field,
    pub source: Field,
    /// Entity names, searchable as text (`entity:joly`).
    pub entity: Field,
    /// `kind/name` per entity, exact: counting and the entity report.
    pub entity_tag: Field,
    /// Stored JSON of the article's entities, for display.
    pub entities_json: Field,
    pub quote: Field,
    pub speaker: Field,
    /// Stored JSON of the article's quotes, for display.
    pub quotes_json: Field,
}

fn text_options(analyzer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema; field order is part of [`SCHEMA_VERSION`].
pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    builder.add_text_field("path", STRING | STORED);
    builder.add_text_field("source_file", STRING | FAST);
    builder.add_u64_field("file_size", FAST);
    builder.add_u64_field("file_mtime", FAST);
    builder.add_u64_field("file_hash", FAST);
    builder.add_text_field("id", STRING | STORED);
    builder.add_u64_field(
        "body_hash",
        NumericOptions::default().set_indexed().set_fast(),
    );
    let date_options = DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored()
        .set_precision(DateTimePrecision::Seconds);
    builder.add_date_field("date", date_options);
    builder.add_text_field("date_text", STORED);
    builder.add_text_field("title", text_options(NEWS_ANALYZER, true));
    builder.add_text_field("body", text_options(NEWS_ANALYZER, true));
    builder.add_text_field("url", STORED);
    builder.add_text_field("author", text_options(NAMES_ANALYZER, true));
    builder.add_text_field("source", text_options(NAMES_ANALYZER, true));
    builder.add_text_field("entity", text_options(NAMES_ANALYZER, false));
    builder.add_text_field("entity_tag", STRING | FAST);
    builder.add_text_field("entities_json", STORED);
    builder.add_text_field("quote", text_options(NEWS_ANALYZER, false));
    builder.add_text_field("speaker", text_options(NAMES_ANALYZER, false));
    builder.add_text_field("quotes_json", STORED);
    builder.build()
}

impl Fields {
    /// Resolves every field of `schema`; fails when a field is missing,
    /// which means the index was written by another schema.
    pub fn from_schema(schema: &Schema) -> Result<Fields, String> {
        let field = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| format!("missing field {name:?}"))
        };
        Ok(Fields {
            path: field("path")?,
            source_file: field("source_file")?,
            file_size: field("file_size")?,
            file_mtime: field("file_mtime")?,
            file_hash: field("file_hash")?,
            id: field("id")?,
            body_hash: field("body_hash")?,
            date: field("date")?,
            date_text: field("date_text")?,
            title: field("title")?,
            body: field("body")?,
            url: field("url")?,
            author: field("author")?,
            source: field("source")?,
            entity: field("entity")?,
            entity_tag: field("entity_tag")?,
            entities_json: field("entities_json")?,
            quote: field("quote")?,
            speaker: field("speaker")?,
            quotes_json: field("quotes_json")?,
        })
    }
}

/// The analyzer of text fields: lowercase, accents folded, English stems.
pub fn news_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        // tantivy's English stemmer behind a memo: the same stems, for a
        // fraction of the cost on repetitive news text.
        .filter(CachedEnglishStemmer)
        .build()
}

/// The analyzer of name fields: the news analyzer without stemming.
pub fn names_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers the analyzers the schema names; must run on every opened index.
pub fn register_analyzers(index: &Index) {
    index.tokenizers().register(NEWS_ANALYZER, news_analyzer());
    index
        .tokenizers()
        .register(NAMES_ANALYZER, names_analyzer());
}

/// The exact value stored in `entity_tag` for an entity.
pub fn entity_tag(kind: crate::EntityKind, name: &str) -> String {
    format!("{kind}/{name}")
}

/// Splits an `entity_tag` value back into kind and name.
pub fn parse_entity_tag(tag: &str) -> Option<(crate::EntityKind, &str)> {
    let (kind, name) = tag.split_once('/')?;
    Some((crate::EntityKind::parse(kind)?, name))
}
