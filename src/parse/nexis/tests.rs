use super::*;

const ACADEMIC: &str = "
                              1 of 2 DOCUMENTS


                                The Guardian (London)

                            July 1, 2022 Friday
                                 Final Edition

Grain talks resume in Istanbul

BYLINE: Jane Doe in Istanbul

SECTION: WORLD NEWS; Pg. 13

LENGTH: 31 words


Ukrainian and Russian officials met in Istanbul on Wednesday.

\u{201c}We are close to a deal,\u{201d} said Hulusi Akar, Turkey's defence minister.


LOAD-DATE: July 2, 2022

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper

                   Copyright 2022 Guardian News and Media Limited
                              All Rights Reserved


                              2 of 2 DOCUMENTS


                              The New York Times

                            July 3, 2022 Sunday
                         Late Edition - Final

Ships Leave Odesa
With the First Grain

SECTION: Section A; Column 0; Foreign Desk; Pg. 6

LENGTH: 12 words

DATELINE: ODESA, Ukraine

The first ships left the port on Sunday, officials said.

LOAD-DATE: July 4, 2022
";

const UNI: &str = "Grain talks resume in Istanbul
The Guardian (London)
July 1, 2022 Friday
Final Edition

Copyright 2022 Guardian News and Media Limited All Rights Reserved
Section: WORLD NEWS; Version:1
Length: 31 words
Byline: Jane Doe in Istanbul

Body

Ukrainian and Russian officials met in Istanbul on Wednesday.

Load-Date: July 2, 2022

End of Document
Ships Leave Odesa
The New York Times
July 3, 2022 Sunday

Length: 12 words

Body

The first ships left the port on Sunday, officials said.

Load-Date: July 4, 2022

End of Document
";

/// Date, title, source and author of each article.
fn summary(parsed: &ParsedFile) -> Vec<[String; 4]> {
    parsed
        .articles
        .iter()
        .map(|article| {
            [
                article
                    .date
                    .map(|date| date.to_string())
                    .unwrap_or_default(),
                article.title.clone().unwrap_or_default(),
                article.source.clone().unwrap_or_default(),
                article.author.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// What both exports give for their two documents (Nexis Uni's second
/// headline is one line).
fn expected(second_title: &str) -> Vec<[String; 4]> {
    let row = |fields: [&str; 4]| fields.map(str::to_string);
    vec![
        row([
            "2022-07-01",
            "Grain talks resume in Istanbul",
            "The Guardian (London)",
            "Jane Doe",
        ]),
        row(["2022-07-03", second_title, "The New York Times", ""]),
    ]
}

#[test]
fn academic_exports_give_one_article_per_document() {
    assert!(looks_like_nexis(ACADEMIC));
    let parsed = parse_nexis(ACADEMIC);
    assert_eq!(
        summary(&parsed),
        expected("Ships Leave Odesa With the First Grain")
    );
    let first = &parsed.articles[0];
    assert!(first.body.starts_with("Ukrainian and Russian officials"));
    assert!(first.body.ends_with("defence minister."));
    assert!(!first.body.contains("LOAD-DATE") && !first.body.contains("Copyright"));
    assert_eq!(
        parsed.articles[1].body,
        "The first ships left the port on Sunday, officials said."
    );
    assert_eq!(parsed.articles[1].part, Some(2));
}

#[test]
fn nexis_uni_exports_give_one_article_per_document() {
    assert!(looks_like_nexis(UNI));
    let parsed = parse_nexis(UNI);
    assert_eq!(summary(&parsed), expected("Ships Leave Odesa"));
    assert_eq!(
        parsed.articles[0].body,
        "Ukrainian and Russian officials met in Istanbul on Wednesday."
    );
}

#[test]
fn ordinary_texts_are_not_nexis_exports() {
    let texts = [
        "Talks resume\nJuly 1, 2022\n\nOfficials met. The length: 3 miles.",
        "Length: 3 words\nA text about nothing.",
        "He said it was the end of document signing.\nLoad-Date: none",
    ];
    for text in texts {
        assert!(!looks_like_nexis(text), "{text:?}");
    }
}
