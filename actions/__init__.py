"""Custom actions (rasa-sdk). Thin: read slots, call ``bot``, send messages."""
