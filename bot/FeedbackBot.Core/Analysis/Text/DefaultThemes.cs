namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// The customer-service themes every plan starts from. Keywords are plain forms: matching adds the inflections.
/// Where a phrase and a single word overlap across themes ("call back" and "call"), the longer phrase wins.
/// </summary>
internal static class DefaultThemes
{
    public static readonly string[] WaitingTime =
    [
        "wait", "wait time", "waiting time", "queue", "on hold", "hold time", "held", "delay", "took ages",
        "took forever", "took too long", "too long", "ages", "forever", "long time", "slow", "slowly", "quick",
        "quickly", "fast", "prompt", "promptly", "speedy", "swift", "swiftly", "response time", "turnaround",
        "immediately", "straight away", "right away", "instantly", "on time", "timely", "late", "eventually", "backlog",
    ];

    public static readonly string[] AttitudeEmpathy =
    [
        "rude", "rudely", "rudeness", "polite", "politely", "impolite", "friendly", "unfriendly", "kind", "kindness",
        "caring", "uncaring", "empathy", "empathetic", "sympathetic", "understanding", "patient", "patience",
        "impatient", "attitude", "manner", "tone", "courteous", "courtesy", "respectful", "disrespectful",
        "condescending", "patronising", "patronizing", "dismissive", "arrogant", "abrupt", "short with me", "helpful",
        "unhelpful", "listen", "cared", "go the extra mile", "above and beyond", "felt valued", "like a number",
        "apologise", "apologize", "apology", "aggressive", "hostile", "sarcastic", "patiently", "lovely", "pleasant",
        "cheerful", "welcoming", "approachable", "personable", "grumpy", "warm",
    ];

    public static readonly string[] Knowledge =
    [
        "knowledge", "knowledgeable", "know", "knew", "clueless", "no idea", "expert", "expertise", "experienced",
        "inexperienced", "competent", "incompetent", "trained", "training", "untrained", "well informed",
        "misinformed", "wrong information", "incorrect information", "inaccurate", "accurate", "conflicting information",
        "contradictory", "professional", "unprofessional", "skilled", "technical", "couldn't answer", "could not answer",
        "answer my question", "check with", "new starter",
    ];

    public static readonly string[] Resolution =
    [
        "resolve", "resolved", "unresolved", "resolution", "solve", "solved", "solution", "fix", "fixed", "sorted out",
        "sort it out", "outcome", "first time", "first call", "first contact", "still broken", "problem solved",
        "escalate", "escalation", "deal with", "nothing was done", "nothing done", "reopen", "workaround", "dealt with", "handled",
        "follow through", "round in circles", "no solution", "repair", "replaced", "replacement", "compensation",
        "goodwill",
    ];

    public static readonly string[] Communication =
    [
        "communication", "communicate", "explain", "explanation", "clear", "unclear", "confusing",
        "confused", "jargon", "kept me informed", "keep me informed", "kept me updated", "keep me updated", "update",
        "no update", "follow up", "call back", "call me back", "phone me back", "ring me back", "email me back", "callback", "ring back", "get back to me", "got back to me",
        "heard back", "hear back", "no reply", "no response", "reply", "respond", "informed", "told",
        "miscommunication", "mixed messages", "transparent", "transparency", "honest", "in touch",
    ];

    public static readonly string[] ProcessPolicy =
    [
        "process", "procedure", "policy", "rule", "terms and conditions", "red tape", "bureaucracy", "bureaucratic",
        "paperwork", "form", "hoops", "verification", "security questions", "id check", "passed around",
        "passed from", "pillar to post", "transferred", "transfer", "repeat myself", "department", "runaround",
        "computer says no", "inflexible", "flexible", "cancel", "cancellation", "contract", "returns policy",
        "appointment", "booking", "reference number",
    ];

    public static readonly string[] Product =
    [
        "product", "item", "order", "delivery", "deliver", "parcel", "package", "device", "quality", "faulty",
        "broken", "damaged", "defective", "doesn't work", "does not work", "stopped working", "not working",
        "feature", "model", "software", "installation", "install", "warranty", "build quality", "missing item",
        "wrong item", "arrived", "out of stock", "goods", "outage", "connection", "signal", "broadband", "bug",
        "glitch", "crash", "software update",
    ];

    public static readonly string[] Price =
    [
        "price", "pricing", "cost", "expensive", "overpriced", "cheap", "cheaper", "affordable", "value for money",
        "good value", "poor value", "fee", "charge", "overcharged", "hidden charges", "bill", "billing", "invoice",
        "payment", "paid", "pay", "refund", "money back", "discount", "deal", "subscription", "tariff", "bank transfer",
        "direct debit", "price increase", "rip off", "ripoff",
    ];

    /// <summary>Words and phrases about reaching the service at all: these alone code a comment as about access.</summary>
    public static readonly string[] AccessChannel =
    [
        "opening hours", "open hours", "get through", "get hold of", "hard to reach", "couldn't reach", "could not reach",
        "can't reach", "cannot reach", "unreachable", "self service", "easy to use", "hard to use", "difficult to use",
        "user friendly", "navigate", "phone menu", "automated", "24/7", "accessible", "accessibility", "inaccessible",
        "engaged tone", "line busy", "lines busy", "lines were busy", "out of hours", "cut off", "website down",
        "app down", "offline",
    ];

    /// <summary>
    /// Names of channels. Naming one says how the customer got in touch ("call me on ..."), not that reaching us was
    /// good or bad, so these code access only where the part of the comment around them judges them and is about no
    /// other theme ("the app is useless", but not "no reply to my emails").
    /// </summary>
    public static readonly string[] ChannelNames =
    [
        "phone", "telephone", "call", "phone line", "email", "e-mail", "live chat", "chat", "chatbot", "bot",
        "website", "web site", "online", "app", "portal", "reach", "contact", "contact details", "contact number",
        "branch", "store", "in person", "face to face", "social media", "whatsapp", "text message", "sms",
        "voicemail", "customer care",
    ];

    /// <summary>Phrases that contain a keyword but are about none of the themes; the longer phrase wins, so they block it.</summary>
    public static readonly string[] Blockers =
    [
        "in order to", "in order", "kind of", "what kind", "any kind", "kind regards", "in charge", "great deal",
        "big deal", "good deal of", "pay attention", "to be honest", "let me know", "let us know", "you know",
        "as far as i know", "i know", "i knew", "can't wait", "cannot wait", "cant wait", "long time customer",
        "quality of service", "service quality", "fast forward", "sort of",
    ];

    public static readonly Theme[] All =
    [
        new("waiting_time", "Waiting time", "responsiveness", WaitingTime),
        new("attitude_empathy", "Attitude and empathy", "empathy", AttitudeEmpathy),
        new("knowledge", "Staff knowledge", "assurance", Knowledge),
        new("resolution", "Resolution", "resolution", Resolution),
        new("communication", "Communication", "communication", Communication),
        new("process_policy", "Process and policy", "reliability", ProcessPolicy),
        new("product", "Product", null, Product),
        new("price", "Price and billing", null, Price),
        new("access_channel", "Access and channels", "accessibility", AccessChannel) { Qualified = ChannelNames },
    ];
}
