//! E-mail: one RFC 5322 message (a Maildir file, a Usenet post) or an mbox
//! file of many, each message an article.
//!
//! `mailparse` does the RFC work: folded header lines, any header key in any
//! case, encoded-words, quoted-printable and base64 bodies, multipart. This
//! module owns the mbox split (`From ` separator lines), which header is
//! which field (`Subject` -> title, `From` -> author, `Date`, `Message-ID` ->
//! id, `Archived-At` -> url) and the cleaning of list debris (a
//! `[list-name]` tag, BigBang's quotes around the subject, ` at ` in
//! obfuscated addresses).

use mailparse::{MailHeaderMap, ParsedMail};

use super::dates::parse_date;
use super::record::skip_reason;
use super::{ParseError, ParsedArticle, ParsedFile};

/// Header keys that make a block of lines an e-mail header; two must appear
/// (case-insensitive) in the first lines, one of them `From` or `Subject`.
const MAIL_KEYS: &[&str] = &[
    "from:",
    "subject:",
    "date:",
    "message-id:",
    "newsgroups:",
    "path:",
    "to:",
    "received:",
    "return-path:",
    "mime-version:",
    "in-reply-to:",
];

/// Whether decoded text is an mbox file or one e-mail message.
pub fn looks_like_mail(text: &str) -> bool {
    if is_mbox_separator(text.lines().next().unwrap_or_default()) {
        return true;
    }
    let mut keys_seen = 0;
    let mut has_from_or_subject = false;
    for line in text.lines().take(40) {
        if line.trim().is_empty() {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(key) = MAIL_KEYS.iter().find(|key| lower.starts_with(**key)) {
            keys_seen += 1;
            has_from_or_subject |= matches!(*key, "from:" | "subject:");
        }
    }
    keys_seen >= 2 && has_from_or_subject
}

/// `From jjl at pobox.com  Thu Nov  1 11:19:12 2001`, `From MAILER-DAEMON ...`.
fn is_mbox_separator(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("From ") else {
        return false;
    };
    // A separator holds an asctime date: a `HH:MM:SS` word and a year.
    let words: Vec<&str> = rest.split_whitespace().collect();
    let has_time = words.iter().any(|word| {
        word.len() == 8
            && word.matches(':').count() == 2
            && word.replace(':', "").bytes().all(|b| b.is_ascii_digit())
    });
    let has_year = words
        .iter()
        .any(|word| word.len() == 4 && word.bytes().all(|byte| byte.is_ascii_digit()));
    has_time && has_year && words.len() >= 4
}

/// Parses an mbox file (many messages) or a single message.
pub fn parse_mail_file(text: &str) -> ParsedFile {
    let messages = split_mbox(text);
    let one_message = messages.len() == 1;
    let mut parsed = ParsedFile {
        layout: if one_message { "e-mail" } else { "mbox" }.to_string(),
        field_sources: vec![
            ("title", "Subject".to_string()),
            ("author", "From".to_string()),
            ("date", "Date".to_string()),
            ("id", "Message-ID".to_string()),
            ("url", "Archived-At".to_string()),
            ("body", "text/plain part".to_string()),
        ],
        ..ParsedFile::default()
    };
    for (index, message) in messages.iter().enumerate() {
        let number = index + 1;
        let part = (!one_message).then_some(number);
        match parse_message(message, part) {
            Ok(article) => parsed.articles.push(article),
            Err(problem) => parsed
                .skipped
                .push(skip_reason(&format!("message {number}"), &problem)),
        }
    }
    parsed
}

/// The messages of an mbox: a separator line starts each (after a blank
/// line or at the top); `>From ` escapes in bodies are undone.
fn split_mbox(text: &str) -> Vec<String> {
    let mut messages = Vec::new();
    let mut current = String::new();
    let mut previous_blank = true;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if previous_blank && is_mbox_separator(content) {
            if !current.trim().is_empty() {
                messages.push(std::mem::take(&mut current));
            }
            current.clear();
            previous_blank = false;
            continue;
        }
        previous_blank = content.trim().is_empty();
        match line
            .strip_prefix('>')
            .filter(|rest| rest.trim_start_matches('>').starts_with("From "))
        {
            Some(unescaped) => current.push_str(unescaped),
            None => current.push_str(line),
        }
    }
    if !current.trim().is_empty() {
        messages.push(current);
    }
    messages
}

