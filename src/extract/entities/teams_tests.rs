use super::*;

fn mention(text: &str, needle: &str, kind: usize) -> Mention {
    let start = text.find(needle).expect("needle in text");
    Mention::new(start, start + needle.len(), kind)
}

/// The kinds after [`settle_teams`] of the tagged `(needle, kind)` spans of `text`.
fn kinds_after(text: &str, spans: &[(&str, usize)]) -> Vec<usize> {
    let mut mentions = super::super::tagger::mentions_at(text, spans);
    settle_teams(text, &mut mentions);
    mentions.iter().map(|m| m.kind).collect()
}

fn surfaces(text: &str, mentions: &[Mention]) -> Vec<(String, usize)> {
    mentions
        .iter()
        .map(|m| (text[m.start..m.end].to_string(), m.kind))
        .collect()
}

#[test]
fn a_results_line_splits_at_the_result_word_and_both_sides_are_teams() {
    let text = "Palm Bay d. Rockledge 70-44\n\nPalm Bay (1-0): Tolivert 25 points.";
    let mut mentions = vec![
        mention(text, "Palm Bay d. Rockledge", PERSON),
        mention(text, "Tolivert", PERSON),
    ];
    mentions[1].start = text.rfind("Tolivert").unwrap_or(0);
    mentions[1].end = mentions[1].start + "Tolivert".len();
    settle_teams(text, &mut mentions);
    assert_eq!(
        surfaces(text, &mentions),
        [
            ("Palm Bay".to_string(), ORGANIZATION),
            ("Rockledge".to_string(), ORGANIZATION),
            ("Tolivert".to_string(), PERSON),
        ]
    );
}

#[test]
fn a_town_or_state_that_wins_or_has_a_record_is_a_team_a_country_stays_a_place() {
    let text = "Salina South beat Trinity Academy on Saturday. Heritage (1-0) won. \
                Spain beat France 3-2. She lives in Ohio. A. Smith 45-3. Minnesota beat Buffalo.";
    let kinds = kinds_after(
        text,
        &[
            ("Salina South", PLACE),
            ("Trinity Academy", PLACE),
            ("Heritage", PLACE),
            ("Spain", PLACE),
            ("France", PLACE),
            ("Ohio", PLACE),
            ("A. Smith", PERSON),
            ("Minnesota", PLACE),
            ("Buffalo", PLACE),
        ],
    );
    assert_eq!(
        kinds,
        [
            ORGANIZATION,
            ORGANIZATION,
            ORGANIZATION,
            PLACE,
            PLACE,
            PLACE,
            PERSON,
            ORGANIZATION,
            ORGANIZATION
        ]
    );
}

#[test]
fn a_name_with_a_statistic_is_a_player_and_one_heading_a_roundup_with_a_record_a_team() {
    let text =
        "Lakeview (1-0): Orrin 25 points. Castell 6 steals.\nOrrin (5-2) allowed two runs.\nEssex 24 points.";
    let mut mentions = vec![
        mention(text, "Lakeview", PERSON),
        mention(text, "Orrin", PERSON),
        mention(text, "Castell", ORGANIZATION),
    ];
    let second = text.rfind("Orrin").expect("second Orrin");
    mentions.push(Mention {
        start: second,
        end: second + "Orrin".len(),
        ..mentions[1].clone()
    });
    mentions.push(mention(text, "Essex", ORGANIZATION));
    settle_teams(text, &mut mentions);
    let kinds: Vec<usize> = mentions.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, [ORGANIZATION, PERSON, PERSON, PERSON, ORGANIZATION]);
}

#[test]
fn a_city_tagged_an_organisation_is_the_city_unless_the_article_is_about_sport() {
    let text = "The band plays Seattle on May 3 and Houston on May 9.";
    let mut mentions = vec![
        mention(text, "Seattle", ORGANIZATION),
        mention(text, "Houston", ORGANIZATION),
    ];
    settle_teams(text, &mut mentions);
    assert!(mentions.iter().all(|m| m.kind == PLACE));
    let text = "The coach said Cleveland will start its backup quarterback as the season ends.";
    let mut mentions = vec![mention(text, "Cleveland", ORGANIZATION)];
    settle_teams(text, &mut mentions);
    assert_eq!(mentions[0].kind, ORGANIZATION);
    let text = "STANDINGS\nBOSTON 69 65 .515 5\nSEATTLE 70 63 .526 5";
    let mut mentions = vec![mention(text, "BOSTON", ORGANIZATION)];
    settle_teams(text, &mut mentions);
    assert_eq!(mentions[0].kind, ORGANIZATION);
}

