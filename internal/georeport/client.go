// Package georeport holds the client applications of the Open311
// GeoReport v2 API: an admin issues an API key per application (name,
// contact), the key is shown once and only its SHA-256 hash is kept, a key
// can be revoked, and each key may create a limited number of service
// requests per hour, counted in the database so every instance shares the
// count. No HTTP, no SQL.
package georeport

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// DefaultHourlyLimit is how many service requests a key may create per
// hour when the admin sets no limit.
const DefaultHourlyLimit = 100

// MaxHourlyLimit is the highest limit an admin may set.
const MaxHourlyLimit = 100000

// KeyPrefix starts every key, so a leaked key is recognisable.
const KeyPrefix = "o311_"

// Client is an application that uses the API with its own key.
type Client struct {
	ID          int64
	Name        string // e.g. "FixMyStreet Jena"
	Contact     string // who runs it: an e-mail address or a name
	KeyHash     string // SHA-256 of the key, hex
	KeyHint     string // the key's first characters, to tell keys apart
	HourlyLimit int    // service requests per hour
	CreatedBy   *int64 // the admin who issued the key
	CreatedAt   time.Time
	RevokedAt   *time.Time
}

// Active reports whether the key is still valid.
func (c *Client) Active() bool { return c.RevokedAt == nil }

// Store keeps the clients and their hourly counters.
type Store interface {
	// CreateOpen311Client stores c and sets its ID.
	CreateOpen311Client(ctx context.Context, c *Client) error
	// FindOpen311Clients lists every client, newest first.
	FindOpen311Clients(ctx context.Context) ([]*Client, error)
	FindOpen311Client(ctx context.Context, id int64) (*Client, error)
	// FindOpen311ClientByKeyHash returns the client or NotFound.
	FindOpen311ClientByKeyHash(ctx context.Context, hash string) (*Client, error)
	// RevokeOpen311Client sets RevokedAt once; NotFound for an unknown id.
	RevokeOpen311Client(ctx context.Context, id int64, at time.Time) error
	// CountOpen311Use adds one to the client's counter of the hour that
	// starts at window and returns the new count, atomically; counters of
	// windows before keepFrom are deleted.
	CountOpen311Use(ctx context.Context, clientID int64, window, keepFrom time.Time) (int, error)
}

// HashKey is the stored form of a key.
func HashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// NewKey returns a fresh random key (160 bits).
func NewKey() (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return KeyPrefix + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)), nil
}

// Validate checks an admin's input for a new client.
func Validate(c *Client) error {
	c.Name, c.Contact = strings.TrimSpace(c.Name), strings.TrimSpace(c.Contact)
	var v fault.Validator
	v.Check(c.Name != "", "name", "error.georeport.name_required")
	v.Check(utf8.RuneCountInString(c.Name) <= 200, "name", "error.georeport.name_long", 200)
	v.Check(c.Contact != "", "contact", "error.georeport.contact_required")
	v.Check(utf8.RuneCountInString(c.Contact) <= 200, "contact", "error.georeport.contact_long", 200)
	v.Check(c.HourlyLimit >= 1 && c.HourlyLimit <= MaxHourlyLimit, "limit", "error.georeport.limit", MaxHourlyLimit)
	return v.Err()
}
