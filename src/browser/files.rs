//! Reading files the person picked, dropped or opened with the installed app. The bytes go to the reducer untouched; whether
//! they are a readable document is decided there (see `formats::open`).

use crate::formats::plain::MAX_FILE_BYTES;

/// What reading one file gave: its name and bytes, or a message for the alert.
pub type ReadResult = Result<(String, Vec<u8>), String>;

/// Reads the files of one pick or drop in the background and reports them together, in order,
/// so files that belong together (brat's .txt and .ann) arrive together. Files above the size
/// limit are refused before reading, so a huge file costs nothing.
pub fn read_files(files: Vec<web_sys::File>, done: impl FnOnce(Vec<ReadResult>) + 'static) {
    yew::platform::spawn_local(async move {
        let mut results = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            let size = file.size();
            if size > MAX_FILE_BYTES as f64 {
                results.push(Err(format!(
                    "Could not open “{name}”: the file is {:.1} MB; files up to {} MB can be opened",
                    size / 1_048_576.0,
                    MAX_FILE_BYTES / 1_048_576
                )));
                continue;
            }
            let blob = gloo::file::Blob::from(file);
            results.push(match gloo::file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => Ok((name, bytes)),
                Err(error) => Err(unreadable(&name, error)),
            });
        }
        done(results);
    });
}

/// The message for a file the browser would not give: the same for picked, dropped and
/// launched files.
pub fn unreadable(name: &str, reason: impl std::fmt::Display) -> String {
    format!("Could not open “{name}”: the browser could not read it ({reason})")
}

/// The files of a file list (from an `<input type=file>` or a drop).
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
