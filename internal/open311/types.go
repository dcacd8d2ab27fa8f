package open311

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// Discovery is the document of GET /discovery.{fmt}.
type Discovery struct {
	Changeset  Time       `xml:"changeset" json:"changeset"`
	Contact    string     `xml:"contact" json:"contact"`
	KeyService string     `xml:"key_service" json:"key_service"`
	Endpoints  []Endpoint `xml:"endpoints>endpoint" json:"endpoints"`
}

// Endpoint is one endpoint of a discovery document.
type Endpoint struct {
	Specification string   `xml:"specification" json:"specification"` // http://wiki.open311.org/GeoReport_v2
	URL           string   `xml:"url" json:"url"`
	Changeset     Time     `xml:"changeset" json:"changeset"`
	Type          string   `xml:"type" json:"type"` // production or test
	Formats       []string `xml:"formats>format" json:"formats"`
}

// Specification is the URL of the standard, for Endpoint.Specification.
const Specification = "http://wiki.open311.org/GeoReport_v2"

// ServiceType is how a service handles requests.
type ServiceType string

// The service types of GeoReport v2.
const (
	Realtime ServiceType = "realtime" // a service_request_id at once
	Batch    ServiceType = "batch"    // a token first, the id later
	Blackbox ServiceType = "blackbox" // no status is published
)

// Keywords is a list of words, written comma-separated as the standard does.
type Keywords []string

// MarshalText writes "lorem, ipsum, dolor".
func (k Keywords) MarshalText() ([]byte, error) { return []byte(strings.Join(k, ", ")), nil }

// UnmarshalText reads a comma-separated list.
func (k *Keywords) UnmarshalText(b []byte) error {
	*k = nil
	for _, w := range strings.Split(string(b), ",") {
		if w = strings.TrimSpace(w); w != "" {
			*k = append(*k, w)
		}
	}
	return nil
}

// Service is one entry of GET /services.{fmt}.
type Service struct {
	ServiceCode string      `xml:"service_code" json:"service_code"`
	ServiceName string      `xml:"service_name" json:"service_name"`
	Description string      `xml:"description" json:"description"`
	Metadata    bool        `xml:"metadata" json:"metadata"` // true when the service has a definition with attributes
	Type        ServiceType `xml:"type" json:"type"`
	Keywords    Keywords    `xml:"keywords" json:"keywords"`
	Group       string      `xml:"group" json:"group"`
}

// Datatype is an attribute's type.
type Datatype string

// The datatypes of GeoReport v2.
const (
	String          Datatype = "string"
	Number          Datatype = "number"
	Datetime        Datatype = "datetime"
	Text            Datatype = "text"
	SingleValueList Datatype = "singlevaluelist"
	MultiValueList  Datatype = "multivaluelist"
)

// Valid reports whether d is one of the six datatypes.
func (d Datatype) Valid() bool {
	switch d {
	case String, Number, Datetime, Text, SingleValueList, MultiValueList:
		return true
	}
	return false
}

// ServiceDefinition is the document of GET /services/{service_code}.{fmt}.
type ServiceDefinition struct {
	ServiceCode string      `xml:"service_code" json:"service_code"`
	Attributes  []Attribute `xml:"attributes>attribute" json:"attributes"`
}

// Attribute is a question a service asks beyond the standard fields.
type Attribute struct {
	Variable            bool       `xml:"variable" json:"variable"` // false: information only, nothing to send
	Code                string     `xml:"code" json:"code"`
	Datatype            Datatype   `xml:"datatype" json:"datatype"`
	Required            bool       `xml:"required" json:"required"`
	DatatypeDescription NullString `xml:"datatype_description" json:"datatype_description"`
	Order               int        `xml:"order" json:"order"`
	Description         string     `xml:"description" json:"description"`
	Values              []Value    `xml:"values>value" json:"values,omitempty"` // for the two list datatypes
}

// Value is one choice of a list attribute.
type Value struct {
	Key  string `xml:"key" json:"key"`
	Name string `xml:"name" json:"name"`
}

// Status is a service request's status in GeoReport v2.
type Status string

// The two statuses of GeoReport v2.
const (
	Open   Status = "open"
	Closed Status = "closed"
)

