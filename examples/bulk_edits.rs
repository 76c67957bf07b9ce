//! How long the reducer takes for bulk work on a 3 MB article, natively.
//!
//! `cargo run --release --example bulk_edits [-- --loads 5]` builds an article of about 3 MB from
//! the tuning gold texts (repeated), then times, each `--loads` times from a fresh state: the
//! suggester's reply arriving, "Accept all" of every suggestion, undo and redo of it, find for a
//! common word, "tag all matches" of it, and deleting a label with all its spans. It prints the
//! median and the range. These are the reducer's own costs; the browser benchmark
//! (`scripts/bench/run.mjs --sizes 3m`) measures what a person waits for, drawing included.

use std::rc::Rc;
use std::time::Instant;

use article_annotator::model::{Document, Workspace};
use article_annotator::state::{Action, LabelAction, State};
use article_annotator::suggest::job::{read_reply, Suggester, TextSent};

const TARGET_BYTES: usize = 3_000_000;

fn main() {
    let loads = std::env::args().skip_while(|a| a != "--loads").nth(1).and_then(|n| n.parse().ok()).unwrap_or(5usize);
    let text = article();
    println!(
        "article: {} bytes, {} words; {loads} runs each, median (min–max)",
        text.len(),
        text.split_whitespace().count()
    );

    let mut rows: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut time = |name: &'static str, ms: f64| match rows.iter_mut().find(|(n, _)| *n == name) {
        Some((_, samples)) => samples.push(ms),
        None => rows.push((name, vec![ms])),
    };
    let mut counts = (0, 0, 0);
    for _ in 0..loads {
        let state = State::new(Workspace {
            documents: vec![Rc::new(Document::new("d1", "long.txt", text.as_str()))],
            ..Workspace::default()
        });
        let asked = state.reduce(Action::Suggest);
        let reply = suggester_reply(&asked);
        let (shown, ms) = timed(|| asked.reduce(Action::SuggestionsArrived(reply)));
        time("suggestions arrive (reducer only)", ms);
        counts.0 = shown.suggestions.len();

        let (accepted, ms) = timed(|| shown.clone().reduce(Action::AcceptAllSuggestions(None)));
        time("accept all", ms);
        counts.1 = accepted.active_document().map_or(0, |d| d.spans().len());
        let (undone, ms) = timed(|| accepted.clone().reduce(Action::Undo));
        time("undo accept all", ms);
        let (_, ms) = timed(|| undone.reduce(Action::Redo));
        time("redo accept all", ms);

        let (found, ms) = timed(|| {
            accepted.clone().reduce(Action::Find { query: "the".into(), case_sensitive: false, whole_word: true })
        });
        time("find \"the\" (whole word)", ms);
        counts.2 = found.finding.as_ref().map_or(0, |f| f.matches.len());
        let (tagged, ms) = timed(|| found.reduce(Action::TagAllMatches("figure".into())));
        time("tag all matches", ms);
        let (_, ms) = timed(|| tagged.reduce(Action::Labels(LabelAction::Delete { id: "figure".into() })));
        time("delete a label and its spans", ms);
    }
    println!("suggestions shown {}, spans after accept all {}, matches of \"the\" {}", counts.0, counts.1, counts.2);
    for (name, mut samples) in rows {
        samples.sort_by(f64::total_cmp);
        let median = samples[samples.len() / 2];
        println!("{name:>36}: {median:8.1} ms ({:.1}–{:.1})", samples[0], samples[samples.len() - 1]);
    }
}

/// About 3 MB of news text: the tuning gold articles, one after another, again and again.
fn article() -> String {
    let mut texts: Vec<String> = std::fs::read_dir("tests/gold/tuning")
        .expect("run from the repository's root")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
            Some(json["documents"][0]["text"].as_str()?.to_string())
        })
        .collect();
    texts.sort();
    let mut text = String::with_capacity(TARGET_BYTES + 10_000);
    while text.len() < TARGET_BYTES {
        for t in &texts {
            text.push_str(t.trim_end());
            text.push_str("\n\n");
        }
    }
    text
}

/// What the suggester's worker answers to the state's pending request.
fn suggester_reply(state: &State) -> article_annotator::suggest::job::Reply {
    let mut worker = Suggester::default();
    if let Some(text) = state.suggestion_text(&mut TextSent::default()) {
        worker.take(&text);
    }
    read_reply(&worker.take(&state.suggestion_request().expect("a pending request")).expect("a reply")).unwrap()
}

fn timed<T>(run: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let out = run();
    (out, start.elapsed().as_secs_f64() * 1000.0)
}
