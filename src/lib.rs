//! newsdex: a search engine for folders of news articles.
//!
//! The modules follow the data: [`corpus`] walks folders, [`parse`] turns
//! file bytes into articles, [`extract`] finds titles, entities and quotes,
//! [`ingest`] is the one pipeline from a file to its articles, [`index`]
//! stores them in tantivy and [`search`] answers queries. The `newsdex`
//! binary (`src/app/`: command line, commands, rendering, bench) sits on top;
//! the library has no command-line types (see ARCHITECTURE.md).
//!
//! ```no_run
//! use newsdex::index::NewsIndex;
//! use newsdex::search::{search, SearchRequest};
//!
//! let index = NewsIndex::open(std::path::Path::new("index"))?;
//! let request = SearchRequest {
//!     text: Some("Ukraine sovereignty".to_string()),
//!     limit: 10,
//!     snippets: true,
//!     ..SearchRequest::default()
//! };
//! for hit in search(&index, &request)?.hits {
//!     println!("{} {}", hit.article.path, hit.article.title);
//! }
//! # Ok::<(), newsdex::Error>(())
//! ```

pub mod article;
pub mod corpus;
pub mod engine;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod parse;
pub mod search;
#[cfg(feature = "serve")]
pub mod serve;

pub use article::{Article, ArticleDate, Entity, EntityKind, Quote};
pub use error::{Error, Result};
