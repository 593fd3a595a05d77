#!/usr/bin/env python3
"""Generates negation.csv: short reviews whose sentiment depends on how words RELATE, not on which words occur.

Grammar (one template drawn uniformly per row):
  A  <subject> <verb> [<negation>] [<intensifier>] <adjective>            "the film was not really good"
  B  <negation> <adjective> at all                                      "not bad at all"
  C  i did [not] think <subject> <verb> <adjective>                        "i did not think the plot was dull"
  D  <subject> <verb> [<negation>] <adjective> and <adjective2>            "the food was not awful and poor"
       (both adjectives share one polarity)
  E  [<negation>] a <adjective> <noun>                                      "not a great story"

label = polarity(adjective) XOR negated, where polarity is positive for the words in POSITIVE and negative for the
words in NEGATIVE, and negated means a negation word (not / never / hardly) occurs in the sentence. Each
adjective appears about equally often in both classes, and so does every other word, so the label cannot be
read off any single word: a model has to relate the negation to the adjective.

Fixed seed (7): running this script again gives the same file.
Usage: python3 generate_negation.py [rows] > negation.csv
"""
import random
import sys

POSITIVE = ["good", "great", "fun", "lovely", "brilliant", "enjoyable", "excellent", "nice", "clever", "charming"]
NEGATIVE = ["bad", "boring", "awful", "dull", "terrible", "poor", "weak", "bland", "silly", "tedious"]
SUBJECTS = ["the film", "the movie", "the plot", "the acting", "this book", "the food", "the service",
            "the music", "the ending", "the show", "the story", "the cast"]
VERBS = ["was", "is", "seemed", "felt"]
NEGATIONS = ["not", "never", "hardly"]
INTENSIFIERS = ["really", "very", "quite", "truly"]
NOUNS = ["story", "film", "meal", "book", "show", "idea"]


def row(rng):
    positive = rng.random() < 0.5
    adjectives = POSITIVE if positive else NEGATIVE
    adjective = rng.choice(adjectives)
    negated = rng.random() < 0.5
    template = rng.choice("ABCDE")
    negation = rng.choice(NEGATIONS)
    if template == "A":
        words = [rng.choice(SUBJECTS), rng.choice(VERBS)]
        if negated:
            words.append(negation)
        if rng.random() < 0.4:
            words.append(rng.choice(INTENSIFIERS))
        words.append(adjective)
    elif template == "B":
        negated = True
        words = [negation if negation != "hardly" else "not", adjective, "at all"]
    elif template == "C":
        words = ["i did", "not" if negated else "", "think", rng.choice(SUBJECTS), rng.choice(VERBS), adjective]
    elif template == "D":
        other = rng.choice([a for a in adjectives if a != adjective])
        words = [rng.choice(SUBJECTS), rng.choice(VERBS), negation if negated else "", adjective, "and", other]
    else:
        words = [negation if negated else "", "a", adjective, rng.choice(NOUNS)]
        if negated and negation != "not":
            words[0] = "not"
    text = " ".join(w for w in words if w)
    label = "positive" if positive != negated else "negative"
    return text, label


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(7)
    out = sys.stdout
    out.write("text,label\n")
    for _ in range(rows):
        text, label = row(rng)
        out.write(f"{text},{label}\n")


if __name__ == "__main__":
    main()
