//! The three reports as tables: the quote sheet (filters, grouping), the figures sheet (the
//! checked mark and note) and people and places (sortable, with a bar chart). Long sheets draw
//! a page of rows at a time; the downloads always hold every row.

use std::rc::Rc;

use yew::prelude::*;

use super::store::use_store;
use super::text_field::TextField;
use crate::model::{Document, Status};
use crate::reports::people::{self, Mentioned, SortBy};
use crate::reports::quotes::{self, Grouping, QuoteRow, UNATTRIBUTED};
use crate::reports::{figures, Report};
use crate::state::{Action, Check};

/// How many rows a sheet draws before "Show more": the first screenful and then some, so a
/// workspace of thousands of quotes opens its sheet at once.
pub const PAGE: usize = 200;

/// The report on screen, and how many of its rows are drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportSettings {
    pub report: Report,
    pub shown: usize,
}

impl Default for ReportSettings {
    fn default() -> Self {
        Self { report: Report::default(), shown: PAGE }
    }
}

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub documents: Rc<[Rc<Document>]>,
    pub settings: ReportSettings,
    pub on_settings: Callback<ReportSettings>,
    #[prop_or_default]
    pub on_jump: Callback<(Rc<str>, Rc<str>)>,
}

/// The value of the `<select>` or `<input>` an event came from.
fn value_of(event: &Event) -> String {
    event.target_unchecked_into::<web_sys::HtmlInputElement>().value()
}

/// A settings change from a control's value, back to the first page of rows.
fn on_value(props: &SheetProps, edit: impl Fn(&mut ReportSettings, &str) + 'static) -> Callback<Event> {
    let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
    Callback::from(move |event: Event| {
        let mut changed = ReportSettings { shown: PAGE, ..settings.clone() };
        edit(&mut changed, &value_of(&event));
        on_settings.emit(changed);
    })
}

/// "Show more" under a sheet that draws `shown` of `total` rows.
fn more_rows(props: &SheetProps, total: usize) -> Html {
    let shown = props.settings.shown;
    if shown >= total {
        return html! {};
    }
    let show = |count: usize| {
        let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
        Callback::from(move |_: MouseEvent| on_settings.emit(ReportSettings { shown: count, ..settings.clone() }))
    };
    html! {
        <p class="more-rows">
            { format!("{shown} of {total} rows shown. ") }
            <button type="button" data-testid="report-more" onclick={show(shown + PAGE)}>{ format!("Show {} more", PAGE.min(total - shown)) }</button>
            <button type="button" data-testid="report-all" onclick={show(total)}>{ "Show all" }</button>
        </p>
    }
}

fn jump_button(props: &SheetProps, document: &Rc<str>, span: &Rc<str>, what: &str) -> Html {
    let (on_jump, target) = (props.on_jump.clone(), (document.clone(), span.clone()));
    html! {
        <button type="button" class="jump" data-testid="report-jump" aria-label={format!("Show {what} in its article")}
            onclick={Callback::from(move |_| on_jump.emit(target.clone()))}>{ "Show" }</button>
    }
}

