//! Label Studio's JSON export (<https://labelstud.io/guide/export>): a JSON array of tasks,
//! `[{"id", "data": {"text": …}, "annotations": [{"result": [...]}], "predictions": [...]}]`,
//! with span results `{"id", "from_name", "to_name", "type": "labels", "value": {"start", "end",
//! "text", "labels": [...]}}` and relation results `{"type": "relation", "from_id", "to_id",
//! "direction", "labels": [...]}`. What opens from it, and what "Export Label Studio" writes.
//!
//! **Offsets: code points now, UTF-16 code units in older exports, so both are read.** Label
//! Studio's browser editor once stored JavaScript string indices, UTF-16 code units: an emoji
//! before a span shifted it by one (issue HumanSignal/label-studio#1347, "UTF8 text got invalid
//! annotation offset": `💩This is an annotation.` exported "annotation" as 13..23 where Python
//! says 12..22). It was fixed by storing code points (pull request #1559, "Store code points
//! instead of js length", merged through label-studio-frontend#308), and Label Studio's own
//! end-to-end test `web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts` now expects "test"
//! in `🐱 Warning: This is a test text` at 21..25, which is code points (UTF-16 would be 22..26).
//! Files from both eras exist, and a project upgraded midway mixes them, so each span is placed
//! where its offsets hold its `value.text` — read as code points first (or as UTF-16 when most
//! spans of that task fit only that way), then as the other unit — and only when neither holds
//! it is it repaired from the text by [`super::repair::place_span`] (if unique) or refused.
//! Spans without `value.text` (it "can be skipped") are read in the task's unit.
//! Label Studio's `value.text` writes a line break as the two characters `\n`; that is undone.
//!
//! Choices made here:
//! - The text is `data.text`, or else the only string in `data` (the labeling config's
//!   `value="$…"` names the key, which the export does not carry); otherwise the file is refused
//!   naming the keys.
//! - Of a task's annotations, cancelled ones are skipped and the one marked `ground_truth`, else
//!   the first, is opened: several annotators' disagreeing spans would otherwise pile up in one
//!   document. `predictions` (a model's pre-annotations) are opened only for tasks no one has
//!   annotated, so they can be reviewed here. Both are said in a note.
//! - A region with several labels becomes one span per label. A per-region `textarea` result
//!   (same id as the region) becomes the span's note. Relations keep their `direction`
//!   (`"left"` is turned around; `"bi"` opens as from → to, said in a note); a relation without
//!   labels gets the type "related". Results of other kinds (choices, ratings, HyperText regions
//!   with XPath positions) are left out, counted in a note.
//!
//! The export writes the same shape, one task per document, offsets in code points as current
//! Label Studio reads them (`from_name` "label", `to_name` "text", notes as per-region
//! `textarea` results with `from_name` "note"). To import it, the project's labeling config needs
//! `<Text name="text" value="$text"/>`, `<Labels name="label" toName="text">` with the label
//! ids as values, and `<Relations>` for the relation types.

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::{json, Value};

use super::repair::{add_placed_span, label_from_id, place_span, OffsetUnit};
use super::{FileError, Opened};
use crate::model::{Document, Relation};
use crate::text::offsets::CodepointIndex;

/// Whether parsed JSON is a Label Studio export: an array of tasks, each with a `data` object
/// (or one such task with its annotations).
pub fn looks_label_studio(value: &Value) -> bool {
    let is_task = |v: &Value| v.get("data").is_some_and(Value::is_object);
    match value {
        Value::Array(tasks) => tasks.first().is_some_and(is_task),
        Value::Object(_) => {
            is_task(value) && (value.get("annotations").is_some() || value.get("predictions").is_some())
        }
        _ => false,
    }
}

