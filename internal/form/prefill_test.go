package form

import (
	"slices"
	"testing"
)

func TestPrefill(t *testing.T) {
	f := load(t, "hund.json")
	if got := f.PrefillSources(); !slices.Equal(got, []string{PrefillName, PrefillAddress, PrefillEmail}) {
		t.Errorf("sources %v", got)
	}
	home := &Address{Street: "Markt", HouseNumber: "1", PostalCode: "07743", City: "Jena"}
	p := Profile{Name: "Anna Schmidt", Email: "anna@example.org", Address: home}
	a := f.PrefillAnswers(p, Answers{"email": txt("work@example.org")})
	if a["name"].Text != "Anna Schmidt" || a["address"].Address.City != "Jena" {
		t.Errorf("prefill: %+v", a)
	}
	if a["email"].Text != "work@example.org" {
		t.Errorf("an existing answer was overwritten: %q", a["email"].Text)
	}
	if _, ok := a["phone"]; ok {
		t.Error("a question without prefill was filled")
	}
	a["address"].Address.City = "Weimar"
	if home.City != "Jena" {
		t.Error("prefill shares the profile's address")
	}
}
