# The two commands: `make play` opens the game, `make test` runs the whole suite headless.
# Both create .venv if it is missing and install into it; a stamp file makes the second run quick.

PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
PIP    := $(VPY) -m pip install --disable-pip-version-check -q -c constraints.txt

.PHONY: play test lint format bench clean

play: $(VENV)/.stamp-run
	$(VPY) main.py

test: $(VENV)/.stamp-test
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(VPY) -m pytest -q

lint: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff check game tests bench main.py
	$(VENV)/bin/ruff format --check game tests bench main.py

format: $(VENV)/.stamp-dev
	$(VENV)/bin/ruff format game tests bench main.py

bench: $(VENV)/.stamp-run
	$(VPY) bench/run.py

$(VPY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Critical Engagement needs Python 3.11 or newer; run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.stamp-run: pyproject.toml constraints.txt | $(VPY)
	$(PIP) -e .
	@touch $@

$(VENV)/.stamp-test: pyproject.toml constraints.txt | $(VPY)
	$(PIP) -e '.[test]'
	@touch $@ $(VENV)/.stamp-run

$(VENV)/.stamp-dev: pyproject.toml constraints.txt | $(VPY)
	$(PIP) -e '.[dev]'
	@touch $@ $(VENV)/.stamp-run $(VENV)/.stamp-test

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
