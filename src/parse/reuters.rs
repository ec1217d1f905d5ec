//! The Reuters financial news layout (2006–2013): four `-- ` header lines, then the body.
//!
//! ```text
//! -- <title>
//! -- By  <author>            (or nothing after "-- ")
//! -- Mon Jun 18, 2007 2:46am EDT
//! -- http://www.reuters.com/article/...
//!
//!  <body: each paragraph starts with a space>
//! ```
//! The body is kept as written: paragraphs trimmed, separated by one blank line.

use super::byline::author_from_byline;
use super::dates::parse_date;

use super::record::non_empty;
use super::{ParseError, ParsedArticle};

/// The source of every story in the Reuters layouts.
pub const REUTERS: &str = "Reuters";

/// The four header lines in order.
const HEADER_LINES: usize = 4;

/// Whether `text` starts with a `-- ` header line (after blank lines, if any).
pub fn looks_like_reuters_financial(text: &str) -> bool {
    let trimmed = text.trim_start_matches('\n');
    let first_line = trimmed.lines().next().unwrap_or_default();
    (first_line == "--" || first_line.starts_with("-- "))
        && trimmed
            .lines()
            .take(HEADER_LINES)
            .all(|line| line.starts_with("--"))
}

/// Parses one Reuters financial story; a file with the header and no body is
/// [`ParseError::NoBody`].
pub fn parse_reuters_financial(text: &str) -> Result<ParsedArticle, ParseError> {
    let mut lines = text.trim_start_matches('\n').split('\n');
    let mut header: Vec<String> = Vec::with_capacity(HEADER_LINES);
    let mut body_lines: Vec<&str> = Vec::new();
    for line in lines.by_ref() {
        match line.strip_prefix("--") {
            Some(value) if header.len() < HEADER_LINES => header.push(value.trim().to_string()),
            _ => {
                body_lines.push(line);
                break;
            }
        }
    }
    body_lines.extend(lines);
    let field = |index: usize| non_empty(header.get(index).cloned());
    let date_text = field(2);
    let date = date_text.as_deref().and_then(parse_date);
    let unreadable_date = date_text.filter(|_| date.is_none());
    let body = join_paragraphs(&body_lines);
    if body.is_empty() {
        return Err(ParseError::NoBody);
    }
    Ok(ParsedArticle {
        part: None,
        date,
        title: field(0),
        url: field(3),
        author: field(1).as_deref().and_then(author_from_byline),
        source: Some(REUTERS.to_string()),
        body,
        unreadable_date,
        ..ParsedArticle::default()
    })
}

/// Splits on blank (or whitespace-only) lines, trims each paragraph and each
/// line end, and joins the paragraphs with one blank line.
pub fn join_paragraphs(lines: &[&str]) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        let trimmed_end = line.trim_end();
        if trimmed_end.trim_start().is_empty() {
            push_paragraph(&mut paragraphs, &mut current);
        } else {
            current.push(trimmed_end);
        }
    }
    push_paragraph(&mut paragraphs, &mut current);
    paragraphs.join("\n\n")
}

fn push_paragraph(paragraphs: &mut Vec<String>, current: &mut Vec<&str>) {
    if current.is_empty() {
        return;
    }
    let paragraph = current.join("\n");
    paragraphs.push(paragraph.trim().to_string());
    current.clear();
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const STORY: &str = "-- Airline cuts summer routes\n-- By  Jane Doe\n-- Mon Jun 18, 2007 2:46am EDT\n-- http://www.reuters.com/article/2007/06/18/us-air-idUSN1812345620070618\n\n \n\n PARIS  (Reuters) - A regional airline said on Monday it would cut routes.\n\n \"We have no choice,\" its chief said. \n";

    #[test]
    fn reads_header_and_body() {
        let article = parse_reuters_financial(STORY).unwrap();
        assert_eq!(article.title.as_deref(), Some("Airline cuts summer routes"));
        assert_eq!(article.author.as_deref(), Some("Jane Doe"));
        assert_eq!(
            article.date.unwrap().to_string(),
            "2007-06-18T02:46:00-04:00"
        );
        assert_eq!(
            article.url.as_deref(),
            Some("http://www.reuters.com/article/2007/06/18/us-air-idUSN1812345620070618")
        );
        assert_eq!(article.source.as_deref(), Some("Reuters"));
        assert_eq!(
            article.body,
            "PARIS  (Reuters) - A regional airline said on Monday it would cut routes.\n\n\"We have no choice,\" its chief said."
        );
    }

    #[test]
    fn header_variants() {
        let cases = [
            (
                "-- T\n-- \n-- Sun May 16, 2010 5:52pm EDT\n-- u\n\n Body.",
                None,
                Ok("2010-05-16T17:52:00-04:00"),
            ),
            (
                "-- T\n--\n-- Tue Jan 8, 2008 11:05am EST\n-- u\n\n Body.",
                None,
                Ok("2008-01-08T11:05:00-05:00"),
            ),
            (
                "-- T\n-- By Ann Lee and Bo Chen\n-- Wed Mar 4, 2009 9:00am GMT\n-- u\n\n Body.",
                Some("Ann Lee and Bo Chen"),
                Ok("2009-03-04T09:00:00+00:00"),
            ),
            (
                "-- T\n-- \n-- Sun May 16, 2010 5:52pm EDT\n-- u\n\n \n\n",
                None,
                Err(ParseError::NoBody),
            ),
            (
                "-- T\n-- \n-- Sun May 16, 2010 5:52pm EDT\n-- u\n",
                None,
                Err(ParseError::NoBody),
            ),
        ];
        for (text, author, expected) in cases {
            let result = parse_reuters_financial(text);
            match (&result, expected) {
                (Ok(article), Ok(date)) => {
                    assert_eq!(
                        article.date.map(|d| d.to_string()).as_deref(),
                        Some(date),
                        "{text:?}"
                    );
                    assert_eq!(article.author.as_deref(), author, "{text:?}");
                }
                (Err(error), Err(expected_error)) => assert_eq!(error, &expected_error, "{text:?}"),
                _ => panic!("{text:?}: {result:?}"),
            }
        }
    }

    #[test]
    fn an_unreadable_date_leaves_the_article_undated() {
        let article =
            parse_reuters_financial("-- T\n-- \n-- Someday soon\n-- u\n\n Body.").unwrap();
        assert_eq!(article.date, None);
        assert_eq!(article.unreadable_date.as_deref(), Some("Someday soon"));
    }

    #[test]
    fn hard_wrapped_body_keeps_its_lines() {
        let body = [
            "",
            " LONDON  (Reuters) - Shares rose ",
            "on Monday. ",
            "",
            "  \"Good,\" he said. ",
        ];
        assert_eq!(
            join_paragraphs(&body),
            "LONDON  (Reuters) - Shares rose\non Monday.\n\n\"Good,\" he said."
        );
    }

    #[test]
    fn detects_the_layout() {
        assert!(looks_like_reuters_financial(STORY));
        assert!(!looks_like_reuters_financial(
            "-- a dash list\nnot a header\n"
        ));
        assert!(!looks_like_reuters_financial("date 2022-01-10 Body"));
    }
}
