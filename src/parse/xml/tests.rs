use super::*;

/// Id, title, date and body of an article.
type Summary = (Option<String>, Option<String>, Option<String>, String);

fn summary(parsed: &ParsedFile) -> Vec<Summary> {
    parsed
        .articles
        .iter()
        .map(|article| {
            (
                article.id.clone(),
                article.title.clone(),
                article.date.map(|date| date.to_string()),
                article.body.clone(),
            )
        })
        .collect()
}

/// Each fixture is written for this test in the shape of its dialect.
#[test]
fn reads_each_dialect() {
    let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Feed</title>
<item><title>Ferry returns</title><link>https://example.org/a</link><guid>a-1</guid>
<pubDate>Seg, 24 Set 2018 10:00:00 -0300</pubDate><dc:creator>Ann Lee</dc:creator>
<description>&lt;p&gt;The ferry &amp;amp; crew returned.&lt;/p&gt;</description></item>
<item><title>Headline only</title><pubDate>not a date</pubDate></item></channel></rss>"#;
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><author><name>heise</name></author>
<entry><title>Talks resume</title><id>urn:x:1</id><link rel="alternate" href="https://example.org/b"/>
<updated>2020-01-02T00:00:00Z</updated><published>2020-01-01T10:00:00+01:00</published>
<content type="html">&lt;p&gt;Talks resumed.&lt;/p&gt;</content></entry></feed>"#;
    let nitf = r#"<?xml version="1.0" encoding="iso-8859-1"?><nitf><head><title>1 POLITICS slug</title>
<docdata><doc-id id-string="AAP-1"/><date.issue norm="20141126T152703"/></docdata></head>
<body><body.head><hedline><hl1>Brexit talks stall</hl1></hedline>
<byline>By BERNARD CONDON<byttl>AP Business Writer</byttl></byline></body.head>
<body.content><block><p>First&nbsp;paragraph.</p><p>Second.</p></block></body.content></body></nitf>"#;
    let newsml = r#"<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
<newsItem guid="tag:x,0000:1" version="1"><itemMeta><versionCreated>2014-07-17T00:24:11.000Z</versionCreated>
<title>slug</title></itemMeta><contentMeta><headline>UPDATE
   2-Results</headline></contentMeta>
<contentSet><inlineXML><html><body><p>Body one.</p></body></html></inlineXML></contentSet></newsItem>
<newsItem guid="tag:x,0000:2" version="2"><itemMeta><pubStatus qcode="stat:canceled"/></itemMeta>
<contentMeta><headline>Withdrawn</headline></contentMeta></newsItem></itemSet></newsMessage>"#;
    let cases = [
        (
            rss,
            "RSS",
            vec![
                (
                    Some("a-1".to_string()),
                    Some("Ferry returns".to_string()),
                    Some("2018-09-24T10:00:00-03:00".to_string()),
                    "The ferry & crew returned.".to_string(),
                ),
                (
                    None,
                    Some("Headline only".to_string()),
                    None,
                    "Headline only".to_string(),
                ),
            ],
        ),
        (
            atom,
            "Atom",
            vec![(
                Some("urn:x:1".to_string()),
                Some("Talks resume".to_string()),
                Some("2020-01-01T10:00:00+01:00".to_string()),
                "Talks resumed.".to_string(),
            )],
        ),
        (
            nitf,
            "NITF",
            vec![(
                Some("AAP-1".to_string()),
                Some("Brexit talks stall".to_string()),
                Some("2014-11-26T15:27:03".to_string()),
                "First paragraph.\n\nSecond.".to_string(),
            )],
        ),
        (
            newsml,
            "NewsML-G2",
            vec![(
                Some("tag:x,0000:1".to_string()),
                Some("UPDATE 2-Results".to_string()),
                Some("2014-07-17T00:24:11+00:00".to_string()),
                "Body one.".to_string(),
            )],
        ),
    ];
    for (text, layout, expected) in cases {
        assert!(looks_like_news_xml(text), "{layout}");
        let parsed = parse_news_xml(text).unwrap();
        assert_eq!(parsed.layout, layout);
        assert_eq!(summary(&parsed), expected, "{layout}");
    }
}

