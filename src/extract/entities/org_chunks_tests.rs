use super::super::extract_entities;

/// The entities of `text` as `(name, kind)` pairs.
fn names(text: &str) -> Vec<(String, String)> {
    extract_entities(text)
        .into_iter()
        .map(|entity| (entity.name, format!("{:?}", entity.kind).to_lowercase()))
        .collect()
}

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
