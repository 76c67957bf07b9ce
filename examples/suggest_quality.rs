//! How good and how fast the suggester is.
//!
//! `cargo run --release --example suggest_quality` scores `suggest` against the gold articles in
//! `tests/gold/` (native JSON, annotated by `shared/annotation-guidelines.md`): precision,
//! recall and F1 per label, exact boundaries, for the tuning, held-out, fresh and scraped sets
//! separately, with no learned strings and no rejections; and for the series sets (follow-ups on
//! one story, there to measure learning: one by the rules' author, two by an author who never
//! saw the rules). Then it times a generated 100,000-word document.
//!
//! `--errors tuning` also lists each missed and each wrong suggestion of the tuning set (the
//! held-out, fresh and scraped sets are for measuring, not for looking at).
//!
//! Last, **corrections needed**: how much work the suggestions leave a person, and whether it
//! shrinks as they go. The articles of a set are worked through in file-name order. On each,
//! `suggest` runs once on the blank text, and [`edits`] counts what turns its suggestions into
//! the gold, matching each suggestion to at most one gold span and each gold span to at most one
//! suggestion, in three passes:
//! 1. same edges, same label: an **accept** (one key, not counted as a correction);
//! 2. same edges, another label: a **relabel**;
//! 3. same label, overlapping: a **boundary** fix (one, whether one edge or both are wrong);
//!
//! then each suggestion left is a **reject**, and each gold span left an **add** (a suggestion
//! that overlaps one but has the wrong label and wrong edges is a reject and an add).
//! Corrections = relabels + boundary fixes + rejects + adds, per 100 gold spans.
//! Then the person's edits are applied: the article's spans are now its gold, and every
//! suggestion not accepted as it stands is rejected (a boundary or label fix is a rejection and
//! a new tag). The next article learns from them, as the app learns from the workspace: the
//! strings tagged in the articles before ([`Learned::from_documents`]) are proposed, and the
//! strings rejected there are not proposed with that label again ([`Learned::with_refused`]).
//! The baseline is each article alone (nothing learned). The halves of a set differ in
//! difficulty too, so the gain is learning against the baseline on the same articles. Each set
//! runs alone, then the measuring sets again at the end of one workspace that started with the
//! tuning set (tuning → held-out → fresh → scraped → the series), as a person's workspace grows.
//! Only the series sets' articles share names (follow-ups on one story); in the others no
//! string that needs a correction comes back in a later article, so learning can only keep
//! their counts, not lower them.

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

/// A gold set, scored (with its errors printed when `errors` names it) and its table printed.
fn measured(set: &str, title: &str, errors: Option<&str>) -> Vec<Document> {
    let docs = load(set);
    let counts = score(&docs, errors == Some(set));
    table(title, &docs, &counts);
    docs
}

