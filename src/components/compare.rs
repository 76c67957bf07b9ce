//! The compare view: several annotators' files of the same articles, one article at a time with
//! every copy's spans drawn together and marked by how they agree (and where they link or
//! group a span differently), the disagreement under the cursor with a button per version, and
//! the agreement report (table, bars, downloads). Keys (n / p, 1–9, b, x, a, g, Escape) come from
//! `state::compare_key`; `?` opens the help, which lists them.
//!
//! Like the article view, the text is drawn from the document's characters only: marks are
//! elements with attributes, so the article's `textContent` is the text exactly.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::label_style::label_css;
use super::store::{use_hub, use_store, Store};
use crate::agreement::adjudicate::{Choice, LinkDisagreement};
use crate::agreement::compare::{Kind, Mark, Matched};
use crate::agreement::report::Figure;
use crate::browser;
use crate::browser::kept_compare;
use crate::model::add_missing;
use crate::state::{compare_key, keepable, Action, CompareAction, Comparing, KEPT_COMPARE_BYTES};
use crate::text::segments::{nest_spans, Piece, SpanExtent};

/// "Compare…": picks annotators' files and opens the compare view.
/// Also brings back, once per page, the compare view that was open when the page went away.
#[function_component]
pub fn CompareButton() -> Html {
    let hub = use_hub();
    {
        let hub = hub.clone();
        use_effect_with((), move |_| {
            if !RESUMED.replace(true) {
                yew::platform::spawn_local(async move {
                    if let Some((files, place)) = kept_compare::read().await {
                        browser::files::open_each(files, move |picked| {
                            hub.dispatch(Action::Compare(CompareAction::Resume(picked, place)));
                        });
                    }
                });
            }
        });
    }
    let onchange = Callback::from(move |event: Event| {
        let input = event.target_unchecked_into::<web_sys::HtmlInputElement>();
        let hub = hub.clone();
        browser::files::read_files(browser::files::file_list(input.files()), move |read, unread| {
            if !unread.is_empty() {
                hub.dispatch(Action::ShowAlert(unread.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")));
            }
            browser::files::open_each(read, move |picked| {
                if picked.is_empty() {
                    return;
                }
                if keepable(&picked) {
                    kept_compare::keep_files(
                        picked.iter().map(|(name, bytes, _)| (name.clone(), bytes.clone())).collect(),
                    );
                } else {
                    kept_compare::forget();
                }
                hub.dispatch(Action::Compare(CompareAction::Open(picked)));
            });
        });
        input.set_value("");
    });
    html! {
        <label class="button" title="Compare annotators' exports of the same articles">
            { "Compare…" }
            <input type="file" data-testid="compare-open" multiple=true class="visually-hidden"
                accept=".json,.jsonl,.ndjson,.jsonld,.zip,application/json,application/zip" {onchange} />
        </label>
    }
}

thread_local! {
    /// The kept compare view was looked for: once per page.
    static RESUMED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn send(store: &Store, action: CompareAction) -> Callback<MouseEvent> {
    let store = store.clone();
    Callback::from(move |_| store.dispatch(Action::Compare(action.clone())))
}

#[function_component]
pub fn CompareView() -> Html {
    let store = use_store();
    {
        let store = store.clone();
        use_effect_with(store.clone(), move |_| {
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(&gloo::utils::window(), "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return };
                if browser::is_typing_target(event.target()) || event.ctrl_key() || event.meta_key() || event.alt_key()
                {
                    return;
                }
                let key = event.key();
                if key == "?" || (store.help_open && key == "Escape") {
                    event.prevent_default();
                    store.dispatch(Action::ToggleHelp);
                    return;
                }
                // While the help is open, the keys are the dialog's.
                if store.help_open {
                    return;
                }
                if let Some(action) = compare_key(&key) {
                    event.prevent_default();
                    store.dispatch(Action::Compare(action));
                }
            });
            move || drop(listener)
        });
    }
    {
        // The report is computed in the files worker once per pick; the page carries no copy of
        // the computation, so a worker that cannot load is said, and the next pick tries again.
        let pending = store.comparing.as_ref().filter(|c| c.report.is_none()).map(|c| c.comparison.clone());
        let store = store.clone();
        use_effect_with(pending.as_ref().map(|c| Rc::as_ptr(c) as usize), move |_| {
            if let Some(comparison) = pending {
                browser::files::report_in_worker(comparison.report_job(), move |reply| match reply {
                    Ok(report) => {
                        let report = Rc::new(report);
                        store.dispatch(Action::Compare(CompareAction::Reported { comparison, report }));
                    }
                    Err(reason) => store.dispatch(Action::ShowAlert(format!(
                        "The agreement report could not be computed: {reason}. Open the files again to try again."
                    ))),
                });
            }
        });
    }
    {
        // Each decision is kept for a reload; closing the view (or saving its gold copy) forgets.
        let place = store.comparing.as_ref().filter(|c| c.kept).map(|c| c.place());
        use_effect_with(place, |place| {
            if let Some(place) = place {
                kept_compare::keep_place(place);
            }
        });
        use_effect_with((), |_| kept_compare::forget);
    }
    let cursor = store.comparing.as_ref().map(|c| (c.at, c.cursor));
    use_effect_with(cursor, |_| browser::scroll_into_view("[data-current-disagreement]"));
    let Some(comparing) = store.comparing.clone() else { return html! {} };
    let comparison = &comparing.comparison;
    // The workspace's colours win: a file's labels may come without any (grey), and these rules
    // apply to the whole page.
    let mut labels = store.workspace.labels.clone();
    add_missing(&mut labels, comparison.labels.iter().cloned(), |l| &l.id);
    html! {
        <main class="compare" data-testid="compare-view" aria-label="Compare annotators">
            <style>{ label_css(&labels) }</style>
            <nav class="compare-side" aria-label="Compared files">
                <h2>{ "Annotators" }</h2>
                <ol data-testid="compare-annotators">
                    { for comparison.annotators.iter().map(|a| html! { <li>{ a.to_string() }</li> }) }
                </ol>
                <h2>{ "Matched articles" }</h2>
                <ul data-testid="compare-documents">
                    { for comparison.documents.iter().enumerate().map(|(n, m)| html! {
                        <li><button type="button" data-testid="compare-document" aria-current={(n == comparing.at).then_some("page")}
                            onclick={send(&store, CompareAction::Show(n))}>
                            { m.name() }<span class="count">{ format!("{} copies", m.copies.len()) }</span>
                        </button></li>
                    }) }
                </ul>
                if !comparison.unmatched.is_empty() {
                    <h2>{ "Not matched" }</h2>
                    <ul data-testid="compare-unmatched">
                        { for comparison.unmatched.iter().map(|u| html! {
                            <li data-testid="unmatched-item">{ format!("“{}” in {} ({}): no one else has this text", u.name, u.file, u.annotator) }</li>
                        }) }
                    </ul>
                }
                if !comparing.kept {
                    <p class="hint" data-testid="compare-not-kept">
                        { format!("These files are over {} MB together: this view will not come back after a reload.", KEPT_COMPARE_BYTES / 1_048_576) }
                    </p>
                }
                <button type="button" data-testid="compare-close" onclick={send(&store, CompareAction::Close)}>
                    { "Close compare (Esc)" }</button>
            </nav>
            <div class="compare-main">
                { shown_document(&store, &comparing) }
                <AgreementReport />
            </div>
        </main>
    }
}

/// The shown article with its marks, the legend, and the disagreement under the cursor.
fn shown_document(store: &Store, comparing: &Comparing) -> Html {
    let (Some(matched), Some(shown)) = (comparing.comparison.documents.get(comparing.at), comparing.shown()) else {
        return html! { <p class="compare-empty">{ "No article is in two or more of these files: nothing to compare." }</p> };
    };
    let decisions = &comparing.decisions[comparing.at];
    let disagreement_of: Vec<Option<usize>> =
        (0..shown.marks.len()).map(|m| shown.disagreements.iter().position(|d| d.marks.contains(&m))).collect();
    // The cursor position of each mark's link disagreement, if its copies link it differently.
    let links_of: Vec<Option<usize>> = (0..shown.marks.len())
        .map(|m| shown.links.iter().position(|l| l.mark == m).map(|l| l + shown.disagreements.len()))
        .collect();
    let names: Vec<&str> = matched.copies.iter().map(|c| &*comparing.comparison.annotators[c.annotator]).collect();
    let doc = &matched.copies[0].document;
    let extents: Vec<SpanExtent> =
        shown.marks.iter().enumerate().map(|(index, m)| SpanExtent { start: m.start, end: m.end, index }).collect();
    let draw = Draw {
        matched,
        marks: &shown.marks,
        names: &names,
        disagreement_of: &disagreement_of,
        links_of: &links_of,
        cursor: comparing.cursor,
    };
    let paragraphs = doc.paragraphs().iter().map(|p| {
        let touching: Vec<SpanExtent> = extents.iter().filter(|e| e.start < p.end && p.start < e.end).copied().collect();
        html! { <span class="paragraph">{ for nest_spans(p.start, p.end, &touching).iter().map(|piece| draw.piece(piece)) }</span> }
    });
    let count = |kind: Kind| shown.marks.iter().filter(|m| m.kind == kind).count();
    let agreed = count(Kind::Agreed);
    html! {
        <section class="compare-document" aria-label={format!("Compared: {}", matched.name())}>
            <ul class="agreement-legend" data-testid="agreement-legend">
                { for [Kind::Agreed, Kind::LabelDiffers, Kind::BoundaryDiffers, Kind::NotAll].map(|kind| html! {
                    <li data-agreement={kind.key()} data-count={count(kind).to_string()}>
                        <span class="swatch" aria-hidden="true"></span>{ format!("{}: {}", kind.describe(), count(kind)) }
                    </li>
                }) }
                <li data-links="differs" data-count={shown.links.len().to_string()}>
                    <span class="swatch" aria-hidden="true"></span>{ format!("linked or grouped differently: {}", shown.links.len()) }
                </li>
            </ul>
            <div class="adjudicate" role="group" aria-label="Gold copy">
                <button type="button" data-testid="keep-agreed" aria-pressed={decisions.agreed.to_string()}
                    onclick={send(store, CompareAction::KeepAgreed)}>{ format!("Keep the {agreed} all agree on (a)") }</button>
                <span data-testid="decided">{ format!("{} of {} disagreements settled", shown.settled(decisions), shown.stops()) }</span>
                <button type="button" data-testid="save-gold" onclick={send(store, CompareAction::SaveGold)}>
                    { "Save gold copy (g)" }</button>
            </div>
            { disagreement_panel(store, comparing, matched, &names) }
            <div class="article compare-article" data-testid="compare-article" tabindex="0"
                aria-label={format!("Article compared: {}", matched.name())}>
                { for paragraphs }
            </div>
        </section>
    }
}

struct Draw<'a> {
    matched: &'a Matched,
    marks: &'a [Mark],
    names: &'a [&'a str],
    disagreement_of: &'a [Option<usize>],
    links_of: &'a [Option<usize>],
    cursor: Option<usize>,
}

