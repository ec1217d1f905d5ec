//! TREC SGML: the layout of every TREC news collection (AP, WSJ, FT, FBIS,
//! LA Times, AQUAINT, the NLTK IEER sample): many `<DOC>` per file.
//!
//! ```text
//! <DOC>
//! <DOCNO> LA042990-0004 </DOCNO>          -> id
//! <DATE><P>April 29, 1990, Sunday, ...</P></DATE>  (or DATE_TIME, DATE1, FILEID, DD)
//! <HEADLINE><P>MINISERIES TAKES ...</P></HEADLINE> (or HEAD, TI, HL, UNK)
//! <BYLINE>By Susan King</BYLINE>
//! <TEXT><P>...</P><P>...</P></TEXT>      (one or more TEXT blocks)
//! </DOC>
//! ```
//! The files are SGML, not XML (undeclared entities such as `&HT;`, unbalanced
//! pseudo-tags such as `<b_enamex ...>`), so [`super::markup`] scans them.
//! This module owns which tag carries which field in each newspaper's
//! variant, and the cleaning of tagged text into paragraphs.

use crate::article::ArticleDate;

use super::byline::author_from_byline;
use super::dates::{find_date_in_text, parse_date};
use super::markup::{element, strip_tags};
use super::record::skip_reason;
use super::{ParseError, ParsedArticle, ParsedFile};

/// Tags holding the headline, best first. `HEAD` repeats in AP files: the
/// first is the headline, the later ones are editor notes.
const TITLE_TAGS: &[&str] = &["HEADLINE", "HEAD", "TI", "HL", "TITLE", "H3"];

/// Tags holding the publication date, best first.
const DATE_TAGS: &[&str] = &["DATE_TIME", "DATE", "DATE1", "DD", "PUBDATE", "FILEID"];

/// DOCNO prefixes of the TREC newspapers and the source each names.
const SOURCES_BY_DOCNO_PREFIX: &[(&str, &str)] = &[
    ("APW", "Associated Press"),
    ("AFP", "Agence France-Presse"),
    ("XIN", "Xinhua"),
    ("CNA", "Central News Agency"),
    ("LTW", "Los Angeles Times-Washington Post"),
    ("AP", "Associated Press"),
    ("NYT", "New York Times"),
    ("XIE", "Xinhua"),
    ("LA", "Los Angeles Times"),
    ("FBIS", "FBIS"),
    ("FT", "Financial Times"),
    ("WSJ", "Wall Street Journal"),
    ("SJMN", "San Jose Mercury News"),
    ("FR", "Federal Register"),
];

/// Whether decoded text is TREC SGML: a `<DOC>` holding a `<DOCNO>`, or the
/// LDC form of Gigaword and its kin, `<DOC id="AFP_ENG_20090101.0001"
/// type="story">` holding a `<TEXT>`.
pub fn looks_like_trec_sgml(text: &str) -> bool {
    let head = prefix(text, 64 * 1024);
    let trec = head.contains("<DOC>") && head.contains("<DOCNO>");
    let ldc = (head.contains("<DOC id=") || head.contains("<DOC ID=")) && head.contains("<TEXT>");
    trec || ldc
}

/// Parses every `<DOC>` of a TREC SGML file. `part` is the 1-based position
/// of the document, or `None` when the file holds one document.
pub fn parse_trec_sgml(text: &str) -> ParsedFile {
    let documents: Vec<&str> = documents(text).collect();
    let one_document = documents.len() == 1;
    let mut parsed = ParsedFile {
        layout: "TREC SGML".to_string(),
        field_sources: vec![
            ("id", "DOCNO".to_string()),
            ("title", "HEADLINE|HEAD|TI|HL".to_string()),
            ("body", "TEXT".to_string()),
            ("date", "DATE_TIME|DATE|DATE1|DD|FILEID|DOCNO".to_string()),
            ("author", "BYLINE".to_string()),
        ],
        ..ParsedFile::default()
    };
    for (index, document) in documents.iter().enumerate() {
        let number = index + 1;
        let part = (!one_document).then_some(number);
        match parse_document(document, part) {
            Ok(article) => parsed.articles.push(article),
            Err(problem) => parsed
                .skipped
                .push(skip_reason(&format!("doc {number}"), &problem)),
        }
    }
    parsed
}

