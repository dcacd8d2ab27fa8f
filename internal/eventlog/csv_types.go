package eventlog

import (
	"strconv"
	"strings"
	"time"
)

// Kinds a lexical value can be read as (bits of valueKinds).
const (
	kindInt uint8 = 1 << iota
	kindFloat
	kindBool
	kindDate
	kindKnown uint8 = 0x80
)

// typeColumns gives every attribute column of b the most specific type all
// its values read as, and rewrites date values as RFC 3339. It runs on the
// builder before Log, while its dictionary can still take new values.
func typeColumns(b *Builder, loc *time.Location) {
	if loc == nil {
		loc = time.UTC
	}
	kinds := make([]uint8, len(b.log.Values))
	for _, cols := range [][]Column{b.log.EventAttrs, b.log.CaseAttrs} {
		for i := range cols {
			typeColumn(b, &cols[i], kinds, loc)
		}
	}
}

func typeColumn(b *Builder, col *Column, kinds []uint8, loc *time.Location) {
	mask, has := kindInt|kindFloat|kindBool|kindDate, false
	for _, v := range col.Val {
		if v < 0 {
			continue
		}
		has = true
		if kinds[v] == 0 {
			kinds[v] = kindKnown | valueKinds(b.log.Values[v], loc)
		}
		if mask &= kinds[v]; mask == 0 {
			break
		}
	}
	switch {
	case !has || mask == 0:
		col.Type = TypeString
	case mask&kindInt != 0:
		col.Type = TypeInt
	case mask&kindFloat != 0:
		col.Type = TypeFloat
	case mask&kindBool != 0:
		col.Type = TypeBool
	default:
		col.Type = TypeDate
		normalizeDates(b, col, loc)
	}
}

// valueKinds tells what s can be read as.
func valueKinds(s string, loc *time.Location) uint8 {
	var k uint8
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		k |= kindInt | kindFloat
	} else if isDecimal(s) {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			k |= kindFloat
		}
	}
	if strings.EqualFold(s, "true") || strings.EqualFold(s, "false") {
		k |= kindBool
	}
	if len(s) >= 10 && s[0] >= '0' && s[0] <= '9' && !isDigits(s) && detectLayout(s, loc) != "" {
		k |= kindDate
	}
	return k
}

// isDecimal reports whether s has only the characters of a decimal number
// (ParseFloat alone would also take "NaN" or "Inf").
func isDecimal(s string) bool {
	return s != "" && strings.Trim(s, "0123456789.eE+-") == ""
}

// normalizeDates replaces the date values of col by their RFC 3339 form.
func normalizeDates(b *Builder, col *Column, loc *time.Location) {
	done := map[int32]int32{}
	for i, v := range col.Val {
		if v < 0 {
			continue
		}
		n, ok := done[v]
		if !ok {
			s := b.log.Values[v]
			t, _ := parseLayout(detectLayout(s, loc), s, loc)
			n = b.value(t.Format(time.RFC3339Nano))
			done[v] = n
		}
		col.Val[i] = n
	}
}
