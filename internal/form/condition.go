package form

import (
	"slices"
	"strings"
)

// Condition operators.
const (
	OpEquals      = "equals"       // the answer is Value (for checkboxes: Value is ticked)
	OpNotEquals   = "not_equals"   // the negation of equals
	OpIn          = "in"           // the answer is one of Values (checkboxes: any ticked)
	OpAnswered    = "answered"     // the question has an answer
	OpNotAnswered = "not_answered" // the question has no answer
	OpGT          = "gt"           // the number answer is greater than Value
	OpLT          = "lt"           // the number answer is less than Value
)

// Ops lists the condition operators.
var Ops = []string{OpEquals, OpNotEquals, OpIn, OpAnswered, OpNotAnswered, OpGT, OpLT}

// Condition is a test on earlier answers. It is either a comparison
// (Question, Op, Value or Values) or a combination: All holds when every
// listed condition holds, Any when at least one does.
type Condition struct {
	Question string      `json:"question,omitempty"`
	Op       string      `json:"op,omitempty"`
	Value    string      `json:"value,omitempty"`
	Values   []string    `json:"values,omitempty"`
	All      []Condition `json:"all,omitempty"`
	Any      []Condition `json:"any,omitempty"`
}

// Eval reports whether the condition holds for the answers.
func (c *Condition) Eval(a Answers) bool {
	if len(c.All) > 0 || len(c.Any) > 0 {
		for i := range c.All {
			if !c.All[i].Eval(a) {
				return false
			}
		}
		if len(c.Any) == 0 {
			return true
		}
		for i := range c.Any {
			if c.Any[i].Eval(a) {
				return true
			}
		}
		return false
	}
	v := a[c.Question]
	switch c.Op {
	case OpAnswered:
		return !v.IsEmpty()
	case OpNotAnswered:
		return v.IsEmpty()
	case OpEquals:
		return has(v, c.Value)
	case OpNotEquals:
		return !has(v, c.Value)
	case OpIn:
		return slices.ContainsFunc(c.Values, func(s string) bool { return has(v, s) })
	case OpGT, OpLT:
		n, err := parseNumber(v.Text)
		m, err2 := parseNumber(c.Value)
		if err != nil || err2 != nil {
			return false
		}
		if c.Op == OpGT {
			return n > m
		}
		return n < m
	}
	return false
}

// has reports whether the answer is s, or for a list, contains s.
func has(v Value, s string) bool {
	if len(v.List) > 0 {
		return slices.Contains(v.List, s)
	}
	return strings.TrimSpace(v.Text) == s
}

// refs calls fn with every question the condition refers to.
func (c *Condition) refs(fn func(id string)) {
	if c.Question != "" {
		fn(c.Question)
	}
	for i := range c.All {
		c.All[i].refs(fn)
	}
	for i := range c.Any {
		c.Any[i].refs(fn)
	}
}
