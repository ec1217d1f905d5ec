//! Which field is what in a JSON record: names first, then values.
//!
//! A record is flattened into dotted paths (`parsed_data.title`,
//! `published.date`, `data.item.headline`); each article field takes the
//! path whose name ranks best in [`Field`]'s table of real-world names (a
//! `--field` override, as a dotted path or a bare key, wins). Values then
//! fill the gaps: the longest prose string is the body, a URL-shaped string
//! the url. A date is the best-named candidate that reads, a date with a
//! known offset (an epoch number, `+0900`) winning over a zone-less string
//! of the same record. Special values are read as the data means them:
//! `{"$date": ms}`, `{"$oid": ..}`, arrays of authors or paragraphs, and
//! arrays of typed content blocks (`{"type": "sanitized_html", "content": ..}`).

use serde_json::{Map, Value};

use crate::article::ArticleDate;

use super::dates::{epoch_date, parse_date};
use super::record::{normalise_key, readable_field, Field, RawRecord};
use super::FieldOverrides;

/// Nested objects are followed this deep.
const MAX_DEPTH: usize = 5;

/// A body found by its value alone must have at least this many words.
const MIN_PROSE_WORDS: usize = 8;

/// Content-block types that are not body text (WaPo, ninjs, CMS exports).
const NON_BODY_BLOCK_TYPES: &[&str] = &[
    "title",
    "byline",
    "date",
    "kicker",
    "image",
    "author_info",
    "tweet",
    "video",
    "deck",
    "gallery",
];

/// Item types that are not articles (ninjs, CMS exports).
const NON_ARTICLE_TYPES: &[&str] = &["picture", "photo", "image", "graphic", "video", "audio"];

/// One leaf of a flattened record.
struct Leaf<'a> {
    path: String,
    /// Normalised segments, outermost first.
    segments: Vec<String>,
    value: &'a Value,
}

impl Leaf<'_> {
    /// Rank of this leaf for `field`: the innermost segment that is a usual
    /// name, its rank, and how deep the leaf is; lower is better.
    fn rank(&self, field: Field) -> Option<(usize, usize)> {
        self.segments
            .iter()
            .rev()
            .find_map(|segment| field.rank_of(segment))
            .map(|rank| (rank, self.segments.len()))
    }
}

/// Why a record is not an article (`type: "picture"`), if it says so.
pub fn non_article_type(object: &Map<String, Value>) -> Option<String> {
    let kind = object.get("type")?.as_str()?;
    let lower = kind.to_ascii_lowercase();
    NON_ARTICLE_TYPES
        .contains(&lower.as_str())
        .then(|| format!("a {lower} item, not an article"))
}

/// The raw record of a JSON object.
pub fn record_from_object(object: &Map<String, Value>, overrides: &FieldOverrides) -> RawRecord {
    let mut leaves = Vec::new();
    flatten(object, "", &[], &mut leaves);
    let mut record = RawRecord::default();
    let mut used_paths: Vec<&str> = Vec::new();
    for field in Field::ALL {
        let candidates = candidates(field, &leaves, overrides);
        let chosen = if field == Field::Date {
            choose_date(&candidates)
        } else {
            choose_text(field, &candidates)
        };
        if let Some((path, text)) = chosen {
            used_paths.push(path);
            record.sources.push((field.name(), path.to_string()));
            record.set(field, Some(text));
        }
    }
    if record.body.is_none() {
        if let Some((path, text)) = longest_prose(&leaves, &used_paths) {
            record
                .sources
                .push((Field::Body.name(), format!("{path} (longest prose)")));
            record.body = Some(text);
        }
    }
    if record.url.is_none() {
        let url_leaf = leaves.iter().find_map(|leaf| {
            let text = leaf.value.as_str()?;
            let is_url = text.starts_with("http://") || text.starts_with("https://");
            is_url.then_some((leaf.path.as_str(), text))
        });
        if let Some((path, url)) = url_leaf {
            record
                .sources
                .push((Field::Url.name(), format!("{path} (URL-shaped)")));
            record.url = Some(url.to_string());
        }
    }
    record
}

/// The leaves that may hold `field`, best first; an override names exactly one.
fn candidates<'l, 'v>(
    field: Field,
    leaves: &'l [Leaf<'v>],
    overrides: &FieldOverrides,
) -> Vec<&'l Leaf<'v>> {
    if let Some(wanted) = field.overridden_name(overrides) {
        let wanted_segments: Vec<String> = wanted.split('.').map(normalise_key).collect();
        return leaves
            .iter()
            .filter(|leaf| {
                leaf.path.eq_ignore_ascii_case(wanted) || leaf.segments.ends_with(&wanted_segments)
            })
            .take(1)
            .collect();
    }
    let mut ranked: Vec<((usize, usize), &Leaf)> = leaves
        .iter()
        .filter_map(|leaf| leaf.rank(field).map(|rank| (rank, leaf)))
        .collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, leaf)| leaf).collect()
}

/// The first candidate with text; a body must be prose (hold a space).
/// When the best body is only a summary, the longest summary present is the
/// body (`lead_paragraph` over a one-line `abstract`).
fn choose_text<'l>(field: Field, candidates: &[&'l Leaf]) -> Option<(&'l str, String)> {
    let mut usable = candidates.iter().filter_map(|leaf| {
        let text = value_to_text(field, leaf.value)?;
        let is_usable =
            !text.trim().is_empty() && (field != Field::Body || !looks_like_token(&text));
        is_usable.then_some((*leaf, text))
    });
    let (first_leaf, first_text) = usable.next()?;
    let is_summary = |leaf: &Leaf| {
        leaf.rank(field)
            .is_some_and(|(rank, _)| field.is_summary_rank(rank))
    };
    if !is_summary(first_leaf) {
        return Some((first_leaf.path.as_str(), first_text));
    }
    let longest_summary = usable.filter(|(leaf, _)| is_summary(leaf)).fold(
        (first_leaf, first_text),
        |longest, candidate| {
            if candidate.1.len() > longest.1.len() {
                candidate
            } else {
                longest
            }
        },
    );
    Some((longest_summary.0.path.as_str(), longest_summary.1))
}