#[function_component]
pub fn QuoteSheet(props: &SheetProps) -> Html {
    let rows = use_memo(props.documents.clone(), |docs| quotes::quote_sheet(docs.iter()));
    let settings = &props.settings;
    let mut speakers: Vec<&str> = rows.iter().filter_map(|r| r.speaker.as_deref()).collect();
    speakers.sort_by_key(|s| s.to_lowercase());
    speakers.dedup();
    let speaker_value = match &settings.report.filter.speaker {
        None => String::new(),
        Some(None) => "-".into(),
        Some(Some(name)) => format!("={name}"),
    };
    let on_speaker = on_value(props, |s, value| {
        s.report.filter.speaker = match value {
            "" => None,
            "-" => Some(None),
            name => Some(Some(name.trim_start_matches('=').to_string())),
        }
    });
    let on_document = on_value(props, |s, value| s.report.filter.document = (!value.is_empty()).then(|| value.into()));
    let on_status = on_value(props, |s, value| s.report.filter.status = Status::from_key(value));
    let on_grouping = on_value(props, |s, value| {
        s.report.grouping = if value == "speaker" { Grouping::Speaker } else { Grouping::Document }
    });
    let grouping = if settings.report.grouping == Grouping::Speaker { "speaker" } else { "document" };
    let kept: Vec<QuoteRow> = rows.iter().filter(|r| settings.report.filter.keeps(r)).cloned().collect();
    let groups = quotes::grouped(&kept, settings.report.grouping);
    let mut budget = settings.shown;
    let bodies = groups.iter().map(|(name, members)| {
        let drawn: Vec<&&QuoteRow> = members.iter().take(budget).collect();
        budget -= drawn.len();
        if drawn.is_empty() {
            return html! {};
        }
        let rows = drawn.into_iter().map(|row| {
            let speaker = row.speaker.clone().unwrap_or_default();
            html! {
                <tr data-quote-id={row.quote.clone()} data-speaker={speaker.clone()} data-document-id={row.document.clone()}>
                    <td class="speaker">
                        if row.speaker.is_some() { { speaker } } else { <em class="unattributed">{ "unattributed" }</em> }
                    </td>
                    <td class="quote-text">{ format!("“{}”", row.text) }</td>
                    <td class="document">{ &row.document_name }</td>
                    <td>{ jump_button(props, &row.document, &row.quote, "this quote") }</td>
                </tr>
            }
        });
        html! {
            <tbody class="report-group">
                <tr class="group-heading"><th colspan="4" scope="colgroup">{ format!("{name} ({})", members.len()) }</th></tr>
                { for rows }
            </tbody>
        }
    });
    html! {
        <>
            <div class="report-filters">
                <label>{ "Group by " }
                    <select data-testid="quote-grouping" onchange={on_grouping}>
                        <option value="document" selected={settings.report.grouping == Grouping::Document}>{ "document" }</option>
                        <option value="speaker" selected={settings.report.grouping == Grouping::Speaker}>{ "speaker" }</option>
                    </select>
                </label>
                <label>{ "Speaker " }
                    <select data-testid="quote-speaker-filter" onchange={on_speaker}>
                        <option value="" selected={speaker_value.is_empty()}>{ "any" }</option>
                        <option value="-" selected={speaker_value == "-"}>{ UNATTRIBUTED }</option>
                        { for speakers.iter().map(|name| {
                            let value = format!("={name}");
                            let selected = speaker_value == value;
                            html! { <option {selected} {value}>{ *name }</option> }
                        }) }
                    </select>
                </label>
                <label>{ "Document " }
                    <select data-testid="quote-document-filter" onchange={on_document}>
                        <option value="" selected={settings.report.filter.document.is_none()}>{ "any" }</option>
                        { for props.documents.iter().map(|doc| html! {
                            <option value={doc.id.clone()} selected={settings.report.filter.document.as_ref() == Some(&doc.id)}>{ &doc.name }</option>
                        }) }
                    </select>
                </label>
                <label>{ "Status " }
                    <select data-testid="quote-status-filter" onchange={on_status}>
                        <option value="" selected={settings.report.filter.status.is_none()}>{ "any" }</option>
                        { for Status::ALL.iter().map(|status| html! {
                            <option value={status.key()} selected={settings.report.filter.status == Some(*status)}>{ status.label() }</option>
                        }) }
                    </select>
                </label>
            </div>
            <table class="report-table" data-testid="quote-sheet" data-grouping={grouping}>
                <caption>{ format!("Quote sheet: {} quotes, {} unattributed", kept.len(), kept.iter().filter(|r| r.speaker.is_none()).count()) }</caption>
                <thead><tr><th scope="col">{ "Speaker" }</th><th scope="col">{ "Quote" }</th><th scope="col">{ "Document" }</th>
                    <th scope="col"><span class="visually-hidden">{ "Show in the article" }</span></th></tr></thead>
                { for bodies }
            </table>
            { more_rows(props, kept.len()) }
        </>
    }
}

