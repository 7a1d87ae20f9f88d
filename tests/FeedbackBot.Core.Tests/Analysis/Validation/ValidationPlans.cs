using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Tests.Analysis.Validation;

/// <summary>A small customer plan and helpers to write responses to it.</summary>
internal static class ValidationPlans
{
    public static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly CycleWindow Window = new(Start, Start.AddDays(30));

    public static MeasurementPlan Plan(bool excludeStraightLiners = false, double minSecondsPerQuestion = 2) => new(
        Id: "cx",
        Name: "CX",
        Description: null,
        Audiences: [Audience.Customer],
        Features: ["responsiveness", "resolution"],
        Questions:
        [
            Question("sat", QuestionType.Rating5, required: true),
            Question("speed", QuestionType.Rating5),
            Question("ease", QuestionType.Effort7),
            Question("nps", QuestionType.Nps),
            Question("fcr", QuestionType.YesNo),
            Question("channel", QuestionType.Choice, options: ["Phone", "Email"]),
            Question("topics", QuestionType.MultiChoice, options: ["Billing", "Delivery", "Returns"]),
            Question("comment", QuestionType.Text),
        ],
        Kpis: [],
        Methods: [CollectionMethod.Survey],
        Schedule: null,
        CycleDays: 30,
        Sample: SamplePlan.Everyone,
        MinimumGroupSize: 5,
        MinDaysBetweenInvitations: 0,
        Reminders: ReminderPlan.None,
        PostTo: [],
        Validation: new ValidationRules(minSecondsPerQuestion, excludeStraightLiners),
        Population: new Dictionary<string, int>(),
        Themes: []);

    public static ResponseRecord Response(
        string respondent,
        int hour = 1,
        double? seconds = 60,
        params (string Question, string Value)[] answers)
    {
        var values = answers.Length == 0
            ? new Dictionary<string, string> { ["sat"] = "4", ["speed"] = "3", ["ease"] = "2", ["nps"] = "8" }
            : answers.GroupBy(a => a.Question).ToDictionary(g => g.Key, g => g.Last().Value);
        return new ResponseRecord(respondent, Start.AddHours(hour), Audience.Customer, "north", seconds, values);
    }

    private static Question Question(string id, QuestionType type, bool required = false, string[]? options = null) =>
        new(id, id, type, null, required, Audience.Customer, options ?? []);
}
