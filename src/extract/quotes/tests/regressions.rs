//! One regression test per bug found on real articles.

use super::*;

/// The speaker names of the quotations of `text`, given the article's `entities`.
pub(super) fn speaker_names(text: &str, entities: &[Entity]) -> Vec<Option<String>> {
    extract_quotes(text, entities)
        .into_iter()
        .map(|quote| quote.speaker_name)
        .collect()
}

/// Persons of the article, by name.
pub(super) fn persons(names: &[&str]) -> Vec<Entity> {
    names
        .iter()
        .map(|name| Entity {
            name: (*name).into(),
            kind: EntityKind::Person,
        })
        .collect()
}

/// Regression: a sentence opening with a participle of a speech verb right at
/// the start of the article (`Saying that officials “…”`) underflowed the
/// token index while looking for the participle's subject.
#[test]
fn a_participle_opening_the_article_does_not_underflow() {
    let cases: &[&str] = &[
        "Saying that officials \"rushed us to judgment\" on a plan, Councilman Bob Smith charged Thursday that the vote was rigged.",
        "Saying “we will not back down now,” Smith left.",
        "saying “we will not back down now,” Smith left.",
        "\n\nSaying “we will not back down now,” Smith left.",
    ];
    for text in cases {
        let found = quotes(text);
        assert!(found.len() <= 1, "text: {text}");
    }
}

#[test]
fn a_role_stands_for_the_one_introduced_with_it_or_for_no_one() {
    let cases: Cases = &[
        (
            "Naftogaz CEO Andriy Kobolyev spoke on Monday.\n\n“We will not pay for that gas,” the Naftogaz CEO said.",
            &[Some("Andriy Kobolyev")],
        ),
        (
            "“We lost the baby last week,” James Van Der Beek said.\n\n“It makes you more human,” said the actor.",
            &[Some("James Van Der Beek"), Some("James Van Der Beek")],
        ),
        (
            "The Ministry of Foreign Affairs issued a note.\n\n“We reject the claims made today,” the ministry said.",
            &[Some("Ministry of Foreign Affairs")],
        ),
        // Nobody was introduced: no guess.
        ("“We will not pay for this,” the actor said.", &[None]),
        ("“We will not pay for this,” the ministry said.", &[None]),
    ];
    check(cases, speakers);
}

/// Regression: `the President of Ukraine emphasized` gave the office as the
/// speaker where the release had named the holder with it (found on the
/// modern dev set's batch 6, annotated before it was looked at).
#[test]
fn an_office_stands_for_the_person_named_after_it() {
    let cases: Cases = &[
        (
            "President of Ukraine Volodymyr Zelenskyy had a call with President of Poland Andrzej Duda.\n\n\
             \"Democratic values unite our states and people,\" the President of Ukraine emphasized.",
            &[Some("Volodymyr Zelenskyy")],
        ),
        (
            "President of Ukraine Volodymyr Zelenskyy had a call with President of Poland Andrzej Duda.\n\n\
             \"We will stand with our neighbours,\" the President of Poland said.",
            &[Some("Andrzej Duda")],
        ),
    ];
    check(cases, speakers);
    // An organisation speaks for itself, not through its head.
    let by_office = speakers(
        "Head of the Office of the President Andriy Yermak met the envoys.\n\n\
         \"The talks will go on next week,\" the Office of the President said.",
    );
    assert_ne!(by_office, [Some("Andriy Yermak".to_string())]);
    let entities = [Entity {
        name: "Volodymyr Zelenskyy".to_string(),
        kind: EntityKind::Person,
    }];
    let text = "President of Ukraine Volodymyr Zelenskyy spoke on Monday.\n\n\
                \"We are grateful to our partners,\" the President of Ukraine said.";
    let found = extract_quotes(text, &entities);
    assert_eq!(
        found[0].speaker_name.as_deref(),
        Some("Volodymyr Zelenskyy")
    );
}

