//! How long the agreement report takes at the scale a team works at: 3 annotators × 50
//! articles × 1,000 words, natively (the page runs the same code as WebAssembly, typically
//! two to three times slower). Prints figures; asserts nothing.
//!   cargo run --release --example agreement_bench

use std::rc::Rc;
use std::time::Instant;

use article_annotator::agreement::report::{report, Copy, ReportInput};
use article_annotator::model::Span;

const WORDS: [&str; 8] = ["Peskov", "said", "the", "talks", "in", "Geneva", "would", "continue."];
const LABELS: [&str; 4] = ["actor", "location", "figure", "quote"];

fn main() {
    let texts: Vec<String> =
        (0..50).map(|a| (0..1000).map(|w| WORDS[(w + a) % WORDS.len()]).collect::<Vec<_>>().join(" ")).collect();
    // Every 10th word a span; each annotator skips or relabels some, so the figures are not 1.
    let copies: Vec<Vec<Vec<Span>>> = texts
        .iter()
        .map(|text| {
            let starts: Vec<(usize, usize)> = text
                .split(' ')
                .scan(0, |at, w| {
                    let start = *at;
                    *at += w.chars().count() + 1;
                    Some((start, start + w.chars().count()))
                })
                .collect();
            (0..3)
                .map(|annotator| {
                    starts
                        .iter()
                        .enumerate()
                        .filter(|(n, _)| n % 10 == 0 && (n / 10 + annotator) % 7 != 0)
                        .map(|(n, &(s, e))| Span::new(format!("s{n}"), s, e, LABELS[(n / 10 + annotator / 2) % 4]))
                        .collect()
                })
                .collect()
        })
        .collect();
    let annotators: Vec<Rc<str>> = ["ana", "ben", "cy"].map(Rc::from).to_vec();
    let labels: Vec<Rc<str>> = LABELS.map(Rc::from).to_vec();
    let inputs: Vec<ReportInput<'_>> = texts
        .iter()
        .zip(&copies)
        .map(|(text, copies)| ReportInput {
            name: "article",
            sha256: "",
            text,
            copies: copies.iter().enumerate().map(|(annotator, spans)| Copy { annotator, spans }).collect(),
        })
        .collect();
    let started = Instant::now();
    let result = report(&annotators, &labels, &inputs);
    let elapsed = started.elapsed();
    let exact = result.corpus.iter().find(|f| f.measure == "f1-exact" && f.label.is_none()).map(|f| f.value);
    println!("agreement report, 3 annotators x 50 articles x 1000 words: {:.1} ms", elapsed.as_secs_f64() * 1000.0);
    println!(
        "corpus exact F1 {:.3}, {} figures per document",
        exact.unwrap_or_default(),
        result.documents[0].figures.len()
    );
}
