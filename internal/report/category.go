package report

import "strings"

// Datatype is an attribute's Open311 datatype.
type Datatype string

// The Open311 datatypes.
const (
	TypeString          Datatype = "string"
	TypeNumber          Datatype = "number"
	TypeDatetime        Datatype = "datetime"
	TypeText            Datatype = "text"
	TypeSingleValueList Datatype = "singlevaluelist"
	TypeMultiValueList  Datatype = "multivaluelist"
)

// Datatypes lists every datatype.
var Datatypes = []Datatype{TypeString, TypeNumber, TypeDatetime, TypeText, TypeSingleValueList, TypeMultiValueList}

// IsList reports whether answers come from Values.
func (d Datatype) IsList() bool { return d == TypeSingleValueList || d == TypeMultiValueList }

// Value is one choice of a list attribute.
type Value struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

// Attribute is an extra question of a category (an Open311 attribute).
type Attribute struct {
	Code                string   `json:"code"`
	Variable            bool     `json:"variable"` // false: information only, no answer
	Datatype            Datatype `json:"datatype"`
	Required            bool     `json:"required"`
	DatatypeDescription string   `json:"datatype_description,omitempty"`
	Order               int      `json:"order"`
	Description         string   `json:"description"`
	Values              []Value  `json:"values,omitempty"`
}

// HasValue reports whether key is one of the attribute's values.
func (a Attribute) HasValue(key string) bool {
	for _, v := range a.Values {
		if v.Key == key {
			return true
		}
	}
	return false
}

// Category is a node of an organisation's category tree; the code is the
// Open311 service_code.
type Category struct {
	ID          int64
	OrgID       int64  // the organisation whose tree it is
	ParentID    *int64 // nil at the top
	UnitID      *int64 // the responsible unit by default
	Code        string // stable, e.g. "strassenbeleuchtung"
	NameDE      string
	NameEN      string
	Description string
	Keywords    []string
	Group       string
	Active      bool
	Position    int
	Attributes  []Attribute
}

// Name is the category's name in lang, German when there is no English one.
func (c *Category) Name(lang string) string {
	if lang == "en" && c.NameEN != "" {
		return c.NameEN
	}
	return c.NameDE
}

// Tree is an organisation's categories, for lookups.
type Tree struct {
	byID   map[int64]*Category
	byCode map[string]*Category
	all    []*Category
}

// NewTree indexes cats.
func NewTree(cats []*Category) *Tree {
	t := &Tree{byID: map[int64]*Category{}, byCode: map[string]*Category{}, all: cats}
	for _, c := range cats {
		t.byID[c.ID] = c
		t.byCode[c.Code] = c
	}
	return t
}

// Len is the number of categories, active or not.
func (t *Tree) Len() int { return len(t.byID) }

// ByID returns the category or nil.
func (t *Tree) ByID(id int64) *Category { return t.byID[id] }

// ByCode returns the category with the service code or nil.
func (t *Tree) ByCode(code string) *Category { return t.byCode[strings.TrimSpace(code)] }

// Active returns the active categories a report can be filed under
// (leaves and inner nodes alike), in the store's order.
func (t *Tree) Active() []*Category {
	var out []*Category
	for _, c := range t.all {
		if c.Active {
			out = append(out, c)
		}
	}
	return out
}

// Ancestors returns c and its parents up to the top (cycles cut).
func (t *Tree) Ancestors(c *Category) []*Category {
	var out []*Category
	seen := map[int64]bool{}
	for c != nil && !seen[c.ID] {
		seen[c.ID] = true
		out = append(out, c)
		if c.ParentID == nil {
			break
		}
		c = t.byID[*c.ParentID]
	}
	return out
}
