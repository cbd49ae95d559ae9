import Foundation
import PodiumAnalysis
import PodiumCore
import Testing

private let seeds = [
  "000": "000_6c3513f9567987e2.txt", "001": "001_ea959065a5dde1d0.txt",
  "002": "002_5b4f7228db40aa13.txt", "003": "003_3211f206d7309b80.txt",
  "004": "004_92d8df90dfd28101.txt",
]

/// A parsed document, its entities and the text of a range.
private struct Extracted {
  let transcript: Transcript
  let entities: DocumentEntities
  init(_ text: String) {
    transcript = TranscriptParser.parse(text)
    entities = EntityExtractor.extract(transcript)
  }
  init(seed: String) { self.init(Fixtures.read("seeds/" + seeds[seed]!)) }
  func said(_ r: Range<Int>) -> String {
    String(decoding: transcript.text.bytes(in: r), as: UTF8.self)
  }
  /// Mentions whose text is exactly `text`.
  func mentions(_ text: String) -> [EntityMention] {
    entities.mentions.filter { said($0.range) == text }
  }
  func keys(_ text: String) -> Set<String> { Set(mentions(text).map(\.key)) }
}

@Suite struct EntityTests {
  @Test func titleAndSurnameResolveToTheFullName() {
    let doc = Extracted(seed: "000")
    #expect(doc.keys("Secretary Hegseth") == ["person:pete-hegseth"])
    #expect(doc.keys("Pete Hegseth") == ["person:pete-hegseth"])
    #expect(doc.keys("Secretary of Defence Pete Hegseth") == ["person:pete-hegseth"])
    let reason = doc.mentions("Secretary Hegseth").first?.reason ?? ""
    #expect(reason.hasPrefix("title + surname of Pete Hegseth (line "))
    #expect(doc.mentions("Secretary Hegseth").allSatisfy { $0.name == "Pete Hegseth" })
    #expect(doc.keys("Mr. Rutte") == ["person:mark-rutte"])  // a speaker's surname
    #expect(doc.keys("Raf Sanches") == ["person:raf-sanchez"])  // a spelling variant
    // The same person under other spellings in another document.
    let other = Extracted(seed: "004")
    #expect(other.keys("Zelenskyy") == ["person:volodymyr-zelenskyy"])
    #expect(other.keys("Volodymyr Zelenskyy") == ["person:volodymyr-zelenskyy"])
    #expect(Extracted(seed: "003").keys("President Zelenskyy") == ["person:volodymyr-zelenskyy"])
  }

  @Test func unknownSurnamesAreKeyedBySurnameUnlessTheFullNameAppears() {
    let text = """
      Press briefing

      Moderator: Good Afternoon. Thank You. We start with Secretary Smithers and Minister Olsen.
      Anna Berg, Reuters: Thank you. Jane Smithers said so. Olsen did not. Good Morning.
      Moderator: Transcript Continues. Thank you.
      """
    let doc = Extracted(text)
    #expect(doc.keys("Secretary Smithers") == ["person:jane-smithers"])
    #expect(doc.keys("Jane Smithers") == ["person:jane-smithers"])
    #expect(doc.keys("Minister Olsen") == ["person:olsen"])
    #expect(doc.keys("Olsen") == ["person:olsen"])
    let people = doc.entities.mentions.filter { $0.kind == .person }.map { doc.said($0.range) }
    #expect(people == ["Secretary Smithers", "Minister Olsen", "Jane Smithers", "Olsen"])
  }

