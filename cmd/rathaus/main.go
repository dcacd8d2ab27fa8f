// Command rathaus is the digital city hall: one binary that serves the
// web application and the JSON API, runs background jobs, and administers
// the database.
//
//	rathaus demo      run the demo city on an embedded SQLite file
//	rathaus serve     run in production (configuration from the environment)
//	rathaus migrate   apply database migrations
//	rathaus user      create, grant roles to and disable accounts
//	rathaus org       create and list organisation nodes
//	rathaus import    import a catalogue (DLDB or rathaus' own format)
//	rathaus export    export a catalogue in rathaus' own format
//	rathaus mine      event-log statistics and conversion (process mining)
//	rathaus route     evaluate the routing classifier on labelled texts
//	rathaus version   print the version
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return // the flag package printed the usage
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rathaus:", err)
		os.Exit(exitCode(err))
	}
}

// run is main without the process: testable with arguments, environment
// and output of the test's choosing.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		usage(stderr)
		return fmt.Errorf("missing command")
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "demo", "serve":
		return runServer(ctx, cmd, rest, getenv, stdout, stderr)
	case "migrate":
		return runMigrate(ctx, rest, getenv, stdout, stderr)
	case "user":
		return runUser(ctx, rest, getenv, stdout, stderr)
	case "org":
		return runOrg(ctx, rest, getenv, stdout, stderr)
	case "import":
		return runImport(ctx, rest, getenv, stdout, stderr)
	case "export":
		return runExport(ctx, rest, getenv, stdout, stderr)
	case "mine":
		return runMine(rest, os.Stdin, stdout, stderr)
	case "route":
		return runRoute(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "rathaus", Version())
		return nil
	case "help", "-h", "--help":
		usage(stdout)
		return nil
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", cmd)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Usage: rathaus COMMAND [flags]

Commands:
  demo      run the demo city on ./rathaus-demo.db (SQLite), seeded on first start
  serve     run in production; configuration from RATHAUS_* variables and flags
  migrate   apply pending database migrations
  user create --email E --name N [--password P] [--admin]
  user role --email E --role ROLE --org SLUG [--revoke]
  user disable --email E [--enable]
  org create --slug S --name N --kind group|organisation|department|unit [--parent SLUG]
  org list  print the organisation tree
  import dldb --services FILE [--locations FILE] [--topics FILE] [--source NAME]
            import a DLDB export (Berlin, Munich); again with the same files changes nothing
  import catalog FILE|-   import a catalogue in rathaus' own format
  export catalog [--source S] [FILE|-]   export the published services of a source
  mine stats FILE   key figures of an event log (XES, XES.gz, CSV, OCEL 2.0) as JSON
  mine export --format xes|ocel|ocel-xml|csv [-o OUT] FILE   convert an event log
  route eval --data FILE.tsv --text-column N --label-column N [--folds 5] [--seed 1]
            cross-validate the routing classifier; accuracy and macro-F1 as JSON
  version   print the version

Run "rathaus COMMAND --help" for the flags of a command.
`)
}

// Version returns the build's version: the -X value, else the module or
// VCS revision recorded by the Go toolchain.
func Version() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
