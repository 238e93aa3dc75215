//! A small JSON Schema validator for the keywords `handboek schema` emits. Any other keyword
//! panics, so a schema that grows a keyword this does not know cannot pass unchecked.

use regex::Regex;
use serde_json::Value;

/// The problems of `instance` against `schema`, each with the path to the value.
pub fn validate(schema: &Value, instance: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    check(schema, instance, "$", &mut problems);
    problems
}

fn check(schema: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        match schema {
            Value::Bool(true) => {}
            Value::Bool(false) => out.push(format!("{path}: no value is allowed here")),
            other => panic!("{path}: not a schema: {other}"),
        }
        return;
    };
    for (keyword, arg) in schema {
        match keyword.as_str() {
            "$schema" | "title" | "description" => {}
            "type" => {
                let types: Vec<&str> = match arg {
                    Value::String(t) => vec![t],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    other => panic!("{path}: bad type {other}"),
                };
                if !types.iter().any(|t| has_type(value, t)) {
                    out.push(format!(
                        "{path}: {value} is not of type {}",
                        types.join(" or ")
                    ));
                }
            }
            "enum" => {
                let options = arg.as_array().expect("enum is a list");
                if !options.contains(value) {
                    out.push(format!("{path}: {value} is not one of {arg}"));
                }
            }
            "pattern" => {
                let re = Regex::new(arg.as_str().expect("pattern is text")).expect("pattern");
                if let Some(text) = value.as_str()
                    && !re.is_match(text)
                {
                    out.push(format!("{path}: {text:?} does not match {re}"));
                }
            }
            "properties" => {
                let props = arg.as_object().expect("properties is a map");
                if let Some(map) = value.as_object() {
                    for (key, sub) in map {
                        if let Some(sub_schema) = props.get(key) {
                            check(sub_schema, sub, &format!("{path}.{key}"), out);
                        }
                    }
                }
            }
            "additionalProperties" => {
                let known = schema.get("properties").and_then(Value::as_object);
                if let Some(map) = value.as_object() {
                    for (key, sub) in map {
                        if !known.is_some_and(|k| k.contains_key(key)) {
                            match arg {
                                Value::Bool(false) => {
                                    out.push(format!("{path}: unknown key `{key}`"));
                                }
                                _ => check(arg, sub, &format!("{path}.{key}"), out),
                            }
                        }
                    }
                }
            }
            "required" => {
                if let Some(map) = value.as_object() {
                    for key in arg.as_array().expect("required is a list") {
                        let key = key.as_str().expect("a key");
                        if !map.contains_key(key) {
                            out.push(format!("{path}: `{key}` is missing"));
                        }
                    }
                }
            }
            "minProperties" => {
                let min = arg.as_u64().expect("a count");
                if let Some(map) = value.as_object()
                    && (map.len() as u64) < min
                {
                    out.push(format!("{path}: fewer than {min} keys"));
                }
            }
            "items" => {
                if let Some(items) = value.as_array() {
                    for (i, item) in items.iter().enumerate() {
                        check(arg, item, &format!("{path}[{i}]"), out);
                    }
                }
            }
            "minItems" => {
                let min = arg.as_u64().expect("a count");
                if let Some(items) = value.as_array()
                    && (items.len() as u64) < min
                {
                    out.push(format!("{path}: fewer than {min} items"));
                }
            }
            "uniqueItems" => {
                if let (Some(true), Some(items)) = (arg.as_bool(), value.as_array()) {
                    for (i, item) in items.iter().enumerate() {
                        if items[..i].contains(item) {
                            out.push(format!("{path}[{i}]: {item} appears twice"));
                        }
                    }
                }
            }
            "anyOf" | "oneOf" => {
                let alternatives = arg.as_array().expect("a list of schemas");
                let passing = alternatives
                    .iter()
                    .filter(|alt| validate(alt, value).is_empty())
                    .count();
                let ok = match keyword.as_str() {
                    "anyOf" => passing >= 1,
                    _ => passing == 1,
                };
                if !ok {
                    out.push(format!(
                        "{path}: {value} fits {passing} of the {keyword} schemas"
                    ));
                }
            }
            other => panic!("{path}: the test validator does not know the keyword `{other}`"),
        }
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        "array" => value.is_array(),
        "object" => value.is_object(),
        other => panic!("unknown type `{other}`"),
    }
}

#[test]
fn the_validator_refuses_what_each_keyword_refuses() {
    let schema = serde_json::json!({
        "type": "object",
        "properties": {
            "a": { "type": "string", "pattern": "^x" },
            "b": { "type": "array", "items": { "enum": [1, 2] }, "minItems": 1, "uniqueItems": true },
            "c": { "anyOf": [{ "type": "integer" }, { "type": "null" }] },
        },
        "required": ["a"],
        "additionalProperties": false,
        "minProperties": 1,
    });
    assert!(
        validate(
            &schema,
            &serde_json::json!({"a": "xy", "b": [1, 2], "c": null})
        )
        .is_empty()
    );
    for (bad, expected) in [
        (serde_json::json!({"a": "y"}), "does not match"),
        (serde_json::json!({"a": 1}), "not of type string"),
        (serde_json::json!({"a": "x", "b": [3]}), "not one of"),
        (serde_json::json!({"a": "x", "b": []}), "fewer than 1 items"),
        (serde_json::json!({"a": "x", "b": [1, 1]}), "appears twice"),
        (
            serde_json::json!({"a": "x", "c": "s"}),
            "fits 0 of the anyOf",
        ),
        (serde_json::json!({"a": "x", "d": 1}), "unknown key `d`"),
        (serde_json::json!({"b": [1]}), "`a` is missing"),
        (serde_json::json!([]), "not of type object"),
    ] {
        let problems = validate(&schema, &bad);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{bad}: expected {expected:?}, got {problems:?}"
        );
    }
}
