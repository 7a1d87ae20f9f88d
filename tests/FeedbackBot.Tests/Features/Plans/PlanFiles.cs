namespace FeedbackBot.Tests.Features.Plans;

internal static class PlanFiles
{
    public const string Minimal = """
        id: quick-pulse
        name: Quick pulse
        audiences: [staff]
        features: [responsiveness]
        questions:
          - id: speed
            text: Customers get a reply from us quickly.
            type: rating5
            feature: responsiveness
            required: true
        kpis:
          - id: speed_mean
            metric: mean
            question: speed
            target: 4
        """;

    public static string WithUnknownType => Minimal.Replace("type: rating5", "type: stars", StringComparison.Ordinal);

    public static string Renamed => Minimal.Replace("name: Quick pulse", "name: Quick pulse, revised", StringComparison.Ordinal);

    public static string WithExtraQuestion => Minimal.Replace(
        "    required: true\n",
        "    required: true\n  - id: comment\n    text: Anything else?\n    type: text\n",
        StringComparison.Ordinal);
}
