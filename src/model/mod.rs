//! The annotated data itself: labels, documents with their spans and relations, and the
//! workspace that holds them. Pure data with its invariants; no rendering, no formats, no DOM.
//!
//! Invariants kept by the constructors and mutators here, so every other module may rely on them:
//! - a span's `start < end <= text length`, in code points;
//! - a document's spans are sorted by (start, end descending, label, id), with no two spans
//!   sharing label and boundaries (the guidelines: those are one span);
//! - ids are unique within their document (spans, relations) or workspace (documents, labels).

pub mod merge;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::text::digest::TextDigest;
use crate::text::offsets::CodepointIndex;
use crate::text::paragraphs::{split_paragraphs, Paragraph};
use crate::text::snap::{snap_to_words, LeadingArticle};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub id: Rc<str>,
    pub name: String,
    /// A CSS colour, `#rrggbb`.
    pub color: String,
    /// The key that tags a selection with this label ("1" … "9").
    pub key: Option<String>,
}

/// The four labels of `shared/annotation-guidelines.md`, bound to keys 1–4.
pub fn default_labels() -> Vec<Label> {
    [
        ("actor", "Actor", "#1f77b4", "1"),
        ("location", "Location", "#2ca02c", "2"),
        ("figure", "Figure", "#e067bb", "3"),
        ("quote", "Quote", "#eb6e00", "4"),
    ]
    .into_iter()
    .map(|(id, name, color, key)| Label {
        id: id.into(),
        name: name.into(),
        color: color.into(),
        key: Some(key.into()),
    })
    .collect()
}

/// Whether spans of the label with id `label` keep a leading article (guidelines,
/// "Boundaries"): a quote keeps every word said; actors, locations and figures leave the article
/// out of the name, and so do the labels people add, as they always have.
pub fn leading_article(label: &str) -> LeadingArticle {
    if label == "quote" {
        LeadingArticle::Keep
    } else {
        LeadingArticle::Drop
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub id: Rc<str>,
    pub start: usize,
    pub end: usize,
    pub label: Rc<str>,
    /// The annotator's free-text note, if any.
    pub note: Option<String>,
    /// The entity this mention names (an id of the document's `entities`), if grouped.
    pub entity: Option<Rc<str>>,
    /// Someone checked what this span says against a source (a fact-checker's tick on a figure).
    /// Absent from older stored workspaces and histories, which read as unchecked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub checked: bool,
    /// Who marked it (the annotator name set in the app), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<Rc<str>>,
}

impl Span {
    pub fn new(id: impl Into<Rc<str>>, start: usize, end: usize, label: impl Into<Rc<str>>) -> Self {
        Self {
            id: id.into(),
            start,
            end,
            label: label.into(),
            note: None,
            entity: None,
            checked: false,
            annotator: None,
        }
    }

    fn sort_key(&self) -> (usize, std::cmp::Reverse<usize>, &str, &str) {
        (self.start, std::cmp::Reverse(self.end), &self.label, &self.id)
    }

    fn same_annotation(&self, other: &Span) -> bool {
        (self.start, self.end, &self.label) == (other.start, other.end, &other.label)
    }
}

/// A kind of link between two spans, as the linking flow offers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationType {
    pub id: Rc<str>,
    /// How the link reads from its source: "said by".
    pub name: String,
    /// The key ("a"–"z") that starts linking from the selected span, if bound.
    pub key: Option<String>,
    /// The label a source span must have (`None`: any).
    pub from_label: Option<Rc<str>>,
    /// The label a target span must have (`None`: any).
    pub to_label: Option<Rc<str>>,
    /// A source has at most one link of this type; a new one replaces it.
    pub single: bool,
}

impl RelationType {
    /// A type met in imported relations but declared nowhere: any span to any span, no key.
    pub fn undeclared(id: &str) -> Self {
        Self { id: id.into(), name: id.replace('_', " "), key: None, from_label: None, to_label: None, single: false }
    }