fn parse_message(message: &str, part: Option<usize>) -> Result<ParsedArticle, ParseError> {
    let mail = mailparse::parse_mail(message.as_bytes())
        .map_err(|error| ParseError::Malformed(format!("e-mail: {error}")))?;
    let headers = mail.get_headers();
    let header = |key: &str| {
        headers
            .get_first_value(key)
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty())
    };
    let title = header("Subject").map(|subject| clean_subject(&subject));
    let body = text_body(&mail).trim().to_string();
    let body = match (body.is_empty(), &title) {
        (false, _) => body,
        (true, Some(subject)) => subject.clone(),
        (true, None) => return Err(ParseError::NoBody),
    };
    let date_text = header("Date");
    let date = date_text.as_deref().and_then(parse_date);
    Ok(ParsedArticle {
        part,
        id: header("Message-ID").map(|id| strip_angle_brackets(&id)),
        date,
        unreadable_date: date_text.filter(|_| date.is_none()),
        title,
        author: header("From").and_then(|from| display_name(&from)),
        url: header("Archived-At").map(|url| strip_angle_brackets(&url)),
        source: header("Newsgroups").or_else(|| header("List-Id")),
        body,
        ..ParsedArticle::default()
    })
}

/// The first `text/plain` part, else the first part, decoded. The file was
/// already decoded to UTF-8, so a body whose bytes are valid UTF-8 after the
/// transfer decoding is taken as such (a declared `iso-8859-1` would turn it
/// into mojibake); only other bytes go through the declared charset.
fn text_body(mail: &ParsedMail) -> String {
    if mail.subparts.is_empty() {
        let utf8 = mail
            .get_body_raw()
            .ok()
            .and_then(|raw| String::from_utf8(raw).ok());
        return utf8.unwrap_or_else(|| mail.get_body().unwrap_or_default());
    }
    let plain = mail
        .subparts
        .iter()
        .find(|sub| sub.ctype.mimetype.eq_ignore_ascii_case("text/plain"));
    match plain.or(mail.subparts.first()) {
        Some(sub) => text_body(sub),
        None => String::new(),
    }
}

