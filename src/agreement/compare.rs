//! Several people's files of the same texts, side by side: each file is one annotator's (named
//! by the `annotator` its spans carry, or "annotator 1, 2, …" in the order unnamed files come),
//! and documents are matched by the sha256 of their text, never by name. A text only one
//! annotator has is listed as unmatched, not compared; a file picked twice, or a second copy of
//! a text by the same annotator, is named in a note and left out.
//!
//! Each document's spans become marks: one per distinct (start, end, label), with who marked it
//! and how it agrees (see [`Kind`]).

use std::rc::Rc;

use super::report::{Job, JobDocument};
use crate::formats::{FileError, Opened};
use crate::model::{add_missing, Document, Label, Span};

/// One annotator's copy of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Copy {
    /// An index into [`Comparison::annotators`].
    pub annotator: usize,
    pub file: String,
    pub document: Rc<Document>,
}

/// A text two or more annotators have, with their copies in annotator order.
#[derive(Clone, Debug, PartialEq)]
pub struct Matched {
    pub sha256: String,
    pub copies: Vec<Copy>,
}

impl Matched {
    pub fn name(&self) -> &str {
        &self.copies[0].document.name
    }

    pub fn text(&self) -> &Rc<str> {
        self.copies[0].document.text()
    }
}

/// A text only one annotator has.
#[derive(Clone, Debug, PartialEq)]
pub struct Unmatched {
    pub file: String,
    pub name: String,
    pub annotator: Rc<str>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub annotators: Vec<Rc<str>>,
    /// Every label the files use, each once.
    pub labels: Vec<Label>,
    pub documents: Vec<Matched>,
    pub unmatched: Vec<Unmatched>,
    /// What was left out, and why, in words.
    pub notes: Vec<String>,
}

/// A picked file as read (in the page or the files worker): its name, its bytes (to tell a file
/// picked twice), and what it held.
pub type Picked = (String, Vec<u8>, Result<Opened, FileError>);

/// Reads the files of one pick with every reader: for native tests, where no worker is needed.
#[cfg(test)]
pub fn read(files: &[(String, Vec<u8>)]) -> Vec<Picked> {
    files
        .iter()
        .map(|(file, bytes)| (file.clone(), bytes.clone(), crate::formats::open::open_file(file, bytes)))
        .collect()
}

/// Reads the files of one pick with every reader and matches their documents (native tests).
#[cfg(test)]
pub fn compare(files: &[(String, Vec<u8>)]) -> Comparison {
    compare_read(read(files))
}

/// Matches the documents of the files of one pick, as read.
pub fn compare_read(files: Vec<Picked>) -> Comparison {
    let mut comparison = Comparison::default();
    let mut groups: Vec<Matched> = Vec::new();
    let mut unnamed = 0;
    for (at, (file, bytes, opened)) in files.iter().enumerate() {
        if let Some((earlier, _, _)) = files[..at].iter().find(|(_, b, _)| b == bytes) {
            comparison.notes.push(format!("“{file}” is the same file as “{earlier}”; it is compared once."));
            continue;
        }
        let opened = match opened.clone() {
            Ok(opened) => opened,
            Err(error) => {
                comparison.notes.push(error.to_string());
                continue;
            }
        };
        add_missing(&mut comparison.labels, opened.labels, |l| &l.id);
        let named = opened.documents.iter().flat_map(|d| d.spans()).find_map(|s| s.annotator.clone());
        let name = named.unwrap_or_else(|| {
            unnamed += 1;
            format!("annotator {unnamed}").into()
        });
        let annotator = match comparison.annotators.iter().position(|a| *a == name) {
            Some(known) => known,
            None => {
                comparison.annotators.push(name.clone());
                comparison.annotators.len() - 1
            }
        };
        for document in opened.documents {
            let sha256 = document.text_sha256().to_string();
            let copy = Copy { annotator, file: file.clone(), document: Rc::new(document) };
            match groups.iter_mut().find(|g| g.sha256 == sha256) {
                Some(group) if group.copies.iter().any(|c| c.annotator == annotator) => {
                    comparison.notes.push(format!(
                        "“{file}” holds “{}” by {name} a second time; only the first copy is compared.",
                        copy.document.name
                    ));
                }
                Some(group) => group.copies.push(copy),
                None => groups.push(Matched { sha256, copies: vec![copy] }),
            }
        }
    }
    for mut group in groups {
        if group.copies.len() < 2 {
            let copy = group.copies.remove(0);
            let annotator = comparison.annotators[copy.annotator].clone();
            comparison.unmatched.push(Unmatched { file: copy.file, name: copy.document.name.clone(), annotator });
        } else {
            crate::sort::sort_by_key(&mut group.copies, |c| c.annotator);
            comparison.documents.push(group);
        }
    }
    if comparison.annotators.len() < 2 {
        comparison.notes.push("Comparing needs the files of at least two annotators.".into());
    }
    comparison
}

