# crosshub: build, test and run the demo on Debian 12 with Swift 6.
#
#   make demo    install what is missing, build in release mode, run crosshub demo
#   make test    install what is missing, build, run the whole test suite
#   make bench   build in release mode and run every benchmark
#   make deps    install the missing Debian packages only
#   make clean   remove .build, the Python environment inside it included
#
# Missing Debian packages are installed with apt-get (through sudo unless
# run as root). When python3 lacks a module the tests use, the modules are
# installed from PyPI into a virtual environment in .build/python, which
# `make test` puts first on PATH; the system's Python stays untouched.

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
PYTHON ?= python3
# Extra arguments for crosshub demo, for example: make demo DEMO_ARGS="--contacts 5000"
DEMO_ARGS ?=

# What the Swift toolchain itself needs on Debian 12, after the Swift
# project's Debian 12 image (swiftlang/swift-docker), with binutils in
# place of binutils-gold, which Debian 12 does not ship separately.
TOOLCHAIN_PACKAGES := binutils gcc git libc6-dev libcurl4-openssl-dev libedit-dev libicu-dev \
	libncurses-dev libpython3-dev libsqlite3-dev libstdc++-12-dev libxml2-dev tzdata uuid-dev
# The C libraries the package links and the tools the tests run.
APT_PACKAGES := librdkafka-dev libmicrohttpd-dev kcat pkg-config python3 python3-venv
PY_PACKAGES := confluent-kafka jsonschema rfc3339-validator prometheus_client pyyaml
PY_MODULES := confluent_kafka, jsonschema, referencing, rfc3339_validator, prometheus_client, yaml
VENV := .build/python

.PHONY: all deps python-deps build release test demo bench clean

all: build

deps:
	@test -x "$(SWIFT)" || { \
		echo "error: no Swift toolchain: put swift on PATH or install Swift 6 in /opt/swift (https://www.swift.org/install/linux/)" >&2; \
		exit 1; }
	@missing=""; \
	for p in $(TOOLCHAIN_PACKAGES) $(APT_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

python-deps: deps
	@if $(PYTHON) -c "import $(PY_MODULES)" 2>/dev/null; then \
		:; \
	elif [ -x $(VENV)/bin/python3 ] && $(VENV)/bin/python3 -c "import $(PY_MODULES)" 2>/dev/null; then \
		:; \
	else \
		echo "installing Python modules into $(VENV): $(PY_PACKAGES)"; \
		$(PYTHON) -m venv $(VENV) && \
		$(VENV)/bin/python3 -m pip install --quiet --disable-pip-version-check $(PY_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Builds the package and the tests in one step, then runs every suite
# against embedded Kafka brokers in the test process.
test: python-deps
	$(SWIFT) build --build-tests
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(SWIFT) test --skip-build

demo: release
	.build/release/crosshub demo $(DEMO_ARGS)

bench: release
	.build/release/crosshub bench all

clean:
	rm -rf .build
