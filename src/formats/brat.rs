//! brat standoff (<https://brat.nlplab.org/standoff.html>): per document a `.txt` with the text
//! exactly and a `.ann` beside it with the same stem, which is what "Export brat" writes and
//! what opens back (a `.ann` with its `.txt` from one pick or drop, or a `.zip` of such pairs).
//!
//! **Offsets are code points**, end-exclusive, into the `.txt` as it is on disk. brat is
//! Python: its server reads the text as a Python `str` through `codecs.open(..., 'utf-8')`
//! (binary mode, so a CRLF stays two characters) and slices it with `text[start:end]`
//! (`server/src/annotation.py`, `TextAnnotations._parse_textbound_annotation`); the format page
//! says offsets are "indexed from 0 and include the character at the start offset but exclude
//! the character at the end offset". Our unit, so offsets are written as they are.
//!
//! Lines written (one annotation per line, fields as the format page gives them):
//! - `T1\tactor 12 25\tDmitry Peskov` for a span. The `.ann` is read line by line, so the text
//!   field cannot hold a line break: a span across line breaks is written in brat's
//!   discontinuous form, one fragment per run of text between breaks, `T3\tquote 0 5;7 12\t…`,
//!   and its text is the fragments' texts joined by one space — brat's `DISCONT_SEP = ' '`,
//!   which its reader checks the text against, and what brat itself does when a selection
//!   crosses a newline or tab (`annotator.py`, `__create_span`). Line breaks at a span's very
//!   edges cannot be written, so they are left out of its fragments; a span of nothing but
//!   line breaks is not written.
//! - `R1\tsaid_by Arg1:T7 Arg2:T1` for a relation, `Arg1` its `from` (the quote), `Arg2` its `to`.
//! - `#1\tAnnotatorNotes T1\tKremlin spokesman` for a note, line breaks in it made spaces.
//!
//! Label and relation types may not contain spaces in brat; spaces become `_`. `T`/`R`/`#`
//! ids are numbered afresh in the document's span order. One download is one file, so every
//! export is a zip: `<base>.brat.zip` holding `<base>.txt` and `<base>.ann` for one document,
//! `<base>.zip` (e.g. `workspace.zip`) holding a pair per document, with unique names, and an
//! `annotation.conf` that declares the labels and relation types (see [`annotation_conf`]).
//!
//! Reading places each fragment with [`super::repair::place_span`], checked against its part of
//! the text field; a drifted fragment is repaired from that text when unique. A discontinuous
//! annotation opens as one span from its first fragment's start to its last fragment's end
//! (said in a note when the gap holds more than line breaks). Events, attributes,
//! normalizations and equivalences are left out, with a note saying how many.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read, Write};
use std::rc::Rc;

use super::plain::{decode_text, MAX_FILE_BYTES};
use super::repair::{add_placed_span, label_from_id, place_span, OffsetUnit};
use super::{base_name, FileError, Opened};
use crate::model::{Document, Label, Relation, Workspace};
use crate::text::offsets::CodepointIndex;

/// What brat joins the texts of a discontinuous annotation's fragments with.
pub const DISCONT_SEP: char = ' ';
/// Most entries a zip may have before it is refused as not a brat collection.
const MAX_ZIP_ENTRIES: usize = 10_000;
/// Most bytes all the texts and annotations of one zip may unpack to.
const MAX_ZIP_BYTES: usize = 4 * MAX_FILE_BYTES;

/// Characters that end a line for brat's reader (Python's `str.splitlines`, which its
/// `codecs` reader splits at) and the tab that brat itself splits selections at.
pub fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t' | '\u{0b}' | '\u{0c}' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `bytes` start like a zip archive (a local file header, or an empty archive).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The runs of `[start, end)` between line breaks, in code points: a span's brat fragments.
pub fn fragments(doc: &Document, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (at, c) in (start..).zip(doc.slice(start, end).chars()) {
        match (is_break(c), run) {
            (true, Some(from)) => {
                out.push((from, at));
                run = None;
            }
            (false, None) => run = Some(at),
            _ => {}
        }
    }
    if let Some(from) = run {
        out.push((from, end));
    }
    out
}

