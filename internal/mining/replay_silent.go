package mining

import "slices"

// silentTo finds the shortest sequence of silent transitions from m to a
// marking where goal holds (breadth first, at most maxSilentStates
// markings). For an activity goal (id >= 0) the result's t is the
// transition it enables; for the end goals (id < 0) t is 0 when found.
// Results are remembered per marking and goal.
func (r *replayer) silentTo(m Marking, id int, goal func(Marking) bool) silentPath {
	key := r.markingKey(m, id)
	if sp, ok := r.paths[key]; ok {
		return sp
	}
	sp := r.searchSilent(m, id, goal)
	r.paths[key] = sp
	return sp
}

func (r *replayer) searchSilent(m Marking, id int, goal func(Marking) bool) silentPath {
	type state struct {
		m      Marking
		parent int
		via    int
	}
	states := []state{{m: slices.Clone(m), parent: -1, via: -1}}
	seen := map[string]bool{string(r.markingKey(m, 0)): true}
	for head := 0; head < len(states) && len(states) < maxSilentStates; head++ {
		for _, t := range r.silent {
			cur := states[head].m
			if !enabled(r.n, cur, t) {
				continue
			}
			next := slices.Clone(cur)
			for _, p := range r.n.Transitions[t].In {
				next[p]--
			}
			for _, p := range r.n.Transitions[t].Out {
				next[p]++
			}
			k := r.markingKey(next, 0)
			if seen[k] {
				continue
			}
			seen[k] = true
			states = append(states, state{m: next, parent: head, via: t})
			if goal(next) {
				var path []int
				for s := len(states) - 1; s > 0; s = states[s].parent {
					path = append(path, states[s].via)
				}
				slices.Reverse(path)
				found := 0
				if id >= 0 {
					found = r.enabledOf(next, r.cands[id])
				}
				return silentPath{path: path, t: found}
			}
		}
	}
	return silentPath{t: -1}
}

// markingKey encodes a marking and a goal id as a map key.
func (r *replayer) markingKey(m Marking, id int) string {
	r.key = r.key[:0]
	r.key = append(r.key, byte(id), byte(id>>8), byte(id>>16), byte(id>>24))
	for _, v := range m {
		r.key = append(r.key, byte(v), byte(v>>8))
	}
	return string(r.key)
}
