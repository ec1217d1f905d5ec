use super::notes::without_analyst_note;
use super::*;

/// Written for these tests in the shapes of the AP, LA Times, FBIS and
/// AQUAINT variants: every field a correct reading must get.
const FILE: &str = "<DOC>
<DOCNO> AP890101-0001 </DOCNO>
<FILEID>AP-NR-01-01-89 2358EST</FILEID>
<FIRST>r a PM-Test     01-01 0100</FIRST>
<HEAD>Harbour Ferry Returns After Storm</HEAD>
<HEAD>Eds: Also in Monday AMs report.</HEAD>
<BYLINE>By ANNA PERSSON</BYLINE>
<BYLINE>Associated Press Writer</BYLINE>
<TEXT>
   The ferry returned to service on Sunday, officials said,
after a storm closed the harbour.
   ``We are glad,'' said a captain &amp; crew.
</TEXT>
<TEXT>
   A second block of text.
</TEXT>
</DOC>
<DOC>
<DOCNO> LA042990-0004 </DOCNO>
<DATE>
<P>
April 29, 1990, Sunday, Home Edition
</P>
</DATE>
<HEADLINE>
<P>
MINISERIES TAKES A VOYAGE
</P>
</HEADLINE>
<TEXT>
<P>
All in the name of realism.
</P>
<P>
The two-part movie airs on
Tuesday.
</P>
</TEXT>
</DOC>
<DOC>
<DOCNO> FBIS3-1 </DOCNO>
<HT>  \"cr00000011094001\" </HT>
<HEADER>
<H2>   March Reports </H2>
<DATE1>  1 March 1994 </DATE1>
Article Type:FBIS
<H3> <TI>      MACEDONIA: OPINION POLLS ON </TI></H3>
</HEADER>
<TEXT>
POLITICIANS, PARTY PREFERENCES

   Summary: polls were published. (AUTHOR: YIM. QUESTIONS AND/OR COMMENTS,
PLEASE CALL CHIEF, ASIA DIVISION ANALYSIS TEAM, (703)-733-6534.) EAG/BIETZ/jf 1/171
</TEXT>
</DOC>
<DOC>
<DOCNO> NYT19980624.0250 </DOCNO>
<DATE_TIME> 06/24/1998 17:07:00 </DATE_TIME>
<HEADER>
A4928 &Cx1f; taf-z
</HEADER>
<BODY>
<HEADLINE>
FOR YOUTHS, LESSONS &QL; IN ARCHITECTURE
</HEADLINE>
<TEXT>
<P>
	LOS ANGELES _ <b_enamex type=\"LOCATION\">Merchant Street<e_enamex> is a row&HT; of warehouses.
</P>
<ANNOTATION> (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS) </ANNOTATION>
<P>
	The end.
</P>
</TEXT>
</BODY>
</DOC>
<DOC>
<DOCNO> LA042990-0009 </DOCNO>
<DATE><P>Someday, Home Edition</P></DATE>
<HEADLINE><P>PHOTO: A CAPTION ONLY</P></HEADLINE>
</DOC>
<DOC>
<DOCNO> LA042990-0010 </DOCNO>
</DOC>
";

#[test]
fn reads_every_newspaper_variant() {
    let parsed = parse_trec_sgml(FILE);
    let summary: Vec<(Option<&str>, Option<String>, Option<&str>)> = parsed
        .articles
        .iter()
        .map(|article| {
            (
                article.id.as_deref(),
                article.date.map(|date| date.to_string()),
                article.title.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                Some("AP890101-0001"),
                Some("1989-01-01T23:58:00-05:00".to_string()),
                Some("Harbour Ferry Returns After Storm"),
            ),
            (
                Some("LA042990-0004"),
                Some("1990-04-29".to_string()),
                Some("MINISERIES TAKES A VOYAGE"),
            ),
            (
                Some("FBIS3-1"),
                Some("1994-03-01".to_string()),
                Some("MACEDONIA: OPINION POLLS ON"),
            ),
            (
                Some("NYT19980624.0250"),
                Some("1998-06-24T17:07:00".to_string()),
                Some("FOR YOUTHS, LESSONS IN ARCHITECTURE"),
            ),
            (Some("LA042990-0009"), None, Some("PHOTO: A CAPTION ONLY")),
        ]
    );
    assert_eq!(parsed.skipped, vec!["doc 6: no body text".to_string()]);
}

