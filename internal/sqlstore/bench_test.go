package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/jobs"
	"rathaus/internal/storetest"
)

// BenchmarkSessionLookup measures what every logged-in request costs in
// the database: finding the session by its hash and loading its user.
func BenchmarkSessionLookup(b *testing.B) {
	for name, open := range storetest.Engines(b) {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			db := open(b)
			now := time.Now()
			u := &account.User{Email: "b@example.org", DisplayName: "B", CreatedAt: now}
			if err := db.CreateUser(ctx, u, nil, nil); err != nil {
				b.Fatal(err)
			}
			s := &account.Session{Hash: "h", UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
			if err := db.CreateSession(ctx, s); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				sess, err := db.FindSessionByHash(ctx, "h")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := db.FindUserByID(ctx, sess.UserID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJobCycle measures enqueue, claim and complete of one job: the
// throughput ceiling of one worker on the queue.
func BenchmarkJobCycle(b *testing.B) {
	for name, open := range storetest.Engines(b) {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			db := open(b)
			now := time.Now()
			kinds := []string{"bench"}
			for b.Loop() {
				if _, err := db.EnqueueJob(ctx, &jobs.Job{Kind: "bench", RunAt: now}); err != nil {
					b.Fatal(err)
				}
				j, err := db.ClaimJob(ctx, "w", kinds, now, time.Minute)
				if err != nil {
					b.Fatal(err)
				}
				if err := db.CompleteJob(ctx, j.ID, "w", now); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
