package workshop_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/digitalcheck"
	"rathaus/internal/fault"
	"rathaus/internal/filestore"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
	"rathaus/internal/workshop"
)

var ctx = context.Background()

var t0 = time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)

// env is a workshop on a real database with two units: the owner owns
// processes in "buergerservice", the stranger in "bauamt", the worker is
// only a case worker.
type env struct {
	db                      *sqlstore.DB
	ws                      *workshop.Service
	dir                     string
	unit, bauamt            int64
	owner, stranger, worker org.Actor
}

func newEnv(t *testing.T, open storetest.Opener) *env {
	t.Helper()
	db := open(t)
	e := &env{db: db, dir: t.TempDir()}
	orgs := &org.Service{Store: db, Audit: db, Now: func() time.Time { return t0 }}
	mk := func(slug string) int64 {
		o := &org.Org{Slug: slug, Name: slug, Kind: org.KindUnit, CreatedAt: t0}
		if err := db.CreateOrg(ctx, o); err != nil {
			t.Fatal(err)
		}
		return o.ID
	}
	e.unit, e.bauamt = mk("buergerservice"), mk("bauamt")
	user := func(email, role string, unit int64) org.Actor {
		u := &account.User{Email: email, DisplayName: email, PasswordHash: "x", Locale: "de", CreatedAt: t0}
		if err := db.CreateUser(ctx, u, nil, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := orgs.Grant(ctx, nil, u.ID, role, unit); err != nil {
			t.Fatal(err)
		}
		return org.Actor{UserID: u.ID}
	}
	e.owner = user("owner@example.org", org.RoleServiceOwner, e.unit)
	e.stranger = user("stranger@example.org", org.RoleServiceOwner, e.bauamt)
	e.worker = user("worker@example.org", org.RoleCaseWorker, e.unit)
	e.ws = &workshop.Service{Store: db, Orgs: orgs, Audit: db, Files: &filestore.Local{Dir: e.dir},
		Now: func() time.Time { return t0 }}
	return e
}

func engines(t *testing.T, fn func(t *testing.T, e *env)) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) { fn(t, newEnv(t, open)) })
	}
}

const csvLog = "Fall;Schritt;Zeit;Team\n" +
	"A;Eingang;2026-10-01 09:00:00;Post\n" +
	"A;Prüfung;2026-10-03 10:00:00;Bau\n" +
	"B;Eingang;2026-10-02 09:00:00;Post\n" +
	"B;Prüfung;2026-10-02 11:30:00;Bau\n" +
	"B;Bescheid;2026-10-09 08:00:00;Bau\n"

func TestImportAndScope(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		st, rep, err := e.ws.Import(ctx, e.owner, workshop.ImportRequest{FileName: "bauantraege.csv", File: strings.NewReader(csvLog),
			Settings: workshop.Settings{CaseColumn: "Fall", ActivityColumn: "Schritt", TimestampColumn: "Zeit", ResourceColumn: "Team"}})
		if err != nil {
			t.Fatal(err)
		}
		if st.Cases != 2 || st.Events != 5 || st.Activities != 3 || st.Name != "bauantraege.csv" || *st.OrgID != e.unit || rep == nil {
			t.Errorf("imported %+v, want 2 cases, 5 events, 3 activities in the owner's unit", st)
		}
		key := "log:" + itoa(st.ID)
		l, src, err := e.ws.Log(ctx, e.owner, key)
		if err != nil || len(l.Cases) != 2 || src.Name != "bauantraege.csv" {
			t.Fatalf("Log(%s) = %v cases, %v", key, len(l.Cases), err)
		}
		if _, _, err := e.ws.Log(ctx, e.stranger, key); !fault.Is(err, fault.NotFound) {
			t.Errorf("another unit's owner reads the log: %v, want NotFound", err)
		}
		if _, err := e.ws.Sources(ctx, e.worker); !fault.Is(err, fault.Forbidden) {
			t.Errorf("a case worker lists sources: %v, want Forbidden", err)
		}
		srcs, err := e.ws.Sources(ctx, e.stranger)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range srcs {
			if s.Key == key {
				t.Errorf("the stranger's sources list the owner's log")
			}
		}
		if err := e.ws.DeleteLog(ctx, e.stranger, st.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("the stranger deletes the log: %v", err)
		}
		must(t, e.ws.DeleteLog(ctx, e.owner, st.ID))
		if files := storedFiles(t, e.dir); len(files) != 0 {
			t.Errorf("after deleting, files remain: %v", files)
		}
	})
}

