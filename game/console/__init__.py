"""The whole game in a terminal: numbered menus on stdin/stdout, scriptable with piped input."""
