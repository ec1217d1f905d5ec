//! Query-string parameters: parsed with `form_urlencoded`, checked against
//! each endpoint's list (an unknown or repeated name is a 400, a value longer
//! than a query may be is a 413), and turned into the library's requests
//! with the CLI's defaults.

use crate::article::EntityKind;
use crate::search::reports::Interval;
use crate::search::text::MAX_QUERY_CHARS;
use crate::search::{DateRange, Filters, SortOrder};
use crate::serve::reply::ApiError;

/// The most hits, entities or quotes one request returns: a page, not a dump.
pub const MAX_LIMIT: usize = 100;

/// The deepest page a search reaches (`offset`): deeper paging is a crawl.
pub const MAX_OFFSET: usize = 10_000;

/// How many `entity=` filters one request may carry.
const MAX_ENTITY_FILTERS: usize = 16;

/// The filter parameters every report and search takes.
pub const FILTER_NAMES: [&str; 5] = ["from", "to", "entity", "speaker", "source"];

/// The parameters of one request, in the order given.
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Parses `raw` (the text after `?`), accepting only `allowed` names
    /// and the filter names when `with_filters`.
    pub fn parse(
        raw: Option<&str>,
        allowed: &[&str],
        with_filters: bool,
    ) -> Result<Params, ApiError> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (name, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
            let known = allowed.contains(&name.as_ref())
                || (with_filters && FILTER_NAMES.contains(&name.as_ref()));
            if !known {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {name:?} (this endpoint takes {})",
                    accepted_names(allowed, with_filters)
                )));
            }
            let length = value.chars().count();
            if length > MAX_QUERY_CHARS {
                return Err(ApiError::too_large(format!(
                    "{name} is {length} characters long; at most {MAX_QUERY_CHARS} are read"
                )));
            }
            let repeatable = name == "entity";
            if !repeatable && pairs.iter().any(|(seen, _)| *seen == name) {
                return Err(ApiError::bad_request(format!("{name} is given twice")));
            }
            pairs.push((name.into_owned(), value.into_owned()));
        }
        Ok(Params { pairs })
    }

    /// The value of `name`, `None` when missing or blank (an empty search
    /// box sends `q=`).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(seen, value)| seen == name && !value.trim().is_empty())
            .map(|(_, value)| value.as_str())
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(seen, value)| seen == name && !value.trim().is_empty())
            .map(|(_, value)| value.clone())
            .collect()
    }

    /// A count such as `limit` or `offset`, `default` when missing.
    pub fn count(&self, name: &str, default: usize, most: usize) -> Result<usize, ApiError> {
        let Some(text) = self.text(name) else {
            return Ok(default);
        };
        let Ok(value) = text.trim().parse::<usize>() else {
            return Err(ApiError::bad_request(format!(
                "{name} {text:?} is not a whole number"
            )));
        };
        if name == "limit" && value == 0 {
            return Err(ApiError::bad_request("limit must be at least 1"));
        }
        if value > most {
            return Err(ApiError::bad_request(format!(
                "{name} {value} is more than the server gives (at most {most})"
            )));
        }
        Ok(value)
    }

    /// A yes/no switch such as `all_copies`: `1`/`true`/empty is yes.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        let Some((_, value)) = self.pairs.iter().find(|(seen, _)| seen == name) else {
            return Ok(false);
        };
        match value.trim() {
            "" | "1" | "true" | "yes" => Ok(true),
            "0" | "false" | "no" => Ok(false),
            other => Err(ApiError::bad_request(format!(
                "{name} {other:?}: expected true or false"
            ))),
        }
    }

    /// The filters, as `newsdex query` builds them from its flags.
    pub fn filters(&self) -> Result<Filters, ApiError> {
        let entities = self.all("entity");
        if entities.len() > MAX_ENTITY_FILTERS {
            return Err(ApiError::bad_request(format!(
                "{} entity filters; at most {MAX_ENTITY_FILTERS} are read",
                entities.len()
            )));
        }
        Ok(Filters {
            dates: DateRange::from_bounds(self.text("from"), self.text("to"))?,
            entities,
            speaker: self.text("speaker").map(str::to_string),
            source: self.text("source").map(str::to_string),
            dated_only: false,
        })
    }

    pub fn sort(&self) -> Result<SortOrder, ApiError> {
        self.choice(
            "sort",
            &[
                ("relevance", SortOrder::Relevance),
                ("newest", SortOrder::Newest),
                ("oldest", SortOrder::Oldest),
            ],
            SortOrder::Relevance,
        )
    }

    pub fn interval(&self) -> Result<Interval, ApiError> {
        self.choice(
            "interval",
            &[
                ("day", Interval::Day),
                ("week", Interval::Week),
                ("month", Interval::Month),
                ("year", Interval::Year),
            ],
            Interval::Month,
        )
    }

    pub fn kind(&self) -> Result<Option<EntityKind>, ApiError> {
        let Some(text) = self.text("kind") else {
            return Ok(None);
        };
        match EntityKind::parse(text.trim()) {
            Some(kind) => Ok(Some(kind)),
            None => Err(ApiError::bad_request(format!(
                "kind {text:?}: expected person, organization, place or other"
            ))),
        }
    }

    /// One of a fixed set of words, as clap's value enums read them.
    fn choice<T: Copy>(
        &self,
        name: &str,
        choices: &[(&str, T)],
        default: T,
    ) -> Result<T, ApiError> {
        let Some(text) = self.text(name) else {
            return Ok(default);
        };
        let wanted = text.trim();
        if let Some((_, value)) = choices.iter().find(|(word, _)| *word == wanted) {
            return Ok(*value);
        }
        let words: Vec<&str> = choices.iter().map(|(word, _)| *word).collect();
        Err(ApiError::bad_request(format!(
            "{name} {text:?}: expected one of {}",
            words.join(", ")
        )))
    }
}

fn accepted_names(allowed: &[&str], with_filters: bool) -> String {
    let mut names: Vec<&str> = allowed.to_vec();
    if with_filters {
        names.extend(FILTER_NAMES);
    }
    if names.is_empty() {
        return "no parameters".to_string();
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_and_values_decoded() {
        let params = Params::parse(Some("q=caf%C3%A9+au+lait&entity=A&entity=B"), &["q"], true)
            .expect("valid");
        assert_eq!(params.text("q"), Some("café au lait"));
        assert_eq!(params.filters().expect("filters").entities, ["A", "B"]);
        let unknown = Params::parse(Some("qq=1"), &["q"], true)
            .err()
            .expect("refused");
        assert_eq!(unknown.status, axum::http::StatusCode::BAD_REQUEST);
        let twice = Params::parse(Some("q=a&q=b"), &["q"], false)
            .err()
            .expect("refused");
        assert!(twice.message.contains("twice"), "{}", twice.message);
    }

    #[test]
    fn counts_flags_and_choices_are_bounded() {
        let params = Params::parse(
            Some("limit=101&offset=x&all_copies=maybe&sort=best"),
            &["limit", "offset", "all_copies", "sort"],
            false,
        )
        .expect("valid names");
        assert!(params.count("limit", 10, MAX_LIMIT).is_err());
        assert!(params.count("offset", 0, MAX_OFFSET).is_err());
        assert!(params.flag("all_copies").is_err());
        assert!(params.sort().is_err());
        let empty = Params::parse(Some("q=&limit="), &["q", "limit"], false).expect("valid");
        assert_eq!(empty.text("q"), None);
        assert_eq!(empty.count("limit", 10, MAX_LIMIT).expect("default"), 10);
    }
}
