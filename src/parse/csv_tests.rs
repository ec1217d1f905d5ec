//! Tests of [`super`]: header sniffing, delimiters and column roles.

#![allow(clippy::unwrap_used)]

use super::*;

fn none() -> FieldOverrides {
    FieldOverrides::default()
}

fn summary(parsed: &ParsedFile) -> Vec<(Option<usize>, String)> {
    parsed
        .articles
        .iter()
        .map(|article| (article.part, article.body.clone()))
        .collect()
}

#[test]
fn reads_rows_by_usual_column_names() {
    let text = "link,headline,date,location,summary,body\n\
        https://example.org/1,Council meets,2022-06-24T17:30:00Z,Moscow Region,Short.,\"The council met, and \"\"agreed\"\" on a plan.\"\n\
        https://example.org/2,Empty,2022-06-25T10:00:00Z,Kyiv,Short.,\n\
        https://example.org/3,Bad date,2022-13-45,Kyiv,Short.,Body three.\n";
    let parsed = parse_csv(text, &none()).unwrap();
    assert_eq!(
        summary(&parsed),
        vec![
            (Some(1), "The council met, and \"agreed\" on a plan.".into()),
            // Headline-only: the title is the text.
            (Some(2), "Empty".into()),
            (Some(3), "Body three.".into()),
        ]
    );
    assert_eq!(parsed.articles[2].date, None);
    assert_eq!(
        parsed.articles[2].unreadable_date.as_deref(),
        Some("2022-13-45")
    );
    let article = &parsed.articles[0];
    assert_eq!(article.title.as_deref(), Some("Council meets"));
    assert_eq!(article.url.as_deref(), Some("https://example.org/1"));
    assert_eq!(
        article.date.unwrap().to_string(),
        "2022-06-24T17:30:00+00:00"
    );
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
}

#[test]
fn reads_csv_without_header_by_column_values() {
    let text = "\"3\",\"Ferry returns after storm\",\"The ferry returned to service on Sunday after the storm.\"\n\
        \"4\",\"Talks resume in Geneva\",\"Diplomats met again on Monday to resume the stalled talks.\"\n";
    let parsed = parse_csv(text, &none()).unwrap();
    assert_eq!(parsed.layout, "CSV without header");
    assert_eq!(parsed.articles.len(), 2);
    assert_eq!(
        parsed.articles[0].title.as_deref(),
        Some("Ferry returns after storm")
    );
    assert!(parsed.articles[1].body.starts_with("Diplomats met"));
}

#[test]
fn an_id_column_named_story_is_not_the_body() {
    let text = "ID,TITLE,STORY,TIMESTAMP\n1,Fed official says,ddUyU0VZz0BRneMioxUPQVP6sIxvM,1394470370698\n";
    let parsed = parse_csv(text, &none()).unwrap();
    let article = &parsed.articles[0];
    assert_eq!(article.body, "Fed official says");
    assert_eq!(article.id.as_deref(), Some("1"));
    assert_eq!(
        article.date.map(|date| date.to_string()).as_deref(),
        Some("2014-03-10T16:52:50.698+00:00")
    );
}

#[test]
fn recovers_from_unbalanced_quotes() {
    let text = "title,date,text\n\
        One,2022-01-01,First body.\n\
        Two,2022-01-02,\"Second body never closes.\n\
        Three,2022-01-03,Third body.\n\
        Four,2022-01-04,\"Fourth, quoted.\"\n";
    let parsed = parse_csv(text, &none()).unwrap();
    assert_eq!(
        summary(&parsed),
        vec![
            (Some(1), "First body.".into()),
            (Some(3), "Third body.".into()),
            (Some(4), "Fourth, quoted.".into()),
        ]
    );
    assert_eq!(parsed.skipped, vec!["row 2: unbalanced quotes".to_string()]);
}

#[test]
fn overrides_and_missing_columns() {
    let text = "Title,Published_At,Date,Story\nA,2022-02-02,2020-01-01,Body A.\n";
    let fields = FieldOverrides {
        date: Some("published_at".into()),
        body: Some("story".into()),
        ..FieldOverrides::default()
    };
    let parsed = parse_csv(text, &fields).unwrap();
    assert_eq!(parsed.articles[0].date.unwrap().to_string(), "2022-02-02");

    let missing = FieldOverrides {
        date: Some("seen".into()),
        ..fields
    };
    assert_eq!(
        parse_csv(text, &missing).unwrap_err(),
        ParseError::Malformed("no column named \"seen\"".into())
    );
    assert!(matches!(
        parse_csv("a,b\n1,2\n", &none()),
        Err(ParseError::Malformed(_))
    ));
}

#[test]
fn semicolon_and_pipe_files_are_read_by_their_delimiter() {
    for delimiter in [";", "|"] {
        let text = format!(
            "title{d}date{d}text\nTalks resume{d}2022-07-01{d}Officials met, and talked, in Istanbul.\nGrain deal{d}2022-07-02{d}Ships left Odesa, at last.\n",
            d = delimiter
        );
        let parsed = parse_csv(&text, &none()).unwrap();
        assert_eq!(parsed.articles.len(), 2, "{delimiter}");
        let first = &parsed.articles[0];
        assert_eq!(first.title.as_deref(), Some("Talks resume"), "{delimiter}");
        assert_eq!(
            first.date.map(|date| date.to_string()).as_deref(),
            Some("2022-07-01")
        );
        assert_eq!(first.body, "Officials met, and talked, in Istanbul.");
    }
    let commas = "title,text\nA; B,Body; with semicolons; here.\nC; D,More; text.\n";
    assert_eq!(sniff_delimiter(commas), b',');
    assert!(looks_like_csv("title;date;text\nA;2022-07-01;B\n"));
}

#[test]
fn sniffs_csv_headers() {
    let cases = [
        ("link,headline,date,body\n", true),
        ("\"title\",\"text\"\n", true),
        ("title,date\n", false),
        ("The body, in short, is text.\n", false),
        ("body\n", false),
        ("id\theadline\tbody\n", true),
        ("headline | body\u{a0}\n", true),
        ("Putin's text: headline, body\n", false),
        ("-- Nasdaq body rises 1.5 pct\n", false),
    ];
    for (text, expected) in cases {
        assert_eq!(looks_like_csv(text), expected, "{text:?}");
    }
}
