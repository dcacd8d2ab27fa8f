package route

import (
	"os"
	"testing"
)

// TestTuneOnDevelopmentSeeds is how the defaults were checked: candidate
// options are compared by 5-fold cross-validation on the Berlin set with
// seeds 2 to 4 (folds the reported figure, seed 1, does not use). It only
// logs; run it with ROUTE_TUNE=1 go test -run TuneOn -v ./internal/route.
func TestTuneOnDevelopmentSeeds(t *testing.T) {
	if os.Getenv("ROUTE_TUNE") == "" {
		t.Skip("skipping: set ROUTE_TUNE=1 to compare options on the development seeds")
	}
	ex := berlin(t)
	for _, o := range []Options{
		{}, {MinGram: 3, MaxGram: 5}, {MinGram: 3, MaxGram: 4}, {CharWeight: 0.5}, {CharWeight: 2},
		{L2: 1e-5}, {L2: 1e-3}, {Epochs: 40}, {NoBigrams: true},
	} {
		var acc, f1 float64
		for s := int64(2); s <= 4; s++ {
			m := CrossValidate(ex, 5, s, o)
			acc += m.Accuracy / 3
			f1 += m.MacroF1 / 3
		}
		t.Logf("%+v: accuracy %.4f macro-F1 %.4f", o, acc, f1)
	}
}
