//! How good and how fast the suggester is.
//!
//! `cargo run --release --example suggest_quality` scores `suggest` against the gold articles in
//! `tests/gold/` (native JSON, annotated by `shared/annotation-guidelines.md`): precision,
//! recall and F1 per label, exact boundaries, for the tuning, held-out, fresh and scraped sets
//! separately, with no learned strings and no rejections. Then it times a generated 100,000-word document.
//!
//! `--errors tuning` also lists each missed and each wrong suggestion of the tuning set (the
//! held-out, fresh and scraped sets are for measuring, not for looking at).

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::Instant;

use article_annotator::formats::native;
use article_annotator::model::Document;
use article_annotator::suggest::{job, suggest, Learned};

const LABELS: [&str; 4] = ["actor", "location", "figure", "quote"];

fn load(set: &str) -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold").join(set);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| {
            let json = std::fs::read_to_string(p).expect("gold file");
            native::import(&p.display().to_string(), &json).expect("gold file imports").documents
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn score(docs: &[Document], show_errors: bool) -> BTreeMap<&'static str, Counts> {
    let mut counts: BTreeMap<&'static str, Counts> = LABELS.iter().map(|l| (*l, Counts::default())).collect();
    for gold in docs {
        let blank = Document::new(gold.id.clone(), gold.name.clone(), gold.text().clone());
        let suggested = suggest(&blank, &Learned::default(), &HashSet::new());
        for label in LABELS {
            let want: HashSet<(usize, usize)> =
                gold.spans().iter().filter(|s| &*s.label == label).map(|s| (s.start, s.end)).collect();
            let got: HashSet<(usize, usize)> =
                suggested.iter().filter(|s| &*s.label == label).map(|s| (s.start, s.end)).collect();
            let c = counts.get_mut(label).expect("label");
            c.tp += want.intersection(&got).count();
            c.fp += got.difference(&want).count();
            c.fn_ += want.difference(&got).count();
            if show_errors {
                let mut missed: Vec<_> = want.difference(&got).collect();
                missed.sort();
                for &(s, e) in missed {
                    println!("  {} {label:8} missed  «{}»", gold.name, gold.slice(s, e));
                }
                let mut wrong: Vec<_> = got.difference(&want).collect();
                wrong.sort();
                for &(s, e) in wrong {
                    let rule = suggested
                        .iter()
                        .find(|x| (x.start, x.end) == (s, e) && &*x.label == label)
                        .map_or("", |x| x.rule);
                    println!("  {} {label:8} wrong   «{}» ({rule})", gold.name, gold.slice(s, e));
                }
            }
        }
    }
    counts
}

fn table(title: &str, docs: &[Document], counts: &BTreeMap<&'static str, Counts>) {
    let words: usize = docs.iter().map(|d| d.text().split_whitespace().count()).sum();
    println!("\n{title}: {} documents, {words} words", docs.len());
    println!("{:<10} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}", "label", "gold", "tp", "fp", "precision", "recall", "F1");
    let mut total = Counts::default();
    for label in LABELS {
        let c = counts[label];
        total.tp += c.tp;
        total.fp += c.fp;
        total.fn_ += c.fn_;
        println!(
            "{label:<10} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
            c.tp + c.fn_,
            c.tp,
            c.fp,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    println!(
        "{:<10} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
        "all",
        total.tp + total.fn_,
        total.tp,
        total.fp,
        total.precision(),
        total.recall(),
        total.f1()
    );
}

/// A document of at least `words` words, made of the gold articles over and over, with the
/// numbers changed a little so it is not one text repeated verbatim.
fn generated(docs: &[Document], words: usize) -> Document {
    let mut text = String::new();
    let mut count = 0;
    let mut round = 0u32;
    while count < words {
        for doc in docs {
            let shifted: String = doc
                .text()
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_digit((d + round) % 10, 10).unwrap_or(c),
                    None => c,
                })
                .collect();
            count += shifted.split_whitespace().count();
            text.push_str(&shifted);
            text.push('\n');
        }
        round += 1;
    }
    Document::new("bench", "bench.txt", text)
}

fn main() {
    let show_errors = std::env::args().skip_while(|a| a != "--errors").nth(1);
    let tuning = load("tuning");
    let held_out = load("held_out");
    let tuning_counts = score(&tuning, show_errors.as_deref() == Some("tuning"));
    table("tuning (the rules were written looking at these)", &tuning, &tuning_counts);
    let held_out_counts = score(&held_out, show_errors.as_deref() == Some("held_out"));
    table("held-out (never used for tuning)", &held_out, &held_out_counts);
    let fresh = load("fresh");
    let fresh_counts = score(&fresh, show_errors.as_deref() == Some("fresh"));
    table(
        "fresh (written and annotated by an author who never saw the rules; never used for tuning)",
        &fresh,
        &fresh_counts,
    );
    let scraped = load("scraped");
    let scraped_counts = score(&scraped, show_errors.as_deref() == Some("scraped"));
    table(
        "scraped (pages with their site furniture, by an author who never saw the rules; never used for tuning)",
        &scraped,
        &scraped_counts,
    );

    let all: Vec<Document> = tuning.iter().chain(&held_out).cloned().collect();
    let big = generated(&all, 100_000);
    let word_count = big.text().split_whitespace().count();
    let learned = Learned::from_documents(&all);
    let none = HashSet::new();
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..5 {
        let started = Instant::now();
        found = suggest(&big, &learned, &none).len();
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "\ntiming: {word_count} words ({} code points), {found} suggestions, with {} learned strings: \
         median {:.1} ms, best {:.1} ms (of 5 runs{})",
        big.len(),
        learned.len(),
        times[2].as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) { ", debug build: use --release" } else { ", release build" }
    );
    // What the worker does besides: read the request, build the document, write the reply.
    let mut job_times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let mut worker = job::Suggester::default();
        worker.take(&job::text_message(&big));
        let _reply = worker.take(&job::request(1, &big, &all, &[]));
        job_times.push(started.elapsed());
    }
    job_times.sort();
    println!(
        "as the worker's job (text, request JSON → suggestions → reply JSON): median {:.1} ms",
        job_times[2].as_secs_f64() * 1000.0
    );
}
