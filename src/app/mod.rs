//! The binary's front end, on top of the library: [`cli`] (clap derive; its
//! doc comments are the `--help`), [`commands`] (one file per subcommand:
//! arguments -> library request -> rendering), [`render`] (all terminal
//! output) and [`bench`] (the `bench` subcommand's runner and baseline).
//! Nothing in the library imports from here.

pub mod bench;
pub mod cli;
pub mod commands;
pub mod render;
