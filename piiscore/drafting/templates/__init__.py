"""Jinja2 templates of the drafts: <kind>.<language>.txt.j2 (a package so that installs ship them)."""