// ServiceRequest is one request of GET /requests.{fmt} and
// GET /requests/{id}.{fmt}.
type ServiceRequest struct {
	ServiceRequestID  string     `xml:"service_request_id" json:"service_request_id"`
	Status            Status     `xml:"status" json:"status"`
	StatusNotes       NullString `xml:"status_notes" json:"status_notes"`
	ServiceName       string     `xml:"service_name" json:"service_name"`
	ServiceCode       string     `xml:"service_code" json:"service_code"`
	Description       NullString `xml:"description" json:"description"`
	AgencyResponsible NullString `xml:"agency_responsible" json:"agency_responsible"`
	ServiceNotice     NullString `xml:"service_notice" json:"service_notice"`
	RequestedDatetime Time       `xml:"requested_datetime" json:"requested_datetime"`
	UpdatedDatetime   Time       `xml:"updated_datetime" json:"updated_datetime"`
	ExpectedDatetime  Time       `xml:"expected_datetime" json:"expected_datetime"`
	Address           NullString `xml:"address" json:"address"`
	AddressID         NullString `xml:"address_id" json:"address_id"`
	Zipcode           NullString `xml:"zipcode" json:"zipcode"`
	Lat               *Coord     `xml:"lat" json:"lat"`   // nil when the request has no point
	Long              *Coord     `xml:"long" json:"long"` // nil when the request has no point
	MediaURL          NullString `xml:"media_url" json:"media_url"`
}

// PostResponse is the answer to POST /requests.{fmt}: a service_request_id
// (realtime services) or a token (batch services), never both.
type PostResponse struct {
	ServiceRequestID string     `xml:"service_request_id,omitempty" json:"service_request_id,omitempty"`
	Token            string     `xml:"token,omitempty" json:"token,omitempty"`
	ServiceNotice    NullString `xml:"service_notice" json:"service_notice"`
	AccountID        NullString `xml:"account_id" json:"account_id"`
}

// TokenResponse is the answer to GET /tokens/{token}.{fmt}; ServiceRequestID
// is empty (null in JSON) while the request is not yet created.
type TokenResponse struct {
	ServiceRequestID NullString `xml:"service_request_id" json:"service_request_id"`
	Token            string     `xml:"token" json:"token"`
}

// RequestUpdate is one entry of FixMyStreet's GET /servicerequestupdates.{fmt}.
type RequestUpdate struct {
	UpdateID         string       `xml:"update_id" json:"update_id"`
	ServiceRequestID string       `xml:"service_request_id" json:"service_request_id"`
	Status           UpdateStatus `xml:"status" json:"status"`
	UpdatedDatetime  Time         `xml:"updated_datetime" json:"updated_datetime"`
	Description      NullString   `xml:"description" json:"description"`
	MediaURL         NullString   `xml:"media_url" json:"media_url"`
}

// NullString is a string that is an empty element in XML and null in JSON
// when empty.
type NullString string

// MarshalJSON writes null for "".
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return jsonString(string(s))
}

// jsonString quotes s without escaping <, > and & (the documents are not HTML).
func jsonString(s string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads a string or null.
func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	err := json.Unmarshal(b, &v)
	*s = NullString(v)
	return err
}

// Coord is a latitude or longitude in decimal degrees, written without an
// exponent (0.00001, never 1e-05) in both formats.
type Coord float64

// Point gives the two coordinates of a request's point.
func Point(lat, long float64) (*Coord, *Coord) {
	la, lo := Coord(lat), Coord(long)
	return &la, &lo
}

// MarshalText is used by encoding/xml.
func (c Coord) MarshalText() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(c), 'f', -1, 64), nil
}

// UnmarshalText reads a decimal number.
func (c *Coord) UnmarshalText(b []byte) error {
	f, err := strconv.ParseFloat(string(b), 64)
	*c = Coord(f)
	return err
}

// MarshalJSON writes a JSON number.
func (c Coord) MarshalJSON() ([]byte, error) { return c.MarshalText() }

// UnmarshalJSON reads a JSON number.
func (c *Coord) UnmarshalJSON(b []byte) error { return c.UnmarshalText(b) }
