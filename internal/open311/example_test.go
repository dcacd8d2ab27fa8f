package open311_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"rathaus/internal/open311"
)

// postRequests is the shape of the handler the wiring writes for
// POST /georeport/v2/requests.{fmt}: the format from the suffix, the form
// parsed, the key and the service looked up, the attributes checked, the
// request stored, the answer encoded; every error as the standard's list.
func postRequests(w http.ResponseWriter, r *http.Request) {
	_, f, err := open311.SplitFormat(r.URL.Path)
	if err == nil {
		err = r.ParseForm()
	}
	var p open311.PostRequest
	if err == nil {
		p, err = open311.ParsePostRequest(r.PostForm)
	}
	if err == nil && p.APIKey != "demo-key" { // the API key store
		err = open311.ErrAPIKeyInvalid
	}
	var attrs map[string][]string
	if err == nil {
		def := open311.ServiceDefinition{ServiceCode: "pothole", Attributes: []open311.Attribute{
			{Variable: true, Code: "DEPTH", Datatype: open311.Number, Required: true, Order: 1},
		}} // the report categories
		if p.ServiceCode != def.ServiceCode {
			err = open311.ErrServiceCodeUnknown(p.ServiceCode)
		} else {
			attrs, err = open311.ValidateAttributes(def, p.Attributes)
		}
	}
	var buf bytes.Buffer
	if err != nil {
		es := open311.AsErrors(err)
		w.Header().Set("Content-Type", f.ContentType())
		w.WriteHeader(es.Status())
		_ = open311.EncodeErrors(w, f, es)
		return
	}
	_ = attrs // stored with the report
	if err := open311.EncodePostResponse(&buf, f, open311.PostResponse{ServiceRequestID: "M-2026-000123"}); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", f.ContentType())
	w.WriteHeader(http.StatusCreated)
	_, _ = w.Write(buf.Bytes())
}

func Example() {
	send := func(path string, form url.Values) {
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		postRequests(rec, req)
		fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
		fmt.Print(rec.Body.String())
	}
	send("/georeport/v2/requests.json", url.Values{"service_code": {"pothole"}, "lat": {"50.9271"}, "long": {"11.5892"}})
	send("/georeport/v2/requests.json", url.Values{"api_key": {"demo-key"}, "service_code": {"pothole"}, "lat": {"50.9271"}})
	send("/georeport/v2/requests.xml", url.Values{"api_key": {"demo-key"}, "service_code": {"pothole"},
		"address_string": {"Löbdergraben 12"}, "attribute[DEPTH]": {"12"}})
	// Output:
	// 403 application/json; charset=utf-8
	// [{"code":403,"description":"api_key is required to create a service request"}]
	// 400 application/json; charset=utf-8
	// [{"code":400,"description":"lat and long must be given together"}]
	// 201 text/xml; charset=utf-8
	// <?xml version="1.0" encoding="utf-8"?>
	// <service_requests>
	//   <request>
	//     <service_request_id>M-2026-000123</service_request_id>
	//     <service_notice></service_notice>
	//     <account_id></account_id>
	//   </request>
	// </service_requests>
}
