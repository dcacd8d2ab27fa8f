package cases

// Translator renders texts of mails and documents in the citizen's
// language.
type Translator interface {
	T(lang, key string, args ...any) string
}
