package report

// PublicKey is the file store key of the photo's public copy: the copy
// staff made with faces and number plates blurred. The original (Key)
// stays internal; only this copy is served to the public, and only while
// the photo is public.
func (p Photo) PublicKey() string { return p.Key + "-public" }