    /// Whether a span labelled `label` can be this type's source.
    pub fn applies_to(&self, label: &str) -> bool {
        self.from_label.as_deref().is_none_or(|from| from == label)
    }
}

/// `said_by` of the guidelines: a quote is linked to the actor who said it, and has one speaker.
pub fn default_relation_types() -> Vec<RelationType> {
    vec![RelationType {
        id: "said_by".into(),
        name: "said by".into(),
        key: Some("s".into()),
        from_label: Some("quote".into()),
        to_label: Some("actor".into()),
        single: true,
    }]
}

/// A custom type as tests use it: actor → any span, key `l`, several per source.
#[cfg(test)]
pub(crate) fn located_in() -> RelationType {
    RelationType {
        id: "located_in".into(),
        name: "located in".into(),
        key: Some("l".into()),
        from_label: Some("actor".into()),
        to_label: None,
        single: false,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub id: Rc<str>,
    pub kind: String,
    pub from: Rc<str>,
    pub to: Rc<str>,
    /// Who linked it, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<Rc<str>>,
}

impl Relation {
    /// A relation no one is named for (read from a file that names no annotator).
    pub fn new(
        id: impl Into<Rc<str>>,
        kind: impl Into<String>,
        from: impl Into<Rc<str>>,
        to: impl Into<Rc<str>>,
    ) -> Self {
        Self { id: id.into(), kind: kind.into(), from: from.into(), to: to.into(), annotator: None }
    }
}

/// Which end of a span an edit moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanEdge {
    Start,
    End,
}

/// Why a span or relation was not accepted into a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    OutOfRange { id: String, start: usize, end: usize, len: usize },
    DuplicateId(String),
    UnknownSpan { relation: String, span: String },
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::OutOfRange { id, start, end, len } => {
                write!(f, "span {id} has offsets {start}..{end}, outside the text of {len} characters")
            }
            ModelError::DuplicateId(id) => write!(f, "the id {id} is used twice"),
            ModelError::UnknownSpan { relation, span } => {
                write!(f, "relation {relation} points to span {span}, which does not exist")
            }
        }
    }
}

/// A thing several mentions name ("Volodymyr Zelensky" for "Zelenskyy", "Zelensky's", …).
/// Its id is the same in every document of the workspace that mentions it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: Rc<str>,
    pub label: Rc<str>,
    pub name: String,
}

/// Where the annotator is with a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[default]
    New,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::New, Status::InProgress, Status::Done];

    /// The name in files and attributes: "new", "in_progress", "done".
    pub fn key(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InProgress => "in progress",
            Status::Done => "done",
        }
    }
}

/// One article: its text exactly as loaded, and what is annotated in it. Serialised (for the
/// undo history kept with the workspace) as its text and annotations; what is derived from the
/// text is worked out again when read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "DocumentRecord", from = "DocumentRecord")]
pub struct Document {
    pub id: Rc<str>,
    pub name: String,
    pub status: Status,
    /// The adjudicated gold copy settled from several annotators' copies (see `agreement`).
    pub gold: bool,
    text: Rc<str>,
    index: Rc<CodepointIndex>,
    digest: TextDigest,
    paragraphs: Rc<[Paragraph]>,
    spans: Vec<Span>,
    /// Each span's start by id, for [`Document::span`].
    starts: HashMap<Rc<str>, usize>,
    relations: Vec<Relation>,
    /// The entities the spans name. A record may outlive its last mention (a deleted span can
    /// come back by undo, naming it again); readers use [`Document::named_entities`].
    entities: Vec<Entity>,
}

impl Document {
    pub fn new(id: impl Into<Rc<str>>, name: impl Into<String>, text: impl Into<Rc<str>>) -> Self {
        let text: Rc<str> = text.into();
        Self {
            id: id.into(),
            name: name.into(),
            status: Status::New,
            gold: false,
            index: Rc::new(CodepointIndex::new(&text)),
            digest: TextDigest::default(),
            paragraphs: split_paragraphs(&text).into(),
            text,
            spans: Vec::new(),
            starts: HashMap::new(),
            relations: Vec::new(),
            entities: Vec::new(),
        }
    }

