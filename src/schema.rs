//! The JSON Schemas (draft 2020-12) of the customer file and `handboek.yaml`, generated from
//! the raw types the loader reads, so that an editor's completion and help cannot drift from
//! what `handboek build` accepts.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::customer::{RawCustomer, RawSettings};

/// The project folder `handboek init` writes the schemas into.
pub const SCHEMA_DIR: &str = ".handboek";

/// The two files a project has a schema for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaFile {
    /// `customers/<id>.yaml`.
    Customer,
    /// `handboek.yaml`.
    Settings,
}

impl SchemaFile {
    pub const ALL: [SchemaFile; 2] = [SchemaFile::Customer, SchemaFile::Settings];

    /// The schema's file name in `.handboek/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaFile::Customer => "customer.schema.json",
            SchemaFile::Settings => "handboek.schema.json",
        }
    }

    /// The schema as a JSON value.
    pub fn schema(self) -> Value {
        let (mut schema, title, description) = match self {
            SchemaFile::Customer => (
                root_for::<RawCustomer>(),
                "handboek customer file",
                "One customer of a handboek project (customers/<id>.yaml). Every key is \
                 optional here, because a value may also come from `defaults:` in \
                 handboek.yaml or from the built-in defaults; `handboek build` names what is \
                 still missing.",
            ),
            SchemaFile::Settings => (
                root_for::<RawSettings>(),
                "handboek project settings",
                "handboek.yaml: your company (the MSP), the theme, and defaults for every \
                 customer.",
            ),
        };
        schema.insert("title".into(), title.into());
        schema.insert("description".into(), description.into());
        let mut value = schema.to_value();
        unwrap_descriptions(&mut value);
        value
    }

    /// The schema as pretty-printed JSON with a final newline, as written to disk.
    pub fn json(self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema())
            .unwrap_or_else(|e| unreachable!("a JSON value always serializes: {e}"));
        text.push('\n');
        text
    }
}

/// Every subschema inline: the files stay readable, and an editor needs no `$ref` to show
/// the help of a nested key.
fn root_for<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12()
        .with(|s| s.inline_subschemas = true)
        .into_generator()
        .into_root_schema_for::<T>()
}

