"""Pure views of the filtered model: the website, posters, charts and downloads."""