    pub fn text(&self) -> &Rc<str> {
        &self.text
    }

    /// The hex sha256 of the text (see `text::digest`).
    pub fn text_sha256(&self) -> &str {
        self.digest.of(&self.text)
    }

    pub fn len(&self) -> usize {
        self.index.len_codepoints()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn paragraphs(&self) -> &Rc<[Paragraph]> {
        &self.paragraphs
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// The entities that spans of this document name, in table order.
    pub fn named_entities(&self) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(|e| self.spans.iter().any(|s| s.entity.as_ref() == Some(&e.id)))
    }

    /// The whole entity table, records without mentions included (for undo).
    pub fn entity_table(&self) -> &[Entity] {
        &self.entities
    }

    /// Groups spans into entities: `table` describes them, `assignments` say which span names
    /// which (`None`: none). Unknown spans, or entities not in `table`, are refused.
    pub fn set_entities(
        &mut self,
        table: Vec<Entity>,
        assignments: &[(Rc<str>, Option<Rc<str>>)],
    ) -> Result<(), ModelError> {
        for (span, entity) in assignments {
            if self.span(span).is_none() {
                return Err(ModelError::UnknownSpan { relation: "entity".into(), span: span.to_string() });
            }
            if let Some(entity) = entity.as_ref().filter(|e| !table.iter().any(|t| t.id == **e)) {
                return Err(ModelError::DuplicateId(format!("{entity} (no such entity)")));
            }
        }
        for (span, entity) in assignments {
            if let Some(at) = self.position(span) {
                self.spans[at].entity = entity.clone();
            }
        }
        self.entities = table;
        Ok(())
    }

    pub fn span(&self, id: &str) -> Option<&Span> {
        self.position(id).map(|at| &self.spans[at])
    }

    /// Where span `id` is in `spans`: its start from `starts`, then a binary search, so a
    /// lookup stays cheap with ten thousand spans.
    fn position(&self, id: &str) -> Option<usize> {
        let start = *self.starts.get(id)?;
        let first = self.spans.partition_point(|s| s.start < start);
        self.spans[first..].iter().take_while(|s| s.start == start).position(|s| &*s.id == id).map(|i| first + i)
    }

    /// Whether a span (of any label) covers exactly `[start, end)`.
    pub fn has_span_over(&self, start: usize, end: usize) -> bool {
        let first = self.spans.partition_point(|s| s.start < start);
        self.spans[first..].iter().take_while(|s| s.start == start).any(|s| s.end == end)
    }

    /// `text[start:end]` in code points.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.index.slice(&self.text, start, end)
    }

    /// The selection `[start, end)` snapped to whole words (see [`crate::text::snap`]).
    pub fn snap(&self, start: usize, end: usize, article: LeadingArticle) -> Option<(usize, usize)> {
        let first = crate::text::paragraphs::paragraph_at(&self.paragraphs, start)?;
        let last = crate::text::paragraphs::paragraph_at(&self.paragraphs, end.saturating_sub(1).max(start))?;
        let (from, to) = (self.paragraphs[first].start, self.paragraphs[last].end);
        let window = self.slice(from, to);
        let (s, e) = snap_to_words(window, start.clamp(from, to) - from, end.clamp(from, to) - from, article)?;
        Some((from + s, from + e))
    }

    /// The sentence `[start, end)` stands in (see [`crate::text::sentences`]), as code points.
    /// Looks at the paragraphs the stretch touches only.
    pub fn sentence_around(&self, start: usize, end: usize) -> (usize, usize) {
        let touched = crate::text::paragraphs::paragraphs_touched(&self.paragraphs, start, end);
        let Some((first, last)) = self.paragraphs.get(*touched.start()).zip(self.paragraphs.get(*touched.end())) else {
            return (start, end);
        };
        let from = first.start;
        let (s, e) = crate::text::sentences::sentence_around(self.slice(from, last.end), start - from, end - from);
        (from + s, from + e)
    }

