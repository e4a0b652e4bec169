# Opinion Desktop — two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CASE ?= demo.opcase
export QT_LOGGING_RULES ?= *.debug=false

.PHONY: run test test-slow lint bench clean screenshots translations package

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	test -f $(CASE) || $(VENV)/bin/opinion-desktop demo $(CASE)
	$(VENV)/bin/opinion-desktop $(CASE)

lint: $(STAMP)
	$(VENV)/bin/ruff check opinion_desktop tests bench
	$(VENV)/bin/ruff format --check opinion_desktop tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q

test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -m slow

bench: $(STAMP)
	$(PY) -m bench.run

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m opinion_desktop.ui.screenshots docs/screenshots

TRANSLATIONS := opinion_desktop/resources/translations
translations: $(STAMP)
	$(PY) $(TRANSLATIONS)/collect_strings.py build/i18n/extra_strings.py
	$(VENV)/bin/pyside6-lupdate -no-obsolete -locations none $$(find opinion_desktop/ui -name '*.py' ! -name 'screenshot*') \
		build/i18n/extra_strings.py -ts $(TRANSLATIONS)/opinion_desktop_es.ts
	$(VENV)/bin/pyside6-lrelease $(TRANSLATIONS)/opinion_desktop_es.ts -qm $(TRANSLATIONS)/opinion_desktop_es.qm

# One folder with the program and everything it needs: dist/opinion-desktop/ (packaging/README.md).
PACKAGE_STAMP := $(VENV)/.package-installed
$(PACKAGE_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pyinstaller --noconfirm --clean --log-level ERROR \
		--distpath dist --workpath build/pyinstaller packaging/opinion-desktop.spec

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache
