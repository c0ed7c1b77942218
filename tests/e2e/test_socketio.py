"""End to end over socket.io, the transport of the website widget."""

from __future__ import annotations

import queue

import pytest
import socketio

pytestmark = pytest.mark.e2e


def test_socketio_session_and_reply(stack):
    client = socketio.Client(reconnection=False)
    confirmed: "queue.Queue[str]" = queue.Queue()
    replies: "queue.Queue[dict]" = queue.Queue()
    client.on("session_confirm", lambda session_id: confirmed.put(session_id))
    client.on("bot_uttered", lambda message: replies.put(message))
    client.connect(stack.rasa_url, socketio_path="/socket.io/", transports=["websocket"], wait_timeout=30)
    try:
        client.emit("session_request", {"session_id": None})
        session_id = confirmed.get(timeout=30)
        assert session_id
        client.emit("user_uttered", {"message": "hallo", "session_id": session_id, "metadata": {"language": "de"}})
        first = replies.get(timeout=60)
        assert "Chatbot" in first["text"] or "chatbot" in first["text"].lower()
        menu = replies.get(timeout=30)
        assert any(reply["payload"] == "/ask_health" for reply in menu.get("quick_replies", []))
    finally:
        client.disconnect()