#[test]
fn a_pronoun_prefers_the_subject_of_the_nearest_sentence_naming_someone() {
    let cases: Cases = &[
        (
            "Ilhan Omar asked for compassion during Patrick Carlineo’s sentencing. She added, “We must teach the defendant love.”",
            &[Some("Ilhan Omar")],
        ),
        (
            "Taylor Swift’s albums were bought by a firm owned by manager Scooter Braun. In a post she called it “the worst case scenario”.",
            &[Some("Taylor Swift")],
        ),
    ];
    check(cases, speakers);
}

#[test]
fn names_after_a_preposition_or_with_a_suffix_or_a_modal_first_name() {
    let cases: Cases = &[
        // The subject is the ambassador, not the country named in the description.
        (
            "China’s ambassador to Britain accused the UK of meddling and warned that “we will not sit on our hands”.",
            &[None],
        ),
        (
            "U.S. Attorney James Kennedy Jr. said the case shows people may not “make threats to harm lawmakers”.",
            &[Some("James Kennedy Jr")],
        ),
        (
            "“It was an attempt to mislead voters,’’ Will Moy, chief executive of Full Fact, told the BBC.",
            &[Some("Will Moy")],
        ),
        (
            "Liu said that the army could be deployed in Beijing, warning: “They are already there in the garrison.”",
            &[Some("Liu")],
        ),
    ];
    check(cases, speakers);
}

#[test]
fn a_name_before_a_relative_clause_is_the_subject() {
    let cases: Cases = &[(
        "In a reflection of the confusion, the Electoral Commission, which regulates campaign finances, issued a statement warning that “voters are entitled to transparency.”",
        &[Some("Electoral Commission")],
    )];
    check(cases, speakers);
}

/// Regression: a speaker's name wrapped over two lines kept the line break in
/// `speaker_name`, and markup or identifiers between straight quotes were reported.
#[test]
fn wrapped_names_are_one_line_and_markup_is_no_quotation() {
    let cases: Cases = &[
        (
            "\"Banks fear little about the euro,\" Director George\nMucibabici told a colloquium.",
            &[Some("George Mucibabici")],
        ),
        (
            "<media-reference mime-type=\"image/jpeg\" source=\"a b c\" />",
            &[],
        ),
        (
            "{\"id\": \"dafe3110-4a9e-11e6-acbc-4d4870a079da\", \"x\": 1}",
            &[],
        ),
    ];
    check(cases, speakers);
}

#[test]
fn backtick_quotes_of_the_ap_wire_are_quotations() {
    let text = "   ``The contemporaries of the '60s are some of the filmmakers of\nthe '80s. It's natural,'' said Robert Friedman, a studio executive.";
    let entities = vec![Entity {
        name: "Robert Friedman".to_string(),
        kind: EntityKind::Person,
    }];
    let quotes = extract_quotes(text, &entities);
    assert_eq!(quotes.len(), 1);
    assert!(quotes[0].text.starts_with("The contemporaries of the '60s"));
    assert!(quotes[0].text.ends_with("It's natural"));
    assert_eq!(quotes[0].speaker_name.as_deref(), Some("Robert Friedman"));
}

/// Regression (issue 13): `he` went to a product the tagger took for a
/// person, named first in the sentence before, not to the person named in full.
#[test]
fn a_pronoun_prefers_the_person_named_in_full() {
    let text = "“It is a cloud platform,” said Jack Buser, director for games at Google.\n\n\
                The key to Zorbia’s success, says Buser, is the network. “We have one of the largest private networks in the world,” he says.";
    let entities = [
        Entity {
            name: "Jack Buser".to_string(),
            kind: EntityKind::Person,
        },
        Entity {
            name: "Zorbia".to_string(),
            kind: EntityKind::Person,
        },
    ];
    let quotes = extract_quotes(text, &entities);
    let speakers: Vec<Option<&str>> = quotes.iter().map(|q| q.speaker_name.as_deref()).collect();
    assert_eq!(speakers, [Some("Jack Buser"), Some("Jack Buser")]);
}

