// Package config loads rathaus' configuration once, from flags and
// environment variables (secrets also from files named by *_FILE), into
// one struct that is passed explicitly. Nothing reads the environment
// anywhere else.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is the whole configuration.
type Config struct {
	DatabaseURL   string
	Addr          string
	BaseURL       string
	SessionSecret string
	Demo          bool
	LogLevel      string
	LogFormat     string // "text" or "json"
	MaxBodyBytes  int64
	SessionTTL    time.Duration
	StorageDir    string
	// S3URL, when set, keeps files in S3-compatible storage instead of
	// StorageDir: https://KEY:SECRET@host/bucket?region=eu-central-1.
	S3URL      string
	TrustProxy bool // take the client address from X-Forwarded-For
	// OIDCNoEmailLinking: do not attach OpenID logins to local accounts by address.
	OIDCNoEmailLinking bool
	// CatalogFourEyes: a change to a service text is published only after a
	// second editor approved it.
	CatalogFourEyes bool
	MetricsToken    string
	// EmbedOrigins may show the survey embed pages in a frame, e.g.
	// "https://www.jena.de"; empty: they can be linked, not framed.
	EmbedOrigins []string
	// HelpPointMapURL links each help point to the city's own map, with
	// {lat} and {lon} replaced; empty: only a geo: link, no map.
	HelpPointMapURL string
	// Open311Jurisdiction is the city's jurisdiction_id in the Open311
	// GeoReport v2 API, e.g. "jena.de"; empty: the host of the public address.
	Open311Jurisdiction string
	// ReportTileURL is the city's own map tile server for the defect
	// reports' map, an http(s) URL template with {z}, {x} and {y}, e.g.
	// "https://tiles.jena.de/{z}/{x}/{y}.png"; empty: no tiles are loaded
	// from anywhere, places by address and coordinates, the server-drawn map.
	ReportTileURL string
	// ReportTileAttribution is shown under that map, e.g.
	// "© OpenStreetMap-Mitwirkende".
	ReportTileAttribution string

	SMTP      SMTP
	OIDC      OIDC
	City      City
	Payments  Payments
	Delivery  Delivery
	Assistant Assistant
	Inquiry   Inquiry
	OpenData  OpenData
}

// OpenData configures the published statistics and their DCAT-AP.de
// catalogue; empty texts take the city's name and e-mail.
type OpenData struct {
	PublisherURI  string // the publisher's web address, e.g. https://www.jena.de
	License       string // DCAT-AP.de licence URI; default Datenlizenz Deutschland – Namensnennung 2.0
	Attribution   string // text users must name (dcatde:licenseAttributionByText); default the city's name
	MinCount      int    // counts below this are suppressed; default 5
	AGS           string // official municipality key (Amtlicher Gemeindeschlüssel); default 16053000, Jena
	ContributorID string // dcatde:contributorID URI GovData assigned to the publisher
}

// Inquiry configures messages to the city and their routing; zero values
// take the inquiry package's defaults.
type Inquiry struct {
	Office    string        // slug of the citizens' service office's unit (triage queue); default "buergerservice"
	Threshold float64       // confidence from which a message skips triage, 0..1; default 0.6
	Retention time.Duration // how long closed messages are kept; default 180 days
}

// Assistant configures "Frag die Stadt". Without a language model it
// answers with quotes from the catalogue; with one (an OpenAI-compatible
// chat-completions server, e.g. a local Ollama or llama.cpp) the model may
// phrase the answer from the quoted passages, checked against them.
type Assistant struct {
	LLMURL     string        // base URL of the model server; empty: no model
	LLMModel   string        // the model's name on that server
	LLMKey     string        // bearer token, when the server wants one
	LLMTimeout time.Duration // a slower answer falls back to the quotes; 0: the assistant's default
	Retention  time.Duration // how long conversations are kept; 0: the assistant's default (24 h)
	Phone      string        // the number named for a human, default 115
}

