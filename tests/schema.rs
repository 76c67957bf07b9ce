//! The JSON Schema of the native format (schemas/article-annotator.schema.json) accepts what
//! "Export JSON" writes, for workspaces with and without spans, notes, checks, statuses,
//! relations, the gold mark and hostile text, and refuses files that break the contract, so an
//! empty or loose schema fails
//! here.
#![cfg(not(target_arch = "wasm32"))]

use article_annotator::formats::native;
use article_annotator::model::{
    default_labels, default_relation_types, Document, Label, Relation, RelationType, Span, Status,
};
use serde_json::{json, Value};

fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/article-annotator.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

fn assert_valid(validator: &jsonschema::Validator, instance: &Value) {
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}\nin {instance:#}");
}

fn doc(id: &str, text: &str, spans: &[(usize, usize, &str)]) -> Document {
    let mut doc = Document::new(id, format!("{id}.txt"), text);
    for (n, &(start, end, label)) in spans.iter().enumerate() {
        doc.insert_span(Span::new(format!("s{}", n + 1), start, end, label)).unwrap();
    }
    doc
}

/// `said_by` and a custom type that takes any target and has no key.
fn relation_types() -> Vec<RelationType> {
    let mut types = default_relation_types();
    types.push(RelationType {
        id: "located_in".into(),
        name: "located in".into(),
        key: None,
        from_label: Some("actor".into()),
        to_label: None,
        single: false,
    });
    types
}

fn workspaces() -> Vec<(Vec<Label>, Vec<Document>)> {
    let mut noted = doc("d1", "Kremlin spokesperson Dmitry Peskov said “no”.", &[(21, 34, "actor"), (41, 43, "quote")]);
    let span = noted.span("s1").unwrap().clone();
    noted.remove_span("s1");
    let note = Some("Kremlin spokesman; “quoted”\r\nsecond line".into());
    noted.insert_span(Span { note, annotator: Some("ana".into()), ..span }).unwrap();
    noted.status = Status::InProgress;
    noted.insert_relation(Relation::new("r1", "said_by", "s2", "s1")).unwrap();
    let mut done =
        doc("d2", "😀🇺🇦 Genève\r\n\r\nKyiv e\u{301} 👍🏽 1,250 km.\r\n", &[(4, 10, "location"), (14, 18, "location")]);
    done.insert_span(Span { checked: true, note: Some("ministry".into()), ..Span::new("s3", 25, 30, "figure") })
        .unwrap();
    done.status = Status::Done;
    done.gold = true;
    let mut custom = default_labels();
    custom.push(Label { id: "quote-source".into(), name: "Quote source".into(), color: "#a0665a".into(), key: None });
    vec![
        (default_labels(), vec![]),
        (default_labels(), vec![doc("d1", "No spans here.\n", &[])]),
        (default_labels(), vec![noted.clone()]),
        (custom, vec![noted, done, doc("d3", "x", &[(0, 1, "quote-source")])]),
        (
            vec![],
            vec![doc("d9", "Nested: The Hague talks", &[(8, 23, "quote"), (8, 17, "location"), (12, 17, "actor")])],
        ),
    ]
}

#[test]
fn every_native_export_is_valid() {
    let validator = validator();
    for (labels, documents) in workspaces() {
        let exported: Value = serde_json::from_str(&native::export(&labels, &relation_types(), &documents)).unwrap();
        assert_valid(&validator, &exported);
    }
}

#[test]
fn the_exports_use_the_optional_keys_the_schema_describes() {
    // So the test above really covers notes, statuses and relations.
    let (labels, documents) = workspaces().remove(3);
    let exported: Value = serde_json::from_str(&native::export(&labels, &relation_types(), &documents)).unwrap();
    let first = &exported["documents"][0];
    assert_eq!(first["status"], "in_progress");
    assert!(first["spans"].as_array().unwrap().iter().any(|s| s.get("note").is_some()));
    assert_eq!(first["spans"][0]["annotator"], "ana", "spans of several people name theirs");
    assert_eq!(first["relations"][0]["type"], "said_by");
    assert_eq!(exported["documents"][1]["spans"][0]["text"], "Genève");
    assert_eq!(exported["documents"][1]["gold"], true, "the gold copy says so");
    assert_eq!(
        (
            exported["documents"][1]["spans"][2]["text"].as_str(),
            exported["documents"][1]["spans"][2]["checked"].as_bool()
        ),
        (Some("1,250"), Some(true))
    );
}

