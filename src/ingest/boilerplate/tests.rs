use super::*;

fn article(url: Option<&str>, title: Option<&str>, body: &str) -> ParsedArticle {
    ParsedArticle {
        url: url.map(str::to_string),
        title: title.map(str::to_string),
        body: body.to_string(),
        ..ParsedArticle::default()
    }
}

/// A story of its own, so that only the site's lines recur.
fn story(number: usize) -> String {
    format!(
        "Story {number} opens here with its own words about council budget {number}.\nAdvertisement\nThe mayor of town {number} spoke at length.\nUpdated {number}:{:02} GMT\nSign up for our newsletter\n",
        number % 60
    )
}

fn learned(articles: &[ParsedArticle]) -> Boilerplate {
    let mut learner = Learner::default();
    for article in articles {
        learner.add(article, "");
    }
    learner.finish(Vec::new())
}

#[test]
fn lines_repeated_across_a_source_are_taken_out_and_the_rest_kept_as_written() {
    let articles: Vec<ParsedArticle> = (0..30)
        .map(|number| article(Some("https://www.example.com/a"), None, &story(number)))
        .collect();
    let boilerplate = learned(&articles);
    let texts: Vec<&str> = boilerplate
        .lines()
        .iter()
        .map(|line| line.text.as_str())
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.contains(&"Advertisement"));
    assert!(texts.contains(&"Sign up for our newsletter"));
    assert!(boilerplate
        .lines()
        .iter()
        .all(|line| line.source == "example.com"));

    let mut cleaned = articles[7].clone();
    let dropped = boilerplate.clean(&mut cleaned, "");
    assert_eq!(dropped, 2);
    // Lines that differ in their figures are not one line.
    assert_eq!(
        cleaned.body,
        "Story 7 opens here with its own words about council budget 7.\nThe mayor of town 7 spoke at length.\nUpdated 7:07 GMT\n"
    );
}

#[test]
fn quotations_transcript_lines_and_long_lines_are_never_boilerplate() {
    let repeated_quote = "“We will not give up,” the president said.";
    let transcript = "Vladimir Putin: Thank you.";
    let long_line = "The central bank kept its key rate unchanged on Thursday, as expected by every economist polled by the agency, and said inflation would slow.";
    let articles: Vec<ParsedArticle> = (0..30)
        .map(|number| {
            let body = format!(
                "CNN —\n{repeated_quote}\n{transcript}\n{long_line}\nNews item {number}.\n"
            );
            article(None, None, &body)
        })
        .collect();
    let boilerplate = learned(&articles);
    let texts: Vec<&str> = boilerplate
        .lines()
        .iter()
        .map(|line| line.text.as_str())
        .collect();
    assert_eq!(texts, vec!["CNN —"]);
    // A recurring first line goes too: it names the site, not the story.
    let mut cleaned = articles[0].clone();
    assert_eq!(boilerplate.clean(&mut cleaned, ""), 1);
    assert!(cleaned.body.starts_with(repeated_quote));
}

#[test]
fn each_source_has_its_own_boilerplate() {
    let mut articles: Vec<ParsedArticle> = (0..30)
        .map(|number| article(Some("https://a.example/x"), None, &story(number)))
        .collect();
    let other_site: Vec<ParsedArticle> = (0..30)
        .map(|number| {
            let body = format!("Other story {number}.\nSupport our journalism\n");
            article(Some("https://b.example/y"), None, &body)
        })
        .collect();
    articles.extend(other_site);
    let boilerplate = learned(&articles);
    // b.example's articles keep a line that is boilerplate only on a.example.
    let mut foreign = article(
        Some("https://b.example/z"),
        None,
        "A story.\nAdvertisement\nSupport our journalism\n",
    );
    assert_eq!(boilerplate.clean(&mut foreign, ""), 1);
    assert_eq!(foreign.body, "A story.\nAdvertisement\n");
}

#[test]
fn too_few_articles_or_too_rare_a_line_teach_nothing() {
    let few: Vec<ParsedArticle> = (0..MIN_SOURCE_ARTICLES - 1)
        .map(|number| article(None, None, &story(number)))
        .collect();
    assert!(learned(&few).lines().is_empty());

    // 400 articles: a line in 6 of them (1.5 %) is below the share.
    let many: Vec<ParsedArticle> = (0..400)
        .map(|number| {
            let extra = if number % 67 == 0 {
                "Related coverage\n"
            } else {
                ""
            };
            article(None, None, &format!("Item {number} of the day.\n{extra}"))
        })
        .collect();
    assert!(learned(&many).lines().is_empty());
}

#[test]
fn a_body_without_boilerplate_is_left_untouched() {
    let articles: Vec<ParsedArticle> = (0..30)
        .map(|number| article(None, None, &story(number)))
        .collect();
    let boilerplate = learned(&articles);
    let mut plain = article(None, None, "Line one.\r\nLine two.\r\n");
    assert_eq!(boilerplate.clean(&mut plain, ""), 0);
    assert_eq!(plain.body, "Line one.\r\nLine two.\r\n");
}

#[test]
fn datelines_and_table_labels_are_the_story_s_not_boilerplate() {
    let articles: Vec<ParsedArticle> = (0..30)
        .map(|number| {
            let body = format!(
                "Company {number} results\nLONDON 1996-08-31\nYear\nShr 1.{number} dlrs vs 98 cts\nNet 12.{number} mln vs 9.8 mln\nThe company said profit rose in case {number}.\n"
            );
            article(None, None, &body)
        })
        .collect();
    assert!(learned(&articles).lines().is_empty());
}

#[test]
fn each_folder_given_is_its_own_source_when_articles_name_none() {
    let roots = vec!["/news/site-a".to_string(), "/news/site-b".to_string()];
    let mut learner = Learner::default();
    for number in 0..30 {
        learner.add(&article(None, None, &story(number)), "/news/site-a");
        let other = format!("Other story {number}.\nAdvertisement only here once\n");
        learner.add(&article(None, None, &other), "/news/site-b");
    }
    let boilerplate = learner.finish(roots.clone());
    let mut from_a = article(None, None, "A story.\nAdvertisement\n");
    assert_eq!(boilerplate.clean(&mut from_a, "/news/site-a/x/1.txt"), 1);
    let mut from_b = article(None, None, "A story.\nAdvertisement\n");
    assert_eq!(boilerplate.clean(&mut from_b, "/news/site-b/1.txt"), 0);
    // A folder whose name merely starts like a root is not under it.
    let mut beside = article(None, None, "A story.\nAdvertisement\n");
    assert_eq!(boilerplate.clean(&mut beside, "/news/site-a2/1.txt"), 0);
    assert_eq!(root_of(&roots, "/news/site-b/deep/2.txt"), "/news/site-b");
}