// Payments is the city's account that receives fees by bank transfer.
type Payments struct {
	Creditor string // account holder, e.g. "Stadtkasse Jena"
	IBAN     string
	BIC      string
}

// Delivery sends every submitted case to a specialist system.
type Delivery struct {
	URL    string // webhook receiver; empty: no delivery
	Secret string // HMAC key of the signature
}

// SMTP configures outgoing mail.
type SMTP struct {
	Addr     string
	User     string
	Password string
	From     string
	StartTLS bool
}

// OIDC configures login with an OpenID provider; empty Issuer turns it off.
type OIDC struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	Scopes       string
	RoleClaim    string
	RoleMap      string // "claimvalue=role@org-slug,admins=platform_admin"
	ButtonLabel  string
}

// City is what the imprint and privacy notice say about the operator.
type City struct {
	Name                 string
	Address              string
	Email                string
	Phone                string
	Representative       string
	DataProtectionEmail  string
	AccessibilityContact string
}

// env names a variable and its flag.
type env struct {
	name, flag, usage string
}

// Load reads configuration for the subcommand from args and getenv.
func Load(cmd string, args []string, getenv func(string) string, stderr io.Writer) (*Config, []string, error) {
	c := defaults(cmd)
	fs := flag.NewFlagSet("rathaus "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	str := func(p *string, e env) {
		if v, ok := lookup(getenv, e.name); ok {
			*p = v
		}
		fs.StringVar(p, e.flag, *p, e.usage+" ($"+e.name+")")
	}
	str(&c.DatabaseURL, env{"RATHAUS_DATABASE_URL", "db", "SQLite file path or postgres:// URL"})
	str(&c.Addr, env{"RATHAUS_ADDR", "addr", "listen address"})
	str(&c.BaseURL, env{"RATHAUS_BASE_URL", "base-url", "public address, used in links and mails"})
	str(&c.SessionSecret, env{"RATHAUS_SESSION_SECRET", "session-secret", "secret for signed cookies, at least 32 characters"})
	str(&c.LogLevel, env{"RATHAUS_LOG_LEVEL", "log-level", "debug, info, warn or error"})
	str(&c.LogFormat, env{"RATHAUS_LOG_FORMAT", "log-format", "text or json"})
	str(&c.MetricsToken, env{"RATHAUS_METRICS_TOKEN", "metrics-token", "bearer token Prometheus must send to /metrics (empty: open)"})
	str(&c.StorageDir, env{"RATHAUS_STORAGE_DIR", "storage-dir", "directory for uploaded files"})
	str(&c.S3URL, env{"RATHAUS_S3_URL", "s3-url", "S3-compatible storage for files, https://KEY:SECRET@host/bucket?region=..."})
	str(&c.Payments.Creditor, env{"RATHAUS_PAYMENT_CREDITOR", "payment-creditor", "account holder receiving fees by transfer"})
	str(&c.Payments.IBAN, env{"RATHAUS_PAYMENT_IBAN", "payment-iban", "IBAN receiving fees by transfer (empty: no transfer bills)"})
	str(&c.Payments.BIC, env{"RATHAUS_PAYMENT_BIC", "payment-bic", "BIC of that account (optional)"})
	str(&c.Delivery.URL, env{"RATHAUS_DELIVERY_URL", "delivery-url", "webhook receiving every submitted case (specialist system)"})
	str(&c.Delivery.Secret, env{"RATHAUS_DELIVERY_SECRET", "delivery-secret", "key of the webhook signature"})
	str(&c.SMTP.Addr, env{"RATHAUS_SMTP_ADDR", "smtp-addr", "SMTP server host:port"})
	str(&c.SMTP.User, env{"RATHAUS_SMTP_USER", "smtp-user", "SMTP user"})
	str(&c.SMTP.Password, env{"RATHAUS_SMTP_PASSWORD", "smtp-password", "SMTP password"})
	str(&c.SMTP.From, env{"RATHAUS_MAIL_FROM", "mail-from", "sender address of mails"})
	str(&c.OIDC.Issuer, env{"RATHAUS_OIDC_ISSUER", "oidc-issuer", "OpenID Connect issuer URL"})
	str(&c.OIDC.ClientID, env{"RATHAUS_OIDC_CLIENT_ID", "oidc-client-id", "OpenID Connect client id"})
	str(&c.OIDC.ClientSecret, env{"RATHAUS_OIDC_CLIENT_SECRET", "oidc-client-secret", "OpenID Connect client secret"})
	str(&c.OIDC.Scopes, env{"RATHAUS_OIDC_SCOPES", "oidc-scopes", "scopes, separated by spaces"})
	str(&c.OIDC.RoleClaim, env{"RATHAUS_OIDC_ROLE_CLAIM", "oidc-role-claim", "claim holding roles or groups, e.g. realm_access.roles"})
	str(&c.OIDC.RoleMap, env{"RATHAUS_OIDC_ROLE_MAP", "oidc-role-map", "claim value to role, e.g. sachbearbeitung=case_worker@stadt-jena"})
	str(&c.OIDC.ButtonLabel, env{"RATHAUS_OIDC_LABEL", "oidc-label", "label of the login button"})
	str(&c.City.Name, env{"RATHAUS_CITY_NAME", "city-name", "name of the operating city"})
	str(&c.City.Address, env{"RATHAUS_CITY_ADDRESS", "city-address", "postal address for the imprint"})
	str(&c.City.Email, env{"RATHAUS_CITY_EMAIL", "city-email", "contact e-mail for the imprint"})
	str(&c.City.Phone, env{"RATHAUS_CITY_PHONE", "city-phone", "contact phone for the imprint"})
	str(&c.City.Representative, env{"RATHAUS_CITY_REPRESENTATIVE", "city-representative", "legal representative"})
	str(&c.City.DataProtectionEmail, env{"RATHAUS_DPO_EMAIL", "dpo-email", "data protection officer's e-mail"})
	str(&c.City.AccessibilityContact, env{"RATHAUS_ACCESSIBILITY_EMAIL", "accessibility-email", "where accessibility feedback goes"})
	str(&c.Assistant.LLMURL, env{"RATHAUS_ASSISTANT_LLM_URL", "assistant-llm-url", "OpenAI-compatible chat-completions server phrasing the assistant's answers, e.g. http://127.0.0.1:11434 (empty: quoted answers only)"})
	str(&c.Assistant.LLMModel, env{"RATHAUS_ASSISTANT_LLM_MODEL", "assistant-llm-model", "model name on that server"})
	str(&c.Assistant.LLMKey, env{"RATHAUS_ASSISTANT_LLM_KEY", "assistant-llm-key", "bearer token for that server (optional)"})
	str(&c.Assistant.Phone, env{"RATHAUS_ASSISTANT_PHONE", "assistant-phone", "phone number the assistant names for a human"})
	str(&c.OpenData.PublisherURI, env{"RATHAUS_OPENDATA_PUBLISHER_URI", "opendata-publisher-uri", "web address of the open data's publisher"})
	str(&c.OpenData.License, env{"RATHAUS_OPENDATA_LICENSE", "opendata-license", "DCAT-AP.de licence URI of the open data"})
	str(&c.OpenData.Attribution, env{"RATHAUS_OPENDATA_ATTRIBUTION", "opendata-attribution", "source users of the open data must name (default the city's name)"})
	str(&c.OpenData.AGS, env{"RATHAUS_OPENDATA_AGS", "opendata-ags", "official municipality key (AGS) for the catalogue's geocoding"})
	str(&c.OpenData.ContributorID, env{"RATHAUS_OPENDATA_CONTRIBUTOR_ID", "opendata-contributor-id", "dcatde:contributorID URI assigned by GovData"})
	if v, ok := lookup(getenv, "RATHAUS_OPENDATA_MIN_COUNT"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, nil, fmt.Errorf("RATHAUS_OPENDATA_MIN_COUNT: not a number of at least 1: %q", v)
		}
		c.OpenData.MinCount = n
	}
	str(&c.HelpPointMapURL, env{"RATHAUS_HELPPOINT_MAP_URL", "helppoint-map-url", "the city's own map for help points, with {lat} and {lon} (no third-party map by default)"})
	str(&c.Open311Jurisdiction, env{"RATHAUS_OPEN311_JURISDICTION", "open311-jurisdiction", "the city's jurisdiction_id in the Open311 GeoReport v2 API, e.g. jena.de (default: the host of the public address)"})
	str(&c.ReportTileURL, env{"RATHAUS_REPORT_TILE_URL", "report-tile-url", "the city's own map tile server for the defect reports, e.g. https://tiles.jena.de/{z}/{x}/{y}.png (empty: no map tiles, no third-party requests)"})
	str(&c.ReportTileAttribution, env{"RATHAUS_REPORT_TILE_ATTRIBUTION", "report-tile-attribution", "text shown under the tile map, e.g. © OpenStreetMap-Mitwirkende"})
	str(&c.Inquiry.Office, env{"RATHAUS_INQUIRY_OFFICE", "inquiry-office", "slug of the unit whose staff work the triage queue of messages to the city"})
	if v, ok := lookup(getenv, "RATHAUS_INQUIRY_THRESHOLD"); ok {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f > 1 {
			return nil, nil, fmt.Errorf("RATHAUS_INQUIRY_THRESHOLD: not a number above 0 and at most 1: %q", v)
		}
		c.Inquiry.Threshold = f
	}
	for _, d := range []struct {
		p    *time.Duration
		name string
	}{{&c.Assistant.LLMTimeout, "RATHAUS_ASSISTANT_LLM_TIMEOUT"}, {&c.Assistant.Retention, "RATHAUS_ASSISTANT_RETENTION"},
		{&c.Inquiry.Retention, "RATHAUS_INQUIRY_RETENTION"}} {
		if err := durationVar(d.p, getenv, d.name); err != nil {
			return nil, nil, err
		}
	}
	boolVar(fs, &c.SMTP.StartTLS, getenv, env{"RATHAUS_SMTP_STARTTLS", "smtp-starttls", "require STARTTLS"})
	boolVar(fs, &c.CatalogFourEyes, getenv, env{"RATHAUS_CATALOG_FOUR_EYES", "catalog-four-eyes", "publish changes to service texts only after a second editor approved them (default true)"})
	boolVar(fs, &c.OIDCNoEmailLinking, getenv, env{"RATHAUS_OIDC_NO_EMAIL_LINKING", "oidc-no-email-linking", "never attach an OpenID login to an existing local account with the same address"})
	boolVar(fs, &c.TrustProxy, getenv, env{"RATHAUS_TRUST_PROXY", "trust-proxy", "trust X-Forwarded-For from a reverse proxy"})
	if v, ok := lookup(getenv, "RATHAUS_EMBED_ORIGINS"); ok {
		for _, o := range strings.Split(v, ",") {
			if o = strings.TrimSpace(o); o != "" {
				c.EmbedOrigins = append(c.EmbedOrigins, o)
			}
		}
	}
	if v, ok := lookup(getenv, "RATHAUS_MAX_BODY_BYTES"); ok {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return nil, nil, fmt.Errorf("RATHAUS_MAX_BODY_BYTES: not a positive number: %q", v)
		}
		c.MaxBodyBytes = n
	}
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	if err := checkTileURL(c.ReportTileURL); err != nil {
		return nil, nil, fmt.Errorf("RATHAUS_REPORT_TILE_URL (--report-tile-url): %w", err)
	}
	c.BaseURL = strings.TrimSuffix(c.BaseURL, "/")
	if c.BaseURL == "" {
		c.BaseURL = "http://" + localAddr(c.Addr)
	}
	return c, fs.Args(), nil
}

