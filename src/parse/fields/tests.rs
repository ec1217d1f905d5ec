use serde_json::json;

use super::*;

fn record(value: Value) -> RawRecord {
    let Value::Object(object) = value else {
        panic!("not an object")
    };
    record_from_object(&object, &FieldOverrides::default())
}

/// Written for these tests in the shapes of real dumps: every role must be
/// found by name or by value.
#[test]
fn finds_roles_in_real_world_shapes() {
    let cases = [
        (
            "news-please",
            json!({"title": "Ferry returns", "maintext": "The ferry returned to service on Sunday.",
                   "description": "Short.", "date_publish": "2022-06-24 17:30:00",
                   "authors": ["Ann Lee"], "url": "https://example.org/a", "source_domain": "example.org"}),
            (
                "Ferry returns",
                "The ferry returned to service on Sunday.",
                Some("2022-06-24 17:30:00"),
                Some("https://example.org/a"),
            ),
        ),
        (
            "newspaper3k mongo dump",
            json!({"_id": {"$oid": "5f0c"}, "title": "Ferry returns", "text": "The ferry returned.",
                   "publish_date": {"$date": 1474243200000_i64}, "link": "https://example.org/b"}),
            (
                "Ferry returns",
                "The ferry returned.",
                Some("2016-09-19T00:00:00+00:00"),
                Some("https://example.org/b"),
            ),
        ),
        (
            "kaggle headlines",
            json!({"headline": "Ferry returns", "short_description": "The ferry returned to service.",
                   "date": "2018-05-26", "link": "https://example.org/c", "category": "WORLD"}),
            (
                "Ferry returns",
                "The ferry returned to service.",
                Some("2018-05-26"),
                Some("https://example.org/c"),
            ),
        ),
        (
            "nested crawler output",
            json!({"parsed_data": {"title": ["Ferry returns"], "text": ["The ferry returned.", "Crews cheered."],
                   "published_at": ["2023-04-07 08:26:22"]}, "raw_response": {"status": 200}}),
            (
                "Ferry returns",
                "The ferry returned.\n\nCrews cheered.",
                Some("2023-04-07 08:26:22"),
                None,
            ),
        ),
        (
            "typed content blocks",
            json!({"title": "Ferry returns", "published_date": 1472713234000_i64,
                   "contents": [{"type": "title", "content": "Ferry returns"},
                                {"type": "sanitized_html", "subtype": "paragraph", "content": "The <a href=\"x\">ferry</a> returned."},
                                {"type": "image", "imageURL": "x.jpg"},
                                {"type": "sanitized_html", "subtype": "paragraph", "content": "Crews cheered."},
                                {"type": "author_info"}]}),
            (
                "Ferry returns",
                "The ferry returned.\n\nCrews cheered.",
                Some("2016-09-01T07:00:34+00:00"),
                None,
            ),
        ),
        (
            "unknown keys, roles from values",
            json!({"h": "Ferry returns", "p": "The ferry returned to service on Sunday after a long storm.",
                   "l": "https://example.org/d"}),
            (
                "",
                "The ferry returned to service on Sunday after a long storm.",
                None,
                Some("https://example.org/d"),
            ),
        ),
    ];
    for (name, value, (title, body, date, url)) in cases {
        let found = record(value);
        assert_eq!(found.title.as_deref().unwrap_or_default(), title, "{name}");
        assert_eq!(found.date.as_deref(), date, "{name}");
        assert_eq!(found.url.as_deref(), url, "{name}");
        // Markup leaves the body when the record becomes an article.
        let article = found.into_record_article(None).unwrap();
        assert_eq!(article.body, body, "{name}");
    }
}

#[test]
fn a_date_with_an_offset_wins_over_a_zoneless_one() {
    let found = record(
        json!({"title": "T", "published": "June 28, 2022 12:46 AM", "timestamp": 1656391612}),
    );
    assert_eq!(found.date.as_deref(), Some("2022-06-28T04:46:52+00:00"));
}

#[test]
fn a_story_cluster_id_is_not_a_body() {
    let found =
        record(json!({"TITLE": "Fed official says", "STORY": "ddUyU0VZz0BRneMioxUPQVP6sIxvM"}));
    assert_eq!(found.body, None);
    assert_eq!(found.title.as_deref(), Some("Fed official says"));
}

#[test]
fn overrides_take_dotted_paths_and_bare_keys() {
    let Value::Object(object) = json!({"meta": {"seen": "2022-02-02"}, "date": "2020-01-01", "story": "Body here.", "body": "Not this."})
    else {
        panic!("not an object")
    };
    let dotted = FieldOverrides {
        date: Some("meta.seen".into()),
        body: Some("story".into()),
        ..FieldOverrides::default()
    };
    let found = record_from_object(&object, &dotted);
    assert_eq!(found.date.as_deref(), Some("2022-02-02"));
    assert_eq!(found.body.as_deref(), Some("Body here."));
}

#[test]
fn pictures_are_not_articles() {
    let Value::Object(object) = json!({"type": "picture", "body_text": "A caption."}) else {
        panic!("not an object")
    };
    assert!(non_article_type(&object).is_some());
}

/// An archive API record (New York Times shape) whose only text is summaries:
/// the longest summary is the body, and the byline loses its `By `.
#[test]
fn the_longest_summary_is_the_body_and_bylines_lose_by() {
    let found = record(json!({
        "abstract": "The president met with leaders.",
        "lead_paragraph": "The president met congressional leaders on Wednesday to discuss the budget.",
        "headline": {"main": "President Meets Leaders on Budget"},
        "pub_date": "2020-01-01T23:10:25+0000",
        "byline": {"original": "By Peter Baker"}
    }));
    assert_eq!(
        found.body.as_deref(),
        Some("The president met congressional leaders on Wednesday to discuss the budget.")
    );
    let article = found.into_record_article(None).unwrap();
    assert_eq!(article.author.as_deref(), Some("Peter Baker"));

    let with_full_text = record(json!({
        "abstract": "A much longer abstract than the text itself, which is short.",
        "text": "The text is the body.",
    }));
    assert_eq!(
        with_full_text.body.as_deref(),
        Some("The text is the body.")
    );
}

/// A crawler's record whose parsed text is empty keeps the whole saved page
/// under `raw_response.content`: the body is the page's article, not its
/// scripts, styles and menus (found on a Scrapy crawler's test data).
#[test]
fn a_whole_saved_page_in_a_field_gives_its_article() {
    let paragraph = "Officials from both countries met in Istanbul on Friday to revive a grain deal that lets ships leave the ports.";
    let page = format!(
        "<!DOCTYPE html><html><head><title>Grain talks</title><script>var story_id = 8512300;</script>\
         <style>@font-face{{font-family:Roboto}}</style></head><body><nav><ul><li>Home</li><li>World</li></ul></nav>\
         <article><h1>Grain talks</h1><p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    );
    let article = record(
        json!({"parsed_data": {"title": ["Grain talks"], "text": [" "]},
                                "raw_response": {"content": page}}),
    )
    .into_record_article(None)
    .unwrap();
    assert!(
        article.body.starts_with("Officials from both countries"),
        "{}",
        article.body
    );
    assert!(!article.body.contains("story_id") && !article.body.contains("font-face"));
    assert!(!article.body.contains("HomeWorld"));
}