/// A label id or relation type as a brat type: no whitespace, not empty.
fn brat_type(name: &str) -> String {
    let typed: String = name.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
    if typed.is_empty() {
        "_".into()
    } else {
        typed
    }
}

fn one_line(text: &str) -> String {
    text.chars().map(|c| if is_break(c) { ' ' } else { c }).collect()
}

/// The `.ann` of `doc`.
pub fn ann(doc: &Document) -> String {
    let mut out = String::new();
    let mut t_ids: HashMap<&str, String> = HashMap::new();
    for span in doc.spans() {
        let parts = fragments(doc, span.start, span.end);
        if parts.is_empty() {
            continue;
        }
        let t = format!("T{}", t_ids.len() + 1);
        let offsets: Vec<String> = parts.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<&str> = parts.iter().map(|(s, e)| doc.slice(*s, *e)).collect();
        let separator = DISCONT_SEP.to_string();
        out.push_str(&format!("{t}\t{} {}\t{}\n", brat_type(&span.label), offsets.join(";"), texts.join(&separator)));
        t_ids.insert(&span.id, t);
    }
    let mut number = 0;
    for relation in doc.relations() {
        if let (Some(from), Some(to)) = (t_ids.get(&*relation.from), t_ids.get(&*relation.to)) {
            number += 1;
            out.push_str(&format!("R{number}\t{} Arg1:{from} Arg2:{to}\n", brat_type(&relation.kind)));
        }
    }
    let mut number = 0;
    for span in doc.spans() {
        if let (Some(note), Some(t)) = (&span.note, t_ids.get(&*span.id)) {
            number += 1;
            out.push_str(&format!("#{number}\tAnnotatorNotes {t}\t{}\n", one_line(note)));
        }
    }
    out
}

/// A file name for `doc`'s pair that no other document of the export has (compared without
/// case, as Windows and macOS do): "geneva-talks", "geneva-talks-2", …
fn unique_stem(base: &str, taken: &mut HashSet<String>) -> String {
    let stem: String =
        base.chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
    let stem = stem.trim_start_matches('.').to_string();
    let stem = if stem.trim().is_empty() { "document".to_string() } else { stem };
    let mut candidate = stem.clone();
    let mut n = 1;
    while !taken.insert(candidate.to_lowercase()) {
        n += 1;
        candidate = format!("{stem}-{n}");
    }
    candidate
}

/// A zip of `entries` (name, bytes), deflated, dated 1980-01-01 so the same workspace always
/// gives the same bytes.
pub fn zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (name, bytes) in entries {
        writer.start_file(name.as_str(), options).expect("writing a zip into memory does not fail");
        writer.write_all(bytes).expect("writing a zip into memory does not fail");
    }
    writer.finish().expect("writing a zip into memory does not fail").into_inner()
}

/// The `.txt` and `.ann` of each document, named after the document (or `base`, for a single
/// document), with names unique within the export.
pub fn entries(documents: &[&Document], base: &str) -> Vec<(String, Vec<u8>)> {
    let mut taken = HashSet::new();
    let mut out = Vec::with_capacity(documents.len() * 2);
    for doc in documents {
        let name = if documents.len() == 1 { base } else { base_name(&doc.name) };
        let stem = unique_stem(name, &mut taken);
        out.push((format!("{stem}.txt"), doc.text().as_bytes().to_vec()));
        out.push((format!("{stem}.ann"), ann(doc).into_bytes()));
    }
    out
}

/// The export as one zip: the pairs of [`entries`], and the `annotation.conf` brat needs to
/// show them.
pub fn export(workspace: &Workspace, documents: &[&Document], base: &str) -> Vec<u8> {
    let mut files = vec![("annotation.conf".to_string(), annotation_conf(workspace, documents).into_bytes())];
    files.extend(entries(documents, base));
    zip(&files)
}

