//! Find and tag: the find bar's query and options, its matches in the open document, and
//! tagging every match with a label as one undo step. A match is tagged as found, except that
//! a label whose spans leave out a leading article leaves it out of the match too.

use std::rc::Rc;

use super::history::WorkspaceEdit;
use super::State;
use crate::model::{fresh_id, leading_article, Span};
use crate::text::find::find_all;
use crate::text::snap::{leading_article_len, LeadingArticle};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    pub case_sensitive: bool,
    pub whole_word: bool,
    /// Where the query occurs in the open document, in code points.
    pub matches: Rc<[(usize, usize)]>,
}

impl State {
    pub(super) fn find(&mut self, query: String, case_sensitive: bool, whole_word: bool) {
        let matches = self
            .active_document()
            .map(|doc| find_all(doc.text(), &query, case_sensitive, whole_word))
            .unwrap_or_default()
            .into();
        self.finding = Some(Find { query, case_sensitive, whole_word, matches });
    }

    /// Every match that is not already a span of `label` becomes one, as one undo step.
    pub(super) fn tag_all_matches(&mut self, label: Rc<str>) {
        let (Some(find), Some(doc)) = (&self.finding, self.active_document()) else { return };
        if self.workspace.label(&label).is_none() {
            return;
        }
        let mut taken: Vec<Rc<str>> = doc.spans().iter().map(|s| s.id.clone()).collect();
        let drop_article = leading_article(&label) == LeadingArticle::Drop;
        let mut spans = Vec::new();
        for &(start, end) in find.matches.iter() {
            let start = if drop_article { start + leading_article_len(doc.slice(start, end)) } else { start };
            if doc.spans().iter().any(|s| (s.start, s.end, &s.label) == (start, end, &label)) {
                continue;
            }
            let id = fresh_id("s", taken.iter().map(|id| &**id));
            taken.push(id.clone());
            spans.push((doc.id.clone(), Span::new(id, start, end, label.clone()), Vec::new()));
        }
        if !spans.is_empty() {
            self.record_workspace(WorkspaceEdit::Spans { spans, removed: false });
        }
    }
}
