package form

import (
	"strings"
	"testing"
	"time"
)

// one checks a single answer to q and returns the normalised value and
// the field errors.
func one(q Question, v Value) (Value, []string) {
	f := &Form{Pages: []Page{{ID: "p", Questions: []Question{q}}}}
	c := newChecker("de")
	c.today = time.Date(2026, 11, 29, 10, 0, 0, 0, berlin)
	out, err := f.validatePage("p", Answers{q.ID: v}, c)
	return out[q.ID], fieldKeys(err)
}

func TestQuestionTypes(t *testing.T) {
	files := func(fs ...FileRef) Value { return Value{Files: fs} }
	pdf := FileRef{ID: "1", Name: "a.pdf", Type: "application/pdf", Size: 1000}
	addr := func(a Address) Value { return Value{Address: &a} }
	opts := []Option{{Value: "a", Label: Text{"de": "A"}}, {Value: "b", Label: Text{"de": "B"}}, {Value: "c", Label: Text{"de": "C"}}}
	for _, tc := range []struct {
		name string
		q    Question
		in   Value
		want string // normalised text, or the error key
	}{
		{"required empty", Question{Type: TypeText, Required: true}, txt("   "), "error.form.required"},
		{"optional empty", Question{Type: TypeText}, txt(" "), ""},
		{"text trimmed", Question{Type: TypeText}, txt("  Anna   Schmidt "), "Anna Schmidt"},
		{"text too short", Question{Type: TypeText, MinLength: 3}, txt("ab"), "error.form.too_short"},
		{"text too long in runes", Question{Type: TypeText, MaxLength: 3}, txt("äöüß"), "error.form.too_long"},
		{"text umlauts fit", Question{Type: TypeText, MaxLength: 4}, txt("äöüß"), "äöüß"},
		{"pattern match", Question{Type: TypeText, Pattern: `[A-Z]{1,3}-[A-Z]{1,2} ?\d{1,4}`}, txt("J-AB 123"), "J-AB 123"},
		{"pattern whole answer", Question{Type: TypeText, Pattern: `\d+`}, txt("12a"), "error.form.pattern"},
		{"textarea keeps lines", Question{Type: TypeTextarea}, txt(" a\r\nb "), "a\nb"},
		{"number german comma", Question{Type: TypeNumber}, txt("12,50"), "12.5"},
		{"number thousands", Question{Type: TypeNumber}, txt("1.234,5"), "1234.5"},
		{"number dot", Question{Type: TypeNumber}, txt("12.5"), "12.5"},
		{"number negative", Question{Type: TypeNumber}, txt("-3"), "-3"},
		{"number words", Question{Type: TypeNumber}, txt("zwölf"), "error.form.number"},
		{"number two commas", Question{Type: TypeNumber}, txt("1,2,3"), "error.form.number"},
		{"number min", Question{Type: TypeNumber, Min: "1"}, txt("0,5"), "error.form.number_min"},
		{"number max", Question{Type: TypeNumber, Max: "10"}, txt("10,01"), "error.form.number_max"},
		{"number at max", Question{Type: TypeNumber, Max: "10"}, txt("10"), "10"},
		{"integer", Question{Type: TypeNumber, Integer: true}, txt("2,5"), "error.form.integer"},
		{"date iso", Question{Type: TypeDate}, txt("2000-02-29"), "2000-02-29"},
		{"date german", Question{Type: TypeDate}, txt("1.3.2026"), "2026-03-01"},
		{"date impossible", Question{Type: TypeDate}, txt("2001-02-29"), "error.form.date"},
		{"date garbage", Question{Type: TypeDate}, txt("gestern"), "error.form.date"},
		{"age 18 ok on birthday", Question{Type: TypeDate, MaxDate: "-18y"}, txt("2008-11-29"), "2008-11-29"},
		{"age 18 a day short", Question{Type: TypeDate, MaxDate: "-18y"}, txt("2008-11-30"), "error.form.date_max"},
		{"not in future", Question{Type: TypeDate, MaxDate: "today"}, txt("2026-11-30"), "error.form.date_max"},
		{"within 30 days", Question{Type: TypeDate, MinDate: "today", MaxDate: "+30d"}, txt("2026-12-29"), "2026-12-29"},
		{"beyond 30 days", Question{Type: TypeDate, MinDate: "today", MaxDate: "+30d"}, txt("2026-12-30"), "error.form.date_max"},
		{"past", Question{Type: TypeDate, MinDate: "today"}, txt("2026-11-28"), "error.form.date_min"},
		{"absolute min", Question{Type: TypeDate, MinDate: "1900-01-01"}, txt("1899-12-31"), "error.form.date_min"},
		{"choice", Question{Type: TypeChoice, Options: opts}, txt("b"), "b"},
		{"choice unknown", Question{Type: TypeChoice, Options: opts}, txt("d"), "error.form.choice"},
		{"checkboxes in option order", Question{Type: TypeCheckboxes, Options: opts}, Value{List: []string{"c", "a", "c"}}, "a,c"},
		{"checkboxes unknown", Question{Type: TypeCheckboxes, Options: opts}, Value{List: []string{"a", "x"}}, "error.form.choice"},
		{"checkboxes required", Question{Type: TypeCheckboxes, Options: opts, Required: true}, Value{List: []string{" "}}, "error.form.required"},
		{"email", Question{Type: TypeEmail}, txt(" anna@example.org "), "anna@example.org"},
		{"email no domain dot", Question{Type: TypeEmail}, txt("anna@localhost"), "error.form.email"},
		{"email with name", Question{Type: TypeEmail}, txt("Anna <anna@example.org>"), "error.form.email"},
		{"email no at", Question{Type: TypeEmail}, txt("anna.example.org"), "error.form.email"},
		{"phone", Question{Type: TypePhone}, txt("+49 3641  49-0"), "+49 3641 49-0"},
		{"phone slash", Question{Type: TypePhone}, txt("03641 / 490"), "03641 / 490"},
		{"phone letters", Question{Type: TypePhone}, txt("0800-FLOWERS"), "error.form.phone"},
		{"phone too short", Question{Type: TypePhone}, txt("112"), "error.form.phone"},
		{"iban DE with spaces", Question{Type: TypeIBAN}, txt("de89 3704 0044 0532 0130 00"), "DE89370400440532013000"},
		{"iban GB", Question{Type: TypeIBAN}, txt("GB82WEST12345698765432"), "GB82WEST12345698765432"},
		{"iban checksum", Question{Type: TypeIBAN}, txt("DE88370400440532013000"), "error.form.iban"},
		{"iban digits swapped", Question{Type: TypeIBAN}, txt("DE89370400440523013000"), "error.form.iban"},
		{"iban too short", Question{Type: TypeIBAN}, txt("DE8937040044053201300"), "error.form.iban_length"},
		{"iban too long", Question{Type: TypeIBAN}, txt("DE893704004405320130000"), "error.form.iban_length"},
		{"iban non-SEPA", Question{Type: TypeIBAN}, txt("US12345678901234567890"), "error.form.iban_country"},
		{"iban junk", Question{Type: TypeIBAN}, txt("DE89-3704-0044-0532-0130"), "error.form.iban_length"},
		{"file", Question{Type: TypeFile}, files(pdf), "a.pdf"},
		{"file type", Question{Type: TypeFile, AllowedTypes: []string{"application/pdf"}}, files(FileRef{ID: "1", Name: "a.png", Type: "image/png", Size: 10}), "error.form.file_type"},
		{"file default types", Question{Type: TypeFile}, files(FileRef{ID: "1", Name: "a.exe", Type: "application/x-msdownload", Size: 10}), "error.form.file_type"},
		{"file size", Question{Type: TypeFile, MaxBytes: 999}, files(pdf), "error.form.file_size"},
		{"file empty", Question{Type: TypeFile}, files(FileRef{ID: "1", Name: "a.pdf", Type: "application/pdf"}), "error.form.file_empty"},
		{"file count default one", Question{Type: TypeFile}, files(pdf, pdf), "error.form.file_count"},
		{"file count", Question{Type: TypeFile, MaxFiles: 2}, files(pdf, pdf), "a.pdf,a.pdf"},
		{"file required", Question{Type: TypeFile, Required: true}, files(), "error.form.required"},
		{"address", Question{Type: TypeAddress}, addr(Address{Street: " Markt ", HouseNumber: "1", PostalCode: "07743", City: "Jena", Country: "de"}), "Markt 1, 07743 Jena"},
		{"address postal code", Question{Type: TypeAddress}, addr(Address{Street: "Markt", HouseNumber: "1", PostalCode: "7743", City: "Jena"}), "error.form.address.postal_code"},
		{"address missing parts", Question{Type: TypeAddress}, addr(Address{PostalCode: "07743"}), "error.form.address.street"},
		{"address abroad refused", Question{Type: TypeAddress}, addr(Address{Street: "Rue", HouseNumber: "2", PostalCode: "75001", City: "Paris", Country: "FR"}), "error.form.address.country"},
		{"address abroad", Question{Type: TypeAddress, AllowForeign: true}, addr(Address{Street: "Rue", HouseNumber: "2", PostalCode: "75001", City: "Paris", Country: "fr"}), "Rue 2, 75001 Paris, FR"},
		{"address required", Question{Type: TypeAddress, Required: true}, addr(Address{City: "  "}), "error.form.required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.q.ID = "q"
			got, errs := one(tc.q, tc.in)
			if strings.HasPrefix(tc.want, "error.") {
				if len(errs) == 0 || !strings.HasSuffix(errs[0], "="+tc.want) {
					t.Errorf("got %+v %q, want error %s", got, errs, tc.want)
				}
				return
			}
			if errs != nil {
				t.Fatalf("unexpected errors %q", errs)
			}
			if s := plain(tc.q, got); s != tc.want {
				t.Errorf("normalised: got %q, want %q", s, tc.want)
			}
		})
	}
}

