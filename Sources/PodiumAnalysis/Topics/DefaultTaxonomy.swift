/// The default taxonomy, as data in the line format `TaxonomyText` reads.
/// Groups first, then their topics; weights: 3 decisive phrase, 2 strong cue, 1 weak cue.
enum DefaultTaxonomy {
  static let text = #"""
    threshold 3

    # ---------------------------------------------------------------- groups
    @security | Conflict, war, peace and security | - | medtop:16000000
    @politics | Politics and international relations | - | medtop:11000000
    @economy-group | Economy, business and finance | - | medtop:04000000
    @society | Society | - | medtop:14000000
    @science-technology | Science and technology | - | medtop:13000000
    @environment | Environment | - | medtop:06000000
    @health-group | Health | - | medtop:07000000
    @law | Crime, law and justice | - | medtop:02000000

    # ---------------------------------------------------------------- security and defence
    @ukraine-war | War in Ukraine | security | medtop:16000000
    3 war in ukraine; war against ukraine; war on ukraine; ukraine war; invasion of ukraine; russia's war; russias war; russian aggression; war of aggression; full scale invasion
    2 battlefield; frontline; front line; ukrainian armed forces; ukrainian cities; ukrainian civilians; occupied territory; occupied territories; annexed territories; crimea; donbas; kerch; zelenskyy; zelensky; zelenskiy; kyiv; kiev; victory plan
    0.5 ukraine; ukrainian; ukrainians; russia; russian; russians; putin; fight; fighting; drone; drones; strikes
    1 war; missile strike; casualties; attack ukraine; ukrainian operation; russian operation

    @peace-talks | Peace negotiations and ceasefire | security | medtop:16000000
    3 peace talks; peace negotiations; peace deal; peace agreement; peace process; peace plan; ceasefire; cease fire; truce; armistice; peace settlement
    3 negotiation; negotiations; negotiating; negotiator
    2 talks; concessions; phone call with president; trump's initiative; the call; durable peace; lasting peace; just and lasting; security guarantees; security guarantee; minsk; at the table; mediator; mediation; phone call; deal; end the war; end this war; outcome
    1.5 peace
    1 agreement; conclude; enduring; durable; come to the table

    @defence-spending | Defence spending and GDP targets | security | medtop:16000000
    3 defence spending; military spending; defence budget; defence budgets; defence expenditure; defence investment; defence investments; investment plan; of gdp; percent of gdp; per cent of gdp; % of gdp; spend more; spending more; 2%; 3%; 3.5%; 5%; two percent; 2 percent; five percent
    2 spending; spend; invest more; investing; budget; budgets; billion us dollars; gdp; expenditure; fair share; taxation; pensions
    1 money; invested; investment; investments; percent; percentage; money involved

    @defence-industry | Defence industry and production | security | medtop:16000000
    3 defence industry; defence industries; defence industrial; defense industrial base; defence production; industrial production; production capacity; production lines; ammunition production; arms production; defence procurement; ramp up production
    2 industry; industrial; production; producing; produce; manufacturing; ammunition; munitions; munition; supply chains; supply chain; procurement; procure; standardisation; standards; shells; factories; firm orders
    1 jobs; companies; prices; costs; shifts

    @deterrence | Deterrence, defence plans and capability targets | security | medtop:16000000
    3 deterrence and defence; defence and deterrence; capability targets; capability target; capability gaps; defence plans; article five; article 5; collective defence; defence planning process; deter aggression
    2 deterrence; deter; capabilities; capability; air defence; missile defence; readiness; defend every inch; defend ourselves; long range; land formations; command and control; nato territory; military requirements
    1 defend; protect; lethal; prepared

    @nuclear | Nuclear deterrence and arms control | security | medtop:16000000
    3 nuclear deterrence; nuclear weapons; nuclear weapon; nuclear umbrella; nuclear planning group; nuclear capability; nuclear deterrent; nuclear arms; arms control; non proliferation; nonproliferation; nuclear threats; nuclear rhetoric; warheads
    2 nuclear; uranium; enrichment

