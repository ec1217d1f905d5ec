//! Parsing: raw file bytes -> one or more [`ParsedArticle`]s, one parser per input format.
//!
//! The format is decided per file from its extension and its content, never
//! from the folder it sits in. Parsers only split and decode; entity and quote
//! extraction happen later in [`crate::extract`].
//!
//! This file owns the shared types, format detection and the steps every
//! format shares: decoding first, the file-name date fallback last.

mod archive;
mod byline;
mod csv;
pub mod dates;
mod decode;
mod fields;
mod header;
mod html;
mod json;
mod mail;
mod markup;
mod mhtml;
mod nexis;
mod office;
mod pdf;
mod record;
mod reuters;
mod rtf;
mod sgml;
mod spreadsheet;
mod text;
mod trec;
mod warc;
mod wire_text;
mod xml;

use std::path::Path;

use crate::article::{ArticleDate, ArticleKey};
use dates::date_from_file_name;
use decode::Legacy;

pub use pdf::looks_like_pdf;

/// What a parser knows about one article before extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedArticle {
    /// 1-based position inside a multi-article file (`FILE#N`); `None` for a one-article file.
    pub part: Option<usize>,
    /// The member of an archive the article came from (`ieer/NYT_19980315`),
    /// for inputs read inside a `.zip` or `.tar`; see [`ParsedArticle::key`].
    pub member: Option<String>,
    /// The source's own id (TREC `DOCNO`, a record's `id`, `Message-ID`).
    pub id: Option<String>,
    pub date: Option<ArticleDate>,
    /// The format's own title, when it has one; extraction falls back to the first sentence.
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub body: String,
    /// A date the source gave that could not be read: the article is kept
    /// undated and [`parse_file`] turns this into a warning naming the value.
    pub unreadable_date: Option<String>,
}

impl ParsedArticle {
    /// The article's unique key under the file key `file_key`: `FILE` for a
    /// one-article file, `FILE#N` for the N-th article of a multi-article
    /// file, `FILE#MEMBER` or `FILE#MEMBER#N` inside an archive (`member`
    /// then holds the member's own key).
    pub fn key(&self, file_key: &str) -> String {
        let key = match (&self.member, self.part) {
            (Some(member), _) => ArticleKey::member(file_key, member),
            (None, None) => ArticleKey::whole_file(file_key),
            (None, Some(part)) => ArticleKey::part(file_key, part),
        };
        key.to_string()
    }
}

/// The result of parsing one file: its articles, plus problems with single
/// records that were skipped while the rest of the file was kept.
#[derive(Debug, Default)]
pub struct ParsedFile {
    pub articles: Vec<ParsedArticle>,
    /// e.g. `line 7: expected value at column 1` for a broken JSON Lines record.
    pub skipped: Vec<String>,
    /// Records kept with a caveat, e.g. `item 4: unreadable date "soon";
    /// indexed undated`: worth a warning, not a failure.
    pub warnings: Vec<String>,
    /// The layout the file was read as (`TREC SGML`, `JSON Lines`, ...), for
    /// the run summary and `newsdex inspect`.
    pub layout: String,
    /// Where each field was read from (`("date", "date_publish")`), as far as
    /// the layout names it: for `newsdex inspect`.
    pub field_sources: Vec<(&'static str, String)>,
    /// Ids of stories this file withdraws (a NewsML `stat:canceled` item): the
    /// index removes the articles of those ids.
    pub withdrawn: Vec<String>,
}

/// Why a whole file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("empty file")]
    Empty,
    #[error("binary file (not text)")]
    Binary,
    #[error("cannot decode text: {0}")]
    Undecodable(String),
    #[error("invalid date {0:?}")]
    BadDate(String),
    #[error("no article body (only a header, or page debris such as a newsletter sign-up)")]
    NoBody,
    #[error("{0}")]
    Malformed(String),
    /// The file holds no article by design (an image, a PDF, a word list, a
    /// corpus's own documentation): counted as skipped, never as a failure.
    #[error("not an article: {0}")]
    NotArticle(String),
}

impl ParseError {
    /// Whether the file is to be counted as skipped (it holds no article)
    /// rather than failed (it looks like articles but cannot be read).
    pub fn is_skip(&self) -> bool {
        matches!(
            self,
            ParseError::Empty | ParseError::Binary | ParseError::NoBody | ParseError::NotArticle(_)
        )
    }
}

/// Column or key names given by the user (`--field date=published_at`), which
/// win over the usual names when a structured format is read.
#[derive(Debug, Clone, Default)]
pub struct FieldOverrides {
    pub date: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub id: Option<String>,
}

/// The input layouts newsdex reads; see the module of each for its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// The reference format, a header block, YAML front matter or the Reuters
    /// financial layout: told apart by [`parse_plain_text`].
    PlainText,
    /// LexisNexis text exports, many documents per file.
    Nexis,
    JsonLines,
    Json,
    Csv,
    ReutersSgml,
    TrecSgml,
    Mail,
    NewsXml,
    Html,
    /// A web page saved as one MIME file (`.mhtml`, `.mht`).
    Mhtml,
    /// XML of another kind (a package index, a sitemap): not articles.
    OtherXml,
    WireText,
}

