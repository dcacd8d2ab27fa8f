package hours

import "time"

// Holiday is a public holiday.
type Holiday struct {
	Date Date
	Name string // German name, as printed in calendars
}

// Holidays returns the public holidays of a German state in a year, in
// date order. Supported: "TH" (Thuringia) and "" (none). Thuringia keeps
// the nationwide holidays plus Weltkindertag (20 September, since 2019) and
// Reformationstag (31 October); Fronleichnam is a holiday only in some
// Eichsfeld municipalities and is left to exceptions.
func Holidays(year int, region string) []Holiday {
	if region != "TH" {
		return nil
	}
	easter := Easter(year)
	rel := func(days int) Date { return DateOf(easter.AddDate(0, 0, days)) }
	fixed := func(m time.Month, d int) Date { return Date{year, m, d} }
	out := []Holiday{
		{fixed(time.January, 1), "Neujahr"},
		{rel(-2), "Karfreitag"},
		{rel(1), "Ostermontag"},
		{fixed(time.May, 1), "Tag der Arbeit"},
		{rel(39), "Christi Himmelfahrt"},
		{rel(50), "Pfingstmontag"},
	}
	if year >= 2019 {
		out = append(out, Holiday{fixed(time.September, 20), "Weltkindertag"})
	}
	out = append(out,
		Holiday{fixed(time.October, 3), "Tag der Deutschen Einheit"},
		Holiday{fixed(time.October, 31), "Reformationstag"},
		Holiday{fixed(time.December, 25), "1. Weihnachtsfeiertag"},
		Holiday{fixed(time.December, 26), "2. Weihnachtsfeiertag"},
	)
	sortHolidays(out)
	return out
}

// KnownRegion reports whether Holidays knows the region.
func KnownRegion(region string) bool { return region == "" || region == "TH" }

func sortHolidays(hs []Holiday) {
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && hs[j].Date.Before(hs[j-1].Date); j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
}

// Easter returns Easter Sunday of the Gregorian calendar (anonymous
// Gregorian algorithm, Meeus/Jones/Butcher), at midnight UTC.
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// holidayOn returns the name of the holiday on d, or "".
func holidayOn(d Date, region string) string {
	for _, h := range Holidays(d.Year, region) {
		if h.Date == d {
			return h.Name
		}
	}
	return ""
}
