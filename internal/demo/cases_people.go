package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"rathaus/internal/form"
)

// person is a fake applicant: names from common German and some other
// names, real Jena streets with made-up house numbers, e-mail addresses
// at .example domains.
type person struct {
	First, Last string
	Email       string
	Phone       string
	Birth       time.Time
	Address     form.Address
}

func (p person) Name() string { return p.First + " " + p.Last }

var firstNames = []string{"Anna", "Lukas", "Marie", "Felix", "Sophie", "Jonas", "Lea", "Paul", "Hannah", "Maximilian",
	"Emma", "Leon", "Mia", "Tim", "Laura", "Niklas", "Julia", "Tobias", "Lena", "Florian", "Katharina", "Stefan",
	"Sabine", "Thomas", "Petra", "Andreas", "Monika", "Uwe", "Heike", "Jens", "Ayşe", "Mehmet", "Olena", "Dmytro",
	"Nguyen", "Fatima", "Ahmad", "Agnieszka", "Piotr", "Elif", "Karin", "Bernd", "Ute", "Ralf", "Greta", "Ole"}

var lastNames = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
	"Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger",
	"Hartmann", "Lange", "Werner", "Lehmann", "Köhler", "Herrmann", "Walter", "König", "Möller", "Kaiser", "Fuchs",
	"Peters", "Scholz", "Jung", "Hahn", "Vogel", "Yılmaz", "Kowalski", "Tran", "Popescu", "Haddad", "Schubert"}

// streets are streets of Jena with their postal codes.
var streets = []struct{ Name, Code string }{
	{"Löbdergraben", "07743"}, {"Johannisstraße", "07743"}, {"Wagnergasse", "07743"}, {"Lutherstraße", "07743"},
	{"Dornburger Straße", "07743"}, {"Camburger Straße", "07743"}, {"Westbahnhofstraße", "07745"}, {"Magdelstieg", "07745"},
	{"Max-Steenbeck-Straße", "07745"}, {"Kastanienstraße", "07747"}, {"Erlanger Allee", "07747"}, {"Karl-Marx-Allee", "07747"},
	{"Stauffenbergstraße", "07747"}, {"Karl-Liebknecht-Straße", "07749"}, {"Jenergasse", "07749"}, {"Ziegenhainer Straße", "07749"},
	{"Friedrich-Engels-Straße", "07749"}, {"Kahlaische Straße", "07745"}, {"Closewitzer Straße", "07743"}, {"Am Anger", "07743"},
}

var mailDomains = []string{"e-mail.example", "post.example", "web.example", "saale-mail.example", "jena-net.example"}

var asciiFold = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "ş", "s", "ı", "i", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue")

// newPerson draws a fake adult living in Jena.
func newPerson(r *rand.Rand) person {
	p := person{First: pick(r, firstNames), Last: pick(r, lastNames)}
	local := strings.ToLower(asciiFold.Replace(p.First + "." + p.Last))
	p.Email = local + "@" + pick(r, mailDomains)
	p.Phone = fmt.Sprintf("0%d %d", []int{3641, 176, 151, 160}[r.IntN(4)], 100000+r.IntN(8999999))
	p.Birth = time.Date(1944+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	s := streets[r.IntN(len(streets))]
	p.Address = form.Address{Street: s.Name, HouseNumber: fmt.Sprint(1 + r.IntN(80)), PostalCode: s.Code, City: "Jena"}
	return p
}

// demoCitizen is the demo citizen account as an applicant.
func demoCitizen() person {
	return person{First: "Erika", Last: "Mustermann", Email: Accounts[0].Email, Phone: "03641 123456",
		Birth:   time.Date(1984, time.August, 12, 0, 0, 0, 0, time.UTC),
		Address: form.Address{Street: "Wagnergasse", HouseNumber: "17", PostalCode: "07743", City: "Jena"}}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// demoIBAN makes a valid German IBAN from a bank code of a Jena bank and
// a random account number.
func demoIBAN(r *rand.Rand) string {
	bban := pick(r, []string{"83053030", "82051000", "83094495", "43060967"}) + fmt.Sprintf("%010d", r.Int64N(1e10))
	rem := 0
	for _, c := range bban + "131400" { // "DE" is 13 14, check digits 00
		rem = (rem*10 + int(c-'0')) % 97
	}
	return fmt.Sprintf("DE%02d%s", 98-rem, bban)
}

// plate draws a Jena registration number.
func plate(r *rand.Rand) string {
	letters := "ABCDEFGHJKLMNPRSTUVWXYZ"
	n := 1 + r.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteByte(letters[r.IntN(len(letters))])
	}
	return fmt.Sprintf("J-%s %d", b.String(), 1+r.IntN(9999))
}

func isoDay(t time.Time) string { return t.In(berlin).Format("2006-01-02") }
