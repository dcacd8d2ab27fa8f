#!/usr/bin/env bash
# Runs every rathaus test with everything the tests need, installing and
# starting what is missing: Debian's Chromium, xmllint, pdftoppm and zbarimg, axe-core from npm, a fresh
# PostgreSQL database and an S3 server (versitygw, built with go install).
# Unlike plain `go test ./...`, which skips the PostgreSQL, S3 and browser
# suites when they are absent, this fails instead.
# Tests start their SMTP server themselves (internal/mail/smtptest).
#
# Safe to run again: steps already done are skipped. Arguments are package
# patterns (default ./...), e.g. scripts/test.sh ./internal/browsertest/...
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=127.0.0.1
PG_PORT=5432
GO_TEST_TIMEOUT=${GO_TEST_TIMEOUT:-28m}
VERSITYGW_VERSION=v1.8.0

step() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'scripts/test.sh: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# on_exit runs its argument (a command line) when the script ends, after
# the ones registered before it.
EXIT_HOOKS=()
on_exit() { EXIT_HOOKS+=("$1"); }
run_exit_hooks() { for hook in "${EXIT_HOOKS[@]}"; do eval "$hook" || true; done; }
trap run_exit_hooks EXIT

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

# ensure_xmllint installs xmllint, which the XES and BPMN tests use to
# validate their output against the XML schemas.
ensure_xmllint() {
	if [ -x /usr/bin/xmllint ]; then
		return
	fi
	step "installing xmllint (libxml2-utils) from Debian"
	apt_install libxml2-utils
	[ -x /usr/bin/xmllint ] || die "xmllint is still missing after apt-get install"
}

# ensure_qrtools installs pdftoppm and zbarimg, with which the poster tests
# rasterise a PDF and decode its QR code.
ensure_qrtools() {
	if [ -x /usr/bin/pdftoppm ] && [ -x /usr/bin/zbarimg ]; then
		return
	fi
	step "installing pdftoppm (poppler-utils) and zbarimg (zbar-tools) from Debian"
	apt_install poppler-utils zbar-tools
	[ -x /usr/bin/pdftoppm ] && [ -x /usr/bin/zbarimg ] || die "pdftoppm or zbarimg is still missing after apt-get install"
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
	on_exit 'psql_admin -c "DROP DATABASE IF EXISTS $TEST_DB WITH (FORCE)" >/dev/null 2>&1'
}

# ensure_versitygw installs the S3 server versitygw at VERSITYGW_VERSION
# into GOBIN (GOPATH/bin by default) unless that version is already there.
ensure_versitygw() {
	local gobin
	gobin=$(go env GOBIN)
	[ -n "$gobin" ] || gobin="$(go env GOPATH)/bin"
	VERSITYGW="$gobin/versitygw"
	if [ -x "$VERSITYGW" ] &&
		go version -m "$VERSITYGW" 2>/dev/null | grep -q "mod[[:space:]]*github.com/versity/versitygw[[:space:]]*$VERSITYGW_VERSION"; then
		return
	fi
	step "installing versitygw $VERSITYGW_VERSION (go install; 2-3 minutes on a fresh machine)"
	GOBIN="$gobin" go install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION" ||
		die "could not build versitygw $VERSITYGW_VERSION"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ensure_s3 starts versitygw on a free port over a fresh temporary directory
# (its posix backend keeps buckets as directories), stops it on exit and
# exports its address. Tests create a fresh bucket each
# (internal/filestore/filestoretest).
ensure_s3() {
	ensure_versitygw
	local port dir key secret
	for _ in $(seq 50); do
		port=$((20000 + RANDOM % 20000))
		port_in_use "$port" || break
	done
	dir=$(mktemp -d "${TMPDIR:-/tmp}/rathaus-s3.XXXXXX")
	mkdir "$dir/data"
	key="rathaus$RANDOM"
	secret="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
	step "starting versitygw on 127.0.0.1:$port"
	ROOT_ACCESS_KEY_ID="$key" ROOT_SECRET_ACCESS_KEY="$secret" \
		"$VERSITYGW" --port "127.0.0.1:$port" posix "$dir/data" >"$dir/log" 2>&1 &
	S3_PID=$!
	on_exit "kill $S3_PID 2>/dev/null; wait $S3_PID 2>/dev/null; rm -rf '$dir'"
	for _ in $(seq 100); do
		if port_in_use "$port"; then
			export RATHAUS_TEST_S3="http://$key:$secret@127.0.0.1:$port/rathaus-test"
			export RATHAUS_REQUIRE_S3=1
			return
		fi
		kill -0 "$S3_PID" 2>/dev/null || break
		sleep 0.1
	done
	cat "$dir/log" >&2
	die "versitygw did not listen on 127.0.0.1:$port"
}

main() {
	local start=$SECONDS
	ensure_go
	ensure_chromium
	ensure_xmllint
	ensure_qrtools
	ensure_axe
	ensure_postgres
	create_database
	ensure_s3

	export RATHAUS_TEST_POSTGRES="postgres://postgres@$PG_HOST:$PG_PORT/$TEST_DB?sslmode=disable"
	export RATHAUS_REQUIRE_POSTGRES=1
	export RATHAUS_REQUIRE_BROWSER=1
	export RATHAUS_REQUIRE_XMLLINT=1
	export RATHAUS_REQUIRE_QRTOOLS=1
	step "test database $TEST_DB; S3 server versitygw $VERSITYGW_VERSION; browser $(/usr/bin/chromium --version 2>/dev/null || echo '?')"

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
	# The longest packages first: go test starts packages in the order
	# given (two at a time on two cores), so the web and end-to-end suites
	# (browser tests, minutes each) do not wait for the quick ones.
	set -- ./internal/web ./internal/e2e ./...
fi
main "$@"
