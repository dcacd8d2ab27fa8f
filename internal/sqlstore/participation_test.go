package sqlstore_test

import (
	"testing"

	"rathaus/internal/storetest"
)

// TestSupportsTwoInstances: 50 people support one idea and one person
// clicks 20 times at once, on two instances: 50 and 1 supports, the
// threshold reached once.
func TestSupportsTwoInstances(t *testing.T) {
	twoInstances(t, func(t *testing.T, a, b storetest.Stores) { storetest.RaceSupports(t, 50, 20, a, b) })
}

// TestVotesTwoInstances: one person gives 3 votes to 12 ideas at once on
// two instances: 3 count, 9 are refused.
func TestVotesTwoInstances(t *testing.T) {
	twoInstances(t, func(t *testing.T, a, b storetest.Stores) { storetest.RaceVotes(t, 3, 12, a, b) })
}

// TestCommentsTwoInstances: 30 comments on one idea at once on two
// instances: the published ones are counted exactly.
func TestCommentsTwoInstances(t *testing.T) {
	twoInstances(t, func(t *testing.T, a, b storetest.Stores) { storetest.RaceComments(t, 30, a, b) })
}
