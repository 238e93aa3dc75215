//! Integration tests: fixture projects built through the library and the binary.

mod atomic;
mod build;
mod cli;
mod errors;
mod escaping;
mod fixture;
