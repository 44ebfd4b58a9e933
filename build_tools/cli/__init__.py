"""The `datavisie` command: one module per command."""
