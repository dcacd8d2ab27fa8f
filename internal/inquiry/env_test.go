package inquiry_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/catalog"
	"rathaus/internal/demo"
	"rathaus/internal/i18n"
	"rathaus/internal/inquiry"
	"rathaus/internal/org"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

var ctx = context.Background()

var t0 = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

// env is the demo city of Jena with its catalogue on a real database.
type env struct {
	db      *sqlstore.DB
	svc     *inquiry.Service
	orgs    *org.Service
	tr      *i18n.Catalog
	worker  org.Actor // case worker of the Bürgerservice (the office)
	kfz     org.Actor // case worker of the Kfz-Zulassung
	ids     map[string]int64
	mu      sync.Mutex
	now     time.Time
	nowFunc func() time.Time
}

func newEnv(t testing.TB, open storetest.Opener) *env {
	t.Helper()
	db := open(t)
	e := &env{db: db, now: t0, ids: map[string]int64{}}
	e.nowFunc = func() time.Time { e.mu.Lock(); defer e.mu.Unlock(); return e.now }
	tr, err := i18n.New()
	must(t, err)
	e.tr = tr
	accounts := &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: e.nowFunc, BaseURL: "https://rathaus.test"}
	e.orgs = &org.Service{Store: db, Audit: db, Now: e.nowFunc}
	_, err = demo.Seed(ctx, accounts, e.orgs)
	must(t, err)
	must(t, demo.SeedCatalog(ctx, &catalog.Catalog{Store: db, Orgs: e.orgs, Audit: db, Now: e.nowFunc}))
	orgs, err := db.FindOrgs(ctx)
	must(t, err)
	for _, o := range orgs {
		e.ids[o.Slug] = o.ID
	}
	w, err := db.FindUserByEmail(ctx, "sachbearbeitung"+demo.Domain)
	must(t, err)
	e.worker = org.Actor{UserID: w.ID}
	k := &account.User{Email: "kfz@example.org", DisplayName: "Kfz", CreatedAt: t0}
	must(t, db.CreateUser(ctx, k, nil, nil))
	_, err = e.orgs.Grant(ctx, nil, k.ID, org.RoleCaseWorker, e.ids["kfz-zulassung"])
	must(t, err)
	e.kfz = org.Actor{UserID: k.ID}
	e.svc = e.service()
	return e
}

// service is a Service over the env's database with its own router, as
// another instance of rathaus would have.
func (e *env) service() *inquiry.Service {
	r := &inquiry.Router{Catalog: e.db, Store: e.db}
	return &inquiry.Service{Store: e.db, Router: r, Orgs: e.orgs, Accounts: e.db, Audit: e.db, T: e.tr,
		Now: e.nowFunc, BaseURL: "https://rathaus.test"}
}

func (e *env) advance(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.now = e.now.Add(d)
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// engines runs fn once per database engine.
func engines(t *testing.T, fn func(t *testing.T, e *env)) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) { fn(t, newEnv(t, open)) })
	}
}
