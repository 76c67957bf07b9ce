//! Reading the files the person picked, dropped or opened with the installed app, and what
//! they hold: the page's own readers
//! (plain text, the native format) open what they can, and the rest goes to the files worker,
//! started on the first such file; the worker also writes exports in other formats and
//! computes agreement reports. Which
//! reader fits a file is decided in `formats::open`; where documents go, in the reducer.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use crate::agreement::compare::Picked;
use crate::agreement::report::{Job, Report};
use crate::browser::worker::PageWorker;
use crate::formats::open::{File, Pick};
use crate::formats::plain::MAX_FILE_BYTES;
use crate::formats::{FileError, Opened, Writer};
use crate::model::{Document, Workspace};
use crate::workers::files::{FileMessage, Reply, Request, LOADER};

/// Reads the files of one pick or drop in the background and reports them together, in order,
/// so files that belong together (brat's .txt and .ann) arrive together, with an error for each
/// file that could not be read. Files above the size limit are refused before reading, so a
/// huge file costs nothing.
pub fn read_files(files: Vec<web_sys::File>, done: impl FnOnce(Vec<File>, Vec<FileError>) + 'static) {
    yew::platform::spawn_local(async move {
        let (mut read, mut failed) = (Vec::with_capacity(files.len()), Vec::new());
        for file in files {
            let name = file.name();
            let size = file.size();
            if size > MAX_FILE_BYTES as f64 {
                let reason = format!(
                    "the file is {:.1} MB; files up to {} MB can be opened",
                    size / 1_048_576.0,
                    MAX_FILE_BYTES / 1_048_576
                );
                failed.push(FileError::new(&name, reason));
                continue;
            }
            let blob = gloo::file::Blob::from(file);
            match gloo::file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => read.push((name, bytes)),
                Err(error) => failed.push(unreadable(&name, error)),
            }
        }
        done(read, failed);
    });
}

/// Why the browser would not give a file: the same for picked, dropped and launched files.
pub fn unreadable(name: &str, reason: impl std::fmt::Display) -> FileError {
    FileError::new(name, format!("the browser could not read it ({reason})"))
}

/// Opens the files of one pick: what they held together, and an error for each part that
/// could not be read. `done` is called once, after the files worker answered if it was asked.
pub fn open_files(files: Vec<File>, done: impl FnOnce(Opened, Vec<FileError>) + 'static) {
    let (pick, left) = Pick::open_in_page(files);
    if left.is_empty() {
        let (opened, errors) = pick.finish(Vec::new());
        return done(opened, errors);
    }
    let names: Vec<String> = left.iter().map(|part| part.files()[0].0.clone()).collect();
    let request = Request::Open(left.into_iter().map(|part| part.map(FileMessage::new)).collect());
    ask(&request, move |reply| {
        let answers = match reply {
            Ok(Reply::Opened(answers)) if answers.len() == names.len() => answers,
            Ok(Reply::Refused(reason)) | Err(reason) => failed(&names, &reason),
            Ok(_) => failed(&names, "the files worker answered another question"),
        };
        let (opened, errors) = pick.finish(answers);
        done(opened, errors);
    });
}

/// Opens each file by itself (one file, one copy: comparing annotators), in the page or the
/// files worker; `done` gets them in pick order with their bytes, once all are read.
pub fn open_each(files: Vec<File>, done: impl FnOnce(Vec<Picked>) + 'static) {
    let count = files.len();
    let results: Rc<RefCell<Vec<Option<Picked>>>> = Rc::new(RefCell::new(vec![None; count]));
    let done = Rc::new(RefCell::new(Some(done)));
    if count == 0 {
        if let Some(done) = done.borrow_mut().take() {
            done(Vec::new());
        }
        return;
    }
    for (at, (name, bytes)) in files.into_iter().enumerate() {
        let (results, done) = (results.clone(), done.clone());
        let file = (name.clone(), bytes.clone());
        open_files(vec![file], move |opened, errors| {
            let read = match errors.into_iter().next() {
                Some(error) if opened.documents.is_empty() => Err(error),
                _ => Ok(opened),
            };
            results.borrow_mut()[at] = Some((name, bytes, read));
            if results.borrow().iter().all(Option::is_some) {
                let all = results.borrow_mut().drain(..).flatten().collect();
                if let Some(done) = done.borrow_mut().take() {
                    done(all);
                }
            }
        });
    }
}

