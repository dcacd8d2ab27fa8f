package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/georeport"
)

// open311ClientStore is the Open311 API client part of a store.
func open311ClientStore(t *testing.T, s Stores) georeport.Store {
	t.Helper()
	cs, ok := s.(georeport.Store)
	if !ok {
		t.Fatalf("%T is no georeport.Store", s)
	}
	return cs
}

// testOpen311Clients: clients round-trip and are found by key hash; a
// hash is unique; revoking sets the time once; the hourly counter counts
// every use exactly once under concurrency, per client and hour, and old
// hours are deleted.
func testOpen311Clients(t *testing.T, s Stores) {
	cs := open311ClientStore(t, s)
	admin := newUser(t, s, "admin-open311@example.org")
	svc := &georeport.Service{Store: cs, Now: func() time.Time { return t0 }}
	fms := &georeport.Client{Name: "FixMyStreet Jena", Contact: "fms@example.org", HourlyLimit: 3}
	key, err := svc.Issue(ctx, fms, &admin.ID)
	must(t, err)
	app := &georeport.Client{Name: "Jena-App", Contact: "Stadtwerke"}
	_, err = svc.Issue(ctx, app, nil)
	must(t, err)
	if fms.ID == 0 || app.HourlyLimit != georeport.DefaultHourlyLimit {
		t.Fatalf("Issue: %+v %+v", fms, app)
	}
	got, err := cs.FindOpen311ClientByKeyHash(ctx, georeport.HashKey(key))
	must(t, err)
	want := *fms
	want.CreatedAt = t0.Truncate(time.Microsecond)
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindOpen311ClientByKeyHash (-want +got):\n%s", d)
	}
	if got.KeyHash == key || len(got.KeyHint) >= len(key) {
		t.Error("the key itself is stored")
	}
	if _, err := cs.FindOpen311ClientByKeyHash(ctx, georeport.HashKey("o311_wrong")); !fault.Is(err, fault.NotFound) {
		t.Errorf("unknown hash: %v", err)
	}
	dup := &georeport.Client{Name: "x", Contact: "y", KeyHash: fms.KeyHash, KeyHint: "o311_", HourlyLimit: 1, CreatedAt: t0}
	if err := cs.CreateOpen311Client(ctx, dup); !fault.Is(err, fault.Conflict) {
		t.Errorf("same hash twice: %v", err)
	}
	all, err := cs.FindOpen311Clients(ctx)
	must(t, err)
	if len(all) != 2 || all[0].ID != app.ID || all[1].ID != fms.ID {
		t.Errorf("FindOpen311Clients = %+v", all)
	}

	// Revoking: once, and the key no longer authenticates.
	must(t, cs.RevokeOpen311Client(ctx, fms.ID, t0.Add(time.Hour)))
	must(t, cs.RevokeOpen311Client(ctx, fms.ID, t0.Add(2*time.Hour)))
	got, err = cs.FindOpen311Client(ctx, fms.ID)
	must(t, err)
	if got.RevokedAt == nil || !got.RevokedAt.Equal(t0.Add(time.Hour).Truncate(time.Microsecond)) {
		t.Errorf("RevokedAt = %v", got.RevokedAt)
	}
	if _, err := svc.Authenticate(ctx, key); !fault.Is(err, fault.Forbidden) {
		t.Errorf("revoked key: %v", err)
	}
	if err := cs.RevokeOpen311Client(ctx, 999999, t0); !fault.Is(err, fault.NotFound) {
		t.Errorf("revoke unknown: %v", err)
	}

	// Counting: 20 concurrent uses are 20, per client and hour.
	hour := t0.Truncate(time.Hour)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := cs.CountOpen311Use(ctx, app.ID, hour, hour.Add(-24*time.Hour))
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	n, err := cs.CountOpen311Use(ctx, app.ID, hour, hour.Add(-24*time.Hour))
	must(t, err)
	if n != 21 {
		t.Errorf("count after 20 concurrent uses and one more = %d, want 21", n)
	}
	if n, _ := cs.CountOpen311Use(ctx, fms.ID, hour, hour.Add(-24*time.Hour)); n != 1 {
		t.Errorf("another client's count = %d, want 1", n)
	}
	if n, _ := cs.CountOpen311Use(ctx, app.ID, hour.Add(time.Hour), hour.Add(-24*time.Hour)); n != 1 {
		t.Errorf("next hour's count = %d, want 1", n)
	}
	// Deleting old hours: the first hour's counter starts again.
	if n, _ := cs.CountOpen311Use(ctx, app.ID, hour, hour.Add(time.Minute)); n != 1 {
		t.Errorf("count after its hour was deleted = %d, want 1", n)
	}
}