// plain writes a normalised value for comparison.
func plain(q Question, v Value) string {
	switch q.Type {
	case TypeCheckboxes:
		return strings.Join(v.List, ",")
	case TypeFile:
		var names []string
		for _, f := range v.Files {
			names = append(names, f.Name)
		}
		return strings.Join(names, ",")
	case TypeAddress:
		if v.Address == nil {
			return ""
		}
		return v.Address.String()
	}
	return v.Text
}

func TestErrorArgsInLanguage(t *testing.T) {
	q := Question{ID: "q", Type: TypeNumber, Min: "2.5"}
	f := &Form{Pages: []Page{{ID: "p", Questions: []Question{q}}}}
	for lang, want := range map[string]string{"de": "2,5", "en": "2.5"} {
		_, err := f.ValidatePage("p", Answers{"q": txt("1")}, lang)
		fe := fieldsOf(err)
		if len(fe) != 1 || fe[0].Args[0] != want {
			t.Errorf("%s: got %+v, want arg %q", lang, fe, want)
		}
	}
	d := Question{ID: "d", Type: TypeDate, MinDate: "2026-01-01"}
	f = &Form{Pages: []Page{{ID: "p", Questions: []Question{d}}}}
	_, err := f.ValidatePage("p", Answers{"d": txt("2025-12-31")}, "de")
	if fe := fieldsOf(err); len(fe) != 1 || fe[0].Args[0] != "01.01.2026" {
		t.Errorf("date arg: got %+v", fe)
	}
}