/// Regression (AP copy): `X quoted Y as saying` gave the quotation to no one
/// or to the agency; the quoted person speaks.
#[test]
fn the_person_quoted_as_saying_is_the_speaker() {
    let cases: Cases = &[
        (
            "“Some 250 plants have joined this work,” the agency quoted Igor Belousov as saying. “More will follow next year.”",
            &[Some("Igor Belousov"), Some("Igor Belousov")],
        ),
        (
            "The newspaper quoted Maria Lind, a deputy minister, as saying: “We will not sign it.”",
            &[Some("Maria Lind")],
        ),
        (
            "Maria Lind spoke on Monday.\n\nThe radio quoted her as saying “we will not sign it today.”",
            &[Some("Maria Lind")],
        ),
        (
            "The paper cited Hirohisa Fujii as telling reporters that “talks are just beginning now.”",
            &[Some("Hirohisa Fujii")],
        ),
        // A description is nobody named: not the one who quotes, nor the
        // source the next sentence opens with.
        (
            "The paper cited an unnamed official as stating that “it would be irresponsible to pledge more.” According to Yomiuri Shimbun, the ministry is worried.",
            &[None],
        ),
        (
            "Reuters quoted a senior official as saying “the talks have failed for now.”",
            &[None],
        ),
    ];
    check(cases, speakers);
}

/// Regression (AP copy): a quoted fragment inside a sentence closed by its
/// attribution (`“…” of a trial, said Foley.`) had no speaker, nor had the
/// quotation continuing it.
#[test]
fn an_attribution_closing_the_sentence_names_the_fragment_speaker() {
    let cases: Cases = &[
        (
            "“There are ways a president can become a part” of a trial, said Thomas Foley. “But an appearance in court is discouraged.”",
            &[Some("Thomas Foley"), Some("Thomas Foley")],
        ),
        (
            "“The plan will cost far more than planned” and hurt growth, Anna Kovac said Sunday.",
            &[Some("Anna Kovac")],
        ),
        // A new statement after the comma attributes nothing.
        (
            "“The plan will cost far more than planned” and hurt growth, Anna Kovac said the report showed.",
            &[None],
        ),
    ];
    check(cases, speakers);
}

/// Regression (AP copy): `“Still,” said Bornet, “…”`: the inverted
/// attribution between a one-word quotation and the quotation went unread, and
/// the previous speaker was taken.
#[test]
fn an_inverted_attribution_between_quotations_names_the_speaker() {
    let text = "“We lost the vote,” said Thomas Cronin.\n\n“Still,” said Vincent Bornet, “the record will be hard to erase, I can tell you.”";
    assert_eq!(
        speakers(text),
        vec![
            Some("Thomas Cronin".to_string()),
            Some("Vincent Bornet".to_string())
        ]
    );
}

/// Regression (AP copy): `said another African, a student …` made `African` the speaker.
#[test]
fn a_nationality_describing_someone_is_no_speaker() {
    let cases: Cases = &[
        (
            "“They treated us like animals,” said another African, a student at the college. “They hit us.”",
            &[None, None],
        ),
        (
            "“They treated us like animals,” said a Nigerian student at the college.",
            &[None],
        ),
    ];
    check(cases, speakers);
}

/// Regression (AP copy): where one person is `Mrs. Yelder`, a later `he said`
/// found no one: the title's gender had passed to the bare surname of her
/// husband, named `Yelder` as agency style names men.
#[test]
fn a_gendered_title_does_not_pass_to_a_bare_surname() {
    let text = "“I never heard of that,” said Mrs. Yelder.\n\nYelder, who has been unemployed for years, does the cooking.\n\n“My wife is the breadwinner,” he said.";
    let entities = persons(&["Yelder"]);
    let found = speaker_names(text, &entities);
    assert_eq!(
        found,
        vec![Some("Yelder".to_string()), Some("Yelder".to_string())]
    );
}

