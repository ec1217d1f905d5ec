//! Reuters-21578 SGML: many `<REUTERS>` stories per file, read with a tolerant tag scanner.
//!
//! The files are not XML (control-character references like `&#3;`, Latin-1
//! bytes, many top-level elements), so no XML parser: [`super::markup`] finds
//! the few tags needed by plain string search. This module owns the story layouts
//! (normal `<BODY>`, `TYPE="UNPROC"` raw text, `TYPE="BRIEF"` title only),
//! entity unescaping, the ` Reuter` sign-off and the re-flowing of the
//! hard-wrapped bodies into paragraphs.

use super::dates::parse_date;
use crate::article::ArticleDate;

use super::markup::{attribute, element, element_with_attributes, strip_tags, unescape};
use super::record::{non_empty, skip_reason};
use super::reuters::REUTERS;
use super::{ParseError, ParsedArticle, ParsedFile};

/// Indentation that starts a new paragraph in a hard-wrapped body.
const PARAGRAPH_INDENT: &str = "    ";

/// Whether decoded text is Reuters-21578 markup: the DOCTYPE, or a line that
/// opens a `<REUTERS` story.
pub fn looks_like_reuters_sgml(text: &str) -> bool {
    let start = text.trim_start();
    let doctype = start
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case("<!DOCTYPE lewis"));
    doctype || start.starts_with("<REUTERS") || text.contains("\n<REUTERS")
}

/// Parses every story of a Reuters-21578 file; `part` is the 1-based story index.
pub fn parse_reuters_sgml(text: &str) -> ParsedFile {
    let mut parsed = ParsedFile {
        layout: "Reuters-21578 SGML".to_string(),
        ..ParsedFile::default()
    };
    for (index, story) in stories(text).enumerate() {
        let story_number = index + 1;
        let position = match attribute(story, "NEWID") {
            Some(new_id) => format!("story {story_number} (NEWID {new_id})"),
            None => format!("story {story_number}"),
        };
        match parse_story(story, story_number) {
            Ok(article) => parsed.articles.push(article),
            Err(problem) => parsed.skipped.push(skip_reason(&position, &problem)),
        }
    }
    parsed
}

/// Each `<REUTERS ...>...</REUTERS>` slice; an unclosed story runs to the next
/// one or to the end of the file.
fn stories(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find("<REUTERS")?;
        let story_and_after = &rest[start..];
        let next_open = story_and_after[1..]
            .find("<REUTERS")
            .map(|offset| offset + 1);
        let close = story_and_after
            .find("</REUTERS>")
            .map(|offset| offset + "</REUTERS>".len());
        let end = match (close, next_open) {
            (Some(close), Some(next)) => close.min(next),
            (Some(close), None) => close,
            (None, Some(next)) => next,
            (None, None) => story_and_after.len(),
        };
        rest = &story_and_after[end..];
        Some(&story_and_after[..end])
    })
}

fn parse_story(story: &str, story_number: usize) -> Result<ParsedArticle, ParseError> {
    let (date, unreadable_date) = match element(story, "DATE").map(parse_story_date) {
        None => (None, None),
        Some(Ok(date)) => (date, None),
        Some(Err(unreadable)) => (None, Some(unreadable)),
    };
    let (text_attributes, text_content) =
        element_with_attributes(story, "TEXT").unwrap_or(("", ""));
    let text_type = attribute(text_attributes, "TYPE").unwrap_or_default();
    let title = non_empty(
        element(text_content, "TITLE").map(|raw_title| collapse_whitespace(&unescape(raw_title))),
    );
    let text_body = if let Some(raw_body) = element(text_content, "BODY") {
        reflow(&strip_sign_off(&unescape(raw_body)))
    } else if text_type.eq_ignore_ascii_case("UNPROC") {
        // Raw text, often tables, kept line by line.
        keep_lines(&strip_sign_off(&unescape(&strip_tags(text_content))))
    } else {
        // BRIEF stories carry only a headline (and the filler "Blah blah blah.").
        title.clone().unwrap_or_default()
    };
    // A story whose body is only the sign-off is a headline story, like BRIEF.
    let body = match (text_body.trim().is_empty(), &title) {
        (true, Some(headline)) => headline.clone(),
        (true, None) => return Err(ParseError::NoBody),
        (false, _) => text_body,
    };
    Ok(ParsedArticle {
        part: Some(story_number),
        date,
        title,
        url: None,
        author: None,
        source: Some(REUTERS.to_string()),
        body,
        unreadable_date,
        ..ParsedArticle::default()
    })
}

