//! Integration tests: fixture projects built through the library and the binary.

mod archive;
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
mod learn;
mod library;
mod notepad;
mod parts;
mod paths;
mod pdf;
mod pdf_read;
mod raw_html;
mod rollout;
mod schema;
mod serve;
mod sms;
mod terms;
