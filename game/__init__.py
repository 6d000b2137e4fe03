"""Critical Engagement: a simulation of the UN human-rights process on North Korea."""

__version__ = "0.1.0"
