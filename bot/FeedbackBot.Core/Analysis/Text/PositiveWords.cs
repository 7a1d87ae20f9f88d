namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Words and phrases that approve, by strength. Entries match their inflections (thank, thanked, thanking), so
/// inflected entries are listed only where the plain form means something else.
/// </summary>
internal static class PositiveWords
{
    public static readonly string[] Strong =
    [
        "excellent", "outstanding", "amazing", "fantastic", "brilliant", "superb", "wonderful", "exceptional",
        "perfect", "perfectly", "awesome", "incredible", "phenomenal", "terrific", "marvellous", "marvelous", "great",
        "first class", "top notch", "second to none", "above and beyond", "extra mile", "love", "delighted", "thrilled",
        "faultless", "flawless", "best", "lifesaver", "spot on", "exemplary", "stellar", "world class", "impressed",
        "impressive", "fabulous", "star", "gem", "exceeded",
    ];

    public static readonly string[] Moderate =
    [
        "good", "helpful", "friendly", "polite", "politely", "kind", "kindly", "kindness", "courteous", "patient",
        "patience", "professional", "knowledgeable", "efficient", "efficiently", "quick", "quickly", "fast", "prompt",
        "promptly", "speedy", "swift", "swiftly", "easy", "easily", "simple", "smooth", "smoothly", "clear", "explained clearly",
        "responsive", "reliable", "resolved", "solved", "fixed", "sorted out", "happy", "pleased", "satisfied", "thank",
        "thanks", "thankful", "grateful", "appreciate", "nice", "lovely", "pleasant", "warm", "caring", "cared",
        "care", "empathetic", "sympathetic", "understanding", "attentive", "reassuring", "reassured", "accurate",
        "competent", "expert", "informative", "thorough", "useful", "convenient", "affordable", "value for money",
        "good value", "recommend", "well done", "glad", "enjoy", "comfortable", "welcoming", "respectful",
        "considerate", "genuine", "proactive", "transparent", "seamless", "painless", "hassle free", "effortless",
        "straightforward", "intuitive", "well informed", "kept me informed", "kept me updated", "on time",
        "immediately", "straight away", "right away", "instantly", "works well", "short", "listened", "honest",
        "apologetic", "valued", "relieved", "cheerful", "calm", "handled well", "went smoothly", "no hassle",
        "improved", "improvement", "benefit", "worth", "worthwhile", "no worries", "don't mind",
        "didn't mind",
    ];

    public static readonly string[] Mild =
    [
        "ok", "okay", "fine", "alright", "decent", "adequate", "acceptable", "reasonable", "reasonably", "fair",
        "satisfactory", "sufficient", "better", "helped", "cheap", "cheaper", "eventually", "apologised",
        "apologized", "apology", "explained",
    ];
}
