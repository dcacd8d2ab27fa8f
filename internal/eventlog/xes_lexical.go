package eventlog

import (
	"time"
)

// parseDateTime reads an xs:dateTime: a year of four or more digits,
// -MM-DDThh:mm:ss, an optional fraction of any length and an optional
// zone (Z or ±hh:mm; none means UTC). It returns Unix nanoseconds; ok is
// false for a malformed value or one outside the years 1678 to 2261.
func parseDateTime(b []byte) (ns int64, ok bool) {
	sec, frac, ok := parseDateTimeParts(b)
	if !ok || sec < minUnixSec || sec > maxUnixSec {
		return NoTime, false
	}
	return sec*1e9 + frac, true
}

const (
	minUnixSec = -9_200_000_000 // about 1678
	maxUnixSec = 9_200_000_000  // about 2261
)

func parseDateTimeParts(b []byte) (sec, frac int64, ok bool) {
	y, p := 0, 0
	for p < len(b) && b[p] >= '0' && b[p] <= '9' && p < 9 {
		y = y*10 + int(b[p]-'0')
		p++
	}
	if p < 4 || len(b)-p < 15 {
		return 0, 0, false
	}
	t := b[p:] // -MM-DDThh:mm:ss...
	if t[0] != '-' || t[3] != '-' || t[6] != 'T' || t[9] != ':' || t[12] != ':' {
		return 0, 0, false
	}
	mo, ok1 := two(t[1:])
	d, ok2 := two(t[4:])
	h, ok3 := two(t[7:])
	mi, ok4 := two(t[10:])
	s, ok5 := two(t[13:])
	if !(ok1 && ok2 && ok3 && ok4 && ok5) || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) ||
		h > 24 || mi > 59 || s > 59 || h == 24 && (mi != 0 || s != 0) {
		return 0, 0, false
	}
	t = t[15:]
	if len(t) > 0 && t[0] == '.' {
		digits := 0
		for t = t[1:]; len(t) > 0 && t[0] >= '0' && t[0] <= '9'; t = t[1:] {
			if digits < 9 {
				frac = frac*10 + int64(t[0]-'0')
			}
			digits++
		}
		if digits == 0 {
			return 0, 0, false
		}
		for ; digits < 9; digits++ {
			frac *= 10
		}
		if h == 24 && frac != 0 {
			return 0, 0, false
		}
	}
	offset := 0
	switch {
	case len(t) == 0:
	case len(t) == 1 && t[0] == 'Z':
	case len(t) == 6 && (t[0] == '+' || t[0] == '-') && t[3] == ':':
		oh, ok1 := two(t[1:])
		om, ok2 := two(t[4:])
		if !ok1 || !ok2 || oh > 14 || om > 59 || oh == 14 && om != 0 {
			return 0, 0, false
		}
		offset = oh*3600 + om*60
		if t[0] == '-' {
			offset = -offset
		}
	default:
		return 0, 0, false
	}
	days := daysFromCivil(y, mo, d)
	sec = days*86400 + int64(h*3600+mi*60+s-offset)
	return sec, frac, true
}

func two(b []byte) (int, bool) {
	if b[0] < '0' || b[0] > '9' || b[1] < '0' || b[1] > '9' {
		return 0, false
	}
	return int(b[0]-'0')*10 + int(b[1]-'0'), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is the number of days since 1970-01-01 (H. Hinnant's
// algorithm for the proleptic Gregorian calendar).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// appendDateTime appends ns as RFC 3339 in UTC with milliseconds, or with
// micro- or nanoseconds when the value has them.
func appendDateTime(b []byte, ns int64) []byte {
	layout := "2006-01-02T15:04:05.000Z07:00"
	switch {
	case ns%1e6 == 0:
	case ns%1e3 == 0:
		layout = "2006-01-02T15:04:05.000000Z07:00"
	default:
		layout = "2006-01-02T15:04:05.000000000Z07:00"
	}
	return time.Unix(0, ns).UTC().AppendFormat(b, layout)
}

// validLexical tells whether v is a valid lexical value of an XES type.
func validLexical(t AttrType, v []byte) bool {
	switch t {
	case TypeDate:
		_, _, ok := parseDateTimeParts(v)
		return ok
	case TypeInt:
		return validLong(v)
	case TypeFloat:
		return validDouble(v)
	case TypeBool:
		s := string(v)
		return s == "true" || s == "false" || s == "1" || s == "0"
	}
	return true
}

// validLong checks an xs:long: an optional sign and digits within int64.
func validLong(v []byte) bool {
	neg := false
	if len(v) > 0 && (v[0] == '+' || v[0] == '-') {
		neg = v[0] == '-'
		v = v[1:]
	}
	if len(v) == 0 {
		return false
	}
	var n uint64
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
		if n > (1<<63)/10 {
			return false
		}
		n = n*10 + uint64(c-'0')
	}
	return n < 1<<63 || neg && n == 1<<63
}

// validDouble checks an xs:double.
func validDouble(v []byte) bool {
	switch string(v) {
	case "INF", "+INF", "-INF", "NaN":
		return true
	}
	if len(v) > 0 && (v[0] == '+' || v[0] == '-') {
		v = v[1:]
	}
	digits := 0
	for len(v) > 0 && v[0] >= '0' && v[0] <= '9' {
		v, digits = v[1:], digits+1
	}
	if len(v) > 0 && v[0] == '.' {
		for v = v[1:]; len(v) > 0 && v[0] >= '0' && v[0] <= '9'; v = v[1:] {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if len(v) > 0 && (v[0] == 'e' || v[0] == 'E') {
		v = v[1:]
		if len(v) > 0 && (v[0] == '+' || v[0] == '-') {
			v = v[1:]
		}
		if len(v) == 0 {
			return false
		}
		for len(v) > 0 && v[0] >= '0' && v[0] <= '9' {
			v = v[1:]
		}
	}
	return len(v) == 0
}

// validDecimal checks an xs:decimal such as an xes.version.
func validDecimal(v []byte) bool {
	if len(v) > 0 && (v[0] == '+' || v[0] == '-') {
		v = v[1:]
	}
	digits, dots := 0, 0
	for _, c := range v {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		default:
			return false
		}
	}
	return digits > 0 && dots <= 1
}

// validName checks an xs:Name (XML names, approximated for non-ASCII).
func validName(v string) bool {
	if v == "" || !isNameStart(v[0]) {
		return false
	}
	for i := 1; i < len(v); i++ {
		c := v[i]
		if !isNameStart(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.' {
			return false
		}
	}
	return true
}