/// brat's collection configuration (<https://brat.nlplab.org/configuration.html>): every label
/// as an entity type and every relation type with the labels it links (`<ENTITY>` where any
/// label may be), so brat shows the export without complaint. Nested spans are allowed to
/// overlap, as they are here.
pub fn annotation_conf(workspace: &Workspace, documents: &[&Document]) -> String {
    let mut labels: Vec<String> = workspace.labels.iter().map(|l| brat_type(&l.id)).collect();
    let mut relations: Vec<(String, String, String)> = workspace
        .relation_types
        .iter()
        .map(|t| {
            let end = |label: &Option<Rc<str>>| label.as_deref().map_or_else(|| "<ENTITY>".to_string(), brat_type);
            (brat_type(&t.id), end(&t.from_label), end(&t.to_label))
        })
        .collect();
    for doc in documents {
        for span in doc.spans() {
            let label = brat_type(&span.label);
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
        for relation in doc.relations() {
            let kind = brat_type(&relation.kind);
            if !relations.iter().any(|(k, _, _)| *k == kind) {
                relations.push((kind, "<ENTITY>".into(), "<ENTITY>".into()));
            }
        }
    }
    let mut conf = String::from("[entities]\n");
    for label in labels {
        conf.push_str(&label);
        conf.push('\n');
    }
    conf.push_str("\n[relations]\n");
    for (kind, from, to) in relations {
        conf.push_str(&format!("{kind}\tArg1:{from}, Arg2:{to}\n"));
    }
    conf.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n");
    conf
}

/// How the files of one pick, drop or zip go together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A `.txt` (index) and the `.ann` (index) with the same stem.
    Pair { txt: usize, ann: usize },
    /// A `.ann` without its `.txt`.
    LoneAnn(usize),
    /// Anything else, to open on its own.
    Other(usize),
}

fn stem_and_extension(name: &str) -> (&str, String) {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => (stem, ext.to_lowercase()),
        _ => (name, String::new()),
    }
}

/// Pairs each `.ann` with the `.txt` of the same stem (exactly, else ignoring case), in the
/// order the files came; a paired `.txt` is not listed again.
pub fn pair_up(names: &[&str]) -> Vec<Part> {
    let split: Vec<(&str, String)> = names.iter().map(|n| stem_and_extension(n)).collect();
    let txt_for = |stem: &str| {
        let txts = || split.iter().enumerate().filter(|(_, (_, ext))| ext == "txt");
        txts().find(|(_, (s, _))| *s == stem).or_else(|| txts().find(|(_, (s, _))| s.eq_ignore_ascii_case(stem)))
    };
    let mut paired_txt = HashSet::new();
    let mut parts = Vec::with_capacity(names.len());
    let mut pending: Vec<Part> = Vec::new();
    for (i, (stem, ext)) in split.iter().enumerate() {
        if ext == "ann" {
            match txt_for(stem) {
                Some((txt, _)) if paired_txt.insert(txt) => pending.push(Part::Pair { txt, ann: i }),
                _ => pending.push(Part::LoneAnn(i)),
            }
        } else {
            pending.push(Part::Other(i));
        }
    }
    for part in pending {
        match part {
            Part::Other(i) if paired_txt.contains(&i) => {}
            part => parts.push(part),
        }
    }
    parts
}

/// Why a `.ann` alone cannot be opened.
pub fn lone_ann_error(file: &str) -> FileError {
    FileError::new(
        file,
        "a brat .ann file needs its .txt: pick both files together (or a .zip holding both); \
         the offsets point into that text",
    )
}

/// One parsed `.ann` line that this app reads.
enum Line<'a> {
    Text { id: &'a str, kind: &'a str, fragments: Vec<(usize, usize)>, text: Option<&'a str> },
    Relation { id: &'a str, kind: &'a str, from: &'a str, to: &'a str },
    Note { target: &'a str, note: &'a str },
}