/// Regression (FBIS copy): `“… .” According to Yomiuri Shimbun, the ministry
/// is worried.` gave the quotation to the next sentence's source.
#[test]
fn according_to_opening_the_next_sentence_attributes_nothing_before_it() {
    let cases: Cases = &[
        (
            "“We will not sign it today.” According to Yomiuri Shimbun, the ministry is worried.",
            &[None],
        ),
        (
            "“We will not sign it today,” according to Yomiuri Shimbun.",
            &[Some("Yomiuri Shimbun")],
        ),
    ];
    check(cases, speakers);
}

/// Regression (AP copy): `“…,” 8-year-old Armen Kazaryan said` had no
/// speaker: an age before the name was taken for the start of a new sentence.
#[test]
fn an_age_before_the_name_keeps_the_attribution() {
    let text = "“Let him return my mother,” 8-year-old Armen Kazaryan said from his hospital bed.";
    assert_eq!(speakers(text), vec![Some("Armen Kazaryan".to_string())]);
}

/// Regression (FBIS copy): `… access to the Japanese consumers, it charged`
/// gave the quotation to `Japanese`, a nationality the tagger took for an
/// organisation, as what `it` stands for.
#[test]
fn it_never_stands_for_a_nationality() {
    let text = "The Frankfurter Rundschau said Europe should wait. The U.S. “first and foremost” wants access to the Japanese consumers, it charged.";
    let entities = [Entity {
        name: "Japanese".into(),
        kind: EntityKind::Organization,
    }];
    let found = speaker_names(text, &entities);
    assert_ne!(found, vec![Some("Japanese".to_string())]);
}

/// Regression: `the President said` after talks of two presidents went to the
/// one named last (found on modern batch 7, annotated before it was looked
/// at): of several holders of a role, the one the article names most, then
/// the one bearing the role unqualified, stands for it.
#[test]
fn a_role_held_by_several_stands_for_the_main_holder() {
    let cases: Cases = &[
        (
            "This was stated by President Volodymyr Zelenskyy after talks with President of the \
             Slovak Republic Zuzana Čaputová in Kyiv. \"It is difficult for us in the east,\" the \
             President said.",
            &[Some("Volodymyr Zelenskyy")],
        ),
        (
            "President Volodymyr Zelenskyy met President Andrzej Duda. Andrzej Duda spoke first. \
             Andrzej Duda thanked the hosts. \"We stand with you,\" the President said.",
            &[Some("Andrzej Duda")],
        ),
    ];
    check(cases, speakers);
}

/// Regression (AQUAINT copy, found in a hand check of 10 random quotes):
/// `counters the Rev. Pierre Moleres` gave the quotation to the previous
/// speaker: `counters` was no inverting verb, and `the Rev.` was read as a
/// role with the holder unnamed (`says the Rev. Peter Wherry` too, PolNeAR).
#[test]
fn an_abbreviated_title_after_the_and_an_inverting_verb_name_the_speaker() {
    let cases: Cases = &[
        (
            "Aznar spoke first. “Where there is peace, there is discussion,” counters the Rev. \
             Pierre Moleres, bishop of Bayonne.",
            &[Some("Pierre Moleres")],
        ),
        (
            "“The city will never go back to normal,” said the Rev. Peter Wherry, of Mayfield Church.",
            &[Some("Peter Wherry")],
        ),
        // A role at a sentence's end is still a role.
        (
            "Foreign Minister Dmytro Kuleba arrived. “We will win,” said the minister. Talks \
             went on.",
            &[Some("Dmytro Kuleba")],
        ),
    ];
    check(cases, speakers);
}

/// Regression (the RSS layout sample): `said Professor Samuel Moyn of Yale
/// University` gave the whole phrase as the speaker's name; the name is the
/// person's (`Trayvon Martin Foundation` stays the foundation).
#[test]
fn the_speakers_name_leaves_where_they_are_from_out() {
    let text = "“All signs point to a crisis,” said Professor Samuel Moyn of Yale University. \
                “We want an end to gun violence,” said the Trayvon Martin Foundation.";
    let entities = persons(&["Samuel Moyn", "Trayvon Martin"]);
    let found = speaker_names(text, &entities);
    assert_eq!(
        found,
        [
            Some("Samuel Moyn".to_string()),
            Some("Trayvon Martin Foundation".to_string())
        ]
    );
}

