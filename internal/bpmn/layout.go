package bpmn

// Layout gives every element and flow coordinates (placeholder).
func (m *Model) Layout() {}
