package assistant

import (
	"regexp"
	"strings"
	"unicode"
)

// Aspects a question may ask about a service.
const (
	AspectDocuments   = "documents"
	AspectFees        = "fees"
	AspectWhere       = "where"
	AspectDuration    = "duration"
	AspectDeadlines   = "deadlines"
	AspectOnline      = "online"
	AspectAppointment = "appointment"
)

// aspectCue is a phrase that reveals an aspect; its words are no topic.
type aspectCue struct {
	aspect string
	re     *regexp.Regexp
}

// aspectCues are matched against the lower-cased question, German and
// English. Their order is the order aspects are answered in.
var aspectCues = []aspectCue{
	{AspectDocuments, cue(`was muss ich (alles )?mitbringen|mitbringen|mitnehmen|unterlagen|dokumente|nachweise|welche papiere|was brauche ich|was benötige ich|welche \p{L}+ (brauche|benötige)|what (do i|should i) (need|bring)|documents?|what to bring|bring with`)},
	{AspectFees, cue(`was kostet|kostet|kosten|gebühren?|preis|teuer|bezahlen|zahlen|how much|costs?|fees?|price|pay`)},
	{AspectWhere, cue(`wo\b|wohin|welches amt|welche behörde|welche stelle|zuständig|öffnungszeiten|geöffnet|where|which office|opening hours|open`)},
	{AspectDuration, cue(`wie lange|dauert|dauer|bearbeitungszeit|wann bekomme|wann ist .* fertig|how long|take|processing time`)},
	{AspectDeadlines, cue(`bis wann|frist|fristen|spätestens|innerhalb welcher|deadline|by when|how soon|time limit`)},
	{AspectOnline, cue(`online|digital|internet|im netz|von zu hause|elektronisch|per e-?mail`)},
	{AspectAppointment, cue(`termin|appointment|book|buchen|vereinbaren`)},
}

// cue matches expr at the start of a word, up to the word's end, so that
// "Gebühren" and "kostet" are caught but "Ausweis" does not match "wo".
func cue(expr string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + expr + `)\p{L}*`)
}

// question is an analysed question.
type question struct {
	raw     string
	lower   string
	aspects []string
	topic   string   // what to search for: the question without fillers and aspect words
	words   []string // the topic's content words, lower case
	terms   []string // the words searched for: content words and generic verbs ("abmelden")
}

// analyse finds a question's aspects and topic.
func analyse(text string) question {
	// Personal data says nothing about the service and would dilute the
	// search ("Ich heiße Erika …, Tel. …: Was kostet ein Reisepass?").
	plain := placeholders.ReplaceAllString(Scrub(text), " ")
	q := question{raw: text, lower: strings.ToLower(plain)}
	rest := joinParticles(q.lower)
	extra := colloquialWords(rest)
	for _, c := range aspectCues {
		if c.re.MatchString(rest) {
			q.aspects = append(q.aspects, c.aspect)
			rest = c.re.ReplaceAllString(rest, " ")
		}
	}
	rest = translateEnglish(rest) + " " + extra
	var kept []string
	for _, w := range splitWords(rest) {
		if fillers[w] {
			continue
		}
		kept = append(kept, w)
		if !generic[w] {
			q.words = append(q.words, w)
		}
	}
	q.topic = strings.Join(kept, " ")
	if len(q.words) > 0 {
		// "neuer" and "beantragen" fit every service; with a topic
		// word they only blur the ranking.
		for _, w := range kept {
			if !noise[w] {
				q.terms = append(q.terms, w)
			}
		}
		q.topic = strings.Join(q.terms, " ")
	}
	return q
}

// placeholders are what Scrub leaves of personal data.
var placeholders = regexp.MustCompile(`\[(?:E-Mail|IBAN|Name|Datum|Nummer|Telefon|Adresse|Ort)\]`)

// has reports whether the question asks about aspect x.
func (q question) has(x string) bool {
	for _, a := range q.aspects {
		if a == x {
			return true
		}
	}
	return false
}

// splitWords splits lower-case text into words of letters and digits.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
}

