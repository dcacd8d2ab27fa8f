// Package assistant is "Frag die Stadt": a citizen asks in everyday German
// or English, and the answer is composed from the catalogue's official
// service descriptions, quoting the relevant parts with a citation for
// every statement. It says it is an AI, gives no legal advice or
// eligibility decisions, hands the conversation to a human when unsure,
// and keeps conversations only for their retention. An optional language
// model (an OpenAI-compatible chat-completions server) may phrase the
// answer from the retrieved passages; a grounding checker rejects its
// answer when a sentence cites nothing or states a number the sources do
// not contain, and then the quoted answer is shown.
package assistant

import (
	"context"
	"time"
)

// Answer kinds.
const (
	KindAnswer  = "answer"  // composed from the catalogue, with citations
	KindUnsure  = "unsure"  // nothing fitting found: says so, offers a human
	KindRefusal = "refusal" // legal advice or an eligibility decision asked: declines, points to the service and a human
)

// Question is what a citizen asks.
type Question struct {
	Text           string
	ConversationID string // "" starts a conversation
	Lang           string // "de" or "en"
}

// Answer is the assistant's reply to one question.
type Answer struct {
	ConversationID string
	Turn           int // 1 for the first question of a conversation
	Kind           string
	Question       string
	Sentences      []Sentence // the answer, sentence by sentence
	Citations      []Citation // numbered from 1 in the order first cited
	Services       []ServiceRef
	NextSteps      []Step
	Confidence     float64 // 0..1
	ByModel        bool    // phrased by the language model and checked
	At             time.Time
	// Disclosure says that an automated assistant answers (EU AI Act,
	// Art. 50); set on the first answer of a conversation, "" after.
	Disclosure string
	// Helpful is the citizen's feedback on this answer, nil before any.
	Helpful *bool
}

// Sentence is one statement of an answer and the citations it rests on.
type Sentence struct {
	Text  string
	Cites []int // Citation.N
	// Quoted marks a verbatim quote of the (German) catalogue text, to be
	// shown as a quote with lang="de"; false for the assistant's own
	// framing sentences, which are in the question's language.
	Quoted bool
}

// Citation sections: which part of a service description is quoted.
const (
	SectionSummary     = "summary"
	SectionDescription = "description"
	SectionDocuments   = "documents"
	SectionFees        = "fees"
	SectionProcessing  = "processing_time"
	SectionDeadlines   = "deadlines"
	SectionPrereqs     = "prerequisites"
	SectionOffices     = "offices"
	SectionOnline      = "online"
	SectionLegal       = "legal_bases"
)

// Citation is a quoted passage of an official service description.
type Citation struct {
	N         int
	ServiceID int64
	Service   string // the service's name
	Section   string
	Quote     string
	URL       string // the service page, with an anchor for the section
}

// ServiceRef is a service the answer is about.
type ServiceRef struct {
	ID         int64
	ExternalID string
	Name       string
	LeiKa      string // first LeiKa key, "" when none
	URL        string
}

// Step kinds.
const (
	StepOnline      = "online"      // apply online
	StepAppointment = "appointment" // book an appointment
	StepService     = "service"     // read the whole description
	StepHuman       = "human"       // hand the conversation to the citizens' service office
)

// Step is a next step offered with an answer.
type Step struct {
	Kind      string
	ServiceID int64
	URL       string
	Label     string // the service's name, for the link text
}

// Conversation is a conversation's turns so far, for showing it again.
type Conversation struct {
	ID        string
	Lang      string
	Answers   []Answer
	Expires   time.Time
	HandedOff string // reference of the message to the service office, "" when not handed over
}

// Contact is how the service office may answer a handed-over
// conversation: an e-mail address, or the account of the signed-in
// citizen.
type Contact struct {
	Name   string
	Email  string
	UserID *int64
	Note   string // what the citizen adds for the human
}

// Handover is a conversation given to the citizens' service office.
type Handover struct {
	ConversationID string
	Lang           string
	Transcript     string // questions and answers, in order
	ServiceIDs     []int64
	Contact        Contact
}

// Inbox takes handed-over conversations: the citizens' service office's
// queue of messages to the city. It returns the message's reference.
type Inbox interface {
	Handover(ctx context.Context, h Handover) (ref string, err error)
}