impl Comparison {
    /// What the agreement report of every matched document is computed from.
    pub fn report_job(&self) -> Job {
        Job {
            annotators: self.annotators.clone(),
            labels: self.labels.iter().map(|l| l.id.clone()).collect(),
            documents: self
                .documents
                .iter()
                .map(|m| JobDocument {
                    name: m.name().to_string(),
                    sha256: m.sha256.clone(),
                    text: m.text().clone(),
                    copies: m.copies.iter().map(|c| (c.annotator, c.document.spans().to_vec())).collect(),
                })
                .collect(),
        }
    }
}

/// How the copies agree on one mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Every copy has this span with this label.
    Agreed,
    /// Some copy has the same span with another label.
    LabelDiffers,
    /// Some copy has an overlapping span of the same label, with other boundaries.
    BoundaryDiffers,
    /// Only some copies (with two annotators: only one person) marked anything like it.
    NotAll,
}

impl Kind {
    /// The name in the view's `data-agreement` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Agreed => "agreed",
            Kind::LabelDiffers => "label",
            Kind::BoundaryDiffers => "boundary",
            Kind::NotAll => "only-some",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Kind::Agreed => "all agree",
            Kind::LabelDiffers => "same span, different labels",
            Kind::BoundaryDiffers => "overlapping, different boundaries",
            Kind::NotAll => "not marked by everyone",
        }
    }
}

/// One distinct (start, end, label) of a document's copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub label: Rc<str>,
    /// The copies (positions in the document's copy list) that have it.
    pub copies: Vec<usize>,
    pub kind: Kind,
}

