//! Entry point of the Parallax page: panic hook, then mount the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(parallax_web::App);
}
