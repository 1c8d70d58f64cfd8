"""The invented outlets and stories behind examples/ (see make_examples.py). Fictional text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    form: str  # html or text


@dataclass(frozen=True)
class Rewrite:
    """The same story written independently by another outlet."""

    outlet: str
    headline: str
    byline: str
    hours: int
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    day: int  # days after 2024-03-01
    hour: int
    outlet: str
    headline: str
    byline: str
    paragraphs: tuple[str, ...]
    republished_by: tuple[tuple[str, str, int], ...] = ()  # (outlet, new headline, hours later)
    rewrites: tuple[Rewrite, ...] = ()


OUTLETS = {
    "wire": Outlet("Northline Wire", "northline.example", "html"),
    "baltic": Outlet("Baltic Courier", "balticcourier.example", "text"),
    "danube": Outlet("Danube Daily", "danubedaily.example", "html"),
    "pacific": Outlet("Pacific Ledger", "pacificledger.example", "html"),
    "meridian": Outlet("Meridian Times", "meridiantimes.example", "text"),
    "eastern": Outlet("Eastern Observer", "easternobserver.example", "html"),
}

STORIES: tuple[Story, ...] = (
    Story(0, 9, "wire", "Russia accuses NATO of provocative drills near its border",
          "Mara Lindqvist", (
              "Russia accused NATO of staging provocative drills near its border on Friday, as "
              "the alliance began a two-week exercise in the Baltic region.",
              "The foreign ministry in Moscow said the manoeuvres involved several thousand "
              "soldiers, armoured vehicles and aircraft from eleven member states.",
              "Alliance officials said the exercise had been planned for more than a year and "
              "was defensive in nature.",
              "Military analysts expect the drills to continue until the middle of the month.",
          ),
          republished_by=(("danube", "Moscow protests over Baltic exercise", 3),),
          rewrites=(Rewrite("baltic", "Kremlin calls Baltic exercise a provocation",
                            "Jonas Petraitis", 5, (
                                "Moscow on Friday described the alliance exercise in the Baltic "
                                "region as a provocation and said the drills near its border "
                                "endangered regional security.",
                                "Russia accused NATO of moving soldiers and armoured vehicles "
                                "closer to Russian territory under the cover of the exercise.",
                                "Residents of border towns said they had seen military convoys "
                                "on the roads since Wednesday.",
                            )),)),
    Story(1, 14, "pacific", "US and Chinese trade officials meet in Geneva", "Helen Zhou", (
        "The US trade representative met Chinese Vice Premier He Lifeng in Geneva on Saturday "
        "for a first round of talks on tariffs and export rules.",
        "Both delegations described the discussions as constructive but gave no details.",
        "A second round of talks is expected next month.",
    )),
    Story(2, 7, "wire", "Russian forces shell Ukrainian positions near Kharkiv", "Oleh Marchenko",
          (
              "Russian forces shelled Ukrainian positions near Kharkiv overnight, regional "
              "officials said on Sunday.",
              "Emergency services reported damage to a power line and two warehouses.",
              "Local authorities opened shelters in three districts as a precaution.",
          ),
          republished_by=(("eastern", "Overnight shelling near Kharkiv damages power line", 2),)),
    Story(3, 11, "meridian", "Moscow turns down NATO offer of military talks", "Peter Haldane", (
        "Russia rejected NATO's proposal for talks on military transparency on Monday.",
        "A spokesman for the foreign ministry said the offer contained nothing new.",
        "Diplomats in Brussels said the door to dialogue remained open.",
    )),
    Story(4, 16, "danube", "Zelensky meets Scholz in Berlin to discuss air defence",
          "Katrin Vogel", (
              "Ukrainian President Volodymyr Zelensky met German Chancellor Olaf Scholz in "
              "Berlin on Tuesday.",
              "Ukraine asked Germany for more air defence systems before the summer.",
              "The two leaders also discussed reconstruction funding and energy supplies.",
          )),
    Story(5, 10, "pacific", "China criticises new US export controls on chips", "Helen Zhou", (
        "China criticised the United States over its new export controls on chips on "
        "Wednesday, calling them an attempt to hold back Chinese industry.",
        "The commerce ministry in Beijing said it would study possible countermeasures.",
        "Chip makers' shares fell in Shanghai and Shenzhen after the announcement.",
    ), rewrites=(Rewrite("wire", "Beijing attacks US chip export rules", "Daniel Osei", 4, (
        "Beijing on Wednesday condemned new American export controls on advanced chips and "
        "said the rules would hurt Chinese industry and global supply chains.",
        "China criticised the United States for using export controls as a weapon, the "
        "commerce ministry said, and warned of countermeasures.",
        "Shares of chip makers in Shanghai fell after the statement.",
    )),)),
    Story(6, 12, "baltic", "Russia says NATO spy planes fly along its coast", "Jonas Petraitis", (
        "Russia accused NATO of sending spy planes along its Baltic coast on Thursday, the "
        "third such complaint from Moscow since the start of the alliance exercise.",
        "The defence ministry said its fighter jets had been scrambled twice in a week to "
        "follow the aircraft, which it said had flown with their transponders switched off.",
        "Flight tracking websites showed several reconnaissance flights over international "
        "waters, well away from Russian airspace, during the same period.",
    )),
    Story(7, 15, "wire", "NATO accuses Russia of jamming GPS over the Baltic Sea",
          "Mara Lindqvist", (
              "NATO accused Russia of jamming GPS signals over the Baltic Sea on Friday after "
              "airlines reported navigation problems on dozens of flights.",
              "Aviation authorities in Finland and Estonia issued warnings to pilots.",
              "Officials said the interference had lasted for several hours on some days.",
              "The alliance said it was sharing information with civil aviation bodies.",
          ),
          republished_by=(("baltic", "Pilots warned as GPS jamming spreads over Baltic", 2),
                          ("danube", "Alliance blames Moscow for Baltic GPS disruption", 6))),
    Story(8, 8, "eastern", "Russian troops attack Ukrainian positions along the front",
          "Iryna Bondar", (
              "Russian troops attacked Ukrainian positions along the front line in the east "
              "on Saturday, the general staff in Kyiv said.",
              "The attacks were repelled after several hours of fighting, according to the "
              "statement.",
              "Independent verification of the reports was not possible.",
          )),
    Story(9, 13, "pacific", "China and Russia foreign ministers meet in Beijing", "Helen Zhou", (
        "The Chinese foreign minister met Russian Foreign Minister Sergey Lavrov in Beijing on "
        "Sunday.",
        "China pledged to buy more Russian oil over the coming decade, officials said after "
        "the meeting.",
        "The two ministers also discussed preparations for a regional summit in the autumn.",
    ), rewrites=(Rewrite("meridian", "Lavrov in Beijing as China promises oil purchases",
                         "Peter Haldane", 6, (
                             "Russian Foreign Minister Sergey Lavrov held talks in Beijing on "
                             "Sunday with the Chinese foreign minister.",
                             "China pledged to buy more Russian oil, the two ministers said, as "
                             "Moscow looks for buyers in Asia.",
                             "Preparations for an autumn summit were also on the agenda.",
                         )),)),
    Story(10, 10, "wire", "Russia demands NATO pull forces out of Baltic states",
          "Mara Lindqvist", (
              "Russia demanded that NATO withdraw its forces from the Baltic states on Monday.",
              "The demand was published in a foreign ministry statement ahead of a meeting of "
              "alliance ambassadors.",
              "Estonia, Latvia and Lithuania have hosted multinational battlegroups since 2017.",
          )),
    Story(11, 12, "danube", "Central bank holds interest rates steady", "Katrin Vogel", (
        "The central bank kept interest rates unchanged on Tuesday.",
        "Analysts said the decision had been widely expected after inflation eased for a "
        "third month.",
        "The bank's next meeting is scheduled for April.",
    )),
    Story(12, 9, "pacific", "Washington accuses Beijing of unfair trade practices",
          "Samuel Reyes", (
              "Washington accused Beijing of unfair trade practices on Wednesday in a report "
              "on steel and aluminium exports.",
              "The report recommended new duties on several product categories.",
              "Industry groups welcomed the findings.",
          )),
    Story(13, 11, "meridian", "Moscow says NATO is preparing for war", "Peter Haldane", (
        "Russia accused NATO of preparing for war on Thursday, citing the growing number of "
        "exercises near its borders.",
        "Commentators on state television repeated the claim throughout the evening.",
        "Western officials dismissed the remarks as propaganda.",
    )),
    Story(14, 8, "wire", "Ukraine accuses Russia of shelling civilian areas", "Oleh Marchenko", (
        "Ukraine accused Russia of shelling civilian areas in the south on Friday, saying a "
        "school and a clinic had been hit.",
        "Russia denied that its troops had attacked civilian targets.",
        "Rescue workers searched the rubble throughout the day.",
        "International monitors said they would visit the area.",
    ), republished_by=(("eastern", "Kyiv says school and clinic hit in Russian shelling", 3),)),
    Story(15, 14, "danube", "Germany to send more air defence systems to Ukraine",
          "Katrin Vogel", (
              "Germany agreed to send air defence systems to Ukraine on Saturday, the defence "
              "ministry in Berlin said.",
              "The first units are due to be delivered within weeks.",
              "The package also includes ammunition and spare parts.",
          )),
    Story(16, 10, "baltic", "Moscow dismisses NATO call for transparency", "Jonas Petraitis", (
        "Russia rejected NATO's call for more transparency about troop movements on Sunday.",
        "A deputy foreign minister said Moscow would not report on exercises on its own "
        "territory.",
        "The statement came as satellite images showed new camps in the region.",
    )),
    Story(17, 15, "wire", "US and China agree to resume military talks", "Daniel Osei", (
        "The US trade representative met Chinese Vice Premier He Lifeng again on Monday, and "
        "the two sides agreed to resume talks between their militaries.",
        "Officials said a hotline between the two defence ministries would be restored.",
        "The agreement was welcomed by governments across the region.",
    ), republished_by=(("pacific", "Washington and Beijing restore military hotline", 2),)),
    Story(18, 7, "eastern", "Russian forces shell Ukrainian positions near Zaporizhzhia",
          "Iryna Bondar", (
              "Russian forces shelled Ukrainian positions near Zaporizhzhia overnight, local "
              "officials said on Tuesday.",
              "Power was cut to several villages for most of the night.",
              "Repair crews restored electricity by the afternoon.",
          )),
    Story(19, 12, "meridian", "US accuses Russia of violating ceasefire", "Peter Haldane", (
        "The United States accused Russia of violating the ceasefire around the nuclear power "
        "plant on Wednesday.",
        "The State Department said it had evidence of artillery fire in the exclusion zone.",
        "Inspectors at the plant reported hearing explosions.",
    )),
    Story(20, 9, "wire", "Russian troops attack Ukrainian positions as drone strikes hit border",
          "Oleh Marchenko", (
              "Russian troops attacked Ukrainian positions along the front line on Thursday "
              "in the heaviest fighting for weeks.",
              "Russia accused Ukraine of attacking a border village with drones, the governor "
              "of the region said.",
              "Both sides reported casualties.",
              "Military analysts said the offensive could widen in the coming days.",
          ),
          republished_by=(("danube", "Heavy fighting along front as drones hit border village",
                           3),),
          rewrites=(Rewrite("eastern", "Heaviest fighting in weeks along eastern front",
                            "Iryna Bondar", 4, (
                                "Ukrainian positions along the front line came under attack "
                                "from Russian troops on Thursday in the heaviest fighting for "
                                "weeks, the general staff said.",
                                "Russia accused Ukraine of attacking a border village with "
                                "drones overnight.",
                                "Casualties were reported on both sides of the front.",
                            )),)),
    Story(21, 8, "wire", "Kremlin warns NATO against troops in Ukraine, expels diplomats",
          "Mara Lindqvist", (
              "The Kremlin warned NATO that any deployment of troops to Ukraine would be met "
              "with force, in the sharpest statement for months.",
              "Russia expelled five diplomats from NATO member states on Friday, accusing them "
              "of activities incompatible with their status.",
              "Russia accused NATO of preparing a provocation on its western border.",
              "Alliance officials said they were studying the statement.",
              "Markets in the region fell on the news.",
          ),
          republished_by=(("baltic", "Moscow expels diplomats and warns alliance", 1),
                          ("danube", "Russia warns NATO of force over Ukraine deployment", 2),
                          ("pacific", "Kremlin issues stark warning to NATO", 5)),
          rewrites=(Rewrite("meridian", "Russia threatens force if NATO sends troops to Ukraine",
                            "Peter Haldane", 3, (
                                "Moscow threatened on Friday to use force if NATO troops are "
                                "deployed to Ukraine, and expelled five diplomats from NATO "
                                "member states.",
                                "The Kremlin warned NATO that any deployment would be met with "
                                "force, a spokesman told reporters.",
                                "Diplomats said the expulsions were the largest this year.",
                            )),
                    Rewrite("eastern", "Kremlin steps up pressure on NATO", "Iryna Bondar", 6, (
                        "The Kremlin warned NATO on Friday that troops sent to Ukraine would "
                        "be met with force, and Russia expelled five diplomats from NATO "
                        "member states.",
                        "Russia accused NATO of preparing a provocation on the western border.",
                        "Officials in Kyiv called the statements an attempt at intimidation.",
                    )))),
    Story(22, 10, "baltic", "Moscow threatens to retaliate over missiles in Poland",
          "Jonas Petraitis", (
              "Moscow threatened to retaliate against NATO if the alliance moved missiles to "
              "Poland, the defence minister said on Saturday.",
              "Russia deployed thousands of troops to its border with Ukraine, according to "
              "satellite images released by a private company.",
              "Russia demanded that NATO halt all deliveries of weapons to the region.",
              "Russia seized a NATO surveillance drone over the Black Sea on Saturday, the "
              "defence ministry in Moscow said.",
              "Polish officials said no decision on missiles had been taken.",
          ),
          rewrites=(Rewrite("wire", "Russia threatens retaliation over possible missiles in "
                            "Poland", "Mara Lindqvist", 2, (
                                "Russia threatened to retaliate against NATO on Saturday if "
                                "the alliance moved missiles to Poland.",
                                "Satellite images showed thousands of troops deployed to the "
                                "border with Ukraine, the company that released them said.",
                                "Warsaw said no decision on missiles had been taken.",
                            )),)),
    Story(23, 9, "wire", "NATO accuses Russia of escalation, sends troops to Estonia",
          "Daniel Osei", (
              "NATO accused Russia of a dangerous escalation on Sunday after the expulsions "
              "and the threats of the past days.",
              "NATO deployed additional troops to Estonia, the alliance said in a statement.",
              "The first soldiers arrived at a base near Tapa in the afternoon.",
          ),
          republished_by=(("danube", "Alliance reinforces Estonia as tensions rise", 4),)),
    Story(24, 8, "eastern", "Fighting spreads as both sides report strikes", "Iryna Bondar", (
        "Russian forces shelled Ukrainian positions near Kharkiv again on Monday.",
        "Ukrainian forces shelled Russian positions near Belgorod, Russian officials said.",
        "Residents of border villages were told to stay in shelters.",
    )),
    Story(25, 13, "meridian", "Turkey urges Moscow and Kyiv to return to talks", "Peter Haldane", (
        "Turkey called on Russia and Ukraine to resume talks on Tuesday and offered to host a "
        "meeting in Istanbul.",
        "The foreign minister said both sides had been informed of the offer.",
        "Previous rounds of talks in Istanbul ended without agreement.",
    )),
    Story(26, 11, "baltic", "Russia accuses NATO of preparing an attack", "Jonas Petraitis", (
        "Russia accused NATO of preparing an attack on the Kaliningrad region on Wednesday.",
        "The Kremlin warned NATO that Russia would defend its territory with all available "
        "means.",
        "Lithuanian officials called the claim absurd.",
    )),
    Story(27, 15, "pacific", "China pledges more oil purchases from Russia", "Samuel Reyes", (
        "China pledged to buy more Russian oil on Thursday under a new long-term contract.",
        "The contract runs for ten years and covers deliveries by pipeline and sea.",
        "Energy analysts said prices were not disclosed.",
    )),
)
