//! Unit tests of [`super`].
use super::*;

fn words(text: &str) -> Vec<Vec<String>> {
    tokenize(text)
        .iter()
        .map(|sentence| sentence.iter().map(|t| t.text(text).to_string()).collect())
        .collect()
}

#[test]
fn splits_like_conll() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The U.S. Senate's vote.",
            &["The", "U.S.", "Senate", "'s", "vote", "."],
        ),
        (
            "Dekalb, Ill. - He fell ill in Erie, Pa. Then",
            &[
                "Dekalb", ",", "Ill.", "-", "He", "fell", "ill", "in", "Erie", ",", "Pa", ".",
                "Then",
            ],
        ),
        (
            "Acme Inc. said it doesn't.",
            &["Acme", "Inc.", "said", "it", "does", "n't", "."],
        ),
        (
            "Shares rose 3.5 percent (to $4).",
            &[
                "Shares", "rose", "3.5", "percent", "(", "to", "$4", ")", ".",
            ],
        ),
        (
            "a German-born \"star\",",
            &["a", "German-born", "\"", "star", "\"", ","],
        ),
        ("Canada’s minister", &["Canada", "’s", "minister"]),
        ("Ministers’ meeting", &["Ministers", "’", "meeting"]),
    ];
    for (text, expected) in cases {
        let got: Vec<String> = words(text).concat();
        assert_eq!(&got, expected, "{text}");
    }
}

/// The texts of the tokens of one kind.
fn of_kind<'a>(tokens: &[Token], text: &'a str, kind: TokenKind) -> Vec<&'a str> {
    tokens
        .iter()
        .filter(|t| t.kind == kind)
        .map(|t| t.text(text))
        .collect()
}

#[test]
fn modern_debris_becomes_junk() {
    let text = "Joly took part in a #NATO meeting. pic.twitter.com/ODEa — Policy (@CanadaFP) [email protected] on https://x.org/a";
    let tokens: Vec<Token> = tokenize(text).concat();
    let junk = of_kind(&tokens, text, TokenKind::Junk);
    assert_eq!(
        junk,
        [
            "pic.twitter.com/ODEa",
            "@CanadaFP",
            "[email protected]",
            "https://x.org/a"
        ]
    );
    assert_eq!(of_kind(&tokens, text, TokenKind::Hashtag), ["NATO"]);
}

#[test]
fn instrument_codes_become_junk() {
    let text = "KarstadtQuelle KARG.DE said. Deere & Co. ( DE.N ) rose, the .DJI fell, DCXGn.DE and 7203.T. The U.S. and U.N. met in ST.LOUIS and at E.ON, J.P. Morgan said.";
    let tokens: Vec<Token> = tokenize(text).concat();
    let junk = of_kind(&tokens, text, TokenKind::Junk);
    assert_eq!(junk, ["KARG.DE", "DE.N", ".DJI", "DCXGn.DE", "7203.T"]);
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    assert!(words.contains(&"(") && words.contains(&")"), "{words:?}");
    assert_eq!(
        tokenize(text).len(),
        3,
        "the full stop after 7203.T ends a sentence"
    );
}

#[test]
fn sentences_break_at_periods_and_blank_lines() {
    let text = "SOCCER - LEEDS WIN\n\nLONDON 1996-08-30\n\nMr. Smith went home. He slept. \"Yes.\" Then U.S. troops left.";
    let got = words(text);
    assert_eq!(got.len(), 6, "{got:?}");
    assert_eq!(got[2], ["Mr.", "Smith", "went", "home", "."]);
    assert_eq!(got[4], ["\"", "Yes", ".", "\""]);
}

#[test]
fn lost_spaces_and_photo_credits_split() {
    let text = "in Europe.\"He said Kwan/Bloomberg and 2021/22 shots in Russia.He met NATO.Stoltenberg at a U.S.Army base.-";
    let got: Vec<String> = words(text).concat();
    let expected = [
        "in",
        "Europe",
        ".",
        "\"",
        "He",
        "said",
        "Kwan",
        "/",
        "Bloomberg",
        "and",
        "2021/22",
        "shots",
        "in",
        "Russia",
        ".",
        "He",
        "met",
        "NATO",
        ".",
        "Stoltenberg",
        "at",
        "a",
        "U.S.Army",
        "base",
        ".",
        "-",
    ];
    assert_eq!(got, expected);
}

#[test]
fn hard_wrapped_lines_join() {
    let text = "The Bank of England said on Thursday that interest rates would stay where\nthey are for now.";
    assert_eq!(words(text).len(), 1);
}