fn main() {
    let show_errors = std::env::args().skip_while(|a| a != "--errors").nth(1);
    let errors = show_errors.as_deref();
    let tuning = measured("tuning", "tuning (the rules were written looking at these)", errors);
    let held_out = measured("held_out", "held-out (never used for tuning)", errors);
    let fresh = measured(
        "fresh",
        "fresh (written and annotated by an author who never saw the rules; never used for tuning)",
        errors,
    );
    let scraped = measured(
        "scraped",
        "scraped (pages with their site furniture, by an author who never saw the rules; never used for tuning)",
        errors,
    );
    let series = measured(
        "series",
        "series (follow-ups on one story, to measure learning; written by the rules' author)",
        errors,
    );
    let unseen = measured(
        "unseen_series",
        "unseen series (two stories in four follow-ups each, by an author who never saw the rules)",
        errors,
    );
    let wire = measured(
        "unseen_wire",
        "unseen wire (eight wire and regional pages by an author who never saw the rules; its errors were read to tune the rules)",
        errors,
    );
    let pages = measured(
        "unseen_pages",
        "unseen pages (eight scraped pages by an author who never saw the rules; its errors were read to tune the rules)",
        errors,
    );
    let regional = measured(
        "unseen_regional",
        "unseen regional (eight regional pages by an author who never saw the rules; its errors were read to tune the rules)",
        errors,
    );
    let local = measured(
        "unseen_local",
        "unseen local (eight local pages by an author who never saw the rules; its errors were read to tune the rules)",
        errors,
    );
    let news = measured(
        "unseen_news",
        "unseen news (eight scraped news pages by an author who never saw the rules; its errors were read to tune the rules)",
        errors,
    );
    let daily = measured(
        "unseen_daily",
        "unseen daily (eight scraped news pages by an author who never saw the rules; its errors were read to tune the rules)",
        errors,
    );
    let world = measured(
        "unseen_world",
        "unseen world (eight scraped news pages by an author who never saw the rules; its errors were read to tune the rules)",
        errors,
    );
    let last = measured(
        "unseen_final",
        "unseen final (eight scraped news pages by an author who never saw the rules; never used for tuning)",
        errors,
    );
    let story =
        |prefix: &str| -> Vec<Document> { unseen.iter().filter(|d| d.name.starts_with(prefix)).cloned().collect() };
    let (dam, union) = (story("dam-"), story("union-"));

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
        let _reply = worker.take(&job::request(1, &big, &all, &[], Vec::new()));
        job_times.push(started.elapsed());
    }
    job_times.sort();
    println!(
        "as the worker's job (text, request JSON → suggestions → reply JSON): median {:.1} ms",
        job_times[2].as_secs_f64() * 1000.0
    );

    println!(
        "\ncorrections needed per 100 gold spans (relabel + boundary + reject + add), articles in file-name order:"
    );
    println!(
        "{:<30} {:>4} {:>5} | learning: {:>5} {:>6} {:>6} {:>5} | alone: {:>5} {:>6} {:>6} {:>5} | accepts",
        "set", "docs", "gold", "first", "1st ½", "2nd ½", "last", "first", "1st ½", "2nd ½", "last"
    );
    let sets = [
        ("tuning", &tuning),
        ("held-out", &held_out),
        ("fresh", &fresh),
        ("scraped", &scraped),
        ("series", &series),
        ("unseen series: dam", &dam),
        ("unseen series: union", &union),
        ("unseen wire", &wire),
        ("unseen pages", &pages),
        ("unseen regional", &regional),
        ("unseen local", &local),
        ("unseen news", &news),
        ("unseen daily", &daily),
        ("unseen world", &world),
        ("unseen final", &last),
    ];
    for (name, docs) in sets {
        corrections_row(name, &session(docs, true), &session(docs, false));
    }
    let chain: Vec<Document> = sets.iter().flat_map(|(_, docs)| docs.iter().cloned()).collect();
    let (chained, alone) = (session(&chain, true), session(&chain, false));
    let mut from = tuning.len();
    for (name, docs) in &sets[1..] {
        let to = from + docs.len();
        corrections_row(&format!("{name}, after the sets before"), &chained[from..to], &alone[from..to]);
        from = to;
    }
}

/// What a person does to turn one article's suggestions into its gold (see the module doc).
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
struct Edits {
    accept: usize,
    relabel: usize,
    boundary: usize,
    reject: usize,
    add: usize,
}

impl Edits {
    fn corrections(&self) -> usize {
        self.relabel + self.boundary + self.reject + self.add
    }
}

type Tag<'a> = (usize, usize, &'a str);

/// The edits from `suggested` to `gold`: accepts, relabels and boundary fixes in that order of
/// passes, each claiming a gold span not yet claimed; rejects and adds are what is left over.
fn edits(gold: &[Tag], suggested: &[Tag]) -> Edits {
    let passes: [fn(&Tag, &Tag) -> bool; 3] =
        [|s, g| s == g, |s, g| (s.0, s.1) == (g.0, g.1), |s, g| s.2 == g.2 && s.0 < g.1 && g.0 < s.1];
    let mut open = vec![true; gold.len()];
    let mut left = suggested.to_vec();
    let mut claimed = [0; 3];
    for (pass, fits) in passes.iter().enumerate() {
        left.retain(|s| match gold.iter().zip(&mut open).find(|(g, o)| **o && fits(s, g)) {
            Some((_, o)) => {
                *o = false;
                claimed[pass] += 1;
                false
            }
            None => true,
        });
    }
    let add = open.iter().filter(|o| **o).count();
    Edits { accept: claimed[0], relabel: claimed[1], boundary: claimed[2], reject: left.len(), add }
}

