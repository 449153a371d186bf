# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install setup demo messages compilemessages lint check clean bench

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt ".[dev,demo]"
	@touch $(STAMP)

install: $(STAMP)

compilemessages: install
	$(PY) manage.py compilemessages --ignore=.venv -v0

setup: install compilemessages
	@mkdir -p var/celery/queue var/celery/staging var/celery/broken var/celery/processed var/celery/results var/celery/control var/media var/mail
	DJANGO_SETTINGS_MODULE=config.settings.local $(PY) manage.py migrate --noinput -v0
	DJANGO_SETTINGS_MODULE=config.settings.local $(PY) manage.py load_demo

# The Procfile's last process (welcome) prints the address and the demo accounts once the web server
# answers, so they are the last lines on the screen.
run: setup
	@DJANGO_SETTINGS_MODULE=config.settings.local $(VENV)/bin/honcho start -f Procfile

test: install compilemessages
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .

check: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

# The benchmark (docs/performance.md): seed qc_bench first with `manage.py seed_bench`.
bench: install
	$(PY) bench/run.py $(BENCH_ARGS)

# Extract messages: top-level templates and config into locale/, each app into its own locale/.
messages: install
	$(PY) manage.py makemessages -l vi -l en --no-location --no-obsolete -i .venv -i coordination -i regulation -i meetings -i tests -i var
	for app in coordination regulation; do (cd $$app && ../$(PY) ../manage.py makemessages -l vi -l en --no-location --no-obsolete); done
	cd meetings && ../$(PY) ../manage.py makemessages -l vi -l en --no-location --no-obsolete -i evaluation
	cd meetings/evaluation && ../../$(PY) ../../manage.py makemessages -l vi -l en --no-location --no-obsolete

clean:
	rm -rf $(VENV) var staticfiles
