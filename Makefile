# Podium — make demo (annotate the bundled transcripts), make test (every test).
SWIFT ?= swift
PODIUM := .build/debug/podium
VENV := .build/venv
PYTHON := $(VENV)/bin/python
SEEDS := $(wildcard Tests/Fixtures/seeds/*.txt)

.PHONY: all deps build demo test test-swift test-conformance test-valgrind test-editors bench format clean

all: build

# jansson is the one system library Podium needs.
deps:
	@if ! pkg-config --exists jansson 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing libjansson-dev"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjansson-dev pkg-config; \
	  else \
	    echo "Podium needs jansson. Run:  sudo apt-get install -y libjansson-dev pkg-config"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build --product podium

demo: build
	$(PODIUM) annotate --format text $(SEEDS)

test: build test-swift test-conformance test-editors test-valgrind

test-swift: deps
	$(SWIFT) test --parallel

$(PYTHON): Tests/Conformance/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r Tests/Conformance/requirements.txt
	@touch $(PYTHON)

test-conformance: build $(PYTHON)
	PODIUM=$(abspath $(PODIUM)) $(PYTHON) -m pytest -q Tests/Conformance

# Real editors (headless Neovim, batch Emacs + Eglot, Vim + ALE) against the built server, and
# static checks of the VS Code extension; ends with "N passed, N failed".
test-editors: build
	PODIUM=$(abspath $(PODIUM)) bash Tests/Editors/run.sh

# A scripted session of >10,000 messages under valgrind: 0 bytes definitely lost.
test-valgrind: deps
	bash Tests/Conformance/valgrind.sh

bench: deps
	$(SWIFT) run -c release PodiumBenchmarks

format:
	$(SWIFT) format -i -r Sources Tests Benchmarks Package.swift

clean:
	rm -rf .build .build-*