/// Gold span count and edits per article of `docs`, worked through in order; with `learning`,
/// each article's suggestions learn the strings tagged in the articles before it and leave out
/// the strings rejected there.
fn session(docs: &[Document], learning: bool) -> Vec<(usize, Edits)> {
    let mut out = Vec::new();
    let mut rejected: Vec<(String, String)> = Vec::new();
    for (i, gold) in docs.iter().enumerate() {
        let learned = if learning {
            Learned::from_documents(&docs[..i]).with_refused(rejected.iter().map(|(t, l)| (t.as_str(), l.as_str())))
        } else {
            Learned::default()
        };
        let blank = Document::new(gold.id.clone(), gold.name.clone(), gold.text().clone());
        let suggested = suggest(&blank, &learned, &HashSet::new());
        let want: Vec<Tag> = gold.spans().iter().map(|s| (s.start, s.end, &*s.label)).collect();
        let got: Vec<Tag> = suggested.iter().map(|s| (s.start, s.end, &*s.label)).collect();
        out.push((want.len(), edits(&want, &got)));
        // Every suggestion not accepted as it stands is rejected with `x`; a fixed boundary or
        // label is then tagged anew.
        let accepted: HashSet<&Tag> = want.iter().collect();
        rejected.extend(
            got.iter().filter(|g| !accepted.contains(g)).map(|&(s, e, l)| (gold.slice(s, e).to_owned(), l.to_owned())),
        );
    }
    out
}

/// Corrections per 100 gold spans over some articles.
fn per_100(articles: &[(usize, Edits)]) -> f64 {
    let gold: usize = articles.iter().map(|a| a.0).sum();
    100.0 * articles.iter().map(|a| a.1.corrections()).sum::<usize>() as f64 / gold.max(1) as f64
}

/// First article, first half, second half (from the middle one on), last article.
fn first_halves_last(articles: &[(usize, Edits)]) -> [f64; 4] {
    let (n, half) = (articles.len(), articles.len() / 2);
    [per_100(&articles[..1]), per_100(&articles[..half]), per_100(&articles[half..]), per_100(&articles[n - 1..])]
}

fn corrections_row(name: &str, learning: &[(usize, Edits)], alone: &[(usize, Edits)]) {
    let (l, a) = (first_halves_last(learning), first_halves_last(alone));
    let accepts = |x: &[(usize, Edits)]| x.iter().map(|a| a.1.accept).sum::<usize>();
    println!(
        "{name:<30} {:>4} {:>5} | learning: {:>5.1} {:>6.1} {:>6.1} {:>5.1} | alone: {:>5.1} {:>6.1} {:>6.1} {:>5.1} | {} vs {}",
        learning.len(),
        learning.iter().map(|a| a.0).sum::<usize>(),
        l[0], l[1], l[2], l[3], a[0], a[1], a[2], a[3],
        accepts(learning),
        accepts(alone)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_suggestion_and_gold_span_is_one_edit() {
        let gold = [(0, 5, "actor"), (10, 15, "location"), (20, 30, "figure"), (40, 50, "quote"), (60, 65, "actor")];
        let suggested = [
            (0, 5, "actor"),      // accept
            (10, 15, "actor"),    // relabel
            (20, 28, "figure"),   // boundary
            (42, 48, "actor"),    // reject (wrong label and edges) ...
            (70, 75, "location"), // reject
        ];
        let want = Edits { accept: 1, relabel: 1, boundary: 1, reject: 2, add: 2 }; // ... adds 40..50, 60..65
        assert_eq!(edits(&gold, &suggested), want);
        assert_eq!(want.corrections(), 6);
        // An exact match is never taken by an earlier, looser one for the same gold span.
        assert_eq!(edits(&[(0, 5, "actor")], &[(0, 4, "actor"), (0, 5, "actor")]).accept, 1);
    }
}
