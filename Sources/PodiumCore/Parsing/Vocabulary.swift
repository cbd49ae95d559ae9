/// The small word lists the classifiers use. Lowercased; matched against lowercased tokens
/// without trailing punctuation.
enum Vocabulary {
  /// Words that name an office or a function ("Secretary General", "Acting Spokesperson").
  static let roleWords: Set<String> = [
    "secretary", "general", "deputy", "assistant", "acting", "spokesperson", "spokesman",
    "spokeswoman", "spokespeople", "minister", "prime", "president", "vice", "chancellor",
    "ambassador", "senator", "sen", "representative", "rep", "congressman", "congresswoman",
    "governor", "mayor", "director", "commissioner", "chair", "chairman", "chairwoman",
    "chairperson", "chief", "admiral", "commander", "colonel", "lieutenant", "major",
    "captain", "sergeant", "press", "foreign", "defence", "defense", "affairs", "high",
    "under", "executive", "officer", "moderator", "host", "anchor", "correspondent",
    "reporter", "presenter", "interviewer", "king", "queen", "prince", "princess", "pope",
    "professor", "judge", "justice", "speaker", "leader", "member", "mp", "mep", "envoy",
    "special", "head", "senior", "adviser", "advisor", "counsel", "attorney", "spokes",
    "coordinator", "supreme", "allied", "commandant", "marshal", "air", "finance",
    "interior", "state", "council", "national", "security", "presiding", "clerk", "chaplain",
    "delegate", "gen", "adm", "col", "lt", "gov", "amb", "sec", "dir", "chairs", "official",
    "officials", "staff", "physician", "economist", "analyst", "editor", "producer", "former",
    "incoming", "outgoing", "court", "witness", "defendant", "plaintiff", "interpreter",
    "bailiff", "prosecutor", "panelist", "panellist", "ranking",
  ]
  /// Of the role words, those that make the speaker a moderator.
  static let moderatorWords: Set<String> = [
    "spokesperson", "spokesman", "spokeswoman", "moderator", "host", "anchor", "presenter",
    "chair", "chairman", "chairwoman", "chairperson", "presiding", "speaker",
  ]
  /// Role words that say "journalist" even without an outlet.
  static let journalistWords: Set<String> = [
    "correspondent", "reporter", "interviewer", "journalist", "editor", "producer",
  ]
  /// Role words too common to make a role on their own in a bare line.
  static let weakRoleWords: Set<String> = [
    "general", "high", "under", "air", "state", "national", "security", "special", "head",
    "senior", "member", "press", "foreign", "affairs", "supreme", "allied", "finance",
    "interior", "council", "staff", "official", "officials", "major",
  ]
  /// Titles before a name.
  static let honorifics: Set<String> = [
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "rev",
    "hon", "honourable", "honorable", "rt", "madam", "mme", "m", "herr", "frau",
  ]
  /// Lowercase words allowed inside names and outlets.
  static let particles: Set<String> = [
    "von", "van", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin",
    "ibn", "al", "el", "ten", "ter", "dos", "das", "do", "y", "zu", "of", "and", "for", "the",
    "on", "in", "st", "af", "e", "et", "des", "dei", "pro", "tempore", "&",
  ]
  /// Capitalised words that start or fill sentences and headings, never names.
  static let stopwords: Set<String> = [
    "and", "but", "so", "yes", "no", "well", "okay", "ok", "thank", "thanks", "good", "hello",
    "hi", "all", "this", "that", "these", "those", "we", "i", "it", "its", "it's", "you",
    "they", "he", "she", "our", "my", "your", "their", "let", "let's", "now", "then",
    "today", "yesterday", "tomorrow", "here", "there", "what", "why", "how", "when",
    "where", "who", "which", "if", "in", "on", "at", "for", "with", "from", "to", "as",
    "by", "also", "just", "firstly", "secondly", "finally", "please", "sorry", "right",
    "great", "maybe", "again", "first", "second", "third", "last", "next", "one", "two",
    "visit", "find", "follow", "connect", "receive", "subscribe", "watch", "read", "note",
    "update", "updated", "source", "transcript", "related", "share", "click", "see", "date",
    "time", "location", "posted", "published", "is", "are", "was", "were", "be", "been",
    "not", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could",
    "should", "may", "might", "must", "a", "an", "or", "nor", "because", "since", "while",
    "although", "however", "therefore", "indeed", "of", "about", "into", "over", "after",
    "before", "during", "without", "within", "between", "against", "under", "like",
    "more", "most", "less", "some", "any", "every", "each", "many", "much", "very", "too",
    "only", "even", "still", "already", "never", "always", "press", "conference",
    "statement", "remarks", "questions", "answers", "opening", "closing", "introduction",
    "summary", "contents", "background", "q&a", "end", "applause", "laughter", "inaudible",
    "crosstalk", "music", "warning", "breaking", "advisory", "editor's", "editors",
    "as", "delivered", "check", "against", "delivery", "embargoed", "copyright", "page",
    "chapter", "section", "part", "table", "figure", "live", "video", "audio", "photo",
    "speech", "interview", "briefing", "doorstep", "debate", "hearing", "session",
    "meeting", "summit", "agenda", "item", "items", "minutes", "welcome", "ladies",
    "gentlemen", "everyone", "everybody", "dear", "friends", "colleagues", "hey", "webvtt",
  ]
  /// Labels that stand for an anonymous questioner.
  static let questionLabels: Set<String> = [
    "q", "question", "questions", "questioner", "audience member", "audience", "participant",
    "journalist", "reporter", "press", "unidentified reporter", "unidentified journalist",
    "off-mic", "off mic", "question from the floor", "floor",
  ]
  /// Labels that stand for the answering party of an interview.
  static let answerLabels: Set<String> = ["a", "answer"]

  static let months: [String: Int] = [
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
  ]
}