fn parse_line(line: &str) -> Result<Option<Line<'_>>, String> {
    let (id, rest) = line.split_once('\t').ok_or("it has no tab after its id")?;
    let (data, tail) = match rest.split_once('\t') {
        Some((data, tail)) => (data, Some(tail)),
        None => (rest, None),
    };
    match id.chars().next() {
        Some('T') => {
            let (kind, offsets) = data.split_once(' ').ok_or("it has no offsets after its type")?;
            let mut fragments = Vec::new();
            for pair in offsets.split(';') {
                let mut numbers = pair.split_whitespace().map(str::parse::<usize>);
                match (numbers.next(), numbers.next(), numbers.next()) {
                    (Some(Ok(start)), Some(Ok(end)), None) if start <= end => fragments.push((start, end)),
                    _ => return Err(format!("its offsets “{offsets}” are not “start end” pairs joined by “;”")),
                }
            }
            Ok(Some(Line::Text { id, kind, fragments, text: tail }))
        }
        Some('R') => {
            let mut words = data.split_whitespace();
            let kind = words.next().ok_or("it has no relation type")?;
            let args: Vec<(&str, &str)> = words.filter_map(|w| w.split_once(':')).collect();
            let named = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, id)| *id);
            let from = named("Arg1").or_else(|| args.first().map(|(_, id)| *id));
            let to = named("Arg2").or_else(|| args.get(1).map(|(_, id)| *id));
            match (from, to) {
                (Some(from), Some(to)) => Ok(Some(Line::Relation { id, kind, from, to })),
                _ => Err("it does not name two arguments".into()),
            }
        }
        Some('#') => {
            let mut words = data.split_whitespace();
            match (words.next(), words.next(), tail) {
                (Some("AnnotatorNotes"), Some(target), Some(note)) => Ok(Some(Line::Note { target, note })),
                _ => Ok(None),
            }
        }
        Some('E' | 'A' | 'M' | 'N' | '*') => Ok(None),
        _ => Err(format!("its id “{id}” is not a brat id")),
    }
}

/// The parts of a text field that belong to each fragment: brat writes the fragments' texts
/// joined by one space, and may write a comment after them.
fn claimed_parts<'t>(text: &'t str, fragments: &[(usize, usize)]) -> Option<Vec<&'t str>> {
    let lengths: Vec<usize> = fragments.iter().map(|(s, e)| e - s).collect();
    let mut parts = Vec::with_capacity(lengths.len());
    let mut rest = text;
    for (n, length) in lengths.iter().enumerate() {
        if n > 0 {
            rest = rest.strip_prefix(DISCONT_SEP)?;
        }
        let cut = rest.char_indices().nth(*length).map_or(rest.len(), |(byte, _)| byte);
        if cut == rest.len() && rest.chars().count() < *length && n + 1 < lengths.len() {
            return None;
        }
        parts.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    Some(parts)
}

/// One document from a `.txt` and its `.ann` (an empty `.ann` is a text without annotations).
pub fn import_pair(txt: (&str, &[u8]), ann: (&str, &[u8])) -> Result<Opened, FileError> {
    let text = decode_text(txt.0, txt.1)?;
    let annotations = if ann.1.is_empty() { "" } else { decode_text(ann.0, ann.1)? };
    Ok(read_pair(txt.0, text, ann.0, annotations))
}

