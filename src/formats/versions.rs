//! Earlier versions of the workspace, kept so that work the undo history no longer reaches (a
//! document removed before a reload) can still be brought back; and how full the browser's
//! storage is. This is the pure part: which saves become versions, how many are kept, what a
//! version is called, and the words for storage use.
//!
//! A version is the workspace in the native format, which `formats::storage::load` reads as its
//! schema 1, so restoring one is `storage::load`, with its migrations. It holds documents,
//! labels and relation types: the work. Beside the versions lies an index (oldest first) of
//! what a list needs without reading the workspaces: time, counts, why, size.
//!
//! Not here: IndexedDB and `navigator.storage` (`browser::versions`), putting a version back
//! into the workspace (`state`, as one undoable step).

use serde::{Deserialize, Serialize};

use super::native;
use crate::model::Workspace;

/// Versions kept at most; the oldest goes first.
pub const MAX_VERSIONS: usize = 10;

/// Bytes the versions may take together. A browser can give a page little room (Firefox a share
/// of the disk per site, Safari about a gigabyte before it asks), and that room is shared with
/// the workspace itself: the copies must never be what fills it and makes the next save of
/// real work fail. Ten versions of a workspace of a few megabytes fit; a larger workspace keeps
/// fewer, and one over the budget keeps only its newest version.
pub const MAX_VERSION_BYTES: usize = 50_000_000;

/// While work goes on, a version at least this often (ms).
pub const EVERY_MS: f64 = 10.0 * 60_000.0;

/// A save that has this many spans fewer than the one before (a label deleted, a batch undone)
/// keeps the one before as a version.
pub const MANY_SPANS: usize = 10;

/// Above this share of its quota, storage use is shown as a warning.
pub const PRESSURE: f64 = 0.8;

/// One version as the index lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionInfo {
    pub id: u32,
    /// When the workspace held this (ms since the epoch).
    pub saved_at: f64,
    pub documents: usize,
    pub spans: usize,
    /// Why it was kept, in words: "before removing “two.txt”".
    pub why: String,
    /// The stored workspace's length in bytes.
    pub bytes: usize,
    /// Tells this version's workspace from the next one's, so an unchanged workspace (a reload
    /// without edits) does not push a useful version out.
    pub fingerprint: u64,
}

impl VersionInfo {
    /// "3 documents, 41 spans".
    pub fn summary(&self) -> String {
        format!("{}, {}", counted(self.documents, "document"), counted(self.spans, "span"))
    }
}

fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The stored index: versions oldest first.
#[derive(Default, Serialize, Deserialize)]
struct Index {
    versions: Vec<VersionInfo>,
}

/// Reads the index as stored; none, or one that cannot be read, is an empty list (the
/// versions are a safety net: a broken list must not stop saving or keeping new ones).
pub fn read_index(stored: Option<&str>) -> Vec<VersionInfo> {
    stored.and_then(|s| serde_json::from_str::<Index>(s).ok()).map(|i| i.versions).unwrap_or_default()
}

pub fn write_index(versions: &[VersionInfo]) -> String {
    serde_json::to_string(&Index { versions: versions.to_vec() }).expect("the index serialises")
}

/// A workspace to keep as a version, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The workspace in the native format.
    pub stored: String,
    pub saved_at: f64,
    pub documents: usize,
    pub spans: usize,
    pub why: String,
}

/// The index after keeping `candidate` (under the id returned), or `None` when the newest
/// version already holds the same workspace. The oldest versions go until at most
/// [`MAX_VERSIONS`] remain within [`MAX_VERSION_BYTES`]; the new one always stays.
pub fn add(index: &[VersionInfo], candidate: &Candidate) -> Option<(u32, Vec<VersionInfo>)> {
    let fingerprint = fingerprint(&candidate.stored);
    if index.last().is_some_and(|newest| newest.fingerprint == fingerprint) {
        return None;
    }
    let id = index.iter().map(|v| v.id).max().map_or(1, |id| id.wrapping_add(1));
    let mut versions = index.to_vec();
    versions.push(VersionInfo {
        id,
        saved_at: candidate.saved_at,
        documents: candidate.documents,
        spans: candidate.spans,
        why: candidate.why.clone(),
        bytes: candidate.stored.len(),
        fingerprint,
    });
    let total = |versions: &[VersionInfo]| versions.iter().map(|v| v.bytes).sum::<usize>();
    while versions.len() > 1 && (versions.len() > MAX_VERSIONS || total(&versions) > MAX_VERSION_BYTES) {
        versions.remove(0);
    }
    Some((id, versions))
}

