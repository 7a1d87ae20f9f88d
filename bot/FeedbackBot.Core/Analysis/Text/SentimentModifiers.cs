namespace FeedbackBot.Core.Analysis.Text;

/// <summary>Words that change the words around them rather than carrying sentiment of their own.</summary>
internal static class SentimentModifiers
{
    /// <summary>Reverse the sentiment word that follows; negating nothing, they read as a mild complaint ("didn't call back").</summary>
    public static readonly string[] Negators =
    [
        "not", "no", "cannot", "can't", "cant", "can not", "could not", "don't", "dont", "do not", "doesn't", "doesnt",
        "didn't", "didnt", "did not", "isn't", "isnt", "wasn't", "wasnt", "aren't", "arent", "weren't", "werent",
        "won't", "wont", "wouldn't", "wouldnt", "couldn't", "couldnt", "shouldn't", "shouldnt", "haven't", "havent",
        "hasn't", "hasnt", "hadn't", "hadnt", "ain't", "without", "lack of", "lack",
    ];

    /// <summary>Negators that are a complaint in themselves when they negate nothing ("nobody answered").</summary>
    public static readonly string[] EmphaticNegators = ["never", "nobody", "no one", "noone", "nothing", "none"];

    /// <summary>Negators that say nothing when they negate nothing.</summary>
    public static readonly string[] SoftNegators = ["hardly", "barely", "scarcely", "neither", "nor"];

    /// <summary>"Couldn't have been more helpful": with a comparative these praise instead of negating.</summary>
    public static readonly string[] ModalNegators =
    [
        "cannot", "can't", "cant", "can not", "could not", "couldn't", "couldnt", "wouldn't", "wouldnt",
    ];

    public static readonly string[] Comparatives =
    [
        "more", "better", "happier", "nicer", "easier", "quicker", "faster", "kinder", "smoother", "simpler",
        "friendlier", "sooner",
    ];

    public static readonly string[] Intensifiers =
    [
        "very", "really", "so", "extremely", "incredibly", "super", "totally", "absolutely", "completely", "utterly",
        "truly", "highly", "particularly", "especially", "exceptionally", "too", "most", "deeply", "hugely",
        "massively", "seriously", "genuinely", "thoroughly", "unbelievably", "ridiculously", "remarkably", "way",
        "much", "far", "extra", "soo", "sooo", "real",
    ];

    public static readonly string[] Diminishers =
    [
        "slightly", "somewhat", "a bit", "a little", "fairly", "kind of", "kinda", "sort of", "partly", "partially",
        "marginally", "relatively", "quite", "rather", "a tad", "pretty",
    ];

    /// <summary>Phrases that contain a sentiment word or negator but mean nothing either way.</summary>
    public static readonly string[] NeutralPhrases =
    [
        "customer care", "take care", "as long as", "long term", "long standing", "long time customer", "how long",
        "no longer", "no matter", "not only", "not just", "no doubt", "nothing but", "in short", "short notice",
        "get hold of", "got hold of", "get through", "got through", "to be fair", "whether or not", "what kind",
        "any kind", "fine print", "pretty much", "can't wait", "cannot wait", "cant wait",
    ];

    /// <summary>Start a new clause, and the clause after them weighs more for the comment as a whole ("ok, but slow").</summary>
    public static readonly string[] ShiftingContrasts = ["but", "however", "nevertheless", "nonetheless"];

    /// <summary>Start a new clause without shifting weight.</summary>
    public static readonly string[] Contrasts = ["although", "though", "whereas", "except"];

    /// <summary>Separate parts of a clause: what is said either side of them is judged apart first.</summary>
    public static readonly string[] Conjunctions = ["and", "plus", "whilst", "while"];
}
