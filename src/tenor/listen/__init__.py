"""Listening: voice activity, end-of-turn detection and speech to text."""