/// Where the next `<DOC>` or `<DOC id=...>` opens in `text` (not `<DOCNO>`).
fn next_open(text: &str) -> Option<usize> {
    text.match_indices("<DOC").map(|(at, _)| at).find(|&at| {
        matches!(
            text.as_bytes().get(at + 4),
            Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')
        )
    })
}

/// Each document's slice, from just after `<DOC` (so an LDC document starts
/// with its attributes, ` id="..." type="story" >`) to its `</DOC>`; an
/// unclosed document runs to the next one.
fn documents(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = next_open(rest)?;
        let from_start = &rest[start + "<DOC".len()..];
        let close = from_start.find("</DOC>");
        let next = next_open(from_start);
        let end = match (close, next) {
            (Some(close), Some(next)) => close.min(next),
            (Some(close), None) => close,
            (None, Some(next)) => next,
            (None, None) => from_start.len(),
        };
        rest = &from_start[end..];
        Some(&from_start[..end])
    })
}

/// The `id` attribute of an LDC `<DOC id="..." ...>` open tag, which starts
/// the document's slice.
fn id_attribute(document: &str) -> Option<String> {
    let open_tag = &document[..document.find('>')?];
    let lower = open_tag.to_ascii_lowercase();
    let value_start = lower.find("id=")? + 3;
    let quoted = open_tag[value_start..].trim_start_matches(['"', '\'']);
    let value: String = quoted
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ' ' | '>'))
        .collect();
    (!value.is_empty()).then_some(value)
}

fn parse_document(document: &str, part: Option<usize>) -> Result<ParsedArticle, ParseError> {
    let id = element(document, "DOCNO")
        .map(clean_inline)
        .filter(|id| !id.is_empty())
        .or_else(|| id_attribute(document));
    let (date, unreadable_date) = document_date(document, id.as_deref());
    let tagged_title = document_title(document);
    let author = element(document, "BYLINE")
        .map(clean_inline)
        .and_then(|byline| author_from_byline(&byline));
    // San Jose Mercury News keeps its first paragraph apart, in `<LEADPARA>`.
    let text_blocks: Vec<String> = elements(document, "LEADPARA")
        .into_iter()
        .chain(elements(document, "TEXT"))
        .map(clean_block)
        .filter(|block| !block.is_empty())
        .collect();
    // A document with no text is a photo ("Wild Art": its caption is its
    // text) or a brief (its headline is).
    let caption = match text_blocks.is_empty() {
        true => element(document, "GRAPHIC").and_then(|raw| caption(&clean_block(raw))),
        false => None,
    };
    let (title, body) = match (text_blocks.is_empty(), tagged_title, caption) {
        (false, title, _) => (title, text_blocks.join("\n\n")),
        (true, title, Some(caption)) => (title.or(caption.headline), caption.text),
        (true, Some(headline), None) => (Some(headline.clone()), headline),
        (true, None, None) => return Err(ParseError::NoBody),
    };
    let source = id.as_deref().and_then(source_from_docno);
    Ok(ParsedArticle {
        part,
        id,
        date,
        title,
        author,
        source,
        body,
        unreadable_date,
        ..ParsedArticle::default()
    })
}

/// A picture's caption as a document's text.
struct Caption {
    /// `Dutch Treat` of `Photo, Dutch Treat: Windmills along a canal ...`.
    headline: Option<String>,
    text: String,
}

/// Kinds of picture that open a caption (`Photo, ...`, `Color Drawing, ...`).
const PICTURE_KINDS: &[&str] = &[
    "photo",
    "photos",
    "drawing",
    "drawings",
    "chart",
    "charts",
    "map",
    "maps",
    "graphic",
    "graphics",
    "illustration",
    "illustrations",
    "diagram",
    "table",
    "cartoon",
];

