//! Integration tests: fixture projects built through the library and the binary.

mod archive;
mod atomic;
mod browser;
mod build;
mod check;
mod cli;
mod customer_file;
mod errors;
mod escaping;
mod fixture;
mod hostile;
mod incremental;
mod json_schema;
mod kept;
mod learn;
mod library;
#[cfg(unix)] // symbolic links are made with Unix calls
mod links;
mod notepad;
mod out_folder;
mod parts;
mod paths;
mod pdf;
mod pdf_read;
mod poster;
mod raw_html;
mod rollout;
mod schema;
mod serve;
mod sms;
mod terms;
