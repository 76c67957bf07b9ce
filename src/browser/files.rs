//! Reading files the person picked or dropped. The bytes go to the reducer untouched; whether
//! they are a readable document is decided there (see `formats::open`).

use crate::formats::plain::MAX_FILE_BYTES;

/// What reading one file gave: its name and bytes, or a message for the alert.
pub type ReadResult = Result<(String, Vec<u8>), String>;

/// Reads each file in the background and reports it through `done`, one call per file.
/// Files above the size limit are refused before reading, so a huge file costs nothing.
pub fn read_files(files: Vec<web_sys::File>, done: impl Fn(ReadResult) + Clone + 'static) {
    for file in files {
        let name = file.name();
        let size = file.size();
        if size > MAX_FILE_BYTES as f64 {
            done(Err(format!(
                "Could not open “{name}”: the file is {:.1} MB; files up to {} MB can be opened",
                size / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            )));
            continue;
        }
        let done = done.clone();
        yew::platform::spawn_local(async move {
            let blob = gloo::file::Blob::from(file);
            match gloo::file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => done(Ok((name, bytes))),
                Err(error) => done(Err(format!("Could not open “{name}”: the browser could not read it ({error})"))),
            }
        });
    }
}

/// The files of a file list (from an `<input type=file>` or a drop).
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
