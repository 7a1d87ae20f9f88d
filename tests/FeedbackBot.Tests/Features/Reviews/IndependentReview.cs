using System.Globalization;
using CsvHelper;

namespace FeedbackBot.Tests.Features.Reviews;

/// <summary>
/// The customer-experience review's headline figures worked out straight from the CSV file, with the rules as the
/// issue states them and none of the engine's code: the check that every figure matches an independent computation.
/// </summary>
internal sealed record IndependentReview(
    int Received, int Usable, IReadOnlyDictionary<string, int> Excluded, double Csat, long CsatAnswers, double Nps, double Ces, double Fcr)
{
    private static readonly string[] Rating5 = ["satisfaction", "speed", "kept_promises", "understood", "kept_informed"];
    private static readonly string[] Channels = ["phone", "email", "web chat", "in person", "social media"];

    public static IndependentReview Compute(string path, DateTime start)
    {
        var end = start.AddDays(7);
        var rows = Read(path);
        var excluded = new Dictionary<string, int>
        {
            ["outside_window"] = 0,
            ["out_of_range"] = 0,
            ["incomplete"] = 0,
            ["speeder"] = 0,
            ["duplicate"] = 0,
        };
        var passed = new List<Dictionary<string, string>>();
        foreach (var row in rows)
        {
            var at = DateTime.Parse(row["submitted_at"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var answered = row.Where(c => IsQuestion(c.Key) && c.Value.Trim().Length > 0).ToList();
            var reason =
                at < start || at >= end ? "outside_window"
                : answered.Any(a => !Allowed(a.Key, a.Value.Trim())) ? "out_of_range"
                : row["satisfaction"].Trim().Length == 0 ? "incomplete"
                : row["duration_seconds"].Length > 0 && double.Parse(row["duration_seconds"], CultureInfo.InvariantCulture) < 2 * answered.Count ? "speeder"
                : null;
            if (reason is null)
            {
                row["_at"] = at.ToString("O", CultureInfo.InvariantCulture);
                passed.Add(row);
            }
            else
            {
                excluded[reason]++;
            }
        }

        var usable = passed.GroupBy(r => r["respondent_id"]).Select(g => g.OrderByDescending(r => r["_at"], StringComparer.Ordinal).First()).ToList();
        excluded["duplicate"] = passed.Count - usable.Count;

        var satisfaction = Numbers(usable, "satisfaction");
        var recommend = Numbers(usable, "recommend");
        var effort = Numbers(usable, "effort");
        var fcr = usable.Select(r => r["first_contact"].Trim().ToLowerInvariant()).Where(v => v.Length > 0).ToList();
        return new IndependentReview(
            rows.Count,
            usable.Count,
            excluded,
            100.0 * satisfaction.Count(v => v >= 4) / satisfaction.Count,
            satisfaction.Count,
            (100.0 * recommend.Count(v => v >= 9) / recommend.Count) - (100.0 * recommend.Count(v => v <= 6) / recommend.Count),
            effort.Average(),
            100.0 * fcr.Count(v => v is "yes" or "true" or "1") / fcr.Count);
    }

    private static bool IsQuestion(string column) =>
        column is not ("respondent_id" or "submitted_at" or "audience" or "segment" or "duration_seconds");

    private static bool Allowed(string question, string value) => question switch
    {
        "recommend" => IsInteger(value, 0, 10),
        "effort" => IsInteger(value, 1, 7),
        "first_contact" => value.ToLowerInvariant() is "yes" or "no" or "true" or "false" or "1" or "0",
        "contact_channel" => Channels.Contains(value.ToLowerInvariant()),
        "comment" => true,
        _ when Rating5.Contains(question) => IsInteger(value, 1, 5),
        _ => throw new InvalidOperationException($"Unknown column {question}."),
    };

    private static bool IsInteger(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;

    private static List<int> Numbers(List<Dictionary<string, string>> rows, string column) =>
        [.. rows.Select(r => r[column].Trim()).Where(v => v.Length > 0).Select(v => int.Parse(v, CultureInfo.InvariantCulture))];

    private static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => reader.GetString(c.i), StringComparer.Ordinal));
        }

        return rows;
    }
}
