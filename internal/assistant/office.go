package assistant

import (
	"strings"

	"rathaus/internal/catalog"
	"rathaus/internal/hours"
)

// germanDays are the weekday abbreviations of the quoted office texts,
// Monday first, indexed by time.Weekday.
var germanDays = [7]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}

// OfficeText writes an office as the catalogue lists it, in German: name,
// address and weekly opening hours ("Mo 08:00-12:00, 13:00-15:00; Di …").
func OfficeText(o *catalog.Office) string {
	parts := []string{o.Name}
	a := o.Address
	if street := strings.TrimSpace(a.Street + " " + a.HouseNo); street != "" {
		parts = append(parts, street)
	}
	if city := strings.TrimSpace(a.PostalCode + " " + a.City); city != "" {
		parts = append(parts, city)
	}
	out := strings.Join(parts, ", ")
	if h := weekText(o.Hours); h != "" {
		out += ". Öffnungszeiten: " + h
	}
	return out + "."
}

func weekText(h hours.Hours) string {
	var days []string
	for i := 1; i <= 7; i++ {
		d := i % 7
		ivs := h.Weekly[d]
		if len(ivs) == 0 {
			continue
		}
		spans := make([]string, len(ivs))
		for k, iv := range ivs {
			spans[k] = iv.String()
		}
		days = append(days, germanDays[d]+" "+strings.Join(spans, ", "))
	}
	return strings.Join(days, "; ")
}
