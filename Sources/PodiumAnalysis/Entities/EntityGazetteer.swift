/// The extractor's small built-in knowledge: places, events, well-known people, titles and the
/// word lists that keep capitalised common words from passing for names. Tables are
/// "Canonical|alias|…, …"; words are compared by token hash.
enum EntityGazetteer {
  static let places = table(
    """
    Afghanistan, Albania, Armenia, Australia, Austria, Azerbaijan, Belarus, Belgium, Brazil,
    Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia, Bulgaria, Canada, China|PRC, Croatia, Cyprus,
    Czechia|Czech Republic, Denmark, Egypt, Estonia, Finland, France, Georgia, Germany, Greece,
    Greenland, Hungary, Iceland, India, Iran, Iraq, Ireland, Israel, Italy, Japan, Kazakhstan,
    Korea, Kosovo, Latvia, Lebanon, Libya, Lithuania, Luxembourg, Malta, Mexico, Montenegro,
    Moldova|Republic of Moldova, Netherlands|The Netherlands|Holland, New Zealand, Norway,
    North Korea|DPRK, North Macedonia|Macedonia, Pakistan, Palestine, Poland, Portugal, Qatar,
    Romania, Russia|Russian Federation, Saudi Arabia, Serbia, Slovakia, Slovenia, South Africa,
    South Korea|Republic of Korea, Spain, Sweden, Switzerland, Syria, Taiwan, Ukraine, Yemen,
    Türkiye|Turkey|Turkiye, Wales, Scotland, England, Vietnam, Philippines, Gaza|Gaza Strip,
    United Kingdom|UK|Britain|Great Britain, United States|US|USA|United States of America|America,
    Crimea, Donbas|Donbass, Kursk, Kerch, Kaliningrad, Narva, Brussels, The Hague, Munich,
    Washington|Washington DC|DC, Wiesbaden, Kyiv|Kiev, Moscow, London, Paris, Berlin, Rome, Madrid,
    Warsaw, Vilnius, Riga, Tallinn, Helsinki, Stockholm, Oslo, Copenhagen, Amsterdam, Vienna,
    Prague, Bratislava, Budapest, Bucharest, Sofia, Athens, Ankara, Istanbul, Belgrade, Pristina,
    Sarajevo, Skopje, Tirana, Podgorica, Zagreb, Ljubljana, Chisinau, Tbilisi, Minsk, Beijing,
    Tokyo, Seoul, Canberra, Ottawa, New York, Geneva, Stuttgart, Ramstein, Mons, Norfolk,
    Brunssum, Kharkiv, Odesa|Odessa, Lviv, Dnipro, Mariupol, Zaporizhzhia, Kherson, Donetsk,
    Luhansk, Yalta, Jerusalem, Tel Aviv, Tehran, Baghdad, Damascus, Kabul, Pyongyang, Taipei,
    New Delhi|Delhi, Lisbon, Dublin, Strasbourg, Europe, Asia, Africa, North America,
    Latin America, Middle East, Western Balkans|Western Balkan|Balkans, Indo-Pacific, Pacific,
    Euro-Atlantic, Asia-Pacific, Arctic|High North, Atlantic, Baltic Sea, Black Sea, Red Sea,
    Baltic region|Baltic Sea region, Mediterranean, Sahel, Caucasus|South Caucasus, Central Asia,
    Baltic States|Baltics, Scandinavia, North Sea
    """)

  static let events = table(
    """
    NATO-Ukraine Council, NATO-Russia Council, Munich Security Conference, Shangri-La Dialogue,
    Ukraine Defence Contact Group|Ukraine Defense Contact Group|Ramstein format
    """)