/// The caption without the kind of picture, its headline when one opens it
/// (before `: ` or ` -- `, at most 10 words), or `None` when it has no words.
fn caption(block: &str) -> Option<Caption> {
    let flat = block.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = match flat.split_once(',') {
        Some((kind, rest))
            if kind.split(' ').count() <= 3
                && kind
                    .split(' ')
                    .any(|word| PICTURE_KINDS.contains(&word.to_lowercase().as_str())) =>
        {
            rest.trim().to_string()
        }
        _ => flat,
    };
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let headline = [": ", " -- "]
        .iter()
        .filter_map(|separator| text.split_once(separator))
        .map(|(headline, _)| headline.trim())
        .filter(|headline| !headline.is_empty() && headline.split(' ').count() <= 10)
        .min_by_key(|headline| headline.len())
        .map(str::to_string);
    Some(Caption { headline, text })
}

/// The date of the first date tag that reads; the text of a present but
/// unreadable one is returned for the warning. Falls back to the compact
/// `YYYYMMDD` inside AQUAINT-style DOCNOs (`NYT19980315.0063`).
fn document_date(document: &str, id: Option<&str>) -> (Option<ArticleDate>, Option<String>) {
    let mut unreadable = None;
    for tag in DATE_TAGS {
        let Some(raw) = element(document, tag) else {
            continue;
        };
        let text = clean_inline(raw);
        if text.is_empty() {
            continue;
        }
        let date = parse_date(&text)
            .or_else(|| compact_six_digit_date(&text))
            .or_else(|| find_date_in_text(&text));
        if date.is_some() {
            return (date, None);
        }
        unreadable.get_or_insert(text);
    }
    let from_id = id.and_then(date_from_docno);
    if from_id.is_some() {
        return (from_id, None);
    }
    (None, unreadable)
}

/// A six-digit date tag: `910514` (Financial Times, YYMMDD) or, when that is
/// no date, `042990` (MMDDYY); years 50-99 are 19xx, 00-49 20xx.
fn compact_six_digit_date(text: &str) -> Option<ArticleDate> {
    if text.len() != 6 || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    let century = |year: u32| if year >= 50 { 1900 + year } else { 2000 + year };
    let day_of = |year: u32, month: u32, day: u32| {
        chrono::NaiveDate::from_ymd_opt(i32::try_from(century(year)).ok()?, month, day)
    };
    let year_first = day_of(number(0..2)?, number(2..4)?, number(4..6)?);
    let month_first = || day_of(number(4..6)?, number(0..2)?, number(2..4)?);
    year_first.or_else(month_first).map(ArticleDate::Day)
}

/// `NYT19980315.0063`, `APW20000824.0204` -> the day; other DOCNO shapes
/// (`LA042990-0004` is MMDDYY, `AP890101-0001` YYMMDD) are too ambiguous.
fn date_from_docno(id: &str) -> Option<ArticleDate> {
    let digits_start = id.find(|c: char| c.is_ascii_digit())?;
    let digits: String = id[digits_start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() != 8 || !digits.starts_with(['1', '2']) {
        return None;
    }
    parse_date(&digits)
}

/// The first title tag with text; an AP `<UNK>` holds the headline only when
/// there is no `<HEAD>` and it is not a byline.
fn document_title(document: &str) -> Option<String> {
    for tag in TITLE_TAGS {
        let Some(raw) = element(document, tag) else {
            continue;
        };
        let title = clean_inline(raw);
        if is_usable_title(&title) {
            return Some(without_dateline_prefix(&title).to_string());
        }
    }
    let unknown = element(document, "UNK").map(clean_inline)?;
    let is_byline = unknown.to_ascii_lowercase().starts_with("by ");
    (is_usable_title(&unknown) && !is_byline).then_some(unknown)
}

/// A headline without the Financial Times' dateline prefix:
/// `FT  14 MAY 91 / Jubilee of a jet` -> `Jubilee of a jet`.
fn without_dateline_prefix(title: &str) -> &str {
    let Some((prefix, headline)) = title.split_once(" / ") else {
        return title;
    };
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let is_dateline = matches!(words.as_slice(), [source, day, month, year]
        if source.chars().all(|c| c.is_ascii_uppercase())
            && day.parse::<u8>().is_ok()
            && month.len() == 3
            && month.chars().all(|c| c.is_ascii_uppercase())
            && year.len() == 2
            && year.parse::<u8>().is_ok());
    if is_dateline && !headline.trim().is_empty() {
        return headline.trim();
    }
    title
}

fn is_usable_title(title: &str) -> bool {
    title.chars().any(char::is_alphanumeric)
}

fn source_from_docno(id: &str) -> Option<String> {
    let letters: String = id.chars().take_while(char::is_ascii_alphabetic).collect();
    SOURCES_BY_DOCNO_PREFIX
        .iter()
        .find(|(prefix, _)| letters.eq_ignore_ascii_case(prefix))
        .map(|(_, source)| (*source).to_string())
}

/// The content of every `<NAME>...</NAME>` in order; an unclosed one runs
/// to the end.
fn elements<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        let content_and_after = &rest[start + open.len()..];
        let end = content_and_after
            .find(&close)
            .unwrap_or(content_and_after.len());
        found.push(&content_and_after[..end]);
        rest = content_and_after.get(end + close.len()..).unwrap_or("");
    }
    found
}

