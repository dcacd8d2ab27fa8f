package mining

func growTo(s [][]int, n int) [][]int {
	for len(s) < n {
		s = append(s, nil)
	}
	return s
}

// closeness estimates the silent steps before the next event can be
// matched (or, at the end, before the final marking), with the additive
// estimate of token replay. It only orders equally good states.
func (a *aligner) closeness(m []int32, trace []int32, pos int) int {
	cost := silentCosts(a.n, a.silent, m, a.cost)
	if pos == len(trace) {
		need := 0
		for f, w := range a.n.Final {
			if w > 0 {
				need = min(need+cost[f], noPath)
			}
		}
		return need
	}
	best := noPath
	for _, t := range a.byAct[trace[pos]] {
		need := 0
		for _, p := range a.n.Transitions[t].In {
			need = min(need+cost[p], noPath)
		}
		best = min(best, need)
	}
	return best
}
