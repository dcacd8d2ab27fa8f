package demo

import (
	"context"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/georeport"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// reportStaffer is a named case worker of a unit that handles defect
// reports; the demo's status changes, answers, corrections and merges of
// that unit's reports are theirs.
type reportStaffer struct{ unit, email, name string }

var reportStaff = []reportStaffer{
	{"ksj-abfallwirtschaft", "abfallwirtschaft" + Domain, "Thomas Bergmann"},
	{"ksj-strassenreinigung", "strassenreinigung" + Domain, "Katrin Vogel"},
	{"ksj-strassenunterhaltung", "strassenunterhaltung" + Domain, "Stefan Krüger"},
	{"ksj-gruenflaechen", "gruenflaechen" + Domain, "Julia Hartmann"},
	{"ksj-revier-lobeda", "revier-lobeda" + Domain, "Marco Lehmann"},
	{"swj-strassenbeleuchtung", "strassenbeleuchtung" + Domain, "Nadine Schulz"},
	{"fd-mobilitaet", "mobilitaet" + Domain, "Andreas Wolf"},
}

// ReportLogins are the demo logins of defect reports for the start
// message and the login page: the street-light unit's case worker stands
// for the seven (SeedReports creates them, not Seed).
var ReportLogins = []Account{
	{Email: "strassenbeleuchtung" + Domain, Name: "Nadine Schulz", Role: org.RoleCaseWorker, Org: "swj-strassenbeleuchtung",
		What: "demo.account.report_worker"},
}

// seedReportStaff makes the units' case workers (password Password,
// e-mail verified) unless they exist and returns their user IDs by unit
// ID. They share one hash of the demo password: seven argon2id runs would
// add a second to every first demo start for nothing.
func seedReportStaff(ctx context.Context, accounts account.Store, orgs *org.Service, units map[string]int64, now time.Time) (map[int64]int64, error) {
	staff := map[int64]int64{}
	var hash string
	for _, s := range reportStaff {
		u, err := accounts.FindUserByEmail(ctx, s.email)
		if fault.Is(err, fault.NotFound) {
			if hash == "" {
				if hash, err = account.HashPassword(Password); err != nil {
					return nil, err
				}
			}
			now := now.UTC()
			u = &account.User{Email: s.email, DisplayName: s.name, PasswordHash: hash, Locale: "de", EmailVerifiedAt: &now, CreatedAt: now}
			if err = accounts.CreateUser(ctx, u, nil, nil); err == nil {
				_, err = orgs.Grant(ctx, nil, u.ID, org.RoleCaseWorker, units[s.unit])
			}
		}
		if err != nil {
			return nil, err
		}
		staff[units[s.unit]] = u.ID
	}
	return staff, nil
}

// reportActor is who handles r: the case worker of its unit, the
// platform (an admin without a name) only when the unit has none.
func reportActor(staff map[int64]int64, r *report.Report) report.Actor {
	if r.UnitID != nil {
		if id, ok := staff[*r.UnitID]; ok {
			return report.Actor{UserID: &id, Units: []int64{*r.UnitID}}
		}
	}
	return report.Actor{Admin: true}
}

// Open311Key is the demo's Open311 client key, so a developer can try the
// GeoReport API at once. It is known to everyone and exists only in a
// demo database, which `serve` refuses to run in production.
const Open311Key = "demo-open311-key"

// seedOpen311Key adds the client of Open311Key unless it exists (a
// revoked one stays revoked).
func seedOpen311Key(ctx context.Context, store georeport.Store, now time.Time) error {
	hash := georeport.HashKey(Open311Key)
	_, err := store.FindOpen311ClientByKeyHash(ctx, hash)
	if !fault.Is(err, fault.NotFound) {
		return err
	}
	c := &georeport.Client{Name: "Demo-Client (nur Demo)", Contact: "admin" + Domain, KeyHash: hash,
		KeyHint: Open311Key[:8], HourlyLimit: georeport.DefaultHourlyLimit, CreatedAt: now.UTC()}
	if err := georeport.Validate(c); err != nil {
		return err
	}
	return store.CreateOpen311Client(ctx, c)
}