    /// Where a span edge lands when moved by one word: `forward` or back from `from`, to the
    /// nearest word start (for a span's start) or word end (for its end). `None` at the text's
    /// edge. Looks at the paragraph of `from` and its neighbours only.
    pub fn word_step(&self, from: usize, edge: SpanEdge, forward: bool) -> Option<usize> {
        use crate::text::paragraphs::paragraph_at;
        let here = paragraph_at(&self.paragraphs, from)?;
        let first = here.saturating_sub(1);
        let last = (here + 1).min(self.paragraphs.len() - 1);
        let (window_start, window_end) = (self.paragraphs[first].start, self.paragraphs[last].end);
        let words = crate::text::snap::words(self.slice(window_start, window_end));
        let mut positions =
            words.iter().map(|&(start, end)| window_start + if edge == SpanEdge::Start { start } else { end });
        if forward {
            positions.find(|&p| p > from)
        } else {
            positions.rev().find(|&p| p < from)
        }
    }

    /// The word edge nearest to `at` for a span's start (word starts) or end (word ends), so
    /// a handle dropped anywhere lands on a word boundary; `at` itself when there is no word.
    pub fn nearest_word_edge(&self, at: usize, edge: SpanEdge) -> usize {
        let candidates = [self.word_step(at + 1, edge, false), self.word_step(at.saturating_sub(1), edge, true)];
        candidates.into_iter().flatten().min_by_key(|p| p.abs_diff(at)).unwrap_or(at)
    }

    /// The same text with other annotations, as far as they fit: a span out of range is left
    /// out; one that repeats another's label and boundaries becomes that span (relations
    /// follow it); a relation whose ends are gone, or that repeats an id, is left out; a span
    /// naming an entity the table lacks names none. Text, offsets index and paragraphs are
    /// shared with `self`, not recomputed.
    pub fn with_annotations(&self, spans: Vec<Span>, relations: Vec<Relation>, entities: Vec<Entity>) -> Document {
        let mut doc = Document {
            spans: Vec::new(),
            starts: HashMap::new(),
            relations: Vec::new(),
            entities: Vec::new(),
            ..self.clone()
        };
        let mut same_as: HashMap<Rc<str>, Rc<str>> = HashMap::new();
        for mut span in spans {
            if span.entity.as_ref().is_some_and(|e| !entities.iter().any(|known| known.id == *e)) {
                span.entity = None;
            }
            let id = span.id.clone();
            if let Ok(false) = doc.insert_span(span.clone()) {
                let first = doc.spans.partition_point(|s| s.start < span.start);
                if let Some(kept) = doc.spans[first..].iter().find(|s| s.same_annotation(&span)) {
                    same_as.insert(id, kept.id.clone());
                }
            }
        }
        for mut relation in relations {
            for end in [&mut relation.from, &mut relation.to] {
                if let Some(kept) = same_as.get(end) {
                    *end = kept.clone();
                }
            }
            let _ = doc.insert_relation(relation);
        }
        doc.entities = entities;
        doc
    }

    /// An id of the form `s<n>` that no span of this document has.
    pub fn fresh_span_id(&self) -> Rc<str> {
        fresh_id("s", self.spans.iter().map(|s| &*s.id))
    }

    pub fn fresh_relation_id(&self) -> Rc<str> {
        fresh_id("r", self.relations.iter().map(|r| &*r.id))
    }

    /// A span must be non-empty and inside the text.
    fn check_range(&self, span: &Span) -> Result<(), ModelError> {
        if span.start >= span.end || span.end > self.len() {
            return Err(ModelError::OutOfRange {
                id: span.id.to_string(),
                start: span.start,
                end: span.end,
                len: self.len(),
            });
        }
        Ok(())
    }

