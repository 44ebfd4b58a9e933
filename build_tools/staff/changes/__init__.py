"""What a change does to the vision: compare, details, format."""