/// A version's text hashed (FNV-1a: stable across builds, unlike std's hasher).
fn fingerprint(stored: &str) -> u64 {
    stored.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3))
}

/// The workspace at one moment of the visit. Holding it costs little: its documents are shared
/// with the state (`Rc`), not copied; a version's text is written only when one is kept.
struct Seen {
    workspace: Workspace,
    at: f64,
}

/// Decides, through one visit of the page, which workspaces to keep as versions:
/// - the one the page opened with (the work as it was found);
/// - the one before a save that lost documents, or [`MANY_SPANS`] spans or more: the version
///   to go back to;
/// - and while work goes on, one every [`EVERY_MS`].
///
/// A workspace with no documents is never kept: there is nothing in it to bring back.
#[derive(Default)]
pub struct Keeper {
    previous: Option<Seen>,
    /// When a version was last kept, or (before one is) when the visit began.
    last_kept_at: f64,
}

impl Keeper {
    /// The page opened with `workspace` at `now` (ms): returns it to keep.
    pub fn opened(&mut self, workspace: &Workspace, now: f64) -> Option<Candidate> {
        self.last_kept_at = now;
        self.note(workspace, now, Some((workspace, now, "when the page was opened".into())))
    }

    /// A save of `workspace` reached storage at `now` (ms): returns what to keep, if anything.
    pub fn saved(&mut self, workspace: &Workspace, now: f64) -> Option<Candidate> {
        let Some(previous) = self.previous.take() else {
            self.last_kept_at = now;
            return self.note(workspace, now, Some((workspace, now, "at the first save of this visit".into())));
        };
        let before = &previous.workspace;
        let removed: Vec<&str> = before
            .documents
            .iter()
            .filter(|d| !workspace.documents.iter().any(|now| (&now.id, now.len()) == (&d.id, d.len())))
            .map(|d| d.name.as_str())
            .collect();
        let (spans_before, spans_now) = (span_count(before), span_count(workspace));
        let chosen = if let Some(why) = removal(&removed) {
            Some((before, previous.at, why))
        } else if spans_before >= spans_now + MANY_SPANS {
            Some((before, previous.at, format!("before {} spans were removed", spans_before - spans_now)))
        } else if now - self.last_kept_at >= EVERY_MS {
            Some((workspace, now, format!("after {} minutes of work", EVERY_MS / 60_000.0)))
        } else {
            None
        };
        self.note(workspace, now, chosen)
    }

    /// Remembers `workspace` as the latest seen; makes the chosen one a candidate.
    fn note(
        &mut self,
        workspace: &Workspace,
        now: f64,
        chosen: Option<(&Workspace, f64, String)>,
    ) -> Option<Candidate> {
        let candidate = chosen.filter(|(kept, _, _)| !kept.documents.is_empty()).map(|(kept, at, why)| {
            self.last_kept_at = now;
            let docs = kept.documents.iter().map(|d| &**d);
            Candidate {
                stored: native::export_compact(&kept.labels, &kept.relation_types, docs),
                saved_at: at,
                documents: kept.documents.len(),
                spans: span_count(kept),
                why,
            }
        });
        self.previous = Some(Seen { workspace: workspace.clone(), at: now });
        candidate
    }
}

fn span_count(workspace: &Workspace) -> usize {
    workspace.documents.iter().map(|d| d.spans().len()).sum()
}

/// "before removing “two.txt”", "… “a.txt” and 2 more"; `None` when nothing was removed.
fn removal(names: &[&str]) -> Option<String> {
    let (first, rest) = names.split_first()?;
    let more = if rest.is_empty() { String::new() } else { format!(" and {} more", rest.len()) };
    Some(format!("before removing “{first}”{more}"))
}

/// What the browser says about the page's storage (`navigator.storage`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    /// Bytes used and the most the browser will give (0 when it does not say).
    pub used: f64,
    pub quota: f64,
    /// Whether the browser keeps the data under storage pressure; `None` when it does not say.
    pub persisted: Option<bool>,
}

impl Usage {
    /// More than [`PRESSURE`] of the quota is used: the next saves may be refused.
    pub fn under_pressure(&self) -> bool {
        self.quota > 0.0 && self.used > PRESSURE * self.quota
    }

    /// The share of the quota used, in whole percent.
    pub fn percent(&self) -> u32 {
        if self.quota > 0.0 {
            (100.0 * self.used / self.quota).round().clamp(0.0, 100.0) as u32
        } else {
            0
        }
    }

