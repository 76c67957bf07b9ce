// Starts the files worker (src/workers/files_worker.rs): the wasm-bindgen glue Trunk built for
// it, then its wasm. Written here rather than by Trunk's loader shim, whose call uses the form
// wasm-bindgen now warns about.
importScripts('./files-worker.js');
wasm_bindgen({ module_or_path: './files-worker_bg.wasm' });
