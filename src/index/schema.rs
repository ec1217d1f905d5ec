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
pub const SCHEMA_VERSION: u32 = 4;

/// The names of the fields read by name (fast fields, `exists` queries): the
/// one place they are spelt, for the schema and its readers alike.
pub mod names {
    pub const SOURCE_FILE: &str = "source_file";
    pub const FILE_SIZE: &str = "file_size";
    pub const FILE_MTIME: &str = "file_mtime";
    pub const FILE_HASH: &str = "file_hash";
    pub const BODY_HASH: &str = "body_hash";
    pub const DATE: &str = "date";
    pub const DAY: &str = "day";
    pub const ENTITY_TAG: &str = "entity_tag";
    pub const NEAR_BAND: &str = "near_band";
}

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
    /// The article's own calendar day (in the zone its source gives), as days
    /// since 0001-01-01 ([`day_number`]): `--from`/`--to` days, months, years.
    pub day: Field,
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
    /// The band keys of the body's MinHash signature: candidates for near
    /// copies ([`crate::index::near_copies`]).
    pub near_band: Field,
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
    builder.add_text_field(names::SOURCE_FILE, STRING | FAST);
    builder.add_u64_field(names::FILE_SIZE, FAST);
    builder.add_u64_field(names::FILE_MTIME, FAST);
    builder.add_u64_field(names::FILE_HASH, FAST);
    builder.add_text_field("id", STRING | STORED);
    builder.add_u64_field(
        names::BODY_HASH,
        NumericOptions::default().set_indexed().set_fast(),
    );
    let date_options = DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored()
        .set_precision(DateTimePrecision::Seconds);
    builder.add_date_field(names::DATE, date_options);
    builder.add_i64_field(
        names::DAY,
        NumericOptions::default().set_indexed().set_fast(),
    );
    builder.add_text_field("date_text", STORED);
    builder.add_text_field("title", text_options(NEWS_ANALYZER, true));
    builder.add_text_field("body", text_options(NEWS_ANALYZER, true));
    builder.add_text_field("url", STORED);
    builder.add_text_field("author", text_options(NAMES_ANALYZER, true));
    builder.add_text_field("source", text_options(NAMES_ANALYZER, true));
    builder.add_text_field("entity", text_options(NAMES_ANALYZER, false));
    builder.add_text_field(names::ENTITY_TAG, STRING | FAST);
    builder.add_text_field("entities_json", STORED);
    builder.add_text_field("quote", text_options(NEWS_ANALYZER, false));
    builder.add_text_field("speaker", text_options(NAMES_ANALYZER, false));
    builder.add_text_field("quotes_json", STORED);
    builder.add_u64_field(names::NEAR_BAND, NumericOptions::default().set_indexed());
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
            source_file: field(names::SOURCE_FILE)?,
            file_size: field(names::FILE_SIZE)?,
            file_mtime: field(names::FILE_MTIME)?,
            file_hash: field(names::FILE_HASH)?,
            id: field("id")?,
            body_hash: field(names::BODY_HASH)?,
            date: field(names::DATE)?,
            day: field(names::DAY)?,
            date_text: field("date_text")?,
            title: field("title")?,
            body: field("body")?,
            url: field("url")?,
            author: field("author")?,
            source: field("source")?,
            entity: field("entity")?,
            entity_tag: field(names::ENTITY_TAG)?,
            entities_json: field("entities_json")?,
            quote: field("quote")?,
            speaker: field("speaker")?,
            quotes_json: field("quotes_json")?,
            near_band: field(names::NEAR_BAND)?,
        })
    }
}

/// How the `day` field holds a calendar day: days since 0001-01-01, so that
/// ranges of days are ranges of numbers.
pub fn day_number(day: chrono::NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&day))
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
