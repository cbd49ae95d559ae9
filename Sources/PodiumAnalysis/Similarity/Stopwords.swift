/// Words too common in speech to say what a sentence is about: articles, pronouns, auxiliaries,
/// conjunctions, fillers and the fragments an apostrophe leaves ("we'll" → "we", "ll").
/// Compared before stemming, by stable hash.
enum Stopwords {
  static let words: [String] = [
    // Articles, pronouns, determiners.
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "i", "me", "my", "we", "us",
    "our", "ours", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their",
    "what", "which", "who", "whom", "whose", "all", "any", "some", "each", "every", "both",
    "other", "another", "such", "one",
    // Auxiliaries and modals.
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have",
    "has", "had", "having", "will", "would", "can", "could", "shall", "should", "may", "might",
    "must", "cannot",
    // Prepositions and conjunctions.
    "of", "and", "in", "to", "for", "on", "at", "by", "with", "from", "as", "or", "but", "if",
    "so", "than", "then", "into", "over", "up", "out", "about", "because", "since", "while",
    "whilst", "although", "though", "however", "when", "where", "why", "how", "there", "here",
    // Negation, degree and filler words.
    "not", "no", "nor", "yes", "also", "very", "just", "more", "most", "much", "many", "only",
    "too", "again", "even", "still", "already", "well", "now", "really", "obviously", "clearly",
    "course", "lot", "like", "let", "way", "thing", "things",
    // Verbs of speaking and everyday speech.
    "say", "said", "saying", "says", "want", "wanted", "think", "know", "need", "make", "sure",
    "get", "go", "going", "see", "take", "come",
    // Contraction fragments and web boilerplate.
    "s", "t", "ll", "re", "ve", "d", "m", "don", "doesn", "didn", "isn", "aren", "wasn", "won",
    "http", "https", "www", "com", "org", "htm", "html",
  ]

  static let hashes: Set<UInt64> = Set(words.map { hash(Array($0.utf8)) })

  static func hash(_ bytes: [UInt8]) -> UInt64 { StableHash.fnv(bytes) }
}