func defaults(cmd string) *Config {
	c := &Config{
		Addr:            "127.0.0.1:8080",
		LogLevel:        "info",
		LogFormat:       "text",
		MaxBodyBytes:    1 << 20,
		CatalogFourEyes: true,
		SessionTTL:      7 * 24 * time.Hour,
		StorageDir:      "./rathaus-files",
		SMTP:            SMTP{From: "noreply@jena.example"},
		Assistant:       Assistant{Phone: "115"},
		OIDC:            OIDC{Scopes: "openid email profile", ButtonLabel: "BundID / Servicekonto"},
		City: City{
			Name:                 "Stadt Jena",
			Address:              "Am Anger 15, 07743 Jena",
			Email:                "rathaus@jena.example",
			Phone:                "+49 3641 49-0",
			Representative:       "Der Oberbürgermeister",
			DataProtectionEmail:  "datenschutz@jena.example",
			AccessibilityContact: "barrierefreiheit@jena.example",
		},
		// The contributor ID is a placeholder until GovData assigns one.
		OpenData: OpenData{PublisherURI: "https://www.jena.de", License: "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
			MinCount: 5, AGS: "16053000", ContributorID: "http://dcat-ap.de/def/contributors/stadtJena"},
	}
	if cmd == "demo" {
		c.Demo = true
		c.DatabaseURL = "./rathaus-demo.db"
		c.SessionSecret = "demo-only-session-secret-not-for-production"
		// The demo's fees go to a made-up account of the demo city (a valid
		// IBAN of the Bundesbank's test range, never a real account).
		c.Payments = Payments{Creditor: "Stadtkasse Jena (Demo)", IBAN: "DE02120300000000202051", BIC: "BYLADEM1001"}
	}
	return c
}

