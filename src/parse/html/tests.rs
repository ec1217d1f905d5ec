//! Unit tests of [`super::parse_html_page`] on pages written for them in the
//! shape of saved news pages.

#![allow(clippy::unwrap_used)]

use super::*;

/// Written for this test in the shape of a saved news page.
const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Ferry returns after storm | Example News</title>
<meta property="article:published_time" content="2022-06-24T17:30:00+02:00">
<meta name="author" content="Ann Lee"><link rel="canonical" href="https://example.org/ferry">
<script>var x = "<p>not text</p>";</script></head><body>
<nav><p>Home News Sport Weather and more links here</p></nav>
<article><h1>Ferry returns after storm</h1><p>The ferry returned to service on Sunday, officials said.</p>
<figure><p>Photo: the ferry in port, taken by a reader</p></figure>
<p>Crews &amp; passengers cheered as it <a href="/x">docked</a>.</p></article>
<footer><p>Copyright Example News, all rights reserved worldwide</p></footer></body></html>"#;

#[test]
fn reads_the_article_without_page_chrome() {
    assert!(looks_like_html(PAGE));
    let article = parse_html_page(PAGE).unwrap();
    assert_eq!(article.title.as_deref(), Some("Ferry returns after storm"));
    assert_eq!(
        article.date.map(|date| date.to_string()).as_deref(),
        Some("2022-06-24T17:30:00+02:00")
    );
    assert_eq!(article.author.as_deref(), Some("Ann Lee"));
    assert_eq!(article.url.as_deref(), Some("https://example.org/ferry"));
    assert_eq!(
        article.body,
        "The ferry returned to service on Sunday, officials said.\n\nCrews & passengers cheered as it docked."
    );
}

#[test]
fn a_page_without_text_is_not_an_article() {
    let stub = "<html><head><title>Sign up</title></head><body><form><p>Your e-mail address please</p></form></body></html>";
    assert_eq!(parse_html_page(stub), Err(ParseError::NoBody));
}

/// Three paragraphs of prose, so that the extractor sees an article.
const STORY: &str = "<p>The harbour ferry returned to service on Sunday after a storm kept it in port for three days, officials said.</p>
<p>Crews worked through the night to repair the damaged landing stage, and the first crossing left at seven in the morning.</p>
<p>Passengers said they were relieved, and the operator promised a full timetable from Monday onwards.</p>";

fn page_with(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
}

#[test]
fn navigation_footer_related_links_and_comments_are_kept_out() {
    let body = format!(
        r#"<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news and politics</a></li></ul></nav></header>
<main><article><h1>Ferry returns</h1>{STORY}</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Bridge closed for repairs over the weekend</a></li>
<li><a href="/b">Council votes on the new bus lanes downtown</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Reader42 wrote: this is the worst ferry service in the whole country.</p></div></section></main>
<footer><p>Copyright Example News 2022, all rights reserved, terms and privacy.</p></footer>"#
    );
    let article = parse_html_page(&page_with("<title>Ferry returns</title>", &body)).unwrap();
    assert!(
        article.body.starts_with("The harbour ferry returned"),
        "{}",
        article.body
    );
    assert!(article.body.contains("full timetable from Monday"));
    for chrome in [
        "World news",
        "Bridge closed",
        "Council votes",
        "Reader42",
        "Copyright",
    ] {
        assert!(
            !article.body.contains(chrome),
            "{chrome} in {}",
            article.body
        );
    }
}

#[test]
fn site_boilerplate_inside_the_article_is_dropped() {
    let body = r#"<article><p>The harbour ferry returned to service on Sunday after a storm kept it in port for three days, officials said.</p>
<div class="ad"><p>Advertisement</p></div><p>Continue reading the main story</p>
<p>Crews worked through the night to repair the damaged landing stage, and the first crossing left at seven.</p>
<p>Read More</p><p>Passengers said they were relieved, and the operator promised a full timetable from Monday onwards.</p></article>"#;
    let article = parse_html_page(&page_with("", body)).unwrap();
    assert!(article.body.contains("first crossing left at seven"));
    for label in ["Advertisement", "Continue reading", "Read More"] {
        assert!(!article.body.contains(label), "{label} in {}", article.body);
    }
}

#[test]
fn title_date_and_author_come_from_json_ld_when_there_is_no_meta() {
    let head = r#"<title>Site front page</title><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry returns after the storm",
"datePublished":"2021-11-01T10:52:50+01:00","author":{"@type":"Person","name":"Ann Lee"}}</script>"#;
    let article =
        parse_html_page(&page_with(head, &format!("<article>{STORY}</article>"))).unwrap();
    assert_eq!(
        article.title.as_deref(),
        Some("Ferry returns after the storm")
    );
    assert_eq!(
        article.date.map(|date| date.to_string()).as_deref(),
        Some("2021-11-01T10:52:50+01:00")
    );
    assert_eq!(article.author.as_deref(), Some("Ann Lee"));
}