func TestAddressPartsAreSeparateFields(t *testing.T) {
	_, errs := one(Question{ID: "q", Type: TypeAddress}, Value{Address: &Address{Street: "Markt", PostalCode: "0774", City: ""}})
	want := "q.city=error.form.address.city q.house_number=error.form.address.house_number q.postal_code=error.form.address.postal_code"
	if got := strings.Join(sorted(errs), " "); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestIBAN(t *testing.T) {
	for _, s := range []string{"DE89370400440532013000", "GB82WEST12345698765432", "AT611904300234573201", "NL91ABNA0417164300", "FR1420041010050500013M02606", "CH9300762011623852957"} {
		if !ValidIBAN(s) {
			t.Errorf("%s should be valid", s)
		}
	}
	for _, s := range []string{"DE89370400440532013001", "GB82WEST12345698765433", "DE89", "", "XX89370400440532013000", "de89370400440532013000"} {
		if ValidIBAN(s) {
			t.Errorf("%s should be invalid", s)
		}
	}
	if got := FormatIBAN(NormalizeIBAN(" de89 37040044 0532013000 ")); got != "DE89 3704 0044 0532 0130 00" {
		t.Errorf("format: %q", got)
	}
}

func TestParseDateBound(t *testing.T) {
	today := time.Date(2024, 2, 29, 23, 30, 0, 0, berlin)
	for in, want := range map[string]string{
		"today": "2024-02-29", "-18y": "2006-03-01", "+1d": "2024-03-01",
		"-6m": "2023-08-29", "+30d": "2024-03-30", "2020-01-02": "2020-01-02",
	} {
		d, err := ParseDateBound(in, today)
		if err != nil || d.Format(isoDate) != want {
			t.Errorf("%s: got %v %v, want %s", in, d, err, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "18y", "-18w", "+1000d", "29.02.2024"} {
		if _, err := ParseDateBound(bad, today); err == nil {
			t.Errorf("%q should be rejected", bad)
		}
	}
}

func TestDefaultTextLimits(t *testing.T) {
	_, errs := one(Question{ID: "q", Type: TypeText}, txt(strings.Repeat("a", DefaultMaxText+1)))
	if len(errs) != 1 || errs[0] != "q=error.form.too_long" {
		t.Errorf("text: %q", errs)
	}
	long := strings.Repeat("Zeile\n", 1000)
	if _, errs := one(Question{ID: "q", Type: TypeTextarea}, txt(long)); errs != nil {
		t.Errorf("textarea: %q", errs)
	}
}