fn many(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

fn task_name(task: &Value, number: usize) -> String {
    match task.get("id") {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => number.to_string(),
    }
}

/// The task's text, or why it cannot be told.
fn task_text(data: &serde_json::Map<String, Value>) -> Result<&str, String> {
    if let Some(text) = data.get("text").and_then(Value::as_str) {
        return Ok(text);
    }
    let strings: Vec<(&String, &str)> = data.iter().filter_map(|(k, v)| Some((k, v.as_str()?))).collect();
    match strings.as_slice() {
        [(_, only)] => Ok(only),
        _ => {
            let keys: Vec<String> = data.keys().map(|k| format!("\"{k}\"")).collect();
            Err(format!(
                "its data has no \"text\" and not exactly one string to take instead (keys: {})",
                if keys.is_empty() { "none".to_string() } else { keys.join(", ") }
            ))
        }
    }
}

fn other(unit: OffsetUnit) -> OffsetUnit {
    if unit == OffsetUnit::Utf16 {
        OffsetUnit::CodePoint
    } else {
        OffsetUnit::Utf16
    }
}

/// Code-point offsets from UTF-16 ones without rescanning the text: where each astral
/// character (two UTF-16 units) starts, in UTF-16 units.
struct Utf16Map {
    astral: Vec<usize>,
    len: usize,
}

impl Utf16Map {
    fn new(text: &str) -> Self {
        let (mut astral, mut at) = (Vec::new(), 0);
        for c in text.chars() {
            if c.len_utf16() == 2 {
                astral.push(at);
            }
            at += c.len_utf16();
        }
        Self { astral, len: at }
    }

    /// `offset` in UTF-16 units as code points; `None` past the end or inside a surrogate pair.
    fn to_codepoint(&self, offset: usize) -> Option<usize> {
        let before = self.astral.partition_point(|&start| start < offset);
        let inside = before > 0 && self.astral[before - 1] + 1 == offset;
        (offset <= self.len && !inside).then(|| offset - before)
    }
}

/// `[start, end)` read in `unit`, if that holds exactly `claimed`.
fn exactly(
    doc: &Document,
    map: &Utf16Map,
    (start, end): (usize, usize),
    claimed: &str,
    unit: OffsetUnit,
) -> Option<(usize, usize)> {
    let convert = |offset| match unit {
        OffsetUnit::Utf16 => map.to_codepoint(offset),
        _ => (offset <= doc.len()).then_some(offset),
    };
    let range = convert(start).zip(convert(end)).filter(|(s, e)| s < e)?;
    (doc.slice(range.0, range.1) == claimed).then_some(range)
}

/// A span result's numbers and text, if it is a span on plain text.
struct Region<'a> {
    id: Option<&'a str>,
    start: usize,
    end: usize,
    text: Option<String>,
    labels: Vec<&'a str>,
}

enum Kind<'a> {
    Region(Region<'a>),
    Relation(&'a Value),
    Note(&'a str, String),
    Other,
}

fn kind_of<'a>(result: &'a Value, doc_text: &str) -> Kind<'a> {
    let kind = result.get("type").and_then(Value::as_str).unwrap_or_default();
    let value = result.get("value");
    let id = result.get("id").and_then(Value::as_str);
    if kind == "relation" {
        return Kind::Relation(result);
    }
    if kind == "textarea" {
        let note: Vec<&str> = many(value.and_then(|v| v.get("text"))).iter().filter_map(Value::as_str).collect();
        return match id {
            Some(id) if !note.is_empty() && value.is_some_and(|v| v.get("start").is_some()) => {
                Kind::Note(id, note.join("\n"))
            }
            _ => Kind::Other,
        };
    }
    let Some(value) = value else { return Kind::Other };
    let number = |key| value.get(key).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    let (Some(start), Some(end)) = (number("start"), number("end")) else { return Kind::Other };
    let labels: Vec<&str> = many(value.get("labels").or_else(|| value.get(kind)))
        .iter()
        .filter_map(Value::as_str)
        .filter(|l| !l.trim().is_empty())
        .collect();
    if labels.is_empty() {
        return Kind::Other;
    }
    let text = value.get("text").and_then(Value::as_str).filter(|t| !t.is_empty()).map(|raw| {
        if raw.contains("\\n") && !doc_text.contains(raw) {
            raw.replace("\\n", "\n")
        } else {
            raw.to_string()
        }
    });
    Kind::Region(Region { id, start, end, text, labels })
}

