package e2e

import (
	"sync"

	"rathaus/internal/i18n"
)

var catalog = sync.OnceValue(func() *i18n.Catalog {
	c, err := i18n.New()
	if err != nil {
		panic(err)
	}
	return c
})

// tr is the text the product shows for key in lang.
func tr(lang, key string, args ...any) string { return catalog().T(lang, key, args...) }
