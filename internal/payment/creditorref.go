package payment

import (
	"fmt"
	"strings"
)

// CreditorReference builds an ISO 11649 structured creditor reference
// ("RF" + two check digits + up to 21 alphanumerics) from ref, e.g. the case
// reference "JENA-2026-000123" gives "RF..JENA2026000123". Characters other
// than letters and digits are dropped, letters upper-cased. It returns ""
// when nothing or more than 21 characters remain.
func CreditorReference(ref string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(ref) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	body := b.String()
	if body == "" || len(body) > 21 {
		return ""
	}
	check := 98 - mod97(body+"RF00")
	return fmt.Sprintf("RF%02d%s", check, body)
}

// ValidCreditorReference reports whether s is a well-formed ISO 11649
// reference with correct check digits. Spaces (print form "RF18 5390 0754
// 7034") and lower case are accepted.
func ValidCreditorReference(s string) bool {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if len(s) < 5 || len(s) > 25 || !strings.HasPrefix(s, "RF") {
		return false
	}
	if s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9' {
		return false
	}
	return mod97(s[4:]+s[:4]) == 1
}