#[function_component]
pub fn FigureSheet(props: &SheetProps) -> Html {
    let store = use_store();
    let rows = use_memo(props.documents.clone(), |docs| figures::figure_sheet(docs.iter()));
    let mut groups: Vec<(&str, Vec<&figures::FigureRow>)> = Vec::new();
    for row in rows.iter().take(props.settings.shown) {
        match groups.last_mut() {
            Some((_, members)) if members[0].document == row.document => members.push(row),
            _ => groups.push((&row.document_name, vec![row])),
        }
    }
    let check = |row: &figures::FigureRow, checked: Option<bool>| {
        let (store, row) = (store.clone(), row.clone());
        Callback::from(move |event: Event| {
            let (checked, note) = match checked {
                Some(checked) => (checked, row.note.clone().unwrap_or_default()),
                None => (row.checked, value_of(&event)),
            };
            store.dispatch(Action::Check(Check {
                document: row.document.clone(),
                span: row.figure.clone(),
                checked,
                note,
            }));
        })
    };
    let bodies = groups.into_iter().map(|(name, members)| {
        let rows = members.into_iter().map(|row| {
            let chars: Vec<char> = row.sentence.chars().collect();
            let at = row.figure_at.min(chars.len());
            let end = (at + row.text.chars().count()).min(chars.len());
            let part = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
            html! {
                <tr data-figure-id={row.figure.clone()} data-document-id={row.document.clone()} data-checked={row.checked.to_string()}>
                    <td class="figure-text"><strong>{ &row.text }</strong></td>
                    <td class="sentence">{ part(0, at) }<mark>{ part(at, end) }</mark>{ part(end, chars.len()) }</td>
                    <td class="speaker">{ row.said_by.clone().unwrap_or_default() }</td>
                    <td class="document">{ &row.document_name }</td>
                    <td><input type="checkbox" data-testid="figure-checked" checked={row.checked}
                        aria-label={format!("Checked: {}", row.text)} onchange={check(row, Some(!row.checked))} /></td>
                    <td><TextField class="figure-note" testid="figure-note" value={row.note.clone().unwrap_or_default()}
                        label={format!("Note on {}", row.text)} onchange={check(row, None)} /></td>
                    <td>{ jump_button(props, &row.document, &row.figure, "this figure") }</td>
                </tr>
            }
        });
        html! {
            <tbody class="report-group">
                <tr class="group-heading"><th colspan="7" scope="colgroup">{ name }</th></tr>
                { for rows }
            </tbody>
        }
    });
    let checked = rows.iter().filter(|r| r.checked).count();
    html! {
        <>
            <table class="report-table" data-testid="figure-sheet" data-grouping="document">
                <caption>{ format!("Figures sheet: {} figures, {checked} checked", rows.len()) }</caption>
                <thead><tr><th scope="col">{ "Figure" }</th><th scope="col">{ "Sentence" }</th><th scope="col">{ "Said by" }</th>
                    <th scope="col">{ "Document" }</th><th scope="col">{ "Checked" }</th><th scope="col">{ "Note" }</th>
                    <th scope="col"><span class="visually-hidden">{ "Show in the article" }</span></th></tr></thead>
                { for bodies }
            </table>
            { more_rows(props, rows.len()) }
        </>
    }
}

/// Bars in the chart: the first rows of the table's order.
const CHART_BARS: usize = 12;