#[test]
fn joins_text_blocks_into_paragraphs_without_markup() {
    let parsed = parse_trec_sgml(FILE);
    let ap = &parsed.articles[0];
    assert_eq!(
        ap.body,
        "The ferry returned to service on Sunday, officials said, after a storm closed the harbour.\n\n\
         ``We are glad,'' said a captain & crew.\n\nA second block of text."
    );
    assert_eq!(ap.author.as_deref(), Some("ANNA PERSSON"));
    assert_eq!(ap.source.as_deref(), Some("Associated Press"));
    assert_eq!(ap.part, Some(1));
    let la = &parsed.articles[1];
    assert_eq!(
        la.body,
        "All in the name of realism.\n\nThe two-part movie airs on Tuesday."
    );
    let fbis = &parsed.articles[2];
    assert!(!fbis.body.contains("Article Type"), "{}", fbis.body);
    // Regression (issue 13): the analyst's note made `ASIA` one of the FBIS
    // sample's most frequent entities.
    assert_eq!(
        fbis.body,
        "POLITICIANS, PARTY PREFERENCES\n\nSummary: polls were published."
    );
    let nyt = &parsed.articles[3];
    assert_eq!(
        nyt.body,
        "LOS ANGELES _ Merchant Street is a row of warehouses.\n\nThe end."
    );
}

/// Regression (issue 13): an FBIS analyst's note, on its own line or after
/// the last sentence, with or without the author, is no text of the article.
#[test]
fn an_analysts_closing_note_is_dropped() {
    let notes = [
        "Talks went on. (AUTHOR: NASH. QUESTIONS AND/OR COMMENTS, PLEASE CALL CHIEF ANALYST, ELAG, (703) 733-6120.) ELAG/ta",
        "Talks went on.\n\n(QUESTIONS AND/OR COMMENTS, PLEASE CALL CHIEF, AFRICA/LEVANT BRANCH AT (703) 733-6408) ENE",
    ];
    for text in notes {
        assert_eq!(without_analyst_note(text), "Talks went on.", "{text}");
    }
    // A quoted author's line in the running text stays.
    let kept = "He wrote (AUTHOR: anonymous) a letter and more, much more.";
    assert_eq!(without_analyst_note(kept), kept);
}

#[test]
fn headline_only_document_is_an_article_with_an_unreadable_date_kept() {
    let parsed = parse_trec_sgml(FILE);
    let caption = &parsed.articles[4];
    assert_eq!(caption.body, "PHOTO: A CAPTION ONLY");
    assert_eq!(
        caption.unreadable_date.as_deref(),
        Some("Someday, Home Edition")
    );
}

#[test]
fn one_document_file_has_no_part_and_dates_from_its_docno() {
    let text = "<DOC>\n<DOCNO> XIE19980304.0061 </DOCNO>\n<BODY><HEADLINE> Talks </HEADLINE>\n<TEXT><P> Body. </P></TEXT></BODY></DOC>\n";
    assert!(looks_like_trec_sgml(text));
    let parsed = parse_trec_sgml(text);
    let article = &parsed.articles[0];
    assert_eq!(article.part, None);
    assert_eq!(
        article.date.map(|d| d.to_string()).as_deref(),
        Some("1998-03-04")
    );
    assert_eq!(article.source.as_deref(), Some("Xinhua"));
}

#[test]
fn tolerates_broken_markup() {
    let cases = [
        "<DOC>",
        "<DOC><DOCNO>",
        "<DOC><DOCNO> X </DOCNO><TEXT>unclosed",
        "<DOC><TEXT><P>a<P>",
        "<DOC><HEADLINE>&#xZZ; &#99999999; &; & &amp</HEADLINE></DOC>",
    ];
    for text in cases {
        let _ = parse_trec_sgml(text);
    }
    let unclosed = parse_trec_sgml(cases[2]);
    assert_eq!(unclosed.articles[0].body, "unclosed");
}

#[test]
fn decodes_sgml_entities() {
    let cases = [
        ("a &amp; b &AMP; c", "a & b & c"),
        ("x&HT;y", "x y"),
        ("caf&#233; &#xE9;", "caf\u{e9} \u{e9}"),
        ("AT&T rose", "AT&T rose"),
        ("&lt;b&gt;", "<b>"),
    ];
    for (text, expected) in cases {
        assert_eq!(unescape_sgml(text), expected, "{text:?}");
    }
}

