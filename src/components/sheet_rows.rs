//! The body of a long report sheet: only the lines (rows and group headings) near the viewport
//! are in the page, between gaps as tall as the lines left out, so the sheet scrolls as if every
//! line were there; every line is drawn while the page prints, or when the person asks for
//! all. The focused line stays drawn wherever it is, so the keyboard's place and a half-typed
//! note are never lost. Screen readers are told the whole count (`aria-rowcount`) and each
//! line's place in it (`aria-rowindex`).
//!
//! Not for: what a line shows (`report_sheets`), or the arithmetic of heights
//! (`reports::window`).

use std::hash::Hash;
use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::after_paint::{after_paint, AfterPaint};
use crate::browser::viewport::{viewport_height, watch_print, watch_scroll};
use crate::reports::window::{self, Heights, Piece};

/// How far beyond the viewport, in viewport heights, lines are drawn, so scrolling meets them
/// drawn.
const NEAR_MARGIN: f64 = 1.0;
/// The band of the sheet drawn before the scroll position is first read, in CSS pixels: the
/// first screenfuls.
const FIRST_BAND: f64 = 2000.0;

/// What a sheet draws of its lines.
pub struct SheetWindow {
    pieces: Vec<Piece>,
    lines: usize,
    /// Every line is drawn (printing, or asked for).
    pub every: bool,
    /// Keeps the line that takes the focus drawn.
    pub onfocusin: Callback<FocusEvent>,
}

impl SheetWindow {
    /// `aria-rowcount` of the table: its lines and the header row.
    pub fn row_count(&self) -> String {
        (self.lines + 1).to_string()
    }

    /// Some lines are left out of the page.
    pub fn partial(&self) -> bool {
        !self.every && self.pieces.iter().any(|p| matches!(p, Piece::Gap(_)))
    }

    /// The table's bodies: the lines drawn by `line(n)` (a `<tr>` each) and the gaps; while
    /// every line is drawn, a body per group, the groups starting at the lines `starts`.
    pub fn bodies(&self, columns: usize, starts: &[usize], line: impl Fn(usize) -> Html) -> Html {
        if self.every {
            let mut ends: Vec<usize> = starts.iter().copied().filter(|&s| s > 0 && s < self.lines).collect();
            ends.push(self.lines);
            let mut from = 0;
            return ends
                .into_iter()
                .map(|end| {
                    let group = std::mem::replace(&mut from, end)..end;
                    html! { <tbody class="report-group">{ for group.map(|n| numbered(line(n), n)) }</tbody> }
                })
                .collect();
        }
        // One flat list of keyed rows, so a row drawn before and after keeps its element.
        let mut drawn: Vec<Html> = Vec::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            match piece {
                Piece::Lines(range) => drawn.extend(range.clone().map(|n| numbered(line(n), n))),
                Piece::Gap(height) => drawn.push(html! {
                    <tr key={format!("gap{i}")} class="gap" aria-hidden="true">
                        <td colspan={columns.to_string()} style={format!("height: {height:.1}px")}></td>
                    </tr>
                }),
            }
        }
        html! { <tbody class="report-lines">{ for drawn }</tbody> }
    }
}

/// A line's row keyed and numbered by its place in the sheet (the key keeps a focused row's
/// element while the lines around it come and go).
fn numbered(mut row: Html, n: usize) -> Html {
    if let Html::VTag(tag) = &mut row {
        let tag = Rc::make_mut(tag);
        tag.key = Some(n.into());
        tag.add_attribute("data-line", n.to_string());
        tag.add_attribute("aria-rowindex", (n + 2).to_string());
    }
    row
}

/// Where the sheet stands: the band of it near the viewport (pixels from its first line),
/// whether the page is scrolled to its end, and what the last drawing worked out from them.
struct Placed {
    band: Band,
    offsets: Vec<f64>,
    near: Range<usize>,
}

#[derive(Clone, Copy)]
struct Band {
    from: f64,
    to: f64,
    at_end: bool,
}

impl Band {
    fn near(self, offsets: &[f64]) -> Range<usize> {
        let (from, to) = if self.at_end { window::to_end(offsets, self.from, self.to) } else { (self.from, self.to) };
        window::near(offsets, from, to)
    }
}