impl Draw<'_> {
    fn piece(&self, piece: &Piece) -> Html {
        let doc = &self.matched.copies[0].document;
        match piece {
            Piece::Text { start, end } => html! { { doc.slice(*start, *end).to_string() } },
            Piece::Span { index, depth, children, .. } => {
                let mark = &self.marks[*index];
                let who: Vec<&str> = mark.copies.iter().map(|&c| self.names[c]).collect();
                let disagreement = self.disagreement_of[*index];
                let links = self.links_of[*index];
                let current = self.cursor.is_some() && (disagreement == self.cursor || links == self.cursor);
                let differ = if links.is_some() { "; linked or grouped differently" } else { "" };
                let title = format!("{} by {}: {}{differ}", mark.label, who.join(", "), mark.kind.describe());
                html! {
                    <span class="mark" data-label={mark.label.clone()} data-agreement={mark.kind.key()}
                        data-annotators={who.join(" ")} data-start={mark.start.to_string()} data-end={mark.end.to_string()}
                        data-depth={depth.to_string()} data-disagreement={disagreement.map(|d| d.to_string())}
                        data-links={links.map(|_| "differs")}
                        data-current-disagreement={current.then_some("true")} title={title.clone()} aria-label={title}>
                        { for children.iter().map(|child| self.piece(child)) }
                    </span>
                }
            }
        }
    }
}

