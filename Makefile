# The commands of the README. `make test` is also what CI runs (.ci/run).

.PHONY: test demo build

# Every test, with PostgreSQL and browser suites required to run: installs
# Chromium and axe-core when missing, starts PostgreSQL, uses a fresh database.
test:
	scripts/test.sh

# The full product on an embedded SQLite file with the demo city.
demo:
	go run ./cmd/rathaus demo

build:
	go build -o rathaus ./cmd/rathaus