/// Regression (Kremlin corpus, 12 quotations): `Minister for Reintegration of
/// the Temporarily Occupied Territories Iryna Vereshchuk … said the Deputy
/// Prime Minister` gave the speaker `for Reintegration`: the office, its title
/// stripped, was taken for a person holding the role.
#[test]
fn an_office_is_no_person_holding_the_role() {
    let text = "This was announced by Deputy Prime Minister - Minister for Reintegration of the \
                Temporarily Occupied Territories Iryna Vereshchuk. In the Donetsk region buses \
                left. Iryna Vereshchuk once again reminded the hotline numbers. “We continue to \
                work on new routes,” said the Deputy Prime Minister.";
    let entities = persons(&["Iryna Vereshchuk"]);
    let found = speaker_names(text, &entities);
    // No guess rather than the office (the corpus's articles name her as a
    // speaker before, which resolves the role to her).
    let right = [None, Some("Iryna Vereshchuk".to_string())];
    assert!(found.len() == 1 && right.contains(&found[0]), "{found:?}");
}

/// Regression (Kremlin corpus, reuters-21578, PolNeAR train: 48 quotations):
/// `Officials said`, `Clearly, …`, `the Head said` gave the speaker names
/// `Officials`, `Clearly`, `Head`; they introduce the speaker but name no one.
/// A title word that is someone's surname (`Congressman Pete King`) stays a name.
#[test]
fn a_common_noun_or_a_bare_title_is_no_speakers_name() {
    let text = "“We found nothing,” Investigators said. The investigators left. “We will see,” \
                King said, after Congressman Pete King had spoken.";
    let found: Vec<(Option<String>, Option<String>)> = extract_quotes(text, &[])
        .into_iter()
        .map(|quote| (quote.speaker, quote.speaker_name))
        .collect();
    assert_eq!(
        found,
        [
            (Some("Investigators".to_string()), None),
            (Some("Pete King".to_string()), Some("Pete King".to_string()))
        ]
    );
}

/// Regression (issue 13): `Insisting that the Serbs could accept only “…” or
/// unification “…,” he asserted` gave the first quotation to `Serbs`, the
/// name inside the participle's clause (found by hand-checking random quotes
/// of the FBIS sample); its speaker is the subject after the quotations.
#[test]
fn a_name_inside_an_opening_participles_clause_is_no_speaker() {
    let text = "Radovan Karadzic sharply denounced the federation. Insisting that the Serbs \
                could accept only \"an independent Serbian state\" or unification \"with all \
                other Serbs in one state,\" he asserted that only \"political illiterates could \
                expect\" it.";
    let entities = persons(&["Radovan Karadzic"]);
    let names = speaker_names(text, &entities);
    assert_eq!(names[0].as_deref(), Some("Radovan Karadzic"), "{names:?}");
    assert!(!names.contains(&Some("Serbs".to_string())), "{names:?}");
}

/// Regression (issue 13): `…, officials said. They said the girl was “in
/// stable condition”` gave the quotation to `G7`, an organisation named a
/// paragraph before (found on ukraine-war-news, a held-out corpus): `they`
/// after an unnamed group that speaks is that group, no one named.
#[test]
fn they_after_an_unnamed_group_that_speaks_is_no_organisation() {
    let text = "The G7 leaders met in Bavaria.\n\nThe girl's mother was taken to hospital, \
                officials said.\n\nThey said the girl was \"in stable condition\".";
    let entities = vec![Entity {
        name: "G7".into(),
        kind: EntityKind::Organization,
    }];
    assert_eq!(speaker_names(text, &entities), [None]);
    let named = "The G7 leaders met in Bavaria. They said the talks were \"the best we have \
                 had in years\".";
    assert_eq!(speaker_names(named, &entities), [Some("G7".to_string())]);
}
