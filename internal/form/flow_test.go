package form

import (
	"slices"
	"testing"
)

func TestConditionEval(t *testing.T) {
	a := Answers{"listed": txt("yes"), "dogs": txt("2.5"), "features": {List: []string{"chip", "shelter"}}}
	for _, tc := range []struct {
		c    Condition
		want bool
	}{
		{Condition{Question: "listed", Op: OpEquals, Value: "yes"}, true},
		{Condition{Question: "listed", Op: OpNotEquals, Value: "yes"}, false},
		{Condition{Question: "listed", Op: OpIn, Values: []string{"no", "yes"}}, true},
		{Condition{Question: "features", Op: OpEquals, Value: "chip"}, true},
		{Condition{Question: "features", Op: OpEquals, Value: "assistance"}, false},
		{Condition{Question: "features", Op: OpIn, Values: []string{"assistance", "shelter"}}, true},
		{Condition{Question: "dogs", Op: OpGT, Value: "2"}, true},
		{Condition{Question: "dogs", Op: OpGT, Value: "2,5"}, false},
		{Condition{Question: "dogs", Op: OpLT, Value: "3"}, true},
		{Condition{Question: "listed", Op: OpGT, Value: "3"}, false}, // not a number
		{Condition{Question: "dog_name", Op: OpAnswered}, false},
		{Condition{Question: "dog_name", Op: OpNotAnswered}, true},
		{Condition{Question: "dog_name", Op: OpNotEquals, Value: "x"}, true},
		{Condition{All: []Condition{{Question: "listed", Op: OpEquals, Value: "yes"}, {Question: "dogs", Op: OpGT, Value: "1"}}}, true},
		{Condition{All: []Condition{{Question: "listed", Op: OpEquals, Value: "yes"}, {Question: "dogs", Op: OpGT, Value: "5"}}}, false},
		{Condition{Any: []Condition{{Question: "listed", Op: OpEquals, Value: "no"}, {Question: "dogs", Op: OpGT, Value: "1"}}}, true},
		{Condition{Any: []Condition{{Question: "listed", Op: OpEquals, Value: "no"}, {Question: "dogs", Op: OpGT, Value: "5"}}}, false},
	} {
		if got := tc.c.Eval(a); got != tc.want {
			t.Errorf("%+v: got %v, want %v", tc.c, got, tc.want)
		}
	}
}

func TestPathSkipsHiddenPages(t *testing.T) {
	f := load(t, "hund.json")
	a := dogAnswers()
	want := []string{"owner", "dog", "payment"}
	if got := f.Path(a); !slices.Equal(got, want) {
		t.Errorf("not listed: path %v, want %v", got, want)
	}
	a["listed"] = txt("yes")
	want = []string{"owner", "dog", "listed_dog", "payment"}
	if got := f.Path(a); !slices.Equal(got, want) {
		t.Errorf("listed: path %v, want %v", got, want)
	}
	// Before the question is answered the extra page is hidden.
	if got := f.Path(Answers{}); !slices.Equal(got, []string{"owner", "dog", "payment"}) {
		t.Errorf("empty: path %v", got)
	}
}

func TestNextPrev(t *testing.T) {
	f := load(t, "hund.json")
	a := dogAnswers()
	steps := func(a Answers) (fw, bw []string) {
		for id := f.Pages[0].ID; id != ""; id = f.Next(id, a) {
			fw = append(fw, id)
		}
		for id := fw[len(fw)-1]; id != ""; id = f.Prev(id, a) {
			bw = append(bw, id)
		}
		return fw, bw
	}
	fw, bw := steps(a)
	if !slices.Equal(fw, []string{"owner", "dog", "payment"}) || !slices.Equal(bw, []string{"payment", "dog", "owner"}) {
		t.Errorf("not listed: forward %v, back %v", fw, bw)
	}
	a["listed"] = txt("yes")
	fw, bw = steps(a)
	if !slices.Equal(fw, []string{"owner", "dog", "listed_dog", "payment"}) || !slices.Equal(bw, []string{"payment", "listed_dog", "dog", "owner"}) {
		t.Errorf("listed: forward %v, back %v", fw, bw)
	}
	if got := f.Next("payment", a); got != "" {
		t.Errorf("after the last page: %q", got)
	}
	// From a page that became hidden, Next still moves on.
	a["listed"] = txt("no")
	if got := f.Next("listed_dog", a); got != "payment" {
		t.Errorf("next of hidden page: %q", got)
	}
	if got := f.Prev("listed_dog", a); got != "dog" {
		t.Errorf("prev of hidden page: %q", got)
	}
}

