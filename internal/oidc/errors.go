package oidc

import (
	"errors"

	"rathaus/internal/fault"
)

// Translation keys of the errors this package returns.
const (
	keyConfig      = "error.oidc.config"      // operator misconfiguration
	keyUnavailable = "error.oidc.unavailable" // provider unreachable or broken discovery
	keyState       = "error.oidc.state"       // callback does not belong to a login started here
	keyDenied      = "error.oidc.denied"      // provider reported an error (e.g. user cancelled)
	keyFailed      = "error.oidc.failed"      // code exchange or ID token verification failed
)

func configError(msg string) error {
	return fault.Wrap(fault.Invalid, keyConfig, errors.New("oidc: "+msg))
}

func failed(err error) error {
	return fault.Wrap(fault.Unauthenticated, keyFailed, err)
}
