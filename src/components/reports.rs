//! The reports view: which report (quotes, figures, people and places), over which documents,
//! and the downloads of the report as it is on screen (its filters and grouping included).
//! The sheets themselves are drawn by `report_sheets`; the rows come from `crate::reports`.

use std::rc::Rc;

use yew::prelude::*;

use super::report_sheets::{FigureSheet, PeopleSheet, QuoteSheet, ReportSettings};
use super::store::use_store;
use crate::browser;
use crate::reports::{self, Report, Sheet};

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
            on_settings.emit(ReportSettings { report: Report { sheet, ..current.report.clone() }, all: false });
        });
        html! {
            <button type="button" role="tab" data-testid={testid} aria-selected={(settings.report.sheet == sheet).to_string()}
                {onclick}>{ text }</button>
        }
    };
    let download = |csv: bool| {
        let (store, settings) = (store.clone(), settings.clone());
        Callback::from(move |_: MouseEvent| {
            let table = settings.report.table(&store.workspace);
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
                let mut changed = settings.clone();
                match changed.report.picked.iter().position(|p| *p == id) {
                    Some(at) => drop(changed.report.picked.remove(at)),
                    None => changed.report.picked.push(id.clone()),
                }
                let filter = &mut changed.report.filter;
                if filter
                    .document
                    .as_ref()
                    .is_some_and(|d| !changed.report.picked.is_empty() && !changed.report.picked.contains(d))
                {
                    filter.document = None;
                }
                on_settings.emit(changed);
            })
        };
        html! {
            <li><label>
                <input type="checkbox" checked={settings.report.picked.contains(&doc.id)} onchange={on_pick}
                    data-document-id={doc.id.clone()} />
                { &doc.name }
            </label></li>
        }
    });
    let scope = match settings.report.picked.len() {
        0 => "all documents".to_string(),
        1 => "1 document".to_string(),
        n => format!("{n} documents"),
    };
    let documents = reports::documents(&store.workspace, &settings.report.picked);
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
                match settings.report.sheet {
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