fn read_pair(txt_name: &str, text: &str, ann_name: &str, annotations: &str) -> Opened {
    let mut doc = Document::new("", txt_name, text);
    let index = CodepointIndex::new(text);
    let mut notes = Vec::new();
    let mut left_out = 0;
    let mut lines = Vec::new();
    for (number, line) in annotations.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok(Some(parsed)) => lines.push(parsed),
            Ok(None) => left_out += 1,
            Err(reason) => notes.push(format!("“{ann_name}”: line {} was left out: {reason}.", number + 1)),
        }
    }
    let mut note_of: HashMap<&str, String> = HashMap::new();
    for line in &lines {
        if let Line::Note { target, note } = line {
            note_of.entry(*target).and_modify(|n| n.push('\n')).or_default().push_str(note);
        }
    }
    // brat id → the id of the span it became.
    let mut span_of: HashMap<&str, Rc<str>> = HashMap::new();
    let mut labels: Vec<Label> = Vec::new();
    for line in &lines {
        let Line::Text { id, kind, fragments: parts, text: claimed } = line else { continue };
        let mut say = |what: String| notes.push(format!("“{ann_name}”: span {id} {what}."));
        if parts.is_empty() || parts.iter().all(|(s, e)| s == e) {
            say("was left out: it marks no text".into());
            continue;
        }
        let claims: Vec<Option<&str>> = match claimed.map(|c| claimed_parts(c, parts)) {
            None => vec![None; parts.len()],
            Some(Some(claims)) => claims.into_iter().map(Some).collect(),
            Some(None) => {
                say(format!("was left out: its text does not fit its {} fragments", parts.len()));
                continue;
            }
        };
        let mut placed = Vec::with_capacity(parts.len());
        for (&(start, end), claim) in parts.iter().zip(claims) {
            match place_span(&doc, &index, start, end, claim, OffsetUnit::CodePoint) {
                Ok(((s, e), repaired)) => {
                    if repaired {
                        say(format!(
                            "was moved from {start}..{end} to {s}..{e}, where its text “{}” is",
                            claim.unwrap_or_default()
                        ));
                    }
                    placed.push((s, e));
                }
                Err(reason) => {
                    say(format!("was left out: {reason}"));
                    placed.clear();
                    break;
                }
            }
        }
        if placed.is_empty() {
            continue;
        }
        if placed.windows(2).any(|w| w[0].1 > w[1].0) {
            say("was left out: its fragments are not in the order of the text".into());
            continue;
        }
        let (start, end) = (placed[0].0, placed[placed.len() - 1].1);
        if placed.windows(2).any(|w| !index.slice(text, w[0].1, w[1].0).chars().all(is_break)) {
            say(format!("is discontinuous in brat; it is opened as one span over {start}..{end}"));
        }
        let note = note_of.remove(id);
        match add_placed_span(&mut doc, id, (start, end), kind, note) {
            Ok(span) => {
                span_of.insert(*id, span);
                if !labels.iter().any(|l| *l.id == **kind) {
                    labels.push(label_from_id(kind));
                }
            }
            Err(reason) => notes.push(format!("“{ann_name}”: span {id} was left out: {reason}.")),
        }
    }
    for target in note_of.keys() {
        notes.push(format!("“{ann_name}”: the note on {target} was left out: {target} was not read."));
    }
    for line in &lines {
        let Line::Relation { id, kind, from, to } = line else { continue };
        match (span_of.get(from), span_of.get(to)) {
            (Some(from), Some(to)) => {
                let relation_id: Rc<str> =
                    if doc.relations().iter().any(|r| *r.id == **id) { doc.fresh_relation_id() } else { (*id).into() };
                let relation = Relation::new(relation_id, kind.to_string(), from.clone(), to.clone());
                if let Err(e) = doc.insert_relation(relation) {
                    notes.push(format!("“{ann_name}”: relation {id} was left out: {e}."));
                }
            }
            _ => notes.push(format!(
                "“{ann_name}”: relation {id} was left out: it joins {from} and {to}, which are not both spans that were read."
            )),
        }
    }
    if left_out > 0 {
        notes.push(format!(
            "“{ann_name}”: {left_out} line(s) of kinds this app does not have (events, attributes, \
             normalizations, equivalences, comments) were left out."
        ));
    }
    Opened { labels, documents: vec![doc], notes, ..Opened::default() }
}

