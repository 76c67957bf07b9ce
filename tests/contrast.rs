//! WCAG AA in both themes, checked on the real stylesheet and the default labels: body text
//! 4.5:1, span text on the strongest label tint 4.5:1, the label colour itself (underlines,
//! borders) 3:1 against the page, and the label chip's ink 4.5:1 on its colour.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use article_annotator::colors::{contrast, ink_on, Rgb};
use article_annotator::model::default_labels;
use article_annotator::state::PALETTE;

/// The tint of a selected span's background (styles/article.css: `--label-color 34%`).
const STRONGEST_TINT: f64 = 0.34;

/// The `--name: #rrggbb` custom properties of the first CSS block opened by `selector`.
fn custom_properties(css: &str, selector: &str) -> HashMap<String, Rgb> {
    let start = css.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no block {selector}"));
    let block = &css[start..start + css[start..].find('}').unwrap()];
    block
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            Some((name.to_string(), Rgb::parse(value.trim().trim_end_matches(';'))?))
        })
        .collect()
}

fn themes() -> Vec<(&'static str, HashMap<String, Rgb>)> {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/base.css")).unwrap();
    let themes = vec![
        ("light", custom_properties(&css, ":root")),
        ("dark", custom_properties(&css, ":root[data-theme=\"dark\"]")),
    ];
    assert_eq!(themes[1].1, custom_properties(&css, "  :root:not([data-theme=\"light\"])"), "both dark blocks agree");
    themes
}

#[test]
fn page_text_meets_aa_in_both_themes() {
    for (theme, colors) in themes() {
        for (text, background) in
            [("fg", "bg"), ("muted", "bg"), ("fg", "panel"), ("muted", "panel"), ("alert-fg", "alert-bg")]
        {
            let ratio = contrast(colors[text], colors[background]);
            assert!(ratio >= 4.5, "{theme}: --{text} on --{background} is {ratio:.2}:1");
        }
        let focus = contrast(colors["focus"], colors["bg"]);
        assert!(focus >= 3.0, "{theme}: the focus ring is {focus:.2}:1");
    }
}

#[test]
fn labels_are_legible_in_both_themes() {
    for (theme, colors) in themes() {
        let defaults = default_labels().into_iter().map(|l| (l.id.to_string(), l.color));
        let new_labels = PALETTE.iter().map(|c| (format!("new label {c}"), c.to_string()));
        for (label, color) in defaults.chain(new_labels) {
            let color = Rgb::parse(&color).unwrap();
            let mark = contrast(color, colors["bg"]);
            assert!(mark >= 3.0, "{theme}: {} underline is {mark:.2}:1 on the page", label);
            let tinted = color.over(colors["bg"], STRONGEST_TINT);
            let text = contrast(colors["fg"], tinted);
            assert!(text >= 4.5, "{theme}: text on a selected {} span is {text:.2}:1", label);
            let chip = contrast(Rgb::parse(ink_on(color)).unwrap(), color);
            assert!(chip >= 4.5, "{theme}: the {} chip's text is {chip:.2}:1", label);
        }
    }
}
