//! PDF documents (articles saved or printed to PDF, LexisNexis and Factiva
//! PDF exports): `pdf-extract` gives the text of every page, which is then
//! read as any text file is, so an export of many documents is split as its
//! text layout says.
//!
//! The crate reads untrusted files with many assumptions: a panic inside it
//! becomes this file's error, not a lost run.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::LazyLock;

use pdf_extract::Document;
use regex::Regex;

use super::ParseError;
use page_text::PageText;

mod forms;
mod page_text;
mod streams;

/// How far into a file its `%PDF-` header may start (the format allows junk before it).
const HEADER_REACH: usize = 1024;

/// The shortest line that may have been broken by the layout rather than
/// by its writer.
const MIN_FULL_LINE_CHARS: usize = 30;

/// Lines at either end of a page searched for page furniture.
const FURNITURE_LINES: usize = 3;

/// A line that is page furniture wherever it stands: a browser's print stamp
/// (`11/30/26, 3:20 AM Title`), the page's address with its counter
/// (`https://… 1/3`), a page number (`Page 2 of 5`, `2/5`, `- 2 -`).
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    // A literal pattern, checked by the unit tests.
    #[allow(clippy::unwrap_used)]
    Regex::new(
        r"(?ix)^(?:
            \d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s?[ap]m)?\b.*
          | (?:https?|file)://\S+(?:\s+\d+\s*/\s*\d+)?
          | (?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?
          | [-–—]\s*\d{1,4}\s*[-–—]
        )$",
    )
    .unwrap()
});

/// Whether the bytes are a PDF document.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEADER_REACH)];
    head.windows(5).any(|window| window == b"%PDF-")
}

/// The plain text of a PDF document: its pages in order, paragraphs kept
/// apart, lines broken inside a paragraph joined again.
pub fn pdf_text(bytes: &[u8]) -> Result<String, ParseError> {
    if !streams::streams_are_bounded(bytes) {
        return Err(ParseError::Malformed(format!(
            "PDF whose streams expand beyond {} MB; not read",
            super::archive::MAX_DECOMPRESSED_BYTES >> 20
        )));
    }
    let outcome = catch_unwind(AssertUnwindSafe(|| read_pages(bytes)));
    let pages = match outcome {
        Ok(Ok(pages)) => pages,
        Ok(Err(error)) => {
            return Err(ParseError::Malformed(format!(
                "PDF that cannot be read: {error}"
            )))
        }
        Err(_) => {
            return Err(ParseError::Malformed(
                "PDF that cannot be read: the PDF reader failed on it".to_string(),
            ))
        }
    };
    let pages: Vec<String> = pages.iter().map(|page| unfold_ligatures(page)).collect();
    let running = running_lines(&pages);
    let text = pages
        .iter()
        .map(|page| rejoin_lines(&without_furniture(page, &running)))
        .collect::<Vec<_>>()
        .join("\n\n");
    if text.trim().is_empty() {
        return Err(ParseError::NotArticle(
            "PDF without text (scanned pages need OCR first)".to_string(),
        ));
    }
    Ok(text)
}

/// The text of each page. A document locked only against editing (an empty
/// user password, as exports often are) is opened.
fn read_pages(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut document = Document::load_mem(bytes).map_err(|error| error.to_string())?;
    if document.is_encrypted() {
        document.decrypt("").map_err(|error| error.to_string())?;
    }
    if !forms::forms_are_bounded(&document) {
        return Err("its forms draw themselves or nest too deep to draw".to_string());
    }
    let mut output = PageText::default();
    pdf_extract::output_doc(&document, &mut output).map_err(|error| error.to_string())?;
    Ok(output.pages)
}

/// The lines at either end of a page, where headers and footers stand.
fn edge_lines(page: &str) -> impl Iterator<Item = &str> {
    let lines: Vec<&str> = page
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let head = lines.len().min(FURNITURE_LINES);
    let tail_start = lines.len().saturating_sub(FURNITURE_LINES).max(head);
    let mut edges = lines[..head].to_vec();
    edges.extend_from_slice(&lines[tail_start..]);
    edges.into_iter()
}

