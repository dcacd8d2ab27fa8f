package cases_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"rathaus/internal/cases"
	catalogpkg "rathaus/internal/catalog"
	"rathaus/internal/filestore"
	"rathaus/internal/form"
	"rathaus/internal/i18n"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/processlog"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// The crash tests run submissions in a child process (this test binary,
// started again with RATHAUS_CASES_CHILD set) and break it off for real:
// SIGKILL at a random moment, or a file-size limit (RLIMIT_FSIZE) that
// makes the disk refuse writes like a full one. Afterwards every case is
// complete or absent, and every case the child was told about exists.

const childEnv = "RATHAUS_CASES_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(runChild())
	}
	os.Exit(m.Run())
}

// runChild submits parking applications until it is killed or, with a
// file-size limit, once. It prints "ok <reference>" after each returned
// submission and "err <message>" for a failed one.
func runChild() int {
	mode, dbURL, dir := os.Getenv(childEnv), os.Getenv("CHILD_DB"), os.Getenv("CHILD_FILES")
	service, _ := strconv.ParseInt(os.Getenv("CHILD_SERVICE"), 10, 64)
	user, _ := strconv.ParseInt(os.Getenv("CHILD_USER"), 10, 64)
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, dbURL)
	if err != nil {
		fmt.Println("err open:", err)
		return 2
	}
	defer db.Close()
	tr, _ := i18n.New()
	now := func() time.Time { return time.Now().UTC() }
	orgs := &org.Service{Store: db, Audit: db, Now: now}
	svc := &cases.Service{Store: db, Forms: db, Files: &filestore.Local{Dir: dir}, T: tr, Now: now, Orgs: orgs,
		Catalog: &catalogpkg.Catalog{Store: db, Orgs: orgs, Audit: db, Now: now}, Audit: db, CityName: "Stadt Jena"}
	if mode == "fsize" {
		limit, _ := strconv.ParseUint(os.Getenv("CHILD_LIMIT"), 10, 64)
		signal.Ignore(syscall.SIGXFSZ) // a write past the limit fails with EFBIG instead
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
			fmt.Println("err rlimit:", err)
			return 2
		}
	}
	for i := 0; ; i++ {
		ref, err := childSubmit(ctx, svc, service, user, fmt.Sprintf("k%d-%d", os.Getpid(), i))
		if err != nil {
			fmt.Println("err", strings.ReplaceAll(err.Error(), "\n", " "))
		} else {
			fmt.Println("ok", ref)
		}
		if mode == "fsize" {
			return 0
		}
	}
}

func childSubmit(ctx context.Context, svc *cases.Service, service, user int64, key string) (string, error) {
	// An attachment of 256 KiB, so that uploads break off too.
	pdf := append(append([]byte{}, svcPDF...), bytes.Repeat([]byte("%"), 256<<10)...)
	ref, err := svc.Upload(ctx, "fahrzeugschein.pdf", bytes.NewReader(pdf), form.FileTypes, 0)
	if err != nil {
		return "", err
	}
	out, err := svc.Submit(ctx, cases.Application{ServiceID: service, Lang: "de", IdempotencyKey: key,
		Applicant: cases.Applicant{UserID: &user, Name: "Erika", Email: "erika@example.org"},
		Answers: form.Answers{
			"plate":        {Text: "J-AB 123"},
			"address":      {Address: &form.Address{Street: "Am Anger", HouseNumber: "15", PostalCode: "07743", City: "Jena"}},
			"zone":         {Text: "a"},
			"registration": {Files: []form.FileRef{ref}},
			"pay_by":       {Text: "transfer"},
			"email":        {Text: "erika@example.org"},
		}})
	if err != nil {
		return "", err
	}
	return out.Case.Reference, nil
}

// crashEnv is a svcEnv whose database a child process can open too.
type crashEnv struct {
	*svcEnv
	url, files string
}