// TestImportRefusesUnreadable: a broken file is refused with a reason and
// leaves neither a row nor a file behind.
func TestImportRefusesUnreadable(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		for name, body := range map[string]string{
			"kaputt.xes": "<log><trace><event><string key=\"concept:name\" value=\"a\"/>",
			"leer.csv":   "Fall;Schritt;Zeit\n",
			"fremd.csv":  "a;b;c\n1;2;3\n",
		} {
			_, _, err := e.ws.Import(ctx, e.owner, workshop.ImportRequest{FileName: name, File: strings.NewReader(body)})
			fe := fault.As(err)
			if fe == nil || fe.Kind != fault.Invalid || fe.Key == "" {
				t.Errorf("%s: %v, want an Invalid error with a translation key", name, err)
			}
		}
		logs, _ := e.db.FindStoredLogs(ctx, nil)
		if len(logs) != 0 || len(storedFiles(t, e.dir)) != 0 {
			t.Errorf("refused imports left %d rows and files %v", len(logs), storedFiles(t, e.dir))
		}
	})
}

// TestPlatformLog: the platform's events become a log per process and
// service, staff shown by role, and the cache sees new events.
func TestPlatformLog(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		ev := func(id, act, res string, at time.Time, unit int64) processlog.Event {
			return processlog.Event{Process: "case", CaseID: id, Activity: act, At: at, OrgID: &unit, Resource: res,
				Attrs: map[string]string{"service": "9", "role": "case_worker"}}
		}
		must(t, e.db.AddEvents(ctx, []processlog.Event{
			ev("K-1", "submitted", "citizen", t0, e.unit), ev("K-1", "start", "staff:42", t0.Add(time.Hour), e.unit),
			ev("X-1", "submitted", "citizen", t0, e.bauamt),
		}))
		l, _, err := e.ws.Log(ctx, e.owner, "case:9")
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Cases) != 1 || l.Cases[0].ID != "K-1" {
			t.Fatalf("the owner's log of service 9 has %d cases, want only the unit's K-1", len(l.Cases))
		}
		for _, r := range l.Resource {
			if v := l.Value(r); strings.Contains(v, "42") {
				t.Errorf("resource %q names a person; staff must appear by role", v)
			}
		}
		if got := l.Value(l.Resource[1]); got != "staff/case_worker" {
			t.Errorf("staff resource %q, want staff/case_worker", got)
		}
		must(t, e.db.AddEvents(ctx, []processlog.Event{ev("K-1", "approve", "staff:42", t0.Add(2*time.Hour), e.unit)}))
		l2, _, err := e.ws.Log(ctx, e.owner, "case:9")
		if err != nil || l2.NumEvents() != 3 {
			t.Errorf("after a new event the log has %d events (%v), want 3", l2.NumEvents(), err)
		}
		if _, _, err := e.ws.Log(ctx, e.owner, "nonsense process"); !fault.Is(err, fault.Invalid) {
			t.Errorf("a malformed source key: %v, want Invalid", err)
		}
	})
}

// TestModelsAndCheck: a model discovered from a log, annotated, checked;
// a stale edit is refused.
func TestModelsAndCheck(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		st, _, err := e.ws.Import(ctx, e.owner, workshop.ImportRequest{FileName: "b.csv", File: strings.NewReader(csvLog),
			Settings: workshop.Settings{CaseColumn: "Fall", ActivityColumn: "Schritt", TimestampColumn: "Zeit"}})
		must(t, err)
		key := "log:" + itoa(st.ID)
		m, err := e.ws.DiscoverModel(ctx, e.owner, workshop.NewModel{Name: "Bauanträge", Source: key}, 0)
		must(t, err)
		_, pm, err := e.ws.Model(ctx, e.owner, m.ID)
		must(t, err)
		var eingang string
		for _, task := range pm.Tasks() {
			if task.Name == "Eingang" {
				eingang = task.ID
			}
		}
		if eingang == "" || len(pm.Tasks()) != 3 {
			t.Fatalf("discovered model has tasks %d, want Eingang, Prüfung, Bescheid", len(pm.Tasks()))
		}
		fit, _, err := e.ws.Conformance(ctx, e.owner, m.ID, "")
		if err != nil || fit.Fitness < 0.999 {
			t.Errorf("the discovered model replays its own log with fitness %v (%v), want 1", fit, err)
		}
		ann := digitalcheck.Annotation{LegalBasis: "§ 64 ThürBO", Form: digitalcheck.FormWritten, HandwrittenSignature: true}
		m2, err := e.ws.Annotate(ctx, e.owner, m.ID, m.Version, eingang, ann)
		must(t, err)
		if _, err := e.ws.Annotate(ctx, e.owner, m.ID, m.Version, eingang, ann); !fault.Is(err, fault.Conflict) {
			t.Errorf("an edit of the old version: %v, want Conflict", err)
		}
		if _, err := e.ws.Annotate(ctx, e.stranger, m.ID, m2.Version, eingang, ann); !fault.Is(err, fault.NotFound) {
			t.Errorf("another unit's owner annotates: %v, want NotFound", err)
		}
		bad := digitalcheck.Annotation{Discretion: true, Automated: true}
		if _, err := e.ws.Annotate(ctx, e.owner, m.ID, m2.Version, eingang, bad); !fault.Is(err, fault.Invalid) {
			t.Errorf("an automated step with discretion: %v, want Invalid", err)
		}
		res, err := e.ws.Check(ctx, e.owner, m.ID)
		must(t, err)
		var law string
		for _, f := range res.Report.Findings() {
			if f.StepID == eingang && f.Obstacle == "written_form" {
				law = f.RemedyLaw
			}
		}
		if !strings.Contains(law, "§ 3a VwVfG") || res.Report.Score >= 100 || res.Source == nil {
			t.Errorf("check: written form remedy %q, score %d; want § 3a VwVfG and a score below 100", law, res.Report.Score)
		}
	})
}

