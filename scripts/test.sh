#!/usr/bin/env bash
# Runs every rathaus test with everything the tests need, installing and
# starting what is missing: Debian's Chromium, axe-core from npm and a fresh
# PostgreSQL database. Unlike plain `go test ./...`, which skips the
# PostgreSQL and browser suites when they are absent, this fails instead.
# Tests start their SMTP server themselves (internal/mail/smtptest).
#
# Safe to run again: steps already done are skipped. Arguments are package
# patterns (default ./...), e.g. scripts/test.sh ./internal/browsertest/...
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=127.0.0.1
PG_PORT=5432
GO_TEST_TIMEOUT=${GO_TEST_TIMEOUT:-20m}

step() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'scripts/test.sh: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# apt_install installs Debian packages, refreshing the package lists only
# when the install fails without them (on a fresh machine).
apt_install() {
	export DEBIAN_FRONTEND=noninteractive
	if ! as_root apt-get install -y -q "$@"; then
		as_root apt-get update -q
		as_root apt-get install -y -q "$@"
	fi
}

ensure_go() {
	command -v go >/dev/null || export PATH="$PATH:/usr/local/go/bin"
	command -v go >/dev/null || die "Go is not installed (need the version in go.mod)"
}

ensure_chromium() {
	if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
		return
	fi
	step "installing Chromium from Debian"
	apt_install chromium chromium-driver
	[ -x /usr/bin/chromium ] || die "Chromium is still missing after apt-get install"
}

# ensure_axe installs the npm test helpers unless the locked versions are
# already in node_modules.
ensure_axe() {
	command -v npm >/dev/null || { step "installing Node.js and npm from Debian"; apt_install nodejs npm; }
	local want have
	want=$(node -p 'require("./package-lock.json").packages["node_modules/axe-core"].version')
	have=$(node -p 'try { require("./node_modules/axe-core/package.json").version } catch { "" }')
	if [ "$want" = "$have" ] && [ -f node_modules/axe-core/axe.min.js ]; then
		return
	fi
	step "installing axe-core $want (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error
}

ensure_postgres() {
	command -v pg_isready >/dev/null || die "PostgreSQL is not installed (need a server on $PG_HOST:$PG_PORT)"
	if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
		return
	fi
	step "starting PostgreSQL"
	local version
	version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
	[ -n "$version" ] || die "no PostgreSQL cluster in /etc/postgresql"
	as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
		die "could not start PostgreSQL $version (pg_ctlcluster failed)"
	for _ in $(seq 30); do
		pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && return
		sleep 1
	done
	die "PostgreSQL did not accept connections on $PG_HOST:$PG_PORT within 30s"
}

psql_admin() {
	psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres "$@"
}

# create_database makes a fresh database for this run and drops it on exit.
create_database() {
	TEST_DB="rathaus_test_$(date +%s)_$$"
	psql_admin -c "CREATE DATABASE $TEST_DB" || die "could not create database $TEST_DB"
	trap 'psql_admin -c "DROP DATABASE IF EXISTS $TEST_DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
}

main() {
	local start=$SECONDS
	ensure_go
	ensure_chromium
	ensure_axe
	ensure_postgres
	create_database

	export RATHAUS_TEST_POSTGRES="postgres://postgres@$PG_HOST:$PG_PORT/$TEST_DB?sslmode=disable"
	export RATHAUS_REQUIRE_POSTGRES=1
	export RATHAUS_REQUIRE_BROWSER=1
	step "test database $TEST_DB; browser $(/usr/bin/chromium --version 2>/dev/null || echo '?')"

	step "gofmt"
	local unformatted
	unformatted=$(find . -name '*.go' -not -path './node_modules/*' -not -path './.git/*' -exec gofmt -l {} +)
	[ -z "$unformatted" ] || die "these files need gofmt -w: $unformatted"

	step "go vet $*"
	go vet "$@"

	step "go test -count=1 -timeout $GO_TEST_TIMEOUT $*"
	go test -count=1 -timeout "$GO_TEST_TIMEOUT" "$@"

	step "all tests passed in $((SECONDS - start))s"
}

if [ $# -eq 0 ]; then
	set -- ./...
fi
main "$@"
