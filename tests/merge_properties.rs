//! Property tests of the three-way merge that lets several tabs share one workspace: whatever
//! each side did to the stored copy survives the merge.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::rc::Rc;

use article_annotator::model::merge::merge;
use article_annotator::model::{Document, Span, Workspace};
use proptest::prelude::*;

const TEXT: &str = "Peskov met Zelensky and Macron in Geneva on Monday, officials said, after 126 drones hit Kyiv.";
const LABELS: [&str; 4] = ["actor", "location", "figure", "quote"];

type Triple = (usize, usize, &'static str);

fn triples() -> impl Strategy<Value = Vec<Triple>> {
    let len = TEXT.chars().count();
    prop::collection::vec((0..len, 1..12usize, 0..4usize), 0..12)
        .prop_map(move |raw| raw.into_iter().map(|(s, w, l)| (s, (s + w).min(len), LABELS[l])).collect())
}

/// Adds each triple as a span with the next free id, as a tab does.
fn tag_all(doc: &mut Document, triples: &[Triple]) {
    for &(start, end, label) in triples {
        let id = doc.fresh_span_id();
        doc.insert_span(Span::new(id, start, end, label)).unwrap();
    }
}

fn workspace(doc: Document) -> Workspace {
    Workspace { documents: vec![Rc::new(doc)], ..Workspace::default() }
}

fn annotations(ws: &Workspace) -> BTreeSet<(usize, usize, String)> {
    ws.documents[0].spans().iter().map(|s| (s.start, s.end, s.label.to_string())).collect()
}

proptest! {
    #[test]
    fn a_side_that_changed_nothing_takes_the_other_sides_workspace(base in triples(), edits in triples(), drop in 0..6usize) {
        let mut base_doc = Document::new("d1", "a.txt", TEXT);
        tag_all(&mut base_doc, &base);
        let mut edited = base_doc.clone();
        if let Some(id) = edited.spans().get(drop).map(|s| s.id.clone()) {
            edited.remove_span(&id);
        }
        tag_all(&mut edited, &edits);
        let (base, edited) = (workspace(base_doc), workspace(edited));
        prop_assert_eq!(&merge(&base, &edited, &base).workspace, &edited);
        prop_assert_eq!(&merge(&base, &base, &edited).workspace, &edited);
    }

    #[test]
    fn additions_here_and_removals_there_all_survive(base in triples(), ours_added in triples(), theirs_added in triples(), removed in prop::collection::vec(any::<bool>(), 12)) {
        let mut base_doc = Document::new("d1", "a.txt", TEXT);
        tag_all(&mut base_doc, &base);
        let mut ours = base_doc.clone();
        tag_all(&mut ours, &ours_added);
        // Theirs removes some of the base's spans and adds its own, with ids that may collide.
        let mut theirs = base_doc.clone();
        let gone: Vec<Span> = base_doc.spans().iter().zip(&removed).filter(|(_, r)| **r).map(|(s, _)| s.clone()).collect();
        for span in &gone {
            theirs.remove_span(&span.id);
        }
        tag_all(&mut theirs, &theirs_added);
        let expected: BTreeSet<(usize, usize, String)> = annotations(&workspace(theirs.clone()))
            .into_iter()
            .chain(annotations(&workspace(ours.clone())).into_iter().filter(|t| !gone.iter().any(|g| (g.start, g.end, g.label.to_string()) == *t)))
            .collect();
        let merged = merge(&workspace(base_doc), &workspace(ours), &workspace(theirs));
        prop_assert_eq!(annotations(&merged.workspace), expected);
    }
}