/// Written in the shapes of the Financial Times (six-digit YYMMDD date,
/// dateline prefix in the headline) and San Jose Mercury News (first
/// paragraph in `<LEADPARA>`) files of TREC disks 3-4.
#[test]
fn reads_financial_times_and_mercury_news_shapes() {
    let ft = "<DOC>\n<DOCNO>FT911-1</DOCNO>\n<DATE>910514\n</DATE>\n<HEADLINE>\n\
        FT  14 MAY 91 / (CORRECTED) Jubilee of a jet\n</HEADLINE>\n\
        <TEXT>\nThe Vickers VC10 first flew 25 years ago.\n</TEXT>\n</DOC>\n";
    let article = parse_document(ft, None).unwrap();
    assert_eq!(
        article.title.as_deref(),
        Some("(CORRECTED) Jubilee of a jet")
    );
    assert_eq!(
        article.date.map(|date| date.to_string()).as_deref(),
        Some("1991-05-14")
    );
    assert_eq!(article.unreadable_date, None);

    let sjmn = "<DOC>\n<DOCNO> SJMN91-06001001 </DOCNO>\n\
        <LEADPARA> The Giants won again on Sunday. </LEADPARA>\n<HEADLINE> GIANTS BEAT REDS </HEADLINE>\n\
        <PUBDATE> 19910101 </PUBDATE>\n<TEXT> Will Clark hit a two-run homer. </TEXT>\n</DOC>\n";
    let article = parse_document(sjmn, None).unwrap();
    assert_eq!(
        article.body,
        "The Giants won again on Sunday.\n\nWill Clark hit a two-run homer."
    );
    assert_eq!(
        compact_six_digit_date("042990")
            .map(|date| date.to_string())
            .as_deref(),
        Some("1990-04-29")
    );
    assert_eq!(compact_six_digit_date("991399"), None);
}

/// Regression: LA Times photos ("Wild Art": a `<GRAPHIC>` caption, no
/// `<TEXT>`, no headline) were skipped as "no body text"; 54 of the 2,089
/// documents of the TREC-judged sample. The caption is their text.
#[test]
fn a_photo_without_text_is_an_article_whose_text_is_its_caption() {
    let text = "<DOC>\n<DOCNO> LA010190-0001 </DOCNO>\n<DATE><P>January 1, 1990, Monday</P></DATE>\n<GRAPHIC>\n<P>\nPhoto, Harbour Lights: Boats in the bay are lit to mark the new \nyear. JANE ROE / Los Angeles Times \n</P>\n</GRAPHIC>\n<TYPE><P>Wild Art</P></TYPE>\n</DOC>\n<DOC>\n<DOCNO> LA010190-0002 </DOCNO>\n<DATE><P>January 1, 1990, Monday</P></DATE>\n<GRAPHIC><P>Drawing, Jerry Seinfeld, Steve Lopez</P></GRAPHIC>\n</DOC>\n<DOC>\n<DOCNO> LA010190-0003 </DOCNO>\n<GRAPHIC><P>Photo, </P></GRAPHIC>\n</DOC>\n";
    let parsed = parse_trec_sgml(text);
    assert_eq!(parsed.articles.len(), 2, "{:?}", parsed.skipped);
    let photo = &parsed.articles[0];
    assert_eq!(photo.title.as_deref(), Some("Harbour Lights"));
    assert_eq!(
        photo.body,
        "Harbour Lights: Boats in the bay are lit to mark the new year. JANE ROE / Los Angeles Times"
    );
    let drawing = &parsed.articles[1];
    assert_eq!(drawing.title, None);
    assert_eq!(drawing.body, "Jerry Seinfeld, Steve Lopez");
    // A caption with no words is still no text.
    assert_eq!(parsed.skipped.len(), 1);
}

/// Regression: LDC's Gigaword form (`<DOC id=... type=...>`, no `<DOCNO>`)
/// was read as one plain-text article without a date.
#[test]
fn gigaword_documents_take_their_id_and_date_from_the_doc_tag() {
    let text = "<DOC id=\"AFP_ENG_20090101.0001\" type=\"story\" >
<HEADLINE>
Grain talks resume
</HEADLINE>
<DATELINE>
ISTANBUL, Jan 1 (AFP)
</DATELINE>
<TEXT>
<P>
Officials met in Istanbul.
</P>
<P>
Talks go on.
</P>
</TEXT>
</DOC>
<DOC id=\"XIN_ENG_20090102.0007\" type=\"advis\" >
<TEXT>
<P>
Ships left Odesa.
</P>
</TEXT>
</DOC>
";
    assert!(looks_like_trec_sgml(text));
    let parsed = parse_trec_sgml(text);
    let read: Vec<[Option<String>; 4]> = parsed
        .articles
        .iter()
        .map(|article| {
            [
                article.id.clone(),
                article.date.map(|date| date.to_string()),
                article.title.clone(),
                article.source.clone(),
            ]
        })
        .collect();
    let text_of = |value: &str| Some(value.to_string());
    assert_eq!(
        read,
        [
            [
                text_of("AFP_ENG_20090101.0001"),
                text_of("2009-01-01"),
                text_of("Grain talks resume"),
                text_of("Agence France-Presse")
            ],
            [
                text_of("XIN_ENG_20090102.0007"),
                text_of("2009-01-02"),
                None,
                text_of("Xinhua")
            ],
        ]
    );
    assert_eq!(
        parsed.articles[0].body,
        "Officials met in Istanbul.\n\nTalks go on."
    );
    assert!(!looks_like_trec_sgml("<DOCNO> 1 </DOCNO> no doc tag"));
}
