# Setubashi developer commands. `make help` lists them.
#
#   make run     start the server on :8080 with SQLite and demo data
#   make test    what CI runs: gofmt, go vet, golangci-lint, go test, the web UI's tests
#   make e2e     the web UI's browser tests alone
#
# Variables you may override:
#   GOTESTFLAGS   extra flags for `go test` (CI passes -race)
#   DATABASE_URL  postgres://... selects PostgreSQL, otherwise a SQLite path (default ./data/setubashi.db)

SHELL := /bin/bash
.DEFAULT_GOAL := help

# The Go toolchain every target uses. The machine's own Go (1.26.8) has standard-library
# vulnerabilities fixed only in later releases; go1.27.3 is the newer Go the module proxy
# serves here, and the go command fetches it by itself (about 76 MB, once per machine).
export GOTOOLCHAIN := go1.27.3

GO          ?= go
BINARY      := bin/setubashi
CMD         := ./backend/cmd/setubashi
GOTESTFLAGS ?=
# How much `make fuzz-short` runs each fuzz test (`make fuzz FUZZTIME=10m` by hand). An
# execution count, not a duration: Go's fuzz coordinator can fail a duration-bounded run
# with a spurious "context deadline exceeded" on a loaded machine (golang/go#75804).
FUZZTIME    ?= 3000x

GOLANGCI_LINT_VERSION := v2.15.0
GOLANGCI_LINT         := bin/golangci-lint
GOVULNCHECK_VERSION   := v1.9.0
GOVULNCHECK           := bin/govulncheck

# Go files to check with gofmt: everything except vendored JS dependencies and build output.
GO_FILES_FIND := find . -name '*.go' -type f \
	-not -path './frontend/node_modules/*' -not -path './.git/*' -not -path './bin/*'

.PHONY: help run build frontend test e2e fuzz-short fuzz loadtest fmt-check vet lint lint-tool vulncheck vulncheck-tool bench migrate seed clean

help: ## List the targets
	@echo "Setubashi make targets:"
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  %-10s %s\n", $$1, $$2}'

run: frontend ## Run the server in development mode (SQLite in ./data, demo data and accounts)
	mkdir -p data
	SETUBASHI_MODE=development $(GO) run $(CMD) serve

build: frontend ## Build a static binary into bin/setubashi
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BINARY) $(CMD)

frontend: ## Build the frontend (npm ci && npm run build) if frontend/package.json exists
	@if [ -f frontend/package.json ]; then \
		echo "building frontend"; \
		cd frontend && npm ci && npm run build; \
	fi

test: fmt-check vet lint vulncheck ## Everything CI checks: gofmt, go vet, golangci-lint (with gosec), govulncheck, go test, then the web UI's unit and browser tests
	$(GO) test $(GOTESTFLAGS) ./...
	$(MAKE) --no-print-directory fuzz-short
	@if [ -f frontend/package.json ]; then \
		cd frontend && npm ci && npm run build && npm test && npm run e2e; \
	fi