func TestValidateDropsHiddenAnswers(t *testing.T) {
	f := load(t, "hund.json")
	a := dogAnswers()
	// The applicant first said "listed dog", filled in the breed and then
	// changed the answer: the breed must not be submitted, and the required
	// certificate on the hidden page must not be asked for.
	a["breed"] = txt("Staffordshire Bullterrier")
	out, err := f.Validate(a, "de")
	if err != nil {
		t.Fatalf("validate: %v %q", err, fieldKeys(err))
	}
	if _, ok := out["breed"]; ok {
		t.Error("answer on a hidden page was kept")
	}
	if out["dog_name"].Text != "Bello" {
		t.Errorf("visible answer lost: %+v", out)
	}
	// A listed dog needs the extra page's answers.
	a["listed"] = txt("yes")
	_, err = f.Validate(a, "de")
	wantFields(t, err, "certificate=error.form.required")
}

func TestValidateNormalisesBeforeConditions(t *testing.T) {
	f := &Form{Pages: []Page{
		{ID: "count", Questions: []Question{{ID: "n", Type: TypeNumber}}},
		{ID: "many", ShowIf: &Condition{Question: "n", Op: OpGT, Value: "2"}, Questions: []Question{{ID: "why", Type: TypeText, Required: true}}},
	}}
	_, err := f.Validate(Answers{"n": txt(" 2,5 ")}, "de")
	wantFields(t, err, "why=error.form.required")
	out, err := f.Validate(Answers{"n": txt("1,5"), "why": txt("x")}, "de")
	if err != nil || out["n"].Text != "1.5" || len(out) != 1 {
		t.Errorf("got %+v %v", out, err)
	}
}

func TestValidatePage(t *testing.T) {
	f := load(t, "anwohnerparken.json")
	a := parkingAnswers()
	a["plate"] = txt("  j-ab 123 ")
	a["zone"] = txt("z")
	_, err := f.ValidatePage("vehicle", a, "de")
	wantFields(t, err, "plate=error.form.pattern")
	a["plate"] = txt("  J-AB  123 ")
	out, err := f.ValidatePage("vehicle", a, "de")
	if err != nil || out["plate"].Text != "J-AB 123" {
		t.Errorf("got %+v %v", out["plate"], err)
	}
	// Only the page's own questions are checked; the rest is passed on.
	if out["zone"].Text != "z" {
		t.Errorf("other page's answer changed: %+v", out["zone"])
	}
	_, err = f.ValidatePage("residence", a, "de")
	wantFields(t, err, "zone=error.form.choice")
	if _, err := f.ValidatePage("nope", a, "de"); err == nil {
		t.Error("unknown page accepted")
	}
}

func TestValidateParkingForm(t *testing.T) {
	f := load(t, "anwohnerparken.json")
	a := parkingAnswers()
	if _, err := f.Validate(a, "de"); err != nil {
		t.Fatalf("valid application refused: %q", fieldKeys(err))
	}
	a["pay_by"] = txt("sepa")
	_, err := f.Validate(a, "de")
	wantFields(t, err, "iban=error.form.required", "holder=error.form.required")
	a["iban"] = txt("DE89 3704 0044 0532 0130 01")
	a["holder"] = txt("Anna Schmidt")
	_, err = f.Validate(a, "de")
	wantFields(t, err, "iban=error.form.iban")
	a["iban"] = txt("de89 3704 0044 0532 0130 00")
	out, err := f.Validate(a, "de")
	if err != nil || out["iban"].Text != "DE89370400440532013000" {
		t.Errorf("got %+v %q", out["iban"], fieldKeys(err))
	}
	// Everything missing: one error per required visible question.
	_, err = f.Validate(Answers{}, "de")
	wantFields(t, err, "plate=error.form.required", "address=error.form.required", "zone=error.form.required",
		"registration=error.form.required", "pay_by=error.form.required", "email=error.form.required")
}

