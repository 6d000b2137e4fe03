"""Whole games played headless by a policy in the player's seat, and the statistics over many."""
