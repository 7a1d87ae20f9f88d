namespace FeedbackBot.Core.Analysis.Text;

/// <summary>The words around a person's name: what introduces one, and capitalised words that are never one.</summary>
internal static class NameCues
{
    /// <summary>Phrases after which a capitalised word, or a known first name in any case, is a name.</summary>
    public static readonly string[] Introducers =
    [
        "my name is", "my name's", "name is", "i'm", "i am", "spoke to", "spoke with", "speak to", "speak with",
        "speaking to", "speaking with", "talked to", "talked with", "talking to", "talking with", "served by",
        "helped by", "assisted by", "handled by", "dealt with by", "agent", "advisor", "adviser", "representative",
        "rep", "operator", "consultant", "colleague", "assistant", "manager", "supervisor", "engineer", "technician",
        "driver", "courier", "thanks", "thank you", "thanks to", "ask for", "asked for", "named", "guy called",
        "lady called", "man called", "woman called", "girl called", "bloke called", "chap called",
        "gentleman called", "someone called", "somebody called", "dear", "hi", "hello", "regards", "kind regards",
        "best regards", "cheers", "many thanks", "best wishes", "sincerely", "yours",
    ];

    /// <summary>Titles: the capitalised word after one is a surname, even after the title's full stop.</summary>
    public static readonly string[] Titles = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof"];

    /// <summary>Capitalised words that are not names, besides every word of the sentiment lexicon and the default themes.</summary>
    public static readonly string[] NotNames =
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "christmas", "easter", "english", "british", "french", "german",
        "spanish", "italian", "polish", "indian", "chinese", "american", "scottish", "welsh", "irish", "european",
        "team", "teams", "support", "customer", "customers", "service", "services", "manager", "agent", "staff",
        "department", "sir", "madam", "everyone", "everybody", "someone", "somebody", "anyone", "all", "guys",
        "i", "the", "a", "an", "and", "but", "or", "so", "for", "to", "of", "in", "on", "at", "by", "with", "from",
        "it", "this", "that", "these", "those", "my", "your", "our", "their", "his", "her", "its", "we", "you",
        "they", "he", "she", "me", "him", "them", "us", "was", "is", "are", "were", "be", "been", "have", "has",
        "had", "do", "did", "does", "not", "no", "yes", "very", "really", "just", "still", "also", "again", "any",
        "some", "please", "hi", "hello", "dear", "regards", "cheers", "kind", "many", "well", "anyway", "overall",
        "sorry", "if", "when", "then", "there", "here", "what", "who", "why", "how", "which", "one", "two", "three",
        "am", "as", "would", "could", "should", "can", "might", "must", "shall", "im", "ive", "id",
        "ok", "okay", "thanks", "thank", "after", "before", "because", "since", "today", "yesterday", "tomorrow",
        "now", "never", "always", "only", "even", "much", "more", "most", "less", "first", "last", "next", "other",
        "another", "every", "each", "both", "either", "about", "into", "over", "under", "up", "down", "out", "off",
        "slack", "windows", "apple", "google", "amazon", "microsoft", "iphone", "android", "excel",
        "outlook", "office", "zoom", "paypal", "visa", "mastercard", "amex", "royal", "mail", "bank", "ltd", "plc",
        "inc", "uk", "usa", "eu", "london", "manchester", "birmingham", "glasgow", "edinburgh", "cardiff", "belfast",
        "dublin", "paris", "berlin", "madrid", "new", "york", "street", "road", "north", "south", "east", "west",
        "online", "live", "chat", "email", "phone", "app", "website", "account", "order", "ticket", "case", "ref",
        "reference", "number", "help", "desk", "helpdesk", "centre", "center", "store", "shop", "branch",
    ];
}
