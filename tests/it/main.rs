//! Integration tests: fixture projects built through the library and the binary.

mod atomic;
mod browser;
mod build;
mod check;
mod cli;
mod errors;
mod escaping;
mod fixture;
mod incremental;
mod json_schema;
mod library;
mod parts;
mod pdf;
mod rollout;
mod schema;
mod serve;
