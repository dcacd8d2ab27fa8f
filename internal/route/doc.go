// Package route suggests where a free-text request to the city belongs: a
// small, explainable text classifier trained on examples (a text and the
// label a person gave it, such as a unit or a category). It has no HTTP
// and no SQL; the caller stores examples and corrections and retrains.
//
// Texts are read the way the catalogue search reads them (internal/search):
// words are folded (case, ß, umlauts), stop words dropped, stemmed with the
// Snowball German stemmer, matched to the curated synonym groups, and
// compounds split into parts known from the training texts, so
// "Hundesteuer" also counts as "Hund" and "Steuer" (at half weight).
// Neighbouring stems form pairs, and character 4-grams inside each word
// ("<hun", "hund", "unde", ...) carry unseen compounds, inflections and
// typos. Features are weighted by sublinear term frequency and inverse
// document frequency; the word block and the character block are each
// normalised to unit length, so a word's many n-grams do not drown its stem.
//
// The model is a multinomial logistic regression with L2 regularisation,
// trained by stochastic gradient descent in a seeded order: the same
// examples give the same model. Training takes a fixed budget of about
// 30,000 gradient steps (3 to 20 passes), so 10,000 examples train in well
// under a second and the application can retrain whenever staff correct a
// routing. A correction is an example with a higher Weight.
//
// Probabilities are the softmax of the regression's scores, over all
// labels. They are calibrated, slightly on the cautious side: in
// cross-validation on the Berlin set, guesses with P >= 0.9 were right 98%
// of the time and those with P >= 0.5 91%; CrossValidate reports the
// expected calibration error and the share and accuracy above thresholds,
// so a threshold for "ask a person" can be chosen from figures.
//
// A guess explains itself: Because lists the words of the input, as
// written, that pushed most toward the label: each feature's value times
// its weight for the label above the average label's, summed per word
// (a pair counts half for each word).
package route