    /// Adds `span` in sorted place. Returns `Ok(false)` when an identical annotation (same
    /// label and boundaries) exists already, which then stays as it is.
    pub fn insert_span(&mut self, span: Span) -> Result<bool, ModelError> {
        self.check_range(&span)?;
        let first = self.spans.partition_point(|s| s.start < span.start);
        if self.spans[first..].iter().take_while(|s| s.start == span.start).any(|s| s.same_annotation(&span)) {
            return Ok(false);
        }
        if self.starts.contains_key(&span.id) {
            return Err(ModelError::DuplicateId(span.id.to_string()));
        }
        let at = self.spans.partition_point(|s| s.sort_key() < span.sort_key());
        self.starts.insert(span.id.clone(), span.start);
        self.spans.insert(at, span);
        Ok(true)
    }

    /// Adds many spans as [`Document::insert_span`] would one by one (a span with the label and
    /// boundaries of one already there is skipped), but with one sort instead of one shift of
    /// the list per span: "accept all" of 40,000 suggestions is linear, not quadratic. Nothing
    /// changes when any span is out of range or its id is taken.
    pub fn insert_spans(&mut self, spans: Vec<Span>) -> Result<(), ModelError> {
        let mut annotations: HashSet<(usize, usize, Rc<str>)> =
            self.spans.iter().map(|s| (s.start, s.end, s.label.clone())).collect();
        let mut ids = HashSet::new();
        let mut added = Vec::with_capacity(spans.len());
        for span in spans {
            self.check_range(&span)?;
            if !annotations.insert((span.start, span.end, span.label.clone())) {
                continue;
            }
            if self.starts.contains_key(&span.id) || !ids.insert(span.id.clone()) {
                return Err(ModelError::DuplicateId(span.id.to_string()));
            }
            added.push(span);
        }
        self.starts.extend(added.iter().map(|s| (s.id.clone(), s.start)));
        self.spans.extend(added);
        self.spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Ok(())
    }

    /// Removes a span and every relation touching it; returns both so the removal can be undone.
    pub fn remove_span(&mut self, id: &str) -> Option<(Span, Vec<Relation>)> {
        let at = self.position(id)?;
        let span = self.spans.remove(at);
        self.starts.remove(id);
        let (touching, kept) =
            std::mem::take(&mut self.relations).into_iter().partition(|r| &*r.from == id || &*r.to == id);
        self.relations = kept;
        Some((span, touching))
    }

    /// Removes the spans `ids` as [`Document::remove_span`] would one by one, in one pass: each
    /// comes back (in the order of `ids`) with the relations that went with it, a relation
    /// between two of them going with the first. `None`, and nothing changes, when one is missing.
    pub fn remove_spans(&mut self, ids: &[Rc<str>]) -> Option<Vec<(Span, Vec<Relation>)>> {
        let order: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (&**id, i)).collect();
        if order.len() != ids.len() || ids.iter().any(|id| !self.starts.contains_key(id)) {
            return None;
        }
        let mut removed: Vec<(Option<Span>, Vec<Relation>)> = ids.iter().map(|_| (None, Vec::new())).collect();
        for span in std::mem::take(&mut self.spans) {
            match order.get(&*span.id) {
                Some(&at) => removed[at].0 = Some(span),
                None => self.spans.push(span),
            }
        }
        for id in ids {
            self.starts.remove(id);
        }
        for relation in std::mem::take(&mut self.relations) {
            let first = [&relation.from, &relation.to].into_iter().filter_map(|end| order.get(&**end)).min();
            match first {
                Some(&at) => removed[at].1.push(relation),
                None => self.relations.push(relation),
            }
        }
        removed.into_iter().map(|(span, relations)| Some((span?, relations))).collect()
    }

    pub fn remove_relation(&mut self, id: &str) -> Option<Relation> {
        let at = self.relations.iter().position(|r| &*r.id == id)?;
        Some(self.relations.remove(at))
    }

    pub fn insert_relation(&mut self, relation: Relation) -> Result<(), ModelError> {
        for end in [&relation.from, &relation.to] {
            if self.span(end).is_none() {
                return Err(ModelError::UnknownSpan { relation: relation.id.to_string(), span: end.to_string() });
            }
        }
        if self.relations.iter().any(|r| r.id == relation.id) {
            return Err(ModelError::DuplicateId(relation.id.to_string()));
        }
        self.relations.push(relation);
        Ok(())
    }
}

