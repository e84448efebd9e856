"""The structured rule base of Japan's AI regulation, its loader and its search index."""
