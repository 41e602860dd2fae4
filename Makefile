# Parallax: the two commands a person needs are `make serve` and `make test`.
# Both install what is missing first (scripts/setup.sh), from the package registries only.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Our pinned tools come first: wasm-opt from npm binaryen 132 (Debian's 108 miscompiles), then cargo's.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON := $(CURDIR)/webdriver.json
export WASM_BINDGEN_TEST_TIMEOUT := 120

.PHONY: help setup serve test dist lint test-native test-wasm test-browser check-engine-deps check-renderer-deps

help:
	@echo "make serve   build and serve the app on http://127.0.0.1:8080 with the sample pair"
	@echo "make test    everything CI checks: fmt, clippy, native tests, wasm tests, browser tests"
	@echo "make dist    the static site, dist/parallax.html (offline), dist/embed/, dist/lib/"

setup:
	@scripts/setup.sh browser

serve:
	@scripts/setup.sh web
	trunk serve --release

# The static site (Trunk; its post_build hook, scripts/build-lib.sh, puts the data-only library
# (parallax-wasm) and the engine's worker in dist/lib/), then scripts/package.mjs: CSP, the
# single offline file dist/parallax.html, dist/embed/, sizes.
dist:
	@scripts/setup.sh web
	trunk build --release
	node scripts/package.mjs dist

test: setup lint check-engine-deps check-renderer-deps test-native test-wasm test-browser
	@echo "make test: all checks passed"

# The web crates also compile natively, so one clippy run covers them; the wasm32 build itself is
# checked by test-wasm and by Trunk.
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	@if grep -rln 'allow(unsafe_code)' crates web --include=*.rs | grep -vx 'crates/parallax-wasm/src/alloc.rs'; then \
	  echo "lint: unsafe code is denied; only the engine library's allocator allows it" >&2; exit 1; fi

# The engine stays pure: no web, async runtime or clock crates in its normal dependencies.
check-engine-deps:
	@if cargo tree -p parallax -e normal --prefix none --locked | grep -E '^(wasm-bindgen|js-sys|web-sys|leptos|getrandom)[ @]'; then \
	  echo "check-engine-deps: the engine must not depend on the crates above" >&2; exit 1; \
	else echo "check-engine-deps: ok"; fi

# Renderers read the report only: no renderer source names an engine stage (they get the
# types they need from parallax::report, the input edge from parallax::input; parallax::order
# is the one shared sort, not a stage).
RENDERERS := crates/parallax-view crates/parallax-html crates/parallax-cli/src/render_text.rs web/src
ENGINE_STAGES := normalize|segment|tokenize|similarity|align|diff|extract|prepare|flags|nway
check-renderer-deps:
	@if grep -rnE 'parallax::($(ENGINE_STAGES))\b' $(RENDERERS); then \
	  echo "check-renderer-deps: renderers may use parallax::report only (see docs/ARCHITECTURE.md)" >&2; exit 1; \
	else echo "check-renderer-deps: ok"; fi

test-native:
	cargo test --workspace --locked

test-wasm:
	cargo test -p parallax-wasm --target wasm32-unknown-unknown --locked

# One release build of the site, then the browser tests against it.
test-browser: dist
	node scripts/check-size.mjs
	node --test --test-reporter=spec e2e/