impl Format {
    fn layout_name(self) -> &'static str {
        match self {
            Format::PlainText => "plain text",
            Format::JsonLines => "JSON Lines",
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::ReutersSgml => "Reuters-21578 SGML",
            Format::TrecSgml => "TREC SGML",
            Format::Mail => "e-mail",
            Format::NewsXml => "news XML",
            Format::Html => "HTML page",
            Format::Mhtml => "saved web page (MHTML)",
            Format::OtherXml => "other XML",
            Format::WireText => "wire text (ANPA-1312 / IPTC 7901)",
            Format::Nexis => "LexisNexis export",
        }
    }
}

/// Parses one file of any supported format.
///
/// Compressed files and archives are opened first ([`archive`]). The format
/// comes from the extension when it names one, else from the content. An
/// article without a date of its own takes the date encoded in the file name
/// (`20220125T090000Z_GB_en_7d015e6984.txt`, `2022-01-25-slug.txt`), if any.
/// A date that could not be read becomes a warning in
/// [`ParsedFile::warnings`], and the article is kept undated.
pub fn parse_file(
    path: &Path,
    bytes: &[u8],
    fields: &FieldOverrides,
) -> Result<ParsedFile, ParseError> {
    parse_at_depth(path, bytes, fields, 0)
}

fn parse_at_depth(
    path: &Path,
    bytes: &[u8],
    fields: &FieldOverrides,
    depth: usize,
) -> Result<ParsedFile, ParseError> {
    if let Some(container) = archive::detect_container(bytes) {
        let parsed =
            archive::parse_container(path, bytes, container, fields, depth, parse_at_depth)?;
        if parsed.articles.is_empty() {
            return Err(no_usable_records(&parsed.skipped));
        }
        return Ok(parsed);
    }
    if warc::looks_like_warc(bytes) {
        let parsed = warc::parse_warc(bytes);
        if parsed.articles.is_empty() {
            return Err(no_usable_records(&parsed.skipped));
        }
        return Ok(parsed);
    }
    let file_name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default();
    if archive::is_documentation_name(file_name) {
        return Err(ParseError::NotArticle(format!(
            "documentation ({file_name})"
        )));
    }
    if spreadsheet::looks_like_compound_file(bytes) {
        return spreadsheet::parse_spreadsheet(bytes, fields);
    }
    if pdf::looks_like_pdf(bytes) && depth < 2 {
        let plain = pdf::pdf_text(bytes)?;
        return parse_document_text(path, &plain, fields, depth, "PDF");
    }
    let extension = path
        .extension()
        .and_then(|extension| extension.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    // Reuters-21578 is Latin-1, so its files decode as such whatever the bytes.
    let legacy =
        if matches!(extension.as_str(), "sgm" | "sgml") || decode::looks_like_reuters_sgml(bytes) {
            Legacy::Expected
        } else {
            Legacy::Tolerated
        };
    let text = decode::decode(bytes, legacy)?;
    if rtf::looks_like_rtf(&text) && depth < 2 {
        let plain = rtf::rtf_text(&text)?;
        return parse_document_text(path, &plain, fields, depth, "RTF");
    }
    let format = detect_format(&extension, &text);
    let mut parsed = match format {
        Format::JsonLines => json::parse_json_lines(&text, fields),
        Format::Json => parse_json_or_json_lines(&text, fields)?,
        Format::Csv => self::csv::parse_csv(&text, fields)?,
        Format::ReutersSgml => sgml::parse_reuters_sgml(&text),
        Format::TrecSgml => trec::parse_trec_sgml(&text),
        Format::Mail => mail::parse_mail_file(&text),
        Format::NewsXml => xml::parse_news_xml(&text)?,
        Format::Html => one_article(html::parse_html_page(&text)?),
        Format::Mhtml => one_article(mhtml::parse_mhtml(&text)?),
        Format::WireText => one_article(wire_text::parse_wire_text(&text)?),
        Format::Nexis => nexis::parse_nexis(&text),
        Format::OtherXml => {
            return Err(ParseError::NotArticle(
                "XML that is not a news layout".to_string(),
            ))
        }
        Format::PlainText => one_article(parse_plain_text(&text, fields)?),
    };
    if parsed.layout.is_empty() {
        parsed.layout = format.layout_name().to_string();
    }
    // A file that only withdraws stories is read: its withdrawals are its content.
    if parsed.articles.is_empty() && parsed.withdrawn.is_empty() {
        return Err(no_usable_records(&parsed.skipped));
    }
    fill_dates_from_file_name(path, &mut parsed);
    report_unreadable_dates(&mut parsed);
    Ok(parsed)
}

/// Reads the text of a document format (PDF, RTF) as a text file of the
/// same name: its layout (one article, a LexisNexis export of many) decides.
fn parse_document_text(
    path: &Path,
    plain: &str,
    fields: &FieldOverrides,
    depth: usize,
    format: &str,
) -> Result<ParsedFile, ParseError> {
    let mut parsed = parse_at_depth(
        &path.with_extension("txt"),
        plain.as_bytes(),
        fields,
        depth + 1,
    )?;
    parsed.layout = format!("{format} {}", parsed.layout);
    Ok(parsed)
}

/// Turns each article's unreadable date into a warning naming the record
/// and the value (the value stays on the article, so that later steps do not
/// also call it undated).
fn report_unreadable_dates(parsed: &mut ParsedFile) {
    for article in &mut parsed.articles {
        let Some(value) = article.unreadable_date.clone() else {
            continue;
        };
        let record = match (&article.id, article.part) {
            (Some(id), _) => format!("{id}: "),
            (None, Some(part)) => format!("#{part}: "),
            (None, None) => String::new(),
        };
        parsed.warnings.push(format!(
            "{record}unreadable date {value:?}; indexed undated"
        ));
    }
}

/// The extension decides when it names a structured format; otherwise the
/// content does (TREC or Reuters-21578 markup, JSON, a CSV header with a body
/// column), else it is plain text.
fn detect_format(extension: &str, text: &str) -> Format {
    match extension {
        "jsonl" | "ndjson" => return Format::JsonLines,
        "json" => return Format::Json,
        "csv" | "tsv" => return Format::Csv,
        _ => {}
    }
    if wire_text::looks_like_wire_text(text) {
        return Format::WireText;
    }
    if trec::looks_like_trec_sgml(text) {
        return Format::TrecSgml;
    }
    if matches!(extension, "sgm" | "sgml") || sgml::looks_like_reuters_sgml(text) {
        return Format::ReutersSgml;
    }
    if xml::looks_like_news_xml(text) {
        return Format::NewsXml;
    }
    // A saved page's MIME wrapper holds HTML: read before the HTML check.
    if mhtml::looks_like_mhtml(text) {
        return Format::Mhtml;
    }
    if html::looks_like_html(text) {
        return Format::Html;
    }
    if text.trim_start().starts_with("<?xml") {
        return Format::OtherXml;
    }
    if json::looks_like_json(text) {
        return Format::Json;
    }
    if mail::looks_like_mail(text) {
        return Format::Mail;
    }
    if self::csv::looks_like_csv(text) {
        return Format::Csv;
    }
    if nexis::looks_like_nexis(text) {
        return Format::Nexis;
    }
    Format::PlainText
}

/// A `.json` file that is really JSON Lines (one object per line) is read as such.
fn parse_json_or_json_lines(text: &str, fields: &FieldOverrides) -> Result<ParsedFile, ParseError> {
    match json::parse_json(text, fields) {
        Err(ParseError::Malformed(reason)) => {
            let looks_like_lines =
                text.trim_start().starts_with('{') && text.trim().lines().count() > 1;
            if looks_like_lines {
                return Ok(json::parse_json_lines(text, fields));
            }
            Err(ParseError::Malformed(reason))
        }
        other => other,
    }
}

/// One-article text files, most specific layout first: the Reuters `-- `
/// header, YAML front matter, a `Key: value` block, then the reference format.
fn parse_plain_text(text: &str, fields: &FieldOverrides) -> Result<ParsedArticle, ParseError> {
    if reuters::looks_like_reuters_financial(text) {
        return reuters::parse_reuters_financial(text);
    }
    if let Some(result) = header::parse_front_matter(text, fields) {
        return result;
    }
    if let Some(result) = header::parse_header_block(text, fields) {
        return result;
    }
    text::parse_reference_text(text)
}

fn one_article(article: ParsedArticle) -> ParsedFile {
    ParsedFile {
        articles: vec![article],
        ..ParsedFile::default()
    }
}

/// A multi-article file where every record was skipped fails as a whole, so
/// the run reports it instead of silently indexing nothing.
fn no_usable_records(skipped: &[String]) -> ParseError {
    let all_not_articles = !skipped.is_empty()
        && skipped
            .iter()
            .all(|reason| reason.contains(": not an article: "));
    if all_not_articles {
        let first = skipped.first().map_or("", String::as_str);
        return ParseError::NotArticle(format!("every record skipped ({first})"));
    }
    let all_without_body = !skipped.is_empty()
        && skipped
            .iter()
            .all(|reason| reason.ends_with(": no body text"));
    if all_without_body {
        return ParseError::NoBody;
    }
    match skipped.first() {
        None => ParseError::Empty,
        Some(first) => ParseError::Malformed(format!(
            "no usable records ({} skipped; first: {first})",
            skipped.len()
        )),
    }
}

/// Gives articles without a date the one encoded in the file name, e.g. the
/// Ukraine corpus layout whose files hold body text only.
fn fill_dates_from_file_name(path: &Path, parsed: &mut ParsedFile) {
    if parsed.articles.iter().all(|article| article.date.is_some()) {
        return;
    }
    let Some(file_date) = path
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(date_from_file_name)
    else {
        return;
    };
    for article in &mut parsed.articles {
        article.date.get_or_insert(file_date);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod corpus_sample;
