package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"rathaus/internal/route"
)

// usageError is a command line the program cannot act on (a missing or
// bad flag); it exits with status 2, as flag parsing does by convention.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// exitCode is the process status for an error run returned.
func exitCode(err error) int {
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// runRoute evaluates the routing classifier for analysts:
//
//	rathaus route eval --data FILE.tsv --text-column N --label-column N [--folds 5] [--seed 1]
//
// It prints the stratified cross-validation's figures as JSON.
func runRoute(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "eval" {
		return usageError{errors.New("route: want eval (rathaus route eval --data FILE.tsv --text-column N --label-column N)")}
	}
	fs := flag.NewFlagSet("route eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "tab-separated examples; the first line is a header")
	textCol := fs.Int("text-column", 0, "column of the text, counted from 1")
	labelCol := fs.Int("label-column", 0, "column of the label, counted from 1")
	folds := fs.Int("folds", 5, "number of cross-validation folds (at least 2)")
	seed := fs.Int64("seed", 1, "seed of the fold assignment")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError{err}
	}
	if err := checkRouteFlags(fs.NArg(), *data, *textCol, *labelCol, *folds); err != nil {
		return usageError{err}
	}
	f, err := os.Open(*data)
	if err != nil {
		return fmt.Errorf("route eval: %w", err)
	}
	defer f.Close()
	ex, err := route.ReadTSV(f, *textCol, *labelCol)
	if err != nil {
		return fmt.Errorf("route eval: %s: %w", *data, err)
	}
	if len(ex) == 0 {
		return fmt.Errorf("route eval: %s has no row with both a text and a label", *data)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(route.CrossValidate(ex, *folds, *seed, route.Options{}))
}

func checkRouteFlags(extra int, data string, textCol, labelCol, folds int) error {
	switch {
	case extra > 0:
		return errors.New("route eval: unexpected arguments; the file goes in --data")
	case data == "":
		return errors.New("route eval: --data FILE.tsv is required")
	case textCol < 1 || labelCol < 1:
		return errors.New("route eval: --text-column and --label-column are required and count from 1")
	case textCol == labelCol:
		return errors.New("route eval: --text-column and --label-column must differ")
	case folds < 2:
		return fmt.Errorf("route eval: --folds %d, want at least 2", folds)
	}
	return nil
}
