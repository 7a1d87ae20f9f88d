namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Words and phrases that criticise, by strength. <see cref="Mild"/> holds words that are not criticism in
/// themselves but are in a service comment (a wait, a queue): negated they read as mild praise ("no wait at all").
/// </summary>
internal static class NegativeWords
{
    public static readonly string[] Strong =
    [
        "terrible", "terribly", "awful", "awfully", "horrible", "horribly", "dreadful", "appalling", "atrocious",
        "disgusting", "disgraceful", "abysmal", "pathetic", "useless", "rubbish", "worst", "hate", "furious", "livid",
        "outrageous", "unacceptable", "shocking", "nightmare", "shambles", "a joke", "ridiculous", "incompetent",
        "rude", "rudely", "rudeness", "abusive", "aggressive", "scam", "waste of time", "never again", "hung up",
        "hang up", "lied", "lying", "liar", "disaster", "disastrous", "horrendous", "hopeless", "fuming",
        "infuriating", "let down", "let me down", "let us down", "pillar to post", "runaround", "fobbed off",
        "ignore", "insulting", "condescending", "patronising", "patronizing", "arrogant", "thanks for nothing",
        "rip off", "ripoff", "clueless", "disrespectful", "hostile", "unprofessional",
    ];

    public static readonly string[] Moderate =
    [
        "bad", "badly", "poor", "poorly", "slow", "slowly", "unhelpful", "unfriendly", "impolite", "disappoint",
        "disappointing", "disappointment", "frustrate", "frustrating", "frustration", "annoy", "annoying", "angry",
        "upset", "unhappy", "dissatisfied", "confused", "confusing", "unclear", "complicated", "difficult",
        "mistake", "wrong", "broken", "faulty", "fault", "fail", "failure", "complain", "complaint", "expensive",
        "overpriced", "overcharged", "unfair", "late", "delay", "ages", "forever", "eternity", "long", "lengthy",
        "careless", "uncaring", "impatient", "unreliable", "inconsistent", "inaccurate", "incorrect", "misleading",
        "misinformed", "worse", "worried", "worry", "stress", "stressful", "inconvenient", "inconvenience", "hassle",
        "fuss", "struggle", "unanswered", "unresolved", "missing", "damaged", "defective", "chase", "repeat myself",
        "passed around", "cut off", "disconnected", "crash", "glitch", "bug", "buggy", "outage", "rushed",
        "dismissive", "robotic", "scripted", "vague", "jargon", "sarcastic", "uncooperative", "inflexible",
        "bureaucratic", "red tape", "mediocre", "abrupt", "short with me", "short staffed", "no reply",
        "no response", "no answer", "no update", "no callback", "no call back", "no follow up", "no idea",
        "nothing was done", "nothing done", "round in circles", "fined", "penalty", "hidden charges", "trouble",
        "pain", "nuisance", "mess", "messed up", "lost", "cold", "stuck", "unable", "refuse", "confusion", "inept",
        "error", "like a number", "bounced around", "sent round", "not working", "stopped working", "doesn't work",
        "does not work", "didn't work", "did not work", "complicate", "hopelessly", "nasty", "fell short",
        "fall short", "short changed", "shortchanged", "could be better", "could have been better",
        "could've been better", "could do better", "needs improvement", "room for improvement",
        "couldn't get hold of", "could not get hold of", "couldnt get hold of", "couldn't get through",
        "could not get through", "couldnt get through", "can't get through", "cannot get through",
        "hard to get hold of", "hard to reach", "not fit for purpose", "too high", "too much", "too many",
        "too little", "price hike", "price increase", "price rise",
    ];

    public static readonly string[] Mild =
    [
        "wait", "queue", "on hold", "hold", "held", "problem", "issue", "transfer", "pricey", "costly", "average",
        "meh", "so so", "backlog", "unfortunately",
    ];
}