/// A line with its digits masked, so `Page 2` and `Page 3` are one running line.
fn masked(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Running heads and feet: lines at the edge of more than half of the pages
/// (of three or more), digits masked (a publication's name, a copyright line).
fn running_lines(pages: &[String]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    if pages.len() < 3 {
        return counts;
    }
    for page in pages {
        let mut on_page: Vec<String> = edge_lines(page).map(masked).collect();
        on_page.sort();
        on_page.dedup();
        for line in on_page {
            *counts.entry(line).or_default() += 1;
        }
    }
    counts.retain(|_, count| *count * 2 > pages.len());
    counts
}

/// A page without its furniture: print stamps, addresses, page numbers and
/// running lines, at its edges only (the same words inside the text stay).
fn without_furniture(page: &str, running: &HashMap<String, usize>) -> String {
    let edges: Vec<&str> = edge_lines(page).collect();
    let is_furniture = |line: &str| {
        let trimmed = line.trim();
        edges.contains(&trimmed)
            && (FURNITURE.is_match(trimmed) || running.contains_key(&masked(trimmed)))
    };
    page.lines()
        .filter(|line| !is_furniture(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Typographic ligatures (`ﬁ`, `ﬃ`) that PDF text keeps, as their letters.
fn unfold_ligatures(text: &str) -> String {
    if !text.chars().any(is_ligature) {
        return text.to_string();
    }
    let mut unfolded = String::with_capacity(text.len());
    for c in text.chars() {
        if is_ligature(c) {
            unicode_normalization::char::decompose_compatible(c, |letter| unfolded.push(letter));
        } else {
            unfolded.push(c);
        }
    }
    unfolded
}

/// The Latin ligatures of Unicode's alphabetic presentation forms.
fn is_ligature(c: char) -> bool {
    ('\u{FB00}'..='\u{FB06}').contains(&c)
}

/// A page's text with the line breaks of its layout inside paragraphs
/// removed (a hyphen at a line's end joins the word), blank lines kept as
/// paragraph breaks. Only a full line (near the page's longest) was broken
/// by the layout; a short one ends where its writer ended it (`July 1, 2022
/// Friday` above `Final Edition`).
fn rejoin_lines(page: &str) -> String {
    let longest = page
        .lines()
        .map(|line| line.trim().chars().count())
        .max()
        .unwrap_or(0);
    let full_line = (longest * 7 / 10).max(MIN_FULL_LINE_CHARS);
    let mut text = String::with_capacity(page.len());
    for paragraph in page.split("\n\n") {
        let lines: Vec<&str> = paragraph
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let mut previous_full = false;
        for (index, line) in lines.iter().enumerate() {
            if index > 0 {
                match text.strip_suffix('-') {
                    Some(stem) if previous_full && stem.ends_with(char::is_alphabetic) => {
                        text.truncate(stem.len());
                    }
                    _ if previous_full => text.push(' '),
                    _ => text.push('\n'),
                }
            }
            text.push_str(line);
            previous_full = line.chars().count() >= full_line;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_lines_join_and_paragraphs_stay_apart() {
        let page = "Grain talks resume\n\nJuly 1, 2022 Friday\nFinal Edition\n\nOfficials from three countries met in Istan-\nbul on Friday and agreed to meet again\nnext week.\n\n\n“We are close,” said Hulusi Akar.";
        assert_eq!(
            rejoin_lines(page),
            "Grain talks resume\n\nJuly 1, 2022 Friday\nFinal Edition\n\nOfficials from three countries met in Istanbul on Friday and agreed to meet again next week.\n\n“We are close,” said Hulusi Akar."
        );
    }

    #[test]
    fn page_furniture_goes_and_the_text_stays() {
        let running = HashMap::new();
        let page = "Grain talks resume\n\nPage 1 of 2 was printed.\n\n11/30/26, 3:20 AM Grain talks resume\nhttps://example.com/news/grain 1/2";
        assert_eq!(
            without_furniture(page, &running),
            "Grain talks resume\n\nPage 1 of 2 was printed.\n"
        );
        assert!(FURNITURE.is_match("Page 2 of 5"));
        assert!(FURNITURE.is_match("- 3 -"));
        assert!(!FURNITURE.is_match("2022 was a hard year for grain"));
    }

    #[test]
    fn running_heads_go_when_most_pages_carry_them() {
        let paragraphs = [
            "Officials met on Friday.",
            "The talks went on late.",
            "A deal is near, they said.",
            "Markets rose on the news.",
        ];
        let pages: Vec<String> = paragraphs
            .iter()
            .zip(1..)
            .map(|(text, n)| format!("The Daily Planet — page {n}\n\n{text}\n"))
            .collect();
        let running = running_lines(&pages);
        let cleaned = without_furniture(&pages[1], &running);
        assert_eq!(cleaned.trim(), "The talks went on late.");
        assert!(running_lines(&pages[..2]).is_empty());
    }

    #[test]
    fn ligatures_become_letters() {
        assert_eq!(unfold_ligatures("Oﬃcials ﬁled"), "Officials filed");
    }

    #[test]
    fn a_pdf_is_known_by_its_header() {
        assert!(looks_like_pdf(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"));
        assert!(!looks_like_pdf(b"Talks about %PDF files"));
        assert!(!looks_like_pdf(b""));
    }

    #[test]
    fn a_damaged_pdf_is_an_error_not_a_panic() {
        let damaged = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF";
        assert!(pdf_text(damaged).is_err());
        assert!(pdf_text(b"%PDF-").is_err());
    }
}