    @security-assistance | Security assistance to Ukraine | security | medtop:16000000
    3 security assistance; military aid; military assistance; military support; support for ukraine; support to ukraine; supporting ukraine; support ukraine; nato command in wiesbaden; ukraine defence contact group; udcg; contact group; aid for ukraine; financial pledge; weapons deliveries; support package; support packages
    2 pledge; pledged; pledges; wiesbaden; billion euros; training; security agreements; support; supporting; assistance; aid; stay in the fight; deliveries; donated
    1 billion; commitments; committed

    @nato-enlargement | NATO membership and enlargement | politics | medtop:11000000
    3 nato membership; membership in nato; membership of nato; join nato; join the alliance; joining nato; irreversible path; path to membership; accession; enlargement; open door; member of nato; bridge to membership; bridge to nato membership; application for membership
    2 membership; invitation; join; joining; aspirant; interoperability; interoperable; 32 allies; newest ally
    1 member; members

    @burden-sharing | Transatlantic burden-sharing | politics | medtop:11000000
    3 burden sharing; burden shift; share of the burden; fair share; transatlantic burden; equalise; equalize; take ownership; withdraw troops; withdraw the troops; troop levels; us forces in europe; us troops
    2 burden; european pillar; us expects; pivot; pivoting; withdrawn
    1 european allies; europeans; step up; transatlantic; canadian allies; rest of nato
    0.5 united states; americans; american; europe; european; canada

    @indo-pacific | Indo-Pacific partners | politics | medtop:11000000
    3 indo pacific; ip4; indo pacific partners; asia pacific; japan; south korea; republic of korea; australia; new zealand; aukus; taiwan strait
    2 pacific; asia; tokyo; canberra; seoul; wellington; philippines; taiwan; like minded partners; global partnerships; korea
    1 partners; partnership

    @china | China | politics | medtop:11000000
    3 china; chinese; beijing; people's republic; xi jinping; prc
    1 authoritarian

    @north-korea | North Korea | politics | medtop:11000000
    3 north korea; north korean; north koreans; dprk; pyongyang; kim jong un

    @iran | Iran | politics | medtop:11000000
    3 iran; iranian; tehran; islamic republic
    1 shahed; drones

    @middle-east | The Middle East | politics | medtop:11000000
    3 middle east; gaza; israel; israeli; lebanon; hezbollah; hamas; syria; iraq; iraqi; nato mission iraq; yemen; houthis; red sea; west bank; palestinian; palestinians; jordan; saudi arabia; persian gulf
    2 gulf; mena

    @western-balkans | The Western Balkans and Kosovo | politics | medtop:11000000
    3 western balkans; western balkan; balkans; kosovo; kfor; serbia; serbian; pristina; belgrade; bosnia; herzegovina; bosnia and herzegovina; north macedonia; montenegro; albania; republika srpska; vucic; vučić
    2 secessionist; secession; administrative boundary line

    @moldova | Moldova | politics | medtop:11000000
    3 moldova; moldovan; moldovans; chisinau; transnistria; maia sandu
    1 sandu

    @hybrid-threats | Hybrid threats and critical infrastructure | security | medtop:16000000
    3 hybrid; hybrid threats; hybrid attacks; hybrid warfare; sabotage; undersea infrastructure; critical undersea infrastructure; critical infrastructure; undersea cables; sea cables; subsea cables; pipelines; shadow fleet; baltic sentry; cyber attacks; cyberattacks; cyber; disinformation; destabilisation; election interference; airspace violations; gps jamming
    1 infrastructure
    2 cables; propaganda; interference; destabilising; sabotage attacks; jamming; arson; airspace; overflown; baltic; black sea; undermine democracies
    1 resilience; drones

    @summits | Summits and ministerial meetings | politics | medtop:11000000
    3 summit; summits; summit communique; communique; declaration; ministerial; ministerials; defence ministers meeting; foreign ministers meeting; heads of state and government; the hague summit; washington summit; vilnius summit; g7; g20
    2 north atlantic council
    1 leaders; programme; agenda; invited; invite
    0.5 meeting; meetings