// lookup reads NAME, or the file named by NAME_FILE (trailing newline cut).
func lookup(getenv func(string) string, name string) (string, bool) {
	if v := getenv(name); v != "" {
		return v, true
	}
	if f := getenv(name + "_FILE"); f != "" {
		b, err := os.ReadFile(f)
		if err == nil {
			return strings.TrimRight(string(b), "\r\n"), true
		}
	}
	return "", false
}

func boolVar(fs *flag.FlagSet, p *bool, getenv func(string) string, e env) {
	if v, ok := lookup(getenv, e.name); ok {
		*p, _ = strconv.ParseBool(v)
	}
	fs.BoolVar(p, e.flag, *p, e.usage+" ($"+e.name+")")
}

// durationVar reads a positive duration such as "8s" or "24h".
func durationVar(p *time.Duration, getenv func(string) string, name string) error {
	v, ok := lookup(getenv, name)
	if !ok {
		return nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return fmt.Errorf("%s: not a positive duration such as 10s or 24h: %q", name, v)
	}
	*p = d
	return nil
}

// checkTileURL accepts an empty template or an absolute http(s) URL with
// the placeholders {z}, {x} and {y} (and no user or password: the browser
// of every visitor would send them).
func checkTileURL(raw string) error {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(u.Host, "{}") {
		return fmt.Errorf("%q is not an http(s) URL with a fixed host, e.g. https://tiles.jena.de/{z}/{x}/{y}.png", raw)
	}
	if u.User != nil {
		return fmt.Errorf("%q must not hold a user or password: every visitor's browser would see them", raw)
	}
	for _, p := range []string{"{z}", "{x}", "{y}"} {
		if !strings.Contains(raw, p) {
			return fmt.Errorf("%q lacks the placeholder %s (it needs {z}, {x} and {y})", raw, p)
		}
	}
	return nil
}

