//! Entry point of the Parallax page. The embed loads this same wasm: there `main` does nothing
//! and the embedding script calls `mount_embed` instead.

fn main() {
    if parallax_web::embed::is_app_page() {
        parallax_web::start();
    }
}
