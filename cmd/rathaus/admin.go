package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"flag"
	"fmt"
	"io"

	"rathaus/internal/account"
	"rathaus/internal/config"
	"rathaus/internal/fault"
)

// openFor loads the configuration of an administrative command from args
// (what the command's own flags left over, such as --db) and opens the app.
func openFor(ctx context.Context, cmd string, args []string, getenv func(string) string, stderr io.Writer) (*app, error) {
	cfg, _, err := config.Load(cmd, args, getenv, stderr)
	if err != nil {
		return nil, err
	}
	return open(ctx, cfg, newLogger(cfg, stderr))
}

func runMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	a, err := openFor(ctx, "migrate", args, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	v, err := a.db.Version(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "database is at migration %d (%s)\n", v, a.db.Engine())
	return nil
}

// runUser administers accounts from the shell: the way to create the
// first platform admin of a production installation.
func runUser(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("user: want create, role or disable")
	}
	sub, rest := args[0], args[1:]
	fs := flag.NewFlagSet("rathaus user "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "e-mail address of the account")
	name := fs.String("name", "", "display name (create)")
	password := fs.String("password", "", "password (create; generated when empty)")
	admin := fs.Bool("admin", false, "make a platform admin (create)")
	role := fs.String("role", "", "role: case_worker, service_owner, moderator, org_admin, platform_admin (role)")
	orgSlug := fs.String("org", "", "organisation slug (role)")
	revoke := fs.Bool("revoke", false, "remove the role instead (role)")
	enable := fs.Bool("enable", false, "unlock instead of lock (disable)")
	cfgArgs, err := splitArgs(fs, rest)
	if err != nil {
		return err
	}
	a, err := openFor(ctx, "user", cfgArgs, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	switch sub {
	case "create":
		return userCreate(ctx, a, stdout, *email, *name, *password, *admin)
	case "role":
		return userRole(ctx, a, stdout, *email, *role, *orgSlug, *revoke)
	case "disable":
		u, err := a.findUser(ctx, *email)
		if err != nil {
			return err
		}
		if err := a.accounts.SetDisabled(ctx, nil, u.ID, !*enable); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s is now %s\n", u.Email, map[bool]string{true: "enabled", false: "disabled"}[*enable])
		return nil
	}
	return fmt.Errorf("user: unknown subcommand %q", sub)
}

// splitArgs parses the user flags and returns the rest (such as --db) for
// the configuration.
func splitArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var cfgArgs []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) > 0 {
			cfgArgs = append(cfgArgs, args[0])
			if len(args) > 1 && (args[0] == "--db" || args[0] == "-db") {
				cfgArgs = append(cfgArgs, args[1])
				args = args[1:]
			}
			args = args[1:]
		}
	}
	return cfgArgs, nil
}

func (a *app) findUser(ctx context.Context, email string) (*account.User, error) {
	u, err := a.accounts.Store.FindUserByEmail(ctx, account.NormalizeEmail(email))
	if fault.Is(err, fault.NotFound) {
		return nil, fmt.Errorf("no account with e-mail %q", email)
	}
	return u, err
}

func userCreate(ctx context.Context, a *app, stdout io.Writer, email, name, password string, admin bool) error {
	generated := password == ""
	if generated {
		b := make([]byte, 15)
		_, _ = rand.Read(b)
		password = base64.RawURLEncoding.EncodeToString(b)
	}
	u, err := a.accounts.Create(ctx, nil, account.Registration{Email: email, DisplayName: name, Password: password, Locale: "de"}, admin)
	if err != nil {
		return describe(a, err)
	}
	fmt.Fprintf(stdout, "created account %d for %s\n", u.ID, u.Email)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n", password)
	}
	return nil
}

func userRole(ctx context.Context, a *app, stdout io.Writer, email, role, orgSlug string, revoke bool) error {
	u, err := a.findUser(ctx, email)
	if err != nil {
		return err
	}
	if role == "platform_admin" {
		if err := a.accounts.SetPlatformAdmin(ctx, nil, u.ID, !revoke); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: platform_admin %s\n", u.Email, map[bool]string{true: "revoked", false: "granted"}[revoke])
		return nil
	}
	o, err := a.orgs.Store.FindOrgBySlug(ctx, orgSlug)
	if err != nil {
		return fmt.Errorf("no organisation with slug %q", orgSlug)
	}
	if revoke {
		grants, err := a.orgs.RolesOf(ctx, u.ID)
		if err != nil {
			return err
		}
		for _, g := range grants {
			if g.Grant.Role == role && g.Org.ID == o.ID {
				fmt.Fprintf(stdout, "%s: %s@%s revoked\n", u.Email, role, orgSlug)
				return a.orgs.Revoke(ctx, nil, g.Grant)
			}
		}
		return fmt.Errorf("%s has no role %s on %s", u.Email, role, orgSlug)
	}
	if _, err := a.orgs.Grant(ctx, nil, u.ID, role, o.ID); err != nil {
		return describe(a, err)
	}
	fmt.Fprintf(stdout, "%s: %s@%s granted\n", u.Email, role, orgSlug)
	return nil
}

// describe turns a fault into an English message for the shell.
func describe(a *app, err error) error {
	f := fault.As(err)
	if f.Kind == fault.Internal {
		return err
	}
	msg := a.i18n.T("en", f.Key, f.Args...)
	for _, fe := range f.Fields {
		msg += "\n  " + fe.Field + ": " + a.i18n.T("en", fe.Key, fe.Args...)
	}
	return fmt.Errorf("%s", msg)
}
