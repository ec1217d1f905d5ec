use super::super::tests::mentions_of;
use super::*;

fn persons_after_join(text: &str, names: &[&str]) -> Vec<String> {
    let mut mentions = mentions_of(text, names, PERSON);
    mentions.sort_by_key(|mention| mention.start);
    join_given_names(text, &mut mentions);
    mentions
        .iter()
        .map(|mention| text[mention.start..mention.end].to_string())
        .collect()
}

#[test]
fn a_given_name_before_a_surname_joins_it() {
    assert_eq!(
        persons_after_join("The talks ended. Vladimir Putin said so.", &["Putin"]),
        ["Vladimir Putin"]
    );
    assert_eq!(
        persons_after_join("the move of Sheldon Richardson to", &["Richardson"]),
        ["Sheldon Richardson"]
    );
    assert_eq!(
        persons_after_join("that Hillary Clinton would", &["Hillary", "Clinton"]),
        ["Hillary Clinton"]
    );
}

#[test]
fn roles_places_and_common_words_stay_out() {
    let cases: &[(&str, &str)] = &[
        ("Unseeded Patrick Rafter won", "Patrick Rafter"),
        ("in Virginia Smith said", "Smith"),
        ("What Will Smith said", "Smith"),
        ("the man, Vladimir, Putin said", "Putin"),
        ("VLADIMIR Putin", "Putin"),
        ("the ex-Vladimir Putin", "Putin"),
    ];
    for (text, name) in cases {
        assert_eq!(persons_after_join(text, &[name]), [*name], "text: {text}");
    }
}

#[test]
fn particles_and_the_surname_after_them_join_the_name() {
    let text = "Fritz Eckart von Weizsäcker was stabbed. Edwin van der Sar saved it.";
    let mut mentions = vec![
        Mention::new(0, "Fritz Eckart".len(), PERSON),
        Mention::new(
            text.find("Edwin").unwrap(),
            text.find(" van").unwrap(),
            PERSON,
        ),
        Mention::new(
            text.find("Sar").unwrap(),
            text.find(" saved").unwrap(),
            PERSON,
        ),
    ];
    join_name_particles(text, &mut mentions);
    let names: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(names, ["Fritz Eckart von Weizsäcker", "Edwin van der Sar"]);
    let text = "Smith de facto ran it; Jones de la Cruz said; Brown da Silva.";
    let mut mentions = vec![Mention::new(0, 5, PERSON)];
    join_name_particles(text, &mut mentions);
    assert_eq!(mentions[0].end, 5);
}

#[test]
fn an_article_alone_is_no_particle() {
    let text = "Wachstum der Open-Source-Organisation";
    let mut mentions = vec![Mention::new(0, "Wachstum".len(), PERSON)];
    join_name_particles(text, &mut mentions);
    assert_eq!(mentions[0].end, "Wachstum".len());
}

fn untagged_full_names(text: &str) -> Vec<&str> {
    let mut mentions = Vec::new();
    add_untagged_full_names(text, &mut mentions);
    mentions.iter().map(|m| &text[m.start..m.end]).collect()
}

#[test]
fn an_untagged_given_name_and_surname_make_a_person() {
    assert_eq!(
        untagged_full_names("As Emily Feng reports for NPR, the cases came."),
        ["Emily Feng"]
    );
    assert_eq!(
        untagged_full_names("The deal, said Travis Oliphant, was done."),
        ["Travis Oliphant"]
    );
}

#[test]
fn longer_names_companies_places_and_headlines_are_left_alone() {
    for text in [
        "They met at Madison Square Garden on Friday.",
        "He drove to Beverly Hills that night.",
        "Shares of Tyson Foods rose.",
        "A film by Warner Bros was shown.",
        "The Emily Feng Memorial Prize went to her.",
        "Why Emily Feng Reports For Everyone Now",
    ] {
        assert!(untagged_full_names(text).is_empty(), "text: {text}");
    }
}

