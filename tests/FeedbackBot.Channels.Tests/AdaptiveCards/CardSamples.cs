using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Channels.Tests.AdaptiveCards;

/// <summary>Replies as the conversation features build them, one question of every type.</summary>
internal static class CardSamples
{
    public const string Hostile = "Great! [click](http://evil) and **bold** _now_";

    public static SurveyPrompt Survey(
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyDictionary<string, string>? errors = null,
        string? intro = null) => new(
        "card-7",
        "customer-experience",
        "cycle-2026-10-12",
        "Customer experience",
        intro,
        [
            new("sat", "How satisfied were you?", QuestionType.Rating5, true, Scale(1, 5), false, null),
            new("nps", "How likely are you to recommend us?", QuestionType.Nps, true, Scale(0, 10), false, null),
            new("effort", "How easy was it?", QuestionType.Effort7, false, Scale(1, 7), false, null),
            new("resolved", "Was your problem solved?", QuestionType.YesNo, true, [new("yes", "Yes"), new("no", "No")], false, null),
            new("channel", "How did you contact us?", QuestionType.Choice, false, Options("phone", "email", "chat"), false, null),
            new("topics", "What was it about?", QuestionType.MultiChoice, false, Options("billing", "delivery", "returns"), true, null),
            new("comment", "Anything else?", QuestionType.Text, false, [], false, 4000),
        ],
        values ?? new Dictionary<string, string>(),
        errors ?? new Dictionary<string, string>());

    /// <summary>An evaluation as its agent gets it: a critical criterion, a comment, hostile text, and the form to answer it.</summary>
    public static EvaluationView Evaluation(bool withForm = true) => new(
        "Your evaluation from Morgan",
        "Sam",
        "Morgan",
        "Phone call",
        "CALL-1001",
        "phone",
        new DateOnly(2026, 12, 4),
        62.5,
        false,
        false,
        80,
        [
            new("Greeted the customer", "Yes", true, false, null),
            new("Checked the caller's identity", "Yes", true, true, Hostile),
            new("Let the customer explain", "2 of 5", false, false, "Interrupted twice."),
            new("Explained the hold", "Not applicable", null, false, null),
        ],
        "Clear explanation of the bill.",
        "Let the customer finish before answering.",
        "Sam asked to discuss it on 5 Dec 2026: the customer asked to be quick.",
        "I rushed because the queue was long.",
        [new CoachingStep("Summarise before answering", "Two calls with Morgan", new DateOnly(2026, 12, 19), "planned")],
        "Only you, your evaluator and your team's managers see it.",
        withForm ? EvaluationResponseForms.Prompt("customer-experience", "0f8fad5b-d9cb-469f-a165-70867728950e", "card-9", "Morgan") : null);

    public static Dictionary<string, string> Answers() => new()
    {
        ["sat"] = "4",
        ["nps"] = "9",
        ["effort"] = "2",
        ["resolved"] = "yes",
        ["channel"] = "chat",
        ["topics"] = "billing,returns",
        ["comment"] = "Quick and kind.",
    };

    public static ReviewSummary Review(
        IReadOnlyList<KpiLine>? kpis = null,
        IReadOnlyList<string>? strengths = null,
        IReadOnlyList<RecommendationLine>? recommendations = null) => new(
        "Customer experience",
        "12 Oct – 18 Oct 2026",
        kpis ??
        [
            new("CSAT", "87%", "≥ 85%", "met"),
            new("NPS", "31", "≥ 30", "at_risk"),
            new("First response minutes", "48", "≤ 30", "missed"),
            new("CES", "not enough data", "≤ 3", "not_enough_data"),
        ],
        strengths ?? ["Agents are friendly"],
        ["Slow first response on email"],
        ["Staff rate resolution higher than customers"],
        recommendations ?? [new("Add a morning email shift", "high", "team lead", new DateOnly(2026, 11, 30))],
        "340 usable of 347 received",
        new Uri("https://bot.example.com/reviews/42?token=abc"));

    /// <summary>A review whose first recommendation can be adopted and whose second is being acted on.</summary>
    public static ReviewSummary ReviewWithAdopt() => Review(recommendations:
    [
        new("Add a morning email shift", "high", "team lead", new DateOnly(2026, 11, 30),
            Adopt: new FormButton("Adopt", Verbs.OpenAdoption, "0d3c2b1a-7b2c-4f5e-9a8b-1c2d3e4f5a6b", "r1", "0d3c2b1a7b2c4f5e9a8b1c2d3e4f5a6b-r1")),
        new("Train agents on refunds", "medium", "quality lead", new DateOnly(2026, 12, 14), ActedOn: "Being acted on: action 3, in progress"),
    ]);

    /// <summary>Two improvement actions, the first overdue, each with its Update button.</summary>
    public static ActionList Actions() => new(
        "Your open improvement actions",
        "The ones you own or adopted, overdue first.",
        [
            new(3, "Add a morning email shift", "in progress", "overdue: due 30 Nov 2026", true, "KPI first_response: 48 (n = 212) at adoption; success at or below 30", "ana@example.com",
                new FormButton("Update", Verbs.OpenImprovementActionUpdate, "customer-experience", "5e0c7d2a-1b3c-4d5e-8f9a-0b1c2d3e4f5a", "5e0c7d2a1b3c4d5e8f9a0b1c2d3e4f5a")),
            new(4, "Train agents on refunds", "implemented, live since 1 Dec 2026", "due 14 Dec 2026", false, null, "U024BE7LH", null),
        ],
        "and 2 more: 'feedbackbot actions list' shows them all.");

    private static List<SurveyChoice> Scale(int min, int max) =>
        [.. Enumerable.Range(min, max - min + 1).Select(v => new SurveyChoice(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    private static List<SurveyChoice> Options(params string[] options) => [.. options.Select(o => new SurveyChoice(o, o))];
}
