using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

/// <summary>
/// A review of a support desk's October cycle as the engine would produce it, written out by hand: every part of
/// the contract filled, a KPI and a segment, a theme and a question withheld for privacy, and text from respondents
/// and imports that would be dangerous if a renderer passed it through (markup, quotes, formulas).
/// </summary>
internal static class SampleReviews
{
    public const string HostileQuote = "<script>alert(1)</script> I waited \"forever\" & nobody called back";
    public const string FormulaSegment = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string CommaSegment = "North, \"East\" region";

    public static Review Realistic() => new(
        new ReviewPlan("customer-experience", "Customer experience: support desk", 3, 5),
        new ReviewCycle(Utc(2026, 10, 1), Utc(2026, 11, 1), new CycleSpan(Utc(2026, 9, 1), Utc(2026, 10, 1))),
        Validation(),
        Metrics(),
        Distributions(),
        Segments(),
        Themes(),
        Complaints(),
        Strengths(),
        Shortfalls(),
        Gaps(),
        Recommendations());

    public static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static ValidationReport Validation() => new(
        Received: 468,
        Usable: 412,
        Excluded: new Dictionary<string, int>
        {
            ["outside_window"] = 5,
            ["incomplete"] = 21,
            ["speeder"] = 14,
            ["duplicate"] = 9,
            ["straight_lined"] = 7,
        },
        StraightLiners: 7,
        StraightLinersExcluded: true,
        new Representativeness(
            "invitations",
            [
                new SegmentShare("enterprise", 30.0, 33.5, 138),
                new SegmentShare("smb", 50.0, 49.3, 203),
                new SegmentShare("consumer", 18.0, 17.2, 71),
                new SegmentShare("public_sector", 2.0, null, null),
            ],
            ChiSquare: 1.92,
            DegreesOfFreedom: 2,
            PValue: 0.383,
            Approximate: false,
            Population: 5200));

    private static List<MetricResult> Metrics() =>
    [
        new("csat", "csat", "overall_satisfaction", "overall", 84.2, 398, [80.6, 87.8], 3.6, 80, "higher", KpiStatus.Met, 4.2, 81.0, 3.2, 0.21, 0.08, null),
        new("nps", "nps", "recommend", "loyalty", 31, 401, [24.0, 38.0], 7.0, 30, "higher", KpiStatus.AtRisk, 1, 35, -4, 0.38, -4, null),
        new("ces", "ces", "effort", "effort", 3.42, 377, [3.28, 3.56], 0.14, 3.0, "lower", KpiStatus.Missed, -0.42, 3.21, 0.21, 0.031, 0.16, null),
        new("fcr", "fcr", "resolved_first_time", "resolution", 71.3, 405, [66.9, 75.7], 4.4, 75, "higher", KpiStatus.AtRisk, -3.7, 68.0, 3.3, 0.29, 0.07, null),
        new("response_rate", "response_rate", null, null, 23.6, 1746, [21.6, 25.6], 2.0, 25, "higher", KpiStatus.AtRisk, -1.4, null, null, null, null, null),
        new("handling_time", "average_handling_time", null, "responsiveness", 412.5, 31, null, null, 420, "lower", KpiStatus.Met, 7.5, 436, -23.5, null, null, null),
        new("wait_rating", "mean", "wait_time", "responsiveness", null, 3, null, null, 3.5, "higher", KpiStatus.NotEnoughData, null, 3.4, null, null, null,
            "Only 3 answers; at least 5 are needed."),
    ];

    private static List<QuestionDistribution> Distributions() =>
    [
        new("overall_satisfaction", "How satisfied were you with our support?", "rating5", "overall", 398,
            [Count("1", 14, 3.5), Count("2", 17, 4.3), Count("3", 32, 8.0), Count("4", 151, 37.9), Count("5", 184, 46.2)], false),
        new("recommend", "How likely are you to recommend us to a friend or colleague?", "nps", "loyalty", 401,
            [Count("0", 6, 1.5), Count("1", 3, 0.7), Count("2", 5, 1.2), Count("3", 7, 1.7), Count("4", 9, 2.2), Count("5", 21, 5.2),
             Count("6", 30, 7.5), Count("7", 48, 12.0), Count("8", 68, 17.0), Count("9", 96, 23.9), Count("10", 108, 26.9)], false),
        new("effort", "How easy was it to get your issue handled?", "effort7", "effort", 377,
            [Count("1", 61, 16.2), Count("2", 72, 19.1), Count("3", 70, 18.6), Count("4", 64, 17.0), Count("5", 51, 13.5), Count("6", 35, 9.3), Count("7", 24, 6.4)], false),
        new("resolved_first_time", "Was your issue resolved the first time you contacted us?", "yesno", "resolution", 405,
            [Count("yes", 289, 71.4), Count("no", 116, 28.6)], false),
        new("contact_channel", "How did you contact us?", "choice", null, 410,
            [Count("phone", 182, 44.4), Count("chat", 121, 29.5), Count("email", 88, 21.5), Count("Tom & Jerry's <shop>", 19, 4.6)], false),
        new("wait_time", "How do you rate the time you waited?", "rating5", "responsiveness", 3, [], true),
    ];

    private static ValueCount Count(string value, long count, double percent) => new(value, count, percent);