// fillers are question words, pronouns and particles of everyday
// questions that say nothing about the service.
var fillers = wordSet(`
ich du er sie es wir ihr man mein meine meinen meinem meiner meines mich mir uns unser unsere
der die das den dem des ein eine einen einem einer eines kein keine
und oder aber auch noch schon nur mal denn doch eigentlich genau bitte danke hallo guten tag
was wie wo wann warum wer wen wem welche welcher welches welchen wieso weshalb
kann könnte muss müssen soll sollte darf will möchte würde werde wird ist sind bin hat habe haben
tun machen erledigen gehen gibt es dafür dazu dort da hier jetzt nun denn so sehr
an auf aus bei für in im mit nach von vom zu zum zur über um ab bis
dies diese dieser dieses das jemand etwas alles dass ob wenn weil damit beim sich dich ihn ihm ihr ihre
monat monate monaten woche wochen jahr jahre jahren
finde finden schnell bald nächste nächsten nächstes nächster heute morgen gestern gerne gern leider überhaupt dringend viel viele wofür
wurde wurden worden passiert mache macht gemacht lassen lasse tun muss müssen brauchen sein wäre
i you he she it we they my me our your the a an and or but also just please hello hi thanks
what how where when why who which can could must should may will would do does did is are am have has
get go to for in on at of with from about this that there here it its
want wants need needs like would please now still already soon
`)

// generic words belong to many services: kept in the search, but they
// make no topic of their own, so "Wie kann ich das ummelden?" follows up.
var generic = wordSet(`
beantragen beantrage beantragt antrag anmelden abmelden ummelden melden neu neuer neuen neues
bekommen bekomme bekommt erhalten erhalte brauchen brauche braucht verlängern ändern ändere
stadt amt behörde münchen suche suchen
apply application register deregister new renew change city office get
`)

// noise are generic words that only blur the ranking when the question
// has a topic ("ein neuer Reisepass"), and the people a service is for
// ("… für mein Kind"), whom many descriptions mention in passing; they
// are left out of the search.
var noise = wordSet(`
beantragen beantrage beantragt antrag neu neuer neuen neues bekommen bekomme bekommt
erhalten erhalte brauchen brauche braucht stadt amt behörde münchen suche suchen
apply application new city office get
kind kinder sohn tochter mann frau ehemann ehefrau mutter vater oma opa eltern
child children son daughter husband wife mother father parents
`)

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// refusalCues are questions for legal advice or an eligibility decision,
// which the assistant declines to answer.
var refusalCues = regexp.MustCompile(`(?i)(` + strings.Join([]string{
	`\b(habe|hab|hätte|haben) (ich|wir|mein\w*) (einen |ein )?(anspruch|recht) auf`,
	`\banspruch auf\b`, `\bsteht (mir|uns) .*zu\b`, `(^|[,.;:!?]\s*|\bund )(bekomme|kriege|bekommen|kriegen) (ich|wir)\b`,
	`\bmuss (ich|wir) .*(zahlen|bezahlen).*obwohl`, `\bobwohl\b.*\bmuss (ich|wir)\b`,
	`\bist (es|das) (legal|illegal|erlaubt|verboten|rechtens|zulässig|strafbar)`,
	`\b(darf|dürfen) (ich|wir) .*(obwohl|trotz)`, `\b(widerspruch|klage|klagen|anwalt|rechtsberatung)\b`,
	`(^|[,.;:!?]\s*|\band )(can|could|will|would) (i|we) (get|receive)\b`, `\bam i (entitled|eligible)\b`, `\b(is|are) (i|we) eligible\b`,
	`\bis (it|this|that) (legal|illegal|allowed)\b`, `\bdo (i|we) (have|need) to pay .*(even though|although)`,
	`\bqualify for\b`, `\blegal advice\b`,
}, "|") + `)`)

// appointmentOnly keeps "Bekomme ich einen Termin …?" an appointment
// question, not an eligibility one.
var appointmentOnly = regexp.MustCompile(`(?i)\b(bekomme|kriege|get) (ich|i) (einen |an )?(termin|appointment)`)

// refusal reports whether a question asks for legal advice or an
// eligibility decision.
func refusal(text string) bool {
	return refusalCues.MatchString(text) && !appointmentOnly.MatchString(text)
}

// continuation starts a question that builds on the previous one.
var continuation = regexp.MustCompile(`(?i)^\s*(und|oder|auch|aber|and|or|also|what about|how about)\b`)

// continues reports whether the question builds on the previous one
// ("Und für mein Kind?", "And for a child?").
func (q question) continues() bool { return continuation.MatchString(q.raw) }

// followsUp reports whether the question names no topic of its own, so it
// refers to the previous answer's service ("Und was kostet das?").
func (q question) followsUp() bool { return len(q.words) == 0 }
