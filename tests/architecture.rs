//! The layout's rules, checked by reading the sources (`shared/architecture.md`): the pure core
//! must not reach for the DOM or the view, and the components must not import in a circle. A
//! slip in either would compile, and show up only as untestable code or a tangle that no file
//! can be read without its neighbours.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const CORE: &[&str] = &[
    "src/agreement",
    "src/colors.rs",
    "src/model",
    "src/text",
    "src/formats",
    "src/state",
    "src/suggest",
    "src/keys.rs",
    "src/reports",
    "src/sample.rs",
    "src/sort.rs",
];
const FORBIDDEN: &[&str] = &["web_sys", "gloo", "yew", "wasm_bindgen", "js_sys"];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
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
    assert!(files.iter().any(|f| f.ends_with("suggest/job.rs")), "the suggester is core too");
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for word in FORBIDDEN {
            assert!(!source.contains(word), "{} mentions {word}", file.display());
        }
    }
}

/// The sibling modules that `source` names as `super::name` or `crate::components::name`.
fn siblings_named(source: &str, siblings: &[String]) -> Vec<String> {
    let mut named = Vec::new();
    for prefix in ["super::", "crate::components::"] {
        for (at, _) in source.match_indices(prefix) {
            let rest = &source[at + prefix.len()..];
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if siblings.contains(&name) && !named.contains(&name) {
                named.push(name);
            }
        }
    }
    named
}

/// A circle in `imports`, as the path that closes it, if there is one.
fn circle(imports: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        at: &str,
        imports: &BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == at) {
            return Some([&path[start..], &[at.to_string()]].concat());
        }
        if done.iter().any(|d| d == at) {
            return None;
        }
        path.push(at.to_string());
        for next in &imports[at] {
            if let Some(found) = visit(next, imports, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.push(at.to_string());
        None
    }
    let mut done = Vec::new();
    imports.keys().find_map(|start| visit(start, imports, &mut Vec::new(), &mut done))
}

#[test]
fn components_do_not_import_in_a_circle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let name = |file: &Path| file.file_stem().unwrap().to_string_lossy().into_owned();
    let siblings: Vec<String> = files.iter().map(|f| name(f)).filter(|n| n != "mod").collect();
    assert!(siblings.len() >= 10, "expected the components' files, found {siblings:?}");
    let imports: BTreeMap<String, Vec<String>> = files
        .iter()
        .filter(|f| name(f) != "mod")
        .map(|f| {
            let named = siblings_named(&std::fs::read_to_string(f).unwrap(), &siblings);
            (name(f), named.into_iter().filter(|n| *n != name(f)).collect())
        })
        .collect();
    assert!(imports["app"].contains(&"store".to_string()), "the reader finds imports: {imports:?}");
    assert_eq!(circle(&imports), None, "components import each other in a circle");
    let looped = BTreeMap::from([("a".to_string(), vec!["b".to_string()]), ("b".to_string(), vec!["a".to_string()])]);
    assert_eq!(circle(&looped), Some(vec!["a".to_string(), "b".to_string(), "a".to_string()]));
}
