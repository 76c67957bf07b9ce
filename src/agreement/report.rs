//! Every measure for a set of copies of the same texts: per document and for the corpus, per
//! label and over all labels, each figure with the counts behind it; and the report as JSON and
//! CSV. The corpus's figures come from its documents' counts summed (micro-averaging), never from
//! averaging their figures.
//!
//! Kappa is given only when there are exactly two annotators (it is a two-rater measure); the
//! unlabeled F1 only over all labels (restricted to one label it is the exact F1).

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::coefficients::{AlphaTally, KappaTally};
use super::f1::{pair, Counts, Mode};
use super::tokens::categories;
use crate::model::Span;
use crate::text::tokens::tokenize;

/// One copy of a document: which annotator (an index into the report's annotators) and the
/// spans they marked.
#[derive(Clone, Copy, Debug)]
pub struct Copy<'a> {
    pub annotator: usize,
    pub spans: &'a [Span],
}

/// The additive counts of one document or several; `None` as a label means all labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tallies {
    f1: BTreeMap<(Mode, Option<Rc<str>>), Counts>,
    kappa: BTreeMap<Option<Rc<str>>, KappaTally<Rc<str>>>,
    alpha: BTreeMap<Option<Rc<str>>, AlphaTally<Rc<str>>>,
}

impl Tallies {
    /// The counts of one text's copies (each annotator at most once), for `labels` and all.
    pub fn of_document(text: &str, copies: &[Copy<'_>], labels: &[Rc<str>]) -> Tallies {
        let mut tallies = Tallies::default();
        let tokens = tokenize(text);
        let scopes = std::iter::once(None).chain(labels.iter().cloned().map(Some));
        for label in scopes {
            let only = label.as_deref();
            for (i, a) in copies.iter().enumerate() {
                for b in &copies[i + 1..] {
                    let (first, second) = if a.annotator < b.annotator { (a, b) } else { (b, a) };
                    for mode in Mode::ALL {
                        let counts = pair(first.spans, second.spans, mode, only);
                        *tallies.f1.entry((mode, label.clone())).or_default() += counts;
                    }
                }
            }
            let coded: Vec<(usize, Vec<Rc<str>>)> =
                copies.iter().map(|c| (c.annotator, categories(&tokens, c.spans, only))).collect();
            let kappa = tallies.kappa.entry(label.clone()).or_default();
            if let [(x, first), (y, second)] = coded.as_slice() {
                let (first, second) = if x < y { (first, second) } else { (second, first) };
                for (a, b) in first.iter().zip(second) {
                    kappa.add(a.clone(), b.clone());
                }
            }
            let alpha = tallies.alpha.entry(label).or_default();
            for token in 0..tokens.len() {
                let values: Vec<Option<Rc<str>>> = coded.iter().map(|(_, c)| Some(c[token].clone())).collect();
                alpha.add(&values);
            }
        }
        tallies
    }

    pub fn absorb(&mut self, other: &Tallies) {
        for (key, counts) in &other.f1 {
            *self.f1.entry(key.clone()).or_default() += *counts;
        }
        for (key, tally) in &other.kappa {
            self.kappa.entry(key.clone()).or_default().absorb(tally);
        }
        for (key, tally) in &other.alpha {
            self.alpha.entry(key.clone()).or_default().absorb(tally);
        }
    }

    /// The figures, all labels first, then each of `labels`; kappa only for two annotators.
    pub fn figures(&self, labels: &[Rc<str>], annotators: usize) -> Vec<Figure> {
        let mut figures = Vec::new();
        for label in std::iter::once(None).chain(labels.iter().cloned().map(Some)) {
            let modes: &[Mode] = if label.is_none() { &Mode::ALL } else { &[Mode::Exact, Mode::Overlap] };
            for &mode in modes {
                let counts = self.f1.get(&(mode, label.clone())).copied().unwrap_or_default();
                figures.push(Figure {
                    measure: mode.measure(),
                    label: label.clone(),
                    value: counts.f1(),
                    counts: FigureCounts::Spans(counts),
                });
            }
            if annotators == 2 {
                let kappa = self.kappa.get(&label).cloned().unwrap_or_default();
                figures.push(Figure {
                    measure: "kappa",
                    label: label.clone(),
                    value: kappa.value(),
                    counts: FigureCounts::Kappa {
                        tokens: kappa.items,
                        agreed: kappa.agreed,
                        observed: kappa.observed(),
                        expected: kappa.expected(),
                    },
                });
            }
            let alpha = self.alpha.get(&label).cloned().unwrap_or_default();
            figures.push(Figure {
                measure: "alpha",
                label,
                value: alpha.value(),
                counts: FigureCounts::Alpha {
                    tokens: alpha.units,
                    observed_disagreement: alpha.observed(),
                    expected_disagreement: alpha.expected(),
                },
            });
        }
        figures
    }
}

/// One number of the report and what it was computed from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// `f1-exact`, `f1-overlap`, `f1-unlabeled`, `kappa` or `alpha`.
    pub measure: &'static str,
    /// The label it is restricted to; `None` ("all" in files) for every label.
    #[serde(serialize_with = "label_or_all")]
    pub label: Option<Rc<str>>,
    pub value: f64,
    pub counts: FigureCounts,
}

