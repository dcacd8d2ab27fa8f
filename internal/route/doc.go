// Package route suggests where a free-text request to the city belongs: a
// small, explainable text classifier trained on examples (a text and the
// label a person gave it, such as a unit or a category).
//
// Texts are read the way the catalogue search reads them (internal/search):
// words are folded (case, ß, umlauts), stop words dropped, stemmed with the
// Snowball German stemmer, and compounds split into known parts, so
// "Hundesteuer" also counts as "Hund" and "Steuer". Character n-grams of 3
// to 5 letters inside each word add robustness to unseen compounds,
// inflections and typos. Each block of features (words, characters) is
// weighted by sublinear term frequency and inverse document frequency and
// normalised to unit length.
//
// The model is a multinomial logistic regression with L2 regularisation,
// trained by stochastic gradient descent in a fixed, seeded order, so the
// same examples always give the same model. Its softmax output is the
// probability of each label; these are reasonably calibrated (CrossValidate
// reports the expected calibration error), so a threshold on the top
// probability is a meaningful "not sure, ask a person".
//
// A guess explains itself: Because lists the words of the input, as
// written, that pushed most toward the label (the sum of the weights of the
// features each word produced, against the average label).
package route
