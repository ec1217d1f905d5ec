//! newsdex: a search engine for folders of news articles.
//!
//! The modules follow the data: [`corpus`] walks folders, [`parse`] turns
//! file bytes into articles, [`extract`] finds titles, entities and quotes,
//! [`index`] stores them in tantivy, [`search`] answers queries and
//! [`render`] prints the answers.

pub mod article;
pub mod error;
pub mod extract;
pub mod parse;

pub use article::{Article, ArticleDate, Entity, EntityKind, Quote};
pub use error::{Error, Result};
