// Package e2e holds the end-to-end tests: the real product (stores on
// SQLite and PostgreSQL, mail over SMTP, the job runner, the web server)
// driven by headless Chromium, with axe-core on every page reached.
//
// `go test ./internal/e2e -run TestShell -update` also writes
// docs/screenshot.png, the home page shown in the README.
package e2e