#[test]
fn optional_keys_and_later_additions_are_allowed() {
    let validator = validator();
    let (labels, documents) = workspaces().remove(2);
    let mut file: Value = serde_json::from_str(&native::export(&labels, &relation_types(), &documents)).unwrap();
    file["documents"][0]["entities"] =
        json!([{"id": "e1", "label": "actor", "name": "Dmitry Peskov", "mentions": ["s1"]}]);
    file["created_by"] = json!("a later version");
    file["documents"][0]["spans"][0]["confidence"] = json!(0.9);
    file["labels"][0]["description"] = json!("who acts");
    file["documents"][0]["relations"][0]["note"] = json!("later key");
    assert_valid(&validator, &file);
}

/// A change that breaks a valid file.
type Edit = dyn Fn(&mut Value);

#[test]
fn files_that_break_the_contract_are_invalid() {
    let validator = validator();
    let (labels, documents) = workspaces().remove(3);
    let good: Value = serde_json::from_str(&native::export(&labels, &relation_types(), &documents)).unwrap();
    assert_valid(&validator, &good);
    let broken: Vec<(&str, Box<Edit>)> = vec![
        ("span without end", Box::new(|f| drop(f["documents"][0]["spans"][0].as_object_mut().unwrap().remove("end")))),
        (
            "span without text",
            Box::new(|f| drop(f["documents"][0]["spans"][0].as_object_mut().unwrap().remove("text"))),
        ),
        ("negative start", Box::new(|f| f["documents"][0]["spans"][0]["start"] = json!(-1))),
        ("offset as a string", Box::new(|f| f["documents"][0]["spans"][0]["end"] = json!("34"))),
        ("other format", Box::new(|f| f["format"] = json!("label-studio"))),
        ("future version", Box::new(|f| f["version"] = json!(2))),
        ("utf-16 offsets", Box::new(|f| f["offset_unit"] = json!("utf16"))),
        ("no documents", Box::new(|f| drop(f.as_object_mut().unwrap().remove("documents")))),
        ("document without text", Box::new(|f| drop(f["documents"][1].as_object_mut().unwrap().remove("text")))),
        ("short sha256", Box::new(|f| f["documents"][0]["sha256"] = json!("abc"))),
        ("unknown status", Box::new(|f| f["documents"][0]["status"] = json!("finished"))),
        (
            "relation without to",
            Box::new(|f| drop(f["documents"][0]["relations"][0].as_object_mut().unwrap().remove("to"))),
        ),
        ("colour by name", Box::new(|f| f["labels"][0]["color"] = json!("blue"))),
        ("note as a number", Box::new(|f| f["documents"][0]["spans"][0]["note"] = json!(3))),
        ("checked as a string", Box::new(|f| f["documents"][1]["spans"][2]["checked"] = json!("yes"))),
        ("annotator as a number", Box::new(|f| f["documents"][0]["annotator"] = json!(3))),
        ("gold as a string", Box::new(|f| f["documents"][1]["gold"] = json!("yes"))),
        (
            "entity without mentions",
            Box::new(|f| f["documents"][0]["entities"] = json!([{"id": "e1", "label": "actor"}])),
        ),
        ("spans as an object", Box::new(|f| f["documents"][0]["spans"] = json!({}))),
    ];
    for (what, edit) in broken {
        let mut file = good.clone();
        edit(&mut file);
        assert!(!validator.is_valid(&file), "the schema accepts a file with {what}");
    }
}
