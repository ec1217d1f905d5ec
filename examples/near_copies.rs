//! Measures near-copy grouping on a corpus: every pair of long articles
//! that share a signature band, by estimated resemblance, with the exact
//! Jaccard similarity of their 5-word shingles and both titles, so that the
//! threshold (`newsdex index --near-copies`) can be chosen by reading pairs.
//!
//!   cargo run --release --example near_copies -- CORPUS [SAMPLES_PER_BUCKET]

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use newsdex::index::near_copies::Signature;
use newsdex::parse::{parse_file, FieldOverrides};

struct Article {
    key: String,
    title: String,
    shingles: HashSet<String>,
    signature: Signature,
}

fn shingles(body: &str) -> HashSet<String> {
    let words: Vec<String> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(5).map(|window| window.join(" ")).collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    shared as f64 / (a.len() + b.len() - shared).max(1) as f64
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(corpus) = args.next() else {
        eprintln!("usage: near_copies CORPUS [SAMPLES_PER_BUCKET]");
        std::process::exit(2);
    };
    let samples: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
    let walk = newsdex::corpus::walk(&[PathBuf::from(corpus)]);
    let mut articles = Vec::new();
    for file in walk.files {
        let Ok(bytes) = std::fs::read(&file.path) else {
            continue;
        };
        let Ok(parsed) = parse_file(&file.path, &bytes, &FieldOverrides::default()) else {
            continue;
        };
        for article in parsed.articles {
            let Some(signature) = Signature::of(&article.body) else {
                continue;
            };
            articles.push(Article {
                key: article.key(&file.key),
                title: article.title.clone().unwrap_or_default(),
                shingles: shingles(&article.body),
                signature,
            });
        }
    }
    let mut bands: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, article) in articles.iter().enumerate() {
        for key in article.signature.band_keys() {
            bands.entry(key).or_default().push(index);
        }
    }
    let mut pairs = HashSet::new();
    for members in bands.values() {
        for (position, first) in members.iter().enumerate() {
            for second in &members[position + 1..] {
                pairs.insert((*first.min(second), *first.max(second)));
            }
        }
    }
    // Buckets of estimated resemblance: 0.5-0.6, ..., 0.9-1.0, and 1.0.
    let mut buckets: Vec<Vec<(f64, f64, usize, usize)>> = vec![Vec::new(); 6];
    for (first, second) in pairs {
        let (a, b) = (&articles[first], &articles[second]);
        let estimated = a.signature.resemblance(&b.signature);
        if estimated < 0.5 {
            continue;
        }
        let bucket = ((estimated * 10.0).floor() as usize)
            .saturating_sub(5)
            .min(6);
        buckets[bucket].push((estimated, jaccard(&a.shingles, &b.shingles), first, second));
    }
    println!(
        "{} long articles (>= {} words); pairs sharing a band, by estimated resemblance:",
        articles.len(),
        newsdex::index::near_copies::MIN_WORDS
    );
    for (bucket, pairs) in buckets.iter_mut().enumerate() {
        let low = 0.5 + bucket as f64 / 10.0;
        let label = match bucket {
            5 => "1.0 (every slot equal)".to_string(),
            _ => format!("{low:.1} to <{:.1}", low + 0.1),
        };
        let mean_jaccard = pairs.iter().map(|pair| pair.1).sum::<f64>() / pairs.len().max(1) as f64;
        println!(
            "\n== {label}: {} pairs, mean exact Jaccard {mean_jaccard:.3}",
            pairs.len()
        );
        pairs.sort_by(|x, y| x.2.cmp(&y.2).then(x.3.cmp(&y.3)));
        let step = (pairs.len() / samples.max(1)).max(1);
        for (estimated, exact, first, second) in pairs.iter().step_by(step).take(samples) {
            let (a, b) = (&articles[*first], &articles[*second]);
            println!(
                "  {estimated:.2} (exact {exact:.2})\n    {} | {}\n    {} | {}",
                a.key, a.title, b.key, b.title
            );
        }
    }
}
