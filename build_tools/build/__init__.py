"""Building and publishing: cache keys and kept files, atomic output, the site build."""
