//! The Quickwit engine: the same articles and the same reports as the local
//! tantivy index, kept in a Quickwit cluster (`--engine quickwit://HOST:PORT/INDEX`).
//!
//! newsdex still reads the corpus (the one pipeline of [`crate::ingest`]),
//! extracts entities and quotes, and renders; Quickwit stores, searches and
//! aggregates, and scales indexers and searchers apart. This module sits
//! above [`crate::search`]: it answers with the search module's own types
//! (`Hit`, `SearchResults`, `EntityCount`, `Period`, `IndexStats`), so that
//! every renderer prints them unchanged.
//!
//! What Quickwit does differently is said where it happens (see
//! [`DIFFERENCES`]): no English stemming, near copies not grouped (exact
//! copies count once, as locally), no entity alias folding, and deletes that
//! are applied a little later by Quickwit's janitor.

pub mod client;
mod confirm;
mod copies;
mod documents;
mod mapping;
mod prepare;
pub mod reports;
pub mod search;
pub mod send;
mod shard;
mod state;

use crate::error::{Error, Result};

pub use client::Quickwit;
pub use send::{send_files, SendOptions};
pub use shard::Shard;

/// What a Quickwit engine answers differently from the local index, for `--help` and notes.
pub const DIFFERENCES: &str = "Quickwit has no English stemmer here: `sanction` does not find \
`sanctions`, and relevance is plain BM25 over title and body (no title boost, no proximity \
bonus, no BM25F, no --expand). Entity filters and reports match the spelling given (`US` and \
`United States` are not folded). Exact copies of a body are listed and counted once, as \
locally; near copies (lightly edited syndicated copies, which the local index groups) are \
listed and counted apart. An edited or removed file's old articles are deleted by a Quickwit delete \
task, which the node applies within a minute or two: until then they still count.";

/// `quickwit://HOST:PORT/INDEX`, the engine a command talks to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineUrl {
    pub host: String,
    pub port: u16,
    pub index: String,
}

impl EngineUrl {
    /// Reads `quickwit://HOST:PORT/INDEX`; the index id follows Quickwit's rule
    /// (a letter, then letters, digits, `-`, `_` or `.`; 3 to 255 characters).
    pub fn parse(text: &str) -> Result<EngineUrl> {
        let usage = |reason: &str| {
            Error::Usage(format!(
                "--engine {text:?}: {reason} (expected quickwit://HOST:PORT/INDEX)"
            ))
        };
        let Some(rest) = text.trim().strip_prefix("quickwit://") else {
            return Err(usage("only quickwit:// engines are known"));
        };
        let Some((authority, index)) = rest.split_once('/') else {
            return Err(usage("no index name"));
        };
        let Some((host, port_text)) = authority.rsplit_once(':') else {
            return Err(usage("no port"));
        };
        let port: u16 = port_text.parse().map_err(|_| usage("bad port"))?;
        let host_is_plain = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
        if !host_is_plain {
            return Err(usage("bad host"));
        }
        let index_is_valid = (3..=255).contains(&index.len())
            && index.starts_with(|c: char| c.is_ascii_alphabetic())
            && index
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !index_is_valid {
            return Err(usage(
                "bad index name (a letter, then letters, digits, -, _ or .; 3 to 255 characters)",
            ));
        }
        Ok(EngineUrl {
            host: host.to_string(),
            port,
            index: index.to_string(),
        })
    }

    /// The node's REST root, `http://HOST:PORT`.
    pub fn rest_root(&self) -> String {
        format!("http://{}:{}", self.host, self.port)
    }
}

impl std::fmt::Display for EngineUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "quickwit://{}:{}/{}", self.host, self.port, self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_urls_parse_and_bad_ones_are_refused() {
        let url = EngineUrl::parse("quickwit://127.0.0.1:7280/news").unwrap();
        assert_eq!(url.host, "127.0.0.1");
        assert_eq!(url.port, 7280);
        assert_eq!(url.index, "news");
        assert_eq!(url.to_string(), "quickwit://127.0.0.1:7280/news");
        assert_eq!(url.rest_root(), "http://127.0.0.1:7280");
        let refused = [
            "http://127.0.0.1:7280/news",
            "quickwit://127.0.0.1/news",
            "quickwit://127.0.0.1:99999/news",
            "quickwit://127.0.0.1:7280/",
            "quickwit://127.0.0.1:7280/9news",
            "quickwit://127.0.0.1:7280/news/../x",
            "quickwit://user@host:7280/news",
        ];
        for text in refused {
            assert!(EngineUrl::parse(text).is_err(), "{text}");
        }
    }
}
