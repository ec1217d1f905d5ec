use super::super::org_joins::COMPANY_HEADS;
use super::*;

fn repaired(text: &str, spans: &[(&str, usize)]) -> Vec<(String, usize)> {
    let mut mentions = super::super::tagger::mentions_at(text, spans);
    repair_mentions(text, &mut mentions);
    mentions
        .iter()
        .map(|m| (text[m.start..m.end].to_string(), m.kind))
        .collect()
}

#[test]
fn lists_hold_short_lowercase_words() {
    let lists = [
        PERSON_ONLY_TITLES,
        PLACE_HEADS,
        SURNAME_PLACE_HEADS,
        ORGANISATION_HEADS,
        COMPANY_HEADS,
        ORGANISATION_CUES_AFTER,
        ORGANISATION_CUES_BEFORE,
        EVENT_HEADS,
        STORM_WORDS,
        PERSONLESS_HEADS,
    ];
    for list in lists {
        for word in list {
            assert!(word.len() <= MAX_LISTED_WORD && word.to_lowercase() == *word);
            assert!(listed(list, &word.to_uppercase()), "{word}");
        }
    }
}

#[test]
fn repairs_names_the_tagger_cuts_or_mistypes() {
    type Case<'a> = (&'a str, &'a [(&'a str, usize)], &'a [(&'a str, usize)]);
    let cases: &[Case] = &[
        (
            "Sonya A. Zoghlin, his attorney, said.",
            &[("Sonya", 2), ("A. Zoghlin", 0)],
            &[("Sonya A. Zoghlin", 0)],
        ),
        (
            "U.S. Attorney James Kennedy Jr. said",
            &[("James Kennedy", 0)],
            &[("James Kennedy Jr.", 0)],
        ),
        (
            "Patrick Carlineo Jr., 55,",
            &[("Patrick Carlineo Jr.", 1)],
            &[("Patrick Carlineo Jr.", 0)],
        ),
        (
            "Senator Elizabeth Warren and",
            &[("Senator Elizabeth Warren", 1)],
            &[("Senator Elizabeth Warren", 0)],
        ),
        (
            "near Seventh Street today",
            &[("Seventh Street", 1)],
            &[("Seventh Street", 2)],
        ),
        (
            "the National Security Council said",
            &[("National Security Council", 0)],
            &[("National Security Council", 1)],
        ),
        (
            "General Motors said",
            &[("General Motors", 1)],
            &[("General Motors", 1)],
        ),
        (
            "Foreign Ministry said",
            &[("Foreign Ministry", 1)],
            &[("Foreign Ministry", 1)],
        ),
        ("Mr. A. Smith", &[("A. Smith", 0)], &[("A. Smith", 0)]),
        ("A. Smith", &[("A. Smith", 0)], &[("A. Smith", 0)]),
        ("é A. Smith", &[("A. Smith", 0)], &[("A. Smith", 0)]),
        (
            "the National Institute on Drug Abuse has",
            &[("National Institute", 1), ("Drug Abuse", 1)],
            &[("National Institute on Drug Abuse", 1)],
        ),
        (
            "the American University of Kabul",
            &[("American University", 1), ("Kabul", 2)],
            &[("American University of Kabul", 1)],
        ),
        (
            "The Steelers beat the Browns and Burns",
            &[("The Steelers", 0), ("Browns", 0), ("Burns", 0)],
            &[("The Steelers", 1), ("Browns", 1), ("Burns", 0)],
        ),
        (
            "Kia Motor Corp of South Korea",
            &[("Kia Motor Corp", 1), ("South Korea", 2)],
            &[("Kia Motor Corp", 1), ("South Korea", 2)],
        ),
        (
            "WeWork’s 12,000 employees left. WeWork said no.",
            &[("WeWork", 0), ("WeWork", 0)],
            &[("WeWork", 1), ("WeWork", 1)],
        ),
        (
            "said the research firm Oanda in a note",
            &[("Oanda", 2)],
            &[("Oanda", 1)],
        ),
        (
            "the University of Oxford and Smith",
            &[("University of Oxford", 1), ("Smith", 0)],
            &[("University of Oxford", 1), ("Smith", 0)],
        ),
    ];
    for (text, spans, expected) in cases {
        let expected: Vec<(String, usize)> =
            expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
        assert_eq!(repaired(text, spans), expected, "text: {text}");
    }
}

#[test]
fn a_name_filling_quotation_marks_is_a_title() {
    let text = "hits such as “Black Water,” and “Long Train Running” were played by Tom Johnston.";
    let got = repaired(
        text,
        &[
            ("Black Water", PERSON),
            ("Long Train Running", PERSON),
            ("Tom Johnston", PERSON),
        ],
    );
    let kinds: Vec<usize> = got.iter().map(|(_, kind)| *kind).collect();
    assert_eq!(kinds, [OTHER, OTHER, PERSON]);
}

