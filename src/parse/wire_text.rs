//! Raw agency wire text: ANPA-1312 (AP) and IPTC 7901 (dpa), framed by
//! control characters (SOH header, STX text, ETX end).
//!
//! ANPA marks headline, notes and byline lines with `^` and ends lines with
//! the codes `<` and `=`; IPTC 7901 ends its headline and byline lines with
//! ` =`. Paragraphs start with a TAB or follow a blank line. The only full
//! date is a trailer such as `AP-WF-08-29-16 1626GMT`; the slug line's
//! month-day has no year and is not used.

use super::dates::find_date_in_text;
use super::{ParseError, ParsedArticle};

const SOH: char = '\u{1}';
const STX: char = '\u{2}';
const ETX: char = '\u{3}';

/// Whether decoded text is a control-character framed wire story.
pub fn looks_like_wire_text(text: &str) -> bool {
    let head = text.get(..text.len().min(512)).unwrap_or(text);
    head.contains(SOH) && text.contains(STX)
}

/// Reads one wire story.
pub fn parse_wire_text(text: &str) -> Result<ParsedArticle, ParseError> {
    let (header, after_stx) = text.split_once(STX).unwrap_or(("", text));
    let (content, trailer) = after_stx.split_once(ETX).unwrap_or((after_stx, ""));
    let id = header
        .split(SOH)
        .nth(1)
        .and_then(|after_soh| {
            after_soh
                .split(|c: char| c.is_whitespace() || c.is_control())
                .next()
        })
        .filter(|id| !id.is_empty())
        .map(str::to_string);
    let mut title: Option<String> = None;
    let mut author: Option<String> = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    // The keyword line's story name, the title of a story without a headline
    // line (tables, alerts).
    let mut slug_title: Option<String> = None;
    for raw_line in content.split('\n') {
        let starts_paragraph = raw_line.starts_with('\t');
        let line = clean_line(raw_line);
        if let Some(marked) = line.strip_prefix('^') {
            let marked = marked.trim();
            if is_anpa_keyword_line(marked) {
                slug_title = slug_title.or_else(|| story_name_of_slug(marked));
                continue;
            }
            read_marked_line(marked, &mut title, &mut author);
            continue;
        }
        let is_coded_line =
            raw_line.trim_end().ends_with(" =") || raw_line.trim_end().ends_with('=');
        let is_byline = is_coded_line && line.to_ascii_lowercase().starts_with("by ");
        let before_story = paragraphs.is_empty() && current.is_empty();
        if title.is_none() && before_story && is_coded_line && !is_byline {
            title = Some(without_version_marker(&line).to_string());
            continue;
        }
        if author.is_none() && is_byline {
            // IPTC 7901 headlines may run over lines without the ` =` code:
            // the text gathered before the byline is the headline.
            if title.is_none() && paragraphs.is_empty() && !current.is_empty() {
                let headline = std::mem::take(&mut current);
                title = Some(without_version_marker(&headline).to_string());
            }
            author = Some(line.get(3..).unwrap_or_default().trim().to_string());
            continue;
        }
        if (line.is_empty() || starts_paragraph) && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        if line.is_empty() || is_keyword_line(&line, paragraphs.is_empty() && current.is_empty()) {
            if is_anpa_keyword_line(&line) {
                slug_title = slug_title.or_else(|| story_name_of_slug(&line));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    let body = paragraphs.join("\n\n");
    if body.is_empty() && title.is_none() {
        return Err(ParseError::NoBody);
    }
    let body = if body.is_empty() {
        title.clone().unwrap_or_default()
    } else {
        body
    };
    // A one-paragraph flash (an alert) is its own headline, read from its
    // text downstream; a table or a longer story without a headline line is
    // named by its slug.
    let is_flash = paragraphs.len() <= 1;
    let title = title.or(slug_title.filter(|_| !is_flash));
    let date = find_date_in_text(trailer).or_else(|| find_date_in_text(content));
    Ok(ParsedArticle {
        id,
        date,
        title,
        author,
        body,
        ..ParsedArticle::default()
    })
}

/// An ANPA `^` line: the first plain one is the headline, `By ...` the
/// byline; editor's notes and photo lines are dropped.
fn read_marked_line(line: &str, title: &mut Option<String>, author: &mut Option<String>) {
    let lower = line.to_ascii_lowercase();
    if lower.starts_with("by ") {
        author.get_or_insert_with(|| line.get(3..).unwrap_or_default().trim().to_string());
        return;
    }
    let is_note = lower == "end"
        || lower == "more"
        || lower.starts_with("eds:")
        || lower.starts_with("editor's note")
        || lower.starts_with("ap photo")
        || lower.starts_with("associated press");
    if !is_note && !is_anpa_keyword_line(line) && !line.is_empty() && title.is_none() {
        *title = Some(line.to_string());
    }
}

/// The ANPA keyword/version line that opens the text, marked with `^` in
/// many feeds: `BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140` or
/// `*9006< ^AP-Top-Entertainment-Headlines,0176` (a slug, then the word count
/// after the last comma). It names the story for editors; it is not its headline.
fn is_anpa_keyword_line(line: &str) -> bool {
    let first_word_is_slug = line
        .split_whitespace()
        .next()
        .is_some_and(|word| word.contains('-'));
    let ends_with_word_count = line.rsplit_once(',').is_some_and(|(_, count)| {
        !count.is_empty() && count.bytes().all(|byte| byte.is_ascii_digit())
    });
    line.starts_with("BC-") || line.starts_with('*') || (ends_with_word_count && first_word_is_slug)
}

/// A headline without its leading version marker: `1ST LEAD German football
/// ...` → `German football ...` (dpa numbers its rewrites this way).
fn without_version_marker(headline: &str) -> &str {
    let mut words = headline.splitn(3, ' ');
    let (Some(ordinal), Some(lead), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return headline;
    };
    let is_ordinal = ordinal.len() >= 3
        && ordinal.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && ["ST", "ND", "RD", "TH"]
            .iter()
            .any(|suffix| ordinal.ends_with(suffix));
    if is_ordinal && lead == "LEAD" {
        return rest;
    }
    headline
}

/// The story name in a keyword line: `BC-WEA--Global Weather-Fahrenheit,` →
/// `Global Weather-Fahrenheit`; `BC-US--Heat-Hawks, 1st Ld-Writethru,416` →
/// `Heat-Hawks`.
fn story_name_of_slug(line: &str) -> Option<String> {
    let without_code = line.rsplit_once('<').map_or(line, |(_, after)| after);
    let without_marks = without_code.trim_start_matches(['^', '*', ' ']);
    let after_category = without_marks
        .split_once("--")
        .map_or(without_marks, |(_, name)| name);
    let name = after_category.split(',').next().unwrap_or_default().trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// `BC-LT--Argentina-Cancer Beauty,466` (ANPA keyword line) or `EXTRA` /
/// `Yemen/conflict/` (IPTC keyword lines) before the story starts.
fn is_keyword_line(line: &str, before_story: bool) -> bool {
    before_story
        && (line.starts_with("BC-")
            || line.ends_with('/')
            || (line.split_whitespace().count() == 1
                && line.chars().all(|c| c.is_ascii_uppercase())))
}

/// Control characters, line-end codes (`<`, `=`) and padding removed.
fn clean_line(line: &str) -> String {
    let without_controls: String = line.chars().filter(|c| !c.is_control()).collect();
    let trimmed = without_controls.trim();
    let without_code = trimmed
        .strip_suffix('<')
        .or_else(|| trimmed.strip_suffix('='))
        .unwrap_or(trimmed);
    without_code
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_anpa_and_iptc_7901_stories() {
        let anpa = "\u{16}\u{16}\u{1}W2870\u{1f}asian\nf l\u{13}\u{11} BC-LT--Ferry     11-13 1049\n\
            \u{2}^BC-LT--Ferry Returns,466<\n^Harbour ferry returns after storm <\n^Eds: With AP Photos.<\n\
            ^By ANN LEE=\n^Associated Press=\n\t   OSLO, Norway (AP) _ The ferry returned on Sunday.\n \n\
            \t   Crews cheered.\n\t   \u{3}AP-WF-08-29-16 1626GMT<\n";
        let article = parse_wire_text(anpa).unwrap();
        assert!(looks_like_wire_text(anpa));
        assert_eq!(article.id.as_deref(), Some("W2870"));
        assert_eq!(
            article.title.as_deref(),
            Some("Harbour ferry returns after storm")
        );
        assert_eq!(article.author.as_deref(), Some("ANN LEE"));
        assert_eq!(
            article.body,
            "OSLO, Norway (AP) _ The ferry returned on Sunday.\n\nCrews cheered."
        );
        assert_eq!(
            article.date.map(|date| date.to_string()).as_deref(),
            Some("2016-08-29T16:26:00+00:00")
        );

        let digest = "\u{1}V4644\u{1f}-----\nr e\u{13}\u{11} AP-Top-Entertainment-Hea     02-09 0121\r\n\
            \u{2}^*9006< ^AP-Top-Entertainment-Headlines,0176<\r\n^AP Top Entertainment News at 11:23 p.m. EST<\r\n\
            ^Ex-bodyguard testifies\r\n\u{3}";
        let article = parse_wire_text(digest).unwrap();
        assert_eq!(
            article.title.as_deref(),
            Some("AP Top Entertainment News at 11:23 p.m. EST")
        );

        let table =
            "\u{1}W2595\u{1f}asian\nu i\u{14}\u{12} BC-WEA--GlobalWeather-Fa     11-13 0895\n\
            \u{2}^BC-WEA--Global Weather-Fahrenheit,<\n\t   NEW YORK (AP) _ Temperatures:<\n\
            \t   Amsterdam;42;50;rn<\n^END<\n\u{3}";
        let article = parse_wire_text(table).unwrap();
        assert_eq!(article.title.as_deref(), Some("Global Weather-Fahrenheit"));

        let multi_line = "\u{1}eca100 3 s 586 ccccb   dpa 099\r\n\r\nGermany-football/\r\n\
            \u{2}1ST LEAD\r\nGerman football saddened by illness\r\nBy Manuel Schwarz, dpa =\r\n\r\n\
            Munich (dpa) - German football is sad.\r\n\u{3}";
        let article = parse_wire_text(multi_line).unwrap();
        assert_eq!(
            article.title.as_deref(),
            Some("German football saddened by illness")
        );
        assert_eq!(article.author.as_deref(), Some("Manuel Schwarz, dpa"));
        assert_eq!(article.body, "Munich (dpa) - German football is sad.");

        let iptc = "\u{1}eca0124 3 i 93  dpa 1888\n\nYemen/conflict/\n\u{2}EXTRA\n\
            Peace talks to take place next month =\n\nWashington (dpa) - Talks are\nexpected.\n\nMore follows.\n\u{3}";
        let article = parse_wire_text(iptc).unwrap();
        assert_eq!(article.id.as_deref(), Some("eca0124"));
        assert_eq!(
            article.title.as_deref(),
            Some("Peace talks to take place next month")
        );
        assert_eq!(
            article.body,
            "Washington (dpa) - Talks are expected.\n\nMore follows."
        );
    }
}
