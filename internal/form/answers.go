package form

// Answers maps question IDs to answers.
type Answers map[string]Value

// Value is the answer to one question. Exactly one field is used, by type:
// Text for text, textarea, number, date, choice, email, phone and iban;
// List for checkboxes; Address for address; Files for file.
type Value struct {
	Text    string    `json:"text,omitempty"`
	List    []string  `json:"list,omitempty"`
	Address *Address  `json:"address,omitempty"`
	Files   []FileRef `json:"files,omitempty"`
}

// Address is a postal address. Country is an ISO 3166 alpha-2 code; empty
// means Germany.
type Address struct {
	Street      string `json:"street"`
	HouseNumber string `json:"house_number"`
	PostalCode  string `json:"postal_code"`
	City        string `json:"city"`
	Country     string `json:"country,omitempty"`
}

// FileRef names an uploaded file held by the file store. Type is the MIME
// type the store determined from the content, not from the name.
type FileRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
	Size int64  `json:"size"`
}

// IsEmpty reports whether the value holds no answer.
func (v Value) IsEmpty() bool {
	return v.Text == "" && len(v.List) == 0 && len(v.Files) == 0 &&
		(v.Address == nil || *v.Address == Address{})
}

// answered reports whether question id has a non-empty answer.
func (a Answers) answered(id string) bool {
	v, ok := a[id]
	return ok && !v.IsEmpty()
}