#[test]
fn authors_keep_their_words_apart() {
    let nitf = r#"<nitf><body><body.head><hedline><hl1>T</hl1></hedline><byline>By BERNARD CONDON<byttl>AP Business Writer</byttl></byline></body.head><body.content><p>x y</p></body.content></body></nitf>"#;
    let parsed = parse_news_xml(nitf).unwrap();
    assert_eq!(
        parsed.articles[0].author.as_deref(),
        Some("BERNARD CONDON AP Business Writer")
    );
    let rss = r#"<rss><channel><item><title>T</title><pubDate>not a date</pubDate></item></channel></rss>"#;
    let parsed = parse_news_xml(rss).unwrap();
    assert_eq!(
        parsed.articles[0].unreadable_date.as_deref(),
        Some("not a date")
    );
}

#[test]
fn a_cancelled_story_withdraws_its_id() {
    let newsml =
        r#"<newsItem guid="g"><itemMeta><pubStatus qcode="stat:canceled"/></itemMeta></newsItem>"#;
    let parsed = parse_news_xml(newsml).unwrap();
    assert!(parsed.articles.is_empty());
    assert_eq!(parsed.withdrawn, vec!["g".to_string()]);
}

/// Atom `type="html"` titles and RSS titles with escaped markup read as text.
#[test]
fn escaped_html_titles_read_as_text() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">Storm &amp;amp; floods &lt;b&gt;hit&lt;/b&gt;</title>
<id>urn:x:2</id><updated>2020-03-05T10:00:00+01:00</updated><content>A storm brought floods.</content></entry></feed>"#;
    let parsed = parse_news_xml(atom).unwrap();
    assert_eq!(
        parsed.articles[0].title.as_deref(),
        Some("Storm & floods hit")
    );
}

/// Regression: a Reuters Corpus Volume 1 file was skipped as "XML that is
/// not a news layout".
#[test]
fn rcv1_newsitems_are_read() {
    let text = r#"<?xml version="1.0" encoding="iso-8859-1" ?>
<newsitem itemid="2286" id="root" date="1996-08-20" xml:lang="en">
<title>MEXICO: Recovery excitement brings Mexican markets to life.</title>
<headline>Recovery excitement brings Mexican markets to life.</headline>
<byline>Henry Tricks</byline>
<dateline>MEXICO CITY</dateline>
<text>
<p>Mexican markets came to life on Tuesday.</p>
<p>"It's a very positive sign," said Carlos Gonzalez.</p>
</text>
<copyright>(c) Reuters Limited 1996</copyright>
<metadata><codes class="bip:countries:1.0"><code code="MEX"></code></codes></metadata>
</newsitem>"#;
    assert!(looks_like_news_xml(text));
    let parsed = parse_news_xml(text).unwrap();
    assert_eq!(parsed.layout, "RCV1 newsitem");
    assert_eq!(
        summary(&parsed),
        [(
            Some("2286".to_string()),
            Some("Recovery excitement brings Mexican markets to life.".to_string()),
            Some("1996-08-20".to_string()),
            "Mexican markets came to life on Tuesday.\n\n\"It's a very positive sign,\" said Carlos Gonzalez."
                .to_string()
        )]
    );
    assert_eq!(parsed.articles[0].author.as_deref(), Some("Henry Tricks"));
}

/// Regression (found on the Guardian feed of the layouts corpus): a feed
/// item's `media:content` matched the body element `content`, so every
/// article's body was its picture's credit (`Photograph: …/Shutterstock`).
#[test]
fn media_rss_pictures_are_no_body() {
    let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Feed</title>
<item><title>Address promised unity</title><link>https://example.org/a</link>
<description>&lt;p&gt;Donald Trump has promised a new moment.&lt;/p&gt;</description>
<media:content width="140" url="https://example.org/a.jpg"><media:credit scheme="urn:ebu">Photograph: Alex Wong/Getty Images</media:credit></media:content>
</item></channel></rss>"#;
    let parsed = parse_news_xml(rss).expect("an RSS feed");
    let bodies: Vec<&str> = parsed.articles.iter().map(|a| a.body.as_str()).collect();
    assert_eq!(bodies, ["Donald Trump has promised a new moment."]);
}