#[test]
fn events_and_storms_are_other() {
    let text =
        "Spain won the Davis Cup before the PGA Championship; Hurricane Charley hit Florida.";
    let got = repaired(
        text,
        &[
            ("Davis Cup", PLACE),
            ("PGA Championship", ORGANIZATION),
            ("Hurricane Charley", PERSON),
            ("Florida", PLACE),
        ],
    );
    let kinds: Vec<usize> = got.iter().map(|(_, kind)| *kind).collect();
    assert_eq!(kinds, [OTHER, OTHER, OTHER, PLACE]);
}

#[test]
fn one_word_with_a_capital_inside_is_a_brand_unless_a_surname() {
    for brand in ["MtGox", "JetBlue", "WeWork"] {
        assert!(is_brand_like(brand), "{brand}");
    }
    for person in [
        "McDonald",
        "DeSantis",
        "MacArthur",
        "O'Neil",
        "Smith",
        "Jean-Luc",
        "NBCUniversal",
    ] {
        assert!(!is_brand_like(person), "{person}");
    }
    let text = "JetBlue said so.";
    assert_eq!(
        repaired(text, &[("JetBlue", PERSON)]),
        [("JetBlue".to_string(), ORGANIZATION)]
    );
}

#[test]
fn a_place_before_a_company_cue_stays_a_place() {
    // `stock` after `US` names a market, not a company's shares.
    let text = "US stock futures rose. The US government said WeWork shares fell.";
    let got = repaired(text, &[("US", PLACE), ("US", PLACE), ("WeWork", PERSON)]);
    let kinds: Vec<usize> = got.iter().map(|(_, kind)| *kind).collect();
    assert_eq!(kinds, [PLACE, PLACE, ORGANIZATION]);
}

#[test]
fn an_award_is_another_name() {
    let text = "He won the Philip K. Dick Award and the Heisman Trophy.";
    let got = repaired(
        text,
        &[
            ("Philip K. Dick Award", ORGANIZATION),
            ("Heisman Trophy", PERSON),
        ],
    );
    let kinds: Vec<usize> = got.iter().map(|(_, kind)| *kind).collect();
    assert_eq!(kinds, [OTHER, OTHER]);
}

#[test]
fn a_name_with_a_patronymic_is_a_persons() {
    // The tagger took these for organisations (a layout sample, the Kremlin corpus).
    let text = "Khertek Amyrbitovna Toka led the state. Vasich Serhiy Viktorovych was awarded. \
                The Verkhovna Rada voted.";
    let got = repaired(
        text,
        &[
            ("Khertek Amyrbitovna Toka", ORGANIZATION),
            ("Vasich Serhiy Viktorovych", ORGANIZATION),
            ("Verkhovna Rada", ORGANIZATION),
        ],
    );
    let kinds: Vec<usize> = got.iter().map(|(_, kind)| *kind).collect();
    // `Verkhovna` opens the name: no patronymic after a given name.
    assert_eq!(kinds, [PERSON, PERSON, ORGANIZATION]);
}

/// Regression (modern batch 8, Kremlin corpus): `Ukrainian-British Bilateral
/// Framework Agreement`, `UN Charter` (13 articles) were organisations.
#[test]
fn agreements_and_charters_are_other_names() {
    let text = "They signed the Bilateral Framework Agreement under the UN Charter. The Party of \
                Unity and Accord objected.";
    let got = repaired(
        text,
        &[
            ("Bilateral Framework Agreement", ORGANIZATION),
            ("UN Charter", ORGANIZATION),
            ("Party of Unity and Accord", ORGANIZATION),
        ],
    );
    let kinds: Vec<usize> = got.iter().map(|(_, kind)| *kind).collect();
    assert_eq!(kinds, [OTHER, OTHER, ORGANIZATION]);
}

#[test]
fn a_firm_named_for_its_partners_ends_in_and_co() {
    let text =
        "underwritten by Woolcott and Co, and by Mitsui & Co. in Tokyo, not Google and Apple.";
    let spans = [
        ("Woolcott", 1),
        ("Co", 2),
        ("Mitsui", 1),
        ("Co.", 1),
        ("Tokyo", 2),
        ("Google", 1),
        ("Apple", 1),
    ];
    let found = repaired(text, &spans);
    let names: Vec<&str> = found.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Woolcott and Co",
            "Mitsui & Co.",
            "Tokyo",
            "Google",
            "Apple"
        ]
    );
    assert_eq!(found[0].1, ORGANIZATION);
}

#[test]
fn a_center_is_no_person_but_may_stay_a_place() {
    let text = "Revention Music Center\n\nThey met at Rockefeller Center.";
    let found = repaired(
        text,
        &[("Revention Music Center", 0), ("Rockefeller Center", 2)],
    );
    assert_eq!(
        found,
        [
            ("Revention Music Center".to_string(), 1),
            ("Rockefeller Center".to_string(), 2)
        ]
    );
}