/// A document as serialised: what cannot be worked out from its text.
#[derive(Serialize, Deserialize)]
struct DocumentRecord {
    id: Rc<str>,
    name: String,
    status: Status,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    gold: bool,
    text: Rc<str>,
    spans: Vec<Span>,
    relations: Vec<Relation>,
    entities: Vec<Entity>,
}

impl From<Document> for DocumentRecord {
    fn from(doc: Document) -> Self {
        let Document { id, name, status, gold, text, spans, relations, entities, .. } = doc;
        DocumentRecord { id, name, status, gold, text, spans, relations, entities }
    }
}

impl From<DocumentRecord> for Document {
    fn from(record: DocumentRecord) -> Self {
        let DocumentRecord { id, name, status, gold, text, spans, relations, entities } = record;
        let doc = Document { name, status, gold, ..Document::new(id, "", text) };
        doc.with_annotations(spans, relations, entities)
    }
}

/// `<prefix><n>` with `n` one more than the highest such number in `taken`.
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> Rc<str> {
    fresh_ids(prefix, taken).next().expect("an unbounded sequence")
}

/// [`fresh_id`] for many new ids at once: `taken` is read once, not once per id.
pub fn fresh_ids<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> impl Iterator<Item = Rc<str>> {
    let highest = taken.filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok()).max().unwrap_or(0);
    let prefix = prefix.to_string();
    (highest + 1..).map(move |n| format!("{prefix}{n}").into())
}

/// An id made from a name: its lower-case words joined by `separator` ("Quote source" →
/// "quote-source" with '-', "located in" → "located_in" with '_'), `fallback` when it has no
/// letters or digits, numbered ("located_in_2") until `taken` says it is free.
pub fn id_from_name(name: &str, separator: char, fallback: &str, taken: impl Fn(&str) -> bool) -> Rc<str> {
    let words: Vec<String> = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let base = if words.is_empty() { fallback.to_string() } else { words.join(&separator.to_string()) };
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}{separator}{n}")))
        .find(|id| !taken(id))
        .expect("an unbounded sequence has a free id")
        .into()
}

/// Adds each item of `new` whose id `list` does not have yet, in order.
pub fn add_missing<T>(list: &mut Vec<T>, new: impl IntoIterator<Item = T>, id: impl Fn(&T) -> &str) {
    for item in new {
        if !list.iter().any(|known| id(known) == id(&item)) {
            list.push(item);
        }
    }
}

/// Suggestions the person rejected, per document id: (start, end, label). They stay rejected
/// for that document: across Suggest runs and, kept with the workspace in browser storage,
/// across visits. Never exported: suggestions are not annotations.
pub type RejectedSuggestions = BTreeMap<Rc<str>, BTreeSet<(usize, usize, Rc<str>)>>;

/// Everything open at once: the label set and the documents, in the order they were opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    pub labels: Vec<Label>,
    /// The kinds of link the linking flow offers, `said_by` and any the person adds.
    pub relation_types: Vec<RelationType>,
    pub documents: Vec<Rc<Document>>,
}

impl Default for Workspace {
    fn default() -> Self {
        Self { labels: default_labels(), relation_types: default_relation_types(), documents: Vec::new() }
    }
}

