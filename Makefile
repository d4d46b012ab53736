# Shortcuts for the scripts the README documents; each script also works on its own.
.PHONY: run test lint format ci

RUFF := .venv/bin/ruff

## run: the portal with demo content on http://127.0.0.1:8000/ (SQLite, no other service)
run:
	bin/run-demo

## test: checks, then the whole suite on SQLite and on PostgreSQL; pytest arguments in ARGS="-m 'not browser'"
test:
	bin/test $(ARGS)

## lint: ruff's linter and formatter, checking only
lint: $(RUFF)
	$(RUFF) check .
	$(RUFF) format --check .

## format: format the code and apply ruff's safe fixes
format: $(RUFF)
	$(RUFF) format .
	$(RUFF) check --fix .

## ci: what CI runs on a fresh Debian 12 machine, as root (installs system packages)
ci:
	bash .ci/run

$(RUFF): requirements.txt requirements-dev.txt
	test -x .venv/bin/python || python3 -m venv .venv
	.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@
