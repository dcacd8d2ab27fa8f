package form

import "strings"

// ibanLengths holds the IBAN length of every SEPA country (ISO 13616 registry).
var ibanLengths = map[string]int{
	"AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24,
	"DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22,
	"GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27,
	"LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18,
	"NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24,
	"SM": 27, "VA": 22,
}

// NormalizeIBAN removes spaces and upper-cases s.
func NormalizeIBAN(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// ValidIBAN reports whether s (normalised) is an IBAN of a SEPA country
// with the right length and a correct ISO 13616 mod-97 check.
func ValidIBAN(s string) bool {
	if len(s) < 5 {
		return false
	}
	n, ok := ibanLengths[s[:2]]
	if !ok || len(s) != n {
		return false
	}
	// Move the first four characters to the end, letters become 10..35,
	// and the whole number must be 1 modulo 97.
	rem := 0
	for _, r := range s[4:] + s[:4] {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		case r >= 'A' && r <= 'Z':
			rem = (rem*100 + int(r-'A') + 10) % 97
		default:
			return false
		}
	}
	return rem == 1
}

// FormatIBAN groups a normalised IBAN in blocks of four for display:
// "DE89 3704 0044 0532 0130 00".
func FormatIBAN(s string) string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