func storedFiles(t *testing.T, dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestPurge: imported logs are deleted, file and all, when their
// retention ends; younger ones stay.
func TestPurge(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		now := t0
		e.ws.Now = func() time.Time { return now }
		e.ws.Retention = 30 * 24 * time.Hour
		imp := func() *workshop.StoredLog {
			st, _, err := e.ws.Import(ctx, e.owner, workshop.ImportRequest{FileName: "b.csv", File: strings.NewReader(csvLog),
				Settings: workshop.Settings{CaseColumn: "Fall", ActivityColumn: "Schritt", TimestampColumn: "Zeit"}})
			must(t, err)
			return st
		}
		old := imp()
		now = t0.Add(20 * 24 * time.Hour)
		young := imp()
		now = t0.Add(31 * 24 * time.Hour)
		if !e.ws.ExpiresAt(old).Before(now) || e.ws.ExpiresAt(young).Before(now) {
			t.Fatalf("expiry %v / %v at %v", e.ws.ExpiresAt(old), e.ws.ExpiresAt(young), now)
		}
		n, err := e.ws.Purge(ctx)
		if err != nil || n != 1 {
			t.Fatalf("Purge = %d, %v; want the old log only", n, err)
		}
		if _, err := e.db.FindStoredLog(ctx, old.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("the old log is still there: %v", err)
		}
		if _, _, err := e.ws.Log(ctx, e.owner, "log:"+itoa(young.ID)); err != nil {
			t.Errorf("the young log went too: %v", err)
		}
		if files := storedFiles(t, e.dir); len(files) != 1 {
			t.Errorf("files after purge: %v, want the young log's only", files)
		}
	})
}

// TestImportXESErrors: a broken XES file and a strict check that fails say
// what and where, with their own translation keys.
func TestImportXESErrors(t *testing.T) {
	e := newEnv(t, storetest.OpenSQLite)
	_, _, err := e.ws.Import(ctx, e.owner, workshop.ImportRequest{FileName: "a.xes", File: strings.NewReader("<log>\n<trace><event>")})
	if fe := fault.As(err); fe == nil || fe.Key != "error.workshop.xes_syntax" || fe.Args[0] != 2 {
		t.Errorf("a truncated XES file: %v, want error.workshop.xes_syntax at line 2", err)
	}
	loose := `<log><trace><string key="concept:name" value="1"/><event><string key="concept:name" value="a"/></event></trace></log>`
	_, _, err = e.ws.Import(ctx, e.owner, workshop.ImportRequest{FileName: "b.xes", File: strings.NewReader(loose),
		Settings: workshop.Settings{Strict: true}})
	if fe := fault.As(err); fe == nil || fe.Key != "error.workshop.xes_schema" {
		t.Errorf("a strict import of a file without xes.version: %v, want error.workshop.xes_schema", err)
	}
	if _, _, err := e.ws.Import(ctx, e.owner, workshop.ImportRequest{FileName: "b.xes", File: strings.NewReader(loose)}); err != nil {
		t.Errorf("the same file without the strict check: %v", err)
	}
}