#[function_component]
pub fn PeopleSheet(props: &SheetProps) -> Html {
    let rows = use_memo(props.documents.clone(), |docs| {
        let docs: Vec<&Rc<Document>> = docs.iter().collect();
        people::people_and_places(&docs)
    });
    let by = props.settings.report.people_sort;
    let mut sorted: Vec<Mentioned> = (*rows).clone();
    people::sort(&mut sorted, by);
    let sort_button = |key: SortBy, text: String| {
        let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
        let sort = if by == key { "descending" } else { "none" };
        let sort = if by == key && matches!(key, SortBy::Name | SortBy::Label) { "ascending" } else { sort };
        html! {
            <th scope="col" aria-sort={sort}>
                <button type="button" class="sort" data-testid="people-sort"
                    onclick={Callback::from(move |_| {
                        let mut changed = settings.clone();
                        changed.report.people_sort = key;
                        on_settings.emit(changed);
                    })}>{ text }</button>
            </th>
        }
    };
    let body = sorted.iter().take(props.settings.shown).map(|row| {
        html! {
            <tr data-mention-key={row.key.clone()} data-label={row.label.clone()}>
                <th scope="row">{ &row.name }</th>
                <td>{ &*row.label }</td>
                { for row.counts.iter().map(|n| html! { <td class="count">{ n }</td> }) }
                <td class="count total">{ row.total }</td>
            </tr>
        }
    });
    html! {
        <>
            { bar_chart(&sorted[..sorted.len().min(CHART_BARS)]) }
            <table class="report-table" data-testid="people-sheet">
                <caption>{ format!("People and places: {} names, mentions per document", sorted.len()) }</caption>
                <thead><tr>
                    { sort_button(SortBy::Name, "Name".into()) }
                    { sort_button(SortBy::Label, "Label".into()) }
                    { for props.documents.iter().enumerate().map(|(n, doc)| sort_button(SortBy::Document(n), doc.name.clone())) }
                    { sort_button(SortBy::Total, "Total".into()) }
                </tr></thead>
                <tbody>{ for body }</tbody>
            </table>
            { more_rows(props, sorted.len()) }
        </>
    }
}

/// Horizontal bars, one per row, with the name and the number written beside each bar, so the
/// figures read as text; the chart's label says the same for screen readers.
fn bar_chart(rows: &[Mentioned]) -> Html {
    const BAR: f64 = 22.0;
    const NAMES: f64 = 170.0;
    const WIDTH: f64 = 520.0;
    if rows.is_empty() {
        return html! { <p class="hint">{ "No actors or locations tagged in these documents." }</p> };
    }
    let most = rows.iter().map(|r| r.total).max().unwrap_or(1).max(1) as f64;
    let summary = rows.iter().map(|r| format!("{} {}", r.name, r.total)).collect::<Vec<_>>().join(", ");
    let height = BAR * rows.len() as f64 + 4.0;
    let bars = rows.iter().enumerate().map(|(n, row)| {
        let y = BAR * n as f64 + 2.0;
        let length = (WIDTH - NAMES - 50.0) * row.total as f64 / most;
        let name: String = if row.name.chars().count() > 24 { row.name.chars().take(23).chain(['…']).collect() } else { row.name.clone() };
        html! {
            <g class="bar" data-label={row.label.clone()}>
                <text x={(NAMES - 8.0).to_string()} y={(y + BAR * 0.68).to_string()} text-anchor="end">{ name }</text>
                <rect x={NAMES.to_string()} y={(y + 3.0).to_string()} width={length.max(1.0).to_string()} height={(BAR - 6.0).to_string()} />
                <text class="bar-count" x={(NAMES + length + 6.0).to_string()} y={(y + BAR * 0.68).to_string()}>{ row.total }</text>
            </g>
        }
    });
    html! {
        <figure class="bar-chart" data-testid="people-chart">
            <svg role="img" aria-label={format!("Mentions, in the table's order: {summary}")}
                viewBox={format!("0 0 {WIDTH} {height}")} width={WIDTH.to_string()} height={height.to_string()}>
                { for bars }
            </svg>
            <figcaption>{ format!("Mentions of the first {} in the table's order", rows.len()) }</figcaption>
        </figure>
    }
}