/// The band of the sheet `table` near the viewport, in pixels from the top of its first line
/// (the bottom of its head, which stays in place while its cells stick to the top).
fn band_of(table: &NodeRef) -> Option<Band> {
    let head = table.cast::<web_sys::Element>()?.query_selector("thead").ok()??;
    let origin = head.get_bounding_client_rect().bottom();
    let height = viewport_height();
    let page = gloo::utils::document().scrolling_element()?;
    let at_end = f64::from(page.scroll_top()) + height >= f64::from(page.scroll_height()) - 2.0;
    Some(Band { from: -origin - NEAR_MARGIN * height, to: -origin + (1.0 + NEAR_MARGIN) * height, at_end })
}

/// Which of the lines `keys` (one per line, in order) the sheet `table` draws; `all`: every one.
#[hook]
pub fn use_sheet_window<K>(table: &NodeRef, keys: Rc<[K]>, all: bool) -> SheetWindow
where
    K: Clone + Hash + Eq + 'static,
{
    let heights = use_mut_ref(Heights::<K>::default);
    let placed = use_mut_ref(|| Placed {
        band: Band { from: 0.0, to: FIRST_BAND, at_end: false },
        offsets: Vec::new(),
        near: 0..0,
    });
    let printing = use_state_eq(|| false);
    let focused = use_state_eq(|| None::<K>);
    let redraw = use_force_update();
    let every = all || *printing;

    let offsets = heights.borrow().offsets(keys.iter());
    let band = placed.borrow().band;
    let near = band.near(&offsets);
    let kept = focused.as_ref().and_then(|key| keys.iter().position(|k| k == key)).map(|n| n..n + 1);
    let pieces = window::pieces(&offsets, [Some(near.clone()), kept].into_iter().flatten());
    *placed.borrow_mut() = Placed { band, offsets, near };

    // Redraws when the scroll brings other lines near; the lines themselves do not change.
    let follow: Rc<dyn Fn()> = {
        let (table, placed, redraw) = (table.clone(), placed.clone(), redraw.clone());
        Rc::new(move || {
            let Some(band) = band_of(&table) else { return };
            let mut placed = placed.borrow_mut();
            placed.band = band;
            if band.near(&placed.offsets) != placed.near {
                redraw.force_update();
            }
        })
    };
    {
        let follow = follow.clone();
        use_effect_with(every, move |every| {
            let watch = (!every).then(|| watch_scroll(move || follow()));
            move || drop(watch)
        });
    }
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let watch = watch_print(move |now| printing.set(now));
            move || drop(watch)
        });
    }
    // After each drawing: the heights of the lines drawn, and where the sheet now stands (a
    // filter or the controls above may have moved it).
    {
        let (table, keys, heights) = (table.clone(), keys.clone(), heights.clone());
        let deferred = use_mut_ref(|| None::<AfterPaint>);
        use_effect(move || {
            if every {
                return;
            }
            let Some(rows) = table.cast::<web_sys::Element>().and_then(|t| t.query_selector_all("tr[data-line]").ok())
            else {
                return;
            };
            let mut changed = false;
            for row in (0..rows.length()).filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok()) {
                let key =
                    row.get_attribute("data-line").and_then(|n| n.parse::<usize>().ok()).and_then(|n| keys.get(n));
                if let Some(key) = key {
                    changed |= heights.borrow_mut().measured(key.clone(), row.get_bounding_client_rect().height());
                }
            }
            if changed {
                // After the frame that shows the lines: new heights only move the gaps, and a
                // sheet opened on a long workspace shows at once.
                let redraw = redraw.clone();
                *deferred.borrow_mut() = Some(after_paint(move || redraw.force_update()));
            } else {
                follow();
            }
        });
    }
    let onfocusin = {
        let (keys, focused) = (keys.clone(), focused.clone());
        Callback::from(move |event: FocusEvent| {
            let line = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|e| e.closest("tr[data-line]").ok().flatten())
                .and_then(|row| row.get_attribute("data-line")?.parse::<usize>().ok());
            if let Some(key) = line.and_then(|n| keys.get(n)) {
                focused.set(Some(key.clone()));
            }
        })
    };
    SheetWindow { pieces, lines: keys.len(), every, onfocusin }
}