  /// Well-known people, so that "President Trump" has the same key in every document; more
  /// spellings of the surname after the name.
  static let people = table(
    """
    Donald Trump, Joe Biden, JD Vance, Marco Rubio, Pete Hegseth, Keith Kellogg, Matthew Whitaker,
    Vladimir Putin, Sergei Lavrov, Volodymyr Zelenskyy|Zelensky|Zelenskiy|Zelenskyi, Olaf Scholz,
    Rustem Umerov, Andrii Sybiha, Dmytro Kuleba, Mark Rutte, Jens Stoltenberg, Emmanuel Macron,
    Friedrich Merz, Boris Pistorius, Keir Starmer, Giorgia Meloni, Recep Tayyip Erdoğan|Erdogan,
    Viktor Orbán|Orban, Ursula von der Leyen, Kaja Kallas, Xi Jinping|Xi, Christopher Cavoli,
    Aleksandar Vučić|Vucic, Maia Sandu, Alexander Lukashenko|Lukashenka, Benjamin Netanyahu
    """)

  /// Titles before a name ("Secretary Hegseth", "Mr. Rutte").
  static let titles = table(
    """
    President, Vice President, Prime Minister, Deputy Prime Minister, Minister, Foreign Minister,
    Defence Minister, Defense Minister, Finance Minister, Secretary, Secretary General,
    Deputy Secretary General, Secretary of State, Secretary of Defence, Secretary of Defense,
    Defence Secretary, Defense Secretary, Foreign Secretary, Chancellor, General, Admiral,
    Ambassador, Senator, Sen, Commissioner, High Representative, Special Representative, Envoy,
    Special Envoy, Governor, Mayor, Congressman, Congresswoman, Representative, Rep, Commander,
    Colonel, Col, Gen, Adm, Lieutenant General, Major General, King, Queen, Prince, Princess,
    Pope, Chairman, Chairwoman, Spokesperson, Director, Judge, Premier, Speaker, Mr, Mrs, Ms,
    Miss, Dr, Sir, Dame, Lord, Lady, Madam, Prof, Professor
    """)

  /// Capitalised words that start or fill sentences and headings, never names.
  static let stopwords = words(
    """
    a an the and but or nor so yes no well okay ok thank thanks good morning afternoon evening
    night hello hi hey dear all this that these those we i it its you they he she our my your
    their his her let now then today yesterday tomorrow tonight here there what why how when where
    who which if in on at for with from to as by also just firstly secondly finally please sorry
    right great maybe again first second third last next one two three four five visit find
    follow connect receive subscribe watch read note update updated source transcript continues
    share click see date time is are was were be been not do does did have has had will would can
    could should may might must because since while although however therefore indeed of about
    into over after before during without within between against under like more most less some
    any every each many much very too only even still already never always press conference
    statement remarks question questions answer opening closing summary end applause laughter
    inaudible crosstalk video audio speech interview briefing doorstep debate hearing session
    meeting agenda welcome ladies gentlemen gentleman everyone everybody friends colleagues ahead
    following joint point delivered live breaking hopefully clearly obviously listen
    """)

  /// Common nouns, role words and adjectives of nationality, often capitalised, never in a name.
  static let notNames = words(
    """
    defence defense minister ministers ministry ministerial secretary general president vice
    prime chancellor ambassador senator spokesperson acting deputy chief special foreign high
    representative envoy commander commissioner director chair chairman admiral colonel captain
    major lieutenant supreme allied alliance allies ally council group summit command sea ocean
    war empire house bridge committee institution institutions mission process planning policy
    union states kingdom republic news agency tv times journal service media television radio
    conference meeting forces force army navy air atlantic pacific indo euro north south east west
    western eastern northern southern central middle black baltic arctic article world contact
    security nuclear government parliament department office national international public
    federal state city region university bank fund plan programme program partners partnership
    operation operations centre center communique treaty accords agreement declaration initiative
    strategy framework commission court assembly congress senate party front movement company
    foundation institute academy airport street square palace building base hall headquarters
    sentry europe asia africa america monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    american british english french german italian spanish dutch belgian polish russian ukrainian
    chinese japanese korean canadian european turkish greek swedish finnish norwegian danish
    estonian latvian lithuanian romanian bulgarian hungarian czech slovak serbian croatian
    albanian moldovan georgian iranian iraqi israeli palestinian syrian lebanese indian pakistani
    australian african asian arab transatlantic nordic soviet kosovar bosnian macedonian austrian
    swiss portuguese irish scottish welsh mexican brazilian saudi afghan belarusian taiwanese
    europeans americans russians ukrainians canadians mr mrs ms dr sir madam operation exercise
    steadfast defender dome iron storm shadow shield spear eagle sentinel
    """)

