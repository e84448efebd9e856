"""Shirube over the Model Context Protocol: tools, resources and a prompt over agent.api."""
