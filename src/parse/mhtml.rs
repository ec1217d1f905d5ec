//! Web pages saved as one file (MHTML: Chrome's and Edge's "Webpage, Single
//! File", `.mhtml`/`.mht`): a MIME message whose `multipart/related` body holds
//! the page's HTML and its resources. `mailparse` undoes the MIME (boundaries,
//! quoted-printable, base64, charsets); the HTML part is then read as any
//! saved page is. The message's `Date` is when the page was saved, not when
//! the article was published, so it does not date the article.

use mailparse::{MailHeaderMap, ParsedMail};

use super::html::parse_html_page;
use super::mail::looks_like_mail;
use super::{ParseError, ParsedArticle};

/// Most header lines read for the `multipart/related` content type.
const HEADER_LINES: usize = 40;

/// Whether decoded text is a web page saved as MHTML: mail headers whose
/// content type is `multipart/related` (RFC 2557).
pub fn looks_like_mhtml(text: &str) -> bool {
    if !looks_like_mail(text) {
        return false;
    }
    let header: String = text
        .lines()
        .take(HEADER_LINES)
        .take_while(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    header.contains("content-type:") && header.contains("multipart/related")
}

/// The article of a saved page: its HTML part read as a saved page, the
/// address it was saved from as its url.
pub fn parse_mhtml(text: &str) -> Result<ParsedArticle, ParseError> {
    let message = mailparse::parse_mail(text.as_bytes())
        .map_err(|error| ParseError::Malformed(format!("MHTML: {error}")))?;
    let page = html_part(&message).ok_or(ParseError::NoBody)?;
    let html = decoded_body(page);
    let mut article = parse_html_page(&html)?;
    if article.url.is_none() {
        let saved_from = message
            .headers
            .get_first_value("Snapshot-Content-Location")
            .or_else(|| page.headers.get_first_value("Content-Location"))
            .map(|url| url.trim().to_string())
            .filter(|url| url.starts_with("http"));
        article.url = saved_from;
    }
    if article.title.is_none() {
        article.title = message
            .headers
            .get_first_value("Subject")
            .map(|subject| subject.trim().to_string())
            .filter(|subject| !subject.is_empty());
    }
    Ok(article)
}

/// The first `text/html` part, depth first (frames come after the page).
fn html_part<'m>(part: &'m ParsedMail<'m>) -> Option<&'m ParsedMail<'m>> {
    if part.ctype.mimetype.eq_ignore_ascii_case("text/html") {
        return Some(part);
    }
    part.subparts.iter().find_map(html_part)
}

/// A part's body after its transfer encoding is undone: as UTF-8 when its
/// bytes are (the file was decoded to UTF-8 already), else by its charset.
fn decoded_body(part: &ParsedMail) -> String {
    let utf8 = part
        .get_body_raw()
        .ok()
        .and_then(|raw| String::from_utf8(raw).ok());
    utf8.unwrap_or_else(|| part.get_body().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page as Chromium saves it: quoted-printable HTML and a stylesheet.
    fn saved_page() -> String {
        let html = "<!DOCTYPE html><html><head><title>Grain deal talks resume</title></head><body>\
<article><h1>Grain deal talks resume in Istanbul</h1>\
<p class=3D\"dek\">Officials from Russia, Ukraine and Turkey met in Istanbul on Friday to revive a deal that would let grain=\r\n ships leave Black Sea ports, the Turkish defence ministry said.</p>\
<p>=E2=80=9CWe are closer than ever to an agreement,=E2=80=9D said Hulusi Akar, Turkey's defence minister, after the talks ended.</p>\
<p>The United Nations welcomed the talks and said a joint centre would watch the ships on their way out of the Black Sea.</p>\
</article></body></html>";
        format!(
            "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example.com/grain\r\n\
Subject: Grain deal talks resume\r\nDate: Wed, 30 Nov 2026 03:00:00 -0000\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n\r\n\
------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\
Content-Location: https://news.example.com/grain\r\n\r\n{html}\r\n\
------B\r\nContent-Type: text/css\r\nContent-Location: https://news.example.com/a.css\r\n\r\n\
p {{ margin: 0 }}\r\n------B--\r\n"
        )
    }

    #[test]
    fn a_saved_page_gives_its_article_not_its_mime() {
        let text = saved_page();
        assert!(looks_like_mhtml(&text));
        let article = parse_mhtml(&text).unwrap();
        assert!(
            article
                .body
                .contains("“We are closer than ever to an agreement,” said Hulusi Akar"),
            "{}",
            article.body
        );
        assert!(!article.body.contains("=E2"), "{}", article.body);
        assert!(!article.body.contains("Content-Type"), "{}", article.body);
        assert_eq!(
            article.url.as_deref(),
            Some("https://news.example.com/grain")
        );
        // The save time is no publication date.
        assert_eq!(article.date, None);
    }

    /// Regression: a saved page was read as plain text, its MIME headers
    /// and quoted-printable HTML indexed as the article.
    #[test]
    fn a_saved_page_file_is_read_as_one() {
        let text = saved_page();
        let parsed = crate::parse::parse_file(
            std::path::Path::new("grain.mhtml"),
            text.as_bytes(),
            &crate::parse::FieldOverrides::default(),
        )
        .unwrap();
        assert_eq!(parsed.layout, "saved web page (MHTML)");
        assert_eq!(parsed.articles.len(), 1);
    }

    #[test]
    fn plain_mail_is_not_a_saved_page() {
        let mail = "From: a@b.org\nSubject: Hi\nContent-Type: multipart/mixed; boundary=x\n\n--x\n\nBody.\n--x--\n";
        assert!(!looks_like_mhtml(mail));
        assert!(!looks_like_mhtml("<html><body>Hi</body></html>"));
    }
}
