using System.Globalization;
using System.Text;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Actions;

/// <summary>
/// A small customer plan with one CSAT KPI (target 80%) and weekly cycles, and its answers: what the improvement-action
/// tests adopt advice from.
/// </summary>
internal static class CsatWeekly
{
    public const string Key = "csat-weekly";

    public const string Plan = """
        id: csat-weekly
        name: CSAT weekly
        audiences: [customer]
        features: [service]
        questions:
          - id: satisfaction
            text: How satisfied were you?
            type: rating5
            feature: service
            required: true
        kpis:
          - id: csat
            metric: csat
            question: satisfaction
            target: 80
        minimum_group_size: 5
        """;

    /// <summary>The week starting on <paramref name="start"/>, as <c>--cycle</c> takes it.</summary>
    public static string Cycle(string start)
    {
        var first = DateOnly.ParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{start}..{first.AddDays(6):yyyy-MM-dd}";
    }

    /// <summary><paramref name="count"/> answers in the week starting on <paramref name="start"/>, the first <paramref name="satisfied"/> of them 4 or 5, the rest 2.</summary>
    public static string Responses(string start, int satisfied, int count = 100)
    {
        var csv = new StringBuilder("respondent_id,submitted_at,audience,segment,duration_seconds,satisfaction\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"C-{start}-{i},{start}T{8 + (i % 9):00}:{i % 60:00}:00Z,customer,north,30,{(i < satisfied ? (i % 2 == 0 ? 5 : 4) : 2)}\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// Applies the plan (with <paramref name="extra"/> appended) in <paramref name="tenant"/> (the default tenant when
    /// null), imports a week where half the customers were satisfied, and reviews it: CSAT misses its target, so the
    /// review recommends raising it.
    /// </summary>
    public static async Task ReviewAWeekAsync(IReadOnlyDictionary<string, string?> settings, string? tenant = null, string start = "2026-09-07", string extra = "")
    {
        using var folder = new TempFolder();
        string[] inTenant = tenant is null ? [] : ["--tenant", tenant];
        var applied = await CliRun.RunAsync(settings, ["plans", "apply", folder.Write(Key + ".yaml", Plan + extra), .. inTenant]);
        Assert.True(applied.ExitCode == 0, applied.Error);
        var import = await CliRun.RunAsync(settings, ["import", "responses", folder.Write("week.csv", Responses(start, 50)), "--plan", Key, "--cycle", Cycle(start), .. inTenant]);
        Assert.True(import.ExitCode == 0, import.Error);
        var review = await CliRun.RunAsync(settings, ["review", "--plan", Key, "--cycle", Cycle(start), "--format", "json", .. inTenant]);
        Assert.True(review.ExitCode == 0, review.Error);
    }
}
