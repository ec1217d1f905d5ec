//! newsdex: a search engine for folders of news articles.
//!
//! The modules follow the data: [`corpus`] walks folders, [`parse`] turns
//! file bytes into articles, [`extract`] finds titles, entities and quotes,
//! [`index`] stores them in tantivy, [`search`] answers queries and
//! [`render`] prints the answers. [`cli`] and [`commands`] are the binary's
//! front end.
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
pub mod bench;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod parse;
pub mod render;
pub mod search;

pub use article::{Article, ArticleDate, Entity, EntityKind, Quote};
pub use error::{Error, Result};
