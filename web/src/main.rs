//! Entry point of the Parallax page.

fn main() {
    parallax_web::start();
}
