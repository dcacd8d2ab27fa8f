package demo

import (
	"math/rand/v2"
	"time"
)

// berlin is the city's time zone: staff work by its clock.
var berlin = func() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.UTC
}()

// Office hours of the simulated staff, in minutes after midnight.
const (
	workStart = 7*60 + 30
	workEnd   = 16*60 + 30
)

// holiday reports whether d is a fixed public holiday in Thuringia
// (the movable feasts around Easter are left out).
func holiday(d time.Time) bool {
	switch d.Month()*100 + time.Month(d.Day()) {
	case 101, 501, 920, 1003, 1031, 1225, 1226:
		return true
	}
	return false
}

// workday reports whether staff work on t's day.
func workday(t time.Time) bool {
	wd := t.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !holiday(t)
}

func minuteOfDay(t time.Time) int { return t.Hour()*60 + t.Minute() }

func atMinute(t time.Time, m int) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), m/60, m%60, 0, 0, berlin)
}

// nextWork returns t if staff work then, else the start of the next
// working period.
func nextWork(t time.Time) time.Time {
	t = t.In(berlin)
	for {
		m := minuteOfDay(t)
		switch {
		case !workday(t) || m >= workEnd:
			t = atMinute(t.AddDate(0, 0, 1), workStart)
		case m < workStart:
			return atMinute(t, workStart)
		default:
			return t
		}
	}
}

// addWork adds d of working time to t: only office hours on working
// days count.
func addWork(t time.Time, d time.Duration) time.Time {
	t = nextWork(t)
	for {
		end := atMinute(t, workEnd)
		if left := end.Sub(t); d <= left {
			return t.Add(d)
		} else {
			d -= left
		}
		t = nextWork(end)
	}
}

// workDays is a random amount of working time between lo and hi working
// days (one working day is the office hours of one day).
func workDays(r *rand.Rand, lo, hi float64) time.Duration {
	day := float64(workEnd-workStart) * float64(time.Minute)
	return time.Duration((lo + r.Float64()*(hi-lo)) * day)
}

// citizenTime is a moment a citizen acts online about d after t: any
// day, mostly in the daytime and evening.
func citizenTime(r *rand.Rand, t time.Time, d time.Duration) time.Time {
	at := t.Add(d).In(berlin)
	hour := 7 + r.IntN(16) // 07:00 to 22:59
	out := time.Date(at.Year(), at.Month(), at.Day(), hour, r.IntN(60), r.IntN(60), 0, berlin)
	if !out.After(t) {
		out = t.Add(time.Duration(10+r.IntN(120)) * time.Minute)
	}
	return out
}

// days is a random duration between lo and hi calendar days.
func days(r *rand.Rand, lo, hi float64) time.Duration {
	return time.Duration((lo + r.Float64()*(hi-lo)) * 24 * float64(time.Hour))
}
