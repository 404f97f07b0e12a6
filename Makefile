# The two commands a newcomer needs: `make run` and `make test`.
GO        ?= go
ADDR      ?= 127.0.0.1:8000
WASM_FLAGS = -trimpath -ldflags="-s -w"

.PHONY: all build wasm server run test vet unit browser-deps browser clean

all: build

build: wasm server
	./bin/server -precompress web data/report.json

wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm ./cmd/wasm

server:
	$(GO) build -o bin/server ./cmd/server

run: build
	./bin/server -addr $(ADDR)

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/wasm

unit:
	$(GO) test $$($(GO) list ./app/... ./cmd/... | grep -v /e2e)

# Headless Chromium from Debian and a CJK font, installed when missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'cjk' || { \
	  echo "installing chromium and fonts-noto-cjk with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

browser: build browser-deps
	$(GO) test -count=1 ./e2e/...

test: vet unit browser

clean:
	rm -rf bin dist web/app.wasm web/*.br web/*.gz
