//! Mounts the app on the page; everything else lives in the library.

fn main() {
    // First, so that a panic anywhere, mounting included, shows the crash dialog.
    article_annotator::browser::crash::install();
    yew::Renderer::<article_annotator::components::app::App>::new().render();
}
