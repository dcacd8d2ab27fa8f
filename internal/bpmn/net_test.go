package bpmn

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestNetRunningExample(t *testing.T) {
	m, _ := parseFile(t, refFiles(t, "pm4py/running-example.bpmn")[0])
	n, err := m.Net()
	if err != nil {
		t.Fatal(err)
	}
	good := [][]string{
		{"register request", "examine casually", "check ticket", "decide", "reject request"},
		{"register request", "check ticket", "examine thoroughly", "decide", "pay compensation"},
		{"register request", "examine casually", "check ticket", "decide", "reinitiate request",
			"check ticket", "examine thoroughly", "decide", "pay compensation"},
	}
	for _, tr := range good {
		if !accepts(n, tr) {
			t.Errorf("running example rejects %s", strings.Join(tr, ", "))
		}
	}
	bad := [][]string{
		{"register request", "decide", "reject request"},
		{"register request", "examine casually", "examine thoroughly", "check ticket", "decide", "reject request"},
		{"register request", "examine casually", "check ticket", "decide"},
	}
	for _, tr := range bad {
		if accepts(n, tr) {
			t.Errorf("running example accepts %s", strings.Join(tr, ", "))
		}
	}
}

func TestNetReferenceModels(t *testing.T) {
	for _, path := range append(refFiles(t, "miwg-reference/*.bpmn"), refFiles(t, "pm4py/*.bpmn")...) {
		m, _ := parseFile(t, path)
		name := filepath.Base(path)
		n, err := m.Net()
		var e *Error
		if errors.As(err, &e) && e.Key == "bpmn.net.several_processes" {
			for _, p := range m.Processes {
				if _, err := p.Net(); err != nil && len(p.Elements) > 0 {
					t.Logf("%s: process %s: %v", name, p.ID, err)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, tr := range n.Transitions {
			if m.Element(tr.Element) == nil {
				t.Errorf("%s: transition for unknown element %q", name, tr.Element)
			}
			for _, p := range append(tr.In, tr.Out...) {
				if p < 0 || p >= n.Places {
					t.Errorf("%s: place %d out of range", name, p)
				}
			}
		}
		startable := false
		for _, tr := range n.Transitions {
			startable = startable || enabled(n.Initial, tr)
		}
		if !startable {
			t.Errorf("%s: nothing can fire in the initial marking", name)
		}
	}
}
