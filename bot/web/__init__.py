"""The demo city web page with the chat widget."""

from bot.web.app import create_app

__all__ = ["create_app"]
