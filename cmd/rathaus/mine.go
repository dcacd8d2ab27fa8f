package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"rathaus/internal/eventlog"
	"rathaus/internal/mining"
	"rathaus/internal/workshop"
)

// runMine is the process workshop for analysts and scripts:
//
//	rathaus mine stats FILE                      key figures as JSON
//	rathaus mine export --format xes|ocel|ocel-xml|csv [-o OUT] FILE
//
// FILE is XES (plain or gzipped), CSV (columns detected), or OCEL 2.0
// (JSON or XML, flattened on --object-type); "-" reads standard input.
func runMine(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("mine: want stats or export")
	}
	fs := flag.NewFlagSet("mine "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "xes", "export format: xes, ocel (OCEL 2.0 JSON), ocel-xml or csv")
	out := fs.String("o", "-", "output file; - for standard output")
	objectType := fs.String("object-type", "", "OCEL input: the object type whose objects are the cases (default: the type with the most events)")
	strict := fs.Bool("strict", false, "XES input: check the file against the IEEE 1849 schema's rules")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("mine %s: want exactly one input file", args[0])
	}
	l, err := readLog(fs.Arg(0), stdin, *objectType, *strict)
	if err != nil {
		return err
	}
	switch args[0] {
	case "stats":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(mineStats(l))
	case "export":
		return writeFile(*out, stdout, func(w io.Writer) error { return exportLog(w, l, *format) })
	}
	return fmt.Errorf("mine: unknown subcommand %q (want stats or export)", args[0])
}

// stats are the figures `rathaus mine stats` prints.
type stats struct {
	Cases               int                    `json:"cases"`
	Events              int                    `json:"events"`
	Activities          int                    `json:"activities"`
	Variants            int                    `json:"variants"`
	DFGEdges            int                    `json:"dfg_edges"`
	DFGPairs            int                    `json:"dfg_pairs"`
	MedianCaseDurationS float64                `json:"median_case_duration_s"`
	MeanCaseDurationS   float64                `json:"mean_case_duration_s"`
	CaseDuration        mining.Dist            `json:"case_duration_s"`
	StartActivities     []mining.ActivityCount `json:"start_activities"`
	EndActivities       []mining.ActivityCount `json:"end_activities"`
	TopVariants         []variantOut           `json:"top_variants"`
	ActivityCounts      map[string]int         `json:"activity_counts"`
}

type variantOut struct {
	Count int      `json:"count"`
	Trace []string `json:"trace"`
}

func mineStats(l *eventlog.Log) stats {
	o, g, vs := mining.Stats(l), mining.DFG(l), mining.Variants(l)
	s := stats{Cases: o.Cases, Events: o.Events, Activities: o.Activities, Variants: o.Variants,
		DFGEdges: len(g.Edges), DFGPairs: g.Pairs, MedianCaseDurationS: o.Duration.Median,
		MeanCaseDurationS: o.Duration.Mean, CaseDuration: o.Duration, StartActivities: o.StartActivities,
		EndActivities: o.EndActivities, ActivityCounts: map[string]int{}}
	for _, n := range g.Nodes {
		s.ActivityCounts[n.Activity] = n.Events
	}
	for _, v := range vs[:min(10, len(vs))] {
		tr := make([]string, len(v.Activities))
		for i, a := range v.Activities {
			tr[i] = l.Activities[a]
		}
		s.TopVariants = append(s.TopVariants, variantOut{Count: v.Count, Trace: tr})
	}
	return s
}

// readLog reads any supported format, detected from the name and content.
func readLog(name string, stdin io.Reader, objectType string, strict bool) (*eventlog.Log, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, 1<<20)
	head, _ := br.Peek(4096)
	format := workshop.DetectFormat(name, head)
	if format != workshop.FormatXES && len(head) > 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		br = bufio.NewReaderSize(zr, 1<<20)
	}
	var l *eventlog.Log
	var rep *eventlog.ImportReport
	var err error
	switch format {
	case workshop.FormatXES:
		l, rep, err = eventlog.ReadXES(br, eventlog.XESOptions{Strict: strict})
	case workshop.FormatCSV:
		l, rep, err = readCSV(br)
	case workshop.FormatOCELJSON, workshop.FormatOCELXML:
		l, err = readOCEL(br, format, objectType)
	default:
		err = fmt.Errorf("%s: unknown format (want XES, CSV or OCEL 2.0)", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if rep != nil && len(rep.Warnings) > 0 {
		fmt.Fprintf(os.Stderr, "%s: %d warnings, first: %s\n", name, len(rep.Warnings), rep.Warnings[0])
	}
	return l, nil
}

func readCSV(br *bufio.Reader) (*eventlog.Log, *eventlog.ImportReport, error) {
	head, _ := br.Peek(64 << 10)
	header, _, err := eventlog.ReadCSVHeader(strings.NewReader(string(head)))
	if err != nil {
		return nil, nil, err
	}
	return eventlog.ReadCSV(br, eventlog.DetectCSVMapping(header))
}

func readOCEL(r io.Reader, format, objectType string) (*eventlog.Log, error) {
	read := eventlog.ReadOCELJSON
	if format == workshop.FormatOCELXML {
		read = eventlog.ReadOCELXML
	}
	o, err := read(r)
	if err != nil {
		return nil, err
	}
	if objectType == "" {
		objectType = workshop.DefaultObjectType(o)
	}
	return o.Flatten(objectType), nil
}

func exportLog(w io.Writer, l *eventlog.Log, format string) error {
	switch format {
	case "xes":
		return eventlog.WriteXES(w, l)
	case "csv":
		return eventlog.WriteCSV(w, l)
	case "ocel", "ocel-json":
		return eventlog.WriteOCELJSON(w, eventlog.FromLog(l, "case"))
	case "ocel-xml":
		return eventlog.WriteOCELXML(w, eventlog.FromLog(l, "case"))
	}
	return fmt.Errorf("unknown export format %q (want xes, ocel, ocel-xml or csv)", format)
}

// writeFile writes to path ("-" for out) through fn, replacing the file
// only when fn succeeds.
func writeFile(path string, out io.Writer, fn func(io.Writer) error) error {
	if path == "-" {
		bw := bufio.NewWriterSize(out, 1<<20)
		if err := fn(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(dirOf(path), ".rathaus-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := fn(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func dirOf(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[:i+1]
	}
	return "."
}
