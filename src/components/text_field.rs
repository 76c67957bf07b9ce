//! A field whose value comes from the state but is the person's while they type or pick.
//!
//! Yew puts a field's `value` back into the DOM on every render, so a field bound to the state
//! (a label's name, a note, a colour) lost what was being typed or picked whenever anything else
//! re-rendered: an autosave finishing, another tab's edit, a suggestion arriving. This field
//! writes the state's value into the DOM only when that value changes; the field reports by
//! `change` (Enter, leaving it, closing the colour picker), `keydown` and `blur`, as before.
//!
//! Not for: fields whose every keystroke goes to the state (the find box), which stay bound.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The text as the state has it.
    pub value: AttrValue,
    /// A `<textarea>` of this many rows instead of a one-line field.
    #[prop_or_default]
    pub rows: Option<u32>,
    /// The one-line field's `type`: text unless said otherwise (`color`).
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub class: Option<AttrValue>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    pub label: AttrValue,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub size: Option<AttrValue>,
    #[prop_or_default]
    pub autofocus: bool,
    #[prop_or_default]
    pub onchange: Callback<Event>,
    #[prop_or_default]
    pub onkeydown: Callback<KeyboardEvent>,
    #[prop_or_default]
    pub onblur: Callback<FocusEvent>,
}

#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
                input.set_value(value);
            } else if let Some(area) = node.cast::<HtmlTextAreaElement>() {
                area.set_value(value);
            }
        });
    }
    let p = props;
    match p.rows {
        Some(rows) => html! {
            <textarea ref={node} rows={rows.to_string()} class={p.class.clone()} data-testid={p.testid.clone()}
                aria-label={p.label.clone()} placeholder={p.placeholder.clone()} autofocus={p.autofocus}
                onchange={p.onchange.clone()} onkeydown={p.onkeydown.clone()} onblur={p.onblur.clone()} />
        },
        None => html! {
            <input type={p.kind.clone()} ref={node} class={p.class.clone()} data-testid={p.testid.clone()}
                aria-label={p.label.clone()} placeholder={p.placeholder.clone()} size={p.size.clone()}
                autofocus={p.autofocus} onchange={p.onchange.clone()} onkeydown={p.onkeydown.clone()}
                onblur={p.onblur.clone()} />
        },
    }
}
