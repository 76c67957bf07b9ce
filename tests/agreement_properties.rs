//! Property tests of the agreement measures: a copy agrees with itself fully in every measure,
//! every measure is symmetric in its two copies, and a span only one side marked never raises
//! the exact F1.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use article_annotator::agreement::f1::{pair, Mode};
use article_annotator::agreement::report::{report, Copy, Figure, ReportInput};
use article_annotator::model::Span;
use proptest::prelude::*;

const TEXT: &str = "“We will talk,” Dmitry Peskov said in Geneva on Monday, as 1,250 troops left Kyiv. \
                    The U.S. envoy met him there.";
const LABELS: [&str; 4] = ["actor", "location", "figure", "quote"];

/// Spans over `TEXT`, no two with the same label and boundaries (as a document holds them).
fn spans() -> impl Strategy<Value = Vec<Span>> {
    let len = TEXT.chars().count();
    prop::collection::vec((0..len, 1..30usize, 0..LABELS.len()), 0..12).prop_map(move |raw| {
        let mut spans: Vec<Span> = Vec::new();
        for (start, width, label) in raw {
            let end = (start + width).min(len);
            let same = |s: &Span| (s.start, s.end, &*s.label) == (start, end, LABELS[label]);
            if start < end && !spans.iter().any(same) {
                spans.push(Span::new(format!("s{}", spans.len()), start, end, LABELS[label]));
            }
        }
        spans
    })
}

fn figures(copies: &[&[Span]]) -> Vec<Figure> {
    let names: Vec<Rc<str>> = (0..copies.len()).map(|n| Rc::from(format!("annotator {n}"))).collect();
    let labels: Vec<Rc<str>> = LABELS.map(Rc::from).to_vec();
    let copies = copies.iter().enumerate().map(|(annotator, spans)| Copy { annotator, spans }).collect();
    report(&names, &labels, &[ReportInput { name: "t", sha256: "x", text: TEXT, copies }]).corpus
}

proptest! {
    #[test]
    fn a_copy_agrees_with_itself_in_every_measure(a in spans()) {
        for figure in figures(&[&a, &a]) {
            prop_assert_eq!(figure.value, 1.0, "{} {}", figure.measure, figure.label_key());
        }
        for figure in figures(&[&a, &a, &a]) {
            prop_assert_eq!(figure.value, 1.0, "{} {}", figure.measure, figure.label_key());
        }
    }

    #[test]
    fn every_measure_is_symmetric(a in spans(), b in spans()) {
        let (ab, ba) = (figures(&[&a, &b]), figures(&[&b, &a]));
        prop_assert_eq!(ab.len(), ba.len());
        for (x, y) in ab.iter().zip(&ba) {
            prop_assert!((x.value - y.value).abs() < 1e-12, "{} {}: {} vs {}", x.measure, x.label_key(), x.value, y.value);
        }
        for mode in Mode::ALL {
            let (x, y) = (pair(&a, &b, mode, None), pair(&b, &a, mode, None));
            prop_assert_eq!((x.matched, x.only_first, x.label_conflicts), (y.matched, y.only_second, y.label_conflicts));
        }
    }

    #[test]
    fn a_span_only_one_side_marked_never_raises_exact_f1(a in spans(), b in spans(), extra in spans()) {
        let before = pair(&a, &b, Mode::Exact, None).f1();
        let mut more = a.clone();
        for span in extra {
            let key = (span.start, span.end, span.label.clone());
            let taken = |s: &Span| (s.start, s.end, s.label.clone()) == key;
            if !b.iter().any(taken) && !more.iter().any(taken) {
                more.push(Span { id: format!("x{}", more.len()).into(), ..span });
            }
        }
        prop_assert!(pair(&more, &b, Mode::Exact, None).f1() <= before);
    }
}
