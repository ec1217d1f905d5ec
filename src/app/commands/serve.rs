//! `newsdex serve`: the search page and JSON API on one address, until Ctrl-C.

use std::net::SocketAddr;

use anyhow::Result;

use crate::app::cli::ServeArgs;
use crate::app::commands::Outcome;
use crate::app::render;
use newsdex::index::NewsIndex;
use newsdex::serve::{self, ServeOptions};

pub fn run(news_index: NewsIndex, args: &ServeArgs) -> Result<Outcome> {
    if !serve::is_loopback(&args.addr) {
        eprintln!(
            "newsdex: warning: {} is not a loopback address and the API has no authentication: \
             anyone who can reach it can read the whole index",
            args.addr
        );
    }
    let index_shown = render::display_path(&news_index.dir.to_string_lossy());
    let announce = |bound: SocketAddr| {
        eprintln!("newsdex: serving {index_shown} on http://{bound}/ (Ctrl-C stops)");
    };
    let stop = async {
        // Without a signal handler the server runs until killed, which is fine too.
        let _ = tokio::signal::ctrl_c().await;
    };
    serve::run(
        news_index,
        args.addr,
        ServeOptions::default(),
        announce,
        stop,
    )?;
    Ok(Outcome::Found)
}
