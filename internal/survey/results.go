package survey

import "math"

// Results are a survey's figures.
type Results struct {
	Responses int
	Questions []QuestionResult
}

// QuestionResult is the tally of one question.
type QuestionResult struct {
	Question *Question
	Answered int // responses that answer it
	// Counts per option (choice) or per scale point (scale), in order.
	// For multiple choice the percentages add up to more than 100.
	Counts []Count
	Mean   float64 // scale: the mean of the answers
	// Rows of a matrix: per row the counts per scale point and the mean.
	Rows []RowResult
	// Texts are the free-text answers, for staff only.
	Texts []string
}

// RowResult is one row of a matrix question.
type RowResult struct {
	Answered int
	Counts   []Count
	Mean     float64
}

// Count is how many answers chose one option or point, and their share of
// the question's answers in percent (rounded to one decimal).
type Count struct {
	Value   int // option index or scale point
	N       int
	Percent float64
}

// Tally counts the responses of s.
func Tally(s *Survey, rs []*Response) *Results {
	res := &Results{Responses: len(rs)}
	for i := range s.Questions {
		q := &s.Questions[i]
		res.Questions = append(res.Questions, tallyQuestion(q, rs))
	}
	return res
}

func tallyQuestion(q *Question, rs []*Response) QuestionResult {
	qr := QuestionResult{Question: q}
	var values []int
	n := len(q.Options)
	if q.Type == TypeScale {
		n = q.ScaleMax - q.ScaleMin + 1
	}
	counts := make([]int, n)
	rows := make([][]int, len(q.Options))
	for _, r := range rs {
		a, ok := r.Answers[q.ID]
		if !ok || a.empty() {
			continue
		}
		qr.Answered++
		switch q.Type {
		case TypeSingle, TypeMultiple:
			for _, c := range a.Choices {
				if c >= 0 && c < n {
					counts[c]++
				}
			}
		case TypeScale:
			if a.Value >= q.ScaleMin && a.Value <= q.ScaleMax {
				counts[a.Value-q.ScaleMin]++
				values = append(values, a.Value)
			}
		case TypeText:
			qr.Texts = append(qr.Texts, a.Text)
		case TypeMatrix:
			for i, v := range a.Rows {
				if i < len(rows) && v >= q.ScaleMin && v <= q.ScaleMax {
					rows[i] = append(rows[i], v)
				}
			}
		}
	}
	switch q.Type {
	case TypeSingle, TypeMultiple:
		qr.Counts = countsOf(counts, 0, qr.Answered)
	case TypeScale:
		qr.Counts = countsOf(counts, q.ScaleMin, qr.Answered)
		qr.Mean = mean(values)
	case TypeMatrix:
		for _, vs := range rows {
			c := make([]int, q.ScaleMax-q.ScaleMin+1)
			for _, v := range vs {
				c[v-q.ScaleMin]++
			}
			qr.Rows = append(qr.Rows, RowResult{Answered: len(vs), Counts: countsOf(c, q.ScaleMin, len(vs)), Mean: mean(vs)})
		}
	}
	return qr
}

func countsOf(counts []int, first, total int) []Count {
	out := make([]Count, len(counts))
	for i, n := range counts {
		out[i] = Count{Value: first + i, N: n, Percent: percent(n, total)}
	}
	return out
}

func percent(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return math.Round(float64(n)*1000/float64(total)) / 10
}

func mean(vs []int) float64 {
	if len(vs) == 0 {
		return 0
	}
	sum := 0
	for _, v := range vs {
		sum += v
	}
	return math.Round(float64(sum)*100/float64(len(vs))) / 100
}