func localAddr(addr string) string {
	if strings.HasPrefix(addr, ":") {
		return "localhost" + addr
	}
	return addr
}

// SecureCookies reports whether cookies must be marked Secure.
func (c *Config) SecureCookies() bool { return strings.HasPrefix(c.BaseURL, "https://") }

// CheckProduction lists every insecure setting `serve` refuses to start with.
func (c *Config) CheckProduction() error {
	var errs []error
	if len(c.SessionSecret) < 32 {
		errs = append(errs, errors.New("RATHAUS_SESSION_SECRET must be set to at least 32 random characters (or RATHAUS_SESSION_SECRET_FILE)"))
	}
	if c.DatabaseURL == "" {
		errs = append(errs, errors.New("RATHAUS_DATABASE_URL must name a SQLite file or a postgres:// URL"))
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Host == "" {
		errs = append(errs, fmt.Errorf("RATHAUS_BASE_URL %q is not an absolute URL", c.BaseURL))
	} else if u.Scheme != "https" && !isLoopback(u.Hostname()) {
		errs = append(errs, fmt.Errorf("RATHAUS_BASE_URL %q must use https: cookies and passwords would travel in clear text", c.BaseURL))
	}
	if c.SMTP.Addr == "" {
		errs = append(errs, errors.New("RATHAUS_SMTP_ADDR must be set: without mail nobody can verify an address or reset a password"))
	}
	if c.Delivery.URL != "" && len(c.Delivery.Secret) < 32 {
		errs = append(errs, errors.New("RATHAUS_DELIVERY_SECRET must have at least 32 characters when RATHAUS_DELIVERY_URL is set"))
	}
	if c.Assistant.LLMURL != "" {
		if u, err := url.Parse(c.Assistant.LLMURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("RATHAUS_ASSISTANT_LLM_URL %q is not an http(s) URL", c.Assistant.LLMURL))
		}
		if c.Assistant.LLMModel == "" {
			errs = append(errs, errors.New("RATHAUS_ASSISTANT_LLM_MODEL is required with RATHAUS_ASSISTANT_LLM_URL"))
		}
	}
	if c.OIDC.Issuer != "" && (c.OIDC.ClientID == "" || c.OIDC.ClientSecret == "") {
		errs = append(errs, errors.New("RATHAUS_OIDC_CLIENT_ID and RATHAUS_OIDC_CLIENT_SECRET are required with RATHAUS_OIDC_ISSUER"))
	}
	return errors.Join(errs...)
}

