package form

import "math"

// Fee is the rule that computes an application's fee from its answers:
// a base fee, plus an amount per unit of a number answer (e.g. per dog or
// per copy), plus surcharges whose condition holds (e.g. for a listed dog).
// All amounts are in euro cents. Answers on hidden pages do not count.
type Fee struct {
	BaseCents  int64       `json:"base_cents"`
	PerUnit    *PerUnit    `json:"per_unit,omitempty"`
	Surcharges []Surcharge `json:"surcharges,omitempty"`
}

// PerUnit charges Cents for every unit of the number answer to Question.
type PerUnit struct {
	Question string `json:"question"`
	Cents    int64  `json:"cents"`
}

// Surcharge adds Cents when If holds; negative Cents reduce the fee.
type Surcharge struct {
	If    Condition `json:"if"`
	Cents int64     `json:"cents"`
}

// FeeCents returns the fee for the answers in cents; 0 for a form without
// a fee. It never returns less than 0.
func (f *Form) FeeCents(a Answers) int64 {
	if f.Fee == nil {
		return 0
	}
	a = f.Visible(a)
	total := f.Fee.BaseCents
	if u := f.Fee.PerUnit; u != nil {
		if n, err := parseNumber(a[u.Question].Text); err == nil && n > 0 {
			total += int64(math.Round(n * float64(u.Cents)))
		}
	}
	for i := range f.Fee.Surcharges {
		if s := &f.Fee.Surcharges[i]; s.If.Eval(a) {
			total += s.Cents
		}
	}
	return max(total, 0)
}
