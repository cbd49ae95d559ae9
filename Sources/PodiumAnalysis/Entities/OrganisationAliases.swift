/// Alias table for outlets and organisations, shared with the cross-document speaker matching.
public enum OrganisationAliases {
  /// Canonical display name for an outlet/organisation name or abbreviation, case- and
  /// punctuation-insensitive: "FAZ" and "Frankfurter Allgemeine Zeitung" (and the misspelling
  /// "Frankfurter Algemeiner Zeitung") → "Frankfurter Allgemeine Zeitung"; "DW" → "Deutsche Welle";
  /// "AFP"/"Agence France Presse"/"Agence France-Presse" → "Agence France-Presse"; unknown → nil.
  public static func canonical(_ name: String) -> String? { byAlias[normalise(name)] }

  /// A stable comparison key: the slug of `canonical(name) ?? name` ("deutsche-welle").
  public static func key(_ name: String) -> String {
    words(canonical(name) ?? name).joined(separator: "-")
  }

  /// Whether two outlet strings name the same outlet: equal keys, or one a sub-service of the other
  /// ("Deutsche Welle Ukrainian and Russian" ⊇ "Deutsche Welle"), or one is an alias of the other.
  public static func sameOutlet(_ a: String, _ b: String) -> Bool {
    let (x, y) = (expanded(words(a)), expanded(words(b)))
    guard !x.isEmpty, !y.isEmpty else { return false }
    if x == y { return true }
    let (short, long) = x.count <= y.count ? (x, y) : (y, x)
    guard long.starts(with: short) else { return false }
    // "BBC" ⊆ "BBC Russian Service"; not generic words ("News Agency" ⊆ "News Agency Interfax").
    return byAlias[short.joined(separator: " ")] != nil
      || short.contains { $0.count >= 3 && !generic.contains($0) }
  }

  /// Lowercase words of the slug ("F.A.Z." → "faz"), without a leading "the".
  static func words(_ s: String) -> [String] {
    let w = EntityGazetteer.slug(s).split(separator: "-").map(String.init)
    return w.count > 1 && w[0] == "the" ? Array(w.dropFirst()) : w
  }

  static func normalise(_ s: String) -> String { words(s).joined(separator: " ") }

  /// The words with their longest leading alias replaced by its canonical name's words.
  static func expanded(_ w: [String]) -> [String] {
    for k in stride(from: w.count, to: 0, by: -1) {
      if let c = byAlias[w[0..<k].joined(separator: " ")] { return words(c) + w[k...] }
    }
    return w
  }

  static let generic = Set(
    "news media tv radio television agency times public national international daily press service"
      .split(separator: " ").map(String.init))

  /// Canonical name first, then its aliases: the seeds' outlets, other international outlets,
  /// bodies.
  static let table = EntityGazetteer.table(
    """
    Reuters, Sky News, RBC-Ukraine, BBC|British Broadcasting Corporation, Moscow Times, NHK, Ekho,
    Bloomberg|Bloomberg News, NBC News|NBC, Redaktionsnetzwerk Deutschland|RND, Deutsche Welle|DW,
    Agence France-Presse|AFP|Agence France Presse, Frankfurter Allgemeine Zeitung|FAZ|F.A.Z.\
    |Frankfurter Allgemeine|Frankfurter Algemeiner Zeitung|Frankfurter Allgemeiner Zeitung,
    Public Broadcasting Company of Ukraine|Suspilne|UA:PBC, ANP, Meduza, NTV Turkey,
    Ukrinform|National News Agency of Ukraine|International News Agency of Ukraine, Interfax,
    Ost-West-TV|OstWest TV|OstWestTV, Ukrainska Pravda|Pravda Ukraine, Interfax-Ukraine,
    ANSA|ANSA Italian News Agency, Wall Street Journal|WSJ, Fuji TV|Fuji Television, Ringier,
    Klan Kosova|Klan Kosova TV, Yonhap|Yonhap News Agency, RAI|RAI News|Italian Public Television,
    Journal TV, Holod Media, Associated Press|AP, CNN, CBS News|CBS, ABC News, Fox News, NPR,
    Politico|Politico Europe, Financial Times|FT, New York Times|NYT, Washington Post, Guardian,
    Economist, Al Jazeera, Euronews, France 24, ARD, ZDF, Der Spiegel|Spiegel, Le Monde, EFE,
    Kyodo News|Kyodo, TASS, RIA Novosti, Deutsche Presse-Agentur|DPA, Polish Press Agency|PAP,
    Anadolu Agency|Anadolu, Axios, Xinhua, CCTV, Radio Free Europe/Radio Liberty|RFE/RL\
    |Radio Free Europe|Radio Liberty, Voice of America|VOA, Kyiv Independent, Kyiv Post, TVP,
    NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|OTAN,
    European Union|EU, United Nations|UN, UN Security Council|United Nations Security Council,
    European Commission, European Parliament, European Council, Council of Europe, OSCE, G7, G20,
    International Monetary Fund|IMF, World Bank, World Trade Organization|WTO, OPEC, ASEAN,
    World Health Organization|WHO, International Criminal Court|ICC, African Union,
    European Defence Agency|EDA, European Investment Bank|EIB, KFOR|Kosovo Force, Pentagon,
    North Atlantic Council, Nuclear Planning Group, NATO Mission Iraq, Kremlin, White House,
    State Department, Bundeswehr, Hamas, Hezbollah, Houthis, Taliban, Wagner Group, Airbus, Boeing,
    Lockheed Martin, Northrop Grumman, Raytheon|RTX, General Dynamics, General Electric|GE, Saab,
    General Motors, General Atomics, BAE Systems, Rheinmetall, Thales, Leonardo, KNDS, MBDA, Hanwha
    """)

  static let byAlias: [String: String] = {
    var map: [String: String] = [:]
    for names in table {
      for n in names { map[normalise(n)] = map[normalise(n)] ?? names[0] }
    }
    return map
  }()
}
