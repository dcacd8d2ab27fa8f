package main

import (
	"bufio"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"rathaus/internal/mail/smtptest"
	"rathaus/internal/storetest"
)

// instance is one `rathaus serve` process.
type instance struct {
	url string
	cmd *exec.Cmd
}

var listenRe = regexp.MustCompile(`listening on (http://\S+)`)

// startInstance runs the test binary as `rathaus serve` with env and waits
// for its address. The process is stopped (SIGTERM, graceful) at cleanup.
func startInstance(t *testing.T, env []string) *instance {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve")
	cmd.Env = append(os.Environ(), append(env, "RATHAUS_TEST_RUN_MAIN=1")...)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if testing.Verbose() {
		cmd.Stderr = os.Stderr
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			t.Error("instance did not shut down within 15s")
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := listenRe.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	select {
	case u := <-found:
		return &instance{url: u, cmd: cmd}
	case <-time.After(30 * time.Second):
		t.Fatal("instance did not start within 30s")
	}
	return nil
}

func client(t *testing.T) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// TestTwoInstancesShareOnePostgres runs two real `rathaus serve` processes
// on one PostgreSQL database: a login made on one is valid on the other,
// a logout on the other ends it everywhere, and each queued mail job runs
// exactly once although both instances poll the queue.
func TestTwoInstancesShareOnePostgres(t *testing.T) {
	pg := storetest.PostgresURL(t)
	if pg == "" {
		t.Skip("needs PostgreSQL")
	}
	dbURL := storetest.WithSchema(pg, storetest.FreshSchema(t, pg))
	smtp := smtptest.Start(t)
	env := map[string]string{"RATHAUS_DATABASE_URL": dbURL}
	// Four people: at most three mails an hour go to one address.
	people := []string{"erika@example.org", "max@example.org", "ada@example.org", "jonas@example.org"}
	for _, p := range people {
		if out, err := runCmd(t, env, "user", "create", "--email", p, "--name", "P", "--password", "ein langes passwort"); err != nil {
			t.Fatalf("user create: %v\n%s", err, out)
		}
	}
	vars := []string{"RATHAUS_DATABASE_URL=" + dbURL, "RATHAUS_ADDR=127.0.0.1:0", "RATHAUS_BASE_URL=http://127.0.0.1",
		"RATHAUS_SESSION_SECRET=" + strings.Repeat("s", 40), "RATHAUS_SMTP_ADDR=" + smtp.Addr(), "RATHAUS_MAIL_FROM=noreply@jena.example"}
	a, b := startInstance(t, vars), startInstance(t, vars)

	c := client(t)
	res, err := c.PostForm(a.url+"/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}})
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login on A: %v %v", res.Status, err)
	}
	cookies := c.Jar.Cookies(mustURL(a.url))
	c.Jar.SetCookies(mustURL(b.url), cookies) // same site behind a load balancer
	if body := get(t, c, b.url+"/account"); !strings.Contains(body, "erika@example.org") {
		t.Fatal("session from A not valid on B")
	}
	const n = 12
	for i := range n {
		inst := []*instance{a, b}[i%2]
		res, err := c.PostForm(inst.url+"/password/forgot", url.Values{"email": {people[i%len(people)]}})
		if err != nil || res.StatusCode != http.StatusSeeOther {
			t.Fatalf("forgot %d: %v", i, err)
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(smtp.Messages()) < n && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // give a duplicate delivery time to show up
	links := map[string]bool{}
	for _, m := range smtp.Messages() {
		for _, u := range m.URLs() {
			if strings.Contains(u, "/password/reset") {
				if links[u] {
					t.Errorf("mail with %s delivered twice", u)
				}
				links[u] = true
			}
		}
	}
	if len(smtp.Messages()) != n || len(links) != n {
		t.Errorf("delivered %d mails with %d distinct links, want %d each", len(smtp.Messages()), len(links), n)
	}
	// A password reset ends all sessions; so does "log out everywhere" on B.
	c2 := client(t)
	c2.PostForm(b.url+"/login", url.Values{"email": {"erika@example.org"}, "password": {"ein langes passwort"}})
	c2.Jar.SetCookies(mustURL(a.url), c2.Jar.Cookies(mustURL(b.url)))
	if body := get(t, c2, a.url+"/account"); !strings.Contains(body, "erika@example.org") {
		t.Fatal("session from B not valid on A")
	}
	c2.PostForm(b.url+"/logout", nil)
	res, err = c2.Get(a.url + "/account")
	if err != nil || res.StatusCode != http.StatusSeeOther {
		t.Errorf("after logout on B, A still serves the account: %v %v", res.Status, err)
	}
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", u, res.Status)
	}
	return string(b)
}
