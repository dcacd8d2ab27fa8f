package payment

import "strings"

// NormalizeIBAN removes spaces and upper-cases an IBAN as typed by a person.
func NormalizeIBAN(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// ValidIBAN reports whether s (already normalised) has the IBAN shape
// (country code, two check digits, up to 30 alphanumerics; ISO 13616) and
// passes the mod-97 check.
func ValidIBAN(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	for i, r := range s {
		letter := r >= 'A' && r <= 'Z'
		digit := r >= '0' && r <= '9'
		if (i < 2 && !letter) || (i >= 2 && i < 4 && !digit) || (!letter && !digit) {
			return false
		}
	}
	return mod97(s[4:]+s[:4]) == 1
}

// mod97 computes the ISO 7064 MOD 97-10 remainder of s, where letters count
// as two digits (A=10 ... Z=35). It returns -1 for other characters. Used for
// IBANs and ISO 11649 creditor references alike.
func mod97(s string) int {
	rem := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			rem = (rem*10 + int(r-'0')) % 97
		case r >= 'A' && r <= 'Z':
			rem = (rem*100 + int(r-'A'+10)) % 97
		default:
			return -1
		}
	}
	return rem
}