#[test]
fn a_date_or_a_year_range_after_a_place_is_no_score() {
    assert!(!starts_with_score(" 2019-2020 season"));
    assert!(!starts_with_score("-based firm"));
    assert!(starts_with_score(" 24-17 on Sunday"));
    assert!(starts_with_score(" (0-1): Blakely"));
}

#[test]
fn a_plural_nickname_in_a_sports_article_is_a_team() {
    let text = "Wild 4, Sabres 1: Zach Parise scored twice as the coach watched the Devils \
                lose. The Huskies (4-7, 3-4) lost the game.";
    let kinds = kinds_after(
        text,
        &[
            ("Wild", ORGANIZATION),
            ("Sabres", PERSON),
            ("Zach Parise", PERSON),
            ("Devils", PERSON),
            ("Huskies", OTHER),
        ],
    );
    assert_eq!(
        kinds,
        [
            ORGANIZATION,
            ORGANIZATION,
            PERSON,
            ORGANIZATION,
            ORGANIZATION
        ]
    );
}

#[test]
fn groups_of_people_surnames_and_figures_are_no_team() {
    // Each text is about sport (three sports words), and each mention keeps its kind.
    let cases: &[(&str, &str, usize)] = &[
        ("The coach said the Serbs won the game and the match in the season.", "Serbs", OTHER),
        ("The coach saw the Americans win the game of the season.", "Americans", PERSON),
        ("Serena Williams beat Venus; the coach said the Williams game was a match of the season.", "Williams", PERSON),
        ("Bowling: Lewis 23-3-112-0 in the match, the game of the season, the coach said.", "Lewis", PERSON),
        ("The coach said the Olympics were the game of the season and a match.", "Olympics", PLACE),
    ];
    for (text, name, kind) in cases {
        // The last occurrence: `Williams` after `the`, not inside `Serena Williams`.
        let start = text.rfind(name).expect("name in text");
        let mut mentions = vec![Mention::new(start, start + name.len(), *kind)];
        if text.starts_with("Serena") {
            mentions.insert(0, mention(text, "Serena Williams", PERSON));
        }
        settle_teams(text, &mut mentions);
        assert_eq!(mentions.last().map(|m| m.kind), Some(*kind), "text: {text}");
    }
}

#[test]
fn a_nickname_before_a_record_is_a_team_wherever_the_article_names_it() {
    let text = "The Eagles (6-5, 3-4) beat the Huskies (4-7, 3-4) on Tuesday. The Eagles led \
                at halftime. Huskies quarterback Marcus Childers was intercepted.";
    let last_eagles = text.rfind("Eagles").expect("second Eagles");
    let mut mentions = vec![
        Mention::new(last_eagles, last_eagles + "Eagles".len(), OTHER),
        mention(text, "Huskies quarterback", PERSON),
    ];
    mentions[1].end = mentions[1].start + "Huskies".len();
    mentions.sort_by_key(|m| m.start);
    settle_teams(text, &mut mentions);
    let found = surfaces(text, &mentions);
    assert_eq!(
        found,
        [
            ("Eagles".to_string(), ORGANIZATION),
            ("Huskies".to_string(), ORGANIZATION),
            ("Eagles".to_string(), ORGANIZATION),
            ("Huskies".to_string(), ORGANIZATION),
        ]
    );
}

#[test]
fn a_wide_character_before_a_record_does_not_panic() {
    // Regression: the nickname's start was taken one byte after a `’`.
    let text = "the ’Huskies (4-7) and “Eagles (6-5) and é (1-0)";
    let mut mentions = Vec::new();
    settle_teams(text, &mut mentions);
    assert_eq!(
        surfaces(text, &mentions),
        [
            ("Huskies".to_string(), ORGANIZATION),
            ("Eagles".to_string(), ORGANIZATION)
        ]
    );
}
