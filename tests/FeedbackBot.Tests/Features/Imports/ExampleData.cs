using CsvHelper;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

// The folder is Imports; the namespace is not, because Imports is a Visual Basic keyword (CA1716).
namespace FeedbackBot.Tests.Features.DataImports;

/// <summary>The example data in examples/data and the plans it belongs to.</summary>
internal static class ExampleData
{
    public const string CustomerPlan = "customer-experience";
    public const string StaffPlan = "staff-pulse";
    public const string PreviousCustomerCycle = "2026-10-05..2026-10-11";
    public const string CurrentCustomerCycle = "2026-10-12..2026-10-18";
    public const string PreviousStaffCycle = "2026-10-05..2026-10-09";
    public const string CurrentStaffCycle = "2026-10-12..2026-10-16";

    public static string Folder => Path.Combine(RepositoryPaths.Root, "examples", "data");

    public static string PreviousCustomerResponses => Path.Combine(Folder, CustomerPlan, "responses-2026-10-05.csv");

    public static string CurrentCustomerResponses => Path.Combine(Folder, CustomerPlan, "responses-2026-10-12.csv");

    public static string PreviousStaffResponses => Path.Combine(Folder, StaffPlan, "responses-2026-10-05.csv");

    public static string CurrentStaffResponses => Path.Combine(Folder, StaffPlan, "responses-2026-10-12.csv");

    public static string Complaints => Path.Combine(Folder, CustomerPlan, "complaints.csv");

    public static string Metrics => Path.Combine(Folder, CustomerPlan, "metrics.csv");

    public static string ResponsesWithErrors => Path.Combine(Folder, "bad", "responses-with-errors.csv");

    /// <summary>Applies both example plans to the database, as a user would before importing.</summary>
    public static async Task ApplyPlansAsync(TestDatabase database)
    {
        var files = Directory.GetFiles(RepositoryPaths.ExamplePlans, "*.yaml").Order().ToArray();
        var run = await CliRun.RunAsync(database, ["plans", "apply", .. files]);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    /// <summary>The data rows of a CSV file, each cell as written.</summary>
    public static IReadOnlyList<string[]> Rows(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}
