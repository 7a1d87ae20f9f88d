using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary>A small customer plan sent as a web link, and contacts for it, written and imported as an operator would.</summary>
internal static class CustomerPlans
{
    public const string Key = "care";

    public const string Name = "Customer care survey";

    public static string Plan(string sample = "method: everyone", int minDays = 0, string reminders = "count: 2\n  every: 2d") => $"""
        id: {Key}
        name: {Name}
        description: We read every answer and use them to make our service faster and friendlier.
        audiences: [customer]
        features: [resolution]
        methods: [web_link]
        schedule:
          cron: "0 10 * * 1"
          time_zone: Europe/London
        cycle_days: 7
        sample:
          {sample.Replace("\n", "\n  ", StringComparison.Ordinal)}
        min_days_between_invitations: {minDays}
        minimum_group_size: 3
        reminders:
          {reminders}
        questions:
          - id: satisfaction
            text: How satisfied were you with the service you received?
            type: rating5
            feature: resolution
            required: true
        kpis:
          - id: csat
            metric: csat
            question: satisfaction
            target: 85
        """;

    /// <summary>The address of contact <c>C-{n}</c> in <see cref="Contacts"/>.</summary>
    public static string Address(int n) => $"customer{n}@example.com";

    /// <summary>A contacts file: <c>C-1</c>.. with an address each, in the given regions in turn, handled by agent Priya on the phone.</summary>
    public static string Contacts(params string[] regions) =>
        "contact_id,email,interaction_id,agent,channel,region\n" +
        string.Concat(regions.Select((region, i) => $"C-{i + 1},{Address(i + 1)},T-{i + 1},Priya,phone,{region}\n"));

    public static async Task ApplyAsync(IReadOnlyDictionary<string, string?> settings, string planYaml, string tenant = "local")
    {
        using var file = await PlanFiles.WriteAsync(planYaml);
        var applied = await CliRun.RunAsync(settings, "plans", "apply", "--tenant", tenant, file.Path);
        Assert.True(applied.ExitCode == 0, applied.Error);
    }

    public static async Task ImportAsync(IReadOnlyDictionary<string, string?> settings, string csv, string tenant = "local")
    {
        using var folder = new TempFolder();
        var run = await CliRun.RunAsync(settings, "import", "contacts", folder.Write("contacts.csv", csv), "--plan", Key, "--tenant", tenant);
        Assert.True(run.ExitCode == 0, run.Error);
    }
}
