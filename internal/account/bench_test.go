package account

import "testing"

// BenchmarkHashPassword measures argon2id at our parameters: the CPU and
// time one registration, login or password change costs.
func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("ein langes passwort"); err != nil {
			b.Fatal(err)
		}
	}
}
