// Starts the suggester's Web Worker (src/suggest_worker.rs): the wasm-bindgen glue Trunk built
// for it, then its wasm. Written here rather than by Trunk's loader shim, whose call uses the
// form wasm-bindgen now warns about.
importScripts('./suggest-worker.js');
wasm_bindgen({ module_or_path: './suggest-worker_bg.wasm' });
