//! Articles to tantivy documents and back.

use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use crate::article::{Article, ArticleDate, Entity, Quote};
use crate::index::near_copies::Signature;
use crate::index::schema::{day_number, entity_tag, Fields};

/// What the incremental indexer remembers about the file an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FileStamp {
    pub size: u64,
    pub mtime: u64,
    pub hash: u64,
}

/// The first 8 bytes of a blake3 digest: plenty to tell files or bodies apart.
pub fn hash64(bytes: &[u8]) -> u64 {
    let digest = blake3::hash(bytes);
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest.as_bytes()[..8]);
    u64::from_le_bytes(first)
}

/// Hash of a body with case and white space folded, so that syndicated copies
/// that differ only in line breaks are still copies.
///
/// Hashes the words joined by single spaces and lowercased character by
/// character (`char::to_lowercase`). ASCII words, nearly all of them in
/// English news, take a byte-wise path with the same result: profiling showed
/// the per-character Unicode lowercasing at about 3 % of indexing CPU.
pub fn body_fingerprint(body: &str) -> u64 {
    let mut folded = Vec::with_capacity(body.len());
    let mut utf8 = [0u8; 4];
    for word in body.split_whitespace() {
        if !folded.is_empty() {
            folded.push(b' ');
        }
        if word.is_ascii() {
            folded.extend(word.bytes().map(|byte| byte.to_ascii_lowercase()));
        } else {
            for lower in word.chars().flat_map(char::to_lowercase) {
                folded.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            }
        }
    }
    hash64(&folded)
}

/// The fingerprint that makes two articles copies of each other: title and
/// body together, normalised, so that articles sharing only a one-line
/// description (or a short stock body) under different titles stay apart.
pub fn copy_fingerprint(title: &str, body: &str) -> u64 {
    let title_and_body = format!("{title}\n{body}");
    body_fingerprint(&title_and_body)
}

/// Which articles an article is one with: its copy group (`body_hash`: its
/// own [`copy_fingerprint`], or the group of an article it nearly copies) and
/// its body's signature, for near copies to come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyGroup {
    pub body_hash: u64,
    pub signature: Option<Signature>,
}

impl CopyGroup {
    /// The group of an article on its own: exact copies only.
    pub fn exact(article: &Article) -> CopyGroup {
        CopyGroup {
            body_hash: copy_fingerprint(&article.title, &article.body),
            signature: None,
        }
    }
}

/// Builds the tantivy document of one article of the file `source_file`.
pub fn to_document(
    fields: &Fields,
    article: &Article,
    source_file: &str,
    stamp: FileStamp,
    copy: &CopyGroup,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.path, &article.path);
    if let Some(id) = &article.id {
        doc.add_text(fields.id, id);
    }
    doc.add_text(fields.source_file, source_file);
    doc.add_u64(fields.file_size, stamp.size);
    doc.add_u64(fields.file_mtime, stamp.mtime);
    doc.add_u64(fields.file_hash, stamp.hash);
    doc.add_u64(fields.body_hash, copy.body_hash);
    if let Some(signature) = &copy.signature {
        for key in signature.band_keys() {
            doc.add_u64(fields.near_band, key);
        }
    }
    if let Some(date) = article.date {
        let utc = date.to_utc();
        doc.add_date(fields.date, DateTime::from_timestamp_secs(utc.timestamp()));
        doc.add_i64(fields.day, day_number(date.day()));
        doc.add_text(fields.date_text, date.to_string());
    }
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    let optional = [
        (fields.url, &article.url),
        (fields.author, &article.author),
        (fields.source, &article.source),
    ];
    for (field, value) in optional {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    for entity in &article.entities {
        doc.add_text(fields.entity, &entity.name);
        doc.add_text(fields.entity_tag, entity_tag(entity.kind, &entity.name));
    }
    // Serialising plain structs of strings cannot fail.
    doc.add_text(
        fields.entities_json,
        serde_json::to_string(&article.entities).unwrap_or_default(),
    );
    for quote in &article.quotes {
        doc.add_text(fields.quote, &quote.text);
        // The name alone: `speaker:Clinton` must not find what Clinton's aide said.
        if let Some(speaker) = quote.speaker_name() {
            doc.add_text(fields.speaker, speaker);
        }
    }
    doc.add_text(
        fields.quotes_json,
        serde_json::to_string(&article.quotes).unwrap_or_default(),
    );
    doc
}

fn first_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|value| value.as_str())
        .map(str::to_string)
}

/// Rebuilds an article from its stored fields.
pub fn from_document(fields: &Fields, doc: &TantivyDocument) -> Article {
    let entities: Vec<Entity> = first_text(doc, fields.entities_json)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let quotes: Vec<Quote> = first_text(doc, fields.quotes_json)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    Article {
        path: first_text(doc, fields.path).unwrap_or_default(),
        id: first_text(doc, fields.id),
        date: first_text(doc, fields.date_text)
            .and_then(|text| ArticleDate::parse_canonical(&text)),
        title: first_text(doc, fields.title).unwrap_or_default(),
        url: first_text(doc, fields.url),
        author: first_text(doc, fields.author),
        source: first_text(doc, fields.source),
        entities,
        quotes,
        body: first_text(doc, fields.body).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind;
    use crate::index::schema::build_schema;

    #[test]
    fn article_round_trips_through_a_document() {
        let fields = Fields::from_schema(&build_schema()).unwrap();
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
        let copy = CopyGroup::exact(&article);
        let doc = to_document(
            &fields,
            &article,
            "/corpus/a.csv",
            FileStamp::default(),
            &copy,
        );
        assert_eq!(from_document(&fields, &doc), article);
    }

    #[test]
    fn articles_sharing_a_body_under_different_titles_are_not_copies() {
        let description = "Get the latest news on the war.";
        assert_ne!(
            copy_fingerprint("Ceasefire talks stall", description),
            copy_fingerprint("Grain ships leave Odesa", description)
        );
        assert_eq!(
            copy_fingerprint("Ceasefire talks stall", "Talks  stalled\nagain."),
            copy_fingerprint("ceasefire talks stall", "talks stalled again.")
        );
    }

    #[test]
    fn copies_differing_in_white_space_and_case_share_a_fingerprint() {
        assert_eq!(
            body_fingerprint("Talks resumed\nin Geneva."),
            body_fingerprint("talks  resumed in   Geneva. ")
        );
        assert_ne!(
            body_fingerprint("Talks resumed"),
            body_fingerprint("Talks ended")
        );
    }

    /// The fingerprint as first defined: words of `split_whitespace` joined
    /// by one space, lowercased by `char::to_lowercase`.
    fn reference_fingerprint(body: &str) -> u64 {
        let mut folded = String::new();
        for word in body.split_whitespace() {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.extend(word.chars().flat_map(char::to_lowercase));
        }
        hash64(folded.as_bytes())
    }

    #[test]
    fn fingerprint_is_unchanged_by_the_ascii_fast_path() {
        let bodies = [
            "",
            "   ",
            "Plain ASCII Text, with PUNCTUATION!\n\tand\x0btabs\x0c\r\n",
            "Mélanie JOLY \u{a0}said İstanbul ΣΊΣΥΦΟΣ\u{2003}Straße ǅemal",
            "mixed ASCII and Ünïcödé\u{85}words\u{3000}END",
        ];
        for body in bodies {
            assert_eq!(
                body_fingerprint(body),
                reference_fingerprint(body),
                "{body:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn fingerprint_matches_the_reference_on_any_text(body in "(?s).{0,200}") {
            proptest::prop_assert_eq!(body_fingerprint(&body), reference_fingerprint(&body));
        }
    }
}