/// The marks of a document's copies, in reading order (start, longer first, label).
pub fn marks(copies: &[&[Span]]) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    for (copy, spans) in copies.iter().enumerate() {
        for s in *spans {
            match marks.iter_mut().find(|m| (m.start, m.end, &m.label) == (s.start, s.end, &s.label)) {
                Some(mark) => mark.copies.push(copy),
                None => marks.push(Mark {
                    start: s.start,
                    end: s.end,
                    label: s.label.clone(),
                    copies: vec![copy],
                    kind: Kind::NotAll,
                }),
            }
        }
    }
    for mark in &mut marks {
        let closest = |s: &Span| {
            if (s.start, s.end) == (mark.start, mark.end) {
                Kind::LabelDiffers
            } else if s.label == mark.label && s.start < mark.end && mark.start < s.end {
                Kind::BoundaryDiffers
            } else {
                Kind::NotAll
            }
        };
        let lacking: Vec<usize> = (0..copies.len()).filter(|c| !mark.copies.contains(c)).collect();
        mark.kind = if lacking.is_empty() {
            Kind::Agreed
        } else {
            lacking.iter().flat_map(|&c| copies[c].iter().map(closest)).min().unwrap_or(Kind::NotAll)
        };
    }
    crate::sort::sort_by(&mut marks, |a, b| {
        (a.start, std::cmp::Reverse(a.end), &a.label).cmp(&(b.start, std::cmp::Reverse(b.end), &b.label))
    });
    marks
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::formats::native::export;
    use crate::model::{default_labels, default_relation_types};

    /// A text and its spans as (start, end, label).
    pub(crate) type Marked<'a> = (&'a str, &'a [(usize, usize, &'a str)]);

    /// A native export named `name` of `docs`, every span made by `annotator`.
    pub(crate) fn file(name: &str, annotator: Option<&str>, docs: &[Marked<'_>]) -> (String, Vec<u8>) {
        let documents: Vec<Document> = docs
            .iter()
            .enumerate()
            .map(|(n, (text, spans))| {
                let mut doc = Document::new(format!("d{n}"), format!("{name}-{n}.txt"), *text);
                for (i, &(start, end, label)) in spans.iter().enumerate() {
                    let span =
                        Span { annotator: annotator.map(Rc::from), ..Span::new(format!("s{i}"), start, end, label) };
                    doc.insert_span(span).unwrap();
                }
                doc
            })
            .collect();
        (name.to_string(), export(&default_labels(), &default_relation_types(), &documents).into_bytes())
    }

    const TEXT: &str = "Peskov met Zelensky in Geneva.";

    #[test]
    fn documents_are_matched_by_text_and_the_rest_listed_unmatched() {
        let files = [
            file("a.json", Some("ana"), &[(TEXT, &[(0, 6, "actor")]), ("Only Ana has this.", &[])]),
            file("b.json", Some("ben"), &[(TEXT, &[(0, 6, "actor"), (23, 29, "location")])]),
        ];
        let comparison = compare(&files);
        assert_eq!(comparison.annotators, [Rc::from("ana"), Rc::from("ben")]);
        assert_eq!(comparison.documents.len(), 1);
        assert_eq!(comparison.documents[0].copies.iter().map(|c| c.annotator).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(
            comparison.unmatched,
            [Unmatched { file: "a.json".into(), name: "a.json-1.txt".into(), annotator: "ana".into() }]
        );
        assert!(comparison.notes.is_empty(), "{:?}", comparison.notes);
        // Names differ ("a.json-0.txt", "b.json-0.txt"): the text decides.
        let report = comparison.report_job().run();
        let exact = report.corpus.iter().find(|f| f.measure == "f1-exact" && f.label.is_none()).unwrap();
        assert_eq!(exact.value, 2.0 / 3.0);
    }

    #[test]
    fn a_file_twice_and_files_without_names_are_told_apart() {
        let a = file("a.json", None, &[(TEXT, &[(0, 6, "actor")])]);
        let b = file("b.json", None, &[(TEXT, &[(0, 6, "location")])]);
        let again = ("copy of a.json".to_string(), a.1.clone());
        let comparison = compare(&[a, b, again]);
        assert_eq!(comparison.annotators, [Rc::from("annotator 1"), Rc::from("annotator 2")]);
        assert_eq!(comparison.notes, ["“copy of a.json” is the same file as “a.json”; it is compared once."]);
        let same_person = [
            file("a.json", Some("ana"), &[(TEXT, &[(0, 6, "actor")])]),
            file("a2.json", Some("ana"), &[(TEXT, &[(7, 10, "actor")])]),
            file("b.json", Some("ben"), &[(TEXT, &[])]),
        ];
        let comparison = compare(&same_person);
        assert_eq!(comparison.documents[0].copies.len(), 2);
        assert!(comparison.notes[0].contains("by ana a second time"), "{:?}", comparison.notes);
        let lone = compare(&[file("a.json", Some("ana"), &[(TEXT, &[])]), ("x.json".into(), b"{".to_vec())]);
        assert!(lone.notes.iter().any(|n| n.contains("x.json")));
        assert!(lone.notes.iter().any(|n| n.contains("at least two annotators")));
        assert_eq!(lone.unmatched.len(), 1);
    }

    #[test]
    fn each_mark_says_how_the_copies_agree() {
        let a = [Span::new("a", 0, 6, "actor"), Span::new("b", 11, 19, "location"), Span::new("c", 23, 29, "location")];
        let b = [Span::new("a", 0, 6, "actor"), Span::new("b", 11, 19, "actor"), Span::new("c", 23, 30, "location")];
        let c = [Span::new("x", 7, 10, "figure")];
        let kinds = |copies: &[&[Span]]| -> Vec<(usize, usize, String, Kind)> {
            marks(copies).into_iter().map(|m| (m.start, m.end, m.label.to_string(), m.kind)).collect()
        };
        assert_eq!(
            kinds(&[&a, &b]),
            [
                (0, 6, "actor".into(), Kind::Agreed),
                (11, 19, "actor".into(), Kind::LabelDiffers),
                (11, 19, "location".into(), Kind::LabelDiffers),
                (23, 30, "location".into(), Kind::BoundaryDiffers),
                (23, 29, "location".into(), Kind::BoundaryDiffers),
            ]
        );
        assert_eq!(kinds(&[&a, &c]).iter().filter(|k| k.3 == Kind::NotAll).count(), 4);
    }
}