/// The disagreement under the cursor: each copy's version, and what to keep.
fn disagreement_panel(store: &Store, comparing: &Comparing, matched: &Matched, names: &[&str]) -> Html {
    let Some(shown) = comparing.shown() else { return html! {} };
    if let Some(link) = comparing.cursor.and_then(|at| shown.link_at(at)) {
        return link_panel(store, comparing, matched, names, link);
    }
    let Some((at, disagreement)) = comparing.cursor.and_then(|at| Some((at, shown.disagreements.get(at)?))) else {
        return html! { <p data-testid="disagreement" class="disagreement">{ "No disagreements in this article." }</p> };
    };
    let doc = &matched.copies[0].document;
    let chosen = comparing.decisions[comparing.at].choices.get(&at).copied();
    let decision = match chosen {
        Some(Choice::Copy(c)) => Some(format!("copy-{}", c + 1)),
        Some(Choice::All) => Some("all".to_string()),
        Some(Choice::Neither) => Some("neither".to_string()),
        None => None,
    };
    let versions = names.iter().enumerate().map(|(c, name)| {
        let theirs: Vec<String> = disagreement
            .marks
            .iter()
            .map(|&m| &shown.marks[m])
            .filter(|m| m.copies.contains(&c))
            .map(|m| format!("{} “{}”", m.label, doc.slice(m.start, m.end)))
            .collect();
        let version = if theirs.is_empty() { "nothing".to_string() } else { theirs.join(", ") };
        html! {
            <li>
                <button type="button" data-testid={format!("keep-copy-{}", c + 1)} aria-pressed={(chosen == Some(Choice::Copy(c))).to_string()}
                    onclick={send(store, CompareAction::Choose(Choice::Copy(c)))}>{ format!("Keep {name}'s ({})", c + 1) }</button>
                { format!(" {name}: {version}") }
            </li>
        }
    });
    let heading = format!("“{}”", doc.slice(disagreement.start, disagreement.end));
    html! {
        <div class="disagreement" data-testid="disagreement" data-kind="spans" data-decision={decision}>
            { stepper(store, at, shown.stops(), &heading) }
            <ol class="versions">{ for versions }</ol>
            <button type="button" data-testid="keep-all" aria-pressed={(chosen == Some(Choice::All)).to_string()}
                onclick={send(store, CompareAction::Choose(Choice::All))}>{ "Keep every version (b)" }</button>
            <button type="button" data-testid="keep-none" aria-pressed={(chosen == Some(Choice::Neither)).to_string()}
                onclick={send(store, CompareAction::Choose(Choice::Neither))}>{ "Keep none (x)" }</button>
        </div>
    }
}

