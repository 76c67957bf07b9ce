//! Mounts the app on the page; everything else lives in the library.

fn main() {
    yew::Renderer::<article_annotator::components::app::App>::new().render();
}