#[test]
fn a_given_name_and_a_surname_tagged_a_place_are_a_person() {
    let text = "He fired a shot at Matt Murray. He flew to Santo Domingo and Beverly Hills.";
    let mut mentions = mentions_of(
        text,
        &["Matt Murray", "Santo Domingo", "Beverly Hills"],
        PLACE,
    );
    settle_given_name_pairs(text, &mut mentions);
    let kinds: Vec<usize> = mentions.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, [PERSON, PLACE, PLACE]);
}

/// Regression (mbox layout sample): `Dolby – Frédéric Gabin` gave an
/// organisation (the list writes `frederic`), and `Kyle Rittenhouse`,
/// `Elizabeth Warren` were organisations in headlines; a company named after
/// its founder stays a company.
#[test]
fn a_given_name_and_a_surname_tagged_an_organisation_are_a_person() {
    let text =
        "Dolby – Frédéric Gabin spoke. Elizabeth Warren won. Olin Corp, Boyd Gaming and Hilton Hotel rose.";
    let mut mentions = mentions_of(
        text,
        &[
            "Frédéric Gabin",
            "Elizabeth Warren",
            "Olin Corp",
            "Boyd Gaming",
            "Hilton Hotel",
        ],
        ORGANIZATION,
    );
    settle_given_name_pairs(text, &mut mentions);
    let kinds: Vec<usize> = mentions.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [PERSON, PERSON, ORGANIZATION, ORGANIZATION, ORGANIZATION]
    );
}

#[test]
fn a_role_in_capitals_splits_a_team_from_its_player() {
    let text = "Browns DL Sheldon Richardson, however, stayed. Acme CTO Jane Doe spoke.";
    let mut mentions = vec![
        Mention::new(0, "Browns DL Sheldon Richardson".len(), PERSON),
        Mention::new(
            text.find("Acme").unwrap(),
            text.find(" spoke").unwrap(),
            PERSON,
        ),
    ];
    split_role_abbreviations(text, &mut mentions);
    let found: Vec<(&str, usize)> = mentions
        .iter()
        .map(|m| (&text[m.start..m.end], m.kind))
        .collect();
    assert_eq!(
        found,
        [
            ("Browns", ORGANIZATION),
            ("Sheldon Richardson", PERSON),
            ("Acme", ORGANIZATION),
            ("Jane Doe", PERSON)
        ]
    );
    let text = "John F. Kennedy and Mary Ann Smith";
    let mut mentions = vec![Mention::new(0, 14, PERSON)];
    split_role_abbreviations(text, &mut mentions);
    assert_eq!(mentions.len(), 1);
}

#[test]
fn the_list_holds_given_names_not_words() {
    assert!(is_given_name("Vladimir"));
    assert!(is_given_name("hillary"));
    assert!(!is_given_name("Will"));
    assert!(!is_given_name("Virginia"));
    assert!(!is_given_name("Unseeded"));
}

#[test]
fn a_place_or_company_word_tagged_a_person_takes_no_given_name() {
    // Regression (Reuters financial): `Hills` tagged a person became `Beverly Hills`.
    assert_eq!(
        persons_after_join("announced in Beverly Hills, Calif., today", &["Hills"]),
        ["Hills"]
    );
    let text = "the Rana Plaza disaster";
    let start = text.find("Rana").expect("name in text");
    let mut mentions = vec![Mention::new(start, start + "Rana Plaza".len(), PLACE)];
    settle_given_name_pairs(text, &mut mentions);
    assert_eq!(mentions[0].kind, PLACE);
}

/// Regression (AP 1989 sample): `Commissioner Butch Callery` was tagged as
/// `Butch` alone, so the quote's speaker was `Callery`, not the full name.
#[test]
fn a_surname_named_alone_elsewhere_joins_the_one_word_person_before_it() {
    let text = "Commissioner Butch Callery spoke. “We will help,” said Callery. Lee Ann wrote.";
    let at = |needle: &str| {
        let start = text.find(needle).expect("name in text");
        Mention::new(start, start + needle.len(), PERSON)
    };
    let mut mentions = vec![at("Butch"), at("Callery."), at("Lee")];
    mentions[1].end -= 1;
    join_surnames_named_alone(text, &mut mentions);
    let names: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
    // `Ann` is named nowhere alone: `Lee` stays as it was.
    assert_eq!(names, ["Butch Callery", "Callery", "Lee"]);
}
