"""datavisie: a municipality's data vision as one typed model, rendered to site and posters."""

__version__ = "0.1.0"
