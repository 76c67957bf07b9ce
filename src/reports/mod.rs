//! Reports people read rather than parse: who said what (the quote sheet), which numbers to
//! check (the figures sheet), and who and where is mentioned how often (people and places),
//! over the whole workspace or the documents a person picks. Each report is plain rows built
//! from the workspace, and a [`Table`] that downloads as CSV or Markdown.
//!
//! Not for: drawing the reports (`components::reports`) or changing anything (a check mark is
//! `state::Check`). Pure, so it can run wherever the exports run.

pub mod figures;
pub mod people;
pub mod quotes;
pub mod window;

use std::rc::Rc;

use crate::model::{Document, Workspace};
use quotes::{Grouping, QuoteFilter};

/// The documents a report covers: those picked, in workspace order, or every one when none is
/// (or none of those picked is left).
pub fn documents<'w>(workspace: &'w Workspace, picked: &[Rc<str>]) -> Vec<&'w Rc<Document>> {
    let any = !workspace.documents.iter().any(|d| picked.contains(&d.id));
    workspace.documents.iter().filter(|d| any || picked.contains(&d.id)).collect()
}

/// Which report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sheet {
    #[default]
    Quotes,
    Figures,
    People,
}

/// A report as a person set it up: which one, over which documents, filtered, grouped and
/// sorted how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub sheet: Sheet,
    /// The documents picked; none: every one.
    pub picked: Vec<Rc<str>>,
    pub grouping: Grouping,
    pub filter: QuoteFilter,
    pub people_sort: people::SortBy,
}

impl Default for Report {
    fn default() -> Self {
        Self {
            sheet: Sheet::Quotes,
            picked: Vec::new(),
            grouping: Grouping::Document,
            filter: QuoteFilter::default(),
            people_sort: people::SortBy::Total,
        }
    }
}

impl Report {
    /// The report over `workspace` as it downloads: every row, filtered, grouped and sorted.
    pub fn table(&self, workspace: &Workspace) -> Table {
        let documents = documents(workspace, &self.picked);
        match self.sheet {
            Sheet::Quotes => {
                let rows: Vec<_> =
                    quotes::quote_sheet(documents).into_iter().filter(|r| self.filter.keeps(r)).collect();
                quotes::table(&quotes::grouped(&rows, self.grouping))
            }
            Sheet::Figures => figures::table(&figures::figure_sheet(documents)),
            Sheet::People => {
                let mut rows = people::people_and_places(&documents);
                people::sort(&mut rows, self.people_sort);
                people::table(&rows, &documents)
            }
        }
    }
}

/// A report as it downloads: a title, column names, and rows in groups (a group's name is a
/// heading in Markdown; in CSV the rows simply follow each other, each carrying its columns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub groups: Vec<(Option<String>, Vec<Vec<String>>)>,
}

impl Table {
    /// Every row, in order.
    pub fn rows(&self) -> impl Iterator<Item = &Vec<String>> {
        self.groups.iter().flat_map(|(_, rows)| rows)
    }

    /// CSV as the CSV export writes it (byte-order mark, quoting, CRLF).
    pub fn csv(&self) -> Vec<u8> {
        crate::formats::csv::table(&self.header, self.rows().cloned())
    }

    /// Markdown: the title, and per group its heading and a pipe table.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n", cell(&self.title));
        for (name, rows) in &self.groups {
            if let Some(name) = name {
                out.push_str(&format!("\n## {}\n", cell(name)));
            }
            out.push('\n');
            out.push_str(&line(self.header.iter().map(|h| cell(h))));
            out.push_str(&line(self.header.iter().map(|_| "---")));
            for row in rows {
                out.push_str(&line(row.iter().map(|c| cell(c))));
            }
        }
        out
    }
}

fn line<S: AsRef<str>>(cells: impl Iterator<Item = S>) -> String {
    let cells: Vec<S> = cells.collect();
    format!("| {} |\n", cells.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(" | "))
}

/// A text as one Markdown table cell: line breaks become spaces, pipes and the marks that
/// would start emphasis, links or HTML are escaped, so the text reads as it is.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            title: "Quote sheet".into(),
            header: vec!["speaker".into(), "quote".into()],
            groups: vec![
                (Some("Unattributed".into()), vec![vec![String::new(), "a | b\r\nc".into()]]),
                (Some("Dmitry Peskov".into()), vec![vec!["Dmitry Peskov".into(), "*not* <b>".into()]]),
            ],
        }
    }

    #[test]
    fn markdown_has_a_heading_and_table_per_group_with_cells_escaped() {
        let md = table().markdown();
        assert_eq!(
            md,
            "# Quote sheet\n\n## Unattributed\n\n| speaker | quote |\n| --- | --- |\n|  | a \\| b c |\n\n\
             ## Dmitry Peskov\n\n| speaker | quote |\n| --- | --- |\n| Dmitry Peskov | \\*not\\* \\<b\\> |\n"
        );
    }

    #[test]
    fn csv_is_every_row_in_order_under_the_header() {
        let bytes = table().csv();
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "speaker,quote\r\n,\"a | b\r\nc\"\r\nDmitry Peskov,*not* <b>\r\n");
    }

    #[test]
    fn a_report_downloads_as_set_up_filtered_grouped_and_over_the_documents_picked() {
        let workspace = Workspace { documents: quotes::tests::corpus(), ..Workspace::default() };
        let report = Report {
            grouping: Grouping::Speaker,
            filter: QuoteFilter { document: Some("d1".into()), ..QuoteFilter::default() },
            ..Report::default()
        };
        let table = report.table(&workspace);
        let names: Vec<Option<&str>> = table.groups.iter().map(|(n, _)| n.as_deref()).collect();
        assert_eq!(names, [Some("Unattributed"), Some("Dmitry Peskov")]);
        assert_eq!(table.rows().count(), 3);
        let figures =
            Report { sheet: Sheet::Figures, picked: vec!["d2".into()], ..Report::default() }.table(&workspace);
        assert_eq!(figures.rows().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["300"]);
        let people = Report { sheet: Sheet::People, people_sort: people::SortBy::Name, ..Report::default() };
        let people = people.table(&workspace);
        assert_eq!(people.rows().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["Dmitry Peskov", "Zelensky"]);
    }

    #[test]
    fn no_pick_means_every_document() {
        let workspace = Workspace {
            documents: ["d1", "d2", "d3"].map(|id| Rc::new(Document::new(id, "x", "text"))).into(),
            ..Workspace::default()
        };
        let ids =
            |picked: &[Rc<str>]| documents(&workspace, picked).iter().map(|d| d.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&[]), ["d1", "d2", "d3"]);
        assert_eq!(ids(&["d3".into(), "d1".into()]), ["d1", "d3"], "in workspace order");
        assert_eq!(ids(&["d9".into()]), ["d1", "d2", "d3"], "picked documents since removed");
    }
}