impl Figure {
    /// The label as the report names it: its id, or "all".
    pub fn label_key(&self) -> &str {
        self.label.as_deref().unwrap_or("all")
    }
}

fn label_or_all<S: serde::Serializer>(label: &Option<Rc<str>>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(label.as_deref().unwrap_or("all"))
}

/// Every measure the report gives, by the name it is written under.
pub const MEASURES: [&str; 5] = ["f1-exact", "f1-overlap", "f1-unlabeled", "kappa", "alpha"];

/// A figure as written: the measure and label by name.
#[derive(Deserialize)]
struct FigureRecord {
    measure: String,
    label: String,
    value: f64,
    counts: FigureCounts,
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = FigureRecord::deserialize(deserializer)?;
        let measure = MEASURES
            .into_iter()
            .find(|m| *m == record.measure)
            .ok_or_else(|| serde::de::Error::custom(format!("no measure {}", record.measure)))?;
        let label = (record.label != "all").then(|| record.label.into());
        Ok(Figure { measure, label, value: record.value, counts: record.counts })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FigureCounts {
    /// F1: spans matched, spans of the earlier / later annotator of each pair left unmatched,
    /// boundaries marked by both with no label in common.
    Spans(Counts),
    Kappa {
        tokens: usize,
        agreed: usize,
        observed: f64,
        expected: f64,
    },
    Alpha {
        tokens: usize,
        observed_disagreement: f64,
        expected_disagreement: f64,
    },
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Counts", 4)?;
        s.serialize_field("matched", &self.matched)?;
        s.serialize_field("only_first", &self.only_first)?;
        s.serialize_field("only_second", &self.only_second)?;
        s.serialize_field("label_conflicts", &self.label_conflicts)?;
        s.end()
    }
}

