"""Passend: informatiesysteem voor het stelsel passend onderwijs."""
