namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Common given names from many countries, lower case. Months, weekdays and product names (May, June, Alexa) are
/// left out on purpose; names that are also everyday words are in <see cref="Ambiguous"/>.
/// </summary>
internal static class FirstNames
{
    public static readonly string[] Unambiguous =
    [
        // English-speaking countries
        "anna", "anne", "annie", "ann", "emma", "olivia", "sophie", "sophia", "emily", "jessica", "jess", "sarah",
        "laura", "rachel", "hannah", "charlotte", "amelia", "isla", "ava", "mia", "ella", "chloe", "lucy", "megan",
        "lauren", "rebecca", "becky", "katie", "kate", "katherine", "catherine", "claire", "helen", "karen", "susan",
        "linda", "mary", "patricia", "jennifer", "elizabeth", "liz", "beth", "barbara", "margaret", "lisa", "nancy",
        "sandra", "donna", "michelle", "amanda", "melissa", "stephanie", "nicole", "samantha", "victoria", "natalie",
        "zoe", "abigail", "alice", "eleanor", "ellie", "freya", "harriet", "imogen", "jane", "joanne", "julie",
        "louise", "lydia", "molly", "naomi", "paula", "philippa", "rosie", "ruth", "sally", "tracey", "tracy",
        "vicky", "wendy", "yvonne", "diane", "gemma", "kelly", "kirsty", "leanne", "debbie", "deborah", "denise",
        "gillian", "hayley", "jenny", "joan", "julia", "kerry", "nicola", "sharon", "shirley", "tina", "angela",
        "beverley", "caroline", "fiona", "janet", "jacqueline", "pauline", "maria", "marie", "millie", "evie",
        "isabella", "meg", "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
        "charles", "christopher", "daniel", "matthew", "anthony", "donald", "steven", "stephen", "paul", "andrew",
        "joshua", "josh", "kenneth", "kevin", "brian", "george", "timothy", "tim", "ronald", "edward", "jason",
        "jeffrey", "jeff", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "jon", "larry", "justin",
        "scott", "brandon", "benjamin", "samuel", "gregory", "greg", "alexander", "patrick", "jeremy", "tyler",
        "aaron", "adam", "nathan", "henry", "peter", "pete", "zachary", "kyle", "noah", "ethan", "oliver", "harry",
        "charlie", "oscar", "leo", "archie", "alfie", "freddie", "fred", "theo", "lewis", "liam", "luke", "callum",
        "connor", "jamie", "dan", "danny", "dave", "steve", "mike", "tom", "tony", "joe", "jim", "jimmy", "ben",
        "sam", "alex", "chris", "andy", "ian", "neil", "simon", "martin", "graham", "gavin", "craig", "stuart",
        "alan", "colin", "keith", "derek", "trevor", "barry", "nigel", "malcolm", "darren", "wayne", "shaun", "sean",
        "owen", "rhys", "dylan", "ewan", "fraser", "hamish", "angus", "rory", "declan", "ciaran", "niamh", "siobhan",
        "aoife", "sinead", "eoin", "phil", "ken", "ron", "doug", "ted", "matt", "josie", "kayleigh", "shannon",

        // Spanish, Portuguese, French, Italian
        "jose", "josé", "juan", "carlos", "luis", "miguel", "javier", "alejandro", "diego", "pablo", "sergio",
        "jorge", "manuel", "antonio", "francisco", "rafael", "fernando", "andres", "andrés", "pedro", "ricardo",
        "eduardo", "joao", "joão", "lucia", "lucía", "carmen", "isabel", "ana", "elena", "marta", "sofia",
        "valentina", "camila", "gabriela", "daniela", "mariana", "ines", "inês", "beatriz", "mateo", "santiago",
        "pierre", "nicolas", "julien", "mathieu", "antoine", "camille", "manon", "léa", "amelie", "amélie",
        "margaux", "celine", "céline", "sylvie", "nathalie", "isabelle", "francois", "françois", "thierry",
        "olivier", "philippe", "benoit", "giuseppe", "giovanni", "marco", "luca", "matteo", "alessandro",
        "francesco", "lorenzo", "giulia", "francesca", "chiara", "alessia", "federica", "paolo", "roberto", "stefano",

        // German, Dutch, Nordic, Polish and eastern Europe
        "hans", "klaus", "jürgen", "juergen", "stefan", "andreas", "markus", "tobias", "lukas", "jonas", "felix",
        "maximilian", "katharina", "lena", "leonie", "anja", "birgit", "ursula", "sabine", "petra", "monika",
        "heike", "pieter", "sven", "lars", "erik", "ingrid", "astrid", "mette", "anders", "nils", "bjorn", "björn",
        "sigrid", "piotr", "krzysztof", "tomasz", "pawel", "paweł", "marcin", "michal", "michał", "katarzyna",
        "agnieszka", "magdalena", "joanna", "aleksandra", "zofia", "dmitri", "dmitry", "sergei", "olga",
        "natasha", "tatiana", "svetlana", "irina", "oksana", "olena", "andrii", "bogdan", "emilia", "nina", "vera",
        "mila", "nora", "clara", "hugo", "elias",

        // South Asian, Arabic, Persian, Turkish
        "priya", "rahul", "amit", "anil", "sunil", "rajesh", "ravi", "vikram", "arjun", "rohan", "sanjay", "deepak",
        "pooja", "anjali", "neha", "divya", "kavya", "aisha", "sunita", "anita", "lakshmi", "ramesh", "suresh",
        "mahesh", "ganesh", "krishna", "arun", "nisha", "meera", "shreya", "aditya", "harpreet", "gurpreet",
        "manpreet", "simran", "imran", "bilal", "usman", "ayesha", "fatima", "zainab", "farah", "nadia", "hassan",
        "hussain", "hussein", "omar", "ahmed", "ahmad", "mohammed", "mohammad", "muhammad", "mohamed", "ali",
        "yusuf", "ibrahim", "khalid", "tariq", "samir", "karim", "layla", "leila", "yasmin", "amira", "mariam",
        "noor", "zara", "rania", "reza", "mehmet", "emre", "elif", "zeynep",

        // East Asian, African
        "wei", "jing", "ming", "xiaoming", "mei", "hiroshi", "takeshi", "kenji", "yuki", "haruka", "sakura",
        "minji", "kwame", "kofi", "chidi", "chinedu", "ngozi", "amara", "oluwaseun", "seun", "tunde", "ayodele",
        "thabo", "sipho", "nomvula", "zanele", "themba", "wanjiru", "amina", "abdi", "fatuma", "kemi", "femi",
        "tendai",

        // Given names used in many places
        "aria", "riley", "morgan", "casey", "jesse", "cameron", "avery", "quinn", "logan", "mason", "lucas",
        "aiden", "isaac", "caleb", "gabriel", "julian", "hugh", "bethany", "courtney", "danielle",
    ];

    /// <summary>Names that are also everyday words: masked only where the capital cannot come from the sentence start.</summary>
    public static readonly string[] Ambiguous =
    [
        "will", "mark", "bill", "frank", "grace", "hope", "faith", "joy", "rose", "amber", "summer", "ruby", "jack",
        "ray", "pat", "sue", "don", "dean", "drew", "chase", "hunter", "iris", "lily", "holly", "ivy", "dawn",
        "eve", "crystal", "sunny", "max", "guy", "nick", "penny", "rich", "angel", "art", "gene", "miles",
        "heather", "daisy", "violet", "jade", "pearl", "cliff", "glen", "rob", "bob", "carol", "jean", "sandy",
        "harper", "jordan", "taylor", "kim", "lee", "victor", "christian", "patience", "reed", "wade", "brook",
    ];
}
