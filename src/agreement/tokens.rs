//! The category one copy gives each token of a text, for kappa and alpha: tokens are the
//! project's own (`text::tokens`, the same as the CoNLL and spaCy exports), and a token belongs
//! to every span it touches. Restricted to a label, a token is that label or "O"; over all
//! labels, it is the labels of the spans it is in, sorted and joined by "+" ("actor+quote" for a
//! speaker named inside a quote), or "O" outside any span.

use std::collections::HashMap;
use std::rc::Rc;

use crate::model::Span;
use crate::text::tokens::{token_range, Token};

/// The category of a token outside every span counted.
pub const OUTSIDE: &str = "O";

/// Each token's category under `spans`, in token order.
pub fn categories(tokens: &[Token<'_>], spans: &[Span], label: Option<&str>) -> Vec<Rc<str>> {
    let mut inside: Vec<Vec<&str>> = vec![Vec::new(); tokens.len()];
    for span in spans.iter().filter(|s| label.is_none_or(|l| *s.label == *l)) {
        if let Some((first, last)) = token_range(tokens, span.start, span.end) {
            for labels in &mut inside[first..=last] {
                labels.push(&span.label);
            }
        }
    }
    let mut names: HashMap<Vec<&str>, Rc<str>> = HashMap::new();
    let outside: Rc<str> = OUTSIDE.into();
    inside
        .into_iter()
        .map(|mut labels| {
            if labels.is_empty() {
                return outside.clone();
            }
            labels.sort_unstable();
            labels.dedup();
            names.entry(labels).or_insert_with_key(|labels| labels.join("+").into()).clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn tokens_take_the_labels_of_the_spans_they_are_in() {
        let text = "“We agree,” Peskov said in Geneva.";
        let tokens = tokenize(text);
        let spans =
            [Span::new("s1", 0, 11, "quote"), Span::new("s2", 4, 9, "actor"), Span::new("s3", 27, 33, "location")];
        let all: Vec<String> = categories(&tokens, &spans, None).iter().map(|c| c.to_string()).collect();
        assert_eq!(all, ["quote", "quote", "actor+quote", "quote", "quote", "O", "O", "O", "location", "O"]);
        let actor: Vec<String> = categories(&tokens, &spans, Some("actor")).iter().map(|c| c.to_string()).collect();
        assert_eq!(actor, ["O", "O", "actor", "O", "O", "O", "O", "O", "O", "O"]);
    }
}
