//! The three reports as tables: the quote sheet (filters, grouping), the figures sheet (the
//! checked mark and note) and people and places (sortable, with a bar chart). Long sheets draw
//! the rows near the viewport (`sheet_rows`), every row when printed; the downloads always hold
//! every row.

use std::rc::Rc;

use yew::prelude::*;

use super::sheet_rows::{use_sheet_window, SheetWindow};
use super::store::use_store;
use super::text_field::TextField;
use crate::model::{Document, Status};
use crate::reports::people::{self, Mentioned, SortBy};
use crate::reports::quotes::{self, Grouping, QuoteRow, UNATTRIBUTED};
use crate::reports::{figures, Report};
use crate::state::{Action, Check};

/// The report on screen, and whether every row of it is drawn (for the browser's find in page,
/// which sees only the rows drawn).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportSettings {
    pub report: Report,
    pub all: bool,
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

/// A settings change from a control's value.
fn on_value(props: &FilterProps, edit: impl Fn(&mut ReportSettings, &str) + 'static) -> Callback<Event> {
    let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
    Callback::from(move |event: Event| {
        let mut changed = settings.clone();
        edit(&mut changed, &value_of(&event));
        on_settings.emit(changed);
    })
}

/// The switch between drawing the rows near the viewport and drawing every row, for a sheet
/// of `rows` rows; none while every row is drawn anyway.
fn all_rows(props: &SheetProps, window: &SheetWindow, rows: usize) -> Html {
    let all = props.settings.all;
    if !all && !window.partial() {
        return html! {};
    }
    let (settings, on_settings) = (props.settings.clone(), props.on_settings.clone());
    let onclick =
        Callback::from(move |_: MouseEvent| on_settings.emit(ReportSettings { all: !all, ..settings.clone() }));
    html! {
        <p class="all-rows">
            <button type="button" data-testid="report-all" aria-pressed={all.to_string()} {onclick}>{ "Draw every row" }</button>
            <span class="hint">{ if all {
                format!("All {rows} rows are drawn, so the browser's find sees them; this can be slow.")
            } else {
                "Only the rows near the screen are drawn; the browser's find sees only those.".to_string()
            } }</span>
        </p>
    }
}

/// Key of a line of a sheet in its window: the document and the span, group or name it shows.
type LineKey = (Rc<str>, Rc<str>);

fn jump_button(props: &SheetProps, document: &Rc<str>, span: &Rc<str>, what: &str) -> Html {
    let (on_jump, target) = (props.on_jump.clone(), (document.clone(), span.clone()));
    html! {
        <button type="button" class="jump" data-testid="report-jump" aria-label={format!("Show {what} in its article")}
            onclick={Callback::from(move |_| on_jump.emit(target.clone()))}>{ "Show" }</button>
    }
}

/// The quote sheet as filtered and grouped: its groups, and its lines (a group's heading, then
/// its rows) as (group, row in the group or `None` for the heading).
struct QuoteLines {
    groups: Vec<(String, Vec<QuoteRow>)>,
    lines: Vec<(usize, Option<usize>)>,
    starts: Vec<usize>,
    keys: Rc<[LineKey]>,
    quotes: usize,
    unattributed: usize,
    /// Every speaker's name, for the filter.
    speakers: Rc<[String]>,
}

