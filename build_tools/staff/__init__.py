"""The staff workflow: change summaries, scaffolds, the staff guide, editor schemas."""
