// Package opendatatest fills a migrated rathaus database with a small,
// known history for the open-data tests of the store and the web pages.
package opendatatest

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Expected figures of the seeded history (threshold 5):
//
//	applications: 2026-10 Wohnsitz online 7, paper 2; 2026-11 Wohnsitz
//	online 5; 2026-11 Hund online 1, in_person 3
//	satisfaction: Wohnsitz 6 ratings (5,5,4,3,5,4: mean 4.33, share 0.83);
//	Hund 2 ratings (2, 5)
//	ideas (published): Jena gestalten received 6, done 2 (one pending idea
//	is not counted)
//	waits: 2026-11 Bürgerservice 5 kept bookings waiting 1, 2, 3, 4, 10 days
//	(median 3, p90 10); a cancelled and a held booking are not counted
const (
	ServiceResidence = 1
	ServiceDog       = 2
)

// Seed writes the history with raw SQL through db (opened on the same
// database as the store under test); postgres selects $n placeholders.
func Seed(t testing.TB, db *sql.DB, postgres bool) {
	t.Helper()
	s := &seeder{t: t, db: db, pg: postgres}
	at := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	for id, name := range map[int]string{ServiceResidence: "Wohnsitz anmelden", ServiceDog: "Hund anmelden"} {
		s.exec(`INSERT INTO services (id, status, name, content, created_at, updated_at) VALUES (?, 'published', ?, '{}', ?, ?)`, id, name, at, at)
	}
	oct, nov := time.Date(2026, 10, 10, 9, 0, 0, 0, time.UTC), time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC)
	s.cases(ServiceResidence, "online", oct, 7)
	s.cases(ServiceResidence, "paper", oct, 2)
	s.cases(ServiceResidence, "online", nov, 5)
	s.cases(ServiceDog, "online", nov, 1)
	s.cases(ServiceDog, "in_person", nov, 3)
	for i, r := range []int{5, 5, 4, 3, 5, 4} {
		s.rating(ServiceResidence, i+1, r, nov)
	}
	s.rating(ServiceDog, 101, 2, nov)
	s.rating(ServiceDog, 102, 5, nov)
	s.exec(`INSERT INTO participation_spaces (id, slug, title, moderation, created_at) VALUES (1, 'jena', 'Jena gestalten', 'post', ?)`, at)
	for i := 0; i < 9; i++ {
		status, mod := "received", "published"
		if i >= 6 {
			status = "done"
		}
		if i == 8 {
			status, mod = "received", "pending"
		}
		s.exec(`INSERT INTO ideas (space_id, title, body, status, moderation, created_at, updated_at) VALUES (1, ?, 'x', ?, ?, ?, ?)`,
			"Idee "+strconv.Itoa(i), status, mod, nov, nov)
	}
	s.exec(`INSERT INTO offices (id, name, created_at, updated_at) VALUES (1, 'Bürgerservice', ?, ?)`, at, at)
	for i, d := range []int{1, 2, 3, 4, 10} {
		s.booking(i, "confirmed", d)
	}
	s.booking(10, "cancelled", 30)
	s.booking(11, "held", 30)
}

type seeder struct {
	t  testing.TB
	db *sql.DB
	pg bool
	n  int
}

func (s *seeder) cases(service int, channel string, at time.Time, n int) {
	for i := 0; i < n; i++ {
		s.n++
		s.exec(`INSERT INTO cases (reference, service_id, channel, state, submitted_at, updated_at) VALUES (?, ?, ?, 'submitted', ?, ?)`,
			fmt.Sprintf("OD-%04d", s.n), service, channel, at, at)
	}
}

func (s *seeder) rating(service, subject, rating int, at time.Time) {
	s.exec(`INSERT INTO feedback_satisfaction (kind, subject_id, service_id, rating, at, updated_at) VALUES ('case', ?, ?, ?, ?, ?)`,
		subject, service, rating, at, at)
}

func (s *seeder) booking(i int, status string, leadDays int) {
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	created := start.AddDate(0, 0, -leadDays)
	s.exec(`INSERT INTO bookings (code, office_id, service_ids, persons, start_at, end_at, name, email, lang, status, created_at)
		VALUES (?, 1, '[1]', 1, ?, ?, 'Anna', 'anna@example.org', 'de', ?, ?)`,
		"B"+strconv.Itoa(i), start, start.Add(15*time.Minute), status, created)
}

func (s *seeder) exec(q string, args ...any) {
	s.t.Helper()
	if s.pg {
		for n := 1; strings.Contains(q, "?"); n++ {
			q = strings.Replace(q, "?", "$"+strconv.Itoa(n), 1)
		}
	}
	if _, err := s.db.ExecContext(context.Background(), q, args...); err != nil {
		s.t.Fatalf("seed: %v\n%s", err, q)
	}
}