    /// "Storage: 1.2 MB of 2.1 GB used · persistent".
    pub fn describe(&self) -> String {
        let amount = if self.quota > 0.0 {
            format!("{} of {} used", bytes(self.used), bytes(self.quota))
        } else {
            format!("{} used", bytes(self.used))
        };
        let persistence = match self.persisted {
            Some(true) => " · persistent",
            Some(false) => " · not persistent: the browser may clear it under pressure",
            None => "",
        };
        format!("Storage: {amount}{persistence}")
    }
}

/// A size in decimal units as browsers and disks show it: "980 bytes", "1.2 MB", "215 MB".
pub fn bytes(n: f64) -> String {
    let n = n.max(0.0);
    if n < 1000.0 {
        return counted(n as usize, "byte");
    }
    let (value, unit) = [("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12)]
        .into_iter()
        .rev()
        .find(|(_, size)| n >= *size)
        .map(|(unit, size)| (n / size, unit))
        .expect("n is at least 1000");
    if value < 9.95 {
        format!("{value:.1} {unit}")
    } else {
        format!("{value:.0} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::formats::storage;
    use crate::model::{Document, Span};

    /// Documents of (id, a word repeated as the text, how many of its repetitions are spans).
    fn workspace(documents: &[(&str, &str, usize)]) -> Workspace {
        let documents = documents
            .iter()
            .map(|(id, text, spans)| {
                // The same text whatever the spans, so fewer spans is not another document.
                let mut doc = Document::new(*id, format!("{id}.txt"), text.repeat(30));
                for n in 0..*spans {
                    doc.insert_span(Span::new(format!("s{n}"), n * text.len(), n * text.len() + 1, "actor")).unwrap();
                }
                Rc::new(doc)
            })
            .collect();
        Workspace { documents, ..Workspace::default() }
    }

    /// Feeds saves of workspaces at the given minutes to a keeper that saw `opened` at minute 0;
    /// returns why each was kept and the minute of the version.
    fn keep(opened: &Workspace, saves: &[(f64, &Workspace)]) -> Vec<Option<(String, f64)>> {
        let mut keeper = Keeper::default();
        keeper.opened(opened, 0.0);
        saves
            .iter()
            .map(|(minute, ws)| keeper.saved(ws, minute * 60_000.0).map(|c| (c.why, c.saved_at / 60_000.0)))
            .collect()
    }

    #[test]
    fn the_workspace_found_at_opening_is_kept_and_then_one_every_ten_minutes_of_work() {
        let ws = workspace(&[("d1", "Kyiv ", 2)]);
        let opened = Keeper::default().opened(&ws, 0.0).unwrap();
        assert_eq!((opened.why.as_str(), opened.documents, opened.spans), ("when the page was opened", 1, 2));
        let kept = keep(&ws, &[(1.0, &ws), (9.9, &ws), (10.0, &ws), (15.0, &ws), (20.5, &ws)]);
        let whys: Vec<Option<&str>> = kept.iter().map(|k| k.as_ref().map(|(why, _)| why.as_str())).collect();
        let every = Some("after 10 minutes of work");
        assert_eq!(whys, [None, None, every, None, every]);
        let first = Keeper::default().saved(&ws, 5.0).unwrap();
        assert_eq!(first.why, "at the first save of this visit", "where the opening was not seen");
    }

    #[test]
    fn a_removal_keeps_the_workspace_from_before_it_with_the_names_of_what_went() {
        let both = workspace(&[("d1", "Kyiv ", 2), ("d2", "Paris ", 3)]);
        let one = workspace(&[("d1", "Kyiv ", 2)]);
        assert_eq!(keep(&both, &[(1.0, &both), (2.0, &one)])[1], Some(("before removing “d2.txt”".into(), 1.0)));
        assert_eq!(keep(&both, &[(2.0, &one)])[0], Some(("before removing “d2.txt”".into(), 0.0)), "the first change");
        let mut keeper = Keeper::default();
        keeper.opened(&both, 0.0);
        let candidate = keeper.saved(&one, 1.0).unwrap();
        let restored = storage::load(&candidate.stored).unwrap();
        assert_eq!(restored.documents.len(), 2, "it holds the removed document");
        assert_eq!(restored.documents[1].spans().len(), 3);
        assert_eq!((candidate.documents, candidate.spans), (2, 5));
        let none = Workspace::default();
        assert_eq!(keep(&both, &[(1.0, &none)])[0], Some(("before removing “d1.txt” and 1 more".into(), 0.0)));
    }

    #[test]
    fn another_text_under_a_removed_documents_id_still_counts_as_a_removal() {
        let before = workspace(&[("d1", "Kyiv ", 0)]);
        let reused = workspace(&[("d1", "Geneva talks ", 0)]);
        assert_eq!(keep(&before, &[(1.0, &reused)])[0].as_ref().unwrap().0, "before removing “d1.txt”");
    }

    #[test]
    fn losing_many_spans_at_once_keeps_the_workspace_from_before() {
        let many = workspace(&[("d1", "Kyiv ", MANY_SPANS + 2)]);
        let few = workspace(&[("d1", "Kyiv ", 2)]);
        let some_fewer = workspace(&[("d1", "Kyiv ", MANY_SPANS)]);
        assert_eq!(keep(&many, &[(1.0, &few)])[0], Some((format!("before {MANY_SPANS} spans were removed"), 0.0)));
        assert_eq!(keep(&many, &[(1.0, &some_fewer)])[0], None, "a couple of deletions are what undo is for");
    }

    #[test]
    fn an_empty_workspace_is_never_kept() {
        let none = Workspace::default();
        assert_eq!(keep(&none, &[(1.0, &none), (30.0, &none)]), [None, None]);
        assert_eq!(Keeper::default().opened(&none, 0.0), None);
    }

    fn candidate(text: &str, at: f64) -> Candidate {
        let ws = workspace(&[("d1", text, 1)]);
        Keeper::default().opened(&ws, at).unwrap()
    }

    #[test]
    fn the_index_keeps_the_ten_newest_and_skips_an_unchanged_workspace() {
        let mut index = Vec::new();
        for n in 0..14 {
            let (id, next) = add(&index, &candidate(&format!("text {n} "), f64::from(n))).unwrap();
            assert_eq!(next.last().unwrap().id, id);
            index = next;
        }
        assert_eq!(index.len(), MAX_VERSIONS);
        assert_eq!(index.iter().map(|v| v.id).collect::<Vec<_>>(), (5..=14).collect::<Vec<_>>(), "oldest went first");
        assert_eq!(add(&index, &candidate("text 13 ", 99.0)), None, "the same workspace seen later is not new");
        assert!(add(&index, &candidate("text 12 ", 99.0)).is_some(), "only the newest is compared");
        assert_eq!(read_index(Some(&write_index(&index))), index);
        assert_eq!(read_index(Some("{broken")), [], "a broken index starts again");
        assert_eq!(read_index(None), []);
    }

    #[test]
    fn the_versions_stay_within_their_byte_budget_but_the_newest_always_stays() {
        let big = |n: usize| Candidate {
            stored: format!("{n}").repeat(MAX_VERSION_BYTES / 3),
            saved_at: 0.0,
            documents: 1,
            spans: 0,
            why: String::new(),
        };
        let mut index = Vec::new();
        for n in 1..=4 {
            index = add(&index, &big(n)).unwrap().1;
        }
        assert_eq!(index.iter().map(|v| v.id).collect::<Vec<_>>(), [2, 3, 4], "three thirds fit, four do not");
        let huge = Candidate { stored: "x".repeat(MAX_VERSION_BYTES + 1), ..big(5) };
        assert_eq!(add(&index, &huge).unwrap().1.len(), 1);
    }

    #[test]
    fn versions_are_summarised_in_words() {
        let info = |documents, spans| VersionInfo {
            id: 1,
            saved_at: 0.0,
            documents,
            spans,
            why: String::new(),
            bytes: 0,
            fingerprint: 0,
        };
        assert_eq!(info(3, 41).summary(), "3 documents, 41 spans");
        assert_eq!(info(1, 1).summary(), "1 document, 1 span");
    }

    #[test]
    fn storage_use_is_described_and_warns_above_eighty_percent() {
        let usage = Usage { used: 1.2e6, quota: 2.1e9, persisted: Some(true) };
        assert_eq!(usage.describe(), "Storage: 1.2 MB of 2.1 GB used · persistent");
        assert!(!usage.under_pressure());
        let full = Usage { used: 850.0, quota: 1000.0, persisted: Some(false) };
        assert_eq!(
            full.describe(),
            "Storage: 850 bytes of 1.0 KB used · not persistent: the browser may clear it under pressure"
        );
        assert!(full.under_pressure());
        assert_eq!(full.percent(), 85);
        let unknown = Usage { used: 215e6, quota: 0.0, persisted: None };
        assert_eq!(unknown.describe(), "Storage: 215 MB used");
        assert!(!unknown.under_pressure());
        assert_eq!([bytes(1.0), bytes(9_960.0), bytes(12_345.0)], ["1 byte", "10 KB", "12 KB"]);
    }
}
