package form

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"rathaus/internal/fault"
)

// minimal returns a small valid form to break in tests.
func minimal() *Form {
	return &Form{
		ServiceID: 1, Version: 1, Status: StatusDraft, Title: Text{"de": "Antrag"},
		Pages: []Page{
			{ID: "start", Title: Text{"de": "Start"}, Questions: []Question{
				{ID: "kind", Type: TypeChoice, Label: Text{"de": "Art"}, Options: []Option{
					{Value: "a", Label: Text{"de": "A"}}, {Value: "b", Label: Text{"de": "B"}}}},
				{ID: "n", Type: TypeNumber, Label: Text{"de": "Anzahl"}},
			}},
			{ID: "more", Title: Text{"de": "Mehr"}, Questions: []Question{
				{ID: "note", Type: TypeText, Label: Text{"de": "Notiz"}},
			}},
		},
	}
}

func TestCheckAcceptsValid(t *testing.T) {
	if err := minimal().Check(); err != nil {
		t.Fatalf("%v %q", err, fieldKeys(err))
	}
}

func TestCheckErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(f *Form)
		want   string
	}{
		{"no title", func(f *Form) { f.Title = Text{"en": "Application"} }, "title=error.form.def.title"},
		{"status", func(f *Form) { f.Status = "live" }, "status=error.form.def.status"},
		{"version", func(f *Form) { f.Version = 0 }, "version=error.form.def.version"},
		{"no pages", func(f *Form) { f.Pages = nil }, "pages=error.form.def.pages"},
		{"page id syntax", func(f *Form) { f.Pages[1].ID = "Mehr Infos" }, "pages.1=error.form.def.id"},
		{"question id syntax", func(f *Form) { f.Pages[1].Questions[0].ID = "1note" }, "pages.1.questions.0=error.form.def.id"},
		{"duplicate question", func(f *Form) { f.Pages[1].Questions[0].ID = "kind" }, "pages.1.questions.0=error.form.def.duplicate"},
		{"page and question share ids", func(f *Form) { f.Pages[1].ID = "n" }, "pages.1=error.form.def.duplicate"},
		{"page title", func(f *Form) { f.Pages[0].Title = nil }, "pages.0.title=error.form.def.label"},
		{"empty page", func(f *Form) { f.Pages[1].Questions = nil }, "pages.1=error.form.def.no_questions"},
		{"label", func(f *Form) { f.Pages[0].Questions[1].Label = Text{"en": "Count"} }, "pages.0.questions.1.label=error.form.def.label"},
		{"type", func(f *Form) { f.Pages[0].Questions[1].Type = "slider" }, "pages.0.questions.1.type=error.form.def.type"},
		{"choice needs two options", func(f *Form) { f.Pages[0].Questions[0].Options = f.Pages[0].Questions[0].Options[:1] }, "pages.0.questions.0.options=error.form.def.options"},
		{"duplicate option", func(f *Form) { f.Pages[0].Questions[0].Options[1].Value = "a" }, "pages.0.questions.0.options=error.form.def.option"},
		{"option label", func(f *Form) { f.Pages[0].Questions[0].Options[1].Label = nil }, "pages.0.questions.0.options=error.form.def.option"},
		{"options on text", func(f *Form) { f.Pages[1].Questions[0].Options = []Option{{Value: "x", Label: Text{"de": "X"}}} }, "pages.1.questions.0.options=error.form.def.options_unused"},
		{"bad regexp", func(f *Form) { f.Pages[1].Questions[0].Pattern = "([a-z" }, "pages.1.questions.0.pattern=error.form.def.pattern"},
		{"min above max", func(f *Form) { f.Pages[0].Questions[1].Min, f.Pages[0].Questions[1].Max = "10", "2" }, "pages.0.questions.1=error.form.def.limits"},
		{"min not a number", func(f *Form) { f.Pages[0].Questions[1].Min = "viele" }, "pages.0.questions.1=error.form.def.limits"},
		{"length", func(f *Form) { f.Pages[1].Questions[0].MinLength, f.Pages[1].Questions[0].MaxLength = 5, 3 }, "pages.1.questions.0=error.form.def.limits"},
		{"huge max length", func(f *Form) { f.Pages[1].Questions[0].MaxLength = 1 << 20 }, "pages.1.questions.0=error.form.def.limits"},
		{"date range empty", func(f *Form) { f.Pages[1].Questions[0].MinDate, f.Pages[1].Questions[0].MaxDate = "today", "-1d" }, "pages.1.questions.0=error.form.def.limits"},
		{"date bound", func(f *Form) { f.Pages[1].Questions[0].MaxDate = "tomorrow" }, "pages.1.questions.0=error.form.def.limits"},
		{"file type", func(f *Form) { f.Pages[1].Questions[0].AllowedTypes = []string{"text/html"} }, "pages.1.questions.0=error.form.def.limits"},
		{"file size", func(f *Form) { f.Pages[1].Questions[0].MaxBytes = 1 << 30 }, "pages.1.questions.0=error.form.def.limits"},
		{"prefill type", func(f *Form) { f.Pages[0].Questions[1].Prefill = PrefillEmail }, "pages.0.questions.1.prefill=error.form.def.prefill"},
		{"prefill unknown", func(f *Form) { f.Pages[1].Questions[0].Prefill = "profile.income" }, "pages.1.questions.0.prefill=error.form.def.prefill"},
		{"condition unknown question", func(f *Form) { f.Pages[1].ShowIf = &Condition{Question: "nope", Op: OpAnswered} }, "pages.1.show_if=error.form.def.condition_ref"},
		{"condition forward ref", func(f *Form) { f.Pages[0].ShowIf = &Condition{Question: "note", Op: OpAnswered} }, "pages.0.show_if=error.form.def.condition_ref"},
		{"condition own page", func(f *Form) { f.Pages[1].ShowIf = &Condition{Question: "note", Op: OpAnswered} }, "pages.1.show_if=error.form.def.condition_ref"},
		{"condition nested forward ref", func(f *Form) {
			f.Pages[1].ShowIf = &Condition{Any: []Condition{{Question: "kind", Op: OpEquals, Value: "a"}, {Question: "note", Op: OpAnswered}}}
		}, "pages.1.show_if=error.form.def.condition_ref"},
		{"condition op", func(f *Form) { f.Pages[1].ShowIf = &Condition{Question: "kind", Op: "like"} }, "pages.1.show_if=error.form.def.condition_op"},
		{"condition value", func(f *Form) { f.Pages[1].ShowIf = &Condition{Question: "kind", Op: OpEquals} }, "pages.1.show_if=error.form.def.condition_value"},
		{"condition in", func(f *Form) { f.Pages[1].ShowIf = &Condition{Question: "kind", Op: OpIn} }, "pages.1.show_if=error.form.def.condition_value"},
		{"gt on choice", func(f *Form) { f.Pages[1].ShowIf = &Condition{Question: "kind", Op: OpGT, Value: "1"} }, "pages.1.show_if=error.form.def.condition_value"},
		{"gt not a number", func(f *Form) { f.Pages[1].ShowIf = &Condition{Question: "n", Op: OpGT, Value: "x"} }, "pages.1.show_if=error.form.def.condition_value"},
		{"mixed condition", func(f *Form) {
			f.Pages[1].ShowIf = &Condition{Question: "kind", Op: OpAnswered, All: []Condition{{Question: "n", Op: OpAnswered}}}
		}, "pages.1.show_if=error.form.def.condition_op"},
		{"negative fee", func(f *Form) { f.Fee = &Fee{BaseCents: -1} }, "fee=error.form.def.fee"},
		{"per unit of text", func(f *Form) { f.Fee = &Fee{PerUnit: &PerUnit{Question: "note", Cents: 100}} }, "fee=error.form.def.fee"},
		{"surcharge ref", func(f *Form) {
			f.Fee = &Fee{Surcharges: []Surcharge{{If: Condition{Question: "nope", Op: OpAnswered}, Cents: 5}}}
		}, "fee.surcharges.0=error.form.def.condition_ref"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := minimal()
			tc.mutate(f)
			err := f.Check()
			if !fault.Is(err, fault.Invalid) {
				t.Fatalf("got %v, want Invalid", err)
			}
			got := fieldKeys(err)
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("got %q, want [%s]", got, tc.want)
			}
		})
	}
}

