package assistant_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"rathaus/internal/assistant"
	"rathaus/internal/catalog"
	"rathaus/internal/catalog/dldb"
	"rathaus/internal/i18n"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

const dataDir = "../../../shared/data/services"

var now = time.Date(2026, 6, 8, 10, 0, 0, 0, time.UTC)

// munichBundle parses the real Munich DLDB export once.
var munichBundle = sync.OnceValues(func() (*catalog.Bundle, error) {
	s, err := os.Open(filepath.Join(dataDir, "muenchen_dldb_services_de_2026-06.json"))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	l, err := os.Open(filepath.Join(dataDir, "muenchen_dldb_locations_de_2026-06.json"))
	if err != nil {
		return nil, err
	}
	defer l.Close()
	return dldb.Parse(dldb.Input{Source: "dldb:muenchen", Services: s, Locations: l})
})

func translator(t testing.TB) *i18n.Catalog {
	t.Helper()
	tr, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// newAssistant returns an assistant over the catalogue in db.
func newAssistant(t testing.TB, db *sqlstore.DB) *assistant.Assistant {
	clock := func() time.Time { return now }
	cat := &catalog.Catalog{Store: db, Audit: db, Now: clock}
	return &assistant.Assistant{Catalog: cat, Store: db, T: translator(t), Now: clock, Phone: "115"}
}

// munich returns an assistant over the real Munich catalogue, imported
// into a fresh SQLite store; skipped when the data is absent.
func munich(t testing.TB, open storetest.Opener) *assistant.Assistant {
	t.Helper()
	b, err := munichBundle()
	if os.IsNotExist(err) {
		t.Skipf("Munich catalogue not found in %s (../shared/data/services next to the repository)", dataDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	a := newAssistant(t, open(t))
	if _, err := a.Catalog.Import(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return a
}

// labelled is one everyday question and the Munich ids that answer it.
type labelled struct {
	question string
	lang     string
	want     map[string]bool
}

func readQuestions(t testing.TB) []labelled { return readLabelled(t, "testdata/munich_questions.tsv") }

func readLabelled(t testing.TB, name string) []labelled {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, ids, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		l := labelled{question: q, lang: "de", want: map[string]bool{}}
		if rest, ok := strings.CutPrefix(q, "en:"); ok {
			l.question, l.lang = rest, "en"
		}
		for _, id := range strings.Split(ids, ",") {
			l.want[strings.TrimSpace(id)] = true
		}
		out = append(out, l)
	}
	return out
}

// TestMunichQuestions measures the everyday questions over the real
// Munich catalogue: the right service among the answer's services (top-1,
// top-3) and the mean reciprocal rank.
func TestMunichQuestions(t *testing.T) {
	a := munich(t, storetest.OpenSQLite)
	if n := len(readQuestions(t)); n < 40 {
		t.Errorf("%d everyday questions, want at least 40", n)
	}
	for _, name := range []string{"munich_questions.tsv", "munich_questions_holdout.tsv"} {
		t.Run(name, func(t *testing.T) { measure(t, a, readLabelled(t, "testdata/"+name), 0.9) })
	}
	// The blind set was written and labelled without looking at the
	// assistant's code; it is reported, not gated, so it stays an honest
	// measurement rather than a tuning target.
	t.Run("munich_questions_blind.tsv", func(t *testing.T) {
		measure(t, a, readLabelled(t, "testdata/munich_questions_blind.tsv"), 0)
	})
}

// measure asks every question of set and logs top-1, top-3 and MRR; it
// fails when top-3 falls below minTop3.
func measure(t *testing.T, a *assistant.Assistant, set []labelled, minTop3 float64) {
	var top1, top3, mrr float64
	kinds := map[string]int{}
	for _, l := range set {
		ans, err := a.Ask(context.Background(), assistant.Question{Text: l.question, Lang: l.lang})
		if err != nil {
			t.Fatalf("%q: %v", l.question, err)
		}
		kinds[ans.Kind]++
		rank := 0
		var got []string
		for i, s := range ans.Services {
			got = append(got, s.ExternalID+" "+s.Name)
			if rank == 0 && l.want[s.ExternalID] {
				rank = i + 1
			}
		}
		if rank == 1 {
			top1++
		}
		if rank >= 1 && rank <= 3 {
			top3++
		}
		if rank > 0 {
			mrr += 1 / float64(rank)
		}
		if rank != 1 {
			t.Logf("rank %d for %q (%s, confidence %.2f): got %s", rank, l.question, ans.Kind, ans.Confidence, strings.Join(got, " | "))
		}
	}
	n := float64(len(set))
	t.Logf("%d questions: top-1 %.3f, top-3 %.3f, MRR %.3f; answers by kind %v", len(set), top1/n, top3/n, mrr/n, kinds)
	if top3/n < minTop3 {
		t.Errorf("top-3 %.3f, want at least %.2f", top3/n, minTop3)
	}
}

// TestMunichConversations asks follow-ups and eligibility questions over
// the real catalogue: a follow-up without a service name stays with the
// previous answer's service, a new name switches, and questions of
// entitlement are declined but point to the service.
func TestMunichConversations(t *testing.T) {
	a := munich(t, storetest.OpenSQLite)
	for _, pair := range [][3]string{
		// first question, follow-up, the service both are about
		{"Was kostet ein neuer Reisepass?", "Und wo kann ich das machen?", "1063453"},
		{"Wie melde ich meine Wohnung an?", "Kann ich das auch online machen?", "1063475"},
		{"Ich möchte ein Gewerbe anmelden.", "Was kostet das?", "1063423"},
		{"Ich habe meinen Personalausweis verloren.", "Wie lange dauert das?", "1076889"},
		{"en:How much does a passport cost?", "en:and how long does it take?", "1063453"},
		{"Was kostet ein Reisepass?", "Und für mein Kind?", "1063453"},
	} {
		first := askLabelled(t, a, "", pair[0])
		second := askLabelled(t, a, first.ConversationID, pair[1])
		for _, ans := range []*assistant.Answer{first, second} {
			if ans.Kind != assistant.KindAnswer || len(ans.Services) == 0 || ans.Services[0].ExternalID != pair[2] {
				t.Errorf("%q: %s about %+v, want an answer about %s", ans.Question, ans.Kind, ans.Services, pair[2])
			}
		}
		if second.Turn != 2 || second.ConversationID != first.ConversationID {
			t.Errorf("%q: turn %d of %s, want turn 2 of %s", pair[1], second.Turn, second.ConversationID, first.ConversationID)
		}
	}
	// New words narrow the topic.
	car := askLabelled(t, a, "", "Wie melde ich mein Auto ab?")
	if narrowed := askLabelled(t, a, car.ConversationID, "Und wenn ich den Fahrzeugschein nicht mehr habe?"); narrowed.Services[0].ExternalID != "10478703" {
		t.Errorf("narrowed follow-up: %+v, want the deregistration without the registration certificate", narrowed.Services)
	}
	// A new service name switches the topic.
	first := askLabelled(t, a, "", "Was kostet ein Reisepass?")
	if switched := askLabelled(t, a, first.ConversationID, "Und was kostet ein Führungszeugnis?"); switched.Services[0].ExternalID != "1063565" {
		t.Errorf("new topic in a conversation: %+v, want the Führungszeugnis", switched.Services)
	}
	for _, q := range []string{
		"Habe ich Anspruch auf einen kostenlosen Personalausweis?",
		"Bekomme ich eine Niederlassungserlaubnis, wenn ich seit drei Jahren hier arbeite?",
		"Muss ich für die Anmeldung zahlen, obwohl ich nur kurz hier wohne?",
		"Ist es legal, ohne Führerschein Mofa zu fahren?",
		"en:Can I get a residence permit if I lose my job?",
	} {
		ans := askLabelled(t, a, "", q)
		if ans.Kind != assistant.KindRefusal || len(ans.Services) == 0 {
			t.Errorf("%q: %s with services %+v, want a refusal pointing to services", q, ans.Kind, ans.Services)
		}
	}
}

func askLabelled(t *testing.T, a *assistant.Assistant, conv, q string) *assistant.Answer {
	t.Helper()
	lang := "de"
	if rest, ok := strings.CutPrefix(q, "en:"); ok {
		q, lang = rest, "en"
	}
	return ask(t, a, conv, lang, q)
}

// TestMunichUnsure asks what the Munich catalogue does not cover: the
// assistant says it is not sure instead of quoting a neighbour.
func TestMunichUnsure(t *testing.T) {
	a := munich(t, storetest.OpenSQLite)
	for _, q := range []string{
		"Wie wird das Wetter morgen?",
		"Wer hat die Fußball-WM gewonnen?",
		"Ich möchte eine Pizza bestellen.",
		"Wo kann ich Sperrmüll anmelden?", // not in Munich's DLDB export
		"Wie beantrage ich Wohngeld?",     // neither
		"Was kostet die Hundesteuer?",     // neither
		"Darf man im Englischen Garten grillen?",
		"en:What is the weather today?",
	} {
		if ans := askLabelled(t, a, "", q); ans.Kind != assistant.KindUnsure {
			t.Errorf("%q: %s (confidence %.2f) about %+v, want unsure", q, ans.Kind, ans.Confidence, ans.Services)
		}
	}
}

// TestAskConcurrently asks from several goroutines at once, as a server
// does (run with -race).
func TestAskConcurrently(t *testing.T) {
	a := munich(t, storetest.OpenSQLite)
	set := readQuestions(t)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(set); i += 4 {
				if _, err := a.Ask(context.Background(), assistant.Question{Text: set[i].question, Lang: set[i].lang}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// TestMunichCitations checks every answer to the question sets: each
// quoted sentence stands in the passage it cites, each citation links to
// its service's page, and every framing sentence of an answer cites what
// it introduces.
func TestMunichCitations(t *testing.T) {
	a := munich(t, storetest.OpenSQLite)
	var sets []labelled
	for _, name := range []string{"munich_questions.tsv", "munich_questions_holdout.tsv", "munich_questions_blind.tsv"} {
		sets = append(sets, readLabelled(t, "testdata/"+name)...)
	}
	for _, l := range sets {
		ans := ask(t, a, "", l.lang, l.question)
		cited(t, ans)
		for _, c := range ans.Citations {
			if !strings.HasPrefix(c.URL, assistant.ServiceURL(c.ServiceID)) || c.Quote == "" && c.Section != assistant.SectionOffices {
				t.Errorf("%q: citation %+v", l.question, c)
			}
		}
		if ans.Kind == assistant.KindAnswer {
			for _, s := range ans.Sentences {
				if len(s.Cites) == 0 {
					t.Errorf("%q: sentence %q cites nothing", l.question, s.Text)
				}
			}
		}
	}
}
