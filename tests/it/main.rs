//! Integration tests: fixture projects built through the library and the binary.

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
mod json_schema;
mod library;
mod links;
mod out_folder;
mod parts;
mod pdf;
mod rollout;
mod schema;
mod serve;