impl Workspace {
    pub fn document(&self, id: &str) -> Option<&Rc<Document>> {
        self.documents.iter().find(|d| &*d.id == id)
    }

    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| &*l.id == id)
    }

    pub fn relation_type(&self, id: &str) -> Option<&RelationType> {
        self.relation_types.iter().find(|t| &*t.id == id)
    }

    /// Every entity of the workspace, once each (first document's record wins), in order of
    /// first mention.
    pub fn entities(&self) -> Vec<&Entity> {
        let mut seen: Vec<&Entity> = Vec::new();
        for entity in self.documents.iter().flat_map(|d| d.named_entities()) {
            if !seen.iter().any(|e| e.id == entity.id) {
                seen.push(entity);
            }
        }
        seen
    }

    /// How many spans name `entity` in the whole workspace.
    pub fn mention_count(&self, entity: &str) -> usize {
        self.documents.iter().flat_map(|d| d.spans()).filter(|s| s.entity.as_deref() == Some(entity)).count()
    }

    pub fn fresh_entity_id(&self) -> Rc<str> {
        let ids: Vec<&Entity> = self.entities();
        fresh_id("e", ids.iter().map(|e| &*e.id))
    }

    pub fn fresh_document_id(&self) -> Rc<str> {
        fresh_id("d", self.documents.iter().map(|d| &*d.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(id: &str, start: usize, end: usize, label: &str) -> Span {
        Span::new(id, start, end, label)
    }

    #[test]
    fn a_span_over_an_extent_is_found_among_those_sharing_its_start() {
        let mut doc = Document::new("d1", "t.txt", "0123456789");
        for (id, start, end) in [("s1", 2, 8), ("s2", 2, 4), ("s3", 2, 3), ("s4", 5, 6)] {
            doc.insert_span(span(id, start, end, "actor")).unwrap();
        }
        assert!(doc.has_span_over(2, 4) && doc.has_span_over(2, 8) && doc.has_span_over(5, 6));
        assert!(!doc.has_span_over(2, 5) && !doc.has_span_over(3, 4) && !doc.has_span_over(9, 10));
    }

    #[test]
    fn spans_stay_sorted_and_identical_annotations_are_one() {
        let mut doc = Document::new("d1", "t.txt", "0123456789");
        assert_eq!(doc.insert_span(span("s1", 2, 4, "actor")), Ok(true));
        assert_eq!(doc.insert_span(span("s2", 0, 9, "quote")), Ok(true));
        assert_eq!(doc.insert_span(span("s3", 2, 6, "actor")), Ok(true));
        assert_eq!(doc.insert_span(span("s4", 2, 4, "actor")), Ok(false));
        let order: Vec<&str> = doc.spans().iter().map(|s| &*s.id).collect();
        assert_eq!(order, ["s2", "s3", "s1"]);
        assert_eq!(doc.fresh_span_id().as_ref(), "s4");
    }

    #[test]
    fn refuses_spans_out_of_range_or_empty() {
        let mut doc = Document::new("d1", "t.txt", "a😀b");
        assert!(doc.insert_span(span("s1", 1, 4, "actor")).is_err());
        assert!(doc.insert_span(span("s1", 2, 2, "actor")).is_err());
        assert_eq!(doc.insert_span(span("s1", 1, 3, "actor")), Ok(true));
        assert_eq!(doc.slice(1, 3), "😀b");
    }

    #[test]
    fn removing_a_span_takes_its_relations_along() {
        let mut doc = Document::new("d1", "t.txt", "Peskov said hello");
        doc.insert_span(span("s1", 0, 6, "actor")).unwrap();
        doc.insert_span(span("s2", 12, 17, "quote")).unwrap();
        let relation = Relation::new("r1", "said_by", "s2", "s1");
        doc.insert_relation(relation.clone()).unwrap();
        let (removed, relations) = doc.remove_span("s1").unwrap();
        assert_eq!(removed.id.as_ref(), "s1");
        assert_eq!(relations, [relation]);
        assert!(doc.relations().is_empty());
    }

    #[test]
    fn snapping_works_across_paragraphs() {
        let doc = Document::new("d1", "t.txt", "He met Zel\r\n\r\nensky in Kyiv.");
        let (s, e) = doc.snap(8, 25, LeadingArticle::Drop).unwrap();
        assert_eq!(doc.slice(s, e), "Zel\r\n\r\nensky in Kyiv");
    }

    #[test]
    fn only_quotes_keep_a_leading_article() {
        assert_eq!(leading_article("quote"), LeadingArticle::Keep);
        for label in ["actor", "location", "figure", "my-label"] {
            assert_eq!(leading_article(label), LeadingArticle::Drop, "{label}");
        }
    }
}