/// Joins the lines of each paragraph of every description: doc comments are wrapped at
/// the source's width, but an editor's hover should wrap at its own.
fn unwrap_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, sub) in map.iter_mut() {
                match sub {
                    Value::String(text) if key == "description" => {
                        *text = text
                            .split("\n\n")
                            .map(|paragraph| paragraph.replace('\n', " "))
                            .collect::<Vec<_>>()
                            .join("\n\n");
                    }
                    _ => unwrap_descriptions(sub),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

/// Writes `file`'s schema into `dir` (created if needed); returns its path.
pub fn write_schema(dir: &Path, file: SchemaFile) -> Result<PathBuf> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let path = dir.join(file.file_name());
    fs::write(&path, file.json()).with_context(|| format!("writing {}", path.display()))?;
    Ok(path)
}

/// Writes both schemas into `dir`, replacing older ones; returns their paths.
pub fn write_schemas(dir: &Path) -> Result<Vec<PathBuf>> {
    SchemaFile::ALL
        .iter()
        .map(|file| write_schema(dir, *file))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every object schema in `schema`, with the path of keys that leads to it.
    fn objects<'a>(schema: &'a Value, path: String, out: &mut Vec<(String, &'a Value)>) {
        let Some(map) = schema.as_object() else {
            return;
        };
        if map.contains_key("properties") {
            out.push((path.clone(), schema));
        }
        for (key, value) in map {
            match (key.as_str(), value) {
                ("properties", Value::Object(props)) => {
                    for (name, sub) in props {
                        objects(sub, format!("{path}.{name}"), out);
                    }
                }
                (_, Value::Array(items)) => {
                    for item in items {
                        objects(item, path.clone(), out);
                    }
                }
                (_, Value::Object(_)) => objects(value, path.clone(), out),
                _ => {}
            }
        }
    }

    fn all_objects(file: SchemaFile) -> Vec<(String, Value)> {
        let schema = file.schema();
        let mut out = Vec::new();
        objects(&schema, String::new(), &mut out);
        out.into_iter().map(|(p, v)| (p, v.clone())).collect()
    }

    fn property<'a>(schema: &'a Value, path: &str) -> &'a Value {
        path.split('.').fold(schema, |s, key| {
            let props = s
                .get("properties")
                .or_else(|| {
                    s.get("anyOf")?
                        .as_array()?
                        .iter()
                        .find_map(|alt| alt.get("properties"))
                })
                .unwrap_or_else(|| panic!("no properties on the way to {path}"));
            &props[key]
        })
    }

    #[test]
    fn the_customer_root_refuses_unknown_keys() {
        let schema = SchemaFile::Customer.schema();
        assert_eq!(schema["additionalProperties"], Value::Bool(false));
        assert_eq!(schema["type"], "object");
    }

    #[test]
    fn every_section_refuses_unknown_keys_as_the_loader_does() {
        for file in SchemaFile::ALL {
            let objects = all_objects(file);
            assert!(
                objects.len() > 10,
                "{file:?} has only {} objects",
                objects.len()
            );
            for (path, object) in objects {
                assert_eq!(
                    object["additionalProperties"],
                    Value::Bool(false),
                    "{file:?} {path}"
                );
            }
        }
    }

    #[test]
    fn mfa_method_lists_the_three_methods() {
        let schema = SchemaFile::Customer.schema();
        let method = property(&schema, "mfa.method");
        let names: Vec<&str> = method["enum"]
            .as_array()
            .expect("an enum")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(names, ["app", "sms", "choose"]);
    }

    fn enum_of<'a>(schema: &'a Value, path: &str) -> Vec<&'a str> {
        let leaf = property(schema, path);
        let list = leaf
            .get("enum")
            .or_else(|| leaf.get("items").and_then(|i| i.get("enum")))
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{path} lists no values: {leaf}"));
        list.iter().filter_map(Value::as_str).collect()
    }

    #[test]
    fn the_issue_10_keys_list_their_values_and_forms() {
        let schema = SchemaFile::Customer.schema();
        assert_eq!(
            enum_of(&schema, "mfa.allowed"),
            ["app", "sms", "passkey", "security_key"]
        );
        assert_eq!(
            enum_of(&schema, "policy.without_smartphone"),
            ["helpdesk", "security_key", "company_phone", "sms"]
        );
        assert_eq!(
            enum_of(&schema, "policy.passkey_prompt"),
            ["create", "skip"]
        );
        assert_eq!(
            property(&schema, "sms.calls")["type"],
            serde_json::json!(["boolean", "null"])
        );
        assert!(
            property(&schema, "handbook.url")["pattern"]
                .as_str()
                .is_some_and(|p| p.starts_with("^https://"))
        );
        let provider = property(&schema, "sms.provider")["description"]
            .as_str()
            .unwrap_or("");
        assert!(
            provider.contains("`microsoft.sms_retirement`"),
            "{provider}"
        );
    }

    #[test]
    fn every_property_has_a_description() {
        for file in SchemaFile::ALL {
            let mut count = 0;
            for (path, object) in all_objects(file) {
                for (name, sub) in object["properties"].as_object().expect("properties") {
                    count += 1;
                    let description = sub["description"].as_str().unwrap_or("");
                    assert!(
                        description.len() > 10,
                        "{file:?} {path}.{name} has no description"
                    );
                }
            }
            assert!(count > 40, "{file:?}: only {count} properties");
        }
    }

    #[test]
    fn the_settings_defaults_take_every_customer_key() {
        let settings = SchemaFile::Settings.schema();
        let customer = SchemaFile::Customer.schema();
        let keys = |s: &Value| -> Vec<String> {
            s["properties"]
                .as_object()
                .expect("properties")
                .keys()
                .cloned()
                .collect()
        };
        let defaults = &settings["properties"]["defaults"];
        assert_eq!(keys(defaults), keys(&customer));
        assert!(keys(&customer).contains(&"screenshots".to_string()));
    }

    #[test]
    fn leaves_appear_as_their_values_not_as_spans() {
        let schema = SchemaFile::Customer.schema();
        let text = serde_json::to_string(&schema).expect("json");
        for span_field in ["referenced", "defined", "\"value\""] {
            assert!(
                !text.contains(span_field),
                "{span_field} leaked into the schema"
            );
        }
        assert_eq!(
            property(&schema, "features.new_laptop")["type"],
            serde_json::json!(["boolean", "null"])
        );
    }

    #[test]
    fn descriptions_are_not_wrapped_at_the_source_width() {
        let schema = SchemaFile::Customer.schema();
        let screenshots = property(&schema, "screenshots")["description"]
            .as_str()
            .expect("description");
        assert!(
            screenshots.contains("(e.g. `approve-number`)"),
            "{screenshots}"
        );
        assert!(!screenshots.contains('\n'), "{screenshots}");
    }

    #[test]
    fn waves_need_a_name_and_a_date() {
        let schema = SchemaFile::Customer.schema();
        let waves = property(&schema, "rollout.waves");
        assert_eq!(
            waves["items"]["required"],
            serde_json::json!(["name", "date"])
        );
    }

    #[test]
    fn the_file_declares_draft_2020_12_and_ends_with_a_newline() {
        let json = SchemaFile::Settings.json();
        assert!(json.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
        assert!(json.ends_with("}\n"));
        assert_eq!(json, SchemaFile::Settings.json(), "deterministic");
    }
}