func isLoopback(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

// Redacted returns the configuration for the start-up log, secrets hidden.
func (c *Config) Redacted() map[string]any {
	hide := func(s string) string {
		if s == "" {
			return ""
		}
		return "(set)"
	}
	db := c.DatabaseURL
	if u, err := url.Parse(db); err == nil && u.User != nil {
		u.User = url.User(u.User.Username())
		db = u.String()
	}
	return map[string]any{
		"database": db, "addr": c.Addr, "base_url": c.BaseURL, "demo": c.Demo,
		"session_secret": hide(c.SessionSecret), "smtp_addr": c.SMTP.Addr, "smtp_user": c.SMTP.User,
		"smtp_password": hide(c.SMTP.Password), "mail_from": c.SMTP.From, "oidc_issuer": c.OIDC.Issuer,
		"oidc_client_secret": hide(c.OIDC.ClientSecret), "storage_dir": c.StorageDir,
		"s3_url": redactURL(c.S3URL), "payment_iban": c.Payments.IBAN, "delivery_url": c.Delivery.URL,
		"delivery_secret":   hide(c.Delivery.Secret),
		"assistant_llm_url": redactURL(c.Assistant.LLMURL), "assistant_llm_model": c.Assistant.LLMModel,
		"assistant_llm_key": hide(c.Assistant.LLMKey),
	}
}

// redactURL hides the password (secret key) of a URL.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	u.User = url.User(u.User.Username())
	return u.String()
}