/// A one-line field: tags dropped, entities decoded, white space collapsed.
fn clean_inline(raw: &str) -> String {
    let text = unescape_sgml(&strip_tags(raw));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `<TEXT>` block as paragraphs: `<P>` elements when there are any, else
/// the hard-wrapped lines reflowed (a paragraph starts after a blank line or
/// at an indented line). Editorial `<ANNOTATION>`s are dropped, and so is
/// an FBIS analyst's closing note (see [`notes::without_analyst_note`]: it closes
/// most documents of the FBIS sample and made `ASIA` one of its entities).
fn clean_block(raw: &str) -> String {
    let without_notes = remove_elements(raw, "ANNOTATION");
    let uniform = without_notes.replace("<p>", "<P>");
    let paragraphs: Vec<String> = if uniform.contains("<P>") {
        uniform
            .split("<P>")
            .map(clean_inline)
            .filter(|paragraph| !paragraph.is_empty())
            .collect()
    } else {
        reflow(&unescape_sgml(&strip_tags(&without_notes)))
    };
    let mut text = paragraphs.join("\n\n");
    let kept = notes::without_analyst_note(&text).len();
    text.truncate(kept);
    text
}

fn reflow(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        let words = line.trim();
        let starts_paragraph = words.is_empty() || line.starts_with([' ', '\t']);
        if starts_paragraph && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        if words.is_empty() {
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.extend(words.split_whitespace().flat_map(|word| [word, " "]));
        current.truncate(current.trim_end().len());
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// Removes every `<NAME>...</NAME>` (an unclosed one runs to the end).
fn remove_elements(text: &str, name: &str) -> String {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        output.push_str(&rest[..start]);
        let after_open = &rest[start..];
        rest = match after_open.find(&close) {
            Some(end) => &after_open[end + close.len()..],
            None => "",
        };
    }
    output.push_str(rest);
    output
}

/// SGML entity references: the XML five (any case), numeric ones, and the
/// undeclared wire-control entities of AQUAINT (`&HT;`, `&QL;`, `&Cx1f;`),
/// which are dropped.
pub fn unescape_sgml(text: &str) -> String {
    let mut output = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(ampersand) = rest.find('&') {
        output.push_str(&rest[..ampersand]);
        let candidate = &rest[ampersand..];
        let reference_end = candidate
            .get(1..)
            .and_then(|after| after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')))
            .map(|offset| offset + 1)
            .filter(|&end| end > 1 && end <= 10 && candidate[end..].starts_with(';'));
        let Some(end) = reference_end else {
            output.push('&');
            rest = &candidate[1..];
            continue;
        };
        let name = &candidate[1..end];
        output.push_str(&entity_text(name));
        rest = &candidate[end + 1..];
    }
    output.push_str(rest);
    output
}

fn entity_text(name: &str) -> String {
    let known = match name.to_ascii_lowercase().as_str() {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => None,
    };
    if let Some(character) = known {
        return character.to_string();
    }
    let numeric = name.strip_prefix('#').and_then(|digits| {
        let code = match digits.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => digits.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control())
    });
    // Unknown named entities are wire control codes: a space keeps words apart.
    numeric.map_or_else(|| " ".to_string(), |character| character.to_string())
}

fn prefix(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

mod notes;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
