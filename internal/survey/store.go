package survey

import "context"

// Filter selects surveys, newest first.
type Filter struct {
	Statuses []string // empty: all
	OrgIDs   []int64  // empty: all units
}

// Store keeps surveys and their responses.
type Store interface {
	// CreateSurvey inserts s, setting ID.
	CreateSurvey(ctx context.Context, s *Survey) error
	// UpdateSurvey writes s whole; NotFound when it does not exist.
	UpdateSurvey(ctx context.Context, s *Survey) error
	// FindSurvey returns a survey with its number of responses.
	FindSurvey(ctx context.Context, id int64) (*Survey, error)
	FindSurveys(ctx context.Context, f Filter) ([]*Survey, error)

	// AddResponse stores r (setting ID) while the survey's status is
	// open (else Conflict "error.survey.not_open"). With a userID it
	// records in the same transaction that the account took part, and a
	// second response of the account is Conflict "error.survey.answered"
	// and stores nothing. The response itself never holds the account.
	AddResponse(ctx context.Context, r *Response, userID *int64) error
	// Responded reports whether the account took part.
	Responded(ctx context.Context, surveyID, userID int64) (bool, error)
	// Responses returns a survey's responses in order of arrival.
	Responses(ctx context.Context, surveyID int64) ([]*Response, error)
}