/// "‹ Disagreement 2 of 5: … ›": where the cursor is, with buttons to step.
fn stepper(store: &Store, at: usize, of: usize, what: &str) -> Html {
    html! {
        <p>
            <button type="button" data-testid="previous-disagreement" onclick={send(store, CompareAction::Step { forward: false })}
                aria-label="Previous disagreement (p)">{ "‹" }</button>
            { format!(" Disagreement {} of {of}: {what} ", at + 1) }
            <button type="button" data-testid="next-disagreement" onclick={send(store, CompareAction::Step { forward: true })}
                aria-label="Next disagreement (n)">{ "›" }</button>
        </p>
    }
}

/// A mark its copies link or group differently: each copy's links (the speaker of a quote, say)
/// and entity, and whose to keep.
fn link_panel(
    store: &Store,
    comparing: &Comparing,
    matched: &Matched,
    names: &[&str],
    link: &LinkDisagreement,
) -> Html {
    let Some(shown) = comparing.shown() else { return html! {} };
    let doc = &matched.copies[0].document;
    let at = comparing.cursor.unwrap_or_default();
    let chosen = comparing.decisions[comparing.at].links.get(&(at - shown.disagreements.len())).copied();
    let mark = &shown.marks[link.mark];
    let kinds = &store.workspace.relation_types;
    let versions = link.versions.iter().map(|(c, links)| {
        let mut said: Vec<String> = links
            .relations
            .iter()
            .map(|(kind, to)| {
                let name = kinds.iter().find(|k| *k.id == **kind).map_or_else(|| kind.replace('_', " "), |k| k.name.clone());
                let target = &shown.marks[*to];
                format!("{name} “{}”", doc.slice(target.start, target.end))
            })
            .collect();
        if let Some(entity) = &links.entity {
            said.push(format!("entity “{entity}”"));
        }
        let said = if said.is_empty() { "no links".to_string() } else { said.join(", ") };
        let name = names[*c];
        html! {
            <li data-copy={(c + 1).to_string()}>
                <button type="button" data-testid={format!("keep-links-{}", c + 1)} aria-pressed={(chosen == Some(Choice::Copy(*c))).to_string()}
                    onclick={send(store, CompareAction::Choose(Choice::Copy(*c)))}>{ format!("Keep {name}'s links ({})", c + 1) }</button>
                <span class="links">{ format!(" {name}: {said}") }</span>
            </li>
        }
    });
    let decision = match chosen {
        Some(Choice::Copy(c)) => Some(format!("copy-{}", c + 1)),
        Some(_) => Some("neither".to_string()),
        None => None,
    };
    let heading = format!("{} “{}” is linked or grouped differently", mark.label, doc.slice(mark.start, mark.end));
    html! {
        <div class="disagreement" data-testid="disagreement" data-kind="links" data-decision={decision}>
            { stepper(store, at, shown.stops(), &heading) }
            <ol class="versions">{ for versions }</ol>
            <button type="button" data-testid="keep-no-links" aria-pressed={(chosen == Some(Choice::Neither)).to_string()}
                onclick={send(store, CompareAction::Choose(Choice::Neither))}>{ "Keep no links (x)" }</button>
        </div>
    }
}

