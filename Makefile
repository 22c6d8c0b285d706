# crosshub: build, test and demo on a fresh Debian 12 machine with Swift 6.
#
#   make demo   install what is missing, build, run the main job on the embedded broker
#   make test   install what is missing, build, run the whole test suite
#   make bench  build in release mode and run the benchmarks

SWIFT ?= swift
PYTHON ?= python3
APT_PACKAGES := librdkafka-dev libmicrohttpd-dev kcat pkg-config
PY_PACKAGES := confluent-kafka jsonschema rfc3339-validator prometheus_client pyyaml

.PHONY: all deps build release test demo bench clean

all: build

# Installs the Debian packages and Python modules that are missing; does nothing when all are present.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi
	@$(PYTHON) -c "import confluent_kafka, jsonschema, rfc3339_validator, prometheus_client, yaml" 2>/dev/null || { \
		echo "installing Python modules: $(PY_PACKAGES)"; \
		$(PYTHON) -m pip install --quiet $(PY_PACKAGES) || \
		$(PYTHON) -m pip install --quiet --break-system-packages $(PY_PACKAGES); }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: build
	$(SWIFT) test

demo: release
	.build/release/crosshub demo

bench: release
	.build/release/crosshub bench all

clean:
	rm -rf .build
