"""piiscore's HTTP server: a thin Flask layer over the piiscore library."""
