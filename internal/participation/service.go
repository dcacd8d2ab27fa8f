package participation

import (
	"context"
	"sync"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/audit"
	"rathaus/internal/org"
)

// Accounts is what participation needs to know about accounts: the
// address for notifications to followers.
type Accounts interface {
	FindUserByID(ctx context.Context, id int64) (*account.User, error)
}

// Translator renders mail texts.
type Translator interface {
	T(lang, key string, args ...any) string
}

// Router suggests the responsible unit for an idea; the AI routing of a
// later issue plugs in here. nil: the space's unit.
type Router interface {
	Suggest(ctx context.Context, i *Idea) (orgID *int64, err error)
}

// Service applies the rules of participation.
type Service struct {
	Store    Store
	Accounts Accounts
	Orgs     *org.Service
	Audit    audit.Store
	T        Translator
	Router   Router
	Now      func() time.Time
	BaseURL  string

	// Limits against flooding, per account: ideas per day and comments
	// per hour; 0: the defaults.
	IdeasPerDay     int
	CommentsPerHour int
	// Offensive are extra words (lower case) that flag a contribution for
	// moderation, on top of the built-in list.
	Offensive []string

	similar similarCache
}

// Defaults of Service's limits.
const (
	DefaultIdeasPerDay     = 10
	DefaultCommentsPerHour = 30
	// MaxLinks is the number of links above which a contribution is held
	// as possible spam.
	MaxLinks = 2
)

func (s *Service) now() time.Time { return s.Now().UTC() }

func (s *Service) ideasPerDay() int {
	if s.IdeasPerDay > 0 {
		return s.IdeasPerDay
	}
	return DefaultIdeasPerDay
}

func (s *Service) commentsPerHour() int {
	if s.CommentsPerHour > 0 {
		return s.CommentsPerHour
	}
	return DefaultCommentsPerHour
}

// similarCache keeps one search index per space for a short while.
type similarCache struct {
	mu      sync.Mutex
	entries map[int64]*similarEntry
}