/// `'[Numpy-discussion] Re: arrays'` -> `arrays`.
fn clean_subject(subject: &str) -> String {
    let unquoted = subject
        .strip_prefix('\'')
        .and_then(|inner| inner.strip_suffix('\''))
        .unwrap_or(subject)
        .trim();
    let without_tag = match unquoted
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
    {
        Some((tag, rest)) if !tag.contains(' ') && !rest.trim().is_empty() => rest.trim(),
        _ => unquoted,
    };
    let mut topic = without_tag.trim();
    // `Re: Fwd: AW: arrays`: a thread's replies share its topic; the prefixes
    // are no words of it (and the tagger took `Re` for a name).
    while let Some((prefix, rest)) = topic.split_once(':') {
        let is_reply_prefix = matches!(
            prefix.trim().to_ascii_lowercase().as_str(),
            "re" | "fw" | "fwd" | "aw" | "sv" | "vs" | "antw" | "tr" | "wg" | "rif" | "r"
        );
        if !is_reply_prefix || rest.trim().is_empty() {
            break;
        }
        topic = rest.trim();
    }
    topic.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `jjl at pobox.com (John J. Lee)` -> `John J. Lee`; `"Ann Lee" <a@b.org>`
/// -> `Ann Lee`; a bare address stays as it is.
fn display_name(from: &str) -> Option<String> {
    if let Some((_, rest)) = from.split_once('(') {
        let name = rest.split(')').next().unwrap_or_default().trim();
        if !name.is_empty() {
            return Some(name.to_string());
        }
    }
    if let Some((name, _)) = from.split_once('<') {
        let name = name.trim().trim_matches('"').trim();
        if !name.is_empty() {
            return Some(name.to_string());
        }
    }
    let address = strip_angle_brackets(from);
    (!address.is_empty()).then(|| address.replace(" at ", "@"))
}

fn strip_angle_brackets(text: &str) -> String {
    text.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Written for this test in the shapes of Pipermail and BigBang archives.
    const MBOX: &str = "From jjl at pobox.com  Thu Nov  1 11:19:12 2001\n\
From: jjl at pobox.com (John J. Lee)\n\
Date: Thu Nov  1 11:19:12 2001\n\
Subject: [Numpy-discussion] Re: arrays of\n\
\tstrings\n\
Message-ID: <abc@pobox.com>\n\
\n\
In article <x@y> John writes:\n\
> quoted\n\
>From the start, it worked.\n\
\n\
From MAILER-DAEMON Thu Aug 26 16:49:36 2021\n\
from: Tomas =?utf-8?q?Toftg=C3=A5rd?= <t@example.org>\n\
subject: 'Re: Draft EVS-8a'\n\
date: Wed, 22 Apr 93 17:54:27 IDT\n\
message-id: <def@example.org>\n\
archived-at: <https://list.example.org/a>\n\
content-transfer-encoding: quoted-printable\n\
\n\
Caf=C3=A9 talks =\n\
resumed.\n";

    #[test]
    fn reads_every_message_of_an_mbox() {
        assert!(looks_like_mail(MBOX));
        let parsed = parse_mail_file(MBOX);
        assert_eq!(parsed.skipped, Vec::<String>::new());
        let summary: Vec<_> = parsed
            .articles
            .iter()
            .map(|a| {
                (
                    a.id.as_deref(),
                    a.title.as_deref(),
                    a.author.as_deref(),
                    a.date.map(|d| d.to_string()),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    Some("abc@pobox.com"),
                    Some("arrays of strings"),
                    Some("John J. Lee"),
                    Some("2001-11-01T11:19:12".to_string())
                ),
                (
                    Some("def@example.org"),
                    Some("Draft EVS-8a"),
                    Some("Tomas Toftgård"),
                    Some("1993-04-22T17:54:27+03:00".to_string())
                ),
            ]
        );
        assert!(parsed.articles[0]
            .body
            .contains("From the start, it worked."));
        assert_eq!(parsed.articles[1].body, "Café talks resumed.");
        assert_eq!(
            parsed.articles[1].url.as_deref(),
            Some("https://list.example.org/a")
        );
    }

    /// Regression (issue 13): `Re` from `Re: …` subjects was among the
    /// mailing-list sample's top entities, as an organisation.
    #[test]
    fn reply_and_forward_prefixes_leave_the_subject() {
        let cases = [
            ("[Numpy-discussion] RE: Numeric2", "Numeric2"),
            ("Re: Fwd: AW: Draft EVS-8a", "Draft EVS-8a"),
            ("Re:", "Re:"),
            ("Ratio: 3 to 1", "Ratio: 3 to 1"),
            ("'[list] Re:  spaced   out'", "spaced out"),
        ];
        for (subject, expected) in cases {
            assert_eq!(clean_subject(subject), expected, "{subject:?}");
        }
    }

    #[test]
    fn tells_mail_from_other_text() {
        let cases = [
            ("From: a@b.org\nSubject: Hi\n\nBody.", true),
            (
                "Path: news!x\nFrom: a@b.org\nNewsgroups: sci.space\n\nBody.",
                true,
            ),
            ("Title: Ferry\nDate: 2022-01-10\n\nBody.", false),
            ("From the river to the sea, the ferry ran in 2001\n", false),
        ];
        for (text, expected) in cases {
            assert_eq!(looks_like_mail(text), expected, "{text:?}");
        }
    }
}
