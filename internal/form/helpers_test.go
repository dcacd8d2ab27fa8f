package form

import (
	"os"
	"slices"
	"testing"

	"rathaus/internal/fault"
)

// load imports a form from testdata.
func load(t *testing.T, name string) *Form {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Import(b)
	if err != nil {
		t.Fatalf("import %s: %v %+v", name, err, fault.As(err).Fields)
	}
	return f
}

// fieldKeys returns the field errors of err as "field=key".
func fieldKeys(err error) []string {
	if err == nil {
		return nil
	}
	var out []string
	for _, f := range fault.As(err).Fields {
		out = append(out, f.Field+"="+f.Key)
	}
	return out
}

// wantFields fails unless err is Invalid and has exactly the field errors.
func wantFields(t *testing.T, err error, want ...string) {
	t.Helper()
	got := fieldKeys(err)
	if len(want) > 0 && !fault.Is(err, fault.Invalid) {
		t.Fatalf("got %v, want an Invalid fault", err)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("field errors: got %q, want %q", got, want)
	}
}

func txt(s string) Value { return Value{Text: s} }

// parkingAnswers is a complete valid application for a parking permit.
func parkingAnswers() Answers {
	return Answers{
		"plate":        txt("J-AB 123"),
		"address":      {Address: &Address{Street: "Markt", HouseNumber: "1", PostalCode: "07743", City: "Jena"}},
		"zone":         txt("a"),
		"registration": {Files: []FileRef{{ID: "f1", Name: "schein.pdf", Type: "application/pdf", Size: 120_000}}},
		"pay_by":       txt("transfer"),
		"email":        txt("anna@example.org"),
	}
}

// dogAnswers is a complete valid dog registration (not a listed dog).
func dogAnswers() Answers {
	return Answers{
		"name":       txt("Anna Schmidt"),
		"birth_date": txt("1980-05-17"),
		"address":    {Address: &Address{Street: "Löbdergraben", HouseNumber: "12a", PostalCode: "07743", City: "Jena"}},
		"dogs":       txt("1"),
		"dog_name":   txt("Bello"),
		"since":      txt("2024-03-01"),
		"listed":     txt("no"),
		"email":      txt("anna@example.org"),
	}
}

func fieldsOf(err error) []fault.FieldError {
	if err == nil {
		return nil
	}
	return fault.As(err).Fields
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