    @terrorism | Terrorism | security | medtop:16000000
    3 terrorism; terrorist; terrorists; counter terrorism; terror attack; isis; isil; daesh; al qaeda; jihadist
    2 extremism; extremist; radicalisation; deliberate attack

    @arms-control | Arms control and disarmament | security | medtop:16000000
    3 disarmament; inf treaty; new start; chemical weapons; biological weapons; cluster munitions; landmines

    # ---------------------------------------------------------------- politics and society
    @elections | Elections and government | politics | medtop:11000000
    3 election; elections; electoral; vote; voters; voting; ballot; election campaign; polls; referendum; coalition; government collapsed; caretaker government; parliament; parliamentary; inauguration; candidate; candidates
    2 political process; opposition
    1 politics; democracy; prime minister; cabinet; political; politicians

    @diplomacy | Diplomacy and foreign relations | politics | medtop:11000000
    3 diplomacy; diplomatic; diplomats; ambassador; embassy; bilateral relations; foreign policy; sanctions; sanction
    2 state visit; envoy
    1 foreign minister; foreign ministers; special representative

    @human-rights | Human rights | society | medtop:14000000
    3 human rights; civil liberties; freedom of speech; press freedom; war crimes; genocide; torture; refugees rights; discrimination; rule of law
    2 abuses; persecution; political prisoners; journalists detained

    @migration | Migration and refugees | society | medtop:14000000
    3 migration; migrants; migrant; refugee; refugees; asylum; border control; immigration; immigrants; deportation; smuggling of migrants; displaced people
    2 border crossings; illegal crossings; resettlement

    @economy | Economy and public finances | economy-group | medtop:04000000
    3 economy; economic; economies; inflation; recession; unemployment; interest rates; central bank; growth rate; gdp growth; public debt; fiscal; deficit; taxes; tax; trillion economy
    2 taxation
    2 budget deficit; cost of living; wages; investors
    1 jobs; prosperity; debt; savings; prices; markets; money; growth

    @trade | Trade and tariffs | economy-group | medtop:04000000
    3 trade; tariff; tariffs; exports; imports; trade deal; free trade; trade war; world trade organization; wto; customs duties; trade barriers
    2 export; import; supply chains; market access

    @energy | Energy | economy-group | medtop:04000000
    3 energy; oil; gas; lng; pipeline; electricity; renewables; renewable energy; nuclear power; power plants; energy security; fuel; coal; oil prices
    2 grid; power supply

    @technology | Technology and innovation | science-technology | medtop:13000000
    2 technologies; technological; innovation; innovative
    3 artificial intelligence; ai; technology; quantum; semiconductors; chips; cyberspace; digital; space domain; satellites; autonomous systems; emerging and disruptive technologies; diana
    2 tech; software; data; research; startups; drones and ai

    @climate | Climate and environment | environment | medtop:06000000
    3 climate change; climate; global warming; emissions; carbon; net zero; greenhouse; paris agreement; environmental; biodiversity; cop28; cop29; cop30; extreme weather
    2 environment; pollution; wildfires; floods; drought

    @health | Health | health-group | medtop:07000000
    3 health; healthcare; health care; pandemic; covid; virus; vaccine; vaccines; hospital; hospitals; disease; medical; public health; world health organization
    2 doctors; patients; medicine

    @crime | Crime and justice | law | medtop:02000000
    3 crime; criminal; criminals; police; court; courts; prosecutor; prosecution; trial; arrested; arrest; corruption; investigation; judge; organised crime; trafficking
    2 justice; law enforcement; murder; fraud

    @education | Education | society | medtop:05000000
    3 education; schools; school; universities; university; students; teachers; curriculum

    @disasters | Disasters and emergencies | society | medtop:03000000
    3 earthquake; flood; flooding; hurricane; wildfire; disaster; disasters; humanitarian crisis; famine; emergency relief
    2 humanitarian; rescue
    """#
}
