package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/cases"
)

func TestCasesAPIForm(t *testing.T) {
	e := newCasesEnv(t)
	doc := loadOpenAPI(t)
	f := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/forms/" + e.apiSvc("parken")}, 200)
	if f["title"].(map[string]any)["de"] == "" || len(f["pages"].([]any)) != 6 || apiNum(f["service_id"]) != e.svc["parken"] {
		t.Errorf("form = %v", f)
	}
	if fee := f["fee"].(map[string]any); apiNum(fee["base_cents"]) != 3060 {
		t.Errorf("fee = %v", fee)
	}
	hund := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/forms/" + e.apiSvc("hund")}, 200)
	if hund["settings"].(map[string]any)["anonymous"] != true {
		t.Errorf("hund settings = %v", hund["settings"])
	}
	// A published service without a form, an unknown one, no number.
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/forms/" + strconv.FormatInt(e.ids["perso"], 10)}, 404)
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/forms/999999"}, 404)
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/forms/abc"}, 404)
}

// parkingJSON is a complete application for "parken" with the upload ref.
func parkingJSON(service int64, upload map[string]any, plate string) string {
	ref, _ := json.Marshal(upload)
	return `{"service_id":` + strconv.FormatInt(service, 10) + `,"lang":"de","answers":{` +
		`"plate":{"text":"` + plate + `"},` +
		`"address":{"address":{"street":"Am Anger","house_number":"15","postal_code":"07743","city":"Jena"}},` +
		`"zone":{"text":"a"},"registration":{"files":[` + string(ref) + `]},` +
		`"pay_by":{"text":"transfer"},"email":{"text":"erika@example.org"}}}`
}

func TestCasesAPIUploadAndSubmit(t *testing.T) {
	e := newCasesEnv(t)
	doc := loadOpenAPI(t)
	tok := e.apiToken(e.citizen)

	// Upload: checked by content against the question's types.
	up := e.apiUpload(doc, tok, "parken", "registration", "fahrzeugschein.pdf", testPDF, 201)
	if up["type"] != "application/pdf" || up["name"] != "fahrzeugschein.pdf" || !strings.HasPrefix(up["id"].(string), "uploads/") ||
		apiNum(up["size"]) != int64(len(testPDF)) {
		t.Errorf("upload = %v", up)
	}
	e.apiUpload(doc, "", "parken", "registration", "x.pdf", testPDF, 401) // the form needs an account
	bad := e.apiUpload(doc, tok, "parken", "plate", "x.pdf", testPDF, 400)
	if !slices.Equal(apiFields(bad), []string{"question"}) {
		t.Errorf("upload to a text question: %v", bad)
	}
	e.apiUpload(doc, tok, "parken", "registration", "x.pdf", []byte("MZ\x90\x00 not a document"), 400)
	e.apiUpload(doc, "", "hund", "certificate", "bild.png", testPNG, 400) // PDF only; anonymous allowed
	e.apiUpload(doc, "", "hund", "certificate", "nachweis.pdf", testPDF, 201)
	body, ct := apiMultipart(t, "anders", "x.pdf", testPDF)
	noFile := e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/uploads?service_id=" + e.apiSvc("parken") + "&question=registration",
		body: body, contentType: ct, token: tok}, 400)
	if !slices.Equal(apiFields(noFile), []string{"file"}) {
		t.Errorf("upload without file field: %v", noFile)
	}
	e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/uploads?service_id=" + e.apiSvc("parken") + "&question=registration",
		body: body, contentType: "text/plain", token: tok}, 415)
	// Multipart stays refused elsewhere in the API.
	e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", body: body, contentType: ct, token: tok}, 415)

	// Submit with an idempotency key: one case, the repeat gets it back.
	sub := apiReq{method: "POST", path: "/api/v1/cases", token: tok, body: parkingJSON(e.svc["parken"], up, "J-AB 123"),
		header: map[string]string{"Idempotency-Key": "erika-parken-1"}}
	first := e.apiCheck(doc, sub, 201)
	if first["status"] != "received" || apiNum(first["fee_cents"]) != 3060 || !cases.ValidReference(first["reference"].(string)) {
		t.Errorf("submitted = %v", first)
	}
	if _, ok := first["secret"]; ok {
		t.Error("a case with an account got a secret link")
	}
	again := e.apiCheck(doc, sub, 200)
	if again["id"] != first["id"] || again["reference"] != first["reference"] {
		t.Errorf("repeat = %v, first = %v", again, first)
	}
	mine := e.apiMine(e.citizen)
	if len(mine) != 1 || mine[0].Name != e.citizen.DisplayName || mine[0].Email != e.citizen.Email {
		t.Fatalf("cases after a repeated submission: %+v", mine)
	}

	// Invalid answers: field errors by question ID, nothing stored.
	invalid := strings.Replace(parkingJSON(e.svc["parken"], up, ""), `"zone":{"text":"a"}`, `"zone":{"text":"z"}`, 1)
	v := e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", token: tok, body: invalid, lang: "en"}, 400)
	if got := apiFields(v); !slices.Contains(got, "plate") || !slices.Contains(got, "zone") {
		t.Errorf("invalid answers reported as %v", v)
	}
	unknownFile := strings.Replace(parkingJSON(e.svc["parken"], up, "J-X 1"), up["id"].(string), "uploads/ffff", 1)
	if got := apiFields(e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", token: tok, body: unknownFile}, 400)); !slices.Equal(got, []string{"registration"}) {
		t.Errorf("unknown upload reported as %v", got)
	}
	e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", token: tok, body: `{"service_id":1,"answers":{"plate":{"txt":"x"}}}`}, 400)
	e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", token: tok, body: `{"service_id":` + e.apiSvc("parken") + `,"answers":{},"lang":"fr"}`}, 400)
	e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", token: tok, body: `{"service_id":999999,"answers":{}}`}, 404)
	if n := len(e.apiMine(e.citizen)); n != 1 {
		t.Errorf("failed submissions left %d cases", n)
	}
	// Without a token the parking form (account required) refuses.
	e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", body: parkingJSON(e.svc["parken"], up, "J-AB 124")}, 401)
	// An upload belongs to one case: another key with the same file is a
	// conflict; with a new upload it makes a second case.
	sub.header = map[string]string{"Idempotency-Key": "erika-parken-2"}
	e.apiCheck(doc, sub, 409)
	up2 := e.apiUpload(doc, tok, "parken", "registration", "schein.pdf", testPDF, 201)
	sub.body = parkingJSON(e.svc["parken"], up2, "J-AB 123")
	if second := e.apiCheck(doc, sub, 201); second["id"] == first["id"] {
		t.Error("a new key returned the first case")
	}
	if n := len(e.apiMine(e.citizen)); n != 2 {
		t.Errorf("%d cases, want 2", n)
	}
}