/// Reads a Label Studio export. `file` names it in messages.
pub fn import(file: &str, json: &str) -> Result<Opened, FileError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| FileError::new(file, format!("it is not valid JSON ({e})")))?;
    import_value(file, &value)
}

/// Reads an already parsed Label Studio export.
pub fn import_value(file: &str, value: &Value) -> Result<Opened, FileError> {
    let tasks: &[Value] = match value {
        Value::Array(tasks) => tasks,
        one => std::slice::from_ref(one),
    };
    if tasks.is_empty() {
        return Err(FileError::new(file, "it is an empty list: there are no tasks in it"));
    }
    let mut opened = Opened::default();
    let (mut from_predictions, mut several, mut bidirectional, mut left_out) = (0, 0, 0, 0);
    for (number, task) in tasks.iter().enumerate() {
        let name = task_name(task, number + 1);
        let data = task
            .get("data")
            .and_then(Value::as_object)
            .ok_or_else(|| FileError::new(file, format!("task {name} has no \"data\" object")))?;
        let text = task_text(data).map_err(|reason| FileError::new(file, format!("task {name}: {reason}")))?;
        if text.is_empty() {
            return Err(FileError::new(file, format!("task {name} has an empty text")));
        }
        let live = |key| many(task.get(key)).iter().filter(|a| a.get("was_cancelled") != Some(&Value::Bool(true)));
        let annotations: Vec<&Value> = live("annotations").chain(live("completions")).collect();
        let chosen = match annotations.as_slice() {
            [] => {
                let prediction = live("predictions").next();
                from_predictions += usize::from(prediction.is_some());
                prediction
            }
            [only] => Some(*only),
            all => {
                several += 1;
                all.iter().find(|a| a.get("ground_truth") == Some(&Value::Bool(true))).or(all.first()).copied()
            }
        };
        let mut doc = Document::new("", format!("{file} #{name}"), text);
        let index = CodepointIndex::new(text);
        let map = Utf16Map::new(text);
        let results: Vec<Kind> =
            chosen.map_or(&[][..], |a| many(a.get("result"))).iter().map(|r| kind_of(r, text)).collect();
        // The task's unit: the one under which more of its spans hold their text.
        let fits = |unit| {
            results
                .iter()
                .filter(|k| match k {
                    Kind::Region(r) => {
                        r.text.as_deref().is_some_and(|t| exactly(&doc, &map, (r.start, r.end), t, unit).is_some())
                    }
                    _ => false,
                })
                .count()
        };
        let unit = if fits(OffsetUnit::Utf16) > fits(OffsetUnit::CodePoint) {
            OffsetUnit::Utf16
        } else {
            OffsetUnit::CodePoint
        };
        let notes_of: HashMap<&str, &String> = results
            .iter()
            .filter_map(|k| match k {
                Kind::Note(id, note) => Some((*id, note)),
                _ => None,
            })
            .collect();
        let mut span_of: HashMap<&str, Rc<str>> = HashMap::new();
        for (n, result) in results.iter().enumerate() {
            let region = match result {
                Kind::Region(region) => region,
                Kind::Other => {
                    left_out += 1;
                    continue;
                }
                _ => continue,
            };
            let rid = region.id.map_or_else(|| format!("result {}", n + 1), str::to_string);
            let say = |what: String| format!("“{file}”, task {name}: span {rid} {what}.");
            let claimed = region.text.as_deref();
            let exact = claimed.and_then(|c| {
                exactly(&doc, &map, (region.start, region.end), c, unit)
                    .or_else(|| exactly(&doc, &map, (region.start, region.end), c, other(unit)))
            });
            let (range, repaired) = match exact {
                Some(range) => (range, false),
                None => match place_span(&doc, &index, region.start, region.end, claimed, unit) {
                    Ok(found) => found,
                    Err(reason) => {
                        opened.notes.push(say(format!("was left out: {reason}")));
                        continue;
                    }
                },
            };
            if repaired {
                opened.notes.push(say(format!(
                    "was moved from {}..{} to {}..{}, where its text “{}” is",
                    region.start,
                    region.end,
                    range.0,
                    range.1,
                    claimed.unwrap_or_default()
                )));
            }
            let note = region.id.and_then(|id| notes_of.get(id)).map(|n| n.to_string());
            for (k, label) in region.labels.iter().enumerate() {
                let id = match (region.id, k) {
                    (Some(id), 0) => id.to_string(),
                    (Some(id), _) => format!("{id}-{label}"),
                    (None, _) => String::new(),
                };
                match add_placed_span(&mut doc, &id, range, label, note.clone()) {
                    Ok(span) => {
                        if k == 0 {
                            if let Some(rid) = region.id {
                                span_of.insert(rid, span);
                            }
                        }
                        if !opened.labels.iter().any(|l| *l.id == **label) {
                            opened.labels.push(label_from_id(label));
                        }
                    }
                    Err(reason) => opened.notes.push(say(format!("was left out: {reason}"))),
                }
            }
        }
        for result in &results {
            let Kind::Relation(relation) = result else { continue };
            let end = |key| relation.get(key).and_then(Value::as_str);
            let (Some(from_id), Some(to_id)) = (end("from_id"), end("to_id")) else {
                left_out += 1;
                continue;
            };
            let (Some(from), Some(to)) = (span_of.get(from_id), span_of.get(to_id)) else {
                opened.notes.push(format!(
                    "“{file}”, task {name}: the relation {from_id} → {to_id} was left out: one of its ends was not read."
                ));
                continue;
            };
            let direction = relation.get("direction").and_then(Value::as_str).unwrap_or("right");
            bidirectional += usize::from(direction == "bi");
            let (from, to) = if direction == "left" { (to, from) } else { (from, to) };
            let mut kinds: Vec<&str> = many(relation.get("labels")).iter().filter_map(Value::as_str).collect();
            if kinds.is_empty() {
                kinds.push("related");
            }
            for kind in kinds {
                let relation = Relation::new(doc.fresh_relation_id(), kind.to_string(), from.clone(), to.clone());
                if let Err(e) = doc.insert_relation(relation) {
                    opened.notes.push(format!("“{file}”, task {name}: a relation was left out: {e}."));
                }
            }
        }
        opened.documents.push(doc);
    }
    let mut summary = Vec::new();
    if several > 0 {
        summary.push(format!(
            "{several} task(s) had several annotations: the one marked ground truth (else the first) was opened"
        ));
    }
    if from_predictions > 0 {
        summary
            .push(format!("{from_predictions} task(s) had no annotation, so their predictions were opened for review"));
    }
    if bidirectional > 0 {
        summary.push(format!("{bidirectional} two-way relation(s) were opened as from → to"));
    }
    if left_out > 0 {
        summary.push(format!(
            "{left_out} result(s) of kinds this app does not have (choices, ratings, HTML regions…) were left out"
        ));
    }
    if !summary.is_empty() {
        opened.notes.push(format!("“{file}”: {}.", summary.join("; ")));
    }
    Ok(opened)
}

