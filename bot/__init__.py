"""OpenWelcome: plain Python with no Rasa imports (see DESIGN.md)."""