/// The best-named candidate that reads as a date, one with a known offset
/// first; else the first one present, kept for the unreadable-date warning.
fn choose_date<'l>(candidates: &[&'l Leaf]) -> Option<(&'l str, String)> {
    let texts: Vec<(&str, String)> = candidates
        .iter()
        .filter_map(|leaf| Some((leaf.path.as_str(), value_to_text(Field::Date, leaf.value)?)))
        .filter(|(_, text)| !text.trim().is_empty())
        .collect();
    let parsed: Vec<(usize, ArticleDate)> = texts
        .iter()
        .enumerate()
        .filter_map(|(index, (_, text))| Some((index, parse_date(text)?)))
        .collect();
    let with_offset = parsed
        .iter()
        .find(|(_, date)| matches!(date, ArticleDate::Instant(_)));
    let chosen = with_offset.or(parsed.first()).map(|(index, _)| *index);
    let index = chosen.unwrap_or(0);
    texts.into_iter().nth(index)
}

/// The longest string leaf not used for another field, if it reads as prose.
fn longest_prose<'l>(leaves: &'l [Leaf], used_paths: &[&str]) -> Option<(&'l str, String)> {
    leaves
        .iter()
        .filter(|leaf| !used_paths.contains(&leaf.path.as_str()))
        .filter_map(|leaf| Some((leaf.path.as_str(), leaf.value.as_str()?)))
        .filter(|(_, text)| !text.starts_with("http") && !text.trim_start().starts_with('<'))
        .filter(|(_, text)| text.split_whitespace().count() >= MIN_PROSE_WORDS)
        .max_by_key(|(_, text)| text.len())
        .map(|(path, text)| (path, text.to_string()))
}

/// Flattens `object` into leaves; plain nested objects are followed, values
/// with a meaning of their own (`{"$date": ..}`, arrays) are leaves.
fn flatten<'a>(
    object: &'a Map<String, Value>,
    prefix: &str,
    segments: &[String],
    leaves: &mut Vec<Leaf<'a>>,
) {
    for (key, value) in object {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        let mut leaf_segments = segments.to_vec();
        leaf_segments.push(normalise_key(key));
        match value {
            Value::Object(inner)
                if !is_special_object(inner) && leaf_segments.len() < MAX_DEPTH =>
            {
                flatten(inner, &path, &leaf_segments, leaves);
            }
            _ => leaves.push(Leaf {
                path,
                segments: leaf_segments,
                value,
            }),
        }
    }
}

/// MongoDB extended JSON (`{"$date": ..}`, `{"$oid": ..}`) and one-key
/// wrappers are values, not records.
fn is_special_object(object: &Map<String, Value>) -> bool {
    object.keys().any(|key| key.starts_with('$'))
}

/// Flattens a JSON value into the text of one field: arrays of paragraphs or
/// authors are joined, `{"name": ...}` objects (a source, an author) give their
/// name, typed content blocks give their paragraphs, and a numeric date is a
/// Unix timestamp (seconds or milliseconds).
pub fn value_to_text(field: Field, value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(readable_field(field, text)),
        Value::Bool(_) => None,
        Value::Number(number) if field == Field::Date => {
            let timestamp = number.as_i64()?;
            // Millisecond timestamps are 1000 times larger than any plausible second count.
            let units_per_second = if timestamp.abs() > 100_000_000_000 {
                1000
            } else {
                1
            };
            epoch_date(timestamp, units_per_second).map(|date| date.to_string())
        }
        Value::Number(number) => Some(number.to_string()),
        Value::Array(items) => {
            let separator = if field == Field::Body { "\n\n" } else { ", " };
            let parts: Vec<String> = items
                .iter()
                .filter(|item| field != Field::Body || is_body_block(item))
                .filter_map(|item| value_to_text(field, item))
                .filter(|text| !text.trim().is_empty())
                .collect();
            let joined = parts.join(separator);
            (!joined.is_empty()).then_some(joined)
        }
        Value::Object(object) => [
            "$date",
            "$oid",
            "$numberLong",
            "name",
            "content",
            "text",
            "value",
            "date",
            "href",
            "url",
        ]
        .iter()
        .find_map(|key| object.get(*key))
        .and_then(|inner| value_to_text(field, inner)),
    }
}

/// A content block that holds body text: untyped, or typed as text or a
/// paragraph (not a title, byline, image or embedded tweet).
fn is_body_block(item: &Value) -> bool {
    let Value::Object(block) = item else {
        return true;
    };
    let is_excluded = |key: &str| {
        block
            .get(key)
            .and_then(Value::as_str)
            .is_some_and(|kind| NON_BODY_BLOCK_TYPES.contains(&kind.to_ascii_lowercase().as_str()))
    };
    let subtype_is_text = block
        .get("subtype")
        .and_then(Value::as_str)
        .is_none_or(|subtype| matches!(subtype, "paragraph" | "subhead" | "p" | "text"));
    !is_excluded("type") && subtype_is_text
}

/// An identifier, not prose: one long run of letters, digits, `-` and `_`
/// (`ddUyU0VZz0BRneMioxUPQVP6sIxvM`, a story cluster id).
pub fn looks_like_token(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.len() >= 16
        && trimmed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
