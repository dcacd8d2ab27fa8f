// Package promo promotes the city's online services: print-ready posters
// and flyers with a QR code to a service, and campaigns whose scans are
// counted per day without cookies or personal data.
//
// A campaign ties a short code to one service and a medium (poster or
// flyer). Its QR code points to {BaseURL}/q/{code}; that address counts
// the scan (a counter per campaign and day, nothing else) and redirects
// to the service page with ?kampagne={code}.
package promo

import (
	"context"
	"crypto/rand"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// Media of a campaign.
const (
	MediumPoster = "poster"
	MediumFlyer  = "flyer"
)

// Media lists the media in the order forms offer them.
var Media = []string{MediumPoster, MediumFlyer}

// MaxName is the longest campaign name in characters.
const MaxName = 120

// Campaign is one promotion of a service, such as "Plakate Bürgerbüro
// Lobeda, Dezember".
type Campaign struct {
	ID        int64
	Code      string // short and URL-safe, unique
	ServiceID int64
	Name      string
	Medium    string
	CreatedBy *int64 // the staff member, nil once the account is gone
	CreatedAt time.Time
}

// DayScans is the number of scans of a campaign on one calendar day.
type DayScans struct {
	Day   string // "2006-01-02" in the city's time zone
	Scans int
}

// Summary is a campaign with its total of scans.
type Summary struct {
	Campaign
	Scans int
}

// Store keeps campaigns and their scan counters.
type Store interface {
	// CreateCampaign stores c and sets its ID; a taken code is a Conflict.
	CreateCampaign(ctx context.Context, c *Campaign) error
	// FindCampaign returns the campaign with code, or NotFound.
	FindCampaign(ctx context.Context, code string) (*Campaign, error)
	// FindCampaigns lists the campaigns of the given services (all
	// campaigns for nil), newest first, with their total scans.
	FindCampaigns(ctx context.Context, serviceIDs []int64) ([]Summary, error)
	// CountScan adds one scan to the campaign's counter of day.
	CountScan(ctx context.Context, campaignID int64, day string) error
	// ScansByDay lists the campaign's days with scans, oldest first.
	ScansByDay(ctx context.Context, campaignID int64) ([]DayScans, error)
	// CampaignFunnel lists the campaign's days with scans, started or
	// submitted applications, oldest first.
	CampaignFunnel(ctx context.Context, campaignID int64) ([]DayFunnel, error)
}

// codeAlphabet has no letters that are easy to confuse (0/o, 1/l/i).
const codeAlphabet = "23456789abcdefghjkmnpqrstuvwxyz"

// CodeLength is the length of generated codes: 31^8 ≈ 8.5·10^11 codes.
const CodeLength = 8

// NewCode returns a random campaign code.
func NewCode() string {
	b := make([]byte, CodeLength)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return string(b)
}

// ValidCode reports whether s could be a campaign code, so that the scan
// address answers anything else with 404 without asking the store.
func ValidCode(s string) bool {
	if len(s) != CodeLength {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(codeAlphabet, r) {
			return false
		}
	}
	return true
}

// New checks name and medium and returns a campaign for service with a
// fresh code. Errors are Invalid faults naming the fields.
func New(serviceID int64, name, medium string, by *int64, now time.Time) (*Campaign, error) {
	name = strings.TrimSpace(name)
	var v fault.Validator
	v.Check(name != "", "name", "error.promo.name_required")
	v.Check(utf8.RuneCountInString(name) <= MaxName, "name", "error.promo.name_too_long", MaxName)
	v.Check(medium == MediumPoster || medium == MediumFlyer, "medium", "error.promo.medium")
	if err := v.Err(); err != nil {
		return nil, err
	}
	return &Campaign{Code: NewCode(), ServiceID: serviceID, Name: name, Medium: medium, CreatedBy: by,
		CreatedAt: now.UTC()}, nil
}

// ScanAddress is the address a campaign's QR code points to.
func ScanAddress(baseURL, code string) string {
	return strings.TrimRight(baseURL, "/") + "/q/" + code
}

// Landing is the service page a scan redirects to, with the campaign tag.
func Landing(serviceID int64, code string) string {
	return "/leistungen/" + strconv.FormatInt(serviceID, 10) + "?kampagne=" + code
}

// Day returns the calendar day of t in loc as "2006-01-02".
func Day(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format(time.DateOnly)
}
