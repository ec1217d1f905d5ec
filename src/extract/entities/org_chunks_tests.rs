use super::super::tests::names_and_kinds as names;

fn has(text: &str, name: &str, kind: &str) -> bool {
    names(text).iter().any(|(n, k)| n == name && k == kind)
}

#[test]
fn a_long_name_is_found_by_its_head_word_over_of_for_and_and() {
    let text = "The couple was quarantined, and the Chinese Center for Disease Control and \
                Prevention said it had confirmed the case on Tuesday.";
    assert!(
        has(
            text,
            "Chinese Center for Disease Control and Prevention",
            "organization"
        ),
        "{:?}",
        names(text)
    );
    let text =
        "Esper said in a speech to the Diplomatic Academy of Vietnam, a government university.";
    assert!(
        has(text, "Diplomatic Academy of Vietnam", "organization"),
        "{:?}",
        names(text)
    );
    let text = "Officers from the Lakeside Police Department Gang Suppression Unit made a stop.";
    assert!(
        has(
            text,
            "Lakeside Police Department Gang Suppression Unit",
            "organization"
        ),
        "{:?}",
        names(text)
    );
}

#[test]
fn a_possessive_ends_the_name_before_it_and_a_holder_is_split_off() {
    let text = "NASA’s Office of the Inspector General released two critical reports last week.";
    let found = names(text);
    assert!(
        found.contains(&(
            "Office of the Inspector General".into(),
            "organization".into()
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&("NASA".into(), "organization".into())),
        "{found:?}"
    );
    let text = "Deputy Head of the Office of the President of Ukraine Ihor Zhovkva held a meeting.";
    let found = names(text);
    assert!(
        found.contains(&(
            "Office of the President of Ukraine".into(),
            "organization".into()
        )),
        "{found:?}"
    );
    assert!(
        found.contains(&("Ihor Zhovkva".into(), "person".into())),
        "{found:?}"
    );
}

#[test]
fn a_lone_head_or_a_sentence_opening_word_makes_no_name() {
    let text = "Council members met on Monday. Police said the road was closed, and Union \
                officials agreed.";
    let found = names(text);
    assert!(
        found.iter().all(|(name, _)| !name.contains(' ')),
        "{found:?}"
    );
}

#[test]
fn streets_and_seas_are_places_and_two_joined_by_and_are_two() {
    let text = "Officers made a traffic stop near Seventh Street and Central Avenue in the city.";
    let found = names(text);
    assert!(
        found.contains(&("Seventh Street".into(), "place".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("Central Avenue".into(), "place".into())),
        "{found:?}"
    );
    let text =
        "A fleet sailed into the Sea of Azov on Monday, and a crowd gathered on 17th Street.";
    let found = names(text);
    assert!(
        found.contains(&("Sea of Azov".into(), "place".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("17th Street".into(), "place".into())),
        "{found:?}"
    );
}

#[test]
fn a_name_the_tagger_splits_is_taken_whole_but_a_nationality_stays_apart() {
    let text =
        "Rates may rise before the next Federal Open Market Committee meeting on September 24.";
    let found = names(text);
    assert!(
        found.contains(&(
            "Federal Open Market Committee".into(),
            "organization".into()
        )),
        "{found:?}"
    );
    let text = "The National Highway Traffic Safety Administration said so on Monday.";
    let found = names(text);
    assert!(
        found.contains(&(
            "National Highway Traffic Safety Administration".into(),
            "organization".into()
        )),
        "{found:?}"
    );
    let text = "A spokesman for the German Foreign Ministry said talks would go on.";
    let found = names(text);
    assert!(
        found.contains(&("Foreign Ministry".into(), "organization".into())),
        "{found:?}"
    );
}

#[test]
fn a_newspaper_is_found_by_its_head() {
    let text = "The report appeared in Nezavisimaya Gazeta on Friday, the paper said.";
    let found = names(text);
    assert!(
        found.contains(&("Nezavisimaya Gazeta".into(), "organization".into())),
        "{found:?}"
    );
}

#[test]
fn the_walk_back_from_a_head_stops_after_twelve_words() {
    // A long run of capitals (`Council Council …`) once cost the square of its
    // line; no name has that many words before its head anyway.
    let text = "they met the Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda \
                Mu Nu Xi Council on Monday";
    let heads = super::Heads::new(&[super::ORGANISATION_HEADS], super::ORGANIZATION);
    let words = super::words_of(text, 0);
    let chunks = super::chunks_of_line(&heads, text, &words, &[], &[]);
    let names: Vec<&str> = chunks
        .iter()
        .map(|(start, end)| &text[*start..*end])
        .collect();
    assert_eq!(
        names,
        ["Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Council"]
    );
}

#[test]
fn forces_chiefs_and_guards_head_organisations() {
    let text = "He met the Chairman of the Joint Chiefs of Staff, General Mark Milley, and \
                thanked the Armed Forces of Ukraine for their work.";
    assert!(
        has(text, "Joint Chiefs of Staff", "organization"),
        "{:?}",
        names(text)
    );
    assert!(
        has(text, "Armed Forces of Ukraine", "organization"),
        "{:?}",
        names(text)
    );
    // A rank word ends a name only before a holder's name.
    let text = "A report by the Office of the Inspector General of the Navy said so.";
    let long_name = "Office of the Inspector General of the Navy";
    assert!(has(text, long_name, "organization"), "{:?}", names(text));
    let text = "He met the Director of the Diplomatic Cabinet of the Prime Minister of Greece.";
    let long_name = "Diplomatic Cabinet of the Prime Minister of Greece";
    assert!(has(text, long_name, "organization"), "{:?}", names(text));
    let text = "He spoke at the Council on Foreign Relations in New York.";
    let long_name = "Council on Foreign Relations";
    assert!(has(text, long_name, "organization"), "{:?}", names(text));
}

#[test]
fn a_rank_before_a_name_ends_a_long_name() {
    let text = "He met the Joint Chiefs of Staff General Mark Milley in Kyiv.";
    assert!(
        !names(text).iter().any(|(name, _)| name.contains("General")),
        "{:?}",
        names(text)
    );
}

/// Regression (issue 13): `Zacks` was a person in the NewsML sample's AP
/// earnings reports, where the tagger missed `Zacks Investment Research`.
#[test]
fn a_company_the_tagger_missed_is_found_by_its_company_word() {
    let text = "The average estimate of four analysts surveyed by Zacks Investment Research \
                was for earnings of 41 cents per share. Four analysts surveyed by Zacks \
                expected $129.1 million.";
    let found = names(text);
    assert!(
        has(text, "Zacks Investment Research", "organization"),
        "{found:?}"
    );
    assert!(!found.iter().any(|(_, kind)| kind == "person"), "{found:?}");
}

/// A company word inside a longer name, or after a word describing the
/// company, cuts nothing.
#[test]
fn a_company_word_inside_a_longer_name_cuts_nothing() {
    let cases = [
        (
            "She taught at the New School for Social Research in Manhattan.",
            "Social Research",
        ),
        (
            "It sold its stake in Merchant Bank of Sri Lanka Ltd. on Monday.",
            "Sri Lanka Ltd",
        ),
        (
            "He trained at the Yury Gagarin Research and Test Cosmonaut Training Centre.",
            "Yury Gagarin Research",
        ),
        (
            "He worked at the Vernadsky Research Base until spring.",
            "Vernadsky Research",
        ),
        (
            "BlackBerry maker Research In Motion Ltd. has received an inquiry.",
            "Motion Ltd",
        ),
        (
            "The deal was handled by London-based Nomura International on Friday.",
            "London-based Nomura International",
        ),
    ];
    for (text, fragment) in cases {
        let found = names(text);
        assert!(
            !found.iter().any(|(name, _)| name == fragment),
            "{text}: {found:?}"
        );
    }
}
