"""Invented articles for the blind HTML set (bench/html_blind/PROTOCOL.md): every name, place and
event here is made up. Each article is a title, a byline, a date and its body paragraphs; a
paragraph starting with "## " is a subheading, "- " a list item, "> " a quotation block. The
body paragraphs are the ground truth, written before any extractor ran on the pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    author: str
    date: str
    section: str
    body: tuple[str, ...]


STORIES: tuple[Story, ...] = (
    Story("harbour-strike", "Dock workers in Port Selby extend strike into second week", "Mara Okonjo",
          "2025-02-11", "Business", (
        "Dock workers at the port of Selby voted on Monday to extend their strike for a second week, leaving more than forty container ships waiting offshore.",
        "The union representing crane operators and lashers said talks with the port authority had broken down over night-shift pay and the use of automated stacking cranes.",
        "\u201cWe are not against machines, we are against being replaced without a plan,\u201d said Tomas Reyhani, the union\u2019s regional secretary, speaking outside the main gate.",
        "The port authority said it had offered a four per cent rise over two years and a guarantee that no permanent jobs would be cut before 2027.",
        "Exporters of fruit and frozen fish have warned that cargo is starting to spoil, and two shipping lines have begun diverting vessels to smaller ports along the coast.",
        "A mediator appointed by the labour ministry is expected to meet both sides on Thursday.",
    )),
    Story("library-fines", "City libraries scrap late fines after pilot brings back thousands of books", "Jonah Pell",
          "2024-11-03", "Local", (
        "The city\u2019s public libraries will stop charging fines for overdue books from January, after a year-long pilot in three branches brought back more than eleven thousand missing items.",
        "Librarians said the fines had mostly deterred the readers who could least afford them, while bringing in less money than it cost to collect them.",
        "During the pilot, borrowers with long-overdue books were invited to return them with no questions asked. Some items had been missing for more than a decade.",
        "## What changes for borrowers",
        "Borrowers will still be asked to pay for books that are lost or damaged, and accounts with items more than sixty days overdue will be blocked until they are returned.",
        "The council estimates the change will cost about 90,000 in lost revenue a year, roughly the salary of two staff members.",
    )),
    Story("mountain-rescue", "Hikers rescued after two nights on Kessel ridge", "Ilse Varga",
          "2025-07-22", "News", (
        "Two hikers who spent two nights stranded on the Kessel ridge were rescued by helicopter on Sunday morning, the regional mountain rescue service said.",
        "The pair, a man and a woman in their thirties, had set out on Friday to cross the ridge but were caught by fog and strong winds near the northern summit.",
        "They sheltered in a rocky hollow and were able to send a text message with their position before their phone battery ran out.",
        "Rescuers said the hikers were cold and dehydrated but otherwise unhurt.",
    )),
    Story("bakery-award", "Family bakery wins national sourdough prize", "Priya Castell",
          "2024-05-14", "Food", (
        "A family bakery in the market town of Oldwick has won the national sourdough prize, beating more than three hundred entries from across the country.",
        "The winning loaf, a dark rye with toasted seeds, is made with a starter that the owners say has been kept alive since 1987.",
        "\u201cMy mother fed that starter every morning before she opened the shop,\u201d said Anna Brevik, who runs the bakery with her brother. \u201cWe just kept doing what she did.\u201d",
        "The judges praised the loaf\u2019s crust and its slightly sour, nutty flavour.",
        "The bakery says it will not raise its prices, but it has already started taking orders by post.",
    )),
    Story("rail-timetable", "New rail timetable cuts journey to the coast by twenty minutes", "Oskar Lind",
          "2025-03-30", "Transport", (
        "Passengers travelling between the capital and the coast will save up to twenty minutes from next month, when a new timetable takes effect on the western line.",
        "The change follows the completion of a second track on a twelve-kilometre section near Harwick, which had forced trains to wait for each other for years.",
        "The operator said it would run an extra train every hour at peak times, and that the first train of the day would leave half an hour earlier.",
        "Commuter groups welcomed the news but said fares were still too high.",
        "\u201cA faster train is good, but only if people can afford to get on it,\u201d said Helen Ambrose of the Western Line Passengers\u2019 Association.",
    )),
    Story("river-cleanup", "Volunteers pull two tonnes of rubbish from the Aven", "Kofi Mensah",
          "2024-09-08", "Environment", (
        "More than four hundred volunteers spent Saturday pulling rubbish from the banks and shallows of the river Aven, collecting about two tonnes of waste.",
        "Among the finds were three shopping trolleys, a motorbike frame, dozens of tyres and a sofa that took eight people to lift.",
        "Organisers said plastic bottles and food packaging made up most of the weight.",
        "The clean-up has been held every autumn since 2016. This year, for the first time, the council provided skips and a lorry to take the waste to a recycling centre.",
    )),
    Story("chess-prodigy", "Eleven-year-old wins regional chess title", "Ana Ferreira",
          "2025-01-19", "Sport", (
        "An eleven-year-old schoolgirl has become the youngest ever winner of the regional chess championship, finishing a full point ahead of a field that included two international masters.",
        "Lea Marchetti, who learned to play from her grandfather three years ago, won six of her seven games and drew the last one in under twenty moves.",
        "Her coach said she studies for about an hour a day after school and plays online at weekends.",
        "She will now represent the region at the national championship in April.",
    )),
    Story("water-meters", "Households to get smart water meters by 2027", "Daniel Osei",
          "2024-06-25", "Business", (
        "Every household in the region will have a smart water meter by the end of 2027 under a plan announced on Tuesday by the water utility.",
        "The meters send readings every hour, which the utility says will help it find leaks faster and let customers see how much water they use.",
        "- About 310,000 meters will be installed over three years.",
        "- Installation will be free, and customers will not need to be at home.",
        "- Bills will be based on actual use rather than estimates.",
        "Consumer groups said they would watch closely to make sure the change did not lead to higher bills for large families.",
    )),
    Story("festival-returns", "Folk festival returns to Marrow Field after five-year break", "Beatrix Holm",
          "2025-06-02", "Culture", (
        "The Marrow Field folk festival will return this summer after a five-year break, its organisers announced on Monday.",
        "The festival, which once drew twelve thousand visitors over a weekend, was cancelled in 2020 and then lost its site when the land was sold.",
        "A new agreement with the landowner allows the festival to use the field for three days each August for the next ten years.",
        "The first line-up includes about forty acts, most of them from the region, and tickets will go on sale next week.",
        "Organisers said they would cap attendance at eight thousand in the first year.",
    )),
    Story("hospital-wing", "Children\u2019s wing opens at Saint Aldric hospital", "Ruth Kimani",
          "2024-10-15", "Health", (
        "A new children\u2019s wing with forty beds opened at Saint Aldric hospital on Tuesday, ending a two-year wait for families who had to travel to the capital for specialist care.",
        "The wing includes a day unit for cancer treatment, a play area and twelve rooms where a parent can stay overnight.",
        "The hospital said it had recruited sixty new nurses and eight consultants to staff it.",
        "\u201cFor the first time, a child from this valley can be treated close to home,\u201d said Dr Samuel Achterberg, the wing\u2019s clinical lead.",
        "The project cost 34 million and was partly paid for by a public appeal that raised 5 million.",
    )),
    Story("bridge-closure", "Old Mill bridge to close for six months of repairs", "Hugo Brandt",
          "2025-04-08", "Local", (
        "The Old Mill bridge will close to cars and lorries for six months from May while engineers replace its deck and strengthen its supports.",
        "Pedestrians and cyclists will be able to use a temporary walkway on the downstream side.",
        "The council said an inspection last year found corrosion in the steel beams that was worse than expected.",
        "Drivers will be sent on a diversion through the industrial estate, adding about ten minutes to a typical journey.",
    )),
    Story("orchard-frost", "Late frost hits apple growers in the Vell valley", "Maren Solberg",
          "2025-05-06", "Farming", (
        "A sharp frost in the last week of April has damaged apple blossom across the Vell valley, and growers say this year\u2019s harvest could be half the usual size.",
        "Temperatures fell to minus four degrees on two nights in a row, just as the trees were in full flower.",
        "Some growers lit candles and ran wind machines through the night, but many had no protection at all.",
        "\u201cYou can see it in the flowers: the centre turns black, and that means no fruit,\u201d said Per Idun, who grows apples on eleven hectares near the village of Stave.",
        "The farmers\u2019 union has asked the regional government for emergency loans.",
    )),
    Story("startup-funding", "Battery recycling start-up raises 18 million", "Nadia Rahman",
          "2025-02-26", "Technology", (
        "A start-up that recovers lithium and cobalt from used electric car batteries has raised 18 million from a group of investors led by a regional development fund.",
        "The company, founded three years ago by two former university researchers, says its process uses less energy and fewer chemicals than existing methods.",
        "It plans to use the money to build its first commercial plant, which would be able to process about ten thousand tonnes of batteries a year.",
        "The founders said they expect the plant to open in late 2026 and to employ about 120 people.",
    )),
    Story("school-meals", "Free school meals extended to all primary pupils", "Eamon Gallagher",
          "2024-08-20", "Education", (
        "All primary school pupils in the province will receive a free hot lunch from September, the education department said on Tuesday.",
        "Until now, only children from low-income families were eligible, and head teachers said many parents who qualified did not apply.",
        "The department said the scheme would cost about 60 million a year and would be paid for from the province\u2019s general budget.",
        "Schools without kitchens will receive meals from central kitchens run by the province.",
        "Parents\u2019 groups welcomed the decision, while some school caterers warned that they would need more staff.",
    )),
    Story("lighthouse-sale", "Historic lighthouse up for sale for the price of a flat", "Clara Weiss",
          "2025-08-12", "Property", (
        "A nineteenth-century lighthouse on the northern headland has gone on the market for about the price of a two-bedroom flat in the city.",
        "The tower, which stopped working in 1994, comes with a keeper\u2019s cottage, a small garden and a private path to the beach.",
        "The buyer will have to keep the building open to visitors on at least ten days a year and maintain the lantern room.",
        "The estate agent said it had received more than two hundred enquiries in the first two days.",
    )),
    Story("marathon-record", "Course record falls at the Riverside marathon", "Tariq Aziz",
          "2024-04-28", "Sport", (
        "Kenyan runner Joseph Kiptanui broke the course record at the Riverside marathon on Sunday, finishing in two hours, six minutes and twelve seconds.",
        "He pulled away from a group of five runners after thirty kilometres and crossed the line almost a minute ahead of the second-placed finisher.",
        "The women\u2019s race was won by Sofia Lindqvist, who ran her first marathon in two hours, twenty-four minutes.",
        "More than fourteen thousand runners took part, a record for the event.",
    )),
    Story("museum-theft", "Police recover silver stolen from county museum", "Leon Dubois",
          "2025-09-03", "Crime", (
        "Police have recovered most of the silverware stolen from the county museum last month, after a tip-off led them to a storage unit on the edge of town.",
        "Fourteen of the seventeen items taken, including a set of eighteenth-century candlesticks, were found wrapped in newspaper inside two suitcases.",
        "Two men aged 34 and 41 have been arrested and released on bail while inquiries continue.",
        "The museum said it would review its security and that the recovered pieces would go back on display once they had been checked for damage.",
    )),
    Story("bus-electric", "First electric buses enter service on the Ring route", "Grace Adeyemi",
          "2025-01-07", "Transport", (
        "The first twelve electric buses entered service on the city\u2019s Ring route on Monday, replacing diesel buses that were more than fifteen years old.",
        "The buses can run for about 300 kilometres on a single charge and will be charged overnight at the depot.",
        "Drivers said the new buses were quieter and smoother, although some passengers complained that there were fewer seats.",
        "The transport authority plans to replace its whole fleet by 2032.",
    )),
    Story("garden-blog", "What I learned from a year of growing tomatoes on a balcony", "Ines Moreau",
          "2024-10-01", "Blog", (
        "A year ago I bought six tomato plants from a market stall and put them on my balcony, on the fourth floor, facing south-west. I knew nothing about growing anything.",
        "The first lesson was water. Pots dry out far faster than a garden bed, and in July I was watering twice a day, once before work and once in the evening.",
        "The second lesson was wind. Two of my plants snapped in a storm in June because I had tied them to canes that were too short.",
        "The third lesson was patience. The first fruit did not turn red until the middle of August, and I had almost given up.",
        "By October I had picked about nine kilos of tomatoes, which is not a lot, but every one of them tasted better than anything I have bought in a shop.",
        "Next year I will try fewer plants in bigger pots, and maybe some basil.",
    )),
    Story("coding-blog", "Why our team stopped using feature branches", "Viktor Andersen",
          "2025-03-11", "Engineering", (
        "For five years our team worked the way most teams do: every change lived on its own branch until it was reviewed and merged. Last spring we stopped.",
        "The problem was not the branches themselves but how long they lived. A typical branch stayed open for nine days, and by the time it was merged, the main line had moved on.",
        "## What we do now",
        "Everyone commits to the main line at least once a day. Unfinished work stays behind switches that are off by default, and reviews happen on small changes, often in pairs.",
        "Merge conflicts have almost disappeared, and the time from starting a change to seeing it in production has gone from about two weeks to two days.",
        "## What it cost us",
        "It was not free. We had to invest in faster tests, and some colleagues found it uncomfortable to show unfinished work.",
        "We would still make the same choice again.",
    )),
    Story("travel-blog", "Three days on the islands without a car", "Lotte Brink",
          "2024-07-09", "Travel", (
        "The islands are small enough to cross on a bicycle in an afternoon, and the ferries carry bikes for free, so we left the car at home.",
        "On the first day we rode along the dyke to the northern beach, stopping at a farm that sells cheese from a fridge with an honesty box.",
        "On the second day the wind turned against us, and what should have been an hour\u2019s ride took almost three. We spent the evening in the village caf\u00e9, too tired to cook.",
        "On the last day we took the early ferry to the smallest island, where there are no cars at all and the only shop closes at noon.",
        "If you go, book the ferry in advance in summer and bring a rain jacket, whatever the forecast says.",
    )),
    Story("election-brief", "Turnout reaches 71 per cent in municipal vote", "Ada Novak",
          "2025-10-05", "Politics", (
        "Turnout in Sunday\u2019s municipal elections reached 71 per cent, the highest in more than twenty years, the electoral commission said.",
        "Final results are expected on Monday afternoon.",
    )),
    Story("court-ruling", "Court orders council to reopen closed footpath", "Simon Achebe",
          "2025-06-18", "Local", (
        "A court has ordered the council to reopen a footpath through Hollin Wood that was closed two years ago at the request of a landowner.",
        "The judge ruled that the path had been used by the public for more than a century and could not be closed without a formal order.",
        "Walkers who had campaigned for the reopening gathered at the entrance to the wood after the ruling.",
        "The council said it would study the judgment and had not decided whether to appeal.",
    )),
    Story("heatwave-advice", "Heat warning issued as temperatures near 38 degrees", "Elena Petrova",
          "2025-07-29", "Weather", (
        "The national weather service issued an orange heat warning for the southern provinces on Tuesday, with temperatures expected to reach 38 degrees by Thursday.",
        "Health officials advised older people and those with heart conditions to stay indoors during the hottest hours of the day and to drink water regularly.",
        "Several cities said they would open air-conditioned public buildings as cooling centres, and some schools will finish lessons at noon.",
        "The warning is expected to remain in place until at least Saturday.",
    )),
    Story("recipe-blog", "A weeknight lentil soup that tastes like it took all day", "Hannah Sato",
          "2024-12-02", "Recipes", (
        "This is the soup I make when the fridge is nearly empty and I have forty minutes. It needs nothing you cannot buy at a corner shop.",
        "## Ingredients",
        "- 250 g red lentils, rinsed",
        "- 1 onion, 2 carrots and 2 cloves of garlic, chopped",
        "- 1 tin of chopped tomatoes and 1 litre of stock",
        "- 1 teaspoon each of cumin and smoked paprika",
        "## Method",
        "Soften the onion and carrots in a little oil for ten minutes, then add the garlic and spices and cook for one more minute.",
        "Add the lentils, tomatoes and stock, bring to the boil and simmer for twenty-five minutes, until the lentils have fallen apart.",
        "Blend half of the soup and stir it back in, then season with salt and a squeeze of lemon.",
    )),
    Story("space-launch", "University satellite reaches orbit on first attempt", "Marco Bellini",
          "2025-05-21", "Science", (
        "A shoebox-sized satellite built by students at the technical university reached orbit on Tuesday after launching on a commercial rocket with forty other small spacecraft.",
        "The satellite carries a camera that will photograph coastal waters to track the spread of algae blooms.",
        "Ground controllers at the university received its first signal about ninety minutes after launch.",
        "\u201cWhen we heard the beacon, half the room started crying,\u201d said Yara Haddad, a doctoral student who led the radio team.",
        "The team expects to publish its first images within a month.",
    )),
    Story("factory-closure", "Textile factory to close with loss of 240 jobs", "Fiona Walsh",
          "2025-08-27", "Business", (
        "The last textile factory in the town of Brennock will close in December, with the loss of 240 jobs, its owner announced on Wednesday.",
        "The company blamed rising energy costs and competition from overseas, and said it would move production to a plant in another country.",
        "Workers learned of the decision at a meeting on the factory floor that lasted less than fifteen minutes.",
        "The mayor said the town would ask the regional government for help to retrain workers and find a buyer for the site.",
    )),
    Story("zoo-birth", "Rare red panda cubs born at city zoo", "Theo Janssen",
          "2025-09-16", "Animals", (
        "Two red panda cubs have been born at the city zoo, the first births of the endangered species there in more than ten years.",
        "The cubs, born in late July, have spent their first weeks in a nest box with their mother and were only recently seen by keepers.",
        "Visitors may be able to spot them from October, when they are expected to start exploring their enclosure.",
    )),
    Story("opinion-cycling", "Our streets are too narrow for everyone. Let\u2019s choose", "Rosa Lindgren",
          "2025-04-22", "Opinion", (
        "Every debate about cycling in this city ends in the same place: there is not enough room. That is true, and it is exactly why we have to choose.",
        "A street that is twelve metres wide cannot hold two lanes of traffic, parking on both sides, wide pavements and a safe cycle lane. Something has to give.",
        "For decades, the answer has been that pedestrians and cyclists give. The pavements get narrower, and the cycle lane becomes a painted line in the door zone of parked cars.",
        "I am not arguing that cars should disappear. I am arguing that the space should follow the number of people who use it, not the number of square metres each of them needs.",
        "Other cities have made this choice and have not regretted it. We can too.",
    )),
    Story("storm-update", "Storm cuts power to thousands along the coast", "Owen Pryce",
          "2025-11-14", "News", (
        "A storm with gusts of more than 120 kilometres an hour cut power to about 38,000 homes along the coast overnight, the grid operator said on Friday.",
        "Fallen trees blocked several roads, and the coastal railway was closed between Dunmore and Kells after a section of the line flooded.",
        "Update: The grid operator said at noon that power had been restored to about half of the affected homes.",
        "Crews were working to clear the railway line, but the operator said services would not resume before Saturday morning.",
        "Update: The coastal railway reopened at 6 pm, earlier than expected.",
    )),
)