  @Test func acronymsAreExpandedInEitherOrder() throws {
    let doc = Extracted(seed: "003")
    let udcg = try #require(doc.entities.acronyms.first { $0.acronym == "UDCG" })
    #expect(udcg.expansion == "Ukraine Defence Contact Group")
    #expect(doc.said(udcg.acronymRange) == "UDCG")
    #expect(doc.said(udcg.expansionRange) == "Ukraine Defence Contact Group")
    #expect(udcg.acronymRange.upperBound < udcg.expansionRange.lowerBound)
    #expect(udcg.expansionRange.lowerBound - udcg.acronymRange.upperBound < 300)
    let mentions = doc.mentions("UDCG")
    #expect(mentions.count == 2)
    #expect(mentions.allSatisfy { $0.key == "acronym:udcg" && $0.kind == .acronym })
    #expect(mentions.allSatisfy { $0.reason == "acronym of Ukraine Defence Contact Group" })
    #expect(
      doc.entities.acronyms.contains {
        $0.acronym == "MARCOM" && $0.expansion == "Maritime Command"
      })
    // Without its expansion, the same key; gazetteer acronyms are organisations and places.
    let early = Extracted(seed: "000")
    #expect(early.keys("UDCG") == ["acronym:udcg"])
    #expect(!early.entities.acronyms.contains { $0.acronym == "UDCG" })
    #expect(
      early.mentions("NATO").allSatisfy {
        $0.kind == .organisation && $0.key == "organisation:nato"
      })
    #expect(
      early.mentions("US").allSatisfy { $0.kind == .place && $0.key == "place:united-states" })
    // IP4: the letters are initials, the digit a number nearby.
    let ip4 = try #require(Extracted(seed: "004").entities.acronyms.first { $0.acronym == "IP4" })
    #expect(ip4.expansion == "four partners in the Indo Pacific")

    let after = Extracted(
      """
      Moderator: The Ukraine Defence Contact Group (UDCG) met. Artificial Intelligence (AI) too. NATO and
      the EU agreed. The UDCG will meet again.
      """)
    #expect(after.entities.acronyms.map(\.acronym) == ["UDCG", "AI"])
    #expect(
      after.entities.acronyms.map(\.expansion) == [
        "Ukraine Defence Contact Group", "Artificial Intelligence",
      ])
    #expect(after.keys("UDCG") == ["acronym:udcg"])
    #expect(after.keys("NATO") == ["organisation:nato"])
    #expect(after.keys("EU") == ["organisation:european-union"])
  }

  @Test func eventsShareAKeyAcrossPhrasings() {
    let doc = Extracted(seed: "003")
    for phrase in ["The Hague Summit", "Summit in The Hague", "Summit at The Hague"] {
      #expect(doc.keys(phrase) == ["event:the-hague-summit"], "\(phrase)")
      #expect(doc.mentions(phrase).allSatisfy { $0.name == "The Hague Summit" })
    }
    #expect(doc.keys("NATO-Ukraine Council") == ["event:nato-ukraine-council"])
    #expect(doc.keys("Ukraine Defence Contact Group") == ["event:ukraine-defence-contact-group"])
    #expect(doc.keys("The Hague") == ["place:the-hague"])
    let washington = Extracted(seed: "004")
    #expect(washington.keys("Washington Summit") == ["event:washington-summit"])
    #expect(washington.keys("Washington") == ["place:washington"])
    let other = Extracted(
      "Moderator: We met at the Washington summit and the Munich Security Conference.")
    #expect(other.keys("Washington summit") == ["event:washington-summit"])
    #expect(other.keys("Munich Security Conference") == ["event:munich-security-conference"])
  }

  @Test func figuresAreNormalised() {
    let d004 = Extracted(seed: "004")
    #expect(d004.keys("40 billion euros") == ["figure:40-billion-eur"])
    #expect(d004.mentions("40 billion euros").first?.name == "€40 billion")
    #expect(d004.keys("20.9 billion euros") == ["figure:20.9-billion-eur"])
    #expect(d004.keys("two and a half percent") == ["figure:2.5-percent"])
    #expect(d004.keys("2%") == ["figure:2-percent"])
    let d003 = Extracted(seed: "003")
    #expect(d003.keys("2% of GDP") == ["figure:2-percent-gdp"])
    #expect(d003.keys("20 billion") == ["figure:20-billion"])
    #expect(d003.keys("2 trillion") == ["figure:2-trillion"])
    let d000 = Extracted(seed: "000")
    #expect(d000.keys("2% of their GDP") == ["figure:2-percent-gdp"])
    #expect(d000.keys("3,5%") == ["figure:3.5-percent"])
    #expect(d000.keys("3.5%") == ["figure:3.5-percent"])
    #expect(d000.keys("485 billion US dollars") == ["figure:485-billion-usd"])
    let spellings = Extracted(
      "Moderator: €40 billion, 40 billion euros, €40bn, 2 %, 5 percent, two percent, 1,000,000 dollars and 2024 troops."
    )
    #expect(spellings.keys("€40 billion") == ["figure:40-billion-eur"])
    #expect(spellings.keys("€40bn") == ["figure:40-billion-eur"])
    #expect(spellings.keys("2 %") == ["figure:2-percent"])
    #expect(spellings.keys("two percent") == ["figure:2-percent"])
    #expect(spellings.keys("5 percent") == ["figure:5-percent"])
    #expect(spellings.keys("1,000,000 dollars") == ["figure:1000000-usd"])
    #expect(spellings.entities.mentions.filter { $0.kind == .figure }.count == 7)  // not 2024
  }

  @Test func organisationAliases() {
    typealias O = OrganisationAliases
    #expect(O.canonical("FAZ") == "Frankfurter Allgemeine Zeitung")
    #expect(O.canonical("frankfurter allgemeine zeitung") == "Frankfurter Allgemeine Zeitung")
    #expect(O.canonical("Frankfurter Algemeiner Zeitung") == O.canonical("FAZ"))
    #expect(O.canonical("DW") == "Deutsche Welle")
    for afp in ["AFP", "Agence France Presse", "Agence France-Presse", "agence france-presse"] {
      #expect(O.canonical(afp) == "Agence France-Presse")
    }
    #expect(O.canonical("Holod Daily Bugle") == nil)
    #expect(O.key("DW") == "deutsche-welle")
    #expect(O.key("Holod Media") == "holod-media")
    #expect(
      O.key("International News Agency of Ukraine") == O.key("National News Agency of Ukraine"))
    #expect(O.sameOutlet("Deutsche Welle Ukrainian and Russian", "DW"))
    #expect(O.sameOutlet("BBC Russian Service", "BBC"))
    #expect(O.sameOutlet("SKY News", "Sky News"))
    #expect(O.sameOutlet("Pravda Ukraine", "Ukrainska Pravda"))
    #expect(!O.sameOutlet("Reuters", "AFP"))
    #expect(!O.sameOutlet("News Agency", "News Agency Interfax"))
    // In the text: the seeds' outlets under their canonical keys.
    let doc = Extracted(seed: "000")
    #expect(
      doc.keys("Frankfurter Algemeiner Zeitung") == ["organisation:frankfurter-allgemeine-zeitung"])
    #expect(doc.keys("SKY News") == ["organisation:sky-news"])
    let d003 = Extracted(seed: "003")
    #expect(d003.keys("DW") == ["organisation:deutsche-welle"])
    #expect(d003.keys("Agence France Presse") == ["organisation:agence-france-presse"])
    #expect(d003.keys("international news agency of Ukraine") == ["organisation:ukrinform"])
    #expect(d003.keys("NTV") == ["organisation:ntv-turkey"])  // the questioner's outlet
  }

  @Test func greetingsAndCommonWordsAreNotEntities() {
    for seed in seeds.keys.sorted() {
      let doc = Extracted(seed: seed)
      for m in doc.entities.mentions {
        let text = doc.said(m.range)
        for word in ["Good", "Thank", "Transcript", "Alliance", "Allies"] {
          #expect(!text.hasPrefix(word), "\(seed): \(m.kind) \(text)")
        }
        #expect(text != "Secretary General" && text != "President")
      }
      let people = doc.entities.mentions.filter { $0.kind == .person }.map { doc.said($0.range) }
      for word in ["Baltic", "Roman", "Article", "German", "Mark", "Sachiyo", "Kerch"] {
        #expect(!people.contains { $0.hasPrefix(word) }, "\(seed): \(word)")
      }
    }
  }

  @Test func everyRangeSaysWhatItClaims() {
    func fold(_ s: String) -> String {
      s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
    for seed in seeds.keys.sorted() {
      let doc = Extracted(seed: seed)
      let bytes = doc.transcript.text.allBytes
      var end = 0
      for m in doc.entities.mentions {
        let text = doc.said(m.range)
        #expect(m.range.lowerBound >= end && !m.range.isEmpty, "\(seed): overlap at \(text)")
        end = m.range.upperBound
        for b in [
          m.range.lowerBound > 0 ? bytes[m.range.lowerBound - 1] : 0x20, bytes[m.range.upperBound],
        ] {
          #expect(
            !(b < 0x80
              && (Character(UnicodeScalar(b)).isLetter || Character(UnicodeScalar(b)).isNumber)),
            "\(seed): \(text)")
        }
        #expect(m.key.hasPrefix(m.kind.rawValue + ":") && !m.name.isEmpty && !m.reason.isEmpty)
        switch m.kind {
        case .acronym: #expect(text == m.name)
        case .organisation:
          #expect(
            "organisation:" + OrganisationAliases.key(text) == m.key
              || OrganisationAliases.sameOutlet(text, m.name), "\(text)")
        case .person:
          let surname = fold(String(text.split(separator: " ").last!))
          #expect(
            fold(m.name).hasSuffix(surname) || m.reason.hasPrefix("spelling variant"), "\(text)")
        case .event:
          #expect(text.lowercased().contains(m.name.split(separator: " ").last!.lowercased()))
        case .place: #expect(text.first!.isUppercase, "\(text)")
        case .figure:
          let digits = text.filter(\.isNumber)
          #expect(digits.isEmpty || digits == m.name.filter(\.isNumber), "\(text)")
        }
      }
    }
  }

  @Test func extractionIsDeterministic() {
    for seed in seeds.keys.sorted() {
      let t = TranscriptParser.parse(Fixtures.read("seeds/" + seeds[seed]!))
      #expect(EntityExtractor.extract(t) == EntityExtractor.extract(t))
    }
  }

  @Test func megabyteTranscriptScalesLinearly() {
    let body = Fixtures.read("seeds/" + seeds["003"]!)
    func doc(_ copies: Int) -> (count: Int, seconds: Double) {
      let text = Array(repeating: body, count: copies).joined(separator: "\n")
      let t = TranscriptParser.parse(text)
      let start = Date()
      let e = EntityExtractor.extract(t)
      return (e.mentions.count, Date().timeIntervalSince(start))
    }
    let half = doc(18)
    let full = doc(36)  // ~1 MB
    print("entities: \(half.count) mentions in \(half.seconds)s, \(full.count) in \(full.seconds)s")
    #expect(full.count > 0)
    #expect(abs(Double(full.count) / Double(half.count) - 2) < 0.1)
  }
}
