// Starts the files worker (src/workers/files_worker.rs): the wasm-bindgen glue Trunk built for
// it, then its wasm. Written here rather than by Trunk's loader shim, whose call uses the form
// wasm-bindgen now warns about. A wasm that cannot be fetched or compiled is thrown again
// outside the promise, so the page hears it as the worker's error event and tells the person,
// instead of waiting for an answer that never comes.
importScripts('./files-worker.js');
wasm_bindgen({ module_or_path: './files-worker_bg.wasm' }).catch((error) => {
  setTimeout(() => {
    throw error;
  });
});