  /// Lowercase words inside names ("Alexandra von Nahmen").
  static let particles = words("von van de der den da del della di du la le bin ibn al el ter ten")
  /// Small words skipped by an acronym's initials and before a phrase ("the Hague").
  static let smallWords = words("of the and for on in to de des du la le der von")
  /// All-caps words that are not acronyms worth a mention.
  static let notAcronyms = words(
    """
    ok tv am pm id ii iii iv vi vii viii ix xi xii jan feb mar apr jun jul aug sep sept oct nov
    dec mon tue wed thu fri sat sun ceo url www http https faq vip
    """)
  /// Nouns that make a place an event ("Washington Summit"); the lowercase ones may follow the
  /// place directly ("the Washington summit"); the last three may precede it ("Summit in …").
  static let eventNouns: [UInt64: String] = Dictionary(
    uniqueKeysWithValues: table(
      """
      Forum, Format, Talks, Process, Accords, Agreement, Declaration, Dialogue, Initiative,
      Convention, Summit, Ministerial, Conference
      """
    ).map { (EntityTokenizer.hash($0[0]), $0[0]) })
  static let lowercaseEventNouns = words("summit ministerial accords")
  static let eventNounsBeforePlace = words("summit ministerial conference")

  /// Places, organisations and events.
  static let trie: PhraseTrie = {
    var t = PhraseTrie()
    for (kind, list) in [
      (EntityKind.place, places), (.organisation, OrganisationAliases.table), (.event, events),
    ] {
      for names in list {
        let key = kind == .organisation ? OrganisationAliases.key(names[0]) : slug(names[0])
        let phrase = KnownPhrase(
          kind: kind, key: "\(kind.rawValue):\(key)", name: names[0], reason: "gazetteer")
        t.add(phrase, spellings: names)
      }
    }
    return t
  }()

  static let titleTrie: PhraseTrie = {
    var t = PhraseTrie()
    for title in titles {
      t.add(KnownPhrase(kind: .person, key: "", name: "", reason: ""), spellings: title)
    }
    return t
  }()

  /// Well-known people by the hash of each spelling of their surname.
  static let knownSurnames: [UInt64: (name: String, first: UInt64)] = {
    var map: [UInt64: (name: String, first: UInt64)] = [:]
    for names in people {
      let first = EntityTokenizer.hash(names[0])
      for n in names { map[EntityTokenizer.tokens(n).last!.hash] = (names[0], first) }
    }
    return map
  }()

  /// "A|a1|a2, B, …" → [["A", "a1", "a2"], ["B"], …].
  static func table(_ s: String) -> [[String]] {
    s.split(whereSeparator: { $0 == "," || $0 == "\n" }).map {
      $0.split(separator: "|").map { $0.split(separator: " ").joined(separator: " ") }
    }.filter { !$0.isEmpty && !$0[0].isEmpty }
  }

  static func words(_ s: String) -> Set<UInt64> {
    Set(s.split(whereSeparator: \.isWhitespace).map { EntityTokenizer.hash(String($0)) })
  }

  /// "the-hague", "pete-hegseth": lowercase letters and digits, anything else one "-".
  static func slug(_ s: String) -> String {
    var out = ""
    for ch in s.lowercased() {
      if ch.isLetter || ch.isNumber {
        out.append(ch)
      } else if ch != "." && ch != "'" && ch != "’" && !out.isEmpty && out.last != "-" {
        out.append("-")
      }
    }
    while out.last == "-" { out.removeLast() }
    return out
  }
}
