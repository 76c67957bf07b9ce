//! The importers and the storage loader never panic: 10,000+ generated and mutated inputs
//! (random bytes; valid exports and stored workspaces with bytes flipped, cut, or inserted)
//! each give a workspace or a clear error that names the file.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::formats::{native, open::open_file, storage};
use article_annotator::model::{default_labels, default_relation_types, Document, Span};
use proptest::prelude::*;

fn valid_export(text: &str, spans: &[(usize, usize, usize)]) -> String {
    let mut doc = Document::new("d1", "x.txt", text);
    let labels = default_labels();
    for &(a, b, label) in spans {
        let len = doc.len();
        let (start, end) = (a % len.max(1), b % len.max(1) + 1);
        if start < end && end <= len {
            let id = doc.fresh_span_id();
            let _ = doc.insert_span(Span::new(id, start, end, labels[label % 4].id.clone()));
        }
    }
    native::export(&labels, &default_relation_types(), [&doc])
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Cut(usize),
    Insert(usize, u8),
    Delete(usize, usize),
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len().max(1);
        match *mutation {
            Mutation::Flip(at, byte) if !bytes.is_empty() => bytes[at % len] = byte,
            Mutation::Cut(at) => bytes.truncate(at % len),
            Mutation::Insert(at, byte) => bytes.insert((at % len).min(bytes.len()), byte),
            Mutation::Delete(at, n) if !bytes.is_empty() => {
                let start = at % len;
                bytes.drain(start..(start + n).min(bytes.len()));
            }
            _ => {}
        }
    }
    bytes
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let one = prop_oneof![
        4 => (any::<usize>(), prop::sample::select(b"{}[]\":,0123456789-.e \\nxu\xff\x00".to_vec())).prop_map(|(a, b)| Mutation::Flip(a, b)),
        1 => any::<usize>().prop_map(Mutation::Cut),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Insert(a, b)),
        2 => (any::<usize>(), 1usize..20).prop_map(|(a, n)| Mutation::Delete(a, n)),
    ];
    prop::collection::vec(one, 1..6)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(vec!["Peskov ", "😀", "\r\n", "é", "“q”", "1,250 ", "\u{301}"]), 1..20)
        .prop_map(|parts| parts.concat())
}

/// Opening must give documents or an error that names the file; never a panic.
fn check_open(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    match open_file(name, bytes) {
        Ok(opened) => prop_assert!(!opened.documents.is_empty()),
        Err(error) => prop_assert!(error.to_string().contains(name) && !error.reason.is_empty()),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), json in any::<bool>()) {
        check_open(if json { "random.json" } else { "random.txt" }, &bytes)?;
        let _ = storage::load(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_exports_never_panic(text in text(), spans in prop::collection::vec((0usize..99, 0usize..99, 0usize..4), 0..6), edits in mutations()) {
        let bytes = mutate(valid_export(&text, &spans).into_bytes(), &edits);
        check_open("mutated.json", &bytes)?;
        check_open("mutated.jsonl", &bytes)?;
    }

    #[test]
    fn mutated_stored_workspaces_never_panic(text in text(), edits in mutations()) {
        let opened = native::import("x.json", &valid_export(&text, &[(0, 5, 0)])).unwrap();
        let stored = storage::save(
            &opened.labels,
            &opened.relation_types,
            &opened.documents,
            storage::Extras { active: Some("d1"), saved_at: 1.0, revision: 1, ..Default::default() },
        );
        let mutated = String::from_utf8_lossy(&mutate(stored.into_bytes(), &edits)).into_owned();
        match storage::load(&mutated) {
            Ok(restored) => prop_assert!(restored.documents.iter().all(|d| d.spans().iter().all(|s| s.end <= d.len()))),
            Err(reason) => prop_assert!(!reason.is_empty()),
        }
    }
}