/// The Label Studio tasks of `documents`, pretty-printed; offsets in code points.
pub fn export<'d>(documents: impl IntoIterator<Item = &'d Document>) -> String {
    let tasks: Vec<Value> = documents
        .into_iter()
        .enumerate()
        .map(|(n, doc)| {
            let mut result = Vec::new();
            for span in doc.spans() {
                let text = doc.slice(span.start, span.end);
                result.push(json!({
                    "id": &*span.id, "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
                    "value": {"start": span.start, "end": span.end, "text": text, "labels": [&*span.label]},
                }));
                if let Some(note) = &span.note {
                    result.push(json!({
                        "id": &*span.id, "from_name": "note", "to_name": "text", "type": "textarea", "origin": "manual",
                        "value": {"start": span.start, "end": span.end, "text": [note]},
                    }));
                }
            }
            for relation in doc.relations() {
                result.push(json!({
                    "from_id": &*relation.from, "to_id": &*relation.to, "type": "relation",
                    "direction": "right", "labels": [relation.kind],
                }));
            }
            json!({"id": n + 1, "data": {"text": &**doc.text()}, "annotations": [{"id": n + 1, "result": result}]})
        })
        .collect();
    serde_json::to_string_pretty(&tasks).expect("tasks always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    /// A task as Label Studio's JSON export writes it, from the format documented on
    /// labelstud.io and the shapes in its issues: ids, "from_name"/"to_name", a relation, a
    /// per-region note, a classification, a cancelled annotation and a prediction.
    fn export_with(data: Value, result: Value) -> Value {
        json!([{
            "id": 7,
            "data": data,
            "annotations": [
                {"id": 1, "was_cancelled": true, "result": []},
                {"id": 2, "completed_by": 1, "ground_truth": false, "lead_time": 8.4, "result": result}
            ],
            "predictions": [{"id": 3, "model_version": "v1", "result": []}],
            "file_upload": "a1b2-articles.json"
        }])
    }

    const TEXT: &str = "💩 Peskov met Zelensky 😀 in Genève.\nPeskov left.";

    fn region(id: &str, start: usize, end: usize, text: &str, label: &str) -> Value {
        json!({"id": id, "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": start, "end": end, "text": text, "labels": [label]}})
    }

    fn spans(opened: &Opened) -> Vec<(&str, usize, usize, &str)> {
        opened.documents[0].spans().iter().map(|s| (&*s.id, s.start, s.end, &*s.label)).collect()
    }

    #[test]
    fn older_exports_in_utf16_units_are_read_as_such() {
        // UTF-16: 💩 is two units, so "Peskov" is at 3..9 and, after 😀, "Genève" at 29..35.
        let result = json!([
            region("a", 3, 9, "Peskov", "PER"),
            region("b", 14, 22, "Zelensky", "PER"),
            region("c", 29, 35, "Genève", "LOC"),
            {"id": "a", "from_name": "note", "to_name": "text", "type": "textarea",
             "value": {"start": 3, "end": 9, "text": ["Kremlin spokesman"]}},
            {"from_id": "b", "to_id": "a", "type": "relation", "direction": "left", "labels": ["met_by"]},
            {"from_id": "a", "to_id": "c", "type": "relation", "direction": "right", "labels": []},
            {"id": "x", "from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["Neutral"]}}
        ]);
        let opened = import_value("ls.json", &export_with(json!({"text": TEXT}), result)).unwrap();
        assert_eq!(spans(&opened), [("a", 2, 8, "PER"), ("b", 13, 21, "PER"), ("c", 27, 33, "LOC")]);
        let doc = &opened.documents[0];
        assert_eq!(doc.name, "ls.json #7");
        assert_eq!(doc.span("a").unwrap().note.as_deref(), Some("Kremlin spokesman"));
        let relations: Vec<(&str, &str, &str)> =
            doc.relations().iter().map(|r| (r.kind.as_str(), &*r.from, &*r.to)).collect();
        assert_eq!(relations, [("met_by", "a", "b"), ("related", "a", "c")]);
        assert_eq!(
            opened.notes,
            ["“ls.json”: 1 result(s) of kinds this app does not have (choices, ratings, HTML regions…) were left out."]
        );
    }

    #[test]
    fn utf16_offsets_convert_without_landing_inside_a_pair() {
        let map = Utf16Map::new("a😀b😀");
        let converted: Vec<Option<usize>> = (0..8).map(|o| map.to_codepoint(o)).collect();
        assert_eq!(converted, [Some(0), Some(1), None, Some(2), Some(3), None, Some(4), None]);
    }

    #[test]
    fn current_exports_in_code_points_are_read_as_such() {
        // Label Studio's own e2e test: "test" in this text is at 21..25 (code points).
        let data = json!({"text": "🐱 Warning: This is a test text"});
        let opened =
            import_value("ls.json", &export_with(data, json!([region("r", 21, 25, "test", "region")]))).unwrap();
        assert_eq!(spans(&opened), [("r", 21, 25, "region")]);
        assert!(opened.notes.is_empty(), "{:?}", opened.notes);
        // Its multi-line case: the region's text has the line break written as "\n".
        let data = json!({"text": "🐱 Warning:\n🐱 This is a test text"});
        let result = json!([region("m", 2, 27, "Warning:\\n🐱 This is a test", "region")]);
        let opened = import_value("ls.json", &export_with(data, result)).unwrap();
        assert_eq!(spans(&opened), [("m", 2, 27, "region")]);
        assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    }

    #[test]
    fn drifted_offsets_are_repaired_when_unique_and_refused_when_not() {
        // Offsets counted on the text before it was saved with CRLF line ends: every span after
        // the line break is one short. "Kyiv" is unique there, so it is found; "p" points
        // between two of the three "Peskov"s, as near the one as the other, so it is refused.
        let text = "💩 Peskov met Zelensky.\r\nPeskov and Peskov left Kyiv.";
        let result = json!([
            region("a", 2, 8, "Peskov", "PER"),
            region("b", 13, 21, "Zelensky", "PER"),
            region("k", 46, 50, "Kyiv", "LOC"),
            region("p", 29, 35, "Peskov", "PER")
        ]);
        let opened = import_value("drift.json", &export_with(json!({"text": text}), result)).unwrap();
        assert_eq!(spans(&opened), [("a", 2, 8, "PER"), ("b", 13, 21, "PER"), ("k", 47, 51, "LOC")]);
        assert_eq!(
            opened.notes,
            [
                "“drift.json”, task 7: span k was moved from 46..50 to 47..51, where its text “Kyiv” is.",
                "“drift.json”, task 7: span p was left out: offsets 29..35 do not hold its text “Peskov”, which occurs 3 times."
            ]
        );
    }

    /// The mistake of issue #1347 the other way round: one span of an old (UTF-16) export was
    /// counted in code points. Its offsets hold its text read as code points, so it lands there.
    #[test]
    fn a_span_counted_in_the_other_unit_still_lands_on_its_text() {
        let result = json!([
            region("a", 3, 9, "Peskov", "PER"),
            region("b", 14, 22, "Zelensky", "PER"),
            region("c", 27, 33, "Genève", "LOC")
        ]);
        let opened = import_value("mixed.json", &export_with(json!({"text": TEXT}), result)).unwrap();
        assert_eq!(spans(&opened), [("a", 2, 8, "PER"), ("b", 13, 21, "PER"), ("c", 27, 33, "LOC")]);
        assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    }

    #[test]
    fn the_text_key_is_text_or_the_only_string_else_the_file_is_refused() {
        let opened = import_value("a.json", &export_with(json!({"article": "Peskov", "n": 3}), json!([]))).unwrap();
        assert_eq!(&**opened.documents[0].text(), "Peskov");
        let err = import_value("b.json", &export_with(json!({"title": "T", "body": "B"}), json!([]))).unwrap_err();
        assert!(err.to_string().contains("b.json") && err.reason.contains("task 7"), "{err}");
        assert!(err.reason.contains("\"title\"") && err.reason.contains("\"body\""), "{err}");
    }

    #[test]
    fn predictions_open_only_for_tasks_nobody_annotated() {
        let file = json!([{"id": 1, "data": {"text": "Peskov spoke."},
            "predictions": [{"result": [region("p1", 0, 6, "Peskov", "PER")]}]}]);
        assert!(looks_label_studio(&file));
        let opened = import_value("p.json", &file).unwrap();
        assert_eq!(spans(&opened), [("p1", 0, 6, "PER")]);
        assert!(opened.notes[0].contains("predictions were opened for review"), "{:?}", opened.notes);
    }

    #[test]
    fn export_then_import_gives_the_same_spans_in_code_points() {
        let mut doc = Document::new("d1", "g.txt", TEXT);
        doc.insert_span(Span { note: Some("spokesman".into()), ..Span::new("s1", 2, 8, "actor") }).unwrap();
        doc.insert_span(Span::new("s2", 27, 33, "location")).unwrap();
        doc.insert_relation(Relation::new("r1", "said_by", "s2", "s1")).unwrap();
        let json = export([&doc]);
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value[0]["annotations"][0]["result"][2]["value"]["start"], 27,
            "code points, as Label Studio reads them"
        );
        let opened = import("x.json", &json).unwrap();
        let back = &opened.documents[0];
        assert_eq!(back.spans(), doc.spans());
        assert_eq!((&*back.relations()[0].from, &*back.relations()[0].to), ("s2", "s1"));
        assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    }
}
