"""Reading content: strict YAML, declared schemas, the typed model, cross-file rules."""