func TestCheckAcceptsValidConditionsAndFee(t *testing.T) {
	f := minimal()
	f.Pages[1].ShowIf = &Condition{All: []Condition{
		{Question: "kind", Op: OpIn, Values: []string{"a", "b"}},
		{Any: []Condition{{Question: "n", Op: OpGT, Value: "2,5"}, {Question: "n", Op: OpNotAnswered}}},
	}}
	f.Fee = &Fee{BaseCents: 500, PerUnit: &PerUnit{Question: "n", Cents: 100},
		Surcharges: []Surcharge{{If: Condition{Question: "note", Op: OpAnswered}, Cents: -100}}}
	if err := f.Check(); err != nil {
		t.Fatalf("%q", fieldKeys(err))
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	for _, name := range []string{"anwohnerparken.json", "hund.json"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		f := load(t, name)
		out, err := Export(f)
		if err != nil {
			t.Fatal(err)
		}
		// The export is stable: the demo files are exactly what Export writes.
		if !bytes.Equal(out, b) {
			t.Errorf("%s: export differs from the file:\n%s", name, out)
		}
		g, err := Import(out)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(f, g) {
			t.Errorf("%s: round trip changed the form:\n%+v\n%+v", name, f, g)
		}
	}
}

func TestImportRejects(t *testing.T) {
	good, err := Export(minimal())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(good); err != nil {
		t.Fatalf("good: %v", err)
	}
	for name, tc := range map[string]struct{ in, key string }{
		"unknown field":        {strings.Replace(string(good), `"version": 1,`, `"version": 1, "colour": "blue",`, 1), "error.form.import_json"},
		"unknown nested field": {strings.Replace(string(good), `"type": "number",`, `"type": "number", "step": 2,`, 1), "error.form.import_json"},
		"other format":         {strings.Replace(string(good), "rathaus-form/1", "rathaus-form/2", 1), "error.form.import_format"},
		"no form":              {`{"format": "rathaus-form/1"}`, "error.form.import_json"},
		"not json":             {"<form/>", "error.form.import_json"},
		"trailing data":        {string(good) + "{}", "error.form.import_json"},
		"invalid definition":   {strings.Replace(string(good), `"id": "more"`, `"id": "start"`, 1), "error.form_invalid"},
	} {
		_, err := Import([]byte(tc.in))
		if !fault.Is(err, fault.Invalid) || fault.As(err).Key != tc.key {
			t.Errorf("%s: got %v, want %s", name, err, tc.key)
		}
	}
}

func TestVersions(t *testing.T) {
	f := minimal()
	if err := f.Publish(time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if f.Editable() || !fault.Is(f.CheckEditable(), fault.Conflict) {
		t.Error("a published form is editable")
	}
	if err := f.Publish(time.Now()); !fault.Is(err, fault.Conflict) {
		t.Errorf("publish twice: %v", err)
	}
	g := f.NextVersion(time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	if g.Version != 2 || g.Status != StatusDraft || !g.Editable() {
		t.Errorf("next version: %d %s", g.Version, g.Status)
	}
	// Editing the new draft leaves the published version untouched.
	g.Pages[0].Questions[0].Label["de"] = "Geändert"
	g.Pages[0].Questions[0].Options[0].Value = "z"
	if f.Pages[0].Questions[0].Label["de"] != "Art" || f.Pages[0].Questions[0].Options[0].Value != "a" || f.Version != 1 {
		t.Error("editing the next version changed the published one")
	}
	bad := minimal()
	bad.Title = nil
	if err := bad.Publish(time.Now()); !fault.Is(err, fault.Invalid) || bad.Status != StatusDraft {
		t.Errorf("publishing an invalid form: %v %s", err, bad.Status)
	}
}