/// Reads `<DATE>`: wire framing may follow (`...59.13&#5;&#5;&#5;RM`, `# date
/// added by ...`), so only the first two words count; an impossible time
/// (`605:12:19.12`) still leaves the day.
fn parse_story_date(raw: &str) -> Result<Option<ArticleDate>, String> {
    let without_framing = raw.split("&#").next().unwrap_or(raw).trim();
    let words: Vec<&str> = without_framing.split_whitespace().collect();
    let Some(day) = words.first() else {
        return Ok(None);
    };
    let day_and_time = words.iter().take(2).copied().collect::<Vec<_>>().join(" ");
    parse_date(&day_and_time)
        .or_else(|| parse_date(day))
        .map(Some)
        .ok_or_else(|| without_framing.to_string())
}

/// Drops the trailing ` Reuter` (or `REUTER`, `REUTER...`) sign-off.
fn strip_sign_off(body: &str) -> String {
    let ended = body.trim_end();
    let trimmed = ended.trim_end_matches('.');
    let Some(cut) = trimmed.len().checked_sub("Reuter".len()) else {
        return ended.to_string();
    };
    let (before, last_word) = trimmed.split_at_checked(cut).unwrap_or((trimmed, ""));
    let is_sign_off = last_word.eq_ignore_ascii_case("Reuter")
        && (before.is_empty() || before.ends_with(char::is_whitespace));
    if is_sign_off {
        before.trim_end().to_string()
    } else {
        ended.to_string()
    }
}

