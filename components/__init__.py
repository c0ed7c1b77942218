"""Custom Rasa graph components (thin wrappers around plain Python in ``bot``)."""