func TestSummary(t *testing.T) {
	f := load(t, "anwohnerparken.json")
	a := parkingAnswers()
	a["pay_by"] = txt("sepa")
	a["iban"] = txt("DE89370400440532013000")
	a["holder"] = txt("Anna Schmidt")
	rows := f.Summary(a, "de")
	byID := map[string]SummaryRow{}
	var order []string
	for _, r := range rows {
		byID[r.QuestionID] = r
		order = append(order, r.QuestionID)
	}
	if want := []string{"plate", "address", "zone", "registration", "pay_by", "iban", "holder", "email", "phone"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	for id, want := range map[string]SummaryRow{
		"zone":    {PageID: "residence", PageTitle: "Ihre Anschrift in der Parkzone", QuestionID: "zone", Label: "Parkzone", Value: "Zone A – Innenstadt"},
		"iban":    {PageID: "mandate", PageTitle: "SEPA-Lastschriftmandat", QuestionID: "iban", Label: "IBAN", Value: "DE89 3704 0044 0532 0130 00"},
		"address": {PageID: "residence", PageTitle: "Ihre Anschrift in der Parkzone", QuestionID: "address", Label: "Anschrift", Value: "Markt 1, 07743 Jena"},
		"phone":   {PageID: "contact", PageTitle: "Kontakt", QuestionID: "phone", Label: "Telefonnummer für Rückfragen (freiwillig)", Value: ""},
	} {
		if byID[id] != want {
			t.Errorf("%s: got %+v\nwant %+v", id, byID[id], want)
		}
	}
	if got := byID["registration"].Value; got != "schein.pdf" {
		t.Errorf("files: %q", got)
	}
	// Hidden pages are not listed; English labels where given.
	a["pay_by"] = txt("transfer")
	for _, r := range f.Summary(a, "en") {
		if r.PageID == "mandate" {
			t.Errorf("hidden page in summary: %+v", r)
		}
		if r.QuestionID == "zone" && (r.Label != "Parking zone" || r.Value != "Zone A – city centre") {
			t.Errorf("english: %+v", r)
		}
	}
}

func TestSummaryDisplaysNumbersDatesAndLists(t *testing.T) {
	f := load(t, "hund.json")
	a := dogAnswers()
	a["dogs"] = txt("2")
	a["features"] = Value{List: []string{"chip", "shelter"}}
	out, err := f.Validate(a, "de")
	if err != nil {
		t.Fatal(fieldKeys(err))
	}
	got := map[string]string{}
	for _, r := range f.Summary(out, "de") {
		got[r.QuestionID] = r.Value
	}
	for id, want := range map[string]string{"birth_date": "17.05.1980", "features": "Der Hund ist gechippt, Aus dem Tierheim", "dogs": "2", "listed": "Nein"} {
		if got[id] != want {
			t.Errorf("%s: got %q, want %q", id, got[id], want)
		}
	}
	q := Question{Type: TypeNumber}
	if s := q.Display(txt("12.5"), "de"); s != "12,5" {
		t.Errorf("number de: %q", s)
	}
	q = Question{Type: TypeDate}
	if s := q.Display(txt("1980-05-17"), "en"); s != "17 May 1980" {
		t.Errorf("date en: %q", s)
	}
}

func TestFee(t *testing.T) {
	park := load(t, "anwohnerparken.json")
	if got := park.FeeCents(parkingAnswers()); got != 3060 {
		t.Errorf("parking fee %d, want 3060", got)
	}
	dog := load(t, "hund.json")
	a := dogAnswers()
	for _, tc := range []struct {
		change Answers
		want   int64
	}{
		{Answers{}, 500 + 1000},
		{Answers{"dogs": txt("3")}, 500 + 3000},
		{Answers{"listed": txt("yes")}, 500 + 1000 + 2500},
		{Answers{"features": {List: []string{"assistance"}}}, 500 + 1000 - 500},
		{Answers{"features": {List: []string{"assistance"}}, "listed": txt("yes")}, 500 + 1000 + 2500},
		{Answers{"dogs": txt("")}, 500},
	} {
		b := Answers{}
		for k, v := range a {
			b[k] = v
		}
		for k, v := range tc.change {
			b[k] = v
		}
		if got := dog.FeeCents(b); got != tc.want {
			t.Errorf("%v: fee %d, want %d", tc.change, got, tc.want)
		}
	}
	// A fee never goes below zero, and a form without a rule costs nothing.
	f := &Form{Pages: []Page{{ID: "p", Questions: []Question{{ID: "x", Type: TypeText}}}},
		Fee: &Fee{BaseCents: 100, Surcharges: []Surcharge{{If: Condition{Question: "x", Op: OpAnswered}, Cents: -500}}}}
	if got := f.FeeCents(Answers{"x": txt("y")}); got != 0 {
		t.Errorf("negative fee %d", got)
	}
	if got := (&Form{}).FeeCents(a); got != 0 {
		t.Errorf("no rule: %d", got)
	}
}

func TestFeeIgnoresHiddenPages(t *testing.T) {
	f := &Form{
		Pages: []Page{
			{ID: "a", Questions: []Question{{ID: "express", Type: TypeChoice}}},
			{ID: "b", ShowIf: &Condition{Question: "express", Op: OpEquals, Value: "yes"}, Questions: []Question{{ID: "copies", Type: TypeNumber}}},
		},
		Fee: &Fee{BaseCents: 1000, PerUnit: &PerUnit{Question: "copies", Cents: 250}},
	}
	if got := f.FeeCents(Answers{"express": txt("no"), "copies": txt("4")}); got != 1000 {
		t.Errorf("hidden copies counted: %d", got)
	}
	if got := f.FeeCents(Answers{"express": txt("yes"), "copies": txt("4")}); got != 2000 {
		t.Errorf("copies: %d", got)
	}
}