fn failed(names: &[String], reason: &str) -> Vec<Result<Opened, FileError>> {
    names.iter().map(|name| Err(FileError::new(name, reason))).collect()
}

/// Writes `documents` in `writer`'s format (not the native one, which the page writes) in the
/// files worker; `done` gets the file's bytes or why there are none.
pub fn write_in_worker(
    writer: Writer,
    workspace: &Workspace,
    documents: &[Rc<Document>],
    base: &str,
    done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) {
    let request = Request::Export {
        writer,
        base: base.to_string(),
        labels: workspace.labels.clone(),
        relation_types: workspace.relation_types.clone(),
        documents: documents.to_vec(),
    };
    ask(&request, move |reply| {
        done(match reply {
            Ok(Reply::Exported { bytes }) => Ok(bytes.to_vec()),
            Ok(Reply::Refused(reason)) | Err(reason) => Err(reason),
            Ok(_) => Err("the files worker answered another question".to_string()),
        })
    });
}

/// Computes the agreement report of `job` in the files worker, so a large comparison does not
/// hold up the page; `done` gets it, or why there is none.
pub fn report_in_worker(job: Job, done: impl FnOnce(Result<Report, String>) + 'static) {
    ask(&Request::Report(job), move |reply| {
        done(match reply {
            Ok(Reply::Reported(report)) => Ok(report),
            Ok(Reply::Refused(reason)) | Err(reason) => Err(reason),
            Ok(_) => Err("the files worker answered another question".to_string()),
        })
    });
}

/// The files worker, once started, and who waits for its answers: it answers in the order it
/// was asked, so the first waiting gets the next reply.
struct FilesWorker {
    worker: PageWorker,
    waiting: Rc<RefCell<VecDeque<Waiting>>>,
    /// Set when the worker failed: the next question starts another.
    broken: Rc<Cell<bool>>,
}

type Waiting = Box<dyn FnOnce(Result<Reply, String>)>;

thread_local! {
    /// One files worker for the page's life, started by the first question.
    static FILES_WORKER: RefCell<Option<FilesWorker>> = const { RefCell::new(None) };
}

/// Posts `request` to the files worker, starting it if it is not running; `on_reply` gets its
/// answer, or why there is none.
fn ask(request: &Request, on_reply: impl FnOnce(Result<Reply, String>) + 'static) {
    let mut on_reply = Some(on_reply);
    let posted = request.to_message().and_then(|(message, transfer)| {
        FILES_WORKER.with_borrow_mut(|running| {
            if running.as_ref().is_none_or(|w| w.broken.get()) {
                // The broken one (if any) is dropped here, outside its own handlers.
                *running = Some(start()?);
            }
            let worker = running.as_ref().expect("started above");
            worker.worker.send(message, transfer)?;
            if let Some(on_reply) = on_reply.take() {
                worker.waiting.borrow_mut().push_back(Box::new(on_reply));
            }
            Ok(())
        })
    });
    // Answered here, outside the borrow, so that an answer may ask again.
    if let (Err(reason), Some(on_reply)) = (posted, on_reply) {
        on_reply(Err(reason));
    }
}

fn start() -> Result<FilesWorker, String> {
    let waiting: Rc<RefCell<VecDeque<Waiting>>> = Rc::default();
    let broken: Rc<Cell<bool>> = Rc::default();
    let on_reply = {
        let (waiting, broken) = (waiting.clone(), broken.clone());
        move |reply: Result<wasm_bindgen::JsValue, String>| match reply {
            Ok(message) => {
                let next = waiting.borrow_mut().pop_front();
                if let Some(on_reply) = next {
                    on_reply(Reply::from_message(message));
                }
            }
            Err(reason) => {
                broken.set(true);
                let all: Vec<Waiting> = waiting.borrow_mut().drain(..).collect();
                for on_reply in all {
                    on_reply(Err(reason.clone()));
                }
            }
        }
    };
    let worker = PageWorker::start(LOADER, "the files worker", on_reply)?;
    Ok(FilesWorker { worker, waiting, broken })
}

/// The files of a file list (from an `<input type=file>` or a drop).
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
