//! The reports view: which report (quotes, figures, people and places), over which documents,
//! and the downloads of the report as it is on screen (its filters and grouping included).
//! The sheets themselves are drawn by `report_sheets`; the rows come from `crate::reports`.

use std::rc::Rc;

use yew::prelude::*;

use super::report_sheets::{FigureSheet, PeopleSheet, QuoteSheet};
use super::store::use_store;
use crate::browser;
use crate::model::Workspace;
use crate::reports::quotes::{Grouping, QuoteFilter};
use crate::reports::{self, figures, people, quotes, Table};

/// How many rows a sheet draws before "Show more": the first screenful and then some, so a
/// workspace of thousands of quotes opens its sheet at once.
pub const PAGE: usize = 200;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sheet {
    #[default]
    Quotes,
    Figures,
    People,
}

/// What the person chose in the reports view.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportSettings {
    pub sheet: Sheet,
    /// The documents picked; none: every one.
    pub picked: Vec<Rc<str>>,
    pub grouping: Grouping,
    pub filter: QuoteFilter,
    pub people_sort: people::SortBy,
    /// How many rows the sheet draws.
    pub shown: usize,
}

impl Default for ReportSettings {
    fn default() -> Self {
        Self {
            sheet: Sheet::Quotes,
            picked: Vec::new(),
            grouping: Grouping::Document,
            filter: QuoteFilter::default(),
            people_sort: people::SortBy::Total,
            shown: PAGE,
        }
    }
}

/// The report of `settings` over `workspace` as it downloads.
pub fn report_table(workspace: &Workspace, settings: &ReportSettings) -> Table {
    let documents = reports::documents(workspace, &settings.picked);
    match settings.sheet {
        Sheet::Quotes => {
            let rows: Vec<_> =
                quotes::quote_sheet(documents).into_iter().filter(|r| settings.filter.keeps(r)).collect();
            quotes::table(&quotes::grouped(&rows, settings.grouping))
        }
        Sheet::Figures => figures::table(&figures::figure_sheet(documents)),
        Sheet::People => {
            let mut rows = people::people_and_places(&documents);
            people::sort(&mut rows, settings.people_sort);
            people::table(&rows, &documents)
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportsProps {
    pub settings: ReportSettings,
    pub on_settings: Callback<ReportSettings>,
    /// Show span (document id, span id) in its article.
    pub on_jump: Callback<(Rc<str>, Rc<str>)>,
}

#[function_component]
pub fn ReportsView(props: &ReportsProps) -> Html {
    let store = use_store();
    let settings = &props.settings;
    let sheet_tab = |sheet: Sheet, text: &'static str, testid: &'static str| {
        let (current, on_settings) = (settings.clone(), props.on_settings.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            on_settings.emit(ReportSettings { sheet, shown: PAGE, ..current.clone() });
        });
        html! {
            <button type="button" role="tab" data-testid={testid} aria-selected={(settings.sheet == sheet).to_string()}
                {onclick}>{ text }</button>
        }
    };
    let download = |csv: bool| {
        let (store, settings) = (store.clone(), settings.clone());
        Callback::from(move |_: MouseEvent| {
            let table = report_table(&store.workspace, &settings);
            let base = table.title.to_lowercase().replace(' ', "-");
            let (name, mime, bytes) = if csv {
                (format!("{base}.csv"), "text/csv;charset=utf-8", table.csv())
            } else {
                (format!("{base}.md"), "text/markdown;charset=utf-8", table.markdown().into_bytes())
            };
            if let Err(error) = browser::download::download(&name, mime, &bytes) {
                store.dispatch(crate::state::Action::ShowAlert(format!(
                    "The report could not be downloaded: {error:?}"
                )));
            }
        })
    };
    let picker = store.workspace.documents.iter().map(|doc| {
        let on_pick = {
            let (settings, on_settings, id) = (settings.clone(), props.on_settings.clone(), doc.id.clone());
            Callback::from(move |_: Event| {
                let mut changed = ReportSettings { shown: PAGE, ..settings.clone() };
                match changed.picked.iter().position(|p| *p == id) {
                    Some(at) => drop(changed.picked.remove(at)),
                    None => changed.picked.push(id.clone()),
                }
                on_settings.emit(changed);
            })
        };
        html! {
            <li><label>
                <input type="checkbox" checked={settings.picked.contains(&doc.id)} onchange={on_pick}
                    data-document-id={doc.id.clone()} />
                { &doc.name }
            </label></li>
        }
    });
    let scope = match settings.picked.len() {
        0 => "all documents".to_string(),
        1 => "1 document".to_string(),
        n => format!("{n} documents"),
    };
    let documents = reports::documents(&store.workspace, &settings.picked);
    let documents: Rc<[Rc<crate::model::Document>]> = documents.into_iter().cloned().collect();
    html! {
        <section class="reports" data-testid="reports-view" aria-label="Reports">
            <div class="report-controls">
                <div class="report-tabs" role="tablist" aria-label="Report">
                    { sheet_tab(Sheet::Quotes, "Quotes", "report-quotes") }
                    { sheet_tab(Sheet::Figures, "Figures", "report-figures") }
                    { sheet_tab(Sheet::People, "People and places", "report-people") }
                </div>
                <details class="report-documents" data-testid="report-documents">
                    <summary class="button">{ format!("Over {scope}") }</summary>
                    <ul>{ for picker }</ul>
                    <p class="hint">{ "Pick none for every document." }</p>
                </details>
                <div class="report-downloads" role="group" aria-label="Download this report">
                    <button type="button" data-testid="export-report-csv" onclick={download(true)}>{ "Download CSV" }</button>
                    <button type="button" data-testid="export-report-md" onclick={download(false)}>{ "Download Markdown" }</button>
                </div>
            </div>
            {
                match settings.sheet {
                    Sheet::Quotes => html! {
                        <QuoteSheet {documents} settings={settings.clone()} on_settings={props.on_settings.clone()}
                            on_jump={props.on_jump.clone()} />
                    },
                    Sheet::Figures => html! {
                        <FigureSheet {documents} settings={settings.clone()} on_settings={props.on_settings.clone()}
                            on_jump={props.on_jump.clone()} />
                    },
                    Sheet::People => html! {
                        <PeopleSheet {documents} settings={settings.clone()} on_settings={props.on_settings.clone()} />
                    },
                }
            }
        </section>
    }
}
