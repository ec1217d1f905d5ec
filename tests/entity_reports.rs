//! Entity reports and `--entity` filters: one entity under its several
//! spellings (acronyms, dots and hyphens) and kinds, end to end.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

mod common;

use common::{json_of, Sandbox};

#[test]
fn entity_report_counts_an_acronym_with_its_expansion() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "alias/a.txt",
        " date 2022-03-01 Sanctions widen\n\nThe United States imposed new sanctions on Russia on Tuesday.\n",
    );
    sandbox.write(
        "alias/b.txt",
        " date 2022-03-02 Aid package\n\nThe US sent more aid to Ukraine on Wednesday.\n",
    );
    sandbox.write(
        "alias/c.txt",
        " date 2022-03-03 Talks\n\nThe United States and Ukraine held talks. US officials said the talks in Kyiv went well.\n",
    );
    sandbox
        .newsdex(&["index", "-q", "alias"])
        .assert()
        .success();
    let report = json_of(sandbox.newsdex(&["entities", "--kind", "place", "--format", "json"]));
    let rows = report.as_array().unwrap();
    let united_states = rows
        .iter()
        .find(|row| row["name"] == "United States")
        .unwrap_or_else(|| panic!("{report}"));
    // Three articles, though c.txt names both spellings.
    assert_eq!(united_states["articles"], 3, "{report}");
    assert_eq!(
        united_states["aliases"],
        serde_json::json!(["US"]),
        "{report}"
    );
    assert!(!rows.iter().any(|row| row["name"] == "US"), "{report}");

    // Filters fold the same spellings as the report, both ways.
    for spelling in ["United States", "united states", "US", "U.S."] {
        let listed = json_of(sandbox.newsdex(&["list", "--entity", spelling, "--format", "json"]));
        assert_eq!(
            listed["hits"].as_array().unwrap().len(),
            3,
            "{spelling}: {listed}"
        );
    }
}

/// Regression: `Mt. Gox`, `MtGox` and `Mt Gox` were three report rows, and
/// `--entity "Mt. Gox"` missed the articles writing `MtGox` (found on the
/// UCI headlines layout sample).
#[test]
fn spellings_of_one_name_are_one_entity_in_reports_and_filters() {
    let sandbox = Sandbox::new();
    let texts = [
        "Metro-North Railroad said on Tuesday that it would close two stations in Yonkers.",
        "Metro North Railroad said trains to Yonkers would run late on Wednesday.",
        "Metro-North Railroad said on Thursday that the stations in Yonkers had opened again.",
    ];
    for (index, text) in texts.iter().enumerate() {
        sandbox.write(
            &format!("spelt/{index}.txt"),
            format!(" date 2022-03-0{} Exchange news\n\n{text}\n", index + 1),
        );
    }
    sandbox
        .newsdex(&["index", "-q", "spelt"])
        .assert()
        .success();
    let report = json_of(sandbox.newsdex(&["entities", "--format", "json"]));
    let rows = report.as_array().unwrap();
    let spelt: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|row| {
            let name = row["name"].as_str().unwrap_or("");
            name.replace(['-', ' '], "")
                .eq_ignore_ascii_case("metronorthrailroad")
        })
        .collect();
    assert_eq!(spelt.len(), 1, "{report}");
    assert_eq!(spelt[0]["articles"], 3, "{report}");
    // The report says what it folded.
    assert_eq!(
        spelt[0]["aliases"],
        serde_json::json!(["Metro North Railroad"]),
        "{report}"
    );
    for spelling in ["Metro-North Railroad", "Metro North Railroad"] {
        let listed = json_of(sandbox.newsdex(&["list", "--entity", spelling, "--format", "json"]));
        assert_eq!(
            listed["hits"].as_array().unwrap().len(),
            3,
            "{spelling}: {listed}"
        );
    }
}

#[test]
fn entity_report_leaves_nationalities_to_kind_other() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "kinds/a.txt",
        " date 2022-03-01 Convoy\n\nA Russian convoy moved towards Kyiv on Tuesday, Ukrainian officials said.\n",
    );
    sandbox
        .newsdex(&["index", "-q", "kinds"])
        .assert()
        .success();
    let kinds = |args: &[&str]| -> Vec<String> {
        let report = json_of(sandbox.newsdex(args));
        report
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let default = kinds(&["entities", "--format", "json"]);
    assert!(default.contains(&"place".to_string()), "{default:?}");
    assert!(!default.contains(&"other".to_string()), "{default:?}");
    let other = kinds(&["entities", "--kind", "other", "--format", "json"]);
    assert!(
        !other.is_empty() && other.iter().all(|kind| kind == "other"),
        "{other:?}"
    );
}

/// Regression (issue 13): the report left out the articles whose tagger
/// called a person's name other (`Trump` in 55 of the JSON headlines
/// sample's articles: 106 articles shown of 161). Every kind now votes;
/// names most articles call other (nationality adjectives) stay out.
/// (`Trump` is now a person in every headline, as a head of state the
/// extractor knows; `Meadows` is not one, and the tagger still calls it other.)
#[test]
fn articles_calling_a_name_other_count_and_other_names_stay_out() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "other/a.txt",
        " date 2022-06-01 Immunity\n\nGeorgia prosecutor says presidential immunity won't protect Meadows\n",
    );
    sandbox.write(
        "other/b.txt",
        " date 2022-06-02 Critics\n\nCritics say Biden will not protect Meadows.\n",
    );
    sandbox.write(
        "other/c.txt",
        " date 2022-06-03 Front\n\nRussian forces advanced on Monday, Russian officials said.\n",
    );
    sandbox
        .newsdex(&["index", "-q", "other"])
        .assert()
        .success();
    let report = json_of(sandbox.newsdex(&["entities", "--format", "json"]));
    let rows = report.as_array().unwrap();
    let meadows = rows
        .iter()
        .find(|row| row["name"] == "Meadows")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(meadows["kind"], "person", "{report}");
    assert_eq!(meadows["articles"], 2, "{report}");
    // The premise: the tagger calls `Meadows` other in a.txt.
    let kinds = meadows["kinds"].to_string();
    assert!(kinds.contains("\"other\""), "{report}");
    assert!(!rows.iter().any(|row| row["name"] == "Russian"), "{report}");
}
