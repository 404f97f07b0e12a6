# The two commands a newcomer needs: `make run` and `make test`.
GO        ?= go
ADDR      ?= 127.0.0.1:8000
# PREFIX is the URL path the static export is served under: empty for the
# root of a host, /REPO for a GitHub Pages project site.
PREFIX    ?=
# BASE_URL is the public address of the export, prefix included
# (https://example.org/aiweekly): pages then carry their og:url.
BASE_URL  ?=
# The browser build takes its module file from cmd/wasmmod: go-app with
# its server half (net/http, and with it Go's HTTP client, server and TLS)
# left out, a fifth of app.wasm.
WASM_MOD   = bin/wasm.mod
WASM_FLAGS = $(WASM_RELEASED_FLAGS) -modfile=$(WASM_MOD)
# The flags without the module file: go-app as released. The benchmark
# builds its floor this way too, for the size of go-app as people ship it.
WASM_RELEASED_FLAGS = -trimpath -ldflags="-s -w"

.PHONY: all build wasm server run static test vet lint unit browser-deps browser clean week

all: build

build: wasm server
	./bin/server -precompress web data/report.json $(wildcard data/weeks)

wasm: $(WASM_MOD)
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm ./cmd/wasm

$(WASM_MOD): go.mod go.sum $(filter-out %_test.go,$(wildcard cmd/wasmmod/*.go)) $(wildcard cmd/wasmmod/_goapp/*.go)
	$(GO) run ./cmd/wasmmod -o bin

server:
	$(GO) build -o bin/server ./cmd/server

run: build
	./bin/server -addr $(ADDR)

# The static site for any static host or CDN: every page prerendered, the
# wasm, the data, the service worker and .br/.gz variants, in dist/.
static: build
	./bin/server -export dist -prefix "$(PREFIX)" -base-url "$(BASE_URL)"

# A new weekly, from its text to the archive: import it (cmd/import),
# validate it with the loader and the schema, and put it in place
# (data/report.json when it is the newest, the week it replaces moved to
# data/weeks/). See README, "Updating the snapshot for a new week".
week:
	@test -n "$(WEEKLY)" || { echo "usage: make week WEEKLY=path/to/weekly.txt" >&2; exit 2; }
	$(GO) run ./cmd/week "$(WEEKLY)"

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/wasm

# staticcheck, pinned in go.mod's tool block, built for this machine and run
# over both builds: the server's and the browser's (GOOS=js GOARCH=wasm).
lint:
	$(GO) build -o bin/staticcheck honnef.co/go/tools/cmd/staticcheck
	./bin/staticcheck ./...
	GOOS=js GOARCH=wasm ./bin/staticcheck ./app/... ./cmd/wasm

unit:
	$(GO) test $$($(GO) list ./app/... ./cmd/... | grep -v /e2e)
	$(GO) test -run '^$$' -fuzz '^FuzzParseQuery$$' -fuzztime 20000x ./app/explore
	$(GO) test -run '^$$' -fuzz '^FuzzAttr$$' -fuzztime 20000x ./app/ui
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 20000x ./app/report
	$(GO) test -run '^$$' -fuzz '^FuzzParseJSON$$' -fuzztime 20000x ./app/report

# Headless Chromium from Debian and a CJK font, installed when missing;
# axe-core, pinned, from npm into bin/axe (the accessibility tests inject
# its axe.min.js), with npm itself from apt-get when missing.
AXE = 4.14.1
browser-deps:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'cjk' || { \
	  echo "installing chromium and fonts-noto-cjk with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }
	@grep -qs '"version": "$(AXE)"' bin/axe/node_modules/axe-core/package.json || { \
	  command -v npm >/dev/null 2>&1 || { echo "installing npm with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }; \
	  echo "installing axe-core@$(AXE) with npm into bin/axe"; \
	  mkdir -p bin/axe && npm i -E --silent --no-audit --no-fund --prefix bin/axe axe-core@$(AXE) >/dev/null; }

browser: build browser-deps
	$(GO) test -count=1 -timeout 40m ./app/e2e/...

test: vet lint unit browser bench-smoke

# The benchmark (bench/, docs/performance.md): the explorer against a
# hello-world go-app app built with the same flags (the floor) and against
# nginx serving the static export. nginx, its brotli_static module, wrk and
# wabt (wasm-objdump) are installed with apt-get when missing; if that fails
# the figures that need them are n/a. Lighthouse is installed from npm,
# pinned, into bench/out/lighthouse (full runs only; if npm fails, its
# figures are n/a). `make bench-smoke` runs it once with small loads and
# without Lighthouse.
.PHONY: bench bench-smoke
BENCH_DEPS = command -v nginx >/dev/null 2>&1 && command -v wrk >/dev/null 2>&1 && \
	  command -v wasm-objdump >/dev/null 2>&1 && \
	  test -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so || { \
	  echo "installing nginx, libnginx-mod-http-brotli-static, wrk and wabt with apt-get"; \
	  apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq nginx libnginx-mod-http-brotli-static wrk wabt >/dev/null; } || \
	  echo "could not install nginx, wrk or wabt: the figures that need them will be n/a"
LIGHTHOUSE = 12.2.3
BENCH_LIGHTHOUSE = test "$$(bench/out/lighthouse/node_modules/.bin/lighthouse --version 2>/dev/null)" = $(LIGHTHOUSE) || { \
	  echo "installing lighthouse@$(LIGHTHOUSE) with npm into bench/out/lighthouse"; \
	  mkdir -p bench/out/lighthouse && \
	  npm i -E --silent --no-audit --no-fund --prefix bench/out/lighthouse lighthouse@$(LIGHTHOUSE) >/dev/null; } || \
	  echo "could not install lighthouse with npm: its figures will be n/a"
BENCH_FLOOR = GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o bench/out/hello/web/app.wasm ./bench/hello && \
	$(GO) build -o bench/out/bin/hello ./bench/hello && \
	./bin/server -precompress bench/out/hello/web && \
	GOOS=js GOARCH=wasm $(GO) build $(WASM_RELEASED_FLAGS) -o bench/out/hello-released/app.wasm ./bench/hello && \
	./bin/server -precompress bench/out/hello-released

bench: build browser-deps
	@$(BENCH_DEPS)
	@$(BENCH_LIGHTHOUSE)
	$(BENCH_FLOOR)
	$(GO) run ./bench/runner

bench-smoke: build browser-deps
	$(GO) test ./bench/...
	@$(BENCH_DEPS)
	$(BENCH_FLOOR)
	$(GO) run ./bench/runner -smoke

clean:
	rm -rf bin dist web/app.wasm web/*.br web/*.gz
