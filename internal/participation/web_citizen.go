package participation

// CheckIdea validates a proposal as Propose does, without saving it, so
// that the citizen's form shows its errors before the similar-ideas
// step. It trims the fields like Propose.
func CheckIdea(i *Idea, sp *Space) error { return checkIdea(i, sp) }