    private static List<SegmentMetric> Segments() =>
    [
        new("csat", "enterprise", 86.1, 132, [80.2, 92.0], KpiStatus.Met),
        new("csat", "smb", 83.0, 197, [77.8, 88.2], KpiStatus.AtRisk),
        new("csat", CommaSegment, 82.9, 68, [73.9, 91.9], KpiStatus.AtRisk),
        new("csat", "public_sector", null, null, null, KpiStatus.NotEnoughData),
        new("ces", FormulaSegment, 3.61, 40, [3.2, 4.02], KpiStatus.Missed),
    ];

    private static ThemeReport Themes() => new(236, 31,
    [
        new("waiting_time", "Waiting time", "responsiveness", 64, 31.2, 49, 9, 6, 52, 12,
            new Dictionary<string, int> { ["survey"] = 41, ["complaint"] = 17, ["feedback"] = 6 },
            [HostileQuote, "Forty minutes on hold before anyone answered.", "The callback came two days later than promised."], false),
        new("attitude_empathy", "Staff attitude", "empathy", 48, 23.4, 8, 6, 34, 50, -2,
            new Dictionary<string, int> { ["survey"] = 44, ["feedback"] = 4 },
            ["Sam was patient and really listened.", "Friendly, but I had to explain everything twice."], false),
        new("knowledge", "Product knowledge", "resolution", 29, 14.1, 17, 7, 5, 21, 8,
            new Dictionary<string, int> { ["survey"] = 22, ["complaint"] = 7 },
            ["Nobody knew how the new tariff works."], false),
        new("communication_theme", "Keeping customers informed", "communication", 22, 10.7, 15, 4, 3, null, null,
            new Dictionary<string, int> { ["survey"] = 22 },
            ["I never heard back after the first email."], false),
        new("price", "Prices & <charges>", "price", null, null, null, null, null, null, null,
            new Dictionary<string, int>(), [], true),
    ]);

    private static ComplaintReport Complaints() => new(
        57, 49, 8,
        [
            new WeekCount(new DateOnly(2026, 9, 28), 9),
            new WeekCount(new DateOnly(2026, 10, 5), 14),
            new WeekCount(new DateOnly(2026, 10, 12), 11),
            new WeekCount(new DateOnly(2026, 10, 19), 13),
            new WeekCount(new DateOnly(2026, 10, 26), 10),
        ],
        [
            new CategoryCount("delay", 21, 15, 6),
            new CategoryCount("billing", 14, 13, 1),
            new CategoryCount("staff", 9, 11, -2),
            new CategoryCount("other", 13, 10, 3),
        ],
        26.5,
        6);

    private static List<Finding> Strengths() =>
    [
        new("met_with_margin", "Customers are satisfied with support: CSAT is above its standard", "overall",
            new Evidence("csat", 84.2, 80, 398, [80.6, 87.8], 81.0, 3.2, 0.21, ["Quick and friendly, thank you!"])),
        new("improved", "Average handling time fell well within its standard", "responsiveness",
            new Evidence("handling_time", 412.5, 420, 31, null, 436, -23.5, null, [])),
    ];

    private static List<Finding> Shortfalls() =>
    [
        new("missed", "Getting help takes more effort than the standard allows", "effort",
            new Evidence("ces", 3.42, 3.0, 377, [3.28, 3.56], 3.21, 0.21, 0.031, ["I had to call three times to get it sorted."])),
        new("theme", "Waiting time is the most mentioned theme, and mostly negative", "responsiveness",
            new Evidence("waiting_time", 31.2, null, 64, null, null, null, null, [HostileQuote])),
    ];

    private static List<Gap> Gaps() =>
    [
        new("staff_vs_customer", "Staff rate responsiveness higher than customers do", "responsiveness",
            new Evidence("responsiveness_customers", 62.5, null, 398, [59.1, 65.9], null, null, null, []),
            new Evidence("responsiveness_staff", 78.0, null, 42, [71.2, 84.8], null, null, null, []),
            -15.5, 0.002),
    ];

    private static List<Recommendation> Recommendations() =>
    [
        new("Cut the time customers wait for a response", "high", 0.82, "responsiveness", "waiting_time",
            "Match staffing to demand by hour and weekday, offer a callback instead of a queue, and track first-response time daily against the standard.",
            new Evidence("ces", 3.42, 3.0, 377, [3.28, 3.56], 3.21, 0.21, 0.031, [HostileQuote]),
            "service delivery manager", "CES at or below 3.0 with its whole 95% interval", new DateOnly(2026, 12, 1)),
        new("Resolve more issues at the first contact", "medium", 0.44, "resolution", null,
            "Find the main reasons issues need a second contact and give front-line staff the knowledge and authority to resolve them.",
            new Evidence("fcr", 71.3, 75, 405, [66.9, 75.7], 68.0, 3.3, 0.29, []),
            "service delivery manager", "First-contact resolution at or above 75%", new DateOnly(2026, 12, 16)),
        new("Raise the response rate so results can be trusted", "low", 0.12, null, null,
            "Shorten the survey, send it closer to the interaction, and remind once.",
            new Evidence("response_rate", 23.6, 25, 1746, [21.6, 25.6], null, null, null, []),
            "customer experience lead", "Response rate at or above 25%", new DateOnly(2026, 12, 1)),
    ];
}
