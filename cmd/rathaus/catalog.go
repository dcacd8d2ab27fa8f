package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"rathaus/internal/catalog"
	"rathaus/internal/catalog/dldb"
)

// runImport reads a catalogue into the database: "import dldb" from the
// DLDB exports of Berlin's and Munich's systems, "import catalog" from
// rathaus' own format. Importing the same files again changes nothing.
func runImport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("import: want dldb or catalog")
	}
	sub, rest := args[0], args[1:]
	fs := flag.NewFlagSet("rathaus import "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "SQLite file path or postgres:// URL ($RATHAUS_DATABASE_URL)")
	services := fs.String("services", "", "DLDB services export (dldb)")
	locations := fs.String("locations", "", "DLDB locations export: the offices (dldb, optional)")
	topics := fs.String("topics", "", "DLDB topics export: root topics become life situations (dldb, optional)")
	source := fs.String("source", "dldb", `source name of the services, e.g. "dldb:muenchen" (dldb)`)
	files, err := parseInterleaved(fs, rest)
	if err != nil {
		return err
	}
	var b *catalog.Bundle
	switch sub {
	case "dldb":
		if len(files) > 0 {
			return fmt.Errorf("import dldb: unexpected argument %q; name files with --services and --locations", files[0])
		}
		b, err = readDLDB(*services, *locations, *topics, *source)
	case "catalog":
		if len(files) != 1 {
			return fmt.Errorf("import catalog: want one FILE (or - for standard input)")
		}
		b, err = readBundle(files[0])
	default:
		return fmt.Errorf("import: unknown subcommand %q", sub)
	}
	if err != nil {
		return err
	}
	return importBundle(ctx, b, dbArgs(*db), getenv, stdout, stderr)
}

func importBundle(ctx context.Context, b *catalog.Bundle, cfgArgs []string, getenv func(string) string, stdout, stderr io.Writer) error {
	a, err := openFor(ctx, "import", cfgArgs, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	rep, err := a.catalog.Import(ctx, b)
	if err != nil {
		return describe(a, err)
	}
	fmt.Fprintf(stdout, "imported %q: services %d created, %d updated, %d unchanged; offices %d created, %d updated, %d unchanged; %d life situations saved\n",
		b.Source, rep.ServicesCreated, rep.ServicesUpdated, rep.ServicesUnchanged,
		rep.OfficesCreated, rep.OfficesUpdated, rep.OfficesUnchanged, rep.LifeSituations)
	return nil
}

// readDLDB parses DLDB export files; only the services file is required.
func readDLDB(services, locations, topics, source string) (*catalog.Bundle, error) {
	if services == "" {
		return nil, fmt.Errorf("import dldb: --services FILE is required")
	}
	in := dldb.Input{Source: source}
	for _, f := range []struct {
		name string
		into *io.Reader
	}{{services, &in.Services}, {locations, &in.Locations}, {topics, &in.Topics}} {
		if f.name == "" {
			continue
		}
		file, err := os.Open(f.name)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		*f.into = file
	}
	return dldb.Parse(in)
}

// readBundle reads rathaus' own format from a file or, for "-", stdin.
func readBundle(name string) (*catalog.Bundle, error) {
	r := io.Reader(os.Stdin)
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	var b catalog.Bundle
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: not a rathaus catalogue: %w", name, err)
	}
	return &b, nil
}

// runExport writes the published services of one source, with their
// offices and the life situations, in rathaus' own format.
func runExport(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "catalog" {
		return fmt.Errorf("export: want catalog")
	}
	fs := flag.NewFlagSet("rathaus export catalog", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "SQLite file path or postgres:// URL ($RATHAUS_DATABASE_URL)")
	source := fs.String("source", "", `source to export, e.g. "dldb:muenchen"; empty: the services written here`)
	files, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return err
	}
	if len(files) > 1 {
		return fmt.Errorf("export catalog: want at most one FILE")
	}
	a, err := openFor(ctx, "export", dbArgs(*db), getenv, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	b, err := a.catalog.Export(ctx, *source)
	if err != nil {
		return err
	}
	out, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	out = append(out, '\n')
	if len(files) == 0 || files[0] == "-" {
		_, err = stdout.Write(out)
		return err
	}
	if err := os.WriteFile(files[0], out, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "exported %d services, %d offices and %d life situations of source %q to %s\n",
		len(b.Services), len(b.Offices), len(b.LifeSituations), b.Source, files[0])
	return nil
}

// parseInterleaved parses flags that may come before or after the
// positional arguments, which it returns.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func dbArgs(db string) []string {
	if strings.TrimSpace(db) == "" {
		return nil
	}
	return []string{"--db", db}
}
