package web

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"net/url"
	"strconv"
	"testing"

	"rathaus/internal/filestore"
	"rathaus/internal/report"
)

// rsEnv is the online-application fixture (cases_fixture_test.go) with
// defect reports: the categories "licht" (unit buergerservice, where
// e.worker works) and "muell" (unit standesamt, e.stranger's), a street
// light report with the reporter's e-mail and a photo (e.light), a
// second one of the same unit (e.light2) and a dumping report (e.dump).
type rsEnv struct {
	*casesEnv
	reports             *report.Service
	files               *filestore.Local
	licht, muell        *report.Category
	light, light2, dump *report.Report
}

func newRSEnv(t testing.TB) *rsEnv {
	t.Helper()
	ce := newCasesEnv(t)
	rs := any(ce.db).(report.Store)
	e := &rsEnv{casesEnv: ce, files: &filestore.Local{Dir: t.TempDir()}}
	e.reports = &report.Service{Store: rs, Now: ce.clock.Now}
	ce.srv.opts.Reports, ce.srv.opts.ReportFiles, ce.srv.opts.ReportOrgID = e.reports, e.files, *ce.unit.ParentID
	ce.srv.opts.BaseURL = "http://rathaus.test"
	ctx := context.Background()
	city := *ce.unit.ParentID
	e.licht = &report.Category{OrgID: city, UnitID: &ce.unit.ID, Code: "licht", NameDE: "Straßenbeleuchtung defekt",
		NameEN: "Street light out", Active: true, Group: "Straße"}
	mustDo(t, rs.CreateDefectCategory(ctx, e.licht))
	e.muell = &report.Category{OrgID: city, UnitID: &ce.other.ID, Code: "muell", NameDE: "Illegale Müllablagerung",
		NameEN: "Illegal dumping", Active: true, Group: "Sauberkeit"}
	mustDo(t, rs.CreateDefectCategory(ctx, e.muell))

	key := "reports/test-photo.jpg"
	data := rsTestJPEG(t)
	_, err := e.files.Put(ctx, key, bytes.NewReader(data), filestore.Meta{ContentType: "image/jpeg"})
	mustDo(t, err)
	e.light = &report.Report{OrgID: city, CategoryID: e.licht.ID, Description: "Laterne vor Haus 15 ist dunkel.",
		Location: report.Location{Address: "Am Anger 15, Jena"}, Contact: report.Contact{Email: "melder@example.org", Name: "Max Melder"},
		Photos: []report.Photo{{Key: key, ContentType: "image/jpeg", Size: int64(len(data)), Width: 64, Height: 48}}}
	mustDo(t, e.reports.Submit(ctx, e.light))
	e.light2 = &report.Report{OrgID: city, CategoryID: e.licht.ID, Description: "Laterne am Anger aus.",
		Location: report.Location{Address: "Am Anger 17, Jena"}}
	mustDo(t, e.reports.Submit(ctx, e.light2))
	e.dump = &report.Report{OrgID: city, CategoryID: e.muell.ID, Description: "Sperrmüll am Straßenrand.",
		Location: report.Location{Address: "Markt 1, Jena"}}
	mustDo(t, e.reports.Submit(ctx, e.dump))
	return e
}

// rsTestJPEG is a 64×48 photo with a pattern a blur changes.
func rsTestJPEG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := 0; y < 48; y++ {
		for x := 0; x < 64; x++ {
			c := uint8(0)
			if (x/4+y/4)%2 == 0 {
				c = 255
			}
			img.Set(x, y, color.RGBA{c, c, 255 - c, 255})
		}
	}
	var b bytes.Buffer
	mustDo(t, jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}))
	return b.Bytes()
}

// rsReport reads a report as stored.
func (e *rsEnv) rsReport(t testing.TB, id int64) *report.Report {
	t.Helper()
	r, err := e.reports.Store.FindDefectReport(context.Background(), id)
	mustDo(t, err)
	return r
}

// rsPost posts a form of a report's page with the report's version.
func (e *rsEnv) rsPost(t testing.TB, rep *report.Report, path string, v url.Values, version int) *response {
	t.Helper()
	if v == nil {
		v = url.Values{}
	}
	v.Set("version", strconv.Itoa(version))
	return e.postForm(rsPath(rep.Reference)+path, v, e.login(e.worker))
}