// dogJSON is a complete application for "hund" without an account.
func dogJSON(service int64, email string) string {
	return `{"service_id":` + strconv.FormatInt(service, 10) + `,"name":"Max Muster","email":"` + email + `","answers":{` +
		`"name":{"text":"Max Muster"},"birth_date":{"text":"1980-05-01"},` +
		`"address":{"address":{"street":"Löbdergraben","house_number":"2","postal_code":"07743","city":"Jena"}},` +
		`"dogs":{"text":"1"},"dog_name":{"text":"Bello"},"since":{"text":"2025-01-01"},"listed":{"text":"no"},` +
		`"email":{"text":"` + email + `"}}}`
}

func TestCasesAPIAnonymousSubmit(t *testing.T) {
	e := newCasesEnv(t)
	doc := loadOpenAPI(t)
	sub := apiReq{method: "POST", path: "/api/v1/cases", body: dogJSON(e.svc["hund"], "max@example.org"),
		header: map[string]string{"Idempotency-Key": "k1"}}
	v := e.apiCheck(doc, sub, 201)
	secret, _ := v["secret"].(string)
	if secret == "" || apiNum(v["fee_cents"]) != 1500 {
		t.Fatalf("anonymous submission = %v", v)
	}
	view, err := e.cases.CitizenView(context.Background(), cases.Citizen{Secret: secret}, 0)
	if err != nil || view.Case.Reference != v["reference"] || view.Case.Email != "max@example.org" {
		t.Fatalf("the secret does not open the case: %v", err)
	}
	// The repeat returns the case, never the secret again.
	again := e.apiCheck(doc, sub, 200)
	if again["id"] != v["id"] || again["secret"] != nil {
		t.Errorf("repeat = %v", again)
	}
	bad := e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", body: strings.Replace(dogJSON(e.svc["hund"], "max@example.org"), `"email":"max@example.org"`, `"email":"kein-at"`, 1)}, 400)
	if !slices.Contains(apiFields(bad), "email") {
		t.Errorf("bad e-mail reported as %v", bad)
	}
	e.apiCheck(doc, apiReq{method: "POST", path: "/api/v1/cases", body: dogJSON(e.svc["hund"], "max@example.org"),
		header: map[string]string{"Idempotency-Key": "mit leerzeichen"}}, 400)
	// Anonymous clients have no case list and no case.
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/cases"}, 401)
	e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/cases/" + strconv.FormatInt(apiNum(v["id"]), 10)}, 401)
}