/// Joins hard-wrapped lines into paragraphs: a paragraph starts after a blank
/// line or at a line indented by four spaces. Paragraphs are separated by one
/// blank line.
fn reflow(body: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in body.split('\n') {
        let words = line.trim();
        let starts_paragraph = words.is_empty() || line.starts_with(PARAGRAPH_INDENT);
        if starts_paragraph && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        if words.is_empty() {
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(words);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join("\n\n")
}

/// UNPROC text: line ends trimmed, runs of blank lines collapsed.
fn keep_lines(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n').map(str::trim_end) {
        let previous_blank = lines.last().is_none_or(|last| last.is_empty());
        if line.trim().is_empty() && previous_blank {
            continue;
        }
        lines.push(if line.trim().is_empty() { "" } else { line });
    }
    lines.join("\n").trim().to_string()
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const FILE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n\
<REUTERS TOPICS=\"YES\" NEWID=\"1\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n\
<TEXT>&#2;\n<TITLE>GRAIN &amp; FEED CO SEES &lt;HIGHER&gt; SALES</TITLE>\n\
<DATELINE>    CHICAGO, Feb 26 - </DATELINE><BODY>Grain and Feed Co said sales\nwould rise this year.\n    The company gave no figures.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n\
<REUTERS NEWID=\"2\">\n<DATE> 1-MAR-1987 01:30:29.50</DATE>\n<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>FARM BANK RATES STEADY\n</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>\n</REUTERS>\n\
<REUTERS NEWID=\"3\">\n<DATE>2-MAR-1987  09:00:00.00&#5;&#5;RM</DATE>\n<TEXT TYPE=\"UNPROC\">&#2;\nWEEKLY REPORT\n Loans.......1 vs......2\n\n\n Cash........3 vs......4\n Reuter\n&#3;</TEXT>\n</REUTERS>\n\
<REUTERS NEWID=\"4\">\n<DATE>31-FEB-1987 09:00:00.00 # a guess</DATE>\n<TEXT><BODY>Text.</BODY></TEXT></REUTERS>\n\
<REUTERS NEWID=\"5\">\n<DATE>3-MAR-1987 09:00:00.00</DATE>\n<TEXT>&#2;\n&#3;</TEXT></REUTERS>\n";

    /// Part, date, title and body of a parsed story.
    type Summary = (Option<usize>, Option<String>, Option<String>, String);

    #[test]
    fn parses_all_story_layouts() {
        let parsed = parse_reuters_sgml(FILE);
        let summary: Vec<Summary> = parsed
            .articles
            .iter()
            .map(|a| {
                (
                    a.part,
                    a.date.map(|d| d.to_string()),
                    a.title.clone(),
                    a.body.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    Some(1),
                    Some("1987-02-26T15:01:01.790".into()),
                    Some("GRAIN & FEED CO SEES <HIGHER> SALES".into()),
                    "Grain and Feed Co said sales would rise this year.\n\nThe company gave no figures.".into(),
                ),
                (
                    Some(2),
                    Some("1987-03-01T01:30:29.500".into()),
                    Some("FARM BANK RATES STEADY".into()),
                    "FARM BANK RATES STEADY".into(),
                ),
                (
                    Some(3),
                    Some("1987-03-02T09:00:00".into()),
                    None,
                    "WEEKLY REPORT\n Loans.......1 vs......2\n\n Cash........3 vs......4".into(),
                ),
                // An impossible date leaves the story undated, not dropped.
                (Some(4), None, None, "Text.".into()),
            ]
        );
        assert!(parsed
            .articles
            .iter()
            .all(|a| a.source.as_deref() == Some("Reuters")));
        assert_eq!(
            parsed.skipped,
            vec!["story 5 (NEWID 5): no body text".to_string()]
        );
    }

    #[test]
    fn reads_story_dates_despite_framing() {
        let cases = [
            ("26-FEB-1987 15:01:01.79", Some("1987-02-26T15:01:01.790")),
            ("  3-MAR-1987 00:43:42.82", Some("1987-03-03T00:43:42.820")),
            ("3-MAR-1987  09:15:05.40", Some("1987-03-03T09:15:05.400")),
            (
                "27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM",
                Some("1987-03-27T00:02:59.130"),
            ),
            (
                "9-APR-1987 00:00:00.00 # date added as guesswork ",
                Some("1987-04-09T00:00:00"),
            ),
            ("31-MAR-1987 605:12:19.12", Some("1987-03-31")),
            ("7-APR-1987 16:22:00.0", Some("1987-04-07T16:22:00")),
            ("", None),
        ];
        for (raw, expected) in cases {
            let parsed = parse_story_date(raw).unwrap().map(|date| date.to_string());
            assert_eq!(parsed.as_deref(), expected, "{raw:?}");
        }
        assert!(parse_story_date("soon").is_err());
    }

    #[test]
    fn strips_sign_off() {
        let sign_offs = [
            ("Prices rose.\n Reuter", "Prices rose."),
            ("Prices rose. REUTER\n", "Prices rose."),
            ("Talks with Reuter", "Talks with"),
            ("Reuters reported", "Reuters reported"),
            ("ByReuter", "ByReuter"),
            ("é", "é"),
        ];
        for (text, expected) in sign_offs {
            assert_eq!(strip_sign_off(text), expected, "{text:?}");
        }
    }

    #[test]
    fn tolerates_broken_markup() {
        let cases = [
            "<REUTERS><DATE>",
            "<REUTERS NEWID=\"1\"><DATE>26-FEB-1987</DATE><TEXT><BODY>Unclosed body",
            "<REUTERS><REUTERS><TEXT",
            "<REUTERS NEWID=\"",
        ];
        for text in cases {
            let _ = parse_reuters_sgml(text);
        }
        let unclosed = parse_reuters_sgml(cases[1]);
        assert_eq!(unclosed.articles[0].body, "Unclosed body");
    }
}
