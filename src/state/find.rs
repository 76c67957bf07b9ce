//! Find and tag: the find bar's query and options, its matches in the open document, and
//! tagging every match with a label as one undo step. A match is tagged as found, except that
//! a label whose spans leave out a leading article leaves it out of the match too.
//!
//! Not for: searching the text (`text::find`).

use std::rc::Rc;

use super::history::WorkspaceEdit;
use super::State;
use crate::model::leading_article;
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
        let drop_article = leading_article(&label) == LeadingArticle::Drop;
        let wanted = find.matches.iter().map(|&(start, end)| {
            let start = if drop_article { start + leading_article_len(doc.slice(start, end)) } else { start };
            (start, end, label.clone())
        });
        let spans = self.new_spans(doc, wanted);
        if !spans.is_empty() {
            self.record_workspace(WorkspaceEdit::Spans { spans, removed: false });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::state::testing::{state_with, tag, texts};
    use crate::state::{Action, State};

    #[test]
    fn find_and_tag_all_tags_every_whole_word_match_once_as_one_step() {
        let state = tag(state_with("Kyiv and kyiv, not Kyivan; Kyiv."), 0, 4, "location");
        let found = state.reduce(Action::Find { query: "kyiv".into(), case_sensitive: false, whole_word: true });
        assert_eq!(&*found.finding.as_ref().unwrap().matches, [(0, 4), (9, 13), (27, 31)]);
        let tagged = found.reduce(Action::TagAllMatches("location".into()));
        assert_eq!(
            texts(&tagged),
            [
                ("location".into(), "Kyiv".into()),
                ("location".into(), "kyiv".into()),
                ("location".into(), "Kyiv".into())
            ]
        );
        let undone = tagged.reduce(Action::Undo);
        assert_eq!(texts(&undone).len(), 1, "tag all is one undo step");
        let exact = undone.reduce(Action::Find { query: "Kyiv".into(), case_sensitive: true, whole_word: false });
        assert_eq!(exact.finding.unwrap().matches.len(), 3, "Kyivan counts without whole words");
    }

    #[test]
    fn tag_all_leaves_a_leading_article_out_of_an_actor_but_not_out_of_a_quote() {
        let text = "the Kremlin said “The pressure is on.” The Kremlin repeated: “The pressure is on.” The Hague";
        let find = |state: State, query: &str| {
            state.reduce(Action::Find { query: query.into(), case_sensitive: false, whole_word: true })
        };
        let actors = find(state_with(text), "the kremlin").reduce(Action::TagAllMatches("actor".into()));
        assert_eq!(texts(&actors), [("actor".into(), "Kremlin".into()), ("actor".into(), "Kremlin".into())]);
        let quotes = find(state_with(text), "the pressure is on").reduce(Action::TagAllMatches("quote".into()));
        assert_eq!(
            texts(&quotes),
            [("quote".into(), "The pressure is on".into()), ("quote".into(), "The pressure is on".into())]
        );
        for (said, query) in
            [("\"A deal is close,\" he said.", "a deal is close"), ("‘An accord is near,’ she said.", "an accord")]
        {
            let tagged = find(state_with(said), query).reduce(Action::TagAllMatches("quote".into()));
            let kept = &said[said.find(|c: char| c.is_alphabetic()).unwrap()..][..query.len()];
            assert_eq!(texts(&tagged), [("quote".into(), kept.to_string())], "{said}");
        }
        let places = find(state_with(text), "the hague").reduce(Action::TagAllMatches("location".into()));
        assert_eq!(texts(&places), [("location".into(), "The Hague".into())]);
        let again = find(actors, "the kremlin").reduce(Action::TagAllMatches("actor".into()));
        assert_eq!(texts(&again).len(), 2, "a match already tagged without its article is not tagged twice");
    }
}
