package form

// Profile is the account data a form may offer as starting values.
type Profile struct {
	Name    string
	Email   string
	Phone   string
	Address *Address
}

// PrefillAnswers returns starting values for the questions that name a
// prefill source, from the profile. Call it only after the applicant has
// agreed to the use of their profile data; existing answers win, so a
// resumed draft is never overwritten.
func (f *Form) PrefillAnswers(p Profile, a Answers) Answers {
	out := Answers{}
	for k, v := range a {
		out[k] = v
	}
	for i := range f.Pages {
		for _, q := range f.Pages[i].Questions {
			if out.answered(q.ID) {
				continue
			}
			var v Value
			switch q.Prefill {
			case PrefillName:
				v.Text = p.Name
			case PrefillEmail:
				v.Text = p.Email
			case PrefillPhone:
				v.Text = p.Phone
			case PrefillAddress:
				if p.Address != nil {
					addr := *p.Address
					v.Address = &addr
				}
			}
			if !v.IsEmpty() {
				out[q.ID] = v
			}
		}
	}
	return out
}

// PrefillSources lists the prefill sources the form uses, for asking the
// applicant's consent ("we fill in your name and address from your
// account").
func (f *Form) PrefillSources() []string {
	var out []string
	seen := map[string]bool{}
	for i := range f.Pages {
		for _, q := range f.Pages[i].Questions {
			if q.Prefill != "" && !seen[q.Prefill] {
				seen[q.Prefill] = true
				out = append(out, q.Prefill)
			}
		}
	}
	return out
}
