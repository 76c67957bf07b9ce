//! The pure core stays pure: the modules that are tested natively must not reach for the DOM
//! or the view (`shared/architecture.md`). A slip here would compile on wasm and only show up
//! as untestable code, so it is checked by reading the sources.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

const CORE: &[&str] =
    &["src/colors.rs", "src/model", "src/text", "src/formats", "src/state", "src/keys.rs", "src/sample.rs"];
const FORBIDDEN: &[&str] = &["web_sys", "gloo", "yew", "wasm_bindgen", "js_sys"];

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn core_modules_do_not_use_the_browser_or_the_view() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for part in CORE {
        rust_files(&root.join(part), &mut files);
    }
    assert!(files.len() >= 10, "expected the core's files, found {files:?}");
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for word in FORBIDDEN {
            assert!(!source.contains(word), "{} mentions {word}", file.display());
        }
    }
}
