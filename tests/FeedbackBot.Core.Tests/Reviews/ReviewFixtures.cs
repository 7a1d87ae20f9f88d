using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Core.Tests.Reviews;

/// <summary>A small customer plan with one KPI of each kind, and a way to write a cycle's answers by counts.</summary>
internal static class ReviewFixtures
{
    public static readonly DateTime Start = new(2026, 10, 12, 0, 0, 0, DateTimeKind.Utc);
    public static readonly CycleWindow Current = new(Start, Start.AddDays(7));
    public static readonly CycleWindow Before = new(Start.AddDays(-7), Start);

    public static MeasurementPlan Plan(int minimumGroupSize = 5, IReadOnlyDictionary<string, int>? population = null) => new(
        Id: "cx",
        Name: "Customer experience",
        Description: null,
        Audiences: [Audience.Customer],
        Features: ["resolution", "responsiveness"],
        Questions:
        [
            Q("sat", QuestionType.Rating5, "resolution", required: true),
            Q("rec", QuestionType.Nps, null),
            Q("ease", QuestionType.Effort7, "resolution"),
            Q("fcr", QuestionType.YesNo, "resolution"),
            Q("speed", QuestionType.Rating5, "responsiveness"),
            Q("comment", QuestionType.Text, null),
        ],
        Kpis:
        [
            new Kpi("csat", KpiMetric.Csat, null, "sat", 80, KpiDirection.Higher),
            new Kpi("nps", KpiMetric.Nps, null, "rec", 20, KpiDirection.Higher),
            new Kpi("ces", KpiMetric.Ces, null, "ease", 3, KpiDirection.Lower),
            new Kpi("fcr", KpiMetric.Fcr, null, "fcr", 70, KpiDirection.Higher),
            new Kpi("speed", KpiMetric.Mean, null, "speed", 4, KpiDirection.Higher),
        ],
        Methods: [CollectionMethod.Survey],
        Schedule: null,
        CycleDays: 7,
        Sample: SamplePlan.Everyone,
        MinimumGroupSize: minimumGroupSize,
        MinDaysBetweenInvitations: 0,
        Reminders: ReminderPlan.None,
        PostTo: [],
        Validation: new ValidationRules(2, false),
        Population: population ?? new Dictionary<string, int>(),
        Themes: []);

    /// <summary>
    /// Responses whose answers to each question are the given values, in order: answer i of every question goes to
    /// respondent i. Questions with fewer values leave the rest unanswered.
    /// </summary>
    public static List<ResponseRecord> Responses(
        CycleWindow window, string prefix, IReadOnlyList<string> segments, params (string Question, string[] Values)[] columns)
    {
        var count = columns.Max(c => c.Values.Length);
        return [.. Enumerable.Range(0, count).Select(i => new ResponseRecord(
            $"{prefix}{i:D4}",
            window.Start.AddHours(1 + (i % 100)),
            Audience.Customer,
            segments[i % segments.Count],
            300,
            columns.Where(c => i < c.Values.Length).ToDictionary(c => c.Question, c => c.Values[i])))];
    }

    /// <summary>Each value repeated its count of times, in order: Repeat(("5", 3), ("1", 2)) is 5,5,5,1,1.</summary>
    public static string[] Repeat(params (string Value, int Count)[] runs) =>
        [.. runs.SelectMany(r => Enumerable.Repeat(r.Value, r.Count))];

    public static CycleTallies Tally(MeasurementPlan plan, CycleWindow window, IEnumerable<ResponseRecord> responses)
    {
        var analyzer = new CycleAnalyzer(plan, window);
        analyzer.AddAll(responses);
        return analyzer.Complete();
    }

    public static ReviewInput Input(
        MeasurementPlan plan,
        CycleTallies current,
        CycleTallies? previous = null,
        InvitationCounts? invitations = null,
        IReadOnlyList<ComplaintRecord>? complaints = null,
        IReadOnlyList<OperationalObservation>? operational = null,
        IReadOnlyList<Companion>? companions = null) => new(
            plan,
            1,
            current,
            previous,
            invitations,
            null,
            complaints ?? [],
            null,
            [],
            operational ?? [],
            [],
            companions ?? [],
            ReviewRules.Default);

    private static Question Q(string id, QuestionType type, string? feature, bool required = false) =>
        new(id, id, type, feature, required, Audience.Customer, []);
}