/// The documents of a zip of brat pairs. A `.txt` without a `.ann` opens as a text without
/// annotations; a `.ann` without its `.txt`, and anything that is neither, are left out.
pub fn import_zip(file: &str, bytes: &[u8]) -> Result<Opened, FileError> {
    let fail = |reason: String| FileError::new(file, reason);
    if bytes.len() > MAX_FILE_BYTES {
        return Err(fail(format!("the zip is larger than {} MB, the most that opens", MAX_FILE_BYTES / 1_048_576)));
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("it is not a zip archive that can be read ({e})")))?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(fail(format!(
            "it holds {} files; a brat collection of up to {MAX_ZIP_ENTRIES} opens",
            archive.len()
        )));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total = 0;
    for i in 0..archive.len() {
        let mut entry =
            archive.by_index(i).map_err(|e| fail(format!("its file number {} cannot be read ({e})", i + 1)))?;
        let name = entry.name().to_string();
        let (_, ext) = stem_and_extension(&name);
        let hidden = name.rsplit('/').next().is_some_and(|base| base.starts_with('.')) || name.contains("__MACOSX/");
        if entry.is_dir() || hidden || !(ext == "txt" || ext == "ann") {
            continue;
        }
        let mut data = Vec::new();
        let limit = (MAX_ZIP_BYTES - total).min(MAX_FILE_BYTES) as u64 + 1;
        entry
            .by_ref()
            .take(limit)
            .read_to_end(&mut data)
            .map_err(|e| fail(format!("“{name}” in it cannot be read ({e})")))?;
        total += data.len();
        if data.len() > MAX_FILE_BYTES || total > MAX_ZIP_BYTES {
            return Err(fail(format!(
                "it unpacks to more than can be opened (files up to {} MB, {} MB in all)",
                MAX_FILE_BYTES / 1_048_576,
                MAX_ZIP_BYTES / 1_048_576
            )));
        }
        files.push((name, data));
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let mut opened = Opened::default();
    let mut problems = Vec::new();
    for part in pair_up(&names) {
        let result = match part {
            Part::Pair { txt, ann } => import_pair((&files[txt].0, &files[txt].1), (&files[ann].0, &files[ann].1)),
            Part::LoneAnn(ann) => {
                opened.notes.push(format!("“{file}”: “{}” was left out: its .txt is not in the zip.", files[ann].0));
                continue;
            }
            Part::Other(txt) => decode_text(&files[txt].0, &files[txt].1)
                .map(|text| Opened::documents(vec![Document::new("", files[txt].0.as_str(), text)])),
        };
        match result {
            Ok(one) => opened.absorb(one),
            Err(error) => problems.push(format!("“{}” was left out: {}", error.file, error.reason)),
        }
    }
    if opened.documents.is_empty() {
        let why =
            if problems.is_empty() { "it holds no brat .txt and .ann files".to_string() } else { problems.join("; ") };
        return Err(fail(why));
    }
    opened.notes.extend(problems.into_iter().map(|p| format!("“{file}”: {p}.")));
    Ok(opened)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    /// Text with an emoji (one code point, two UTF-16 units), a combining accent and CRLFs.
    const TEXT: &str =
        "Kremlin spokesman Dmitry Peskov 😀 said the talks in Gene\u{300}ve were\r\n“productive\r\n\r\nand focused”.";

    fn sample() -> Document {
        let mut doc = Document::new("d1", "geneva talks.txt", TEXT);
        let spans =
            [("s1", 18, 31, "actor"), ("s2", 52, 59, "location"), ("s3", 67, 92, "quote"), ("s4", 0, 7, "my label")];
        for (id, start, end, label) in spans {
            let note = (id == "s1").then(|| "spokesman\r\nof the Kremlin".to_string());
            doc.insert_span(Span { note, ..Span::new(id, start, end, label) }).unwrap();
        }
        doc.insert_relation(Relation::new("r1", "said_by", "s3", "s1")).unwrap();
        doc
    }

    #[test]
    fn ann_has_t_r_and_note_lines_and_splits_spans_at_line_breaks() {
        let doc = sample();
        assert_eq!(doc.slice(52, 59), "Gene\u{300}ve");
        assert_eq!(doc.slice(67, 92), "productive\r\n\r\nand focused");
        assert_eq!(
            ann(&doc),
            "T1\tmy_label 0 7\tKremlin\n\
             T2\tactor 18 31\tDmitry Peskov\n\
             T3\tlocation 52 59\tGene\u{300}ve\n\
             T4\tquote 67 77;81 92\tproductive and focused\n\
             R1\tsaid_by Arg1:T4 Arg2:T2\n\
             #1\tAnnotatorNotes T2\tspokesman  of the Kremlin\n"
        );
    }

    #[test]
    fn export_is_a_zip_of_the_text_exactly_and_its_ann() {
        let bytes = export(&Workspace::default(), &[&sample()], "geneva talks");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
        let names: Vec<String> = archive.file_names().map(str::to_string).collect();
        assert_eq!(names, ["annotation.conf", "geneva talks.txt", "geneva talks.ann"]);
        let mut txt = Vec::new();
        archive.by_name("geneva talks.txt").unwrap().read_to_end(&mut txt).unwrap();
        assert_eq!(txt, TEXT.as_bytes());
        assert_eq!(
            bytes,
            export(&Workspace::default(), &[&sample()], "geneva talks"),
            "the same workspace, the same bytes"
        );
        let two =
            export(&Workspace::default(), &[&sample(), &Document::new("d2", "Geneva Talks.md", "x")], "workspace");
        let archive = zip::ZipArchive::new(Cursor::new(two)).unwrap();
        let names: Vec<&str> = archive.file_names().collect();
        assert_eq!(
            names,
            ["annotation.conf", "geneva talks.txt", "geneva talks.ann", "Geneva Talks-2.txt", "Geneva Talks-2.ann"]
        );
    }

    #[test]
    fn export_then_import_gives_the_same_spans_relations_and_notes() {
        let opened = import_zip("geneva.brat.zip", &export(&Workspace::default(), &[&sample()], "geneva")).unwrap();
        assert!(opened.notes.is_empty(), "{:?}", opened.notes);
        let doc = &opened.documents[0];
        assert_eq!(&**doc.text(), TEXT);
        assert_eq!(doc.name, "geneva.txt");
        let spans: Vec<(usize, usize, &str, Option<&str>)> =
            doc.spans().iter().map(|s| (s.start, s.end, &*s.label, s.note.as_deref())).collect();
        assert_eq!(
            spans,
            [
                (0, 7, "my_label", None),
                (18, 31, "actor", Some("spokesman  of the Kremlin")),
                (52, 59, "location", None),
                (67, 92, "quote", None)
            ]
        );
        let relation = &doc.relations()[0];
        assert_eq!((relation.kind.as_str(), doc.span(&relation.from).unwrap().start), ("said_by", 67));
        assert_eq!(doc.span(&relation.to).unwrap().start, 18);
    }

    /// A hand-written .ann in brat's documented shape: T lines (one discontinuous across a
    /// gap of real text, one drifted by two), a relation, a note, an event and an attribute.
    #[test]
    fn reads_brats_own_lines_and_repairs_or_refuses() {
        let text = "Sony formed a joint venture with Ericsson 😀😀 in Sweden.\nSony announced Sony.";
        let ann = "T1\tOrganization 0 4\tSony\n\
                   T2\tOrganization 33 41\tEricsson\n\
                   T3\tLocation 50 56\tSweden\n\
                   T4\tVenture 12 13;20 27\ta venture\n\
                   T5\tOrganization 63 67\tSony\n\
                   R1\tOrigin Arg1:T2 Arg2:T3\t\n\
                   #1\tAnnotatorNotes T1\tthe electronics company\n\
                   E1\tMerge-Org:T4 Org1:T1 Org2:T2\n\
                   A1\tNegation E1\n\
                   T6\tOrganization 1 2 3\tx\n";
        let opened = read_pair("sony.txt", text, "sony.ann", ann);
        let doc = &opened.documents[0];
        let spans: Vec<(&str, usize, usize, &str)> =
            doc.spans().iter().map(|s| (&*s.id, s.start, s.end, &*s.label)).collect();
        assert_eq!(
            spans,
            [
                ("T1", 0, 4, "Organization"),
                ("T4", 12, 27, "Venture"),
                ("T2", 33, 41, "Organization"),
                ("T3", 48, 54, "Location")
            ]
        );
        assert_eq!(doc.span("T1").unwrap().note.as_deref(), Some("the electronics company"));
        assert_eq!((&*doc.relations()[0].from, &*doc.relations()[0].to), ("T2", "T3"));
        let notes = opened.notes.join("\n");
        assert!(notes.contains("span T3 was moved from 50..56 to 48..54"), "{notes}");
        assert!(notes.contains("span T4 is discontinuous in brat; it is opened as one span over 12..27"), "{notes}");
        assert!(notes.contains("span T5 was left out") && notes.contains("occurs 3 times"), "{notes}");
        assert!(notes.contains("line 10 was left out"), "{notes}");
        assert!(notes.contains("2 line(s) of kinds this app does not have"), "{notes}");
    }

    #[test]
    fn pairs_by_stem_and_names_the_lone_ann() {
        let parts = pair_up(&["b.ann", "a.txt", "notes.md", "A.ann", "b.txt", "c.ann"]);
        assert_eq!(
            parts,
            [Part::Pair { txt: 4, ann: 0 }, Part::Other(2), Part::Pair { txt: 1, ann: 3 }, Part::LoneAnn(5)]
        );
        assert!(lone_ann_error("c.ann").to_string().contains("needs its .txt: pick both files together"));
    }

    #[test]
    fn a_zip_with_a_lone_ann_and_a_bare_txt_opens_what_it_can() {
        let bytes = zip(&[
            ("docs/a.txt".into(), b"Peskov spoke.".to_vec()),
            ("docs/a.ann".into(), b"T1\tactor 0 6\tPeskov\n".to_vec()),
            ("docs/b.txt".into(), b"No annotations yet.".to_vec()),
            ("docs/c.ann".into(), b"T1\tactor 0 1\tx\n".to_vec()),
            ("annotation.conf".into(), b"[entities]\nactor\n".to_vec()),
            ("__MACOSX/docs/._a.txt".into(), b"\0\0".to_vec()),
        ]);
        let opened = import_zip("corpus.zip", &bytes).unwrap();
        let names: Vec<&str> = opened.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["docs/a.txt", "docs/b.txt"]);
        assert_eq!(opened.documents[0].spans().len(), 1);
        assert!(opened.notes.iter().any(|n| n.contains("docs/c.ann") && n.contains(".txt is not in the zip")));
        let empty = import_zip("e.zip", &zip(&[("readme.md".into(), b"hi".to_vec())])).unwrap_err();
        assert!(empty.reason.contains("no brat .txt and .ann"), "{empty}");
        assert!(import_zip("bad.zip", b"PK\x03\x04 broken").unwrap_err().to_string().contains("bad.zip"));
    }

    /// An independent reader agrees: Python's zipfile opens the export and finds the bytes.
    #[test]
    fn pythons_zipfile_reads_the_export() {
        let Ok(python) = std::process::Command::new("python3").arg("--version").output() else {
            eprintln!("python3 is not installed; skipped");
            return;
        };
        assert!(python.status.success());
        let path = std::env::temp_dir().join(format!("brat-export-{}.zip", std::process::id()));
        std::fs::write(&path, export(&Workspace::default(), &[&sample()], "geneva")).unwrap();
        let script = "import sys, zipfile\n\
                      z = zipfile.ZipFile(sys.argv[1])\n\
                      assert z.testzip() is None\n\
                      sys.stdout.buffer.write(z.read('geneva.txt'))\n\
                      sys.stdout.buffer.write(b'|')\n\
                      sys.stdout.buffer.write(z.read('geneva.ann'))\n";
        let out = std::process::Command::new("python3").arg("-c").arg(script).arg(&path).output().unwrap();
        let _ = std::fs::remove_file(&path);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.stdout, [TEXT.as_bytes(), b"|", ann(&sample()).as_bytes()].concat());
    }

    #[test]
    fn annotation_conf_declares_every_label_and_relation_type() {
        let mut workspace = Workspace::default();
        workspace.relation_types.push(crate::model::located_in());
        let conf = annotation_conf(&workspace, &[&sample()]);
        assert_eq!(
            conf,
            "[entities]\nactor\nlocation\nfigure\nquote\nmy_label\n\n\
             [relations]\nsaid_by\tArg1:quote, Arg2:actor\nlocated_in\tArg1:actor, Arg2:<ENTITY>\n\
             <OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n"
        );
        let opened = import_zip("w.zip", &export(&workspace, &[&sample()], "w")).unwrap();
        assert_eq!(opened.documents.len(), 1, "annotation.conf is not a document");
    }
}