impl QuoteLines {
    fn new(rows: &[QuoteRow], report: &Report) -> Self {
        let mut speakers: Vec<String> = rows.iter().filter_map(|r| r.speaker.clone()).collect();
        crate::sort::sort_by_key(&mut speakers, |s| s.to_lowercase());
        speakers.dedup();
        let kept: Vec<QuoteRow> = rows.iter().filter(|r| report.filter.keeps(r)).cloned().collect();
        let groups: Vec<(String, Vec<QuoteRow>)> = quotes::grouped(&kept, report.grouping)
            .into_iter()
            .map(|(name, members)| (name, members.into_iter().cloned().collect()))
            .collect();
        let (mut lines, mut starts, mut keys) = (Vec::new(), Vec::new(), Vec::new());
        let none: Rc<str> = Rc::from("");
        for (g, (name, members)) in groups.iter().enumerate() {
            starts.push(lines.len());
            lines.push((g, None));
            keys.push((none.clone(), Rc::from(name.as_str())));
            for (m, row) in members.iter().enumerate() {
                lines.push((g, Some(m)));
                keys.push((row.document.clone(), row.quote.clone()));
            }
        }
        Self {
            quotes: kept.len(),
            unattributed: kept.iter().filter(|r| r.speaker.is_none()).count(),
            groups,
            lines,
            starts,
            keys: keys.into(),
            speakers: speakers.into(),
        }
    }
}

