//! The label colours as a stylesheet, so spans carry only `data-label` and a label added or
//! recoloured at run time needs no code: `[data-label="actor"] { --label-color: #1f77b4 }`.

use crate::colors::{ink_on, Rgb};
use crate::model::Label;

/// CSS giving each label's elements its colour. Ids and colours that could break out of the
/// rule are skipped: a label's id and colour come from files people open.
pub fn label_css(labels: &[Label]) -> String {
    labels
        .iter()
        .filter(|l| l.id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_'))
        .filter(|l| Rgb::parse(&l.color).is_some())
        .map(|l| {
            let ink = Rgb::parse(&l.color).map_or("#ffffff", ink_on);
            format!("[data-label=\"{}\"]{{--label-color:{};--label-ink:{ink}}}\n", l.id, l.color)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_labels;

    #[test]
    fn one_rule_per_safe_label() {
        let mut labels = default_labels();
        labels.push(Label { id: "x\"]{}".into(), name: "bad".into(), color: "#fff".into(), key: None });
        labels.push(Label { id: "ok".into(), name: "bad".into(), color: "#fff;}".into(), key: None });
        let css = label_css(&labels);
        assert_eq!(css.lines().count(), 4);
        assert!(css.contains("[data-label=\"actor\"]{--label-color:#1f77b4;--label-ink:#ffffff}"), "{css}");
    }
}