impl FigureCounts {
    /// The counts in words, for the table and screen readers.
    pub fn describe(&self) -> String {
        match self {
            FigureCounts::Spans(c) => format!(
                "{} matched, {} only first, {} only second, {} label conflicts",
                c.matched, c.only_first, c.only_second, c.label_conflicts
            ),
            FigureCounts::Kappa { tokens, agreed, expected, .. } => {
                format!("{agreed} of {tokens} tokens agree; chance agreement {expected:.3}")
            }
            FigureCounts::Alpha { tokens, observed_disagreement, expected_disagreement } => format!(
                "{tokens} tokens; disagreement {observed_disagreement:.3} observed, {expected_disagreement:.3} by chance"
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentReport {
    pub name: String,
    pub sha256: String,
    /// The annotators (indices) who have a copy of it.
    pub annotators: Vec<usize>,
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub annotators: Vec<Rc<str>>,
    pub labels: Vec<Rc<str>>,
    pub corpus: Vec<Figure>,
    pub documents: Vec<DocumentReport>,
}

/// One text and its copies, as the report takes them.
pub struct ReportInput<'a> {
    pub name: &'a str,
    pub sha256: &'a str,
    pub text: &'a str,
    pub copies: Vec<Copy<'a>>,
}

pub fn report(annotators: &[Rc<str>], labels: &[Rc<str>], documents: &[ReportInput<'_>]) -> Report {
    let mut corpus = Tallies::default();
    let mut reports = Vec::new();
    for doc in documents {
        let tallies = Tallies::of_document(doc.text, &doc.copies, labels);
        corpus.absorb(&tallies);
        reports.push(DocumentReport {
            name: doc.name.to_string(),
            sha256: doc.sha256.to_string(),
            annotators: doc.copies.iter().map(|c| c.annotator).collect(),
            figures: tallies.figures(labels, annotators.len()),
        });
    }
    Report {
        annotators: annotators.to_vec(),
        labels: labels.to_vec(),
        corpus: corpus.figures(labels, annotators.len()),
        documents: reports,
    }
}

/// One text and its copies, owned: what the page hands the worker that computes the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobDocument {
    pub name: String,
    pub sha256: String,
    pub text: Rc<str>,
    /// Each copy's annotator (an index into the job's annotators) and spans.
    pub copies: Vec<(usize, Vec<Span>)>,
}

/// Everything a report is computed from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Job {
    pub annotators: Vec<Rc<str>>,
    pub labels: Vec<Rc<str>>,
    pub documents: Vec<JobDocument>,
}

impl Job {
    pub fn run(&self) -> Report {
        let inputs: Vec<ReportInput<'_>> = self
            .documents
            .iter()
            .map(|d| ReportInput {
                name: &d.name,
                sha256: &d.sha256,
                text: &d.text,
                copies: d.copies.iter().map(|(annotator, spans)| Copy { annotator: *annotator, spans }).collect(),
            })
            .collect();
        report(&self.annotators, &self.labels, &inputs)
    }
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }

    /// One row per figure: the corpus's first (document empty), then each document's.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let header = ["document", "sha256", "label", "measure", "value", "counts"];
        let mut rows = vec![header.map(String::from).to_vec()];
        let scopes = std::iter::once(("", "", &self.corpus))
            .chain(self.documents.iter().map(|d| (&*d.name, &*d.sha256, &d.figures)));
        for (name, sha, figures) in scopes {
            for f in figures {
                rows.push(vec![
                    name.to_string(),
                    sha.to_string(),
                    f.label_key().to_string(),
                    f.measure.to_string(),
                    f.value.to_string(),
                    f.counts.describe(),
                ]);
            }
        }
        for row in rows {
            writer.write_record(&row).expect("writing to memory cannot fail");
        }
        writer.into_inner().expect("writing to memory cannot fail")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(figures: &[Figure], measure: &str, label: &str) -> f64 {
        figures.iter().find(|f| f.measure == measure && f.label_key() == label).unwrap().value
    }

    #[test]
    fn a_report_of_the_published_example() {
        let text = "Peskov met Zelensky and said he agreed to everything there in Geneva today.";
        let a = [Span::new("a1", 0, 6, "actor"), Span::new("a2", 11, 19, "location")];
        let b = [Span::new("b1", 0, 6, "actor"), Span::new("b2", 11, 19, "actor"), Span::new("b3", 62, 68, "location")];
        let labels: Vec<Rc<str>> = ["actor", "location"].map(Rc::from).to_vec();
        let input = ReportInput {
            name: "t.txt",
            sha256: "x",
            text,
            copies: vec![Copy { annotator: 0, spans: &a }, Copy { annotator: 1, spans: &b }],
        };
        let report = report(&["ann".into(), "bob".into()], &labels, &[input]);
        assert_eq!(value(&report.corpus, "f1-exact", "all"), 2.0 / 5.0);
        assert_eq!(value(&report.corpus, "f1-unlabeled", "all"), 4.0 / 5.0);
        assert_eq!(value(&report.corpus, "f1-exact", "actor"), 2.0 / 3.0);
        assert!(report.corpus.iter().all(|f| f.measure != "f1-unlabeled" || f.label.is_none()));
        // Tokens: Peskov met Zelensky and said he agreed to everything there in Geneva today .
        // a: actor O location O O O O O O O O O O O; b: actor O actor O … location O O.
        let kappa = report.corpus.iter().find(|f| f.measure == "kappa" && f.label.is_none()).unwrap();
        let FigureCounts::Kappa { tokens, agreed, .. } = kappa.counts else { panic!("kappa counts") };
        assert_eq!((tokens, agreed), (14, 12));
        let expected = (12.0 * 11.0 + 1.0 * 2.0 + 1.0 * 1.0) / (14.0 * 14.0);
        assert!((kappa.value - (12.0 / 14.0 - expected) / (1.0 - expected)).abs() < 1e-12);
        assert_eq!(report.documents[0].figures, report.corpus, "one document is the corpus");
        let csv = String::from_utf8(report.to_csv()).unwrap();
        assert!(csv.lines().next().unwrap().starts_with("document,sha256,label,measure,value"));
        assert!(csv.contains(",all,f1-exact,0.4,"));
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(json["corpus"][0]["measure"], "f1-exact");
        assert_eq!(json["corpus"][0]["label"], "all");
        assert_eq!(json["corpus"][0]["counts"]["matched"], 1);
        let back: Report = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(back, report, "the report crosses from the worker whole, every count and value");
    }

    #[test]
    fn a_job_owns_its_inputs_and_gives_the_same_report() {
        let spans = [Span::new("s1", 0, 6, "actor"), Span::new("s2", 11, 19, "location")];
        let other = [Span::new("s1", 0, 6, "actor")];
        let labels: Vec<Rc<str>> = ["actor", "location"].map(Rc::from).to_vec();
        let annotators: Vec<Rc<str>> = ["ann", "bob"].map(Rc::from).to_vec();
        let text = "Peskov met Zelensky.";
        let job = Job {
            annotators: annotators.clone(),
            labels: labels.clone(),
            documents: vec![JobDocument {
                name: "t".into(),
                sha256: "x".into(),
                text: text.into(),
                copies: vec![(0, spans.to_vec()), (1, other.to_vec())],
            }],
        };
        let copies = vec![Copy { annotator: 0, spans: &spans }, Copy { annotator: 1, spans: &other }];
        let direct = report(&annotators, &labels, &[ReportInput { name: "t", sha256: "x", text, copies }]);
        assert_eq!(job.run(), direct);
        assert_eq!(value(&direct.corpus, "f1-exact", "all"), 2.0 / 3.0);
    }

    #[test]
    fn three_annotators_get_alpha_and_no_kappa() {
        let spans = [Span::new("s1", 0, 6, "actor")];
        let copies = (0..3).map(|annotator| Copy { annotator, spans: &spans }).collect();
        let input = ReportInput { name: "t", sha256: "x", text: "Peskov spoke", copies };
        let report = report(&["a".into(), "b".into(), "c".into()], &["actor".into()], &[input]);
        assert!(report.corpus.iter().all(|f| f.measure != "kappa"));
        assert!(report.corpus.iter().all(|f| f.value == 1.0));
        let FigureCounts::Spans(counts) = report.corpus[0].counts else { panic!() };
        assert_eq!(counts.matched, 3, "three pairs");
    }
}