fuzz-short: ## Run every Go fuzz test for FUZZTIME each (3000 inputs; part of `make test`)
	@set -eo pipefail; bin="$$(mktemp -d)"; trap 'rm -rf "$$bin"' EXIT; \
	for pkg in $$(grep -rl --include='*_test.go' '^func Fuzz' backend | xargs -n1 dirname | sort -u); do \
		$(GO) test -c -fuzz=. -o "$$bin/fuzz.test" ./$$pkg; \
		cache="$$($(GO) env GOCACHE)/fuzz/$$($(GO) list ./$$pkg)"; \
		for fn in $$(grep -ohE '^func Fuzz[A-Za-z0-9_]+' $$pkg/*_test.go | sed 's/^func //'); do \
			echo "fuzz ./$$pkg $$fn ($(FUZZTIME))"; \
			(cd $$pkg && env -u TEST_DATABASE_URL "$$bin/fuzz.test" -test.run '^$$' -test.fuzz "^$$fn$$" \
				-test.fuzztime $(FUZZTIME) -test.fuzzcachedir "$$cache") 2>&1 | grep -v '^fuzz: elapsed'; \
		done; \
	done

fuzz: fuzz-short ## Run every fuzz test longer: make fuzz FUZZTIME=10m

loadtest: ## 200 clients for 60 s against the local PostgreSQL, restarting it once (docs/RELIABILITY.md; not part of test)
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BINARY) $(CMD)
	$(GO) run ./backend/cmd/loadtest -binary $(BINARY) $(LOADTEST_FLAGS)

e2e: ## Build the web UI and run its browser tests against the real server (Chromium, SQLite)
	cd frontend && npm ci && npm run build && npm run e2e

fmt-check: ## Fail if any Go file is not gofmt-formatted
	@unformatted="$$($(GO_FILES_FIND) -print0 | xargs -0 -r "$$($(GO) env GOROOT)/bin/gofmt" -l)"; \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run gofmt -w):"; \
		echo "$$unformatted"; \
		exit 1; \
	fi; \
	echo "gofmt: ok"

vet: ## Run go vet
	$(GO) vet ./...

lint: lint-tool ## Run golangci-lint (config in .golangci.yml)
	$(GOLANGCI_LINT) run ./...

lint-tool: ## Install the pinned golangci-lint into bin/ (if missing, another version, or built by another Go)
	@if ! $(GOLANGCI_LINT) version 2>/dev/null | grep -q 'version $(GOLANGCI_LINT_VERSION:v%=%) built with $(GOTOOLCHAIN) '; then \
		echo "installing golangci-lint $(GOLANGCI_LINT_VERSION) into bin/ (takes a few minutes once)"; \
		GOBIN="$(CURDIR)/bin" $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION); \
	fi

# govulncheck checks the call paths against the Go vulnerability database. It
# reads a copy built from the golang.org/x/vulndb module (its data/osv
# reports, indexed by the vulndb project's own indexdb command), fetched
# through the Go module proxy at its newest version: this works where the
# proxy is the only way out (vuln.go.dev is not reachable here). Any finding
# fails the target.
VULNDB := bin/vulndb
vulncheck: vulncheck-tool ## Check the code's call paths for known vulnerabilities (govulncheck, database via the Go proxy)
	@set -eo pipefail; \
	info="$$($(GO) mod download -json golang.org/x/vulndb@latest)"; \
	dir="$$(echo "$$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$$/\1/p')"; \
	version="$$(echo "$$info" | sed -n 's/^[[:space:]]*"Version": "\(.*\)",*$$/\1/p')"; \
	echo "govulncheck: vulnerability database golang.org/x/vulndb@$$version"; \
	rm -rf "$(VULNDB)"; \
	$(GO) run golang.org/x/vulndb/cmd/indexdb@$$version -vulns "$$dir/data/osv" -out "$(CURDIR)/$(VULNDB)"; \
	$(GOVULNCHECK) -db "file://$(CURDIR)/$(VULNDB)" ./...

vulncheck-tool: ## Install the pinned govulncheck into bin/ (if missing, another version, or built by another Go)
	@if ! $(GOVULNCHECK) -version 2>/dev/null | grep -q 'govulncheck@$(GOVULNCHECK_VERSION)$$' || \
		! $(GO) version $(GOVULNCHECK) 2>/dev/null | grep -q ': $(GOTOOLCHAIN)$$'; then \
		echo "installing govulncheck $(GOVULNCHECK_VERSION) into bin/"; \
		GOBIN="$(CURDIR)/bin" $(GO) install golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_VERSION); \
	fi

bench: ## Run the Go benchmarks (no tests)
	$(GO) test -run '^$$' -bench . -benchmem ./...

migrate: ## Apply database migrations to DATABASE_URL (default ./data/setubashi.db)
	mkdir -p data
	$(GO) run $(CMD) migrate

seed: ## Load demo data into DATABASE_URL (default ./data/setubashi.db)
	mkdir -p data
	$(GO) run $(CMD) seed

clean: ## Remove build output and coverage files (keeps ./data and bin/golangci-lint)
	rm -f $(BINARY) coverage.out coverage.html *.coverprofile
	@if [ -d frontend/dist ]; then find frontend/dist -mindepth 1 -not -name .gitkeep -delete; fi
