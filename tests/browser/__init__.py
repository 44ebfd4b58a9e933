"""Browser, accessibility and validity tests of the built site (marker `browser`)."""
