package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"rathaus/internal/org"
)

// runOrg administers the organisation tree from the shell: how a new
// installation gets its city group before anyone can hold a role.
func runOrg(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("org: want create or list")
	}
	sub, rest := args[0], args[1:]
	fs := flag.NewFlagSet("rathaus org "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	slug := fs.String("slug", "", "short, stable name, e.g. stadt-jena (create)")
	name := fs.String("name", "", "display name (create)")
	kind := fs.String("kind", org.KindOrganisation, "group, organisation, department or unit (create)")
	parent := fs.String("parent", "", "slug of the node above; empty for a root group (create)")
	cfgArgs, err := splitArgs(fs, rest)
	if err != nil {
		return err
	}
	a, err := openFor(ctx, "org", cfgArgs, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	switch sub {
	case "create":
		o := &org.Org{Slug: *slug, Name: *name, Kind: *kind}
		if *parent != "" {
			p, err := a.orgs.Store.FindOrgBySlug(ctx, *parent)
			if err != nil {
				return fmt.Errorf("no organisation with slug %q", *parent)
			}
			o.ParentID = &p.ID
		}
		if err := a.orgs.Create(ctx, o); err != nil {
			return describe(a, err)
		}
		fmt.Fprintf(stdout, "created %s %q (%s)\n", o.Kind, o.Name, o.Slug)
		return nil
	case "list":
		tree, err := a.orgs.Tree(ctx)
		if err != nil {
			return err
		}
		printTree(stdout, tree, 0)
		return nil
	}
	return fmt.Errorf("org: unknown subcommand %q", sub)
}

func printTree(w io.Writer, nodes []*org.Tree, depth int) {
	for _, n := range nodes {
		fmt.Fprintf(w, "%s%s  (%s, %s)\n", strings.Repeat("  ", depth), n.Org.Name, n.Org.Kind, n.Org.Slug)
		printTree(w, n.Children, depth+1)
	}
}