func TestCasesAPICitizenCase(t *testing.T) {
	e := newCasesEnv(t)
	doc := loadOpenAPI(t)
	c := e.submitParking(t)
	tok := e.apiToken(e.citizen)
	base := "/api/v1/cases/" + strconv.FormatInt(c.ID, 10)

	list := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/cases", token: tok}, 200)["items"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["reference"] != c.Reference ||
		list[0].(map[string]any)["service_name"] != "Bewohnerparkausweis beantragen" {
		t.Fatalf("my cases = %v", list)
	}
	v := e.apiCheck(doc, apiReq{method: "GET", path: base, token: tok, lang: "en"}, 200)
	if v["state"] != "received" || v["state_label"] != "Received" || v["deadline"] == nil || apiNum(v["fee_cents"]) != 3060 {
		t.Errorf("case = %v", v)
	}
	if h := v["history"].([]any); len(h) == 0 || h[0].(map[string]any)["action"] != "submitted" {
		t.Errorf("history = %v", h)
	}
	if b, _ := v["bill"].(map[string]any); b["iban"] != "DE02120300000000202051" || apiNum(b["amount_cents"]) != 3060 || b["reference"] != c.Reference {
		t.Errorf("bill = %v", v["bill"])
	}
	var attachment map[string]any
	for _, f := range v["files"].([]any) {
		if f.(map[string]any)["kind"] == cases.FileAttachment {
			attachment = f.(map[string]any)
		}
	}
	if attachment == nil || attachment["question"] != "registration" {
		t.Fatalf("files = %v", v["files"])
	}
	file := e.apiSend(apiReq{method: "GET", path: attachment["href"].(string), token: tok})
	if file.status != 200 || !bytes.Equal(file.raw, testPDF) || file.header.Get("Content-Type") != "application/pdf" {
		t.Errorf("file: %d %q", file.status, file.header.Get("Content-Type"))
	}

	// The receipt is a PDF.
	rc := e.apiSend(apiReq{method: "GET", path: base + "/receipt", token: tok})
	if rc.status != 200 || rc.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(rc.raw, []byte("%PDF-")) ||
		!strings.Contains(rc.header.Get("Content-Disposition"), c.Reference) {
		t.Errorf("receipt: %d %q %q", rc.status, rc.header.Get("Content-Type"), rc.header.Get("Content-Disposition"))
	}
	if _, err := doc.responseSchema("GET", base+"/receipt", 200); err != nil {
		t.Error(err)
	}

	// The mailbox.
	m := e.apiCheck(doc, apiReq{method: "POST", path: base + "/messages", token: tok, body: `{"body":"Reicht eine Kopie?"}`}, 201)
	if m["from_staff"] != false || m["body"] != "Reicht eine Kopie?" {
		t.Errorf("message = %v", m)
	}
	e.apiCheck(doc, apiReq{method: "POST", path: base + "/messages", token: tok, body: `{"body":"  "}`}, 400)
	e.apiCheck(doc, apiReq{method: "POST", path: base + "/messages", token: tok, body: `{"text":"x"}`}, 400)
	ms := e.apiCheck(doc, apiReq{method: "GET", path: base + "/messages", token: tok}, 200)["messages"].([]any)
	if len(ms) != 1 || apiNum(m["id"]) == 0 || ms[0].(map[string]any)["id"] != m["id"] {
		t.Errorf("messages = %v, written %v", ms, m)
	}

	// Another citizen sees nothing of it: 404 everywhere, nothing written.
	other := e.apiToken(e.user("max@example.org", false))
	if items := e.apiCheck(doc, apiReq{method: "GET", path: "/api/v1/cases", token: other}, 200)["items"].([]any); len(items) != 0 {
		t.Errorf("another citizen's list = %v", items)
	}
	for _, q := range []apiReq{
		{method: "GET", path: base},
		{method: "GET", path: base + "/messages"},
		{method: "POST", path: base + "/messages", body: `{"body":"Hallo"}`},
		{method: "GET", path: base + "/receipt"},
		{method: "GET", path: base + "/files/" + strconv.FormatInt(apiNum(attachment["id"]), 10)},
		{method: "GET", path: "/api/v1/cases/999999"},
		{method: "GET", path: "/api/v1/cases/abc"},
	} {
		q.token = other
		if res := e.apiSend(q); res.status != 404 {
			t.Errorf("another citizen: %s %s = %d", q.method, q.path, res.status)
		}
	}
	if ms := e.apiCheck(doc, apiReq{method: "GET", path: base + "/messages", token: tok}, 200)["messages"].([]any); len(ms) != 1 {
		t.Errorf("after another citizen's attempt: %d messages", len(ms))
	}
}

// TestCasesAPIUploadTooLarge: an upload over the server's body limit is a
// 413 whether the client announces its length or streams it, and leaves
// no file behind.
func TestCasesAPIUploadTooLarge(t *testing.T) {
	e := newCasesEnv(t)
	doc := loadOpenAPI(t)
	tok := e.apiToken(e.citizen)
	big := append(append([]byte{}, testPDF...), bytes.Repeat([]byte("%"), 8000)...)
	e.apiUpload(doc, tok, "parken", "registration", "gross.pdf", big, 413)

	body, ct := apiMultipart(t, "file", "gross.pdf", big)
	r := httptest.NewRequest("POST", "/api/v1/uploads?service_id="+e.apiSvc("parken")+"&question=registration",
		io.MultiReader(strings.NewReader(body))) // length unknown
	r.Header.Set("Content-Type", ct)
	r.Header.Set("Authorization", "Bearer "+tok)
	if res := e.do(r); res.StatusCode != 413 {
		t.Errorf("streamed upload over the limit: %d %s", res.StatusCode, res.body)
	}
	left, _ := filepath.Glob(filepath.Join(e.files.Dir, "uploads", "*"))
	if len(left) != 0 {
		t.Errorf("files left behind: %v", left)
	}
}