func newCrashEnv(t *testing.T, engine string) *crashEnv {
	var url string
	open := func(t testing.TB) *sqlstore.DB {
		if engine == "sqlite" {
			url = filepath.Join(t.TempDir(), "crash.db")
		} else {
			base := storetest.PostgresURL(t)
			if base == "" {
				t.Skip("PostgreSQL not configured")
			}
			url = storetest.WithSchema(base, storetest.FreshSchema(t, base))
		}
		db, err := sqlstore.Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	e := newSvcEnv(t, open)
	return &crashEnv{svcEnv: e, url: url, files: e.svc.Files.(*filestore.Local).Dir}
}

// child starts the child process in mode.
func (e *crashEnv) child(t *testing.T, mode string, extra ...string) (*exec.Cmd, *bufio.Scanner) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, "CHILD_DB="+e.url, "CHILD_FILES="+e.files,
		"CHILD_SERVICE="+strconv.FormatInt(e.parking, 10), "CHILD_USER="+strconv.FormatInt(e.citizen, 10))
	cmd.Env = append(cmd.Env, extra...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

// checkComplete verifies that every case has everything a submission
// writes, and that the confirmed references all exist.
func (e *crashEnv) checkComplete(t *testing.T, confirmed []string) int {
	t.Helper()
	ctx := context.Background()
	all, total, err := e.db.FindCases(ctx, cases.Filter{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	byRef := map[string]bool{}
	for _, c := range all {
		byRef[c.Reference] = true
		files, err := e.db.CaseFiles(ctx, c.ID)
		if err != nil || len(files) != 1 {
			t.Errorf("%s: %d files (%v), want its attachment", c.Reference, len(files), err)
			continue
		}
		if _, err := e.svc.Files.Stat(ctx, files[0].Key); err != nil {
			t.Errorf("%s: attachment %s not in the file store: %v", c.Reference, files[0].Key, err)
		}
		if a, err := e.db.CaseAnswers(ctx, c.ID); err != nil || !bytes.Contains(a, []byte("J-AB 123")) {
			t.Errorf("%s: answers %s, %v", c.Reference, a, err)
		}
		if h, _ := e.db.History(ctx, c.ID); len(h) == 0 {
			t.Errorf("%s: no history", c.Reference)
		}
		if evs, _ := e.db.FindEvents(ctx, processlog.Filter{Process: cases.Process, CaseID: c.Reference}); len(evs) != 1 {
			t.Errorf("%s: %d process events, want 1", c.Reference, len(evs))
		}
	}
	mails, _ := e.db.FindMessages(ctx, mail.Filter{To: "erika@example.org"})
	if len(mails) != total {
		t.Errorf("%d confirmation mails for %d cases", len(mails), total)
	}
	for _, ref := range confirmed {
		if !byRef[ref] {
			t.Errorf("%s was confirmed to the citizen but is gone", ref)
		}
	}
	return total
}

func TestKilledSubmissionsLeaveWholeCasesOrNone(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			e := newCrashEnv(t, engine)
			var confirmed []string
			for round := range 6 {
				cmd, out := e.child(t, "loop")
				// Let it submit a few, then kill it at a random moment.
				for n := 0; n < 2+round && out.Scan(); n++ {
					if ref, ok := strings.CutPrefix(out.Text(), "ok "); ok {
						confirmed = append(confirmed, ref)
					} else {
						t.Fatalf("child: %s", out.Text())
					}
				}
				time.Sleep(time.Duration(rand.IntN(15000)) * time.Microsecond)
				_ = cmd.Process.Kill()
				for out.Scan() {
					if ref, ok := strings.CutPrefix(out.Text(), "ok "); ok {
						confirmed = append(confirmed, ref)
					}
				}
				_ = cmd.Wait()
			}
			if n := e.checkComplete(t, confirmed); n < len(confirmed) || n == 0 {
				t.Errorf("%d cases, %d confirmed", n, len(confirmed))
			}
		})
	}
}

func TestFullDiskLeavesWholeCasesOrNone(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	e := newCrashEnv(t, "sqlite")
	var confirmed []string
	failed := 0
	// From limits the attachment does not fit under, through ones where
	// the database cannot grow its log, to ones where everything fits.
	for limit := 64 << 10; limit <= 2<<20; limit += 48 << 10 {
		cmd, out := e.child(t, "fsize", "CHILD_LIMIT="+strconv.Itoa(limit))
		for out.Scan() {
			if ref, ok := strings.CutPrefix(out.Text(), "ok "); ok {
				confirmed = append(confirmed, ref)
			} else {
				failed++
				t.Logf("limit %d KiB: %s", limit>>10, out.Text())
			}
		}
		_ = cmd.Wait()
		if _, _, err := e.db.FindCases(context.Background(), cases.Filter{Limit: 1}); err != nil {
			t.Fatalf("database unusable after a full disk at %d bytes: %v", limit, err)
		}
	}
	if failed == 0 || len(confirmed) == 0 {
		t.Fatalf("the limits made %d submissions fail and %d succeed; want both", failed, len(confirmed))
	}
	if n := e.checkComplete(t, confirmed); n != len(confirmed) {
		t.Errorf("%d cases, %d confirmed: a failed submission left a case", n, len(confirmed))
	}
}