/// The corpus's figures per label (all first) as a table with a bar per F1, and this article's.
#[function_component]
fn AgreementReport() -> Html {
    let store = use_store();
    let Some(comparing) = store.comparing.clone() else { return html! {} };
    if comparing.documents.is_empty() {
        // Figures over no article would read as full agreement.
        return html! {};
    }
    let Some(report) = comparing.report.clone() else {
        return html! {
            <section class="agreement" aria-label="Agreement report">
                <p data-testid="agreement-computing" role="status">{ "Computing the agreement report…" }</p>
            </section>
        };
    };
    let download = |json: bool| {
        let (store, report) = (store.clone(), report.clone());
        Callback::from(move |_: MouseEvent| {
            let (name, mime, bytes) = if json {
                ("agreement.json", "application/json", report.to_json().into_bytes())
            } else {
                ("agreement.csv", "text/csv", report.to_csv())
            };
            if let Err(error) = browser::download::download(name, mime, &bytes) {
                store.dispatch(Action::ShowAlert(format!("The report could not be downloaded: {error:?}")));
            }
        })
    };
    let document = report.documents.get(comparing.at);
    html! {
        <section class="agreement" aria-label="Agreement report">
            <h2>{ "Agreement, all matched articles" }</h2>
            <div data-testid="agreement-report">{ figure_table(&report.corpus) }</div>
            <button type="button" data-testid="export-agreement-json" onclick={download(true)}>{ "Download report (JSON)" }</button>
            <button type="button" data-testid="export-agreement-csv" onclick={download(false)}>{ "Download report (CSV)" }</button>
            if let Some(document) = document {
                <h2>{ format!("Agreement, {}", document.name) }</h2>
                <div data-testid="document-agreement">{ figure_table(&document.figures) }</div>
            }
        </section>
    }
}

const MEASURES: [(&str, &str); 5] = [
    ("f1-exact", "F1 exact"),
    ("f1-overlap", "F1 overlap"),
    ("f1-unlabeled", "F1 unlabeled"),
    ("kappa", "Cohen's κ"),
    ("alpha", "Krippendorff's α"),
];

fn figure_table(figures: &[Figure]) -> Html {
    let mut labels: Vec<&str> = Vec::new();
    for f in figures {
        if !labels.contains(&f.label_key()) {
            labels.push(f.label_key());
        }
    }
    let measures: Vec<(&str, &str)> =
        MEASURES.into_iter().filter(|(m, _)| figures.iter().any(|f| f.measure == *m)).collect();
    let rows = labels.iter().map(|label| {
        let cells = measures.iter().map(|(measure, _)| {
            match figures.iter().find(|f| f.measure == *measure && f.label_key() == *label) {
                Some(f) => {
                    let counts = f.counts.describe();
                    let bar = f.measure.starts_with("f1").then(|| format!("width: {:.1}%", f.value.clamp(0.0, 1.0) * 100.0));
                    html! {
                        <td data-measure={f.measure} data-label={label.to_string()} data-value={f.value.to_string()} title={counts.clone()}>
                            { format!("{:.3}", f.value) }
                            if let Some(bar) = bar { <span class="bar" aria-hidden="true"><span style={bar}></span></span> }
                            <span class="visually-hidden">{ format!(" ({counts})") }</span>
                        </td>
                    }
                }
                None => html! { <td>{ "–" }</td> },
            }
        });
        html! { <tr><th scope="row" data-label={label.to_string()}>{ label.to_string() }</th>{ for cells }</tr> }
    });
    html! {
        <table class="figures">
            <thead><tr><th scope="col">{ "Label" }</th>{ for measures.iter().map(|(_, name)| html! { <th scope="col">{ *name }</th> }) }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