#[test]
fn a_zone_less_meta_date_stays_local_time_and_a_byline_prefix_goes() {
    let head = r#"<meta property="og:title" content="Ferry returns">
<meta property="article:published_time" content="2018-12-21 12:55:00">
<meta name="author" content="By Ann Lee">"#;
    let article =
        parse_html_page(&page_with(head, &format!("<article>{STORY}</article>"))).unwrap();
    assert_eq!(article.title.as_deref(), Some("Ferry returns"));
    assert!(
        matches!(article.date, Some(ArticleDate::Local(_))),
        "{:?}",
        article.date
    );
    assert_eq!(article.author.as_deref(), Some("Ann Lee"));
}

#[test]
fn hostile_markup_reads_without_panic_and_without_hidden_text() {
    let body = format!(
        "<div><div></span></p></div></div></table><article>{STORY}<!-- <p>hidden comment text here</p> -->\
<script>document.write('<p>script text in the page</p>')</script><p title='<p>attr</p>'>\u{0}&#xD800;&#99999999;&bogus; \
<![CDATA[ cdata ]]> <b><i>bad nesting</b></i></p><p><p><p><li><td>",
    );
    let article = parse_html_page(&page_with("<meta charset=\"x-unknown\"", &body)).unwrap();
    assert!(article.body.contains("The harbour ferry returned"));
    assert!(!article.body.contains("hidden comment"));
    assert!(!article.body.contains("script text"));
    for broken in ["<html", "<p", "</", "\u{0}<", "<![CDATA["] {
        assert!(parse_html_page(broken).is_err() || parse_html_page(broken).is_ok());
    }
}

#[test]
fn a_deeply_nested_page_is_read_in_bounded_time() {
    let deep = "<div>".repeat(100_000);
    let page = page_with(
        "",
        &format!("<article>{STORY}</article>{deep}<p>The end.</p>"),
    );
    let started = std::time::Instant::now();
    let article = parse_html_page(&page).unwrap();
    assert!(article.body.contains("full timetable"));
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn a_page_of_links_is_not_an_article() {
    let links: String = (0..30)
        .map(|n| format!("<li><a href=\"/story/{n}\">Story number {n}</a></li>"))
        .collect();
    let page = page_with(
        "<title>Front page</title>",
        &format!("<nav><ul>{links}</ul></nav>"),
    );
    assert_eq!(parse_html_page(&page), Err(ParseError::NoBody));
}

/// A content system's placeholder (`Username`, the crate's fallback when the
/// page's author is a profile URL) is no author.
#[test]
fn placeholder_authors_are_no_authors() {
    let head = r#"<title>Ferry returns</title><meta name="author" content="https://example.org/people/ann">"#;
    let body = format!(
        r#"<article><h1>Ferry returns</h1>{STORY}<span class="author">Username</span></article>"#
    );
    let article = parse_html_page(&page_with(head, &body)).unwrap();
    assert_ne!(article.author.as_deref(), Some("Username"));
    assert_eq!(article.author, None);
}

/// Regression: a pretty-printed page breaks a paragraph's source over lines,
/// and each line became a paragraph, cutting `World Travel and Tourism
/// Council` in two (found on the saved-pages layout sample); a browser shows
/// the lines as one paragraph, and so does the reader now.
#[test]
fn source_line_breaks_inside_a_paragraph_are_spaces() {
    let page = "<!DOCTYPE html><html><head><title>Tourism falls</title></head><body><article>\n\
        <h1>Tourism falls</h1>\n\
        <p>Tourism is critical to the economy, accounting for 15 percent of\n\
            its output in 2013, according to the World Travel and Tourism\n\
            Council, an industry body that counts visitors every year.</p>\n\
        <p>The museum hosts one of the largest collections of mosaics and is\n\
            popular with tourists and residents alike, its director said.</p>\n\
        </article></body></html>";
    let article = parse_html_page(page).unwrap();
    let paragraphs: Vec<&str> = article.body.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 2, "{}", article.body);
    assert!(paragraphs[0].contains("World Travel and Tourism Council, an industry body"));
}

/// Regression (a concert review in the WARC sample, and saved pages of NPR's
/// and others'): text in `<i>`, `<em>` or a link, then a possessive or a
/// letter right after it, was cut apart (`Coloring Book ’s`, `NPR ’s Feng`,
/// `tre k`), and `Book` became a person.
#[test]
fn styled_or_linked_text_runs_on_into_the_text_after_it() {
    let page =
        "<!DOCTYPE html><html><head><title>Chance plays at home</title></head><body><article>\
        <h1>Chance plays at home</h1>\
        <p>All We Got is a key part of <i>Coloring Book</i>’s opening, and the crowd of thousands \
        sang every word of it back to the stage.</p>\
        <p>According to <a href=\"/npr\">NPR</a>’s Feng, the 50th anniversary <b>tre</b>k went on \
        through the night, and nobody in the hall wanted to leave.</p>\
        </article></body></html>";
    let article = parse_html_page(page).unwrap();
    assert!(
        article.body.contains("part of Coloring Book’s opening"),
        "{}",
        article.body
    );
    assert!(
        article.body.contains("According to NPR’s Feng"),
        "{}",
        article.body
    );
    assert!(
        article.body.contains("anniversary trek went"),
        "{}",
        article.body
    );
}
