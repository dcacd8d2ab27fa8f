package eventlog

import "slices"

// eventColumn is columnIndex for event attributes, remembering which key
// came at which place in the last events: most events repeat their
// predecessors' keys in the same order.
func (x *xesReader) eventColumn(key []byte, typ AttrType) int {
	i := len(x.attrs)
	if i < len(x.keyCache) {
		if k := &x.keyCache[i]; k.typ == typ && k.key == string(key) {
			return k.col
		}
	}
	col := columnIndex(&x.b.log.EventAttrs, x.b.evAttr, key, typ, x.hint)
	for len(x.keyCache) <= i {
		x.keyCache = append(x.keyCache, cachedKey{col: -1})
	}
	x.keyCache[i] = cachedKey{key: x.b.log.EventAttrs[col].Key, typ: typ, col: col}
	return col
}

// columnValue interns the value of an event attribute, remembering the
// column's last value.
func (x *xesReader) columnValue(col int, value []byte) int32 {
	for len(x.lastValue) <= col {
		x.lastValue = append(x.lastValue, cachedValue{v: -1})
	}
	last := &x.lastValue[col]
	if last.v >= 0 && string(last.b) == string(value) {
		return last.v
	}
	last.v = x.b.internBytes(value)
	last.b = append(last.b[:0], value...)
	return last.v
}

type cachedKey struct {
	key string
	typ AttrType
	col int
}

type cachedValue struct {
	b []byte
	v int32
}

func (x *xesReader) endEvent() {
	if x.classifier != nil {
		x.act = x.classifierActivity()
	}
	if x.act < 0 {
		x.rep.Skipped++
		x.rep.Warn("line %d: the event has no activity (concept:name) and is left out", x.eventLine)
		return
	}
	c := x.resolveCase()
	l := &x.b.log
	l.Act = append(l.Act, x.act)
	l.Time = append(l.Time, x.time)
	l.Resource = append(l.Resource, x.res)
	x.b.caseOf = append(x.b.caseOf, c)
	n := len(l.Act)
	for _, pa := range x.attrs {
		col := &l.EventAttrs[pa.col]
		col.Val = padColumn(col.Val, n)
		col.Val[n-1] = pa.val
	}
}

// padColumn extends a column to n rows with -1 (no value).
func padColumn(val []int32, n int) []int32 {
	k := len(val)
	if k >= n {
		return val
	}
	val = slices.Grow(val, n-k)[:n]
	for i := k; i < n; i++ {
		val[i] = -1
	}
	return val
}

// columnIndex finds or adds the column for key; a key seen with two types
// becomes a string column.
func columnIndex(cols *[]Column, idx map[string]int, key []byte, typ AttrType, capacity int) int {
	i, ok := idx[string(key)]
	if !ok {
		i = len(*cols)
		k := string(key)
		idx[k] = i
		*cols = append(*cols, Column{Key: k, Type: typ, Val: make([]int32, 0, capacity)})
		return i
	}
	if c := &(*cols)[i]; c.Type != typ {
		c.Type = TypeString
	}
	return i
}

// internBytes is b.value for a byte slice, allocating only new strings.
func (b *Builder) internBytes(v []byte) int32 {
	if i, ok := b.values[string(v)]; ok {
		return i
	}
	return b.value(string(v))
}

// internActivity is the index of activity name v, added when new.
func (b *Builder) internActivity(v []byte) int32 {
	if i, ok := b.acts[string(v)]; ok {
		return i
	}
	a := int32(len(b.log.Activities))
	s := string(v)
	b.acts[s] = a
	b.log.Activities = append(b.log.Activities, s)
	return a
}
