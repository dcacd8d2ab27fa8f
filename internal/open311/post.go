package open311

import (
	"net/url"
	"sort"
	"strings"
)

// MaxDescription is the longest description a request may have, in characters.
const MaxDescription = 4000

// Location is where a request is: a point, an address string or an address
// id; exactly one of the three is set (with PostOptions.CombinedLocation, a
// point may have the address fields beside it).
type Location struct {
	Lat, Long     float64 // WGS 84, when HasPoint
	HasPoint      bool
	AddressString string
	AddressID     string
}

// PostRequest is a parsed and checked POST /requests.{fmt}.
type PostRequest struct {
	JurisdictionID string
	APIKey         string // present; the caller checks that it is valid
	ServiceCode    string // present; the caller checks that it exists
	Location       Location
	// Attributes by code: attribute[CODE]=v gives one value,
	// attribute[CODE][]=v (repeated) a list. Empty values are dropped.
	Attributes  map[string][]string
	Email       string
	DeviceID    string
	AccountID   string
	FirstName   string
	LastName    string
	Phone       string
	Description string
	MediaURL    string
}

// PostOptions loosen ParsePostRequest for clients that need it.
type PostOptions struct {
	// CombinedLocation accepts lat and long together with address_string
	// and/or address_id, as the standard's wording allows ("required if no
	// lat/long") and FixMyStreet sends: the point is the location and the
	// address fields are kept beside it. Without it, exactly one location is
	// required (issue 10's rule) and FixMyStreet's POSTs get a 400.
	CombinedLocation bool
}

// ParsePostRequest reads the form values of POST /requests.{fmt}. A missing
// api_key is a 403 and nothing else is checked; every other problem is a 400,
// all of them reported together as Errors. Exactly one location is required.
func ParsePostRequest(v url.Values) (PostRequest, error) {
	return ParsePostRequestWith(v, PostOptions{})
}

// ParsePostRequestWith is ParsePostRequest with options.
func ParsePostRequestWith(v url.Values, opts PostOptions) (PostRequest, error) {
	var p PostRequest
	var errs Errors
	get := func(name string, max int) string {
		s := strings.TrimSpace(v.Get(name))
		if e, ok := checkText(name, s, max); !ok {
			errs = append(errs, e)
			return ""
		}
		return s
	}
	p.APIKey = get("api_key", 200)
	if p.APIKey == "" && len(errs) == 0 {
		return p, Errors{ErrAPIKeyMissing}
	}
	p.JurisdictionID = get("jurisdiction_id", 200)
	if p.ServiceCode = get("service_code", 200); p.ServiceCode == "" && !has(errs, "service_code") {
		errs = append(errs, BadRequest("service_code", "service_code is required"))
	}
	p.Location, errs = parseLocation(v, opts.CombinedLocation, errs)
	p.Attributes, errs = parseAttributes(v, errs)
	if p.Email = get("email", 254); p.Email != "" && !validEmail(p.Email) {
		errs = append(errs, BadRequest("email", "email is not a valid e-mail address"))
	}
	p.DeviceID = get("device_id", 200)
	p.AccountID = get("account_id", 200)
	p.FirstName = get("first_name", 200)
	p.LastName = get("last_name", 200)
	if p.Phone = get("phone", 40); p.Phone != "" && !validPhone(p.Phone) {
		errs = append(errs, BadRequest("phone", "phone may only contain digits, spaces and + - / ( ) ."))
	}
	if p.Description = get("description", MaxDescription); containsHTML(p.Description) {
		errs = append(errs, BadRequest("description", "description must be plain text without HTML"))
	}
	if p.MediaURL = get("media_url", 2048); p.MediaURL != "" && !validHTTPURL(p.MediaURL) {
		errs = append(errs, BadRequest("media_url", "media_url must be an absolute http or https URL"))
	}
	if len(errs) > 0 {
		return p, errs
	}
	return p, nil
}

func has(errs Errors, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}

func parseLocation(v url.Values, combined bool, errs Errors) (Location, Errors) {
	var l Location
	lat, long := strings.TrimSpace(v.Get("lat")), strings.TrimSpace(v.Get("long"))
	addr, addrID := strings.TrimSpace(v.Get("address_string")), strings.TrimSpace(v.Get("address_id"))
	if combined && (lat != "" || long != "") && (addr != "" || addrID != "") {
		return parseCombined(lat, long, addr, addrID, errs)
	}
	given := 0
	if lat != "" || long != "" {
		given++
	}
	if addr != "" {
		given++
	}
	if addrID != "" {
		given++
	}
	switch {
	case given == 0:
		return l, append(errs, BadRequest("location", "a location is required: lat and long, address_string or address_id"))
	case given > 1:
		return l, append(errs, BadRequest("location", "give exactly one location: lat and long, address_string or address_id, not several"))
	case lat != "" || long != "":
		return parsePoint(lat, long, errs)
	case addr != "":
		if e, ok := checkText("address_string", addr, 500); !ok {
			return l, append(errs, e)
		}
		l.AddressString = addr
	default:
		if e, ok := checkText("address_id", addrID, 200); !ok {
			return l, append(errs, e)
		}
		l.AddressID = addrID
	}
	return l, errs
}

// parseCombined reads a point with an address string and/or address id beside it.
func parseCombined(lat, long, addr, addrID string, errs Errors) (Location, Errors) {
	l, errs := parsePoint(lat, long, errs)
	if e, ok := checkText("address_string", addr, 500); !ok {
		errs = append(errs, e)
	} else {
		l.AddressString = addr
	}
	if e, ok := checkText("address_id", addrID, 200); !ok {
		errs = append(errs, e)
	} else {
		l.AddressID = addrID
	}
	return l, errs
}

func parsePoint(lat, long string, errs Errors) (Location, Errors) {
	var l Location
	if lat == "" || long == "" {
		return l, append(errs, BadRequest("location", "lat and long must be given together"))
	}
	var ok1, ok2 bool
	if l.Lat, ok1 = parseCoord(lat, 90); !ok1 {
		errs = append(errs, BadRequest("lat", "lat must be a decimal latitude between -90 and 90"))
	}
	if l.Long, ok2 = parseCoord(long, 180); !ok2 {
		errs = append(errs, BadRequest("long", "long must be a decimal longitude between -180 and 180"))
	}
	l.HasPoint = ok1 && ok2
	return l, errs
}

// parseAttributes reads attribute[CODE] and attribute[CODE][].
func parseAttributes(v url.Values, errs Errors) (map[string][]string, Errors) {
	attrs := map[string][]string{}
	keys := make([]string, 0, len(v))
	for k := range v {
		if strings.HasPrefix(k, "attribute") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		code, ok := attributeCode(k)
		if !ok {
			errs = append(errs, BadRequest(k, "malformed attribute parameter "+quote(k)+": use attribute[CODE] or attribute[CODE][]"))
			continue
		}
		for _, val := range v[k] {
			val = strings.TrimSpace(val)
			if e, ok := checkText("attribute["+code+"]", val, MaxDescription); !ok {
				errs = append(errs, e)
				continue
			}
			if val != "" {
				attrs[code] = append(attrs[code], val)
			}
		}
	}
	return attrs, errs
}

func attributeCode(k string) (string, bool) {
	rest, ok := strings.CutPrefix(k, "attribute[")
	if !ok {
		return "", false
	}
	rest = strings.TrimSuffix(rest, "[]")
	code, ok := strings.CutSuffix(rest, "]")
	if !ok || code == "" || len(code) > 100 || strings.ContainsAny(code, "[]") {
		return "", false
	}
	return code, true
}
