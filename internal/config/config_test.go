package config

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestLoadPrecedence(t *testing.T) {
	dir := t.TempDir()
	secretFile := filepath.Join(dir, "secret")
	os.WriteFile(secretFile, []byte("from-a-file-0123456789-0123456789\n"), 0o600)
	env := envOf(map[string]string{
		"RATHAUS_DATABASE_URL":        "postgres://u:pw@db/rathaus",
		"RATHAUS_ADDR":                ":9000",
		"RATHAUS_SESSION_SECRET_FILE": secretFile,
	})
	c, rest, err := Load("serve", []string{"--addr", ":9100", "extra"}, env, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":9100" {
		t.Errorf("flag should win over env: Addr = %q", c.Addr)
	}
	if c.SessionSecret != "from-a-file-0123456789-0123456789" {
		t.Errorf("SessionSecret from _FILE = %q", c.SessionSecret)
	}
	if len(rest) != 1 || rest[0] != "extra" {
		t.Errorf("rest = %v", rest)
	}
	if got := c.Redacted()["database"]; strings.Contains(got.(string), "pw") {
		t.Errorf("redacted database URL leaks password: %v", got)
	}
}

func TestCheckProduction(t *testing.T) {
	c, _, err := Load("serve", nil, envOf(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	err = c.CheckProduction()
	if err == nil {
		t.Fatal("empty production config accepted")
	}
	for _, want := range []string{"RATHAUS_SESSION_SECRET", "RATHAUS_DATABASE_URL", "RATHAUS_SMTP_ADDR"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %s: %v", want, err)
		}
	}
	c, _, _ = Load("serve", nil, envOf(map[string]string{
		"RATHAUS_SESSION_SECRET": strings.Repeat("s", 40), "RATHAUS_DATABASE_URL": "x.db",
		"RATHAUS_BASE_URL": "http://rathaus.jena.de", "RATHAUS_SMTP_ADDR": "mail:25",
	}), io.Discard)
	if err := c.CheckProduction(); err == nil || !strings.Contains(err.Error(), "https") {
		t.Errorf("plain http base URL accepted: %v", err)
	}
	c.BaseURL = "https://rathaus.jena.de"
	if err := c.CheckProduction(); err != nil {
		t.Errorf("good config refused: %v", err)
	}
}

func TestDemoDefaults(t *testing.T) {
	c, _, err := Load("demo", nil, envOf(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Demo || c.DatabaseURL != "./rathaus-demo.db" || c.BaseURL != "http://127.0.0.1:8080" {
		t.Errorf("demo defaults = %+v", c)
	}
}

func TestApplicationSettings(t *testing.T) {
	env := envOf(map[string]string{
		"RATHAUS_EMBED_ORIGINS": " https://www.jena.de , https://jenakultur.example ,",
		"RATHAUS_S3_URL":        "https://KEY:SECRET@s3.example/bucket",
		"RATHAUS_PAYMENT_IBAN":  "DE02120300000000202051",
	})
	c, _, err := Load("serve", nil, env, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(c.EmbedOrigins, "|") != "https://www.jena.de|https://jenakultur.example" {
		t.Errorf("EmbedOrigins = %q", c.EmbedOrigins)
	}
	if got := c.Redacted()["s3_url"].(string); strings.Contains(got, "SECRET") || c.Payments.IBAN == "" {
		t.Errorf("redacted S3 URL %q, IBAN %q", got, c.Payments.IBAN)
	}
}

func TestAssistantSettings(t *testing.T) {
	c, _, err := Load("serve", nil, envOf(nil), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.Assistant.Phone != "115" || c.Assistant.LLMURL != "" || c.Assistant.Retention != 0 {
		t.Errorf("assistant defaults = %+v", c.Assistant)
	}
	c, _, err = Load("serve", nil, envOf(map[string]string{
		"RATHAUS_ASSISTANT_LLM_URL": "http://127.0.0.1:11434", "RATHAUS_ASSISTANT_LLM_MODEL": "qwen2.5:3b",
		"RATHAUS_ASSISTANT_LLM_KEY": "geheim", "RATHAUS_ASSISTANT_LLM_TIMEOUT": "8s",
		"RATHAUS_ASSISTANT_RETENTION": "48h", "RATHAUS_ASSISTANT_PHONE": "+49 3641 49-0",
	}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	a := c.Assistant
	if a.LLMURL != "http://127.0.0.1:11434" || a.LLMModel != "qwen2.5:3b" || a.LLMKey != "geheim" ||
		a.LLMTimeout != 8*time.Second || a.Retention != 48*time.Hour || a.Phone != "+49 3641 49-0" {
		t.Errorf("assistant settings = %+v", a)
	}
	if got := c.Redacted()["assistant_llm_key"]; got != "(set)" {
		t.Errorf("redacted model key = %v", got)
	}
	for _, bad := range []string{"soon", "-1h", "0"} {
		_, _, err := Load("serve", nil, envOf(map[string]string{"RATHAUS_ASSISTANT_RETENTION": bad}), io.Discard)
		if err == nil || !strings.Contains(err.Error(), "RATHAUS_ASSISTANT_RETENTION") {
			t.Errorf("retention %q: %v", bad, err)
		}
	}
	c, _, _ = Load("serve", nil, envOf(map[string]string{"RATHAUS_ASSISTANT_LLM_URL": "ollama:11434"}), io.Discard)
	if err := c.CheckProduction(); err == nil || !strings.Contains(err.Error(), "RATHAUS_ASSISTANT_LLM_URL") ||
		!strings.Contains(err.Error(), "RATHAUS_ASSISTANT_LLM_MODEL") {
		t.Errorf("a bad model server accepted: %v", err)
	}
}

// TestOpenDataSettings: the demo defaults name Jena and the dl-by-de
// licence; the environment overrides them and a bad threshold is refused.
func TestOpenDataSettings(t *testing.T) {
	c, _, err := Load("serve", nil, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o := c.OpenData; o.AGS != "16053000" || o.MinCount != 5 || o.License != "http://dcat-ap.de/def/licenses/dl-by-de/2.0" {
		t.Errorf("defaults: got %+v", o)
	}
	env := map[string]string{"RATHAUS_OPENDATA_AGS": "09162000", "RATHAUS_OPENDATA_MIN_COUNT": "10"}
	c, _, err = Load("serve", nil, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.OpenData.AGS != "09162000" || c.OpenData.MinCount != 10 {
		t.Errorf("from the environment: got %+v", c.OpenData)
	}
	env["RATHAUS_OPENDATA_MIN_COUNT"] = "0"
	if _, _, err := Load("serve", nil, func(k string) string { return env[k] }, io.Discard); err == nil {
		t.Error("threshold 0: got no error")
	}
}