#[function_component]
pub fn QuoteSheet(props: &SheetProps) -> Html {
    let rows = use_memo(props.documents.clone(), |docs| quotes::quote_sheet(docs.iter()));
    let settings = &props.settings;
    let sheet = use_memo((rows, settings.report.clone()), |(rows, report)| QuoteLines::new(rows, report));
    let table = use_node_ref();
    let window = use_sheet_window(&table, sheet.keys.clone(), settings.all);
    let grouping = if settings.report.grouping == Grouping::Speaker { "speaker" } else { "document" };
    let line = |n: usize| {
        let (g, member) = sheet.lines[n];
        let (name, members) = &sheet.groups[g];
        let Some(row) = member.map(|m| &members[m]) else {
            return html! {
                <tr class="group-heading"><th colspan="4" scope="colgroup">{ format!("{name} ({})", members.len()) }</th></tr>
            };
        };
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
    };
    html! {
        <>
            <QuoteFilters speakers={sheet.speakers.clone()} documents={props.documents.clone()}
                settings={settings.clone()} on_settings={props.on_settings.clone()} />
            { all_rows(props, &window, sheet.quotes) }
            <table class="report-table" data-testid="quote-sheet" data-grouping={grouping} ref={table}
                aria-rowcount={window.row_count()} onfocusin={window.onfocusin.clone()}>
                <caption>{ format!("Quote sheet: {} quotes, {} unattributed", sheet.quotes, sheet.unattributed) }</caption>
                <thead><tr aria-rowindex="1"><th scope="col">{ "Speaker" }</th><th scope="col">{ "Quote" }</th><th scope="col">{ "Document" }</th>
                    <th scope="col"><span class="visually-hidden">{ "Show in the article" }</span></th></tr></thead>
                { window.bodies(4, &sheet.starts, line) }
            </table>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FilterProps {
    speakers: Rc<[String]>,
    documents: Rc<[Rc<Document>]>,
    settings: ReportSettings,
    on_settings: Callback<ReportSettings>,
}

/// The quote sheet's grouping and filters: their own component, so the sheet's redrawing as it
/// scrolls leaves the long lists of options alone.
#[function_component]
fn QuoteFilters(props: &FilterProps) -> Html {
    let settings = &props.settings;
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
    html! {
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
                    { for props.speakers.iter().map(|name| {
                        let value = format!("={name}");
                        let selected = speaker_value == value;
                        html! { <option {selected} {value}>{ name }</option> }
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
    }
}

/// The figures sheet's lines: a heading before each document's figures (`None`), then its
/// figures (by index in the rows).
struct FigureLines {
    rows: Vec<figures::FigureRow>,
    lines: Vec<Option<usize>>,
    starts: Vec<usize>,
    keys: Rc<[LineKey]>,
}

impl FigureLines {
    fn new(rows: Vec<figures::FigureRow>) -> Self {
        let (mut lines, mut starts, mut keys) = (Vec::new(), Vec::new(), Vec::new());
        let none: Rc<str> = Rc::from("");
        for (n, row) in rows.iter().enumerate() {
            if n == 0 || rows[n - 1].document != row.document {
                starts.push(lines.len());
                lines.push(None);
                keys.push((row.document.clone(), none.clone()));
            }
            lines.push(Some(n));
            keys.push((row.document.clone(), row.figure.clone()));
        }
        Self { rows, lines, starts, keys: keys.into() }
    }
}

#[function_component]
pub fn FigureSheet(props: &SheetProps) -> Html {
    let store = use_store();
    let sheet = use_memo(props.documents.clone(), |docs| FigureLines::new(figures::figure_sheet(docs.iter())));
    let table = use_node_ref();
    let window = use_sheet_window(&table, sheet.keys.clone(), props.settings.all);
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
    let line = |n: usize| {
        let Some(row) = sheet.lines[n].map(|r| &sheet.rows[r]) else {
            let name = &sheet.rows[sheet.lines[n + 1].unwrap_or_default()].document_name;
            return html! { <tr class="group-heading"><th colspan="7" scope="colgroup">{ name }</th></tr> };
        };
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
    };
    let checked = sheet.rows.iter().filter(|r| r.checked).count();
    html! {
        <>
            { all_rows(props, &window, sheet.rows.len()) }
            <table class="report-table" data-testid="figure-sheet" data-grouping="document" ref={table}
                aria-rowcount={window.row_count()} onfocusin={window.onfocusin.clone()}>
                <caption>{ format!("Figures sheet: {} figures, {checked} checked", sheet.rows.len()) }</caption>
                <thead><tr aria-rowindex="1"><th scope="col">{ "Figure" }</th><th scope="col">{ "Sentence" }</th><th scope="col">{ "Said by" }</th>
                    <th scope="col">{ "Document" }</th><th scope="col">{ "Checked" }</th><th scope="col">{ "Note" }</th>
                    <th scope="col"><span class="visually-hidden">{ "Show in the article" }</span></th></tr></thead>
                { window.bodies(7, &sheet.starts, line) }
            </table>
        </>
    }
}

/// Bars in the chart: the first rows of the table's order.
const CHART_BARS: usize = 12;

#[function_component]
pub fn PeopleSheet(props: &SheetProps) -> Html {
    let by = props.settings.report.people_sort;
    let sorted = use_memo((props.documents.clone(), by), |(docs, by)| {
        let docs: Vec<&Rc<Document>> = docs.iter().collect();
        let mut rows = people::people_and_places(&docs);
        people::sort(&mut rows, *by);
        let keys: Rc<[LineKey]> = rows.iter().map(|r| (r.label.clone(), Rc::from(r.key.as_str()))).collect();
        (rows, keys)
    });
    let table = use_node_ref();
    let window = use_sheet_window(&table, sorted.1.clone(), props.settings.all);
    let sorted = &sorted.0;
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
    let line = |n: usize| {
        let row = &sorted[n];
        html! {
            <tr data-mention-key={row.key.clone()} data-label={row.label.clone()}>
                <th scope="row">{ &row.name }</th>
                <td>{ &*row.label }</td>
                { for row.counts.iter().map(|n| html! { <td class="count">{ n }</td> }) }
                <td class="count total">{ row.total }</td>
            </tr>
        }
    };
    html! {
        <>
            { bar_chart(&sorted[..sorted.len().min(CHART_BARS)]) }
            { all_rows(props, &window, sorted.len()) }
            <table class="report-table" data-testid="people-sheet" ref={table}
                aria-rowcount={window.row_count()} onfocusin={window.onfocusin.clone()}>
                <caption>{ format!("People and places: {} names, mentions per document", sorted.len()) }</caption>
                <thead><tr aria-rowindex="1">
                    { sort_button(SortBy::Name, "Name".into()) }
                    { sort_button(SortBy::Label, "Label".into()) }
                    { for props.documents.iter().enumerate().map(|(n, doc)| sort_button(SortBy::Document(n), doc.name.clone())) }
                    { sort_button(SortBy::Total, "Total".into()) }
                </tr></thead>
                { window.bodies(props.documents.len() + 3, &[], line) }
            </table>
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
