package open311

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
)

// The XML documents: a root element around the standard's entries.
type (
	xmlServices struct {
		XMLName xml.Name  `xml:"services"`
		Items   []Service `xml:"service"`
	}
	xmlServiceRequests struct {
		XMLName xml.Name         `xml:"service_requests"`
		Items   []ServiceRequest `xml:"request"`
	}
	xmlPostResponses struct {
		XMLName xml.Name       `xml:"service_requests"`
		Items   []PostResponse `xml:"request"`
	}
	xmlTokens struct {
		XMLName xml.Name        `xml:"service_requests"`
		Items   []TokenResponse `xml:"request"`
	}
	xmlErrors struct {
		XMLName xml.Name `xml:"errors"`
		Items   []Error  `xml:"error"`
	}
	xmlUpdates struct {
		XMLName xml.Name        `xml:"service_request_updates"`
		Items   []RequestUpdate `xml:"request_update"`
	}
	xmlDiscovery struct {
		XMLName xml.Name `xml:"discovery"`
		Discovery
	}
	xmlServiceDefinition struct {
		XMLName xml.Name `xml:"service_definition"`
		ServiceDefinition
	}
)

// EncodeDiscovery writes GET /discovery.{fmt}.
func EncodeDiscovery(w io.Writer, f Format, d Discovery) error {
	if d.Endpoints == nil {
		d.Endpoints = []Endpoint{}
	}
	return encode(w, f, xmlDiscovery{Discovery: d}, d)
}

// EncodeServices writes GET /services.{fmt}.
func EncodeServices(w io.Writer, f Format, s []Service) error {
	return encode(w, f, xmlServices{Items: s}, nonNil(s))
}

// EncodeServiceDefinition writes GET /services/{service_code}.{fmt}.
func EncodeServiceDefinition(w io.Writer, f Format, d ServiceDefinition) error {
	if d.Attributes == nil {
		d.Attributes = []Attribute{}
	}
	return encode(w, f, xmlServiceDefinition{ServiceDefinition: d}, d)
}

// EncodeRequests writes GET /requests.{fmt} and GET /requests/{id}.{fmt}.
func EncodeRequests(w io.Writer, f Format, r []ServiceRequest) error {
	return encode(w, f, xmlServiceRequests{Items: r}, nonNil(r))
}

// EncodePostResponse writes the answer to POST /requests.{fmt}.
func EncodePostResponse(w io.Writer, f Format, r ...PostResponse) error {
	return encode(w, f, xmlPostResponses{Items: r}, nonNil(r))
}

// EncodeTokens writes GET /tokens/{token}.{fmt}.
func EncodeTokens(w io.Writer, f Format, t ...TokenResponse) error {
	return encode(w, f, xmlTokens{Items: t}, nonNil(t))
}

// EncodeErrors writes an error document; the caller sets the HTTP status
// (Errors.Status) before.
func EncodeErrors(w io.Writer, f Format, es Errors) error {
	return encode(w, f, xmlErrors{Items: es}, nonNil([]Error(es)))
}

// EncodeUpdates writes FixMyStreet's GET /servicerequestupdates.{fmt}.
func EncodeUpdates(w io.Writer, f Format, u []RequestUpdate) error {
	return encode(w, f, xmlUpdates{Items: u}, nonNil(u))
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// XMLDeclaration opens every XML document.
const XMLDeclaration = `<?xml version="1.0" encoding="utf-8"?>` + "\n"

// encode writes the whole document at once, so a failure writes nothing.
func encode(w io.Writer, f Format, x, j any) error {
	var buf bytes.Buffer
	if f == JSON {
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(j); err != nil {
			return err
		}
	} else {
		buf.WriteString(XMLDeclaration)
		enc := xml.NewEncoder(&buf)
		enc.Indent("", "  ")
		if err := enc.Encode(x); err != nil {
			return err
		}
		buf.WriteByte('\n')
	}
	_, err := w.Write(buf.Bytes())
	return err
}
