package dldb

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// text is a JSON value read leniently as a string: DLDB exports write ids
// as strings or numbers and leave absent texts as null or false.
type text string

func (t *text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0, string(b) == "null", string(b) == "false", string(b) == "true":
		*t = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = text(s)
	case b[0] == '[' || b[0] == '{':
		*t = "" // an empty list or object where a text belongs
	default:
		*t = text(b) // a number, kept as written
	}
	return nil
}

// String returns the text trimmed.
func (t text) String() string { return strings.TrimSpace(string(t)) }

// number is a JSON value read leniently as an integer: a number or a
// numeric string; anything else is 0.
type number int

func (n *number) UnmarshalJSON(b []byte) error {
	var t text
	if err := t.UnmarshalJSON(b); err != nil {
		return err
	}
	f, err := strconv.ParseFloat(t.String(), 64)
	if err != nil {
		*n = 0
		return nil
	}
	*n = number(f)
	return nil
}

// list reads a JSON array of T, or an object whose values are T (some
// exports key their records by id), or null.
type list[T any] []T

func (l *list[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] == 'n' || b[0] == 'f' {
		*l = nil
		return nil
	}
	if b[0] == '{' {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sortKeys(keys)
		out := make([]T, 0, len(m))
		for _, k := range keys {
			var v T
			if err := json.Unmarshal(m[k], &v); err != nil {
				return err
			}
			out = append(out, v)
		}
		*l = out
		return nil
	}
	var out []T
	if err := json.Unmarshal(b, &out); err != nil {
		return err
	}
	*l = out
	return nil
}

// sortKeys orders numeric ids numerically, others as strings, so that an
// export keyed by id reads in a stable order.
func sortKeys(keys []string) {
	slices.SortFunc(keys, func(a, b string) int {
		if len(a) != len(b) && isDigits(a) && isDigits(b) {
			return cmp.Compare(len(a), len(b))
		}
		return cmp.Compare(a, b)
	})
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// object reads a JSON object into T, and null, false or an empty array
// (how PHP writes an empty object) as T's zero value.
type object[T any] struct{ V T }

func (o *object[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		var zero T
		o.V = zero
		return nil
	}
	return json.Unmarshal(b, &o.V)
}
